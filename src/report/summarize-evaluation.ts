import type { Evaluation, StatusCount, TaskResult } from '../engine/evaluate-plan.js';
import { DubanError, type DubanIssue } from '../errors.js';
import type { CalendarDate } from '../model/calendar-date.js';
import { ensureEvaluation } from '../engine/boundary.js';
import { ensurePlan } from '../model/boundary.js';
import { isPlainObject, kindOf, readOptions, type OptionSpec } from '../model/check-arguments.js';
import { quote } from '../model/schema-kit.js';
import type { Category, Plan, Task } from '../model/types.js';
import { STATUS_TONES, statusTones, type StatusTone } from './status-tone.js';
import { splitNames } from './text-kit.js';

/**
 * Which tasks are the main indicators (主要指标), counted apart from the other
 * work as seed 000 (锦州) counts its 8 主要经济发展指标 apart from its 82 重点工作:
 * `"rate"` (the default) takes every `rate` target, `{ categories: [...] }`
 * takes every task of those categories, `"none"` makes no split.
 *
 * @category Report
 */
export type MainIndicators = 'rate' | 'none' | MainIndicatorCategories;

/**
 * Main indicators chosen by category.
 *
 * @category Report
 */
export interface MainIndicatorCategories {
  /** The ids of the categories whose tasks are the main indicators. */
  readonly categories: readonly string[];
}

/**
 * Options for {@link summarizeEvaluation}.
 *
 * @category Report
 */
export interface SummarizeOptions {
  /** Which tasks are the main indicators; default what the plan's `mainIndicators` says, else `"rate"`. */
  readonly mainIndicators?: MainIndicators | undefined;
  /** Tones for status codes of your own rule files (the bundled codes have theirs). */
  readonly tones?: Readonly<Record<string, StatusTone>> | undefined;
}

/**
 * The checks of {@link SummarizeOptions}, shared by the functions that take them. Internal.
 */
export const SUMMARIZE_OPTIONS: OptionSpec = {
  mainIndicators: (value) =>
    value === 'rate' ||
    value === 'none' ||
    (isPlainObject(value) &&
      Array.isArray(value.categories) &&
      value.categories.every((id) => typeof id === 'string') &&
      Object.keys(value).every((key) => key === 'categories'))
      ? undefined
      : `expected "rate", "none" or { categories: [...] } with category ids, got ${kindOf(value)}`,
  tones: (value) =>
    isPlainObject(value) && Object.values(value).every((tone) => (STATUS_TONES as readonly unknown[]).includes(tone))
      ? undefined
      : `expected an object of status codes to tones (${STATUS_TONES.join(', ')}), got ${kindOf(value)}`,
};

/** The summary options within a wider options bag (a bulletin's, a workbook's). Internal. */
export function summarizeOptions(options: SummarizeOptions): SummarizeOptions {
  return {
    ...(options.mainIndicators === undefined ? {} : { mainIndicators: options.mainIndicators }),
    ...(options.tones === undefined ? {} : { tones: options.tones }),
  };
}

/**
 * One task as a summary sees it: its plan entry, its result and who owns it.
 *
 * @category Report
 */
export interface TaskEntry {
  /** The task in the plan. */
  readonly task: Task;
  /** Its result in the evaluation. */
  readonly result: TaskResult;
  /** Its category, if any. */
  readonly category: Category | null;
  /** Its lead units (牵头单位), possibly empty. */
  readonly lead: readonly string[];
  /** Its supporting units (配合单位), possibly empty. */
  readonly support: readonly string[];
  /** Its leaders (牵头领导): the task's `leader` split on 、,,;; (`楚雷、赵淑红` is two). */
  readonly leaders: readonly string[];
  /** Cancelled at the as-of date (the `cancelled` fact). */
  readonly cancelled: boolean;
  /**
   * Behind 序时进度 or with a problem: not cancelled, and flagged `problem`, or
   * overdue, or with data and not on pace, or with milestones overdue.
   */
  readonly attention: boolean;
  /** The tone it is drawn in: its status's tone, `off` when cancelled, `other` for a rule gap. */
  readonly tone: StatusTone;
}

/**
 * The tasks of one status.
 *
 * @category Report
 */
export interface StatusGroup extends StatusCount {
  /** The status's tone. */
  readonly tone: StatusTone;
  /** Its tasks, in the plan's order (cancelled tasks are not here). */
  readonly tasks: readonly TaskEntry[];
}

/**
 * Counts of a set of tasks: every status of the rule file, cancelled tasks apart.
 *
 * @category Report
 */
