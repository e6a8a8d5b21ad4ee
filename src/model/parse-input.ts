import type * as z from 'zod/mini';
import { capIssues, DubanError, inputErrorCode, jsonIssue, lineIssue, MAX_ISSUES, type DubanErrorCode, type DubanIssue, type IssueCode } from '../errors.js';
import { ensureObservationsFile, ensurePlan } from './boundary.js';
import { ensureString, readOptions, stringOption } from './check-arguments.js';
import { isCalendarDate } from './calendar-date.js';
import { parseDecimal } from './decimal.js';
import { OBSERVATION_CSV_COLUMNS, observationsFileSchema, parseCsvRows } from './observations-file.js';
import { duplicateKeyIssues } from './duplicate-keys.js';
import { jsonSyntaxIssue } from './json-syntax.js';
import { inexactNumberIssues } from './json-numbers.js';
import { fastParsePlan } from './fast-parse-plan.js';
import { planCrossChecks, planSchema, unitMessage } from './plan.js';
import { recognise } from './recognised.js';
import type { Observation, ObservationRecord, ObservationsFile, Plan } from './types.js';
import { notDateMessage, notDecimalMessage, prototypeKeyIssues, quote, toDubanIssues } from './schema-kit.js';
import { MAX_INPUT_BYTES, MAX_STRING_LENGTH, inputLimitIssues, inputTooLargeIssue, planLimitIssues, stringTooLongMessage } from './limits.js';
import { unitConversionExponent } from './units.js';
import { bilingual, closestWord, splitBilingual } from './suggest.js';

/**
 * The result of a `safeParse…` function: the data, or the error with every issue.
 *
 * @category Model
 */
export type SafeParseResult<T> = SafeParseSuccess<T> | SafeParseFailure;

/**
 * A successful `safeParse…`.
 *
 * @category Model
 */
export interface SafeParseSuccess<T> {
  /** `true`. */
  readonly success: true;
  /** The validated data. */
  readonly data: T;
}

/**
 * A failed `safeParse…`.
 *
 * @category Model
 */
export interface SafeParseFailure {
  /** `false`. */
  readonly success: false;
  /** The error, with every issue. */
  readonly error: DubanError;
}

/**
 * Options shared by the parse functions.
 *
 * @category Model
 */
export interface ParseOptions {
  /** The file name, kept on the error and shown in messages. */
  readonly source?: string;
}

/**
 * Parses JSON text (a UTF-8 byte-order mark is ignored), reporting a syntax error with its line and column,
 * and every number that JSON.parse would read as another value (see json-numbers.ts) with its path.
 * The text and the value must keep to the limits of limits.ts (size, nesting depth, string length;
 * with `walk` false, only the size: the caller walks the value itself);
 * on failure `issue` is the first problem and `issues` all of them.
 */
export function parseJsonText(text: string, walk = true): { ok: true; value: unknown } | { ok: false; issue: DubanIssue; issues: DubanIssue[] } {
  const failure = (issues: DubanIssue[]) => ({ ok: false as const, issue: issues[0]!, issues });
  if (text.length > MAX_INPUT_BYTES) return failure([inputTooLargeIssue(text.length, 'characters')]);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    const value: unknown = JSON.parse(body);
    // `walk: false` leaves the depth and string-length walk to the caller, unless the text has
    // duplicate keys: then the walk's issues are reported with them, as with `walk: true`.
    // Numbers that JSON.parse read as a different value (9007199254740993, 1e400) are refused, with their paths.
    const duplicates = [...duplicateKeyIssues(body), ...inexactNumberIssues(body)];
    const limits = walk || duplicates.length > 0 ? [...inputLimitIssues(value), ...duplicates] : [];
    return limits.length > 0 ? failure(limits) : { ok: true, value };
  } catch (error) {
    return failure([jsonSyntaxIssue(body, error)]);
  }
}

/** A task's title as a message shows it: at most 30 characters. */
const shortTitle = (title: string) => (title.length > 30 ? `${title.slice(0, 29)}…` : title);

