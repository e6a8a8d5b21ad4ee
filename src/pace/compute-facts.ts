import { ensurePlan, ensureTask, ensureTaskShape } from '../model/boundary.js';
import type { CalendarDate } from '../model/calendar-date.js';
import { ensureDate } from '../model/check-arguments.js';
import { recognise } from '../model/recognised.js';
import type { Observation, Plan, Target, Task } from '../model/types.js';
import { unitConversionExponent } from '../model/units.js';
import { dayNumber } from './calendar.js';
import { expectedProgressOf as expectedProgress, windowOf as taskWindow } from './expected-progress.js';
import { DubanError, pathKeys } from '../errors.js';
import { bilingual } from '../model/suggest.js';
import { abs, add, compare, div, fromDecimal, isZero, notADecimal, ONE, scale10, sub, ZERO, type Fraction } from './fraction.js';

/**
 * The facts of one task at one as-of date, with every number kept exact.
 * See pace-and-facts.md (and `docs/facts.md`) for each definition.
 *
 * @category Pace
 */
export interface ExactFacts {
  /** The target's kind. */
  readonly kind: Target['kind'];
  /** `cancelled.on ≤ d`. */
  readonly cancelled: boolean;
  /** An observed value exists (always true for `milestones` and `binary`). */
  readonly hasData: boolean;
  /** The observed value in the target's unit. */
  readonly value: Fraction | null;
  /** The target value (`null` for `milestones` and `binary`). */
  readonly target: Fraction | null;
  /** Progress towards the target, a fraction. */
  readonly progress: Fraction | null;
  /** Expected progress (序时进度), a fraction in [0, 1]. */
  readonly expected: Fraction | null;
  /** `progress − expected`. */
  readonly paceGap: Fraction | null;
  /** `progress / expected`. */
  readonly paceRatio: Fraction | null;
  /** The target is attained at `d`. */
  readonly met: boolean | null;
  /** `rate`: `met`; otherwise `progress ≥ expected`. */
  readonly onPace: boolean | null;
  /** `rate` only: the signed distance to the bound, positive = better. */
  readonly margin: Fraction | null;
  /** `d > t` and `met` is not true. */
  readonly overdue: boolean;
  /** `D(t) − D(d)`. */
  readonly daysToDeadline: number;
  /** Milestones with `due < d` and not done by `d`. */
  readonly overdueMilestones: number;
  /** `D(d) − D(observation.asOf)`. */
  readonly dataAgeDays: number | null;
  /** `observation.asOf ≥ t`: the observation covers the whole target period. */
  readonly dataCoversPeriod: boolean | null;
  /** The task's flags. */
  readonly flags: readonly string[];
  /** The observation the facts stand on, if any (not a fact rules can read). */
  readonly observation: Observation | null;
}

/**
 * The observation a task is judged on at `asOf`: the one with the latest
 * `asOf ≤ d`, even if dated before the task's start. Later ones are ignored.
 *
 * @param task - the task
 * @param asOf - the as-of date `d`
 * @returns that observation, or `null` when there is none
 * Internal: not exported from the package.
 */
export function latestObservation(task: Task, asOf: CalendarDate): Observation | null {
  return latestOf(ensureTaskShape(task), ensureDate(asOf));
}

function latestOf(task: Task, asOf: CalendarDate): Observation | null {
  let latest: Observation | null = null;
  for (const observation of task.observations ?? []) {
    if (observation.asOf <= asOf && (latest === null || observation.asOf > latest.asOf)) latest = observation;
  }
  return latest;
}

/**
 * Work that repeats across the tasks of one evaluation, done once: parsed
 * decimals, unit factors and the expected progress of each window and pace.
 */
interface FactCache {
  readonly decimals: Map<string, Fraction>;
  /** Unit conversion exponents, by observation unit, then target unit. */
  readonly exponents: Map<string, Map<string, number>>;
  readonly expected: Map<string, Fraction | null>;
  readonly paceKeys: WeakMap<object, string>;
  readonly days: Map<string, number>;
  /** The expected progress of a task with the plan's own window and pace (most tasks), once known. */
  planExpected: Fraction | undefined;
}

function newCache(): FactCache {
  return { decimals: new Map(), exponents: new Map(), expected: new Map(), paceKeys: new WeakMap(), days: new Map(), planExpected: undefined };
}

