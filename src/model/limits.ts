import { jsonIssue, type DubanIssue } from '../errors.js';
import { quote } from './schema-kit.js';
import { bilingual } from './suggest.js';

/**
 * The largest input duban reads: 256 MiB (268 435 456). The CLI measures a
 * file in bytes before reading it, and reads stdin, pipes and devices (whose
 * size says nothing) in 1 MiB chunks, stopping as soon as they pass the limit:
 * `duban evaluate - < /dev/zero` exits 2 after about a second at 313 MB (it
 * used to grow to 16.8 GB). A parse function given JSON or CSV text
 * measures it in UTF-16 code units, which is never more than its size in
 * UTF-8, so a file the CLI accepts is accepted as text too. A plan of
 * 1 000 000 ordinary tasks is about 250 MiB.
 *
 * @example
 * ```ts
 * if (file.size > MAX_INPUT_BYTES) console.warn('duban will refuse this file');
 * ```
 * @category Limits
 */
export const MAX_INPUT_BYTES = 268_435_456;

/**
 * The most tasks a plan may have: 1 000 000.
 *
 * @example
 * ```ts
 * parsePlan({ ...plan, tasks: new Array(MAX_TASKS + 1).fill(task) }); // throws: $.tasks is over the limit
 * ```
 * @category Limits
 */
export const MAX_TASKS = 1_000_000;

/**
 * The deepest nesting of arrays and objects in an input: 256 levels (the
 * outermost object is level 1). Real files need fewer than 10, and a rule
 * file's conditions stop earlier, at `MAX_CONDITION_DEPTH` (64) condition
 * levels. The limit keeps recursive code (a stack trace, a crash) away from
 * hostile input such as 100 000 nested arrays.
 *
 * @example
 * ```ts
 * const deep = JSON.parse('['.repeat(MAX_JSON_DEPTH + 1) + ']'.repeat(MAX_JSON_DEPTH + 1));
 * parsePlan({ ...plan, 'x-deep': deep }); // throws: nested deeper than 256 levels
 * ```
 * @category Limits
 */
export const MAX_JSON_DEPTH = 256;

/**
 * The longest string in an input, counted in UTF-16 code units: 100 000. It
 * applies to every string value and every key of a JSON input and to every
 * cell of an observations CSV file; a task title or a note is far shorter.
 *
 * @example
 * ```ts
 * parsePlan({ ...plan, title: 'x'.repeat(MAX_STRING_LENGTH + 1) }); // throws: $.title is too long
 * ```
 * @category Limits
 */
export const MAX_STRING_LENGTH = 100_000;

/**
 * The most elements of one array in a JSON input, except a plan's `tasks`
 * (up to {@link MAX_TASKS}), an observations file's `observations` (bounded
 * by {@link MAX_INPUT_BYTES} only) and anything under an `x-` key (duban does
 * not read those): 10 000. A task's observations, milestones, trajectory
 * points, owners and flags, a plan's categories, a rule file's rules and
 * conditions are far fewer (daily observations for 27 years are 9 862). The
 * limit keeps the number of problems one element can produce small: a task
 * with a million `{}` observations (3 MB) gave two million problems and ended
 * in an internal error; it is now refused at once with its path.
 *
 * @example
 * ```ts
 * parsePlan({ ...plan, categories: new Array(MAX_ARRAY_LENGTH + 1).fill('x') }); // throws: $.categories has too many elements
 * ```
 * @category Limits
 */
export const MAX_ARRAY_LENGTH = 10_000;

/** The top-level arrays exempt from {@link MAX_ARRAY_LENGTH}: they are validated in slices (see parse-input.ts). */
const LONG_ARRAYS: ReadonlySet<string> = new Set(['tasks', 'observations']);

/** At most this many limit problems are listed for one input; a hostile file could have millions. */
const MAX_LIMIT_ISSUES = 100;

interface Visit {
  readonly value: unknown;
  readonly key: string | number | undefined;
  readonly parent: Visit | undefined;
  readonly depth: number;
  /** Under an `x-` key: arrays there are exempt from {@link MAX_ARRAY_LENGTH}. */
  readonly free: boolean;
}

function keysOf(visit: Visit): (string | number)[] {
  const keys: (string | number)[] = [];
  for (let at: Visit | undefined = visit; at?.key !== undefined; at = at.parent) keys.push(at.key);
  return keys.reverse();
}

/**
 * The issue for an input larger than {@link MAX_INPUT_BYTES}: a file of `size`
 * bytes, or a text of `size` UTF-16 code units.
 */
export function inputTooLargeIssue(size: number, unit: 'bytes' | 'characters'): DubanIssue {
  return {
    code: 'too_large',
    path: '$',
    keys: [],
    message: bilingual(
      `输入长 ${size} ${unit === 'bytes' ? '字节' : '个字符'}，超过上限 ${MAX_INPUT_BYTES}（256 MiB）`,
      `input is ${size} ${unit} long, more than the limit of ${MAX_INPUT_BYTES} (256 MiB)`,
    ),
  };
}

/** The issue for a string longer than {@link MAX_STRING_LENGTH}, quoting its start. */
export function stringTooLongMessage(text: string, what = 'string'): string {
  const zh = what === 'key' ? '键' : what === 'cell' ? '单元格' : '字符串';
  return bilingual(
    `${zh}长 ${text.length} 个字符，超过上限 ${MAX_STRING_LENGTH}：${quote(text.slice(0, 40))}`,
    `${what} of ${text.length} characters is longer than the limit of ${MAX_STRING_LENGTH}: ${quote(text.slice(0, 40))}`,
  );
}