/**
 * Names the task of every issue inside `$.tasks[i]` by its id and title, so an
 * analyst need not count tasks: `任务 B2「出台实施方案」的 target.milestones[0].due：…`.
 * The path stays the machine path.
 */
function withTaskContext(issues: DubanIssue[], data: unknown): DubanIssue[] {
  const tasks = typeof data === 'object' && data !== null && Array.isArray((data as { tasks?: unknown }).tasks) ? (data as { tasks: unknown[] }).tasks : [];
  return issues.map((issue) => {
    const match = /^\$\.tasks\[(\d+)\](.*)$/.exec(issue.path);
    if (match === null) return issue;
    const index = Number(match[1]);
    const task: unknown = tasks[index];
    const own = (key: string): string | undefined => {
      if (typeof task !== 'object' || task === null || !Object.hasOwn(task, key)) return undefined;
      const value = (task as Record<string, unknown>)[key];
      return typeof value === 'string' && value !== '' ? value : undefined;
    };
    const id = own('id');
    const title = own('title');
    const zhName = `${id === undefined ? `第 ${index + 1} 项任务` : `任务 ${shortTitle(id)}`}${title === undefined ? '' : `「${shortTitle(title)}」`}`;
    const enName = `${id === undefined ? `task #${index + 1}` : `task ${shortTitle(id)}`}${title === undefined ? '' : ` ${quote(shortTitle(title))}`}`;
    const where = match[2]!.replace(/^\./, '');
    const { zh, en } = splitBilingual(issue.message);
    const message = bilingual(
      where === '' ? `${zhName}：${zh ?? en}` : `${zhName}的 ${where}：${zh ?? en}`,
      where === '' ? `${enName}: ${en}` : `${enName}: ${where}: ${en}`,
    );
    return { ...issue, message, ...(id === undefined ? {} : { task: { id, title: title ?? '' } }) };
  });
}

const PARSE_OPTIONS = { source: stringOption };

/** The options of a parse function, checked (null and undefined are `{}`). */
const parseOptions = (options: unknown): ParseOptions => readOptions<ParseOptions>(options, PARSE_OPTIONS);

/** A successful parse, its data recognised at the boundary (see recognised.ts). */
function recognised<T extends object>(kind: 'plan' | 'observations', result: SafeParseResult<T>): SafeParseResult<T> {
  if (result.success) recognise(kind, result.data);
  return result;
}

function makeError(code: DubanErrorCode, what: string, issues: DubanIssue[], options: ParseOptions): DubanError {
  return new DubanError(inputErrorCode(code, issues), `${options.source ?? what}: ${issues.length === 1 ? '1 problem' : `${issues.length} problems`}`, {
    issues,
    ...(options.source === undefined ? {} : { source: options.source }),
  });
}

/** A long array (a plan's tasks, an observations file's observations) is validated in slices of about this many values. */
const SLICE_VALUES = 20_000;

/** How many values (objects, arrays and primitives) `value` holds, counted up to `limit`, without recursion. */
function countValues(value: unknown, limit: number): number {
  let count = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0 && count < limit) {
    const item = stack.pop();
    count++;
    if (typeof item !== 'object' || item === null) continue;
    if (Array.isArray(item)) for (const element of item) stack.push(element);
    else for (const key in item) if (Object.hasOwn(item, key)) stack.push((item as Record<string, unknown>)[key]);
  }
  return count;
}

/**
 * Validates `data` with its long array `key` in slices of about
 * {@link SLICE_VALUES} values, so that neither zod nor anything after it ever
 * holds more than a bounded number of problems at once (zod spreads a child's
 * problems into its parent's list: 150 000 of them overflow the stack), and
 * stops after {@link MAX_ISSUES} problems. Problems of the slices are placed at
 * their elements' real indices; those outside the array are taken from the
 * first slice only.
 */
