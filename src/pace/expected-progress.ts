import type { CalendarDate } from '../model/calendar-date.js';
import { DubanError, issueAt, type DubanErrorCode, type IssueCode } from '../errors.js';
import { kindOf } from '../model/kind-of.js';
import { isRecognised, isTaskOf } from '../model/recognised.js';
import type { Pace, Plan, Task } from '../model/types.js';
import { dateParts, dayNumber, daysInMonth, previousDay } from './calendar.js';
import { add, clamp01, compare, div, fraction, fromDecimal, mul, ONE, sub, ZERO, type Fraction } from './fraction.js';

/**
 * A task's window and pace with the plan's defaults applied.
 * Internal: not exported from the package.
 */
export interface TaskWindow {
  /** `s`, the first day. */
  readonly start: CalendarDate;
  /** `t`, the deadline. */
  readonly deadline: CalendarDate;
  /** The pace in force. */
  readonly pace: Pace;
}

/**
 * Resolves a task's window and pace: its own `start`, `deadline` and `pace`,
 * else the plan's `period` and `pace`, else `"monthly"`.
 *
 * @param plan - the validated plan
 * @param task - one of its tasks
 * @returns the window and pace in force
 * Internal: not exported from the package.
 */
export function taskWindow(plan: Plan, task: Task): TaskWindow {
  requireTaskOf(plan, task);
  return windowOf(plan, task);
}

/*
 * The guards of this module's exports. They accept only what duban's parsers
 * returned (a plan from parsePlan and one of its tasks), without the plan
 * schema: an app that imports expectedProgress alone bundles neither zod nor
 * decimal.js (see test/package/bundle-size.test.ts). A plain object is refused
 * with a pointer to parsePlan.
 */

function refuse(code: DubanErrorCode, issue: IssueCode, path: string, message: string): never {
  throw new DubanError(code, `${path}: ${message}`, { issues: [issueAt(issue, path, message)] });
}

function requireTaskOf(plan: unknown, task: unknown): void {
  if (!isRecognised('plan', plan))
    refuse('INVALID_PLAN', 'invalid_type', '$', `expected a plan returned by parsePlan (validate a plain object with parsePlan first), got ${kindOf(plan)}`);
  if (!isTaskOf(plan as Plan, task)) refuse('INVALID_PLAN', 'unknown_reference', 'task', `expected one of the plan's tasks, got ${kindOf(task)}`);
}

