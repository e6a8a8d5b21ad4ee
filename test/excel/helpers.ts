// Builds workbooks the way an analyst's spreadsheet would look, and reads
// workbooks back with exceljs to check their layout.
import { inflateRawSync } from 'node:zlib';
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

/** The text of every entry of a ZIP archive (an .xlsx file), by name: read with node:zlib, so the test trusts no ZIP library. */
export function zipTextEntries(bytes: Uint8Array): Map<string, string> {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = data.length - 22;
  while (end >= 0 && data.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error('not a ZIP archive: no end of central directory');
  const entries = new Map<string, string>();
  let offset = data.readUInt32LE(end + 16);
  for (let n = data.readUInt16LE(end + 10); n > 0; n--) {
    if (data.readUInt32LE(offset) !== 0x02014b50) throw new Error(`not a central directory entry at ${offset}`);
    const method = data.readUInt16LE(offset + 10);
    const size = data.readUInt32LE(offset + 20);
    const nameLength = data.readUInt16LE(offset + 28);
    const local = data.readUInt32LE(offset + 42);
    const name = data.toString('utf8', offset + 46, offset + 46 + nameLength);
    const start = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28);
    const stored = data.subarray(start, start + size);
    entries.set(name, (method === 8 ? inflateRawSync(stored) : stored).toString('utf8'));
    offset += 46 + nameLength + data.readUInt16LE(offset + 30) + data.readUInt16LE(offset + 32);
  }
  return entries;
}
