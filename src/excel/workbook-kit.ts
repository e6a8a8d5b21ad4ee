import type { Workbook, Worksheet } from 'exceljs';
import { DubanError, type DubanIssue } from '../errors.js';
import { importOptionalPeer } from '../optional-peer.js';
import type { CalendarDate } from '../model/calendar-date.js';
import type { StatusTone } from '../report/status-tone.js';
import type { CellValue, Table } from './plan-table.js';
import { normalizeZipTimestamps } from './zip-timestamps.js';
import { checkWorkbookLimits } from './zip-limits.js';
import { MAX_WORKBOOK_CELLS, MAX_WORKBOOK_COLUMNS, MAX_WORKBOOK_ROWS } from '../model/limits.js';
import { bilingual } from '../model/suggest.js';

/** What to install, in Chinese and English, when exceljs is missing. */
export const EXCELJS_MISSING_MESSAGE =
  'Excel 功能需要可选依赖 exceljs，但它没有安装。请运行 npm install exceljs。 / the Excel features need the optional dependency exceljs, which is not installed: run npm install exceljs';

/**
 * exceljs, loaded when a workbook is first read or written, so that importing `duban/excel` costs
 * nothing until then. exceljs is an optional peer dependency: when it is not installed, this throws
 * a `MISSING_DEPENDENCY` {@link DubanError} saying what to install.
 */
export async function loadExcel(): Promise<typeof import('exceljs')> {
  const module = await importOptionalPeer<typeof import('exceljs') & { default?: typeof import('exceljs') }>(
    'exceljs',
    () => import('exceljs'),
    EXCELJS_MISSING_MESSAGE,
  );
  return module.default ?? module;
}

/** A new workbook whose document dates are fixed, so the same input writes the same bytes. */
export async function newWorkbook(date: CalendarDate): Promise<Workbook> {
  const ExcelJS = await loadExcel();
  const workbook = new ExcelJS.Workbook();
  const fixed = new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))));
  workbook.creator = 'duban';
  workbook.lastModifiedBy = 'duban';
  workbook.created = fixed;
  workbook.modified = fixed;
  return workbook;
}

/** Writes a workbook to .xlsx bytes, with the archive's timestamps fixed. */
export async function workbookBytes(workbook: Workbook): Promise<Uint8Array> {
  const buffer = (await workbook.xlsx.writeBuffer()) as unknown as ArrayBuffer | Uint8Array;
  const bytes = buffer instanceof Uint8Array ? new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength) : new Uint8Array(buffer);
  return normalizeZipTimestamps(bytes);
}

/** Reads .xlsx bytes into a workbook, or throws `INVALID_PLAN` naming the file. */
export async function readWorkbook(data: Uint8Array | ArrayBuffer, source: string | undefined): Promise<Workbook> {
  const ExcelJS = await loadExcel();
  // Sizes, rows and cells first: exceljs would hold whatever the zip inflates to.
  await checkWorkbookLimits(data instanceof Uint8Array ? data : new Uint8Array(data), source);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load((data instanceof Uint8Array ? data : new Uint8Array(data)) as unknown as ArrayBuffer);
  } catch (cause) {
    throw new DubanError('INVALID_PLAN', `${source ?? 'workbook'}: not an .xlsx workbook`, {
      issues: [{ code: 'invalid_format', path: '$', keys: [], message: `not an .xlsx workbook: ${cause instanceof Error ? cause.message : String(cause)}` }],
      ...(source === undefined ? {} : { source }),
      cause,
    });
  }
  return workbook;
}

/**
 * Text as a workbook can hold it and give back unchanged: characters XML 1.0
 * forbids (control characters, carriage returns, lone surrogates, U+FFFE/U+FFFF)
 * are written as Excel's `_xHHHH_` escapes, and an `_` that would start such an
 * escape is itself escaped as `_x005F_`. exceljs decodes these when it reads.
 */