function safeParseInSlices<S extends z.ZodMiniType>(
  schema: S,
  data: Record<string, unknown>,
  key: string,
  items: readonly unknown[],
): { success: true; data: z.output<S> } | { success: false; issues: DubanIssue[]; stopped?: DubanIssue } {
  const issues: DubanIssue[] = [];
  const parsed: unknown[] = [];
  let head: Record<string, unknown> | undefined;
  let failed = false;
  let start = 0;
  let stopped: DubanIssue | undefined;
  while (start < items.length) {
    let end = start;
    let values = 0;
    while (end < items.length) {
      const size = countValues(items[end], SLICE_VALUES + 1);
      if (end > start && values + size > SLICE_VALUES) break;
      values += size;
      end++;
    }
    const part = { ...data, [key]: items.slice(start, end) };
    const result = schema.safeParse(part);
    if (result.success) {
      if (!failed) {
        head ??= result.data as Record<string, unknown>;
        for (const item of (result.data as Record<string, unknown[]>)[key]!) parsed.push(item);
      }
    } else {
      failed = true;
      for (const issue of toDubanIssues(result.error, part)) {
        const [first, index, ...rest] = issue.keys;
        if (first === key && typeof index === 'number') issues.push(jsonIssue(issue.code, [key, index + start, ...rest], issue.message));
        else if (start === 0) issues.push(issue);
      }
    }
    start = end;
    if (issues.length >= MAX_ISSUES && start < items.length) {
      stopped = jsonIssue(
        'truncated',
        [key],
        bilingual(
          `找到 ${issues.length} 个问题后停止检查：第 ${start + 1} 项起（共 ${items.length} 项）未检查`,
          `stopped after ${issues.length} problems: elements from index ${start} on (of ${items.length}) were not checked`,
        ),
      );
      break;
    }
  }
  return failed
    ? { success: false, issues, ...(stopped === undefined ? {} : { stopped }) }
    : { success: true, data: { ...head, [key]: parsed } as z.output<S> };
}

/** Long arrays are validated in slices from this many elements on. */
const SLICED_FROM = 1000;

function safeParseWith<S extends z.ZodMiniType>(
  schema: S,
  code: DubanErrorCode,
  what: string,
  input: unknown,
  options: ParseOptions,
  limits: (data: unknown) => DubanIssue[] = () => [],
  crossChecks: (data: unknown) => DubanIssue[] = () => [],
  fast?: (data: unknown, inPlace: boolean) => z.output<S> | undefined,
  owned = false,
): SafeParseResult<z.output<S>> {
  let data = input;
  if (typeof input === 'string') {
    const parsed = parseJsonText(input, false);
    if (!parsed.ok) return { success: false, error: makeError(code, what, parsed.issues, options) };
    data = parsed.value;
  }
  // Limits first: a value over them is reported alone, before anything recursive looks at it.
  // The count limits are cheap; the walk waits until the fast path has given up.
  const overCount = limits(data);
  if (overCount.length > 0) return { success: false, error: makeError(code, what, [...inputLimitIssues(data), ...overCount], options) };
  if (fast !== undefined) {
    // A plainly valid input is validated by the fast path, which also vouches for the limits and
    // the cross-checks (see fast-parse-plan.ts): the value is walked once. Parsed from text here,
    // the value belongs to no one else: the fast path may normalise it in place.
    const quick = fast(data, typeof input === 'string' || owned);
    if (quick !== undefined) return { success: true, data: quick };
    // If it gave up after normalising part of the value, read the text again so messages quote the file as written.
    if (typeof input === 'string') {
      const again = parseJsonText(input, false);
      if (again.ok) data = again.value;
    }
  }
  const overLimits = inputLimitIssues(data);
  if (overLimits.length > 0) return { success: false, error: makeError(code, what, overLimits, options) };
  const key = code === 'INVALID_PLAN' ? 'tasks' : code === 'INVALID_OBSERVATIONS' ? 'observations' : undefined;
  const long = key !== undefined && typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>)[key] : undefined;
  const result: { success: true; data: z.output<S> } | { success: false; issues: DubanIssue[]; stopped?: DubanIssue } =
    key !== undefined && Array.isArray(long) && long.length >= SLICED_FROM
      ? safeParseInSlices(schema, data as Record<string, unknown>, key, long)
      : (() => {
          const whole = schema.safeParse(data);
          return whole.success ? { success: true as const, data: whole.data } : { success: false as const, issues: toDubanIssues(whole.error, data) };
        })();
  // The cross-checks read the raw data defensively, so they run even when the shape is wrong.
  const crossIssues = [...prototypeKeyIssues(data), ...crossChecks(data)];
  if (result.success && crossIssues.length === 0) return { success: true, data: result.data };
  const all = result.success ? crossIssues : result.issues;
  if (!result.success) for (const issue of crossIssues) all.push(issue);
  // At most MAX_ISSUES are named (each by its task), and one says how many more.
  const issues = [...capIssues(all)];
  if (!result.success && result.stopped !== undefined) issues.push(result.stopped);
  return { success: false, error: makeError(code, what, code === 'INVALID_PLAN' ? withTaskContext(issues, data) : issues, options) };
}