export interface Tally {
  /** All tasks of the set, cancelled ones too. */
  readonly total: number;
  /** Every status of the rule file, in its order, zeros included; cancelled tasks are not counted here. */
  readonly byStatus: readonly StatusCount[];
  /** Cancelled tasks. */
  readonly cancelled: number;
  /** Tasks no rule matched (rule gaps). */
  readonly unclassified: number;
}

/**
 * The counts of one category, lead unit or leader.
 *
 * @category Report
 */
export interface GroupTally {
  /** The category id, the unit's or the leader's name; `""` for tasks without one. */
  readonly key: string;
  /** What to call it: the category title, the name, or 未分类 / 未明确牵头单位 / 未明确牵头领导. */
  readonly title: string;
  /** The counts. */
  readonly tally: Tally;
  /** Its tasks, in the plan's order. */
  readonly tasks: readonly TaskEntry[];
}

/**
 * The main indicators or the other work, counted as seed 000 counts them:
 * by status, and by pace (完成进度 / 未完成进度).
 *
 * @category Report
 */
export interface WorkGroup {
  /** What the group is called: 主要指标 (or the indicators' category title), 重点工作 (or the other work's category title). */
  readonly title: string;
  /** The counts by status. */
  readonly tally: Tally;
  /** Its tasks, in the plan's order. */
  readonly tasks: readonly TaskEntry[];
  /** Not cancelled, with data, at or ahead of pace (`onPace`): 完成进度. */
  readonly onPace: readonly TaskEntry[];
  /** Not cancelled, with data, behind pace: 未完成进度. */
  readonly behind: readonly TaskEntry[];
  /** Not cancelled and without data. */
  readonly noData: readonly TaskEntry[];
  /** Cancelled. */
  readonly cancelled: readonly TaskEntry[];
}

/**
 * Everything a bulletin counts, computed from one evaluation of a plan.
 *
 * @category Report
 */
export interface EvaluationSummary {
  /** The plan's id. */
  readonly planId: string;
  /** The plan's title. */
  readonly planTitle: string;
  /** The as-of date of the evaluation. */
  readonly asOf: CalendarDate;
  /** The rule set's id. */
  readonly ruleSet: string;
  /** Every task, in the plan's order. */
  readonly tasks: readonly TaskEntry[];
  /** The counts over all tasks. */
  readonly overall: Tally;
  /** Every status of the rule file, in its order, with its tasks (cancelled tasks apart). */
  readonly byStatus: readonly StatusGroup[];
  /** The cancelled tasks (取消), shown apart. */
  readonly cancelled: readonly TaskEntry[];
  /** The tasks no rule matched. */
  readonly unclassified: readonly TaskEntry[];
  /** The tasks behind 序时进度 or with a problem, in the plan's order. */
  readonly attention: readonly TaskEntry[];
  /** The tasks not cancelled and without data. */
  readonly noData: readonly TaskEntry[];
  /** Counts per category, in the plan's order, then 未分类. */
  readonly byCategory: readonly GroupTally[];
  /** Counts per lead unit, in order of first appearance; a task with several lead units counts for each. */
  readonly byLeadUnit: readonly GroupTally[];
  /** Counts per leader, in order of first appearance; empty when no task names a leader. */
  readonly byLeader: readonly GroupTally[];
  /** How the main indicators were chosen. */
  readonly mainIndicatorsBy: 'rate' | 'none' | 'categories';
  /** The main indicators (empty when `mainIndicators` is `"none"`). */
  readonly mainIndicators: WorkGroup;
  /** The other work. */
  readonly otherWork: WorkGroup;
}

function tally(entries: readonly TaskEntry[], statuses: readonly StatusCount[]): Tally {
  const counts = new Map<string, number>();
  let cancelled = 0;
  let unclassified = 0;
  for (const entry of entries) {
    if (entry.cancelled) cancelled++;
    else if (entry.result.status === null) unclassified++;
    else counts.set(entry.result.status, (counts.get(entry.result.status) ?? 0) + 1);
  }
  return { total: entries.length, byStatus: statuses.map(({ status, label }) => ({ status, label, count: counts.get(status) ?? 0 })), cancelled, unclassified };
}

function groupBy(entries: readonly TaskEntry[], keysOf: (entry: TaskEntry) => readonly string[]): Map<string, TaskEntry[]> {
  const groups = new Map<string, TaskEntry[]>();
  for (const entry of entries) {
    for (const key of keysOf(entry)) {
      const list = groups.get(key) ?? [];
      list.push(entry);
      groups.set(key, list);
    }
  }
  return groups;
}

