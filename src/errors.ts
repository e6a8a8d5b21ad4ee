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
  'READ_FAILED',
  'WRITE_FAILED',
  'LIMIT_EXCEEDED',
  'ENGINE_ERROR',
  'MISSING_DEPENDENCY',
] as const;

/**
 * What went wrong, for programs:
 *
 * - `INVALID_PLAN` (also for a bad 任务分解表 workbook or CSV), `INVALID_OBSERVATIONS`,
 *   `INVALID_RULE_FILE`, `INVALID_RULE_CASES` (a rule test case file) and
 *   `INVALID_DECISION_TABLE`: an input file or value of that kind is wrong;
 * - `INVALID_OPTION`: a bad option or argument of a function or command (an as-of
 *   date, an unknown rule set id, a text that is not a string, an unknown
 *   command-line flag) — never a problem inside an input file;
 * - `UNKNOWN_TASK`: a task id not in the plan;
 * - `READ_FAILED`: a file or stream could not be read (not found, a directory,
 *   no permission: ENOENT, EISDIR, EACCES…); its issue has code `read_failed`;
 * - `WRITE_FAILED`: an output file could not be written (the command line's `--out`);
 * - `LIMIT_EXCEEDED`: an input is over one of the limits (`MAX_INPUT_BYTES`,
 *   `MAX_JSON_DEPTH`, `MAX_STRING_LENGTH`, `MAX_ARRAY_LENGTH`, `MAX_TASKS`, the
 *   workbook and zip limits): at least one issue has code `too_large`,
 *   `too_long`, `too_many` or `too_deep`, and the input was not (fully) checked;
 * - `ENGINE_ERROR`: json-rules-engine itself failed;
 * - `MISSING_DEPENDENCY`: an optional package a feature needs is not installed
 *   (exceljs, for the Excel features).
 *
 * @category Errors
 */
export type DubanErrorCode = (typeof DUBAN_ERROR_CODES)[number];

/**
 * The codes a {@link DubanIssue} can carry, as a closed list: what is wrong at
 * one place, for programs (the message says it for people). Each issue has the
 * most specific code that fits; see {@link IssueCode} for what each means.
 *
 * @category Errors
 */
export const ISSUE_CODES = [
  'json_syntax',
  'csv_syntax',
  'invalid_format',
  'inexact_number',
  'duplicate_key',
  'invalid_type',
  'required',
  'unknown_key',
  'invalid_value',
  'invalid_date',
  'invalid_decimal',
  'too_small',
  'too_big',
  'duplicate_id',
  'unknown_reference',
  'inconsistent',
  'unsupported',
  'too_large',
  'too_long',
  'too_many',
  'too_deep',
  'read_failed',
  'write_failed',
  'truncated',
] as const;

/**
 * What is wrong at one place of an input, for programs:
 *
 * - `json_syntax`: the text is not valid JSON (the message gives line and column);
 * - `csv_syntax`: a CSV row cannot be read: an unterminated quoted cell, a
 *   missing or wrong header row, a row with the wrong number of cells;
 * - `invalid_format`: the input is not in its format at all: not an .xlsx
 *   workbook (or a damaged zip), text that is not valid UTF-8;
 * - `inexact_number`: a JSON number that JavaScript would read as another value
 *   (`9007199254740993`, `1e400`): write it as a string;
 * - `duplicate_key`: a key twice in one JSON object (JSON keeps only the last), a column twice in a table;
 * - `invalid_type`: a value of the wrong type (a number where text belongs, a
 *   list where an object belongs, a fractional priority, a condition value
 *   that can never match its fact's type);
 * - `required`: a required key, cell, column or option is missing or empty;
 * - `unknown_key`: a key (or option, or column) that is not part of the format;
 * - `invalid_value`: a value that is not one of the accepted ones (a target
 *   kind, a bound, an enumerated option such as `rounding` or `format`);
 * - `invalid_date`: not a real calendar date `YYYY-MM-DD`;
 * - `invalid_decimal`: not an exact finite decimal;
 * - `too_small` / `too_big`: a number, list or text below its minimum or above
 *   its maximum in the format (a cumulative target ≤ 0, an empty list, a
 *   trajectory value outside [0, 1]); the limits of the library are `too_…` below;
 * - `duplicate_id`: a value that must be unique in its list appears twice (a
 *   task or category id, a status code, a rule name, a second observation of one
 *   task as of the same date, two evaluations as of one date);
 * - `unknown_reference`: the value names something that does not exist (a task
 *   id not in the plan, a category, a fact, an operator, a status code, a rule
 *   set);
 * - `inconsistent`: each value is fine, but two of them disagree (an end before
 *   its start, a unit that cannot be converted to the target's, a tolerance
 *   without bound "about", an evaluation of another plan);
 * - `unsupported`: something duban does not read or do (a formula without a
 *   stored result, an error cell, a json-rules-engine feature duban's rule files
 *   leave out, an `x-` key a task table has no place for);
 * - `too_large`: an input or a part of it has more bytes than a limit allows;
 * - `too_long`: a string, key or cell is longer than `MAX_STRING_LENGTH`;
 * - `too_many`: more items than a limit allows (array elements, tasks,
 *   workbook rows or columns, zip entries, targets read from a text);
 * - `too_deep`: nested deeper than a limit allows (`MAX_JSON_DEPTH`, rule conditions);
 * - `read_failed`: a file or stream could not be read;
 * - `write_failed`: a file could not be written;
 * - `truncated`: not a problem itself: says how many more problems were left
 *   out of the list, or where checking stopped.
 *
 * @category Errors
 */