/** `D(x)`, remembered: a plan has few distinct dates. */
function day(cache: FactCache, date: CalendarDate): number {
  let value = cache.days.get(date);
  if (value === undefined) {
    value = dayNumber(date);
    if (cache.days.size < 100_000) cache.days.set(date, value);
  }
  return value;
}

/**
 * A decimal of a task, read exactly. A parsed plan's decimals always read; one
 * changed by hand afterwards (`"abc"`, `"NaN"`) is refused naming the task and
 * the key (`where`, inside the task).
 */
function decimal(cache: FactCache, text: string, plan?: Plan, task?: Task, where?: string): Fraction {
  let value = cache.decimals.get(text);
  if (value === undefined) {
    try {
      value = fromDecimal(text);
    } catch {
      throw notADecimal(text, taskPath(plan, task, where ?? 'value'), task, where);
    }
    if (cache.decimals.size < 4096) cache.decimals.set(text, value);
  }
  return value;
}

/** The JSON path of a key inside a task: `$.tasks[3].target.value` (looked up only for an error). */
function taskPath(plan: Plan | undefined, task: Task | undefined, where: string): string {
  const index = plan === undefined || task === undefined ? -1 : plan.tasks.indexOf(task);
  return index === -1 ? `task.${where}` : `$.tasks[${index}].${where}`;
}

/**
 * Refuses a task whose target leaves progress undefined (a divisor of 0), which
 * only a plan changed by hand after parsing can have: the plan schema refuses it.
 */
function undefinedProgress(plan: Plan, task: Task, where: string, zh: string, en: string): DubanError {
  const path = taskPath(plan, task, where);
  return new DubanError('INVALID_PLAN', `${path}: ${en}`, {
    issues: [
      {
        code: 'invalid_value',
        path,
        keys: pathKeys(path),
        message: bilingual(
          `任务 ${task.id}「${task.title.slice(0, 30)}」的 ${where}：${zh}，进度无从计算`,
          `task ${task.id} ${JSON.stringify(task.title.slice(0, 30))}: ${where}: ${en}, so progress is undefined`,
        ),
        task: { id: task.id, title: task.title },
      },
    ],
  });
}

/** An observation's value converted to the target's unit. */
function observedValue(cache: FactCache, observation: Observation, unit: string, plan: Plan, task: Task): Fraction {
  let exponent = 0;
  if (observation.unit !== undefined && observation.unit !== unit) {
    let byTarget = cache.exponents.get(observation.unit);
    if (byTarget === undefined) cache.exponents.set(observation.unit, (byTarget = new Map()));
    let cached = byTarget.get(unit);
    if (cached === undefined) {
      // The plan schema rejects incompatible units, so the exponent is defined for a validated plan.
      cached = unitConversionExponent(observation.unit, unit) ?? 0;
      byTarget.set(unit, cached);
    }
    exponent = cached;
  }
  return scale10(decimal(cache, observation.value, plan, task, `observations[${(task.observations ?? []).indexOf(observation)}].value`), exponent);
}

/** Expected progress, cached for time-based paces by window and pace (milestones and binary depend on the task). */
function cachedExpected(cache: FactCache, plan: Plan, task: Task, asOf: CalendarDate): Fraction | null {
  const { kind } = task.target;
  // Milestones and binary targets: worked out with their progress, in factsWith.
  if (kind === 'milestones' || kind === 'binary' || kind === 'rate') return null;
  if (task.start === undefined && task.deadline === undefined && task.pace === undefined) {
    return (cache.planExpected ??= expectedProgress(plan, task, asOf) as Fraction);
  }
  const window = taskWindow(plan, task);
  let paceKey: string;
  if (typeof window.pace === 'string') paceKey = window.pace;
  else {
    paceKey = cache.paceKeys.get(window.pace) ?? JSON.stringify(window.pace.trajectory.map((point) => [point.date, point.expected]));
    cache.paceKeys.set(window.pace, paceKey);
  }
  const key = `${window.start}|${window.deadline}|${paceKey}`;
  let value = cache.expected.get(key);
  if (value === undefined) {
    value = expectedProgress(plan, task, asOf);
    if (cache.expected.size < 100_000) cache.expected.set(key, value);
  }
  return value;
}