function workGroup(title: string, entries: readonly TaskEntry[], statuses: readonly StatusCount[]): WorkGroup {
  const live = entries.filter((entry) => !entry.cancelled);
  return {
    title,
    tally: tally(entries, statuses),
    tasks: entries,
    onPace: live.filter((entry) => entry.result.facts.hasData && entry.result.facts.onPace === true),
    behind: live.filter((entry) => entry.result.facts.hasData && entry.result.facts.onPace !== true),
    noData: live.filter((entry) => !entry.result.facts.hasData),
    cancelled: entries.filter((entry) => entry.cancelled),
  };
}

function needsAttention(result: TaskResult): boolean {
  const { facts } = result;
  if (facts.cancelled) return false;
  if (facts.flags.includes('problem') || facts.overdue) return true;
  return facts.hasData && (facts.onPace === false || facts.overdueMilestones > 0);
}

/** Checks that the evaluation is one of this plan, listing every mismatch. */
function matchResults(plan: Plan, evaluation: Evaluation): Map<string, TaskResult> {
  const issues: DubanIssue[] = [];
  if (evaluation.planId !== plan.id)
    issues.push({
      code: 'inconsistent',
      path: 'evaluation.planId',
      keys: ['evaluation', 'planId'],
      message: `evaluation of plan ${quote(evaluation.planId)}, not of ${quote(plan.id)}`,
    });
  const results = new Map<string, TaskResult>();
  const taskIds = new Set(plan.tasks.map((task) => task.id));
  evaluation.results.forEach((result, i) => {
    if (!taskIds.has(result.taskId))
      issues.push({
        code: 'unknown_reference',
        path: `evaluation.results[${i}].taskId`,
        keys: ['evaluation', 'results', i, 'taskId'],
        message: `task ${quote(result.taskId)} is not in plan ${quote(plan.id)}`,
      });
    results.set(result.taskId, result);
  });
  for (const task of plan.tasks)
    if (!results.has(task.id))
      issues.push({ code: 'required', path: 'evaluation.results', keys: ['evaluation', 'results'], message: `no result for task ${quote(task.id)}` });
  if (issues.length > 0) throw new DubanError('INVALID_OPTION', 'the evaluation does not belong to the plan', { issues });
  return results;
}

function resolveIndicators(
  plan: Plan,
  choice: MainIndicators,
): { by: EvaluationSummary['mainIndicatorsBy']; isIndicator: (task: Task) => boolean; titles: readonly string[] } {
  if (choice === 'none') return { by: 'none', isIndicator: () => false, titles: [] };
  if (choice === 'rate') return { by: 'rate', isIndicator: (task) => task.target.kind === 'rate', titles: [] };
  const known = new Map((plan.categories ?? []).map((category) => [category.id, category.title]));
  const unknown = choice.categories.filter((id) => !known.has(id));
  if (unknown.length > 0 || choice.categories.length === 0) {
    throw new DubanError('INVALID_OPTION', 'unknown main-indicator category', {
      issues:
        choice.categories.length === 0
          ? [{ code: 'too_small', path: 'mainIndicators.categories', keys: ['mainIndicators', 'categories'], message: 'name at least one category' }]
          : unknown.map((id) => ({
              code: 'unknown_reference',
              path: 'mainIndicators.categories',
              keys: ['mainIndicators', 'categories'],
              message: `plan ${quote(plan.id)} has no category ${quote(id)}`,
            })),
    });
  }
  const ids = new Set(choice.categories);
  return {
    by: 'categories',
    isIndicator: (task) => task.category !== undefined && ids.has(task.category),
    titles: choice.categories.map((id) => known.get(id) ?? id),
  };
}

/**
 * Summarises an evaluation of a plan the way a 督查 bulletin counts: per status
 * overall, per category, per lead unit (a task with several lead units counts
 * for each) and per leader; the tasks of every status by name; cancelled tasks
 * apart; the tasks behind 序时进度 or with problems; and the main indicators
 * counted apart from the other work, by status and by pace (完成进度 /
 * 未完成进度), as seed 000 (锦州) does. Every count comes from the evaluation.
 *
 * @param plan - the validated plan
 * @param evaluation - its evaluation (see `evaluatePlan`)
 * @param options - which tasks are the main indicators, tones for your own status codes
 * @returns the summary
 * @throws {@link DubanError} `INVALID_OPTION` when the evaluation is not one of this plan, or a main-indicator category does not exist
 * @example
 * ```ts
 * const summary = summarizeEvaluation(plan, await evaluatePlan(plan, { rules: 'three-level' }), { mainIndicators: { categories: ['1'] } });
 * summary.mainIndicators.onPace.length; // 3 (完成进度)
 * summary.byLeadUnit.map((unit) => `${unit.title} ${unit.tally.total}`);
 * ```
 * @category Report
 */