export type IssueCode = (typeof ISSUE_CODES)[number];

/**
 * One step of a {@link DubanIssue}'s path: an object key or an array index
 * (see {@link DubanIssue.keys}).
 *
 * @category Errors
 */
export type IssueKey = string | number;

/**
 * Formats the keys of a place in a JSON value as a JSON path:
 * `['tasks', 3, 'target', 'value']` → `$.tasks[3].target.value`, `[]` → `$`.
 * A key that is not a plain name is quoted: `['x-注']` → `$["x-注"]`. For an
 * issue of a JSON input, `issue.path === formatPath(issue.keys)`.
 *
 * @param keys - the object keys and array indexes from the root
 * @returns the JSON path
 * @example
 * ```ts
 * formatPath(['tasks', 3, 'target', 'value']); // '$.tasks[3].target.value'
 * ```
 * @category Errors
 */
export function formatPath(keys: readonly PropertyKey[]): string {
  let out = '$';
  if (!Array.isArray(keys)) return out;
  for (const key of keys) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$-]*$/.test(key)) out += `.${key}`;
    else out += `[${JSON.stringify(textOf(key))}]`;
  }
  return out;
}

// Builders of issues, for duban's own modules (not exported from index.ts): each derives the
// path from the keys, or the keys from the path, in one place, so the two never disagree.

/** The keys of a zod-style path as issue keys (a symbol, which JSON never has, as its text). */
function issueKeys(path: readonly PropertyKey[]): IssueKey[] {
  return path.map((key) => (typeof key === 'symbol' ? key.toString() : key));
}

/** An issue at a place in a JSON input: its path is `formatPath(keys)`. */
export function jsonIssue(code: IssueCode, keys: readonly PropertyKey[], message: string): DubanIssue {
  const own = issueKeys(keys);
  return { code, path: formatPath(own), keys: own, message };
}

/**
 * An issue about an argument or option of a function: the path names the
 * argument, then the keys inside it as in a JSON path
 * (`['options', 'year']` → `options.year`, `['evaluation', 'results', 2, 'taskId']` → `evaluation.results[2].taskId`).
 */
export function argumentIssue(code: IssueCode, keys: readonly [string, ...PropertyKey[]], message: string): DubanIssue {
  const own = issueKeys(keys);
  return { code, path: argumentPath(own), keys: own, message };
}

/**
 * An issue at a place named by its path as text: a JSON path (`$.tasks[3].target.value`)
 * or an argument path (`options.year`, `results[2].status`, `--out`). The keys
 * are read from the path, so the two agree.
 */
export function issueAt(code: IssueCode, path: string, message: string): DubanIssue {
  return { code, path, keys: pathKeys(path), message };
}

/**
 * The keys of a JSON or argument path: `$.tasks[3].target` → `['tasks', 3, 'target']`,
 * `results[2].status` → `['results', 2, 'status']`, `$["x-注"]` → `['x-注']`.
 */
export function pathKeys(path: string): IssueKey[] {
  const keys: IssueKey[] = [];
  const text = path.startsWith('$') ? path.slice(1) : path;
  for (const part of text.match(/\[\d+\]|\["(?:[^"\\]|\\.)*"\]|[^.[\]]+/g) ?? []) {
    if (part.startsWith('["')) keys.push(JSON.parse(part.slice(1, -1)) as string);
    else if (part.startsWith('[')) keys.push(Number(part.slice(1, -1)));
    else keys.push(part);
  }
  return keys;
}

/** The path of an argument issue (see {@link argumentIssue}). */
function argumentPath(keys: readonly IssueKey[]): string {
  const [name, ...rest] = keys;
  return `${String(name ?? '')}${formatPath(rest).slice(1)}`;
}

