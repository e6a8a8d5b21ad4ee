import type { CalendarDate } from '../model/calendar-date.js';
import type { Pace, Plan, Task } from '../model/types.js';
import { dateParts, dayNumber, daysInMonth, previousDay } from './calendar.js';
import { add, clamp01, compare, div, fraction, fromDecimal, mul, ONE, sub, ZERO, type Fraction } from './fraction.js';

/**
 * A task's window and pace with the plan's defaults applied.
 *
 * @category Pace
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
 * @example
 * ```ts
 * taskWindow(plan, plan.tasks[0]!); // { start: '2018-01-01', deadline: '2018-12-31', pace: 'monthly' }
 * ```
 * @category Pace
 */
export function taskWindow(plan: Plan, task: Task): TaskWindow {
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
 * @example
 * ```ts
 * paceExpected({ start: '2018-01-01', deadline: '2018-12-31', pace: 'monthly' }, '2018-02-14'); // 1/8
 * ```
 * @category Pace
 */
export function paceExpected(window: TaskWindow, asOf: CalendarDate): Fraction {
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
  const { target } = task;
  switch (target.kind) {
    case 'rate':
      return null;
    case 'binary':
      return asOf < taskWindow(plan, task).deadline ? ZERO : ONE;
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
      return paceExpected(taskWindow(plan, task), asOf);
  }
}

/** Whether `a ≥ b` exactly. */
export const atLeast = (a: Fraction, b: Fraction): boolean => compare(a, b) >= 0;