/**
 * Validates a plan (format version 1) and returns it with decimals normalised
 * and defaults filled in, or the error listing every problem with its JSON path.
 *
 * @param input - the plan as parsed JSON, or its JSON text
 * @param options - the file name for messages
 * @returns `{ success: true, data }` or `{ success: false, error }`
 * @example
 * ```ts
 * const result = safeParsePlan(text, { source: 'plan.json' });
 * if (!result.success) console.error(result.error.issues);
 * ```
 * @category Model
 */
export function safeParsePlan(input: unknown, options: ParseOptions = {}): SafeParseResult<Plan> {
  return recognised('plan', safeParseWith(planSchema, 'INVALID_PLAN', 'plan', input, parseOptions(options), planLimitIssues, planCrossChecks, fastParsePlan));
}

/**
 * Validates a plan (format version 1): unknown keys (except `x-`), wrong types,
 * inexact decimals, impossible dates, unknown categories, duplicate ids,
 * incompatible units and bad trajectories are all reported together.
 *
 * @param input - the plan as parsed JSON, or its JSON text
 * @param options - the file name for messages
 * @returns the validated {@link Plan}
 * @throws {@link DubanError} with code `INVALID_PLAN` (`LIMIT_EXCEEDED` for an input over a limit)
 * @example
 * ```ts
 * const plan = parsePlan(readFileSync('plan.json', 'utf8'), { source: 'plan.json' });
 * ```
 * @category Model
 */
export function parsePlan(input: unknown, options: ParseOptions = {}): Plan {
  const result = safeParsePlan(input, options);
  if (!result.success) throw result.error;
  return result.data;
}

/**
 * Validates an observations file `{ formatVersion: 1, planId, observations: [...] }`.
 *
 * @param input - the file as parsed JSON, or its JSON text
 * @param options - the file name for messages
 * @returns `{ success: true, data }` or `{ success: false, error }`
 * @example
 * ```ts
 * const result = safeParseObservations(text, { source: 'q1.json' });
 * ```
 * @category Model
 */
export function safeParseObservations(input: unknown, options: ParseOptions = {}): SafeParseResult<ObservationsFile> {
  return recognised('observations', safeParseWith(observationsFileSchema, 'INVALID_OBSERVATIONS', 'observations', input, parseOptions(options)));
}

/**
 * Validates an observations file.
 *
 * @param input - the file as parsed JSON, or its JSON text
 * @param options - the file name for messages
 * @returns the validated file
 * @throws {@link DubanError} with code `INVALID_OBSERVATIONS` (`LIMIT_EXCEEDED` for an input over a limit)
 * @example
 * ```ts
 * const observations = parseObservations({ formatVersion: 1, planId: 'xianning-2018', observations: [{ taskId: 'T09', asOf: '2018-06-30', value: '98' }] });
 * ```
 * @category Model
 */
export function parseObservations(input: unknown, options: ParseOptions = {}): ObservationsFile {
  const result = safeParseObservations(input, options);
  if (!result.success) throw result.error;
  return result.data;
}

