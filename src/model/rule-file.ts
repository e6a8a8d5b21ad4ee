import * as z from 'zod/mini';
import { describe, nonEmptyString, strictObject, withJsonSchema } from './schema-kit.js';
import { bilingual } from './suggest.js';

const statusSchema = strictObject({
  code: describe(nonEmptyString(), '状态代码(英文,供程序使用),如 on-track。', 'The status code for programs, e.g. on-track.'),
  label: describe(nonEmptyString(), '显示名称(中文),如“有序推进”。', 'The label for people, e.g. 有序推进.'),
  description: describe(z.optional(z.string()), '说明。', 'What the status means.'),
});

/**
 * The zod schema of a rule file's outer shape: metadata, statuses and rules.
 * Conditions are checked separately against the fact catalogue and the
 * operators (see `parseRuleFile`), because what they may name depends on the
 * facts and operators an application registers.
 *
 * @category Model
 */
export const ruleFileSchema = strictObject({
  $schema: describe(z.optional(z.string()), 'JSON Schema 的路径或网址,供编辑器使用。', 'Path or URL of the JSON Schema, for editors.'),
  formatVersion: describe(z.literal(1), '格式版本,为 1。', 'Format version: 1.'),
  id: describe(nonEmptyString(), '规则集 id,如 four-level。', 'Rule set id, e.g. four-level.'),
  title: describe(nonEmptyString(), '规则集名称。', 'Rule set title.'),
  description: describe(z.optional(z.string()), '说明。', 'Description.'),
  statuses: describe(
    z.array(statusSchema).check(z.minLength(1, { message: bilingual('至少需要一个状态', 'at least one status is needed') })),
    '本文件可能给出的全部状态。',
    'Every status this file can assign.',
  ),
  rules: describe(
    z.array(
      strictObject({
        name: describe(nonEmptyString(), '规则名称,在文件中唯一;结果中的 rule 即此名称。', 'Rule name, unique in the file; reported as `rule`.'),
        priority: describe(
          z
            .number()
            .check(
              z.int({ message: bilingual('priority 必须是整数', 'priority must be a whole number') }),
              z.gte(1, { message: bilingual('priority 不能小于 1', 'priority must be >= 1') }),
            ),
          '优先级,不小于 1 的整数;数大者优先,同级按文件顺序。',
          'Priority, a whole number >= 1; higher wins, ties go to the earlier rule.',
        ),
        conditions: withJsonSchema(z.unknown(), {
          $ref: '#/$defs/condition',
          description: '条件:all / any / not 或 { fact, operator, value }。\n\nConditions: all / any / not, or a { fact, operator, value } leaf.',
        }),
        event: describe(
          strictObject({
            type: describe(nonEmptyString(), '状态代码,必须在 statuses 中。', 'A status code listed in statuses.'),
            params: describe(z.optional(z.record(z.string(), z.unknown())), '附加参数,原样传递。', 'Extra parameters, passed through.'),
          }),
          '规则给出的状态:{ "type": 状态代码 }。',
          'The status the rule assigns: { "type": status code }.',
        ),
      }),
    ),
    'json-rules-engine 规则。',
    'json-rules-engine rules.',
  ),
});
