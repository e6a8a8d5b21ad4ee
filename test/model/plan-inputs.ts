import { isDubanError, safeParsePlan, type DubanError } from '../../src/index.js';

/** A loose JSON object, as a plan file would hold it (plan inputs are checked at run time, not by the compiler). */
export type Json = Record<string, unknown>;

/** A cumulative target that is valid on its own. */
export const cumulativeTarget: Json = { kind: 'cumulative', measure: '林业产值', unit: '亿元', value: '200' };

/** A valid task with the given keys added or replaced. */
export function task(id: string, extra: Json = {}): Json {
  return { id, title: `任务 ${id}`, target: cumulativeTarget, ...extra };
}

/** A valid calendar-year 2018 plan with the given tasks and top-level keys added or replaced. */
export function planInput(tasks: readonly Json[] = [task('T1')], extra: Json = {}): Json {
  return { formatVersion: 1, id: 'test-2018', title: '测试计划', period: { start: '2018-01-01', end: '2018-12-31' }, tasks, ...extra };
}

/** The error of a plan that must be rejected; fails the test if the plan is accepted. */
export function planError(input: unknown): DubanError {
  const result = safeParsePlan(input);
  if (result.success) throw new Error(`expected the plan to be rejected, but it was accepted: ${JSON.stringify(input)}`);
  return result.error;
}

/** The JSON paths of every issue of a rejected plan, in order. */
export function issuePaths(input: unknown): string[] {
  return planError(input).issues.map((issue) => issue.path);
}

/** Runs `fn` and returns what it threw, which must be a DubanError. */
export function thrownDubanError(fn: () => unknown): DubanError {
  try {
    fn();
  } catch (error) {
    if (isDubanError(error)) return error;
    throw new Error(`expected a DubanError, got ${String(error)}`);
  }
  throw new Error('expected a DubanError, but nothing was thrown');
}
