import type { CalendarDate } from './calendar-date.js';
import type { DecimalString } from './decimal.js';

/**
 * Keys starting with `x-`: kept and ignored by duban, for the analyst's own notes.
 *
 * @category Model
 */
export interface Extensions {
  /** Any key starting with `x-`. */
  readonly [key: `x-${string}`]: unknown;
}

/**
 * A point of an agreed trajectory: by the end of `date`, `expected` of the work should be done.
 *
 * @category Model
 */
export interface TrajectoryPoint extends Extensions {
  /** The date of the point. */
  readonly date: CalendarDate;
  /** The fraction expected by the end of that day, in [0, 1]. */
  readonly expected: DecimalString;
}

/**
 * An agreed curve of expected progress (a seasonal profile, a delivery trajectory).
 *
 * @category Model
 */
export interface Trajectory extends Extensions {
  /** Points with strictly increasing dates and non-decreasing values. */
  readonly trajectory: readonly TrajectoryPoint[];
}

/**
 * How expected progress runs: `"monthly"` (every month weighs the same),
 * `"daily"` (every day weighs the same) or a {@link Trajectory}.
 *
 * @category Model
 */
export type Pace = 'monthly' | 'daily' | Trajectory;

/**
 * The bound of a `rate` target: at least, at most, or about (within a tolerance).
 *
 * @category Model
 */
export type RateBound = 'atLeast' | 'atMost' | 'about';

/**
 * An amount that accumulates from zero over the task's window: 新增就业3.7万人, 完成投资80亿元.
 *
 * @category Model
 */
export interface CumulativeTarget extends Extensions {
  /** The kind. */
  readonly kind: 'cumulative';
  /** The measure, e.g. 林业产值. */
  readonly measure: string;
  /** The unit, e.g. 亿元. */
  readonly unit: string;
  /** The amount to reach, > 0. */
  readonly value: DecimalString;
}

/**
 * A stock moved from a baseline to a target level: 高新技术企业达到220家 (from 160).
 *
 * @category Model
 */
export interface LevelTarget extends Extensions {
  /** The kind. */
  readonly kind: 'level';
  /** The measure. */
  readonly measure: string;
  /** The unit. */
  readonly unit: string;
  /** The target level. */
  readonly value: DecimalString;
  /** The baseline level, different from `value`; the direction follows from the two. */
  readonly baseline: DecimalString;
}

/**
 * A rate, ratio or concentration judged as it stands: 地区生产总值增长8%, 涨幅控制在3.5%以内.
 *
 * @category Model
 */
export interface RateTarget extends Extensions {
  /** The kind. */
  readonly kind: 'rate';
  /** The measure. */
  readonly measure: string;
  /** The unit, often `%`. */
  readonly unit: string;
  /** The target value (a fall of 3.5% is `-3.5` with `atMost`). */
  readonly value: DecimalString;
  /** How the value is judged (default `atLeast`). */
  readonly bound: RateBound;
  /** For `about`: the allowed distance, ≥ 0. */
  readonly tolerance?: DecimalString | undefined;
}

/**
 * A dated step of a `milestones` target.
 *
 * @category Model
 */
export interface Milestone extends Extensions {
  /** The step, e.g. 开工. */
  readonly title: string;
  /** When it is due. */
  readonly due: CalendarDate;
  /** When it was done, or `null`. */
  readonly done: CalendarDate | null;
  /** Its weight, > 0 (default 1). */
  readonly weight: DecimalString;
}

/**
 * Qualitative work tracked by dated steps: 立项 → 开工 → 主体完工 → 竣工.
 *
 * @category Model
 */
export interface MilestonesTarget extends Extensions {
  /** The kind. */
  readonly kind: 'milestones';
  /** The steps, at least one. */
  readonly milestones: readonly Milestone[];
}

/**
 * A single thing done or not by the deadline: 获批国家级示范区, 出台实施方案.
 *
 * @category Model
 */
export interface BinaryTarget extends Extensions {
  /** The kind. */
  readonly kind: 'binary';
  /** When it was done, or `null`. */
  readonly completedOn: CalendarDate | null;
}

/**
 * A task's target, discriminated by `kind`.
 *
 * @category Model
 */
export type Target = CumulativeTarget | LevelTarget | RateTarget | MilestonesTarget | BinaryTarget;

/**
 * The kind of a target.
 *
 * @category Model
 */
export type TargetKind = Target['kind'];

/**
 * A reported value of a task.
 *
 * @category Model
 */
