/**
 * The codes a {@link DubanError} can carry, as a closed list.
 *
 * @category Errors
 */
export const DUBAN_ERROR_CODES = [
  'INVALID_PLAN',
  'INVALID_OBSERVATIONS',
  'INVALID_RULE_FILE',
  'INVALID_RULE_CASES',
  'INVALID_DECISION_TABLE',
  'INVALID_OPTION',
  'UNKNOWN_TASK',
  'ENGINE_ERROR',
  'MISSING_DEPENDENCY',
] as const;

/**
 * What went wrong, for programs: `INVALID_PLAN` (also for a bad 任务分解表
 * workbook or CSV), `INVALID_OBSERVATIONS`, `INVALID_RULE_FILE`,
 * `INVALID_RULE_CASES` (a rule test case file) and `INVALID_DECISION_TABLE` for
 * bad input files, `INVALID_OPTION` for a bad option
 * (an as-of date, an unknown rule set id), `UNKNOWN_TASK` for a task id not in
 * the plan, `ENGINE_ERROR` when json-rules-engine itself failed,
 * `MISSING_DEPENDENCY` when an optional package a feature needs is not
 * installed (exceljs, for the Excel features).
 *
 * @category Errors
 */
export type DubanErrorCode = (typeof DUBAN_ERROR_CODES)[number];

/**
 * One problem found in an input.
 *
 * @category Errors
 */
export interface DubanIssue {
  /** Where the problem is: a JSON path such as `$.tasks[3].target.value`, or `line 4` in a CSV file. */
  readonly path: string;
  /**
   * What is wrong, quoting the offending key or value. The messages of plans,
   * observations, rule files and command-line options are in Chinese first,
   * then ` / ` and the same in English (`不是真实存在的日期…："2024-02-30" / not a
   * real calendar date YYYY-MM-DD: "2024-02-30"`); a few others (a file that
   * cannot be read, some workbook cells) are still English only. A problem
   * inside a plan's task names the task: `任务 B2「出台实施方案」的
   * target.milestones[0].due：… / task B2 "出台实施方案": target.milestones[0].due: …`.
   * Match on `path` and on the English part, not on the whole text.
   */
  readonly message: string;
  /** The task the problem is in, for a problem inside a plan's task (or an observation of one) whose id is known. */
  readonly task?: {
    /** The task's id. */
    readonly id: string;
    /** The task's title (empty if it has none). */
    readonly title: string;
  };
}

/**
 * Options for constructing a {@link DubanError}.
 *
 * @category Errors
 */
export interface DubanErrorOptions {
  /** Every problem found, not only the first (past {@link MAX_ISSUES}, the rest are counted, not kept). */
  readonly issues?: readonly DubanIssue[];
  /** The file or input the problems are in, if known. */
  readonly source?: string;
  /** The underlying error, e.g. json-rules-engine's. */
  readonly cause?: unknown;
}

const BRAND = Symbol.for('duban.error');

/**
 * The most problems a {@link DubanError} lists: 1 000. A hostile file can have
 * millions (4 000 000 bad CSV rows printed 363 MB to stderr); past this many,
 * `issues` holds the first 1 000 and one last issue at `$` saying how many
 * more there were: `以及另外 N 个问题 / and N more problems` (a parser that
 * stopped checking early adds one more, saying where it stopped).
 *
 * @example
 * ```ts
 * try {
 *   parsePlan(json);
 * } catch (error) {
 *   if (isDubanError(error) && error.issues.length > MAX_ISSUES) console.log(error.issues.at(-1)?.message); // '以及另外 … / and … more problems'
 * }
 * ```
 * @category Limits
 */
export const MAX_ISSUES = 1000;

/**
 * The first {@link MAX_ISSUES} of a list of problems, and one saying how many
 * more there are (`more` counts problems already left out before the list was made).
 */
export function capIssues(issues: readonly DubanIssue[], more = 0): readonly DubanIssue[] {
  const extra = Math.max(0, issues.length - MAX_ISSUES) + more;
  if (extra === 0) return issues;
  const kept = issues.length > MAX_ISSUES ? issues.slice(0, MAX_ISSUES) : [...issues];
  kept.push({ path: '$', message: `以及另外 ${extra} 个问题 / and ${extra} more problem${extra === 1 ? '' : 's'}` });
  return kept;
}

/** A message that is not a string, as text; never throws (an object without a prototype has no toString). */
function textOf(value: unknown): string {
  try {
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/**
 * The single error class duban throws. Its `code` says what kind of problem it
 * is and its `issues` list every problem found, each with its JSON path.
 *
 * Bad data in a plan never makes duban guess: it throws this error with every
 * problem listed. Missing observations are not an error (see `hasData`).
 *
 * @example
 * ```ts
 * try {
 *   parsePlan(json);
 * } catch (error) {
 *   if (isDubanError(error)) for (const issue of error.issues) console.log(issue.path, issue.message);
 * }
 * ```
 * @category Errors
 */
export class DubanError extends Error {
  /** What kind of problem this is. */
  readonly code: DubanErrorCode;
  /** Every problem found, at most {@link MAX_ISSUES} and one saying how many more. Empty only when the error is not about input data. */
  readonly issues: readonly DubanIssue[];
  /** The file or input the problems are in, if known. */
  readonly source: string | undefined;

  /**
   * @param code - the kind of problem
   * @param message - a one-line summary
   * @param options - the issues, the source and the cause
   */
  constructor(code: DubanErrorCode, message: string, options: DubanErrorOptions = {}) {
    // Built from plain JavaScript too: a wrong argument never makes the error itself fail.
    const given: DubanErrorOptions = typeof options === 'object' && options !== null ? options : {};
    super(typeof message === 'string' ? message : textOf(message), given.cause === undefined ? undefined : { cause: given.cause });
    this.name = 'DubanError';
    this.code = code;
    // At most MAX_ISSUES are kept, and one saying how many more (room is left for the notes a parser adds itself).
    const issues: readonly DubanIssue[] = Array.isArray(given.issues) ? given.issues : [];
    this.issues = issues.length > MAX_ISSUES + 2 ? capIssues(issues) : issues;
    this.source = typeof given.source === 'string' ? given.source : undefined;
    Object.defineProperty(this, BRAND, { value: true });
  }
}

/**
 * Whether a value is a {@link DubanError}, also when it comes from another copy
 * of the package (where `instanceof` would fail).
 *
 * @param value - anything caught
 * @returns `true` for a duban error
 * @example
 * ```ts
 * if (isDubanError(error) && error.code === 'INVALID_PLAN') showIssues(error.issues);
 * ```
 * @category Errors
 */
export function isDubanError(value: unknown): value is DubanError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}
