import { observationsFileSchema } from '../model/observations-file.js';
import { planSchema } from '../model/plan.js';
import { ruleCasesSchema } from '../model/rule-cases.js';
import { ruleFileSchema } from '../model/rule-file.js';
import { toJsonSchema } from '../model/schema-kit.js';
import { FACT_CATALOGUE } from '../pace/fact-catalogue.js';
import { BUILT_IN_OPERATORS } from './operators.js';

const BASE = 'https://duban.dev/schemas';

const OPERATOR_DOCS: Record<(typeof BUILT_IN_OPERATORS)[number], string> = {
  equal: '等于 / equals (===)',
  notEqual: '不等于 / not equal (!==)',
  lessThan: '小于 / less than (false when the fact is not a number)',
  lessThanInclusive: '小于等于 / at most (false when the fact is not a number)',
  greaterThan: '大于 / greater than (false when the fact is not a number)',
  greaterThanInclusive: '大于等于 / at least (false when the fact is not a number)',
  in: '属于列表 / the fact is one of the listed values',
  notIn: '不属于列表 / the fact is none of the listed values',
  contains: '列表包含 / the list fact (flags) contains the value',
  doesNotContain: '列表不包含 / the list fact (flags) does not contain the value',
};

function conditionDefs(): Record<string, unknown> {
  const factNames = FACT_CATALOGUE.map((fact) => fact.name);
  const factDocs = FACT_CATALOGUE.map((fact) => `${fact.zh} ${fact.en} (${fact.type}${fact.nullable ? ' or null' : ''}; ${fact.formula})`);
  const extensible = { additionalProperties: false, patternProperties: { '^x-': {} } };
  const fact = { type: 'string', enum: factNames, markdownEnumDescriptions: factDocs, description: '事实名称 / The fact compared.' };
  return {
    condition: {
      description: '条件:{ "all": [...] }、{ "any": [...] }、{ "not": ... } 或 { "fact", "operator", "value" }。\n\nA condition node.',
      anyOf: [{ $ref: '#/$defs/all' }, { $ref: '#/$defs/any' }, { $ref: '#/$defs/not' }, { $ref: '#/$defs/leaf' }],
    },
    topLevelCondition: { anyOf: [{ $ref: '#/$defs/all' }, { $ref: '#/$defs/any' }, { $ref: '#/$defs/not' }] },
    all: {
      type: 'object',
      required: ['all'],
      properties: { all: { type: 'array', items: { $ref: '#/$defs/condition' }, description: '全部成立(空列表表示“总是”)。\n\nAll hold; [] means always.' } },
      ...extensible,
    },
    any: {
      type: 'object',
      required: ['any'],
      properties: { any: { type: 'array', minItems: 1, items: { $ref: '#/$defs/condition' }, description: '任一成立。\n\nAt least one holds.' } },
      ...extensible,
    },
    not: { type: 'object', required: ['not'], properties: { not: { $ref: '#/$defs/condition', description: '不成立。\n\nDoes not hold.' } }, ...extensible },
    leaf: {
      type: 'object',
      required: ['fact', 'operator', 'value'],
      properties: {
        fact,
        operator: {
          type: 'string',
          enum: [...BUILT_IN_OPERATORS],
          markdownEnumDescriptions: BUILT_IN_OPERATORS.map((op) => OPERATOR_DOCS[op]),
          description: '运算符 / The operator.',
        },
        value: {
          description: '比较值:JSON 字面量,或 { "fact": 名称 } 与另一事实比较。\n\nA JSON literal, or { "fact": NAME } to compare with another fact.',
          anyOf: [{ type: ['string', 'number', 'boolean', 'null', 'array'] }, { type: 'object', required: ['fact'], properties: { fact }, ...extensible }],
        },
      },
      ...extensible,
    },
  };
}

/**
 * The JSON Schemas of duban's input formats.
 *
 * @category Engine
 */
export interface JsonSchemas {
  /** The plan file. */
  readonly plan: Record<string, unknown>;
  /** The observations file. */
  readonly observations: Record<string, unknown>;
  /** The rule file. */
  readonly ruleFile: Record<string, unknown>;
  /** The rule test case file (see `parseRuleCases`). */
  readonly ruleCases: Record<string, unknown>;
}

/**
 * The JSON Schemas (draft 2020-12) of duban's four input formats, generated
 * from the zod schemas: plans, observations, rule files and rule test case
 * files. They are shipped as `duban/schemas/*.json`, and files point to them
 * with `$schema` so editors validate, complete and explain on hover.
 *
 * @returns `{ plan, observations, ruleFile, ruleCases }`, each a JSON Schema object
 * @example
 * ```ts
 * writeFileSync('plan.schema.json', JSON.stringify(jsonSchemas().plan, null, 2));
 * writeFileSync('rule-cases.schema.json', JSON.stringify(jsonSchemas().ruleCases, null, 2));
 * ```
 * @category Engine
 */
export function jsonSchemas(): JsonSchemas {
  const ruleFile = toJsonSchema(ruleFileSchema, {
    id: `${BASE}/rule-file.schema.json`,
    title: 'duban rule file',
    description: 'duban 规则文件(json-rules-engine 规则格式,格式版本 1)。\n\nA duban rule file: json-rules-engine rules with statuses, format version 1.',
  });
  // The rule's top-level conditions may only be all / any / not.
  const text = JSON.stringify(ruleFile).replace('"$ref":"#/$defs/condition","description":"条件', '"$ref":"#/$defs/topLevelCondition","description":"条件');
  const withDefs = JSON.parse(text) as Record<string, unknown>;
  withDefs.$defs = { ...((withDefs.$defs as Record<string, unknown> | undefined) ?? {}), ...conditionDefs() };
  return {
    plan: toJsonSchema(planSchema, {
      id: `${BASE}/plan.schema.json`,
      title: 'duban plan',
      description:
        'duban 计划文件(政府工作报告任务分解,格式版本 1)。\n\nA duban plan: the tasks, targets, owners and observations of one work report, format version 1.',
    }),
    observations: toJsonSchema(observationsFileSchema, {
      id: `${BASE}/observations.schema.json`,
      title: 'duban observations',
      description: 'duban 报送数据文件。\n\nReported values to merge into a plan.',
    }),
    ruleFile: withDefs,
    ruleCases: ruleCasesJsonSchema(),
  };
}

/** The JSON Schema of a rule test case file, shipped as `duban/schemas/rule-cases.schema.json`. */
function ruleCasesJsonSchema(): Record<string, unknown> {
  return toJsonSchema(ruleCasesSchema, {
    id: `${BASE}/rule-cases.schema.json`,
    title: 'duban rule test cases',
    description:
      'duban 规则测试用例文件:事实(或任务加评估日期)及期望的状态(格式版本 1)。\n\nA duban rule test case file: facts (or a task with an as-of date) and the expected status, format version 1.',
  });
}
