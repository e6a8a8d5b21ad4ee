import { describe, expect, it } from 'vitest';
import { formatPlanCsv, parsePlanCsv, TASK_TABLE_COLUMNS } from '../../src/excel/index.js';
import { parsePlan } from '../../src/index.js';
import { loadExample, SEED_EXAMPLES } from '../report/helpers.js';
import { issuesOf } from './helpers.js';

const base = parsePlan({
  formatVersion: 1,
  id: 'demo',
  title: '演示',
  period: { start: '2018-01-01', end: '2018-12-31' },
  categories: [{ id: 'A', title: '经济' }],
  tasks: [],
});

describe('formatPlanCsv and parsePlanCsv', () => {
  for (const name of Object.keys(SEED_EXAMPLES)) {
    it(`gives back ${name} unchanged`, () => {
      const plan = loadExample(name);
      expect(parsePlanCsv(formatPlanCsv(plan), { base: plan })).toEqual(plan);
    });
  }

  it('writes UTF-8 with a byte-order mark, CRLF lines, the task table’s columns and one column per reporting date', () => {
    const csv = formatPlanCsv(loadExample('xianning-2018-q1.plan.json'));
    expect(csv.startsWith('\uFEFF序号,分类,任务内容,类型,')).toBe(true);
    const [header, first] = csv.slice(1).split('\r\n');
    expect(header).toBe(
      [...TASK_TABLE_COLUMNS, '2018-03-31', '2018-03-31 备注', 'x-source', 'x-note', 'x-seed-share', 'x-seed-verdict', 'x-seed-status'].join(','),
    );
    expect(first).toBe('M1,1-1,地区生产总值增长8%,比率,地区生产总值增长,8,不低于,,,%,,,,,,,,,,,,8.5,一季度,实现地区生产总值增长8.5%(预期目标8%),,,,');
  });

  it('takes the tasks from the file and everything else from the base plan', () => {
    const plan = parsePlanCsv(
      '序号,分类,任务内容,类型,指标,目标值,单位,牵头单位,2018-06-30\nT1,A,新建保障性住房6000套,累计,保障性住房,6000,套,"市住建局、各县(市、区)",3300\n',
      { base },
    );
    expect(plan).toEqual({
      ...base,
      tasks: [
        {
          id: 'T1',
          category: 'A',
          title: '新建保障性住房6000套',
          owners: { lead: ['市住建局', '各县(市、区)'] },
          target: { kind: 'cumulative', measure: '保障性住房', unit: '套', value: '6000' },
          observations: [{ asOf: '2018-06-30', value: '3300' }],
        },
      ],
    });
  });

  it('names every problem by line and column', async () => {
    const csv = '序号,分类,任务内容,类型,目标值,完成时限\nT1,A,任务一,累计,-5,2018-12-31\nT2,B,任务二,事项,,2018-13-01\n';
    const { code, issues } = await issuesOf(() => parsePlanCsv(csv, { base, source: 'tasks.csv' }));
    expect(code).toBe('INVALID_PLAN');
    expect(issues).toEqual([
      { code: 'invalid_date', path: 'line 3, column 完成时限', keys: [3, '完成时限'], message: '完成时限: not a real calendar date YYYY-MM-DD: "2018-13-01"' },
      {
        code: 'required',
        path: 'line 2, column 类型',
        keys: [2, '类型'],
        message:
          '任务 T1「任务一」的 target.measure：缺少必填的键 "measure" / task T1 "任务一": target.measure: missing required key "measure" ($.tasks[0].target.measure)',
      },
      {
        code: 'required',
        path: 'line 2, column 类型',
        keys: [2, '类型'],
        message: '任务 T1「任务一」的 target.unit：缺少必填的键 "unit" / task T1 "任务一": target.unit: missing required key "unit" ($.tasks[0].target.unit)',
      },
      {
        code: 'too_small',
        path: 'line 2, column 目标值',
        keys: [2, '目标值'],
        message:
          '任务 T1「任务一」的 target.value：累计型目标必须大于 0，实际是 "-5" / task T1 "任务一": target.value: a cumulative target must be > 0, got "-5" ($.tasks[0].target.value)',
      },
      {
        code: 'unknown_reference',
        path: 'line 3, column 分类',
        keys: [3, '分类'],
        message:
          '任务 T2「任务二」的 category：未知的类别 "B"；是否想写 "A"？可用的类别：A / task T2 "任务二": category: unknown category "B"; did you mean "A"? Valid categories: A ($.tasks[1].category)',
      },
    ]);
  });
});
