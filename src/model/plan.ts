import * as z from 'zod';
import { compareDecimals } from './decimal.js';
import { dateSchema, decimalSchema, describe, nonEmptyString, quote, strictObject } from './schema-kit.js';
import type { Plan, RateBound, TargetKind } from './types.js';
import { unitConversionExponent } from './units.js';

const unitSchema = describe(
  nonEmptyString(),
  '单位:基本单位,可带一个数量级前缀(十 百 千 万 十万 百万 千万 亿 万亿),如 万人、亿元、万亩、%、个。',
  'Unit: a base unit, optionally preceded by one magnitude prefix (十 百 千 万 十万 百万 千万 亿 万亿), e.g. 万人, 亿元, 万亩, %, 个.',
);

const measure = () => describe(nonEmptyString(), '指标名称,如“林业产值”。', 'The measure, e.g. 林业产值.');

const trajectoryPointSchema = strictObject({
  date: describe(dateSchema(), '轨迹点日期。', 'The date of the point.'),
  expected: describe(decimalSchema(), '该日结束时应完成的比例,0 到 1。', 'The fraction that should be done by the end of that day, in [0, 1].'),
});

/**
 * The pace of a task: `"monthly"`, `"daily"` or an agreed trajectory.
 *
 * @category Model
 */
export const paceSchema = describe(
  z.union([
    z.literal('monthly'),
    z.literal('daily'),
    strictObject({ trajectory: z.array(trajectoryPointSchema).min(1, { message: 'a trajectory needs at least one point' }) }),
  ]),
  '序时进度的计算方式:"monthly"(按月,默认)、"daily"(按日)或约定轨迹 { "trajectory": [...] }。',
  'How expected progress runs: "monthly" (default), "daily", or an agreed trajectory { "trajectory": [...] }.',
);

const cumulativeTargetSchema = strictObject({
  kind: z.literal('cumulative'),
  measure: measure(),
  unit: unitSchema,
  value: describe(decimalSchema(), '年度目标量,大于 0。', 'The amount to reach, > 0.'),
});

const levelTargetSchema = strictObject({
  kind: z.literal('level'),
  measure: measure(),
  unit: unitSchema,
  value: describe(decimalSchema(), '目标水平。', 'The target level.'),
  baseline: describe(decimalSchema(), '基数(起点水平),不等于目标。', 'The baseline level, not equal to the target.'),
});

/**
 * The bounds of a `rate` target.
 *
 * @category Model
 */
export const RATE_BOUNDS = ['atLeast', 'atMost', 'about'] as const satisfies readonly RateBound[];

const rateTargetSchema = strictObject({
  kind: z.literal('rate'),
  measure: measure(),
  unit: unitSchema,
  value: describe(decimalSchema(), '目标值,如增长 8% 写 8,下降 3.5% 写 -3.5。', 'The target value; growth of 8% is 8, a fall of 3.5% is -3.5.'),
  bound: describe(
    z.enum(RATE_BOUNDS).default('atLeast'),
    '判定方式:atLeast 不低于(默认)、atMost 不高于(控制在…以内)、about 左右(需 tolerance)。',
    'How the value is judged: atLeast (default), atMost, or about (needs tolerance).',
  ),
  tolerance: describe(decimalSchema().optional(), '“左右”允许的偏差,≥ 0,仅用于 about。', 'The allowed distance for about, >= 0.'),
});

const milestoneSchema = strictObject({
  title: describe(nonEmptyString(), '节点名称,如“开工”。', 'The step, e.g. 开工.'),
  due: describe(dateSchema(), '节点应完成日期。', 'When the step is due.'),
  done: describe(dateSchema().nullable().default(null), '实际完成日期,未完成为 null。', 'When it was done, or null.'),
  weight: describe(decimalSchema().default('1'), '权重,大于 0,默认 1。', 'Its weight, > 0, default 1.'),
});

const milestonesTargetSchema = strictObject({
  kind: z.literal('milestones'),
  milestones: z.array(milestoneSchema).min(1, { message: 'at least one milestone is needed' }),
});

const binaryTargetSchema = strictObject({
  kind: z.literal('binary'),
  completedOn: describe(dateSchema().nullable().default(null), '完成日期,未完成为 null。', 'When it was done, or null.'),
});

/**
 * A task's target, one of five kinds: `cumulative`, `level`, `rate`, `milestones`, `binary`.
 *
 * @category Model
 */
export const targetSchema = z.discriminatedUnion('kind', [
  cumulativeTargetSchema,
  levelTargetSchema,
  rateTargetSchema,
  milestonesTargetSchema,
  binaryTargetSchema,
]);

/**
 * The kinds of target, as a closed list.
 *
 * @category Model
 */
export const TARGET_KINDS = ['cumulative', 'level', 'rate', 'milestones', 'binary'] as const satisfies readonly TargetKind[];

/**
 * One reported value of a task.
 *
 * @category Model
 */