/** An issue at a line of a CSV file: path `line N`, keys `[N]`. */
export function lineIssue(code: IssueCode, line: number, message: string): DubanIssue {
  return { code, path: `line ${line}`, keys: [line], message };
}

/**
 * An issue at a cell or line of a table, named by its address: a workbook cell
 * `任务!C5` (keys `['任务', 'C5']`), a CSV line `line 4` (`[4]`) or cell
 * `line 4, column 2 (asOf)` / `line 4, column 任务内容` (`[4, 2]` / `[4, '任务内容']`),
 * or a zip entry `xl/workbook.xml` (`['xl/workbook.xml']`); `$` is the whole input (`[]`).
 */
export function cellIssue(code: IssueCode, address: string, message: string): DubanIssue {
  return { code, path: address, keys: addressKeys(address), message };
}

/** The keys of a table address (see {@link cellIssue}). */
function addressKeys(address: string): IssueKey[] {
  if (address === '$') return [];
  const line = /^line (\d+)(?:, column (?:"((?:[^"\\]|\\.)*)"|(\d+)|([^(]*?)))?(?: \(.*\))?$/.exec(address);
  if (line !== null) {
    const [, number, quoted, index, name] = line;
    const column = quoted !== undefined ? (JSON.parse(`"${quoted}"`) as string) : index !== undefined ? Number(index) : name;
    return column === undefined ? [Number(number)] : [Number(number), column];
  }
  const cell = /^(.*)!([A-Z]+\d+)$/.exec(address);
  return cell === null ? [address] : [cell[1]!, cell[2]!];
}

/**
 * One problem found in an input.
 *
 * @category Errors
 */
export interface DubanIssue {
  /** What kind of problem it is: one of {@link ISSUE_CODES}. */
  readonly code: IssueCode;
  /**
   * Where the problem is, for people: a JSON path such as `$.tasks[3].target.value`,
   * `line 4` or `line 4, column 2 (asOf)` in a CSV file, a cell such as
   * `任务!C5` in a workbook, an argument or option such as `options.year` or
   * `asOf`, or an entry of a zip file.
   */
  readonly path: string;
  /**
   * Where the problem is, for programs: the same place as {@link DubanIssue.path}, as keys.
   *
   * - In a JSON input, the object keys and array indexes from the root, so that
   *   `path === formatPath(keys)` (`['tasks', 3, 'target', 'value']`; `[]` for the whole input).
   * - For an argument or option, its name and then the keys inside it
   *   (`['options', 'year']` for `options.year`, `['task', 'target', 'value']` for `task.target.value`).
   * - In a CSV file, the 1-based line number and, for one cell, its column as
   *   the path names it: the 1-based number or the header name (`[4]` for `line 4`,
   *   `[4, 2]` for `line 4, column 2 (asOf)`, `[4, 'status']` for `line 4, column "status"`).
   * - In a workbook, the sheet name and the cell's address (`['任务', 'C5']` for `任务!C5`);
   *   `[]` for the whole workbook.
   * - In a zip file (an .xlsx workbook), the entry's name (`['xl/workbook.xml']`).
   */
  readonly keys: readonly IssueKey[];
  /**
   * What is wrong, quoting the offending key or value. The messages of plans,
   * observations, rule files and command-line options are in Chinese first,
   * then ` / ` and the same in English (`不是真实存在的日期…："2024-02-30" / not a
   * real calendar date YYYY-MM-DD: "2024-02-30"`); a few others (a file that
   * cannot be read, some workbook cells) are still English only. A problem
   * inside a plan's task names the task: `任务 B2「出台实施方案」的
   * target.milestones[0].due：… / task B2 "出台实施方案": target.milestones[0].due: …`.
   * Match on `code` and `keys`, not on the text.
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

/** The issue codes of the limits: an error with one of them is LIMIT_EXCEEDED. */
const LIMIT_ISSUE_CODES: readonly IssueCode[] = ['too_large', 'too_long', 'too_many', 'too_deep'];

/**
 * The error code for problems of an input of kind `code`: `LIMIT_EXCEEDED` if
 * any of them is over a limit (the input was then not fully checked), else `code`.
 */
export function inputErrorCode(code: DubanErrorCode, issues: readonly DubanIssue[]): DubanErrorCode {
  return issues.some((issue) => LIMIT_ISSUE_CODES.includes(issue.code)) ? 'LIMIT_EXCEEDED' : code;
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
  kept.push({ code: 'truncated', path: '$', keys: [], message: `以及另外 ${extra} 个问题 / and ${extra} more problem${extra === 1 ? '' : 's'}` });
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
 *   if (isDubanError(error)) for (const issue of error.issues) console.log(issue.code, issue.path, issue.message);
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