/**
 * Computes every fact of pace-and-facts.md for a task at the end of day `asOf`,
 * exactly. Missing data is not an error: `hasData` is false and the facts that
 * need an observation are `null`.
 *
 * @param plan - the validated plan
 * @param task - one of its tasks
 * @param asOf - the as-of date `d`
 * @returns the exact facts
 * @example
 * ```ts
 * const facts = computeFacts(plan, plan.tasks[0]!, '2018-03-31');
 * facts.onPace; // true
 * formatFraction(facts.progress!); // '0.275'
 * ```
 * @category Pace
 */
export function computeFacts(plan: Plan, task: Task, asOf: CalendarDate): ExactFacts {
  const valid = ensurePlan(plan);
  return recognise('facts', factsWith(newCache(), valid, ensureTask(valid, task), ensureDate(asOf)));
}

/** {@link computeFacts} for a plan and task already validated. Internal: not part of the package's API. */
export function factsOf(plan: Plan, task: Task, asOf: CalendarDate): ExactFacts {
  return factsWith(newCache(), plan, task, asOf);
}

/**
 * A function that computes the facts of any task of one plan at one as-of
 * date, sharing the work that repeats across tasks (parsed decimals, unit
 * factors, the expected progress of each window and pace). Use it to evaluate
 * many tasks; the results equal {@link computeFacts}'.
 *
 * @param plan - the validated plan
 * @param asOf - the as-of date `d`
 * @returns `(task) => ExactFacts`
 * @example
 * ```ts
 * const factsOf = createFactComputer(plan, '2018-06-30');
 * const all = plan.tasks.map(factsOf);
 * ```
 * @category Pace
 */
export function createFactComputer(plan: Plan, asOf: CalendarDate): (task: Task) => ExactFacts {
  const valid = ensurePlan(plan);
  const date = ensureDate(asOf);
  const cache = newCache();
  return (task) => recognise('facts', factsWith(cache, valid, ensureTask(valid, task), date));
}

/**
 * {@link createFactComputer} for a plan already validated and its own tasks,
 * without the checks: the evaluation's hot path. Internal: not part of the package's API.
 */
export function factComputer(plan: Plan, asOf: CalendarDate): (task: Task) => ExactFacts {
  const cache = newCache();
  return (task) => factsWith(cache, plan, task, asOf);
}

