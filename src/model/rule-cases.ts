import * as z from 'zod/mini';
import { TARGET_KINDS, paceSchema, taskSchema } from './plan.js';
import { dateSchema, describe, nonEmptyString, strictObject } from './schema-kit.js';

const nullableNumber = (zh: string, en: string) => describe(z.optional(z.nullable(z.number())), zh, en);
/**
 * A whole number: a safe integer. zod/mini loads no locale, so the messages of the range
 * check are given here (the words of zod's English locale, as before).
 */
const int = () =>
  z.number().check(
    z.int({
      error: (issue) =>
        issue.code === 'too_big'
          ? `Too big: expected int to be <=${String(issue.maximum)}`
          : issue.code === 'too_small'
            ? `Too small: expected int to be >=${String(issue.minimum)}`
            : undefined,
    }),
  );
const integer = (zh: string, en: string) => describe(z.optional(int()), zh, en);
const boolean = (zh: string, en: string) => describe(z.optional(z.boolean()), zh, en);

/**
 * The facts of a test case, as the rules engine reads them (numbers, not
 * decimal strings). Each may be left out of a case when the file's
 * `defaultFacts` gives it; after merging, every fact must be present.
 *
 * @category Model
 */
export const caseFactsSchema = strictObject({
  kind: describe(z.optional(z.enum(TARGET_KINDS)), '目标类型:cumulative、level、rate、milestones、binary。', "The target's kind."),
  cancelled: boolean('是否已取消。', 'Cancelled by the as-of date.'),
  hasData: boolean('是否有报送数据。', 'Whether an observed value exists.'),
  value: nullableNumber('报送值(目标单位)。', "The observed value in the target's unit."),
  target: nullableNumber('目标值。', 'The target value.'),
  progress: nullableNumber('完成进度(比例)。', 'Progress, a fraction.'),
  expected: nullableNumber('序时进度(比例)。', 'Expected progress, a fraction.'),
  paceGap: nullableNumber('完成进度 − 序时进度。', 'progress − expected.'),
  paceRatio: nullableNumber('完成进度 ÷ 序时进度。', 'progress / expected.'),
  met: describe(z.optional(z.nullable(z.boolean())), '目标是否已达到。', 'Whether the target is attained.'),
  onPace: describe(z.optional(z.nullable(z.boolean())), '是否达到序时进度。', 'Whether progress is at or ahead of expected.'),
  margin: nullableNumber('比率型指标距界限的余量。', "A rate's signed distance to its bound."),
  overdue: boolean('是否超期未完成。', 'Past the deadline and not met.'),
  daysToDeadline: integer('距完成时限的天数(超期为负)。', 'Days to the deadline (negative once past).'),
  overdueMilestones: integer('逾期未完成的节点数。', 'Milestones past due and not done.'),
  dataAgeDays: describe(z.optional(z.nullable(int())), '所用数据距评估日的天数。', 'Age of the observation used, in days.'),
  dataCoversPeriod: describe(
    z.optional(z.nullable(z.boolean())),
    '所用数据是否覆盖整个目标期(数据日期不早于完成时限)。',
    'Whether the observation used is dated on or after the deadline.',
  ),
  flags: describe(z.optional(z.array(z.string())), '分析员标记,如 "problem"。', "The task's flags."),
});

const caseSchema = strictObject({
  name: describe(nonEmptyString(), '用例名称,出现在测试结果中。', 'The case name, shown in the results.'),
  facts: describe(z.optional(caseFactsSchema), '事实(与 defaultFacts 合并);与 task 二选一。', 'Facts (merged over defaultFacts); give either facts or task.'),
  task: describe(
    z.optional(taskSchema),
    '一项任务(计划文件中的写法);与 facts 二选一,需配合 asOf。',
    'A task written as in a plan; give either facts or task, with asOf.',
  ),
  asOf: describe(z.optional(dateSchema()), '任务用例的评估日期。', 'The as-of date of a task case.'),
  expected: describe(
    z.nullable(z.string()),
    '期望的状态代码;null 表示期望漏判(没有规则匹配)。',
    'The expected status code; null expects a gap (no rule matches).',
  ),
  rule: describe(z.optional(nonEmptyString()), '期望决定状态的规则名称(可省略)。', 'The name of the rule expected to decide (optional).'),
  note: describe(z.optional(z.string()), '说明。', 'A note.'),
});

/**
 * The zod schema of a rule test case file: cases of facts (or of a task with
 * an as-of date) and the status each should get.
 *
 * @category Model
 */
export const ruleCasesSchema = strictObject({
  $schema: describe(z.optional(z.string()), 'JSON Schema 的路径或网址,供编辑器使用。', 'Path or URL of the JSON Schema, for editors.'),
  formatVersion: describe(z.literal(1), '格式版本,为 1。', 'Format version: 1.'),
  ruleSet: describe(z.optional(nonEmptyString()), '这些用例所测规则集的 id(仅作说明)。', 'The id of the rule set these cases test (informative).'),
  description: describe(z.optional(z.string()), '说明。', 'Description.'),
  period: describe(
    z.optional(
      strictObject({
        start: describe(dateSchema(), '计划期开始。', 'First day of the plan.'),
        end: describe(dateSchema(), '计划期结束。', 'Last day of the plan.'),
      }),
    ),
    '任务用例所在计划的计划期(有任务用例时必填)。',
    'The plan period for task cases (required when there are any).',
  ),
  pace: z.optional(paceSchema),
  defaultFacts: describe(
    z.optional(caseFactsSchema),
    '各事实用例共用的默认事实,用例中的 facts 覆盖它。',
    "Facts shared by every facts case; a case's facts override them.",
  ),
  cases: describe(z.array(caseSchema).check(z.minLength(1, { message: 'at least one case is needed' })), '测试用例。', 'The test cases.'),
});

/**
 * A rule test case file as validated.
 *
 * @category Model
 */
export type RuleCasesInput = z.output<typeof ruleCasesSchema>;
