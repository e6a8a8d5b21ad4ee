import type { Evaluation, TaskResult } from '../engine/evaluate-plan.js';
import { DubanError, type DubanIssue } from '../errors.js';
import type { CalendarDate } from '../model/calendar-date.js';
import { ensureEvaluations } from '../engine/boundary.js';
import { ensurePlan } from '../model/boundary.js';
import { readOptions } from '../model/check-arguments.js';
import { quote } from '../model/schema-kit.js';
import type { Plan, Task } from '../model/types.js';
import { SUMMARIZE_OPTIONS, summarizeEvaluation, type EvaluationSummary, type SummarizeOptions } from './summarize-evaluation.js';

/**
 * One task at one as-of date.
 *
 * @category Report
 */
export interface TrendPoint {
  /** The as-of date. */
  readonly asOf: CalendarDate;
  /** The task's result at that date. */
  readonly result: TaskResult;
}

/**
 * One task's history over the as-of dates of a trend.
 *
 * @category Report
 */
export interface TaskTrend {
  /** The task in the plan. */
  readonly task: Task;
  /** One point per as-of date, oldest first. */
  readonly points: readonly TrendPoint[];
  /** Whether its status changed between two consecutive dates. */
  readonly changed: boolean;
}

/**
 * A plan evaluated at several as-of dates: the summary at each date and each
 * task's status history.
 *
 * @category Report
 */
export interface Trend {
  /** The as-of dates, oldest first. */
  readonly dates: readonly CalendarDate[];
  /** The summary at each date, in the same order. */
  readonly summaries: readonly EvaluationSummary[];
  /** Every task's history, in the plan's order. */
  readonly tasks: readonly TaskTrend[];
}

/**
 * The dates at which a plan's situation changes as reported: every distinct
 * observation date, plus the plan's `asOf`, sorted. These are the dates
 * `duban report --as-of all` evaluates at.
 *
 * @param plan - the plan
 * @returns the dates, oldest first, without repeats
 * @example
 * ```ts
 * reportingDates(plan); // ['2018-03-31', '2018-06-30']
 * ```
 * @category Report
 */
export function reportingDates(plan: Plan): CalendarDate[] {
  plan = ensurePlan(plan);
  const dates = new Set<CalendarDate>();
  for (const task of plan.tasks) for (const observation of task.observations ?? []) dates.add(observation.asOf);
  if (plan.asOf !== undefined) dates.add(plan.asOf);
  return [...dates].sort();
}

/**
 * Puts evaluations of one plan at several as-of dates side by side: the
 * summary at each date and each task's status history, oldest first.
 *
 * @param plan - the validated plan
 * @param evaluations - its evaluations, one per as-of date, with the same rule set
 * @param options - as for {@link summarizeEvaluation}
 * @returns the trend
 * @throws {@link DubanError} `INVALID_OPTION` when there is no evaluation, two share an as-of date, the rule sets differ, or one is not of this plan
 * @example
 * ```ts
 * const evaluations = await Promise.all(reportingDates(plan).map((asOf) => evaluatePlan(plan, { asOf })));
 * summarizeTrend(plan, evaluations).tasks.filter((task) => task.changed);
 * ```
 * @category Report
 */
export function summarizeTrend(plan: Plan, evaluations: readonly Evaluation[], options: SummarizeOptions = {}): Trend {
  plan = ensurePlan(plan);
  if (!Array.isArray(evaluations))
    throw new DubanError('INVALID_OPTION', 'evaluations must be a list', {
      issues: [{ code: 'invalid_type', path: 'evaluations', keys: ['evaluations'], message: `expected a list of evaluations, got ${typeof evaluations}` }],
    });
  evaluations = evaluations.length === 0 ? evaluations : ensureEvaluations(evaluations);
  options = readOptions<SummarizeOptions>(options, SUMMARIZE_OPTIONS);
  const issues: DubanIssue[] = [];
  if (evaluations.length === 0) issues.push({ code: 'too_small', path: 'evaluations', keys: ['evaluations'], message: 'at least one evaluation is needed' });
  const sorted = [...evaluations].sort((a, b) => (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : 0));
  sorted.forEach((evaluation, i) => {
    const previous = sorted[i - 1];
    if (previous !== undefined && previous.asOf === evaluation.asOf)
      issues.push({ code: 'duplicate_id', path: 'evaluations', keys: ['evaluations'], message: `two evaluations as of ${quote(evaluation.asOf)}` });
    if (evaluation.ruleSet !== sorted[0]?.ruleSet)
      issues.push({
        code: 'inconsistent',
        path: 'evaluations',
        keys: ['evaluations'],
        message: `rule set ${quote(evaluation.ruleSet)} as of ${evaluation.asOf} differs from ${quote(sorted[0]?.ruleSet)}`,
      });
  });
  if (issues.length > 0) throw new DubanError('INVALID_OPTION', 'evaluations cannot form a trend', { issues });
  const summaries = sorted.map((evaluation) => summarizeEvaluation(plan, evaluation, options));
  const tasks = plan.tasks.map((task, i): TaskTrend => {
    const points = summaries.map((summary) => ({ asOf: summary.asOf, result: summary.tasks[i]!.result }));
    const changed = points.some((point, j) => j > 0 && point.result.status !== points[j - 1]?.result.status);
    return { task, points, changed };
  });
  return { dates: summaries.map((summary) => summary.asOf), summaries, tasks };
}
