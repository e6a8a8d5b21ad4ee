// Builds workbooks the way an analyst's spreadsheet would look, and reads
// workbooks back with exceljs to check their layout.
import ExcelJS from 'exceljs';
import { isDubanError } from '../../src/index.js';

/** A sheet: its name and rows of raw exceljs values (a Date for a date cell). */
export type SheetSpec = readonly [name: string, rows: readonly (readonly unknown[])[]];

/** An .xlsx workbook with the given sheets. */
export async function workbookOf(...sheets: SheetSpec[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of sheets) {
    const sheet = workbook.addWorksheet(name);
    for (const row of rows) sheet.addRow([...row]);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A date cell value. */
export const day = (date: string): Date => new Date(`${date}T00:00:00Z`);

/** Reads .xlsx bytes with exceljs. */
export async function openWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

/** The values of a sheet's rows, as plain arrays (1-based cells shifted to 0-based). */
export function sheetValues(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
}

/** The issues of the DubanError a promise or function rejects with. */
export async function issuesOf(run: () => unknown): Promise<{ code: string; issues: { path: string; message: string }[] }> {
  try {
    await run();
  } catch (error) {
    if (isDubanError(error)) return { code: error.code, issues: [...error.issues] };
    throw error;
  }
  throw new Error('expected a DubanError');
}
