import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { parsePlan } from '../../src/index.js';
import { loadExample } from '../report/helpers.js';
import { day, openWorkbook, workbookOf } from './helpers.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const example = (name: string) => join(root, 'examples', name);
const tmp = () => mkdtempSync(join(tmpdir(), 'duban-excel-'));

async function run(args: string[], stdin = '') {
  let stdout = '';
  let stderr = '';
  const status = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), stdin: () => stdin, now: Date.UTC(2018, 5, 30, 12) });
  return { status, stdout, stderr };
}

describe('duban export-excel and import-excel', () => {
  it('round-trips a seed example through a workbook', async () => {
    const dir = tmp();
    const book = join(dir, '任务分解表.xlsx');
    expect(await run(['export-excel', example('xianning-2018-q1.plan.json'), '--out', book])).toEqual({ status: 0, stdout: '', stderr: '' });
    const imported = await run(['import-excel', book]);
    expect(imported.status).toBe(0);
    expect(parsePlan(imported.stdout)).toEqual(loadExample('xianning-2018-q1.plan.json'));
  });

  it('round-trips a task table through CSV on stdout, with the plan as --base', async () => {
    const dir = tmp();
    const exported = await run(['export-excel', example('xuchang-2017-h1.plan.json')]);
    expect(exported.stdout.startsWith('\uFEFF序号,分类,任务内容')).toBe(true);
    writeFileSync(join(dir, 'tasks.csv'), exported.stdout);
    const out = join(dir, 'plan.json');
    expect((await run(['import-excel', join(dir, 'tasks.csv'), '--base', example('xuchang-2017-h1.plan.json'), '--out', out])).status).toBe(0);
    expect(parsePlan(readFileSync(out, 'utf8'))).toEqual(loadExample('xuchang-2017-h1.plan.json'));
  });

  it('exits 2 naming every bad cell, and writes nothing', async () => {
    const dir = tmp();
    const book = join(dir, 'bad.xlsx');
    writeFileSync(
      book,
      await workbookOf(
        [
          '任务分解',
          [
            ['序号', '任务内容', '类型', '指标', '目标值', '单位', '完成时限'],
            ['T1', '任务', '累计', '量', 'abc', '个', day('2018-12-31')],
            ['T2', '任务', '累计', '量', 5, '个', '明年'],
          ],
        ],
        [
          '计划',
          [
            ['编号', 'p'],
            ['标题', '计划'],
            ['开始日期', '2018-01-01'],
            ['结束日期', '2018-12-31'],
          ],
        ],
      ),
    );
    const out = join(dir, 'plan.json');
    const { status, stdout, stderr } = await run(['import-excel', book, '--out', out]);
    expect([status, stdout]).toEqual([2, '']);
    expect(stderr).toBe(
      `duban: ${book}: 任务分解!E2: 目标值: not a number: "abc"\nduban: ${book}: 任务分解!G3: 完成时限: not a real calendar date YYYY-MM-DD: "明年"\n`,
    );
    expect(existsSync(out)).toBe(false);
  });

  it.each([
    [['import-excel', 'plan.txt'], 'expected a .xlsx or .csv file, got "plan.txt"'],
    [['import-excel', 'tasks.csv'], '--base PLAN.json is needed for a CSV task table'],
    [['export-excel', 'plan.json', '--format', 'xlsx'], '--format xlsx needs --out FILE.xlsx'],
    [['export-excel', 'plan.json', '--out', 'plan.ods'], '--out: expected a .xlsx or .csv file name'],
    [['report', 'plan.json', '--format', 'xlsx'], '--format xlsx needs --out FILE.xlsx'],
  ])('exits 2 for %j', async (args, message) => {
    const { status, stdout, stderr } = await run(args);
    expect([status, stdout]).toEqual([2, '']);
    expect(stderr).toContain(message);
  });
});

describe('duban report --format xlsx', () => {
  it('writes the evaluation workbook, with a 进度变化 sheet for several dates', async () => {
    const dir = tmp();
    const out = join(dir, 'result.xlsx');
    expect(await run(['report', example('xuchang-2017-h1.plan.json'), '--as-of', 'all', '--format', 'xlsx', '--out', out])).toEqual({
      status: 0,
      stdout: '',
      stderr: '',
    });
    const workbook = await openWorkbook(readFileSync(out));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toContain('进度变化');
    expect(workbook.getWorksheet('总体情况')!.getRow(3).getCell(1).value).toBe(
      '从督查情况看，25项工作中，14项已完成，6项有序推进，4项需要加大力度，1项存在突出问题。',
    );
  });
});