/**
 * Reads observations from CSV text with the header `taskId,asOf,value,unit,note`
 * (`unit` and `note` may be empty). Problems are named by line and column.
 *
 * @param text - the CSV text (UTF-8; a byte-order mark is ignored)
 * @param planId - the plan the rows belong to
 * @param options - the file name for messages
 * @returns the observations as an {@link ObservationsFile}
 * @throws {@link DubanError} with code `INVALID_OBSERVATIONS` (`LIMIT_EXCEEDED` for a text or cell over a limit)
 * @example
 * ```ts
 * parseObservationsCsv('taskId,asOf,value,unit,note\nT09,2018-03-31,55,亿元,一季度\n', 'xianning-2018');
 * ```
 * @category Model
 */
export function parseObservationsCsv(text: string, planId: string, options: ParseOptions = {}): ObservationsFile {
  ensureString(text, 'text');
  ensureString(planId, 'planId');
  options = parseOptions(options);
  const { file, issues, more } = readObservationsCsv(text, planId);
  if (issues.length > 0) throw makeError('INVALID_OBSERVATIONS', 'observations', [...capIssues(issues, more)], options);
  return file;
}

/** The line of each observation of a file read from CSV, so that merge problems name CSV lines too. */
const CSV_LINES = new WeakMap<ObservationsFile, readonly number[]>();

/** An issue at a CSV cell (`column` from 0): path `line 4, column 2 (asOf)`, keys `[4, 2]`. */
function csvCell(code: IssueCode, line: number, column: number, message: string): DubanIssue {
  const name = OBSERVATION_CSV_COLUMNS[column];
  return { code, path: `line ${line}, column ${column + 1}${name === undefined ? '' : ` (${name})`}`, keys: [line, column + 1], message };
}

/**
 * Reads an observations CSV without throwing: the good rows as a file, and a
 * problem for every bad row. Internal (parseObservationsCsv throws the
 * problems; the CLI also merges the good rows, so one run names every bad row).
 */
export function readObservationsCsv(text: string, planId: string): { file: ObservationsFile; issues: DubanIssue[]; more: number } {
  const observations: ObservationRecord[] = [];
  const lines: number[] = [];
  const file: ObservationsFile = { formatVersion: 1, planId, observations };
  CSV_LINES.set(file, lines);
  if (text.length > MAX_INPUT_BYTES) return { file, issues: [inputTooLargeIssue(text.length, 'characters')], more: 0 };
  const issues: DubanIssue[] = [];
  let more = 0;
  // Past MAX_ISSUES problems, the rest are counted, not described: 4 000 000 bad rows printed 363 MB.
  const report = (issue: DubanIssue) => {
    if (issues.length < MAX_ISSUES) issues.push(issue);
    else more++;
  };
  const columns = OBSERVATION_CSV_COLUMNS.join(',');
  let header: { line: number; cells: string[] } | undefined;
  let headerOk = false;
  // Rows are checked as they are read, never all held at once.
  const { issues: csvIssues } = parseCsvRows(text, (line, cells) => {
    // A row with an over-long cell is reported and left out (the header row is kept, so it is still checked).
    let long = false;
    for (let i = 0; i < cells.length; i++) {
      if (cells[i]!.length > MAX_STRING_LENGTH) {
        report(csvCell('too_long', line, i, stringTooLongMessage(cells[i]!, 'cell')));
        long = true;
      }
    }
    if (header === undefined) {
      header = { line, cells };
      headerOk = cells.join(',') === columns;
      if (!headerOk)
        report(
          lineIssue(
            'csv_syntax',
            line,
            bilingual(`表头应为 ${columns}，实际是 ${quote(cells.join(','))}`, `header must be ${columns}, got ${quote(cells.join(','))}`),
          ),
        );
      return;
    }
    if (long || !headerOk) return;
    if (cells.length !== OBSERVATION_CSV_COLUMNS.length) {
      report(
        lineIssue(
          'csv_syntax',
          line,
          bilingual(
            `应有 ${OBSERVATION_CSV_COLUMNS.length} 个单元格（${columns}），实际有 ${cells.length} 个`,
            `expected ${OBSERVATION_CSV_COLUMNS.length} cells, got ${cells.length}`,
          ),
        ),
      );
      return;
    }
    const [taskId, asOf, value, unit, note] = cells as [string, string, string, string, string];
    const decimal = parseDecimal(value.trim());
    if (taskId === '') report(csvCell('required', line, 0, bilingual('任务编号 taskId 不能为空', 'taskId must not be empty')));
    if (!isCalendarDate(asOf)) report(csvCell('invalid_date', line, 1, notDateMessage(asOf)));
    if (decimal === undefined) report(csvCell('invalid_decimal', line, 2, notDecimalMessage(value)));
    if (taskId !== '' && isCalendarDate(asOf) && decimal !== undefined) {
      observations.push({ taskId, asOf, value: decimal, ...(unit === '' ? {} : { unit }), ...(note === '' ? {} : { note }) });
      lines.push(line);
    }
  });
  if (header === undefined) report(lineIssue('csv_syntax', 1, bilingual(`缺少表头行 ${columns}`, `missing header row ${columns}`)));
  // The problems of the CSV syntax first, as they were read.
  if (csvIssues.length > 0) issues.unshift(...csvIssues.slice(0, MAX_ISSUES));
  more += Math.max(0, csvIssues.length - MAX_ISSUES);
  // Only good rows are in the file: it is recognised as duban's own (see recognised.ts).
  return { file: recognise('observations', file), issues, more };
}

