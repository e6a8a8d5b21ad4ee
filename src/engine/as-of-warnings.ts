// Warnings about the as-of date that keep a wrong bulletin from going out: a date
// nobody chose (today's), a date outside the plan's period, figures far older
// than the date they are judged at.
import type { CalendarDate } from '../model/calendar-date.js';
import type { Plan } from '../model/types.js';
import { dayNumber } from '../pace/calendar.js';
import { chineseDate } from './wording.js';

/**
 * The kinds of {@link EvaluationWarning}, as a closed list.
 *
 * @category Engine
 */
export const WARNING_CODES = ['as-of-defaulted', 'as-of-outside-period', 'stale-data'] as const;

/**
 * What an evaluation warns about: `as-of-defaulted` (no as-of date was given
 * and the plan has none, so today's date in China was used), `as-of-outside-period`
 * (the date lies before the plan's start or after its end), `stale-data` (every
 * reported figure is older than the as-of date by more than a reporting period,
 * {@link STALE_AFTER_DAYS} days).
 *
 * @category Engine
 */
export type WarningCode = (typeof WARNING_CODES)[number];

/**
 * A warning carried by an evaluation (and its JSON output): the results are
 * computed, but may not be what a bulletin should say.
 *
 * @category Engine
 */
export interface EvaluationWarning {
  /** What kind of warning. */
  readonly code: WarningCode;
  /** What is wrong and what to do, in Chinese, then English. */
  readonly message: string;
}

/**
 * The longest reporting period, a quarter: the latest figure of a plan older
 * than this many days at the as-of date makes a `stale-data` warning.
 *
 * @category Engine
 */
export const STALE_AFTER_DAYS = 92;

/** Where an evaluation's as-of date came from. */
export type AsOfSource = 'option' | 'plan' | 'today';

/** The latest date of any reported figure of the plan, if it has any. */
function latestObservation(plan: Plan): CalendarDate | undefined {
  let latest: CalendarDate | undefined;
  for (const task of plan.tasks) {
    const { target } = task;
    if (target.kind === 'cumulative' || target.kind === 'level' || target.kind === 'rate') {
      for (const observation of task.observations ?? []) if (latest === undefined || observation.asOf > latest) latest = observation.asOf;
    }
  }
  return latest;
}

/**
 * The warnings of an evaluation of `plan` at `asOf`.
 *
 * @param plan - the plan
 * @param asOf - the as-of date used
 * @param source - where the date came from
 * @returns the warnings, in the order of {@link WARNING_CODES}; empty when all is well
 */
export function asOfWarnings(plan: Plan, asOf: CalendarDate, source: AsOfSource): EvaluationWarning[] {
  const warnings: EvaluationWarning[] = [];
  if (source === 'today') {
    warnings.push({
      code: 'as-of-defaulted',
      message: `未指定评估日期，计划也没有 asOf，已按今天（${chineseDate(asOf)}）评估；正式通报请用 --as-of 写明截至日期 / no as-of date was given and the plan has none, so it was evaluated at today's date ${asOf}; give the date a bulletin stands at with --as-of`,
    });
  }
  const { start, end } = plan.period;
  if (asOf < start || asOf > end) {
    warnings.push({
      code: 'as-of-outside-period',
      message: `评估日期${chineseDate(asOf)}在计划期（${chineseDate(start)}至${chineseDate(end)}）${asOf < start ? '开始之前' : '结束之后'}，请核对 --as-of / the as-of date ${asOf} lies ${asOf < start ? 'before' : 'after'} the plan's period ${start} to ${end}: check --as-of`,
    });
  }
  const latest = latestObservation(plan);
  if (latest !== undefined && dayNumber(asOf) - dayNumber(latest) > STALE_AFTER_DAYS) {
    const days = dayNumber(asOf) - dayNumber(latest);
    warnings.push({
      code: 'stale-data',
      message: `最近一次报送数据截至${chineseDate(latest)}，比评估日期早${days}天（超过一个季度）；请先合并新的报送数据（--observations） / the latest reported figure is of ${latest}, ${days} days before the as-of date (more than a quarter): merge the new returns first (--observations)`,
    });
  }
  return warnings;
}