export const observationSchema = strictObject({
  asOf: describe(dateSchema(), '数据截至日期。', 'The date the value stands at.'),
  value: describe(decimalSchema(), '数值;累计型为自任务开始以来的累计数。', 'The value; for cumulative targets the total since the task started.'),
  unit: describe(unitSchema.optional(), '单位,默认为目标的单位;同一基本单位的不同数量级会换算。', "The unit, default the target's; another magnitude of the same base unit is converted."),
  note: describe(z.string().optional(), '备注。', 'A note.'),
});

const ownersSchema = strictObject({
  lead: describe(z.array(nonEmptyString()).optional(), '牵头单位。', 'Lead units (牵头).'),
  support: describe(z.array(nonEmptyString()).optional(), '配合单位。', 'Supporting units (配合).'),
});

const cancelledSchema = strictObject({
  on: describe(dateSchema(), '自该日起取消。', 'Cancelled from that day on.'),
  reason: describe(z.string(), '取消原因,如“因政策调整”。', 'Why, e.g. 因政策调整.'),
});

/**
 * One task of a plan.
 *
 * @category Model
 */
export const taskSchema = strictObject({
  id: describe(nonEmptyString(), '任务编号,在计划中唯一。', 'The task id, unique in the plan.'),
  title: describe(z.string(), '任务内容。', "The task's text."),
  category: describe(z.string().optional(), '所属类别的 id。', 'The id of its category.'),
  owners: describe(ownersSchema.optional(), '责任单位。', 'Responsible units.'),
  leader: describe(z.string().optional(), '牵头领导。', 'The responsible official (牵头领导).'),
  start: describe(dateSchema().optional(), '开始日期,默认计划期开始。', 'Start date, default period.start.'),
  deadline: describe(dateSchema().optional(), '完成时限,默认计划期结束。', 'Deadline, default period.end.'),
  pace: paceSchema.optional(),
  target: targetSchema,
  observations: describe(z.array(observationSchema).optional(), '报送的数值。', 'Reported values.'),
  flags: describe(z.array(z.string()).optional(), '分析员标记,如 "problem"(突出问题)。', 'Analyst markers, e.g. "problem".'),
  cancelled: describe(cancelledSchema.nullable().optional(), '取消:{ on, reason } 或 null。', 'Cancellation: { on, reason } or null.'),
});

const categorySchema = strictObject({
  id: describe(nonEmptyString(), '类别 id,唯一。', 'Category id, unique.'),
  title: describe(z.string(), '类别名称。', 'Category title.'),
});

const periodSchema = strictObject({
  start: describe(dateSchema(), '计划期开始。', 'First day of the plan.'),
  end: describe(dateSchema(), '计划期结束。', 'Last day of the plan.'),
});

const planShapeSchema = strictObject({
  $schema: describe(z.string().optional(), 'JSON Schema 的路径或网址,供编辑器使用。', 'Path or URL of the JSON Schema, for editors.'),
  formatVersion: describe(z.literal(1), '格式版本,为 1。', 'Format version: 1.'),
  id: describe(nonEmptyString(), '计划 id。', 'Plan id.'),
  title: describe(nonEmptyString(), '计划名称。', 'Plan title.'),
  issuer: describe(z.string().optional(), '发文单位。', 'Issuer.'),
  period: periodSchema,
  asOf: describe(dateSchema().optional(), '默认评估日期。', 'Default as-of date.'),
  pace: paceSchema.optional(),
  categories: describe(z.array(categorySchema).optional(), '任务类别。', 'Categories.'),
  tasks: describe(z.array(taskSchema), '任务列表。', 'Tasks.'),
});

type PlanShape = z.output<typeof planShapeSchema>;
type Issue = { message: string; path: PropertyKey[] };

/** Checks what the shape alone cannot: references, uniqueness, date order, units, trajectories. */
function planRules(plan: PlanShape): Issue[] {
  const issues: Issue[] = [];
  if (plan.period.start > plan.period.end) issues.push({ path: ['period', 'end'], message: `period.end ${quote(plan.period.end)} is before period.start ${quote(plan.period.start)}` });
  const categoryIds = new Set<string>();
  plan.categories?.forEach((category, i) => {
    if (categoryIds.has(category.id)) issues.push({ path: ['categories', i, 'id'], message: `duplicate category id ${quote(category.id)}` });
    categoryIds.add(category.id);
  });
  if (typeof plan.pace === 'object') issues.push(...trajectoryRules(plan.pace.trajectory, ['pace']));
  const taskIds = new Set<string>();
  plan.tasks.forEach((task, i) => {
    const at = (...rest: PropertyKey[]) => ['tasks', i, ...rest];
    if (taskIds.has(task.id)) issues.push({ path: at('id'), message: `duplicate task id ${quote(task.id)}` });
    taskIds.add(task.id);
    if (task.category !== undefined && !categoryIds.has(task.category)) issues.push({ path: at('category'), message: `unknown category ${quote(task.category)}` });
    const start = task.start ?? plan.period.start;
    const deadline = task.deadline ?? plan.period.end;
    if (start > deadline) issues.push({ path: at('deadline'), message: `deadline ${quote(deadline)} is before start ${quote(start)}` });
    issues.push(...targetRules(task.target, at('target')));
    const pace = task.pace ?? plan.pace;
    if (typeof task.pace === 'object') issues.push(...trajectoryRules(task.pace.trajectory, at('pace')));
    if (typeof pace === 'object' && task.target.kind !== 'milestones' && task.target.kind !== 'binary' && task.target.kind !== 'rate') {
      pace.trajectory.forEach((point, j) => {
        if (point.date < start || point.date >= deadline) {
          issues.push({
            path: task.pace === undefined ? at('start') : at('pace', 'trajectory', j, 'date'),
            message: `task ${quote(task.id)}: trajectory point ${quote(point.date)} is outside the task's window [${start}, ${deadline})`,
          });
        }
      });
    }
    if (task.observations !== undefined) issues.push(...observationRules(task.target, task.observations, at('observations')));
  });
  return issues;
}