export function summarizeEvaluation(plan: Plan, evaluation: Evaluation, options: SummarizeOptions = {}): EvaluationSummary {
  plan = ensurePlan(plan);
  evaluation = ensureEvaluation(evaluation);
  options = readOptions<SummarizeOptions>(options, SUMMARIZE_OPTIONS);
  const results = matchResults(plan, evaluation);
  const indicators = resolveIndicators(plan, options.mainIndicators ?? plan.mainIndicators ?? 'rate');
  const statuses = evaluation.summary.byStatus;
  const factsByStatus = new Map<string, TaskResult['facts'][]>();
  for (const result of evaluation.results) {
    if (result.status === null || result.facts.cancelled) continue;
    // Appended in place: copying the list on every append made the summary quadratic in the tasks.
    const list = factsByStatus.get(result.status);
    if (list === undefined) factsByStatus.set(result.status, [result.facts]);
    else list.push(result.facts);
  }
  const tones = statusTones(
    statuses.map((status) => status.status),
    factsByStatus,
    options.tones,
  );
  const categories = new Map((plan.categories ?? []).map((category) => [category.id, category]));
  const tasks: TaskEntry[] = plan.tasks.map((task) => {
    const result = results.get(task.id)!;
    const cancelled = result.facts.cancelled;
    return {
      task,
      result,
      category: task.category === undefined ? null : (categories.get(task.category) ?? null),
      lead: [...(task.owners?.lead ?? [])],
      support: [...(task.owners?.support ?? [])],
      leaders: task.leader === undefined ? [] : splitNames(task.leader),
      cancelled,
      attention: needsAttention(result),
      tone: cancelled ? 'off' : result.status === null ? 'other' : (tones.get(result.status) ?? 'other'),
    };
  });
  const live = tasks.filter((entry) => !entry.cancelled);

  const byCategoryMap = groupBy(tasks, (entry) => [entry.task.category ?? '']);
  const byCategory: GroupTally[] = [...(plan.categories ?? []).map((category) => category.id), ''].flatMap((key) => {
    const members = byCategoryMap.get(key);
    if (members === undefined) return [];
    return [{ key, title: key === '' ? '未分类' : (categories.get(key)?.title ?? key), tally: tally(members, statuses), tasks: members }];
  });
  const grouped = (keysOf: (entry: TaskEntry) => readonly string[], none: string): GroupTally[] =>
    [...groupBy(tasks, (entry) => (keysOf(entry).length === 0 ? [''] : keysOf(entry))).entries()]
      .sort(([a], [b]) => (a === '' ? 1 : 0) - (b === '' ? 1 : 0))
      .map(([key, members]) => ({ key, title: key === '' ? none : key, tally: tally(members, statuses), tasks: members }));
  const byLeadUnit = grouped((entry) => [...new Set(entry.lead)], '未明确牵头单位');
  const byLeader = tasks.some((entry) => entry.leaders.length > 0) ? grouped((entry) => [...new Set(entry.leaders)], '未明确牵头领导') : [];

  const indicatorTasks = tasks.filter((entry) => indicators.isIndicator(entry.task));
  const otherTasks = tasks.filter((entry) => !indicators.isIndicator(entry.task));
  const otherCategories = [...new Set(otherTasks.map((entry) => entry.task.category))];
  const otherTitle =
    indicators.by === 'categories' && otherCategories.length === 1 && otherCategories[0] !== undefined
      ? (categories.get(otherCategories[0])?.title ?? '重点工作')
      : '重点工作';
  const indicatorTitle = indicators.titles.length === 1 ? indicators.titles[0]! : '主要指标';

  return {
    planId: plan.id,
    planTitle: plan.title,
    asOf: evaluation.asOf,
    ruleSet: evaluation.ruleSet,
    tasks,
    overall: tally(tasks, statuses),
    byStatus: statuses.map((status) => {
      const members = live.filter((entry) => entry.result.status === status.status);
      return { status: status.status, label: status.label, count: members.length, tone: tones.get(status.status) ?? 'other', tasks: members };
    }),
    cancelled: tasks.filter((entry) => entry.cancelled),
    unclassified: live.filter((entry) => entry.result.status === null),
    attention: tasks.filter((entry) => entry.attention),
    noData: live.filter((entry) => !entry.result.facts.hasData),
    byCategory,
    byLeadUnit,
    byLeader,
    mainIndicatorsBy: indicators.by,
    mainIndicators: workGroup(indicatorTitle, indicatorTasks, statuses),
    otherWork: workGroup(otherTitle, otherTasks, statuses),
  };
}