/** The line a path names (`line 4, column 2 (asOf)` → 4), for sorting CSV problems. */
const lineOf = (path: string): number => Number(/^line (\d+)/.exec(path)?.[1] ?? 0);

/**
 * Reads an observations CSV and merges its good rows into a plan, naming every
 * bad row (in reading or in merging) in one error, in line order. Internal: the CLI's
 * `--observations x.csv`.
 */
export function mergeObservationsCsv(plan: Plan | undefined, text: string, options: ParseOptions = {}): Plan | undefined {
  const { file, issues, more } = readObservationsCsv(text, plan?.id ?? '');
  let merged = plan;
  if (plan !== undefined) {
    try {
      merged = mergeObservations(plan, file, options);
    } catch (error) {
      if (!(error instanceof DubanError)) throw error;
      for (const issue of error.issues) issues.push(issue);
    }
  }
  if (issues.length > 0) {
    const sorted = issues.map((issue, i) => ({ issue, i })).sort((a, b) => lineOf(a.issue.path) - lineOf(b.issue.path) || a.i - b.i);
    throw makeError(
      'INVALID_OBSERVATIONS',
      'observations',
      [
        ...capIssues(
          sorted.map(({ issue }) => issue),
          more,
        ),
      ],
      options,
    );
  }
  return merged;
}

/**
 * Merges observations into a plan, returning a new plan (the inputs are not
 * changed). An unknown task id, an observation on a `milestones` or `binary`
 * target, a second value for the same task and date, or an incompatible unit is
 * an error naming the observation's path.
 *
 * @param plan - a validated plan
 * @param file - validated observations
 * @param options - the observations file name for messages
 * @returns the plan with the observations added
 * @throws {@link DubanError} with code `INVALID_OBSERVATIONS`
 * @example
 * ```ts
 * const merged = mergeObservations(plan, parseObservations(json));
 * ```
 * @category Model
 */
