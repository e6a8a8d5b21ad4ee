// Issue #14: a 10 KB xlsx with one cell at A1048576 (or XFD1048576) made
// import-excel walk a million rows and die out of memory after ~95 s; an 11 MB
// xlsx of a million rows aborted at 4.4 GB; the size limit counted only the
// compressed bytes. The zip's declared and actual uncompressed sizes and each
// sheet's rows, columns, cells and dimension are now checked before exceljs
// reads the workbook, and refused with a DubanError (exit 2 in the CLI).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPlanWorkbook, writePlanWorkbook } from '../../src/excel/index.js';
import { isDubanError, MAX_WORKBOOK_BYTES, MAX_WORKBOOK_COLUMNS, MAX_WORKBOOK_ROWS, parsePlan, type DubanIssue } from '../../src/index.js';
import { requireBuiltCli, runCli } from './run-cli.js';

const PLAN = parsePlan({
  formatVersion: 1,
  id: 'workbook-limits',
  title: '工作簿上限',
  period: { start: '2018-01-01', end: '2018-12-31' },
  tasks: [{ id: 'T1', title: '出台方案', target: { kind: 'binary', completedOn: null } }],
});

/** A plan workbook with one more cell far away on the task sheet. */
async function withFarCell(address: string): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await writePlanWorkbook(PLAN)) as unknown as ArrayBuffer);
  workbook.getWorksheet('任务分解')!.getCell(address).value = 'x';
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function refusal(bytes: Uint8Array, code = 'LIMIT_EXCEEDED'): Promise<readonly DubanIssue[]> {
  try {
    await readPlanWorkbook(bytes, { source: 'far.xlsx' });
  } catch (error) {
    expect(isDubanError(error)).toBe(true);
    expect((error as { code: string }).code).toBe(code);
    return (error as { issues: DubanIssue[] }).issues;
  }
  throw new Error('expected a DubanError');
}

/** The offset of each central directory entry of a zip, by name. */
function centralEntries(bytes: Uint8Array): Map<string, number> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = bytes.length - 22;
  while (view.getUint32(end, true) !== 0x06054b50) end--;
  const entries = new Map<string, number>();
  let at = view.getUint32(end + 16, true);
  for (let k = 0; k < view.getUint16(end + 10, true); k++) {
    const nameLength = view.getUint16(at + 28, true);
    entries.set(new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)), at);
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

describe('workbook limits, checked before exceljs', () => {
  it('the plain workbook still reads', async () => {
    expect(await readPlanWorkbook(await writePlanWorkbook(PLAN))).toEqual(PLAN);
  });

  it('one cell at A1048576 is refused at once (it made import-excel walk a million rows)', async () => {
    const bytes = await withFarCell('A1048576');
    expect(bytes.length).toBeLessThan(20_000);
    const started = Date.now();
    const issues = await refusal(bytes);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(issues).toEqual([
      {
        code: 'too_many',
        path: 'xl/worksheets/sheet1.xml',
        keys: ['xl/worksheets/sheet1.xml'],
        message: `工作表用到第 1048576 行，超过上限 ${MAX_WORKBOOK_ROWS} 行 / the sheet reaches row 1048576, more than the limit of ${MAX_WORKBOOK_ROWS} rows`,
      },
    ]);
  });

  it('one cell at XFD1048576 is refused for its row and its column', async () => {
    const issues = await refusal(await withFarCell('XFD1048576'));
    expect(issues.map((issue) => issue.message.split(' / ')[1])).toEqual([
      `the sheet reaches row 1048576, more than the limit of ${MAX_WORKBOOK_ROWS} rows`,
      `the sheet reaches column 16384, more than the limit of ${MAX_WORKBOOK_COLUMNS} columns`,
    ]);
  });

  it('a cell at row 20 000 is within the limits', async () => {
    const read = await readPlanWorkbook(await withFarCell('A20000')).then(
      () => [],
      (error: { issues: DubanIssue[] }) => error.issues,
    );
    expect(read.every((issue) => !issue.message.includes('more than the limit'))).toBe(true);
  });

  it('a used range over MAX_WORKBOOK_CELLS is refused (column 1 000 down to row 2 001)', async () => {
    const issues = await refusal(await withFarCell('ALL2001'));
    expect(issues).toEqual([
      {
        code: 'too_many',
        path: 'xl/worksheets/sheet1.xml',
        keys: ['xl/worksheets/sheet1.xml'],
        message: expect.stringMatching(/the sheet's used range has \d+ cells, more than the limit of 2000000$/) as unknown,
      },
    ]);
  });

  it('a declared uncompressed size over MAX_WORKBOOK_BYTES is refused before anything is inflated', async () => {
    const bytes = await writePlanWorkbook(PLAN);
    const at = centralEntries(bytes).get('xl/worksheets/sheet1.xml')!;
    new DataView(bytes.buffer, bytes.byteOffset).setUint32(at + 24, MAX_WORKBOOK_BYTES + 1, true);
    const issues = await refusal(bytes);
    expect(issues[0]!.code).toBe('too_large');
    expect(issues[0]!.message).toMatch(/the workbook is \d+ bytes uncompressed, more than the limit of 67108864 \(64 MiB\)$/);
  });

  it('an entry that inflates past its declared size (a forged zip) is refused', async () => {
    const bytes = await writePlanWorkbook(PLAN);
    const at = centralEntries(bytes).get('xl/worksheets/sheet1.xml')!;
    new DataView(bytes.buffer, bytes.byteOffset).setUint32(at + 24, 10, true);
    const issues = await refusal(bytes, 'INVALID_PLAN');
    expect(issues).toEqual([
      {
        code: 'invalid_format',
        path: 'xl/worksheets/sheet1.xml',
        keys: ['xl/worksheets/sheet1.xml'],
        message: expect.stringContaining('inflates to more than the 10 bytes the zip declares') as unknown,
      },
    ]);
  });
});

describe('import-excel refuses with exit 2', () => {
  beforeAll(requireBuiltCli);
  it('a far cell', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duban-far-'));
    const file = join(dir, 'far.xlsx');
    writeFileSync(file, await withFarCell('XFD1048576'));
    const run = await runCli(['import-excel', file, '--out', join(dir, 'plan.json')], { timeoutMs: 30_000 });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${file}: xl/worksheets/sheet1.xml: 工作表用到第 1048576 行`);
  });
});