export function xmlSafe(text: string): string {
  return text.replace(/_(?=x[0-9A-F]{4}_)/g, '_x005F_').replace(
    // eslint-disable-next-line no-control-regex -- these are exactly the characters XML cannot hold
    /[\u0000-\u0008\u000B\u000C\u000D\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    (char) => `_x${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
  );
}

/**
 * What duban writes into a cell: text, a number, a boolean, a date or nothing.
 * Text always becomes a text cell, however it starts (`=HYPERLINK(…)` is kept
 * literally, never run): exceljs writes a formula, a hyperlink or rich text only
 * for an object value (`{ formula }`, `{ sharedFormula }`, `{ hyperlink }`,
 * `{ richText }`), which this type leaves out, so no user text can become one.
 */
export type WorkbookValue = string | number | boolean | Date | null;

/** Cell values with every string made {@link xmlSafe}: the one way duban's workbooks are filled. */
export const safeValues = (values: readonly WorkbookValue[]): WorkbookValue[] => values.map((value) => (typeof value === 'string' ? xmlSafe(value) : value));

/** The column letters of a 0-based column index: 0 → A, 26 → AA. */
export function columnLetters(column: number): string {
  let n = column + 1;
  let out = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    out = String.fromCharCode(65 + rest) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** A calendar date from a date cell (exceljs reads dates as UTC). */
const utcDate = (date: Date): CalendarDate => date.toISOString().slice(0, 10);

/**
 * A worksheet as a {@link Table}: values normalised (rich text joined, formulas
 * replaced by their results, dates as calendar dates, the covered cells of a
 * merge empty). Cells holding an error (`#N/A`) or a formula without a stored
 * result are returned as problems, named by sheet and cell.
 */
export function sheetTable(sheet: Worksheet): { table: Table; problems: DubanIssue[] } {
  const address = (row: number, column: number) => `${sheet.name}!${columnLetters(column)}${row + 1}`;
  const cellAt = (row: number, column: number) => ({ path: address(row, column), keys: [sheet.name, `${columnLetters(column)}${row + 1}`] });
  const problems: DubanIssue[] = [];
  const rows: CellValue[][] = [];
  const normalise = (value: unknown, row: number, column: number): CellValue => {
    if (value === null || value === undefined) return null;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
    if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : { date: utcDate(value) };
    const object = value as Record<string, unknown>;
    if (Array.isArray(object.richText)) return (object.richText as { text: string }[]).map((run) => run.text).join('');
    if (typeof object.hyperlink === 'string') return typeof object.text === 'string' ? object.text : normalise(object.text, row, column);
    if ('formula' in object || 'sharedFormula' in object) {
      if (object.result === undefined) {
        problems.push({
          ...cellAt(row, column),
          code: 'unsupported',
          message: 'a formula without a stored result: open and save the workbook in Excel, or paste the values',
        });
        return null;
      }
      return normalise(object.result, row, column);
    }
    if (typeof object.error === 'string') {
      problems.push({ ...cellAt(row, column), code: 'unsupported', message: `the cell holds the error ${object.error}` });
      return null;
    }
    problems.push({ ...cellAt(row, column), code: 'unsupported', message: 'a cell value duban cannot read' });
    return null;
  };
  // exceljs computes rowCount and columnCount by walking every row: read them once.
  const rowCount = sheet.rowCount;
  const columnCount = sheet.columnCount;
  // checkWorkbookLimits counted the XML; a sheet built in memory is bounded here too, before the walk.
  if (rowCount > MAX_WORKBOOK_ROWS || columnCount > MAX_WORKBOOK_COLUMNS || rowCount * columnCount > MAX_WORKBOOK_CELLS) {
    problems.push({
      ...cellAt(Math.min(rowCount, MAX_WORKBOOK_ROWS + 1) - 1, Math.min(columnCount, MAX_WORKBOOK_COLUMNS + 1) - 1),
      code: 'too_many',
      message: bilingual(
        `工作表用到 ${rowCount} 行 ${columnCount} 列，超过上限（${MAX_WORKBOOK_ROWS} 行、${MAX_WORKBOOK_COLUMNS} 列、${MAX_WORKBOOK_CELLS} 个单元格）`,
        `the sheet uses ${rowCount} rows and ${columnCount} columns, more than the limits (${MAX_WORKBOOK_ROWS} rows, ${MAX_WORKBOOK_COLUMNS} columns, ${MAX_WORKBOOK_CELLS} cells)`,
      ),
    });
    return { table: { rows: [], address }, problems };
  }
  for (let r = 1; r <= rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: CellValue[] = [];
    for (let c = 1; c <= Math.max(columnCount, row.cellCount); c++) {
      const cell = row.getCell(c);
      cells.push(cell.isMerged && cell.master !== cell ? null : normalise(cell.value, r - 1, c - 1));
    }
    rows.push(cells);
  }
  return { table: { rows, address }, problems };
}

/** Fills a worksheet with a header row and rows of cells; dates get a date format. */
export function fillSheet(
  sheet: Worksheet,
  header: readonly string[],
  rows: readonly (readonly CellValue[])[],
  widths: Readonly<Record<string, number>> = {},
): void {
  sheet.addRow(safeValues(header));
  for (const row of rows) {
    sheet.addRow(safeValues(row.map((cell) => (cell !== null && typeof cell === 'object' ? new Date(`${cell.date}T00:00:00Z`) : cell))));
  }
  styleHeader(sheet, header.length);
  header.forEach((title, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = widths[title] ?? Math.max(10, Math.min(40, title.length * 2 + 4));
  });
  rows.forEach((row, r) => {
    row.forEach((cell, c) => {
      const target = sheet.getRow(r + 2).getCell(c + 1);
      if (cell !== null && typeof cell === 'object') target.numFmt = 'yyyy-mm-dd';
      if (typeof cell === 'string' && (cell.includes('\n') || cell.length > 30)) target.alignment = { wrapText: true, vertical: 'top' };
    });
  });
}

/** Bold header on a grey ground, frozen. */
export function styleHeader(sheet: Worksheet, columns: number, row = 1): void {
  const header = sheet.getRow(row);
  for (let c = 1; c <= columns; c++) {
    const cell = header.getCell(c);
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDE8' } };
    cell.border = { bottom: { style: 'thin', color: { argb: 'FF999999' } } };
  }
  sheet.views = [{ state: 'frozen', ySplit: row }];
}

/** Fill colours (ARGB) of the traffic-light tones, as in the HTML bulletin. */
export const TONE_FILLS: Readonly<Record<StatusTone, string>> = {
  done: 'FFD4ECD9',
  good: 'FFE2F3E3',
  warn: 'FFFFF0C2',
  bad: 'FFFBDADA',
  none: 'FFECECEC',
  off: 'FFF4F4F4',
  other: 'FFDDE7F6',
};

/** A worksheet name Excel accepts: no `[]:*?/\`, at most 31 characters, unique in the workbook. */
export function sheetName(wanted: string, taken: Set<string>): string {
  const clean =
    wanted
      // eslint-disable-next-line no-control-regex -- sheet names cannot hold control characters
      .replace(/[[\]:*?/\\\u0000-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/g, ' ')
      .replace(/^'+|'+$/g, '')
      .trim() || '表';
  let name = [...clean].slice(0, 31).join('');
  for (let n = 2; taken.has(name.toLowerCase()); n++) {
    const suffix = `(${n})`;
    name = [...clean].slice(0, 31 - suffix.length).join('') + suffix;
  }
  taken.add(name.toLowerCase());
  return name;
}
