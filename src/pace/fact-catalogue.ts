/**
 * The name of a fact duban computes.
 *
 * @category Pace
 */
export type FactName =
  | 'kind'
  | 'cancelled'
  | 'hasData'
  | 'value'
  | 'target'
  | 'progress'
  | 'expected'
  | 'paceGap'
  | 'paceRatio'
  | 'met'
  | 'onPace'
  | 'margin'
  | 'overdue'
  | 'daysToDeadline'
  | 'overdueMilestones'
  | 'dataAgeDays'
  | 'dataCoversPeriod'
  | 'flags';

/**
 * One entry of the fact catalogue: a fact rules may read.
 *
 * @category Pace
 */
export interface FactDefinition {
  /** The fact's name, as rules write it. */
  readonly name: FactName;
  /** Its JSON type as the rules engine sees it. */
  readonly type: 'string' | 'boolean' | 'number' | 'integer' | 'string[]';
  /** Whether it can be `null`. */
  readonly nullable: boolean;
  /** Its unit, if any. */
  readonly unit: string;
  /** Its formula, as in pace-and-facts.md. */
  readonly formula: string;
  /** What it means, in Chinese. */
  readonly zh: string;
  /** What it means, in English. */
  readonly en: string;
}

/**
 * Every fact duban computes for a task, in the order of pace-and-facts.md.
 * Rule files may name only these (and facts an application registers on purpose).
 *
 * @example
 * ```ts
 * FACT_CATALOGUE.map((fact) => fact.name); // ['kind', 'cancelled', 'hasData', ...]
 * ```
 * @category Pace
 */
export const FACT_CATALOGUE: readonly FactDefinition[] = [
  {
    name: 'kind',
    type: 'string',
    nullable: false,
    unit: '',
    formula: "the target's kind: cumulative | level | rate | milestones | binary",
    zh: '目标类型:cumulative 累计、level 水平、rate 比率、milestones 节点、binary 是否完成。',
    en: "The target's kind.",
  },
  {
    name: 'cancelled',
    type: 'boolean',
    nullable: false,
    unit: '',
    formula: 'cancelled.on ≤ d',
    zh: '是否已取消(取消日期不晚于评估日)。',
    en: 'Whether the task is cancelled by the as-of date.',
  },
  {
    name: 'hasData',
    type: 'boolean',
    nullable: false,
    unit: '',
    formula: 'an observation with asOf ≤ d exists (always true for milestones and binary)',
    zh: '是否有截至评估日的报送数据。',
    en: 'Whether an observed value exists.',
  },
  {
    name: 'value',
    type: 'number',
    nullable: true,
    unit: "the target's unit",
    formula: 'the latest observation with asOf ≤ d, converted to the target unit',
    zh: '最近一次报送值(换算为目标单位)。',
    en: "The observed value in the target's unit.",
  },
  {
    name: 'target',
    type: 'number',
    nullable: true,
    unit: "the target's unit",
    formula: 'target.value (null for milestones and binary)',
    zh: '目标值。',
    en: 'The target value.',
  },
  {
    name: 'progress',
    type: 'number',
    nullable: true,
    unit: 'fraction',
    formula: 'cumulative value/target; level (value−baseline)/(target−baseline); milestones done weight/total; binary 1 or 0; rate null',
    zh: '完成进度(比例,0.275 即 27.5%)。',
    en: 'Progress as a fraction.',
  },
  {
    name: 'expected',
    type: 'number',
    nullable: true,
    unit: 'fraction',
    formula: '序时进度 by the pace (monthly, daily, trajectory); milestones due weight/total; binary 0 before t, 1 from t; rate null',
    zh: '序时进度(比例)。',
    en: 'Expected progress as a fraction.',
  },
  {
    name: 'paceGap',
    type: 'number',
    nullable: true,
    unit: 'fraction',
    formula: 'progress − expected',
    zh: '进度差(0.03 即超前 3 个百分点)。',
    en: 'progress − expected.',
  },
  {
    name: 'paceRatio',
    type: 'number',
    nullable: true,
    unit: 'ratio',
    formula: 'progress / expected; null when expected is 0 or either is null',
    zh: '进度比(完成进度 ÷ 序时进度)。',
    en: 'progress / expected.',
  },
  {
    name: 'met',
    type: 'boolean',
    nullable: true,
    unit: '',
    formula: 'the target is attained at d (by kind and bound)',
    zh: '目标是否已达到。',
    en: 'Whether the target is attained.',
  },
  {
    name: 'onPace',
    type: 'boolean',
    nullable: true,
    unit: '',
    formula: 'rate: met; otherwise progress ≥ expected, exactly',
    zh: '是否达到序时进度。',
    en: 'Whether progress is at or ahead of expected.',
  },
  {
    name: 'margin',
    type: 'number',
    nullable: true,
    unit: "the target's unit",
    formula: 'rate only: atLeast value − target; atMost target − value; about tolerance − |value − target|',
    zh: '比率型指标距目标界限的余量,正数为好。',
    en: 'Rate only: signed distance to the bound, positive is better.',
  },
  {
    name: 'overdue',
    type: 'boolean',
    nullable: false,
    unit: '',
    formula: 'd > t and met is not true',
    zh: '是否已超期未完成。',
    en: 'Past the deadline and not met.',
  },
  {
    name: 'daysToDeadline',
    type: 'integer',
    nullable: false,
    unit: 'days',
    formula: 'D(t) − D(d)',
    zh: '距完成时限的天数(超期为负)。',
    en: 'Days to the deadline (negative once past).',
  },
  {
    name: 'overdueMilestones',
    type: 'integer',
    nullable: false,
    unit: 'milestones',
    formula: 'milestones with due < d and not done by d',
    zh: '已逾期未完成的节点数。',
    en: 'Milestones past due and not done.',
  },
  {
    name: 'dataAgeDays',
    type: 'integer',
    nullable: true,
    unit: 'days',
    formula: 'D(d) − D(observation.asOf)',
    zh: '所用数据距评估日的天数。',
    en: 'Age of the observation used, in days.',
  },
  {
    name: 'dataCoversPeriod',
    type: 'boolean',
    nullable: true,
    unit: '',
    formula: 'observation.asOf ≥ t (null without data and for milestones and binary)',
    zh: '所用数据是否覆盖整个目标期(数据日期不早于完成时限),如年度目标用的是全年数据而不是半年数据。',
    en: 'Whether the observation used is dated on or after the deadline, so it covers the whole target period (a full-year figure, not a half-year one).',
  },
  { name: 'flags', type: 'string[]', nullable: false, unit: '', formula: "the task's flags", zh: '分析员标记,如 "problem"。', en: "The task's flags." },
] as const satisfies readonly (FactDefinition & { name: FactName })[];