export interface Observation extends Extensions {
  /** The date the value stands at. */
  readonly asOf: CalendarDate;
  /** The value; for `cumulative` targets the total since the task's start (累计). */
  readonly value: DecimalString;
  /** Its unit, default the target's; another magnitude of the same base unit is converted. */
  readonly unit?: string | undefined;
  /** A note. */
  readonly note?: string | undefined;
}

/**
 * The units responsible for a task.
 *
 * @category Model
 */
export interface Owners extends Extensions {
  /** The units that lead (牵头单位). */
  readonly lead?: readonly string[] | undefined;
  /** The units that help (配合单位). */
  readonly support?: readonly string[] | undefined;
}

/**
 * A cancellation: from `on`, the task is cancelled (取消).
 *
 * @category Model
 */
export interface Cancellation extends Extensions {
  /** Cancelled from this day on. */
  readonly on: CalendarDate;
  /** Why, e.g. 因政策调整. */
  readonly reason: string;
}

/**
 * One task of a plan.
 *
 * @category Model
 */
export interface Task extends Extensions {
  /** Unique in the plan. */
  readonly id: string;
  /** The task's text. */
  readonly title: string;
  /** The id of its category. */
  readonly category?: string | undefined;
  /** Lead and supporting units. */
  readonly owners?: Owners | undefined;
  /** The responsible official (牵头领导). */
  readonly leader?: string | undefined;
  /** First day, default the plan's `period.start`. */
  readonly start?: CalendarDate | undefined;
  /** Deadline, default the plan's `period.end`. */
  readonly deadline?: CalendarDate | undefined;
  /** This task's pace, overriding the plan's. */
  readonly pace?: Pace | undefined;
  /** What is to be achieved. */
  readonly target: Target;
  /** Reported values. */
  readonly observations?: readonly Observation[] | undefined;
  /** Analyst markers, e.g. `"problem"`. */
  readonly flags?: readonly string[] | undefined;
  /** The cancellation, if any. */
  readonly cancelled?: Cancellation | null | undefined;
}

/**
 * A category of tasks.
 *
 * @category Model
 */
export interface Category extends Extensions {
  /** Unique id. */
  readonly id: string;
  /** Title. */
  readonly title: string;
}

/**
 * The plan's year or span.
 *
 * @category Model
 */
export interface Period extends Extensions {
  /** First day. */
  readonly start: CalendarDate;
  /** Last day. */
  readonly end: CalendarDate;
}

/**
 * Which tasks a plan's bulletins count apart as its main indicators.
 *
 * @category Model
 */
export type PlanMainIndicators =
  | 'rate'
  | 'none'
  | {
      /** The ids of the categories whose tasks are the main indicators. */
      readonly categories: readonly string[];
    };

/**
 * A validated plan (format version 1): decimals normalised to
 * {@link DecimalString}s, defaults filled in, `x-` keys kept.
 *
 * @category Model
 */
export interface Plan extends Extensions {
  /** The JSON Schema reference, for editors. */
  readonly $schema?: string | undefined;
  /** Always `1`. */
  readonly formatVersion: 1;
  /** The plan id. */
  readonly id: string;
  /** Its title. */
  readonly title: string;
  /** The issuing government. */
  readonly issuer?: string | undefined;
  /** The plan's span. */
  readonly period: Period;
  /** Default as-of date. */
  readonly asOf?: CalendarDate | undefined;
  /** Default pace for tasks. */
  readonly pace?: Pace | undefined;
  /** Categories, ids unique. */
  readonly categories?: readonly Category[] | undefined;
  /**
   * The main indicators a bulletin counts apart: `rate` (every rate target, the default), `none`,
   * or the tasks of some categories (`{ categories: ['1-1'] }`, the category of 主要预期目标).
   */
  readonly mainIndicators?: PlanMainIndicators | undefined;
  /** The tasks, ids unique. */
  readonly tasks: readonly Task[];
}

/**
 * One observation of an observations file.
 *
 * @category Model
 */
export interface ObservationRecord extends Observation {
  /** The task it belongs to. */
  readonly taskId: string;
}

/**
 * A validated observations file, to be merged into a plan.
 *
 * @category Model
 */
export interface ObservationsFile extends Extensions {
  /** The JSON Schema reference, for editors. */
  readonly $schema?: string | undefined;
  /** Always `1`. */
  readonly formatVersion: 1;
  /** The plan's id. */
  readonly planId: string;
  /** The observations. */
  readonly observations: readonly ObservationRecord[];
}
