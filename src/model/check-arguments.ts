/*
 * Argument and option checks shared by the library's entry points (see
 * boundary.ts): a wrong value is INVALID_OPTION naming the argument or option.
 */
import { DubanError, issueAt, type DubanErrorCode, type DubanIssue, type IssueCode } from '../errors.js';
import { isCalendarDate, type CalendarDate } from './calendar-date.js';
import { kindOf } from './kind-of.js';
import { quote } from './schema-kit.js';

export { kindOf };

/** Whether a value is a non-array object (what JSON calls an object). */
export const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export function refuse(code: DubanErrorCode, issues: DubanIssue[]): never {
  const [first] = issues;
  throw new DubanError(code, issues.length === 1 ? `${first!.path}: ${first!.message}` : `${issues.length} problems`, { issues });
}

/** Throws INVALID_OPTION for one argument or option (`path` such as `options.year` or `results[2].status`; see issueAt). */
export function invalidOption(path: string, message: string, code: IssueCode = 'invalid_type'): never {
  return refuse('INVALID_OPTION', [issueAt(code, path, message)]);
}

/** What is wrong with an option's value: its issue code and message (a bare message is `invalid_type`). */
export type OptionProblem = string | { readonly code: IssueCode; readonly message: string };

/** Checks one option's value: the problem when it is wrong, else `undefined`. */
export type OptionCheck = (value: unknown) => OptionProblem | undefined;

/** The checks of an options bag, by option name. */
export type OptionSpec = Readonly<Record<string, OptionCheck>>;

export const stringOption: OptionCheck = (value) => (typeof value === 'string' ? undefined : `expected a string, got ${kindOf(value)}`);
export const booleanOption: OptionCheck = (value) => (typeof value === 'boolean' ? undefined : `expected true or false, got ${kindOf(value)}`);
export const dateOption: OptionCheck = (value) =>
  isCalendarDate(value) ? undefined : { code: 'invalid_date', message: `expected a real calendar date YYYY-MM-DD, got ${kindOf(value)}` };
export const finiteNumberOption: OptionCheck = (value) =>
  typeof value === 'number' && Number.isFinite(value) ? undefined : `expected a finite number, got ${kindOf(value)}`;
export const oneOfOption =
  (choices: readonly string[]): OptionCheck =>
  (value) =>
    typeof value === 'string' && choices.includes(value)
      ? undefined
      : { code: 'invalid_value', message: `expected one of ${choices.map((choice) => quote(choice)).join(', ')}, got ${kindOf(value)}` };
export const stringListOption: OptionCheck = (value) =>
  Array.isArray(value) && value.every((item) => typeof item === 'string')
    ? undefined
    : `expected a list of strings, got ${Array.isArray(value) ? 'a list with a non-string' : kindOf(value)}`;
/** Operators an application registers: an object of functions. */
export const operatorsOption: OptionCheck = (value) => {
  if (!isPlainObject(value)) return `expected an object of operator functions, got ${kindOf(value)}`;
  const bad = Object.keys(value).find((name) => typeof value[name] !== 'function');
  return bad === undefined ? undefined : `operator ${quote(bad)} must be a function, got ${kindOf(value[bad])}`;
};

/**
 * Reads an options bag: `undefined` and `null` are `{}`; anything but an object,
 * an unknown option name or an option of the wrong type is INVALID_OPTION,
 * every problem listed. An option set to `undefined` counts as absent.
 */
export function readOptions<T>(value: unknown, spec: OptionSpec, where?: string, unknownKeys: 'refuse' | 'ignore' = 'refuse'): T {
  if (value === undefined || value === null) return {} as T;
  if (!isPlainObject(value)) invalidOption(where ?? 'options', `options must be an object, got ${kindOf(value)}`);
  const issues: DubanIssue[] = [];
  const at = (key: string) => (where === undefined ? key : `${where}.${key}`);
  for (const key of Object.keys(value)) {
    const check = Object.hasOwn(spec, key) ? spec[key] : undefined;
    if (check === undefined) {
      if (unknownKeys === 'ignore') continue;
      issues.push(issueAt('unknown_key', at(key), `unknown option ${quote(key)}; known: ${Object.keys(spec).join(', ')}`));
      continue;
    }
    const item = value[key];
    const problem = item === undefined ? undefined : check(item);
    if (typeof problem === 'string') issues.push(issueAt('invalid_type', at(key), problem));
    else if (problem !== undefined) issues.push(issueAt(problem.code, at(key), problem.message));
  }
  if (issues.length > 0) refuse('INVALID_OPTION', issues);
  return value as T;
}

/** A string argument, else INVALID_OPTION naming it. */
export function ensureString(value: unknown, path: string): string {
  return typeof value === 'string' ? value : invalidOption(path, `expected a string, got ${kindOf(value)}`);
}

/** A calendar-date argument, else INVALID_OPTION naming it. */
export function ensureDate(value: unknown, path = 'asOf'): CalendarDate {
  return isCalendarDate(value) ? value : invalidOption(path, `expected a real calendar date YYYY-MM-DD, got ${kindOf(value)}`, 'invalid_date');
}
