/*
 * The library's boundary: every exported function that takes a plan,
 * observations, a rule file, an evaluation or options checks it here, so a
 * wrong argument from plain JavaScript is answered with a DubanError naming
 * the problem, never a TypeError from deep inside.
 *
 * An object duban's own parsers returned is recognised (recognised.ts) and
 * accepted at once: no second walk on the hot path. Anything else is validated
 * as the parser would validate it: a plain object that is a valid plan is then
 * accepted (in its normalised copy), anything else is refused with every issue.
 */
import { isPlainObject, kindOf, refuse } from './check-arguments.js';
import { safeParseObservations, safeParsePlan } from './parse-input.js';
import { taskSchema } from './plan.js';
import { isRecognised, isTaskOf } from './recognised.js';
import { toDubanIssues } from './schema-kit.js';
import { argumentIssue, type DubanIssue } from '../errors.js';

/** An issue of a task checked on its own: its keys start at the `task` argument (`task.target.value`). */
const taskIssue = (issue: DubanIssue, inside: readonly PropertyKey[]): DubanIssue => argumentIssue(issue.code, ['task', ...inside], issue.message);
import type { ObservationsFile, Plan, Task } from './types.js';

/**
 * A plan: one duban's parsers returned, at once; else the value is validated
 * as {@link safeParsePlan} validates it and its normalised copy returned.
 *
 * @throws DubanError `INVALID_PLAN` with every issue
 */
export function ensurePlan(value: unknown): Plan {
  if (isRecognised('plan', value)) return value as Plan;
  if (!isPlainObject(value))
    refuse('INVALID_PLAN', [{ code: 'invalid_type', path: '$', keys: [], message: `expected a plan object (see parsePlan), got ${kindOf(value)}` }]);
  const result = safeParsePlan(value);
  if (!result.success) throw result.error;
  return result.data;
}

/**
 * An observations file: one duban's parsers returned, at once; else validated.
 *
 * @throws DubanError `INVALID_OBSERVATIONS` with every issue
 */
export function ensureObservationsFile(value: unknown): ObservationsFile {
  if (isRecognised('observations', value)) return value as ObservationsFile;
  if (!isPlainObject(value))
    refuse('INVALID_OBSERVATIONS', [
      { code: 'invalid_type', path: '$', keys: [], message: `expected an observations file object (see parseObservations), got ${kindOf(value)}` },
    ]);
  const result = safeParseObservations(value);
  if (!result.success) throw result.error;
  return result.data;
}

/**
 * A task of a validated plan: one of its own tasks at once; any other value is
 * validated as a task of that plan (its issues' paths start at `task`) and its
 * normalised copy returned.
 *
 * @throws DubanError `INVALID_PLAN` with every issue
 */
export function ensureTask(plan: Plan, value: unknown): Task {
  if (isTaskOf(plan, value)) return value as Task;
  if (!isPlainObject(value)) refuse('INVALID_PLAN', [argumentIssue('invalid_type', ['task'], `expected a task object of the plan, got ${kindOf(value)}`)]);
  const result = safeParsePlan({ ...plan, tasks: [value] });
  if (!result.success)
    refuse(
      'INVALID_PLAN',
      result.error.issues.map((issue) => (issue.keys[0] === 'tasks' && issue.keys[1] === 0 ? taskIssue(issue, issue.keys.slice(2)) : issue)),
    );
  return result.data.tasks[0]!;
}

/**
 * A task on its own (for functions that take no plan): its own shape checked
 * with the plan schema's task schema, the paths of its issues starting at `task`.
 *
 * @throws DubanError `INVALID_PLAN` with every issue
 */
export function ensureTaskShape(value: unknown): Task {
  if (!isPlainObject(value)) refuse('INVALID_PLAN', [argumentIssue('invalid_type', ['task'], `expected a task object, got ${kindOf(value)}`)]);
  const result = taskSchema.safeParse(value);
  if (!result.success)
    refuse(
      'INVALID_PLAN',
      toDubanIssues(result.error, value).map((issue) => taskIssue(issue, issue.keys)),
    );
  return result.data as Task;
}
