import * as z from 'zod/mini';
import { jsonIssue, type DubanIssue, type IssueCode } from '../errors.js';
import { isCalendarDate } from './calendar-date.js';
import { compareDecimals, parseDecimal } from './decimal.js';
import { dateSchema, decimalSchema, describe, nonEmptyString, quote, strictObject } from './schema-kit.js';
import { bilingual, suggestion } from './suggest.js';
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
    strictObject({
      trajectory: describe(
        z.array(trajectoryPointSchema).check(z.minLength(1, { message: bilingual('轨迹至少需要一个点', 'a trajectory needs at least one point') })),
        '约定的进度曲线:日期递增、数值不减的节点。',
        'The agreed curve: points with increasing dates and non-decreasing values.',
      ),
    }),
  ]),
  '序时进度的计算方式:"monthly"(按月,默认)、"daily"(按日)或约定轨迹 { "trajectory": [...] }。',
  'How expected progress runs: "monthly" (default), "daily", or an agreed trajectory { "trajectory": [...] }.',
);

const cumulativeTargetSchema = strictObject({
  kind: describe(z.literal('cumulative'), '目标类型:累计型(从零累计到目标量)。', 'Target kind: cumulative (an amount accumulated from zero).'),
  measure: measure(),
  unit: unitSchema,
  value: describe(decimalSchema(), '年度目标量,大于 0。', 'The amount to reach, > 0.'),
});

const levelTargetSchema = strictObject({
  kind: describe(z.literal('level'), '目标类型:水平型(从基数到目标水平)。', 'Target kind: level (a stock moved from a baseline).'),
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
  kind: describe(z.literal('rate'), '目标类型:比率型(增速、涨幅、浓度等)。', 'Target kind: rate (a rate, ratio or concentration).'),
  measure: measure(),
  unit: unitSchema,
  value: describe(decimalSchema(), '目标值,如增长 8% 写 8,下降 3.5% 写 -3.5。', 'The target value; growth of 8% is 8, a fall of 3.5% is -3.5.'),
  bound: describe(
    z._default(z.enum(RATE_BOUNDS), 'atLeast'),
    '判定方式:atLeast 不低于(默认)、atMost 不高于(控制在…以内)、about 左右(需 tolerance)。',
    'How the value is judged: atLeast (default), atMost, or about (needs tolerance).',
  ),
  tolerance: describe(z.optional(decimalSchema()), '“左右”允许的偏差,≥ 0,仅用于 about。', 'The allowed distance for about, >= 0.'),
});

const milestoneSchema = strictObject({
  title: describe(nonEmptyString(), '节点名称,如“开工”。', 'The step, e.g. 开工.'),
  due: describe(dateSchema(), '节点应完成日期。', 'When the step is due.'),
  done: describe(z._default(z.nullable(dateSchema()), null), '实际完成日期,未完成为 null。', 'When it was done, or null.'),
  weight: describe(z._default(decimalSchema(), '1'), '权重,大于 0,默认 1。', 'Its weight, > 0, default 1.'),
});

const milestonesTargetSchema = strictObject({
  kind: describe(z.literal('milestones'), '目标类型:节点型(按节点推进)。', 'Target kind: milestones (dated steps).'),
  milestones: describe(
    z.array(milestoneSchema).check(z.minLength(1, { message: bilingual('至少需要一个节点', 'at least one milestone is needed') })),
    '工作节点,至少一个。',
    'The steps, at least one.',
  ),
});

const binaryTargetSchema = strictObject({
  kind: describe(z.literal('binary'), '目标类型:是否完成型(完成或未完成)。', 'Target kind: binary (done or not).'),
  completedOn: describe(z._default(z.nullable(dateSchema()), null), '完成日期,未完成为 null。', 'When it was done, or null.'),
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
  unit: describe(
    z.optional(unitSchema),
    '单位,默认为目标的单位;同一基本单位的不同数量级会换算。',
    "The unit, default the target's; another magnitude of the same base unit is converted.",
  ),
  note: describe(z.optional(z.string()), '备注。', 'A note.'),
});

