import { computeFacts, formatFraction, parsePlan, type ExactFacts, type Fraction, type Plan, type Task } from '../../src/index.js';

/** A loose JSON object, as a plan file would hold it. */
export type Json = Record<string, unknown>;

/** A valid calendar-year 2018 plan with the given tasks (each needs `target`) and top-level keys. */
export function planOf(tasks: readonly Json[], extra: Json = {}): Plan {
  return parsePlan({
    formatVersion: 1,
    id: 'pace-2018',
    title: '序时进度测试',
    period: { start: '2018-01-01', end: '2018-12-31' },
    tasks: tasks.map((task, i) => ({ id: `T${i + 1}`, title: `任务 ${i + 1}`, ...task })),
    ...extra,
  });
}

/** The task at an index of a plan, failing loudly if it is missing. */
export function taskAt(plan: Plan, index = 0): Task {
  const task = plan.tasks[index];
  if (task === undefined) throw new Error(`plan has no task ${index}`);
  return task;
}

/** The facts of a one-task plan at `asOf`. */
export function factsOf(task: Json, asOf: string, planExtra: Json = {}): ExactFacts {
  const plan = planOf([task], planExtra);
  return computeFacts(plan, taskAt(plan), asOf);
}

/** A fraction as duban prints it, or null. */
export function show(value: Fraction | null): string | null {
  return value === null ? null : formatFraction(value);
}

/** A cumulative target of `value` 亿元. */
export const cumulative = (value: string | number = '200', unit = '亿元'): Json => ({ kind: 'cumulative', measure: '林业产值', unit, value });

/** Observations from `[asOf, value, unit?]` triples. */
export const observations = (...rows: [string, string | number, string?][]): Json[] =>
  rows.map(([asOf, value, unit]) => (unit === undefined ? { asOf, value } : { asOf, value, unit }));