export function mergeObservations(plan: Plan, file: ObservationsFile, options: ParseOptions = {}): Plan {
  plan = ensurePlan(plan);
  file = ensureObservationsFile(file);
  options = parseOptions(options);
  const issues: DubanIssue[] = [];
  if (file.planId !== plan.id)
    issues.push({
      code: 'inconsistent',
      path: '$.planId',
      keys: ['planId'],
      message: bilingual(
        `planId ${quote(file.planId)} 与计划的 id ${quote(plan.id)} 不符`,
        `planId ${quote(file.planId)} does not match the plan's id ${quote(plan.id)}`,
      ),
    });
  const index = new Map(plan.tasks.map((task, i) => [task.id, i]));
  const added = new Map<number, Observation[]>();
  // Observations read from CSV are named by line and column, as their reading problems are.
  const lines = CSV_LINES.get(file);
  const csvColumn = (key: string) => OBSERVATION_CSV_COLUMNS.indexOf(key as (typeof OBSERVATION_CSV_COLUMNS)[number]);
  // Suggesting a task id compares it with every id: only for plans of a sensible size.
  const ids = plan.tasks.length <= 10_000 ? plan.tasks.map((task) => task.id) : [];
  file.observations.forEach((observation, j) => {
    const line = lines?.[j];
    const at = (code: IssueCode, key: string, message: string) =>
      line === undefined ? jsonIssue(code, ['observations', j, key], message) : csvCell(code, line, csvColumn(key), message);
    const i = index.get(observation.taskId);
    const task = i === undefined ? undefined : plan.tasks[i];
    if (i === undefined || task === undefined) {
      const near = closestWord(observation.taskId, ids);
      const hint = near === undefined ? { zh: '', en: '' } : { zh: `；是否想写 ${quote(near)}？`, en: `; did you mean ${quote(near)}?` };
      issues.push(
        at(
          'unknown_reference',
          'taskId',
          bilingual(`计划中没有任务 id ${quote(observation.taskId)}${hint.zh}`, `unknown task id ${quote(observation.taskId)}${hint.en}`),
        ),
      );
      return;
    }
    const about = { task: { id: task.id, title: task.title } };
    const { target } = task;
    if (target.kind === 'milestones' || target.kind === 'binary') {
      issues.push({
        ...at(
          'inconsistent',
          'taskId',
          bilingual(
            `任务 ${task.id}「${shortTitle(task.title)}」是 ${quote(target.kind)} 型目标，不接受报送值（其进度记在目标本身）`,
            `task ${quote(task.id)} has a ${quote(target.kind)} target, which takes no observations`,
          ),
        ),
        ...about,
      });
      return;
    }
    const list = added.get(i) ?? [...(task.observations ?? [])];
    if (list.some((existing) => existing.asOf === observation.asOf)) {
      issues.push({
        ...at(
          'duplicate_id',
          'asOf',
          bilingual(
            `任务 ${task.id}「${shortTitle(task.title)}」已有截至 ${quote(observation.asOf)} 的报送值`,
            `task ${quote(task.id)} already has an observation with asOf ${quote(observation.asOf)}`,
          ),
        ),
        ...about,
      });
    }
    if (observation.unit !== undefined && unitConversionExponent(observation.unit, target.unit) === undefined) {
      issues.push({
        ...at(
          'inconsistent',
          'unit',
          bilingual(
            `任务 ${task.id}「${shortTitle(task.title)}」：${splitBilingual(unitMessage(observation.unit, target.unit)).zh!}`,
            `task ${quote(task.id)}: ${splitBilingual(unitMessage(observation.unit, target.unit)).en}`,
          ),
        ),
        ...about,
      });
    }
    const { taskId: _taskId, ...rest } = observation;
    list.push(rest);
    added.set(i, list);
  });
  if (issues.length > 0) throw makeError('INVALID_OBSERVATIONS', 'observations', issues, options);
  return recognise('plan', { ...plan, tasks: plan.tasks.map((task, i) => (added.has(i) ? { ...task, observations: added.get(i) } : task)) });
}

/**
 * Like {@link safeParsePlan}, for a parsed value that nobody else holds (the
 * CLI's own parse of a large file): a valid plan is normalised in place instead
 * of copied. After a failure the value may be partly normalised, so the caller
 * should parse the text again for messages that quote the file as written.
 * Internal: not part of the package's API.
 */
export function safeParseOwnedPlan(value: unknown, options: ParseOptions = {}): SafeParseResult<Plan> {
  return recognised(
    'plan',
    safeParseWith(planSchema, 'INVALID_PLAN', 'plan', value, parseOptions(options), planLimitIssues, planCrossChecks, fastParsePlan, true),
  );
}