const ownersSchema = strictObject({
  lead: describe(z.optional(z.array(nonEmptyString())), '牵头单位。', 'Lead units (牵头).'),
  support: describe(z.optional(z.array(nonEmptyString())), '配合单位。', 'Supporting units (配合).'),
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
  category: describe(z.optional(z.string()), '所属类别的 id。', 'The id of its category.'),
  owners: describe(z.optional(ownersSchema), '责任单位。', 'Responsible units.'),
  leader: describe(z.optional(z.string()), '牵头领导。', 'The responsible official (牵头领导).'),
  start: describe(z.optional(dateSchema()), '开始日期,默认计划期开始。', 'Start date, default period.start.'),
  deadline: describe(z.optional(dateSchema()), '完成时限,默认计划期结束。', 'Deadline, default period.end.'),
  pace: z.optional(paceSchema),
  target: describe(
    targetSchema,
    '目标:按 kind 分为累计、水平、比率、节点、是否完成五类。',
    'The target, by kind: cumulative, level, rate, milestones or binary.',
  ),
  observations: describe(z.optional(z.array(observationSchema)), '报送的数值。', 'Reported values.'),
  flags: describe(z.optional(z.array(z.string())), '分析员标记,如 "problem"(突出问题)。', 'Analyst markers, e.g. "problem".'),
  cancelled: describe(z.optional(z.nullable(cancelledSchema)), '取消:{ on, reason } 或 null。', 'Cancellation: { on, reason } or null.'),
});

const categorySchema = strictObject({
  id: describe(nonEmptyString(), '类别 id,唯一。', 'Category id, unique.'),
  title: describe(z.string(), '类别名称。', 'Category title.'),
});

const periodSchema = strictObject({
  start: describe(dateSchema(), '计划期开始。', 'First day of the plan.'),
  end: describe(dateSchema(), '计划期结束。', 'Last day of the plan.'),
});

/** The plan's object schema with its `.shape` (what {@link planSchema} is, typed loosely there); the fast path reads its keys and defaults. */
export const planShapeSchema = strictObject({
  $schema: describe(z.optional(z.string()), 'JSON Schema 的路径或网址,供编辑器使用。', 'Path or URL of the JSON Schema, for editors.'),
  formatVersion: describe(z.literal(1), '格式版本,为 1。', 'Format version: 1.'),
  id: describe(nonEmptyString(), '计划 id。', 'Plan id.'),
  title: describe(nonEmptyString(), '计划名称。', 'Plan title.'),
  issuer: describe(z.optional(z.string()), '发文单位。', 'Issuer.'),
  period: describe(periodSchema, '计划期:开始与结束日期。', 'The plan period: first and last day.'),
  asOf: describe(z.optional(dateSchema()), '默认评估日期。', 'Default as-of date.'),
  pace: z.optional(paceSchema),
  categories: describe(z.optional(z.array(categorySchema)), '任务类别。', 'Categories.'),
  mainIndicators: describe(
    z.optional(
      z.union([
        z.enum(['rate', 'none']),
        strictObject({
          categories: describe(
            z.array(nonEmptyString()).check(z.minLength(1)),
            '这些类别的任务为主要指标。',
            'The tasks of these categories are the main indicators.',
          ),
        }),
      ]),
    ),
    '通报中单列的主要指标：rate（全部比率类目标，默认）、none（不单列），或 { categories: [...] }（如“主要预期目标”一类）。',
    'The main indicators a bulletin counts apart: rate (every rate target, the default), none, or { categories: [...] } (such as the category of 主要预期目标).',
  ),
  tasks: describe(z.array(taskSchema), '任务列表。', 'Tasks.'),
});

type Issue = { code: IssueCode; message: string; path: PropertyKey[] };
type Raw = Record<string, unknown>;

const record = (value: unknown): Raw | undefined => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Raw) : undefined);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const date = (value: unknown): string | undefined => (isCalendarDate(value) ? value : undefined);
const field = (value: unknown, key: string): unknown => {
  const object = record(value);
  return object !== undefined && Object.hasOwn(object, key) ? object[key] : undefined;
};