/**
 * Checks a parsed JSON value against {@link MAX_JSON_DEPTH} and
 * {@link MAX_STRING_LENGTH} without recursion, so that neither a deep nor a
 * huge input can overflow the stack. Returns one issue per problem, with its
 * JSON path (at most 100). `depth` is the nesting level of `input` itself
 * (1 for a whole file), for a value that sits inside a larger input.
 */
export function inputLimitIssues(input: unknown, depth = 1): DubanIssue[] {
  const issues: DubanIssue[] = [];
  const stack: Visit[] = [{ value: input, key: undefined, parent: undefined, depth, free: false }];
  while (stack.length > 0 && issues.length < MAX_LIMIT_ISSUES) {
    const visit = stack.pop()!;
    const { value, depth } = visit;
    if (typeof value === 'string') {
      if (value.length > MAX_STRING_LENGTH) issues.push(jsonIssue('too_long', keysOf(visit), stringTooLongMessage(value)));
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth > MAX_JSON_DEPTH) {
      issues.push(
        jsonIssue(
          'too_deep',
          keysOf(visit),
          bilingual(`数组和对象嵌套超过 ${MAX_JSON_DEPTH} 层`, `nested deeper than ${MAX_JSON_DEPTH} levels of arrays and objects`),
        ),
      );
      continue;
    }
    if (Array.isArray(value)) {
      const long = depth === 2 && visit.parent?.parent === undefined && typeof visit.key === 'string' && LONG_ARRAYS.has(visit.key);
      if (!long && !visit.free && value.length > MAX_ARRAY_LENGTH) {
        issues.push(
          jsonIssue(
            'too_many',
            keysOf(visit),
            bilingual(
              `数组有 ${value.length} 个元素，超过上限 ${MAX_ARRAY_LENGTH}`,
              `array of ${value.length} elements, more than the limit of ${MAX_ARRAY_LENGTH}`,
            ),
          ),
        );
        continue;
      }
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], key: i, parent: visit, depth: depth + 1, free: visit.free });
      continue;
    }
    const keys = Object.keys(value);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      if (key.length > MAX_STRING_LENGTH) {
        issues.push(jsonIssue('too_long', keysOf(visit), stringTooLongMessage(key, 'key')));
        continue;
      }
      // Extension keys are kept as they are, never validated: only their nesting and strings are bounded.
      stack.push({ value: (value as Record<string, unknown>)[key], key, parent: visit, depth: depth + 1, free: visit.free || key.startsWith('x-') });
    }
  }
  if (issues.length >= MAX_LIMIT_ISSUES && stack.length > 0)
    issues.push({
      code: 'truncated',
      path: '$',
      keys: [],
      message: bilingual(
        `超限的问题没有全部列出（列出 ${MAX_LIMIT_ISSUES} 个后停止）`,
        `more problems with the limits were not listed (stopped after ${MAX_LIMIT_ISSUES})`,
      ),
    });
  return issues;
}

/** The issue for a plan with more than {@link MAX_TASKS} tasks, if it has too many. */
export function planLimitIssues(input: unknown): DubanIssue[] {
  if (typeof input !== 'object' || input === null || !Object.hasOwn(input, 'tasks')) return [];
  const { tasks } = input as { tasks: unknown };
  if (!Array.isArray(tasks) || tasks.length <= MAX_TASKS) return [];
  return [
    jsonIssue('too_many', ['tasks'], bilingual(`${tasks.length} 项任务，超过上限 ${MAX_TASKS}`, `${tasks.length} tasks, more than the limit of ${MAX_TASKS}`)),
  ];
}

/**
 * The most bytes an .xlsx workbook may hold uncompressed: 64 MiB (67 108 864),
 * as its zip declares and as it actually inflates (both are checked before
 * exceljs reads it). The compressed size is checked against
 * {@link MAX_INPUT_BYTES} as any input; this limit is what bounds exceljs,
 * which holds a workbook at many times its XML size (an 11 MB workbook of a
 * million rows took 4.4 GB before it was refused).
 *
 * @example
 * ```ts
 * await readPlanWorkbook(bytes); // a workbook that inflates past 64 MiB: throws INVALID_PLAN, more than the limit of 67108864 bytes uncompressed
 * ```
 * @category Limits
 */
export const MAX_WORKBOOK_BYTES = 67_108_864;

/**
 * The most rows one worksheet of a workbook may use: 100 000, counted from
 * its rows, its highest cell and the dimension it declares, before exceljs
 * reads it (a 10 KB workbook with one cell at A1048576 made duban walk a
 * million rows). A 任务分解表 has a row per task: far fewer.
 *
 * @example
 * ```ts
 * await readPlanWorkbook(bytes); // one cell at A1048576: throws INVALID_PLAN, the sheet reaches row 1048576
 * ```
 * @category Limits
 */
export const MAX_WORKBOOK_ROWS = 100_000;

/**
 * The most columns one worksheet may use: 1 000 (Excel allows 16 384, up to
 * XFD). A 任务分解表 has a few dozen, with one per reporting date.
 *
 * @example
 * ```ts
 * await readPlanWorkbook(bytes); // one cell at XFD1: throws INVALID_PLAN, the sheet reaches column 16384
 * ```
 * @category Limits
 */
export const MAX_WORKBOOK_COLUMNS = 1_000;

/**
 * The most cells in the used range of one worksheet (its rows times its
 * columns, empty cells included, as reading walks them all): 2 000 000
 * (100 000 tasks of 20 columns).
 *
 * @example
 * ```ts
 * await readPlanWorkbook(bytes); // 3000 rows of 1000 columns: throws INVALID_PLAN, the used range has more than 2000000 cells
 * ```
 * @category Limits
 */
export const MAX_WORKBOOK_CELLS = 2_000_000;