function trajectoryRules(points: readonly { date: string; expected: string }[], path: PropertyKey[]): Issue[] {
  const issues: Issue[] = [];
  points.forEach((point, j) => {
    const at = [...path, 'trajectory', j];
    if (compareDecimals(point.expected, '0') < 0 || compareDecimals(point.expected, '1') > 0) issues.push({ path: [...at, 'expected'], message: `expected must be in [0, 1], got ${quote(point.expected)}` });
    const previous = points[j - 1];
    if (previous !== undefined) {
      if (point.date <= previous.date) issues.push({ path: [...at, 'date'], message: `trajectory dates must strictly increase: ${quote(point.date)} after ${quote(previous.date)}` });
      if (compareDecimals(point.expected, previous.expected) < 0) issues.push({ path: [...at, 'expected'], message: `trajectory values must not decrease: ${quote(point.expected)} after ${quote(previous.expected)}` });
    }
  });
  return issues;
}

function targetRules(target: PlanShape['tasks'][number]['target'], path: PropertyKey[]): Issue[] {
  const issues: Issue[] = [];
  switch (target.kind) {
    case 'cumulative':
      if (compareDecimals(target.value, '0') <= 0) issues.push({ path: [...path, 'value'], message: `a cumulative target must be > 0, got ${quote(target.value)}` });
      break;
    case 'level':
      if (compareDecimals(target.value, target.baseline) === 0) issues.push({ path: [...path, 'baseline'], message: `baseline must differ from the target value ${quote(target.value)}` });
      break;
    case 'rate':
      if (target.bound === 'about' && target.tolerance === undefined) issues.push({ path: [...path, 'tolerance'], message: 'bound "about" needs a tolerance' });
      if (target.bound !== 'about' && target.tolerance !== undefined) issues.push({ path: [...path, 'tolerance'], message: `tolerance applies only to bound "about", not ${quote(target.bound)}` });
      if (target.tolerance !== undefined && compareDecimals(target.tolerance, '0') < 0) issues.push({ path: [...path, 'tolerance'], message: `tolerance must be >= 0, got ${quote(target.tolerance)}` });
      break;
    case 'milestones':
      target.milestones.forEach((milestone, j) => {
        if (compareDecimals(milestone.weight, '0') <= 0) issues.push({ path: [...path, 'milestones', j, 'weight'], message: `weight must be > 0, got ${quote(milestone.weight)}` });
      });
      break;
    case 'binary':
      break;
  }
  return issues;
}

function observationRules(
  target: PlanShape['tasks'][number]['target'],
  observations: readonly { asOf: string; unit?: string | undefined }[],
  path: PropertyKey[],
): Issue[] {
  if (target.kind === 'milestones' || target.kind === 'binary') {
    return [{ path, message: `observations are not allowed on a ${quote(target.kind)} target: its progress is in the target itself` }];
  }
  const issues: Issue[] = [];
  const dates = new Set<string>();
  observations.forEach((observation, j) => {
    if (dates.has(observation.asOf)) issues.push({ path: [...path, j, 'asOf'], message: `two observations with asOf ${quote(observation.asOf)}` });
    dates.add(observation.asOf);
    if (observation.unit !== undefined && unitConversionExponent(observation.unit, target.unit) === undefined) {
      issues.push({ path: [...path, j, 'unit'], message: `unit ${quote(observation.unit)} cannot be converted to the target's unit ${quote(target.unit)}` });
    }
  });
  return issues;
}

/**
 * The zod schema of a plan file, format version 1. It accepts exactly the
 * format of plan-format.md: unknown keys are errors except `x-` keys, decimals
 * are exact, dates are real calendar dates, and cross-references (category ids,
 * unique ids, units, trajectories) are checked.
 *
 * @category Model
 */
export const planSchema: z.ZodType<Plan> = planShapeSchema.superRefine((plan, ctx) => {
  for (const issue of planRules(plan)) ctx.addIssue({ code: 'custom', ...issue });
});