/**
 * Checks what the shape alone cannot: references, uniqueness, date order, units,
 * trajectories. It reads the raw input defensively (a check whose inputs are
 * malformed is skipped: the shape check reports those), so it runs together
 * with the shape check and every problem is reported in one pass.
 */
export function planCrossChecks(input: unknown): DubanIssue[] {
  const plan = record(input);
  if (plan === undefined) return [];
  const issues: Issue[] = [];
  const convertible = new Map<string, boolean>();
  const periodStart = date(field(plan.period, 'start'));
  const periodEnd = date(field(plan.period, 'end'));
  if (periodStart !== undefined && periodEnd !== undefined && periodStart > periodEnd) {
    issues.push({
      code: 'inconsistent',
      path: ['period', 'end'],
      message: bilingual(
        `计划期结束日 period.end ${quote(periodEnd)} 早于开始日 period.start ${quote(periodStart)}`,
        `period.end ${quote(periodEnd)} is before period.start ${quote(periodStart)}`,
      ),
    });
  }
  const categoryIds = new Set<string>();
  list(plan.categories).forEach((category, i) => {
    const id = text(field(category, 'id'));
    if (id === undefined) return;
    if (categoryIds.has(id))
      issues.push({
        code: 'duplicate_id',
        path: ['categories', i, 'id'],
        message: bilingual(`类别 id ${quote(id)} 重复`, `duplicate category id ${quote(id)}`),
      });
    categoryIds.add(id);
  });
  list(field(plan.mainIndicators, 'categories')).forEach((id, i) => {
    if (typeof id === 'string' && id !== '' && !categoryIds.has(id))
      issues.push({ code: 'unknown_reference', path: ['mainIndicators', 'categories', i], message: `unknown category ${quote(id)}` });
  });
  const planTrajectory = list(field(plan.pace, 'trajectory'));
  for (const item of trajectoryRules(planTrajectory, ['pace'])) issues.push(item);
  const taskIds = new Set<string>();
  list(plan.tasks).forEach((task, i) => {
    const at = (...rest: PropertyKey[]) => ['tasks', i, ...rest];
    const id = text(field(task, 'id'));
    if (id !== undefined) {
      if (taskIds.has(id))
        issues.push({ code: 'duplicate_id', path: at('id'), message: bilingual(`任务 id ${quote(id)} 重复`, `duplicate task id ${quote(id)}`) });
      taskIds.add(id);
    }
    const category = text(field(task, 'category'));
    if (category !== undefined && !categoryIds.has(category))
      issues.push({ code: 'unknown_reference', path: at('category'), message: unknownCategoryMessage(category, [...categoryIds]) });
    const ownStart = field(task, 'start');
    const ownDeadline = field(task, 'deadline');
    const start = ownStart === undefined ? periodStart : date(ownStart);
    const deadline = ownDeadline === undefined ? periodEnd : date(ownDeadline);
    if (start !== undefined && deadline !== undefined && start > deadline)
      issues.push({
        code: 'inconsistent',
        path: at('deadline'),
        message: bilingual(
          `完成时限 deadline ${quote(deadline)} 早于开始日期 start ${quote(start)}`,
          `deadline ${quote(deadline)} is before start ${quote(start)}`,
        ),
      });
    const target = field(task, 'target');
    const kind = text(field(target, 'kind'));
    for (const item of targetRules(target, kind, at('target'))) issues.push(item);
    const ownTrajectory = field(field(task, 'pace'), 'trajectory');
    for (const item of trajectoryRules(list(ownTrajectory), at('pace'))) issues.push(item);
    // A task's own trajectory must fit its window; the plan's applies only where a pace is used.
    const usesPlanPace = field(task, 'pace') === undefined && (kind === 'cumulative' || kind === 'level');
    const points = ownTrajectory !== undefined ? list(ownTrajectory) : usesPlanPace ? planTrajectory : [];
    if (start !== undefined && deadline !== undefined) {
      points.forEach((point, j) => {
        const when = date(field(point, 'date'));
        if (when !== undefined && (when < start || when >= deadline)) {
          issues.push({
            code: 'inconsistent',
            path: ownTrajectory === undefined ? at('start') : at('pace', 'trajectory', j, 'date'),
            message: bilingual(
              `轨迹点 ${quote(when)} 不在任务的时间窗口 [${start}, ${deadline}) 内`,
              `trajectory point ${quote(when)} is outside the task's window [${start}, ${deadline})`,
            ),
          });
        }
      });
    }
    const observations = field(task, 'observations');
    if (observations !== undefined) for (const item of observationRules(target, kind, observations, at('observations'), convertible)) issues.push(item);
  });
  return issues.map((issue) => jsonIssue(issue.code, issue.path, issue.message));
}