/** `YYYY-MM-DD`, a real date of a year from 1000 (as isCalendarDate, without its dependency). */
function isDay(value: unknown): value is CalendarDate {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const { year, month, day } = dateParts(value);
  return year >= 1000 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function requireDay(value: unknown, path = 'asOf'): CalendarDate {
  return isDay(value) ? value : refuse('INVALID_OPTION', 'invalid_date', path, `expected a real calendar date YYYY-MM-DD, got ${kindOf(value)}`);
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const DECIMAL = /^(0|[1-9]\d*)(\.\d+)?$/;

/** {@link taskWindow} of a validated plan's task. Internal: not part of the package's API. */
export function windowOf(plan: Plan, task: Task): TaskWindow {
  return { start: task.start ?? plan.period.start, deadline: task.deadline ?? plan.period.end, pace: task.pace ?? plan.pace ?? 'monthly' };
}

/** `M(x)`: the month position at the end of day `x`. */
function monthPosition(date: CalendarDate): Fraction {
  const { year, month, day } = dateParts(date);
  const days = BigInt(daysInMonth(year, month));
  return fraction(BigInt(12 * year + month - 1) * days + BigInt(day), days);
}

/**
 * 序时进度 under a time-based pace: the fraction of the window `[s, t]` elapsed
 * by the end of day `asOf`, in [0, 1].
 *
 * @param window - the task's window and pace
 * @param asOf - the as-of date `d`
 * @returns the exact expected progress
 * Internal: not exported from the package.
 */
export function paceExpected(window: TaskWindow, asOf: CalendarDate): Fraction {
  return paceExpectedOf(ensureWindow(window), requireDay(asOf));
}

/** A task window as {@link taskWindow} returns it, checked: dates in order and a valid pace. */
function ensureWindow(value: unknown): TaskWindow {
  if (!isObject(value)) refuse('INVALID_OPTION', 'invalid_type', 'window', `expected a task window { start, deadline, pace }, got ${kindOf(value)}`);
  const { start, deadline, pace } = value;
  requireDay(start, 'window.start');
  if (!isDay(deadline) || deadline < (start as string))
    refuse('INVALID_OPTION', 'invalid_date', 'window.deadline', `expected a real calendar date YYYY-MM-DD on or after the start, got ${kindOf(deadline)}`);
  if (pace === 'monthly' || pace === 'daily') return value as unknown as TaskWindow;
  const points: unknown = isObject(pace) ? pace.trajectory : undefined;
  let previous: { date: string; expected: Fraction } | undefined;
  const valid =
    Array.isArray(points) &&
    points.length > 0 &&
    points.every((point: unknown) => {
      if (!isObject(point) || !isDay(point.date) || point.date < (start as string) || point.date >= deadline) return false;
      if (typeof point.expected !== 'string' || !DECIMAL.test(point.expected)) return false;
      const expected = fromDecimal(point.expected);
      if (compare(expected, ONE) > 0) return false;
      const ordered = previous === undefined || (point.date > previous.date && compare(expected, previous.expected) >= 0);
      previous = { date: point.date, expected };
      return ordered;
    });
  if (!valid)
    refuse(
      'INVALID_OPTION',
      'invalid_value',
      'window.pace',
      `expected "monthly", "daily" or a trajectory of { date, expected } points within the window, got ${kindOf(pace)}`,
    );
  return value as unknown as TaskWindow;
}

/** {@link paceExpected} of a checked window. Internal: not part of the package's API. */
export function paceExpectedOf(window: TaskWindow, asOf: CalendarDate): Fraction {
  const before = previousDay(window.start);
  const { pace } = window;
  if (pace === 'monthly') {
    const origin = monthPosition(before);
    return clamp01(div(sub(monthPosition(asOf), origin), sub(monthPosition(window.deadline), origin)));
  }
  const x = dayNumber(asOf);
  const s = dayNumber(before);
  const t = dayNumber(window.deadline);
  if (pace === 'daily') return clamp01(fraction(BigInt(x - s), BigInt(t - s)));
  if (x <= s) return ZERO;
  if (x >= t) return ONE;
  let previous = { day: s, expected: ZERO };
  for (const point of [...pace.trajectory.map((p) => ({ day: dayNumber(p.date), expected: fromDecimal(p.expected) })), { day: t, expected: ONE }]) {
    if (x <= point.day) {
      const slope = div(sub(point.expected, previous.expected), fraction(BigInt(point.day - previous.day)));
      return add(previous.expected, mul(slope, fraction(BigInt(x - previous.day))));
    }
    previous = point;
  }
  return ONE;
}

/**
 * Expected progress `expected` (序时进度) of a task at the end of day `asOf`:
 * by its pace for `cumulative` and `level` targets; the weight of milestones due
 * for `milestones`; 0 before the deadline and 1 from it for `binary`; `null` for `rate`.
 *
 * @param plan - the validated plan
 * @param task - one of its tasks
 * @param asOf - the as-of date `d`
 * @returns an exact fraction in [0, 1], or `null` for a `rate` target
 * @example
 * ```ts
 * expectedProgress(plan, task, '2018-06-30'); // { n: 1n, d: 2n } for a calendar-year monthly task
 * ```
 * @category Pace
 */
export function expectedProgress(plan: Plan, task: Task, asOf: CalendarDate): Fraction | null {
  requireTaskOf(plan, task);
  return expectedProgressOf(plan, task, requireDay(asOf));
}

/** {@link expectedProgress} of a validated plan's task. Internal: not part of the package's API. */
export function expectedProgressOf(plan: Plan, task: Task, asOf: CalendarDate): Fraction | null {
  const { target } = task;
  switch (target.kind) {
    case 'rate':
      return null;
    case 'binary':
      return asOf < windowOf(plan, task).deadline ? ZERO : ONE;
    case 'milestones': {
      let due = ZERO;
      let total = ZERO;
      for (const milestone of target.milestones) {
        const weight = fromDecimal(milestone.weight);
        total = add(total, weight);
        if (milestone.due <= asOf) due = add(due, weight);
      }
      return div(due, total);
    }
    default:
      return paceExpectedOf(windowOf(plan, task), asOf);
  }
}

/** Whether `a ≥ b` exactly. */
export const atLeast = (a: Fraction, b: Fraction): boolean => compare(a, b) >= 0;
