/*
 * The objects duban's own functions returned, recognised at the library's
 * boundary without a second walk (see boundary.ts).
 *
 * These WeakSets are per-module-instance state, not a global side effect: they
 * live in this module's scope, never on `globalThis` or on the objects, hold
 * nothing alive (an object leaves them when it is collected) and are filled
 * only by duban's parsers as they return. The ESM and the CommonJS build each
 * have their own copy, as does every copy of the package an application loads;
 * an object parsed by one copy is not recognised by another, which then
 * validates it like any plain object (a valid one is accepted, at the cost of
 * one validation walk).
 *
 * Recognition trusts the object as it was returned: a caller who changes a
 * parsed plan in place afterwards is not checked again.
 */

const plans = new WeakSet<object>();
const ruleFiles = new WeakSet<object>();
const observationFiles = new WeakSet<object>();
const evaluations = new WeakSet<object>();
const factSets = new WeakSet<object>();
const ruleCases = new WeakSet<object>();
const streams = new WeakSet<object>();

/** The kinds of objects recognised. */
export type RecognisedKind = 'plan' | 'rule file' | 'observations' | 'evaluation' | 'facts' | 'rule cases' | 'evaluation stream';

/** The tasks of each recognised plan, found once per plan, the first time a task of it is asked about. */
const tasksOfPlan = new WeakMap<object, WeakSet<object>>();

/** Whether `task` is one of the tasks of `plan`, a recognised plan (see {@link isRecognised}). */
export function isTaskOf(plan: { readonly tasks: readonly object[] }, task: unknown): boolean {
  let own = tasksOfPlan.get(plan);
  if (own === undefined) {
    own = new WeakSet(plan.tasks);
    tasksOfPlan.set(plan, own);
  }
  return typeof task === 'object' && task !== null && own.has(task);
}

const SETS: Readonly<Record<RecognisedKind, WeakSet<object>>> = {
  plan: plans,
  'rule file': ruleFiles,
  observations: observationFiles,
  evaluation: evaluations,
  facts: factSets,
  'rule cases': ruleCases,
  'evaluation stream': streams,
};

/** Records `value` as returned by duban (a validated object of that kind) and returns it. */
export function recognise<T extends object>(kind: RecognisedKind, value: T): T {
  SETS[kind].add(value);
  return value;
}

/** Whether duban returned `value` as an object of that kind. */
export function isRecognised(kind: RecognisedKind, value: unknown): boolean {
  return typeof value === 'object' && value !== null && SETS[kind].has(value);
}