/** The message for a category id that is not in `categories`, with the closest id and the valid ones. */
function unknownCategoryMessage(category: string, ids: readonly string[]): string {
  const hint = suggestion(category, ids, { zh: '类别', en: 'categories' });
  return bilingual(`未知的类别 ${quote(category)}${hint.zh}`, `unknown category ${quote(category)}${hint.en}`);
}

/** The message for an observation unit that cannot be converted to the target's. */
export function unitMessage(unit: string, targetUnit: string): string {
  return bilingual(
    `单位 ${quote(unit)} 无法换算为目标的单位 ${quote(targetUnit)}`,
    `unit ${quote(unit)} cannot be converted to the target's unit ${quote(targetUnit)}`,
  );
}

function isConvertible(from: string, to: string, memo: Map<string, boolean>): boolean {
  const key = `${from}\u0000${to}`;
  let result = memo.get(key);
  if (result === undefined) {
    result = unitConversionExponent(from, to) !== undefined;
    memo.set(key, result);
  }
  return result;
}

function trajectoryRules(points: readonly unknown[], path: PropertyKey[]): Issue[] {
  const issues: Issue[] = [];
  let previous: { date: string | undefined; expected: string | undefined } | undefined;
  points.forEach((point, j) => {
    const at = [...path, 'trajectory', j];
    const current = { date: date(field(point, 'date')), expected: parseDecimal(field(point, 'expected')) };
    if (current.expected !== undefined && (compareDecimals(current.expected, '0') < 0 || compareDecimals(current.expected, '1') > 0)) {
      issues.push({
        code: compareDecimals(current.expected, '0') < 0 ? 'too_small' : 'too_big',
        path: [...at, 'expected'],
        message: bilingual(`expected 应在 0 到 1 之间，实际是 ${quote(current.expected)}`, `expected must be in [0, 1], got ${quote(current.expected)}`),
      });
    }
    if (previous !== undefined) {
      if (current.date !== undefined && previous.date !== undefined && current.date <= previous.date) {
        issues.push({
          code: 'inconsistent',
          path: [...at, 'date'],
          message: bilingual(
            `轨迹日期必须递增：${quote(current.date)} 在 ${quote(previous.date)} 之后`,
            `trajectory dates must strictly increase: ${quote(current.date)} after ${quote(previous.date)}`,
          ),
        });
      }
      if (current.expected !== undefined && previous.expected !== undefined && compareDecimals(current.expected, previous.expected) < 0) {
        issues.push({
          code: 'inconsistent',
          path: [...at, 'expected'],
          message: bilingual(
            `轨迹数值不能减小：${quote(current.expected)} 在 ${quote(previous.expected)} 之后`,
            `trajectory values must not decrease: ${quote(current.expected)} after ${quote(previous.expected)}`,
          ),
        });
      }
    }
    previous = current;
  });
  return issues;
}

