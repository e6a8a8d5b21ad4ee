// The size of a workbook, checked before exceljs sees it. An .xlsx is a zip:
// 10 KB can declare a cell at XFD1048576 (and exceljs then holds a million
// rows), 11 MB can inflate to a million rows (4.4 GB in exceljs). The central
// directory's declared sizes are checked first, then every entry is inflated
// as a stream (DecompressionStream: no Node API, nothing held) to check that
// it is no larger than declared, and each worksheet's rows, cells, highest
// cell and declared dimension are counted against the limits.
import { DubanError, inputErrorCode, type DubanIssue } from '../errors.js';
import { MAX_WORKBOOK_BYTES, MAX_WORKBOOK_CELLS, MAX_WORKBOOK_COLUMNS, MAX_WORKBOOK_ROWS } from '../model/limits.js';
import { bilingual } from '../model/suggest.js';

interface Entry {
  readonly name: string;
  readonly method: number;
  readonly compressed: number;
  readonly uncompressed: number;
  readonly offset: number;
}

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;

/** The entries of the central directory, or `undefined` when there is none (not a zip: exceljs reports it). */
function centralDirectory(bytes: Uint8Array): Entry[] | 'zip64' | undefined {
  let end = -1;
  for (let i = bytes.length - 22; i >= 0 && i >= bytes.length - 22 - 0xffff; i--) {
    if (u32(bytes, i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end === -1) return undefined;
  const count = u16(bytes, end + 10);
  const offset = u32(bytes, end + 16);
  if (count === 0xffff || offset === 0xffffffff) return 'zip64';
  const entries: Entry[] = [];
  let at = offset;
  for (let k = 0; k < count; k++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) return undefined;
    const nameLength = u16(bytes, at + 28);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    const entry = { name, method: u16(bytes, at + 10), compressed: u32(bytes, at + 20), uncompressed: u32(bytes, at + 24), offset: u32(bytes, at + 42) };
    if (entry.compressed === 0xffffffff || entry.uncompressed === 0xffffffff || entry.offset === 0xffffffff) return 'zip64';
    entries.push(entry);
    at += 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
  }
  return entries;
}

/** What a worksheet's XML holds: rows and cells, the highest row and column used, the dimension it declares. */
interface SheetCount {
  rows: number;
  cells: number;
  lastRow: number;
  lastColumn: number;
}

/** The number of a column's letters: A is 1, XFD is 16 384. */
function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + letters.charCodeAt(i) - 64;
  return n;
}

const ROW = /<row\b[^>]*?\sr="(\d+)"/g;
const CELL = /<c\b(?:[^>]*?\sr="([A-Z]{1,3})(\d+)")?/g;
const DIMENSION = /<dimension\s+ref="(?:[A-Z]{1,3}\d+:)?([A-Z]{1,3})(\d+)"/g;

/** Counts rows, cells and the highest cell in `text`, counting only matches that end past `from` (the rest were counted before). */
function countSheet(count: SheetCount, text: string, from: number): void {
  for (const match of text.matchAll(ROW)) {
    if (match.index + match[0].length <= from) continue;
    count.rows++;
    count.lastRow = Math.max(count.lastRow, Number(match[1]));
  }
  for (const match of text.matchAll(CELL)) {
    if (match.index + match[0].length <= from) continue;
    count.cells++;
    if (match[1] !== undefined) {
      count.lastColumn = Math.max(count.lastColumn, columnNumber(match[1]));
      count.lastRow = Math.max(count.lastRow, Number(match[2]));
    }
  }
  for (const match of text.matchAll(DIMENSION)) {
    if (match.index + match[0].length <= from) continue;
    count.lastColumn = Math.max(count.lastColumn, columnNumber(match[1]!));
    count.lastRow = Math.max(count.lastRow, Number(match[2]));
  }
}

/** Inflates one entry as a stream, stopping as soon as it passes its declared size; counts a worksheet on the way. */
async function inflate(bytes: Uint8Array, entry: Entry, sheet: SheetCount | undefined): Promise<'ok' | 'larger'> {
  const local = entry.offset;
  if (u32(bytes, local) !== 0x04034b50) return 'ok'; // exceljs reports a broken zip
  const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
  const data = bytes.subarray(start, start + entry.compressed);
  if (entry.method === 0) {
    if (sheet !== undefined) countSheet(sheet, new TextDecoder().decode(data), 0);
    return data.length > entry.uncompressed ? 'larger' : 'ok';
  }
  if (entry.method !== 8) return 'ok'; // exceljs refuses other methods
  const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let total = 0;
  let tail = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > entry.uncompressed) return 'larger';
      if (sheet !== undefined) {
        const text = tail + decoder.decode(value, { stream: true });
        countSheet(sheet, text, tail.length);
        tail = text.slice(-200);
      }
    }
  } catch {
    return 'ok'; // corrupt data: exceljs reports it
  } finally {
    void reader.cancel().catch(() => undefined);
  }
  return 'ok';
}

