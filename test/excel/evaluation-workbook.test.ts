import { describe, expect, it } from 'vitest';
import { writeEvaluationWorkbook } from '../../src/excel/index.js';
import { evaluatePlan } from '../../src/index.js';
import { loadExample, smallPlan } from '../report/helpers.js';
import { openWorkbook, sheetValues } from './helpers.js';

const fillOf = (cell: { fill?: unknown }) => (cell.fill as { fgColor?: { argb?: string } } | undefined)?.fgColor?.argb;

describe('writeEvaluationWorkbook', () => {
  it('writes 总体情况, one sheet per category and 分单位统计, with the counts of the evaluation', async () => {
    const plan = loadExample('xuchang-2017-h1.plan.json');
    const evaluation = await evaluatePlan(plan);
    const workbook = await openWorkbook(await writeEvaluationWorkbook(plan, evaluation));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      '总体情况',
      '1 经济运行与项目建设',
      '2 农业农村与脱贫攻坚',
      '3 生态环境',
      '4 民生与社会事业',
      '5 政府自身建设与其他',
      '分单位统计',
    ]);
    const overview = sheetValues(workbook.getWorksheet('总体情况')!);
    expect(overview[2]).toEqual(['从督查情况看，25项工作中，14项已完成，6项有序推进，4项需要加大力度，1项存在突出问题。']);
    const statusRows = overview.slice(5, 9);
    expect(statusRows).toEqual(evaluation.summary.byStatus.filter((status) => status.count > 0).map((status) => [status.label, status.count]));
    for (const category of plan.categories!) {
      const sheet = workbook.worksheets.find((candidate) => candidate.name.startsWith(`${category.id} `))!;
      const ids = sheetValues(sheet)
        .slice(1)
        .map((row) => row[0]);
      expect(ids).toEqual(plan.tasks.filter((task) => task.category === category.id).map((task) => task.id));
    }
  });

  it('writes each task’s status in its traffic-light colour, and progress and 序时进度 as percentages', async () => {
    const plan = smallPlan();
    const evaluation = await evaluatePlan(plan);
    const workbook = await openWorkbook(await writeEvaluationWorkbook(plan, evaluation));
    const sheet = workbook.getWorksheet('B 重点工作')!;
    const header = sheetValues(sheet)[0] as string[];
    expect(header).toEqual([
      '序号',
      '任务内容',
      '牵头单位',
      '配合单位',
      '牵头领导',
      '状态',
      '目标',
      '实际',
      '完成进度',
      '序时进度',
      '进度差(个百分点)',
      '余量',
      '说明',
      '规则',
    ]);
    const rowOf = (id: string) => {
      let found: import('exceljs').Row | undefined;
      sheet.eachRow((row) => {
        if (row.getCell(1).value === id) found = row;
      });
      return found!;
    };
    const w1 = rowOf('W1');
    expect([
      w1.getCell(6).value,
      fillOf(w1.getCell(6)),
      w1.getCell(7).value,
      w1.getCell(8).value,
      w1.getCell(9).value,
      w1.getCell(10).value,
      w1.getCell(11).value,
    ]).toEqual(['有序推进', 'FFE2F3E3', '6000套', '3300套', 0.55, 0.5, 5]);
    expect(w1.getCell(9).numFmt).toBe('0.0%');
    expect([rowOf('W4').getCell(6).value, fillOf(rowOf('W4').getCell(6))]).toEqual(['存在突出问题', 'FFFBDADA']);
    expect([rowOf('W3').getCell(6).value, fillOf(rowOf('W3').getCell(6))]).toEqual(['取消', 'FFF4F4F4']);
    expect(rowOf('W2').getCell(13).value).toBe(evaluation.results.find((result) => result.taskId === 'W2')!.explanation);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['总体情况', 'A 主要指标', 'B 重点工作', '未分类', '分单位统计']);
  });

  it('adds a 进度变化 sheet with each task’s status at every date when given several evaluations', async () => {
    const plan = smallPlan();
    const evaluations = [await evaluatePlan(plan, { asOf: '2018-03-31' }), await evaluatePlan(plan, { asOf: '2018-06-30' })];
    const workbook = await openWorkbook(await writeEvaluationWorkbook(plan, evaluations));
    const rows = sheetValues(workbook.getWorksheet('进度变化')!);
    expect(rows[0]).toEqual(['序号', '任务内容', '2018-03-31', '2018-06-30', '变化']);
    expect(rows.find((row) => row[0] === 'G1')).toEqual(['G1', '地区生产总值增长8%', '需要加大力度', '有序推进', '是']);
    expect(rows.find((row) => row[0] === 'W3')).toEqual(['W3', '园林绿化养护市场化试点', '有序推进', '取消', '是']);
  });

  it('writes the same bytes for the same evaluation', async () => {
    const plan = loadExample('jinzhou-2016-h1.plan.json');
    const evaluation = await evaluatePlan(plan, { rules: 'three-level' });
    expect(Buffer.from(await writeEvaluationWorkbook(plan, evaluation)).equals(Buffer.from(await writeEvaluationWorkbook(plan, evaluation)))).toBe(true);
  });
});