function targetRules(target: unknown, kind: string | undefined, path: PropertyKey[]): Issue[] {
  const issues: Issue[] = [];
  const decimal = (key: string) => parseDecimal(field(target, key));
  switch (kind) {
    case 'cumulative': {
      const value = decimal('value');
      // Normalised decimals: `0` or a leading `-` is <= 0.
      if (value !== undefined && (value === '0' || value.startsWith('-')))
        issues.push({
          code: 'too_small',
          path: [...path, 'value'],
          message: bilingual(`累计型目标必须大于 0，实际是 ${quote(value)}`, `a cumulative target must be > 0, got ${quote(value)}`),
        });
      break;
    }
    case 'level': {
      const value = decimal('value');
      const baseline = decimal('baseline');
      // Normalised decimals are equal exactly when their strings are.
      if (value !== undefined && baseline !== undefined && value === baseline)
        issues.push({
          code: 'inconsistent',
          path: [...path, 'baseline'],
          message: bilingual(`基数 baseline 不能等于目标值 ${quote(value)}`, `baseline must differ from the target value ${quote(value)}`),
        });
      break;
    }
    case 'rate': {
      const bound = field(target, 'bound') ?? 'atLeast';
      const hasTolerance = field(target, 'tolerance') !== undefined;
      const tolerance = decimal('tolerance');
      if (bound === 'about' && !hasTolerance)
        issues.push({
          code: 'required',
          path: [...path, 'tolerance'],
          message: bilingual('bound 为 "about"（左右）时需要 tolerance', 'bound "about" needs a tolerance'),
        });
      if (bound !== 'about' && hasTolerance && typeof bound === 'string')
        issues.push({
          code: 'inconsistent',
          path: [...path, 'tolerance'],
          message: bilingual(`tolerance 只用于 bound "about"，不用于 ${quote(bound)}`, `tolerance applies only to bound "about", not ${quote(bound)}`),
        });
      if (tolerance !== undefined && tolerance.startsWith('-'))
        issues.push({
          code: 'too_small',
          path: [...path, 'tolerance'],
          message: bilingual(`tolerance 不能小于 0，实际是 ${quote(tolerance)}`, `tolerance must be >= 0, got ${quote(tolerance)}`),
        });
      break;
    }
    case 'milestones':
      list(field(target, 'milestones')).forEach((milestone, j) => {
        const weight = parseDecimal(field(milestone, 'weight'));
        if (weight !== undefined && (weight === '0' || weight.startsWith('-')))
          issues.push({
            code: 'too_small',
            path: [...path, 'milestones', j, 'weight'],
            message: bilingual(`权重 weight 必须大于 0，实际是 ${quote(weight)}`, `weight must be > 0, got ${quote(weight)}`),
          });
      });
      break;
    default:
      // binary targets have nothing to cross-check; a missing or unknown kind is the shape check's to report.
      break;
  }
  return issues;
}

function observationRules(target: unknown, kind: string | undefined, observations: unknown, path: PropertyKey[], convertible: Map<string, boolean>): Issue[] {
  if (kind === 'milestones' || kind === 'binary') {
    return [
      {
        code: 'inconsistent',
        path,
        message: bilingual(
          `${quote(kind)} 型目标不能有报送值 observations：其进度记在目标本身`,
          `observations are not allowed on a ${quote(kind)} target: its progress is in the target itself`,
        ),
      },
    ];
  }
  const issues: Issue[] = [];
  const dates = new Set<string>();
  const targetUnit = text(field(target, 'unit'));
  list(observations).forEach((observation, j) => {
    const asOf = date(field(observation, 'asOf'));
    if (asOf !== undefined) {
      if (dates.has(asOf))
        issues.push({
          code: 'duplicate_id',
          path: [...path, j, 'asOf'],
          message: bilingual(`有两个截至 ${quote(asOf)} 的报送值`, `two observations with asOf ${quote(asOf)}`),
        });
      dates.add(asOf);
    }
    const unit = text(field(observation, 'unit'));
    if (
      unit !== undefined &&
      unit !== '' &&
      targetUnit !== undefined &&
      targetUnit !== '' &&
      unit !== targetUnit &&
      !isConvertible(unit, targetUnit, convertible)
    ) {
      issues.push({ code: 'inconsistent', path: [...path, j, 'unit'], message: unitMessage(unit, targetUnit) });
    }
  });
  return issues;
}

/**
 * The zod schema of a plan file, format version 1. It accepts exactly the
 * format of plan-format.md: unknown keys are errors except `x-` keys, decimals
 * are exact, dates are real calendar dates. The cross-references (category ids,
 * unique ids, units, trajectories) are checked by {@link planCrossChecks}, which
 * `safeParsePlan` runs in the same pass.
 *
 * @category Model
 */
export const planSchema: z.ZodMiniType<Plan> = planShapeSchema;