/**
 * Refuses a workbook over the limits of limits.ts before exceljs reads it:
 * more than {@link MAX_WORKBOOK_BYTES} uncompressed (as declared, and as
 * actually inflated), or a worksheet with more than {@link MAX_WORKBOOK_ROWS}
 * rows, {@link MAX_WORKBOOK_COLUMNS} columns or {@link MAX_WORKBOOK_CELLS}
 * cells, counting its highest cell and the dimension it declares.
 *
 * @throws DubanError `LIMIT_EXCEEDED` (`INVALID_PLAN` for a damaged zip) naming the file and the sheet
 */
export async function checkWorkbookLimits(bytes: Uint8Array, source: string | undefined): Promise<void> {
  const entries = centralDirectory(bytes);
  if (entries === undefined) return;
  const refuse = (issues: DubanIssue[]) =>
    new DubanError(inputErrorCode('INVALID_PLAN', issues), `${source ?? 'workbook'}: over the workbook limits`, {
      issues,
      ...(source === undefined ? {} : { source }),
    });
  if (entries === 'zip64')
    throw refuse([
      {
        code: 'too_large',
        path: '$',
        keys: [],
        message: bilingual(
          `工作簿使用 ZIP64（4 GiB 以上），超过上限 ${MAX_WORKBOOK_BYTES} 字节`,
          `the workbook is a ZIP64 archive (over 4 GiB), more than the limit of ${MAX_WORKBOOK_BYTES} bytes`,
        ),
      },
    ]);
  const declared = entries.reduce((sum, entry) => sum + entry.uncompressed, 0);
  if (declared > MAX_WORKBOOK_BYTES) {
    throw refuse([
      {
        code: 'too_large',
        path: '$',
        keys: [],
        message: bilingual(
          `工作簿解压后 ${declared} 字节，超过上限 ${MAX_WORKBOOK_BYTES}（${MAX_WORKBOOK_BYTES >> 20} MiB）`,
          `the workbook is ${declared} bytes uncompressed, more than the limit of ${MAX_WORKBOOK_BYTES} (${MAX_WORKBOOK_BYTES >> 20} MiB)`,
        ),
      },
    ]);
  }
  const issues: DubanIssue[] = [];
  for (const entry of entries) {
    const sheetName = /^xl\/worksheets\/([^/]+)\.xml$/.exec(entry.name)?.[1];
    const count: SheetCount | undefined = sheetName === undefined ? undefined : { rows: 0, cells: 0, lastRow: 0, lastColumn: 0 };
    if ((await inflate(bytes, entry, count)) === 'larger') {
      issues.push({
        code: 'invalid_format',
        path: entry.name,
        keys: [entry.name],
        message: bilingual(
          `压缩包中的 ${entry.name} 解压后比声明的 ${entry.uncompressed} 字节更大：文件已损坏或被篡改`,
          `${entry.name} inflates to more than the ${entry.uncompressed} bytes the zip declares: the file is damaged or forged`,
        ),
      });
      break;
    }
    if (count === undefined) continue;
    const where = `xl/worksheets/${sheetName!}.xml`;
    if (Math.max(count.rows, count.lastRow) > MAX_WORKBOOK_ROWS) {
      issues.push({
        code: 'too_many',
        path: where,
        keys: [where],
        message: bilingual(
          `工作表用到第 ${Math.max(count.rows, count.lastRow)} 行，超过上限 ${MAX_WORKBOOK_ROWS} 行`,
          `the sheet reaches row ${Math.max(count.rows, count.lastRow)}, more than the limit of ${MAX_WORKBOOK_ROWS} rows`,
        ),
      });
    }
    if (count.lastColumn > MAX_WORKBOOK_COLUMNS) {
      issues.push({
        code: 'too_many',
        path: where,
        keys: [where],
        message: bilingual(
          `工作表用到第 ${count.lastColumn} 列，超过上限 ${MAX_WORKBOOK_COLUMNS} 列`,
          `the sheet reaches column ${count.lastColumn}, more than the limit of ${MAX_WORKBOOK_COLUMNS} columns`,
        ),
      });
    }
    // The used range is what reading walks: every cell of it, empty or not.
    const range = Math.max(count.rows, count.lastRow) * count.lastColumn;
    if (issues.length === 0 && Math.max(count.cells, range) > MAX_WORKBOOK_CELLS) {
      issues.push({
        code: 'too_many',
        path: where,
        keys: [where],
        message: bilingual(
          `工作表的使用范围有 ${Math.max(count.cells, range)} 个单元格，超过上限 ${MAX_WORKBOOK_CELLS}`,
          `the sheet's used range has ${Math.max(count.cells, range)} cells, more than the limit of ${MAX_WORKBOOK_CELLS}`,
        ),
      });
    }
    if (issues.length > 0) break;
  }
  if (issues.length > 0) throw refuse(issues);
}
