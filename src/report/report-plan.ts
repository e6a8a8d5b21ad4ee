import { EVALUATE_OPTIONS, evaluatePlan, type EvaluateOptions, type Evaluation } from '../engine/evaluate-plan.js';
import { ensurePlan } from '../model/boundary.js';
import { kindOf, readOptions } from '../model/check-arguments.js';
import { DubanError } from '../errors.js';
import { isCalendarDate, type CalendarDate } from '../model/calendar-date.js';
import { quote } from '../model/schema-kit.js';
import type { Plan } from '../model/types.js';
import { BULLETIN_OPTIONS, formatBulletin, type BulletinOptions } from './format-bulletin.js';
import { reportingDates } from './trend.js';

/**
 * Options for {@link reportPlan}: the evaluation's options with one or several
 * as-of dates, and the bulletin's.
 *
 * @category Report
 */
export interface ReportOptions extends Omit<EvaluateOptions, 'asOf' | 'tasks'>, BulletinOptions {
  /**
   * One as-of date, several (a trend; the latest is reported), or `"all"`:
   * every {@link reportingDates | reporting date} of the plan. Default: the
   * plan's `asOf`, else today in UTC+8.
   */
  readonly asOf?: CalendarDate | readonly CalendarDate[] | 'all' | undefined;
}

/**
 * Resolves the as-of dates of a report: the given ones sorted without repeats,
 * every reporting date for `"all"`, or `[undefined]` for the evaluation's default.
 */
function resolveDates(plan: Plan, asOf: ReportOptions['asOf']): (CalendarDate | undefined)[] {
  if (asOf === undefined) return [undefined];
  if (asOf === 'all') {
    const dates = reportingDates(plan);
    if (dates.length === 0) {
      throw new DubanError('INVALID_OPTION', 'no reporting dates', {
        issues: [{ code: 'required', path: 'asOf', keys: ['asOf'], message: `"all": plan ${quote(plan.id)} has no observations and no asOf` }],
      });
    }
    return dates;
  }
  const list: readonly CalendarDate[] = typeof asOf === 'string' ? [asOf] : asOf;
  const bad = list.filter((date) => !isCalendarDate(date));
  if (bad.length > 0 || list.length === 0) {
    throw new DubanError('INVALID_OPTION', 'invalid as-of date', {
      issues:
        list.length === 0
          ? [{ code: 'too_small', path: 'asOf', keys: ['asOf'], message: 'give at least one as-of date' }]
          : bad.map((date) => ({ code: 'invalid_date', path: 'asOf', keys: ['asOf'], message: `not a real calendar date YYYY-MM-DD: ${quote(date)}` })),
    });
  }
  return [...new Set(list)].sort();
}

/**
 * Evaluates a plan at one or several as-of dates and writes the bulletin: what
 * `duban report` does. See {@link formatBulletin} for the bulletin's structure.
 *
 * @param plan - the validated plan
 * @param options - as-of date(s), rule set, format, title, main indicators
 * @returns the bulletin text
 * @throws {@link DubanError} `INVALID_OPTION` for a bad as-of date, rule set or format, and as `evaluatePlan`
 * @example
 * ```ts
 * const html = await reportPlan(plan, { asOf: 'all', rules: 'four-level', format: 'html' });
 * ```
 * @category Report
 */
export async function reportPlan(plan: Plan, options: ReportOptions = {}): Promise<string> {
  plan = ensurePlan(plan);
  options = readOptions<ReportOptions>(options, {
    ...EVALUATE_OPTIONS,
    ...BULLETIN_OPTIONS,
    // Checked in full by resolveDates and formatBulletin.
    asOf: (value) => (typeof value === 'string' || Array.isArray(value) ? undefined : `expected a date, a list of dates or "all", got ${kindOf(value)}`),
    date: () => undefined,
  });
  const { asOf, format, title, mainIndicators, tones, issuer, date, ...evaluateOptions } = options;
  const evaluations: Evaluation[] = [];
  for (const date of resolveDates(plan, asOf)) evaluations.push(await evaluatePlan(plan, { ...evaluateOptions, asOf: date }));
  return formatBulletin(plan, evaluations, { format, title, mainIndicators, tones, issuer, date });
}