function factsWith(cache: FactCache, plan: Plan, task: Task, asOf: CalendarDate): ExactFacts {
  const { target } = task;
  const deadline = task.deadline ?? plan.period.end;
  const expected = cachedExpected(cache, plan, task, asOf);
  const daysToDeadline = day(cache, deadline) - day(cache, asOf);
  const cancelled = task.cancelled != null && task.cancelled.on <= asOf;
  const flags = task.flags ?? [];
  const pastDeadline = asOf > deadline;

  if (target.kind === 'milestones' || target.kind === 'binary') {
    let progress: Fraction;
    let exp: Fraction;
    let met: boolean;
    let overdueMilestones = 0;
    if (target.kind === 'binary') {
      met = target.completedOn !== null && target.completedOn <= asOf;
      progress = met ? ONE : ZERO;
      // expectedProgress: 0 before the deadline, 1 from it.
      exp = asOf < deadline ? ZERO : ONE;
    } else {
      let done = ZERO;
      let due = ZERO;
      let total = ZERO;
      met = true;
      for (const [j, milestone] of target.milestones.entries()) {
        const weight = decimal(cache, milestone.weight, plan, task, `target.milestones[${j}].weight`);
        if (weight.n <= 0n)
          throw undefinedProgress(
            plan,
            task,
            `target.milestones[${j}].weight`,
            `权重必须大于 0，实际是 ${JSON.stringify(milestone.weight)}`,
            `a weight must be > 0, got ${JSON.stringify(milestone.weight)}`,
          );
        total = add(total, weight);
        const isDone = milestone.done !== null && milestone.done <= asOf;
        if (isDone) done = add(done, weight);
        else met = false;
        if (!isDone && milestone.due < asOf) overdueMilestones++;
        // expectedProgress: the weight of the milestones due by the end of `asOf`.
        if (milestone.due <= asOf) due = add(due, weight);
      }
      progress = div(done, total);
      exp = div(due, total);
    }
    return facts({
      kind: target.kind,
      cancelled,
      hasData: true,
      value: null,
      target: null,
      progress,
      expected: exp,
      ...paceOf(progress, exp),
      met,
      margin: null,
      overdue: pastDeadline && !met,
      daysToDeadline,
      overdueMilestones,
      dataAgeDays: null,
      dataCoversPeriod: null,
      flags,
      observation: null,
    });
  }

  const goal = decimal(cache, target.value, plan, task, 'target.value');
  const observation = latestOf(task, asOf);
  if (observation === null) {
    return facts({
      kind: target.kind,
      cancelled,
      hasData: false,
      value: null,
      target: goal,
      progress: null,
      expected,
      paceGap: null,
      paceRatio: null,
      met: null,
      onPace: null,
      margin: null,
      overdue: pastDeadline,
      daysToDeadline,
      overdueMilestones: 0,
      dataAgeDays: null,
      dataCoversPeriod: null,
      flags,
      observation: null,
    });
  }

  const value = observedValue(cache, observation, target.unit, plan, task);
  const dataAgeDays = day(cache, asOf) - day(cache, observation.asOf);
  const dataCoversPeriod = observation.asOf >= deadline;
  if (target.kind === 'rate') {
    let margin: Fraction;
    if (target.bound === 'atMost') margin = sub(goal, value);
    else if (target.bound === 'about') margin = sub(decimal(cache, target.tolerance ?? '0', plan, task, 'target.tolerance'), abs(sub(value, goal)));
    else margin = sub(value, goal);
    const met = compare(margin, ZERO) >= 0;
    return facts({
      kind: 'rate',
      cancelled,
      hasData: true,
      value,
      target: goal,
      progress: null,
      expected: null,
      paceGap: null,
      paceRatio: null,
      met,
      onPace: met,
      margin,
      overdue: pastDeadline && !met,
      daysToDeadline,
      overdueMilestones: 0,
      dataAgeDays,
      dataCoversPeriod,
      flags,
      observation,
    });
  }

  let progress: Fraction;
  let met: boolean;
  if (target.kind === 'cumulative') {
    if (goal.n <= 0n)
      throw undefinedProgress(
        plan,
        task,
        'target.value',
        `累计型目标必须大于 0，实际是 ${JSON.stringify(target.value)}`,
        `a cumulative target must be > 0, got ${JSON.stringify(target.value)}`,
      );
    progress = div(value, goal);
    met = compare(value, goal) >= 0;
  } else {
    const baseline = decimal(cache, target.baseline, plan, task, 'target.baseline');
    if (compare(goal, baseline) === 0)
      throw undefinedProgress(
        plan,
        task,
        'target.baseline',
        `基数 baseline 等于目标值 ${JSON.stringify(target.value)}`,
        `the baseline equals the target value ${JSON.stringify(target.value)}`,
      );
    progress = div(sub(value, baseline), sub(goal, baseline));
    met = compare(goal, baseline) > 0 ? compare(value, goal) >= 0 : compare(value, goal) <= 0;
  }
  const exp = expected as Fraction;
  return facts({
    kind: target.kind,
    cancelled,
    hasData: true,
    value,
    target: goal,
    progress,
    expected: exp,
    ...paceOf(progress, exp),
    met,
    margin: null,
    overdue: pastDeadline && !met,
    daysToDeadline,
    overdueMilestones: 0,
    dataAgeDays,
    dataCoversPeriod,
    flags,
    observation,
  });
}

/** The pace facts of a progress against the progress expected by now: their gap, their ratio (none when nothing is expected yet) and whether it is on pace. */
function paceOf(progress: Fraction, expected: Fraction): Pick<ExactFacts, 'paceGap' | 'paceRatio' | 'onPace'> {
  return { paceGap: sub(progress, expected), paceRatio: isZero(expected) ? null : div(progress, expected), onPace: compare(progress, expected) >= 0 };
}

/**
 * Builds the facts object from its fields by name, always with the same keys in the same order
 * (whatever order the caller wrote them in), so the hot path stays monomorphic.
 */
function facts(fields: ExactFacts): ExactFacts {
  return {
    kind: fields.kind,
    cancelled: fields.cancelled,
    hasData: fields.hasData,
    value: fields.value,
    target: fields.target,
    progress: fields.progress,
    expected: fields.expected,
    paceGap: fields.paceGap,
    paceRatio: fields.paceRatio,
    met: fields.met,
    onPace: fields.onPace,
    margin: fields.margin,
    overdue: fields.overdue,
    daysToDeadline: fields.daysToDeadline,
    overdueMilestones: fields.overdueMilestones,
    dataAgeDays: fields.dataAgeDays,
    dataCoversPeriod: fields.dataCoversPeriod,
    flags: fields.flags,
    observation: fields.observation,
  };
}
