import { DubanError } from '../errors.js';
import { parseCsvRows } from '../model/observations-file.js';
import { ensurePlan } from '../model/boundary.js';
import { ensureString, invalidOption, isPlainObject, kindOf, readOptions, stringOption } from '../model/check-arguments.js';
import type { Plan } from '../model/types.js';
import { csvField, restoreCsvText } from '../report/format-evaluation.js';
import { baseKeys, CellIssues, findHeaderRow, finishPlan, planToTaskTable, readTaskTable, type CellValue } from './plan-table.js';

/**
 * Options for {@link parsePlanCsv}.
 *
 * @category Excel
 */
export interface ParsePlanCsvOptions {
  /** The plan the tasks belong to: its id, title, period, categories and other keys are kept, its tasks replaced by the file's. */
  readonly base: Plan;
  /** The file name, for messages. */
  readonly source?: string | undefined;
}

const csvCell = (value: CellValue): string => csvField(value !== null && typeof value === 'object' ? value.date : value);

/**
 * Writes a plan's task table as CSV (UTF-8 with a byte-order mark, so Excel
 * reads the Chinese; CRLF line ends): the columns of the 任务分解 sheet, one row
 * per task, one column per reporting date and `x-` columns, every value as text.
 * {@link parsePlanCsv} with the same plan as `base` reads it back to that plan.
 * Text that a spreadsheet would run as a formula (it starts with `=`, `+`, `-`,
 * `@`, a tab or a carriage return) is written with a leading `'`, as is text
 * starting with `'` and then one of those (`'=1` → `''=1`); plain numbers
 * (`-5`) are not. parsePlanCsv removes exactly that `'` again.
 *
 * @param plan - the validated plan
 * @returns the CSV text
 * @throws `DubanError` `INVALID_PLAN` when the plan holds what the table cannot keep (see `writePlanWorkbook`)
 * @example
 * ```ts
 * import { formatPlanCsv } from 'duban/excel';
 * writeFileSync('tasks.csv', formatPlanCsv(plan));
 * ```
 * @category Excel
 */
export function formatPlanCsv(plan: Plan): string {
  const { header, rows } = planToTaskTable(ensurePlan(plan), false);
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/**
 * Reads a task table from CSV (the columns of the 任务分解 sheet; see
 * `readPlanWorkbook`) into a plan: the `base` plan with its tasks replaced by
 * the file's. Every bad cell is reported by line and column name, together with
 * every problem the plan format finds. A cell that starts with one or more `'`
 * followed by `=`, `+`, `-`, `@`, a tab or a carriage return loses its first `'`
 * (the mark {@link formatPlanCsv} and spreadsheets put before text that would
 * otherwise be a formula: `'-5` is read as `-5`).
 *
 * @param text - the CSV text (a byte-order mark is ignored)
 * @param options - the base plan and the file name
 * @returns the validated plan
 * @throws `DubanError` `INVALID_PLAN` (`LIMIT_EXCEEDED` for a cell over a limit) listing every problem by line and column
 * @example
 * ```ts
 * import { parsePlanCsv } from 'duban/excel';
 * const plan = parsePlanCsv(readFileSync('tasks.csv', 'utf8'), { base: parsePlan(readFileSync('plan.json', 'utf8')) });
 * ```
 * @category Excel
 */
export function parsePlanCsv(text: string, options: ParsePlanCsvOptions): Plan {
  ensureString(text, 'text');
  const read = readOptions<Partial<ParsePlanCsvOptions>>(options, {
    source: stringOption,
    base: (value) => (isPlainObject(value) ? undefined : `expected a plan, got ${kindOf(value)}`),
  });
  if (read.base === undefined) invalidOption('base', 'the base plan (its id, title and period) is required');
  options = { ...read, base: ensurePlan(read.base) };
  const { rows, issues: csvIssues } = parseCsvRows(text);
  const source = options.source;
  if (csvIssues.length > 0)
    throw new DubanError('INVALID_PLAN', `${source ?? 'CSV'}: ${csvIssues.length} problem(s)`, {
      issues: csvIssues,
      ...(source === undefined ? {} : { source }),
    });
  let header: readonly string[] = [];
  const table = {
    rows: rows.map((row) => row.cells.map((cell): CellValue => (cell === '' ? null : restoreCsvText(cell)))),
    address: (row: number, column: number) => {
      const name = header[column]?.trim() ?? '';
      return `line ${rows[row]?.line ?? row + 1}, column ${name === '' ? column + 1 : name}`;
    },
  };
  header = (rows[findHeaderRow(table) ?? 0]?.cells ?? []).map(restoreCsvText);
  const issues = new CellIssues();
  const { tasks } = readTaskTable(table, issues);
  return finishPlan({ ...baseKeys(options.base), formatVersion: 1, tasks }, issues, 'line 1', source);
}
