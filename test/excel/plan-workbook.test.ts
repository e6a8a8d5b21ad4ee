import { describe, expect, it } from 'vitest';
import { readPlanWorkbook, TASK_TABLE_COLUMNS, writePlanWorkbook } from '../../src/excel/index.js';
import { parsePlan, type Plan } from '../../src/index.js';
import { loadExample, SEED_EXAMPLES } from '../report/helpers.js';
import { day, issuesOf, openWorkbook, sheetValues, workbookOf } from './helpers.js';

const META: readonly (readonly unknown[])[] = [
  ['项目', '内容'],
  ['编号', 'demo-2018'],
  ['标题', '某市2018年政府工作报告任务分解'],
  ['开始日期', day('2018-01-01')],
  ['结束日期', day('2018-12-31')],
];

describe('writePlanWorkbook and readPlanWorkbook', () => {
  for (const name of Object.keys(SEED_EXAMPLES)) {
    it(`gives back ${name} unchanged`, async () => {
      const plan = loadExample(name);
      expect(await readPlanWorkbook(await writePlanWorkbook(plan))).toEqual(plan);
    });
  }

  it('writes the same bytes for the same plan', async () => {
    const plan = loadExample('xianning-2018-q1.plan.json');
    expect(Buffer.from(await writePlanWorkbook(plan)).equals(Buffer.from(await writePlanWorkbook(plan)))).toBe(true);
  });

  it('lays the workbook out as documented: 任务分解, 计划, 分类, 说明; one column per reporting date; typed cells', async () => {
    const plan = loadExample('xuchang-2017-h1.plan.json');
    const workbook = await openWorkbook(await writePlanWorkbook(plan));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['任务分解', '计划', '分类', '说明']);
    const tasks = sheetValues(workbook.getWorksheet('任务分解')!);
    expect(tasks[0]).toEqual([
      ...TASK_TABLE_COLUMNS,
      '2017-05-30',
      '2017-05-30 备注',
      '2017-05-31',
      '2017-05-31 备注',
      '2017-06-20',
      '2017-06-20 备注',
      '2017-06-30',
      '2017-06-30 备注',
      'x-seed-status',
      'x-source',
      'x-note',
    ]);
    const column = (title: string) => (tasks[0] as string[]).indexOf(title);
    const d06 = tasks.find((row) => row[0] === 'D06')!;
    expect([
      d06[column('类型')],
      d06[column('目标值')],
      d06[column('单位')],
      d06[column('牵头单位')],
      d06[column('配合单位')],
      d06[column('牵头领导')],
      d06[column('2017-05-30')],
    ]).toEqual(['累计', 14, '处', '市安监局', '禹州市', '刘胜利', 15]);
    expect(d06[column('完成时限')]).toEqual(day('2017-09-30'));
    const r04 = tasks.find((row) => row[0] === 'R04')!;
    expect(r04[column('类型')]).toBe('节点');
    expect(String(r04[column('节点')]).split('\n')[0]).toMatch(/^[^|]+\|2017-\d\d-\d\d(\|2017-\d\d-\d\d)?$/);
    expect(sheetValues(workbook.getWorksheet('计划')!).slice(0, 4)).toEqual([
      ['项目', '内容'],
      ['编号', 'xuchang-2017'],
      ['标题', plan.title],
      ['发布单位', plan.issuer],
    ]);
  });

  it('reads an analyst’s sheet: a title row above the header, 责任单位 (first unit leads), date cells, values with units, inferred 类型, a base plan for what is missing', async () => {
    const base = parsePlan({
      formatVersion: 1,
      id: 'demo-2018',
      title: '演示',
      period: { start: '2018-01-01', end: '2018-12-31' },
      categories: [{ id: '1', title: '经济' }],
      tasks: [],
    });
    const bytes = await workbookOf([
      'Sheet1',
      [
        ['2018年政府工作报告任务分解表'],
        ['序号', '分类', '任务内容', '类型', '指标', '目标值', '单位', '责任单位', '完成时限', '2018-03-31', '2018-03-31 备注'],
        [1, '1', '城镇新增就业3.7万人', '累计', '城镇新增就业', 3.7, '万人', '市人社局、各县(市、区)', day('2018-12-31'), '10312人', '一季度'],
        [2, '1', '出台优化营商环境实施方案', null, null, null, null, '市发改委', day('2018-06-30')],
        [],
        [3, '1', '居民消费价格涨幅控制在3.5%以内', '比率', '居民消费价格涨幅', '3.5', '%', null, null, 2.9],
      ],
    ]);
    const plan = await readPlanWorkbook(bytes, { base });
    expect(plan.id).toBe('demo-2018');
    expect(plan.tasks).toEqual([
      {
        id: '1',
        category: '1',
        title: '城镇新增就业3.7万人',
        owners: { lead: ['市人社局'], support: ['各县(市、区)'] },
        deadline: '2018-12-31',
        target: { kind: 'cumulative', measure: '城镇新增就业', unit: '万人', value: '3.7' },
        observations: [{ asOf: '2018-03-31', value: '10312', unit: '人', note: '一季度' }],
      },
      {
        id: '2',
        category: '1',
        title: '出台优化营商环境实施方案',
        owners: { lead: ['市发改委'] },
        deadline: '2018-06-30',
        target: { kind: 'binary', completedOn: null },
      },
      {
        id: '3',
        category: '1',
        title: '居民消费价格涨幅控制在3.5%以内',
        target: { kind: 'rate', measure: '居民消费价格涨幅', unit: '%', value: '3.5', bound: 'atLeast' },
        observations: [{ asOf: '2018-03-31', value: '2.9' }],
      },
    ]);
  });

  it('names every bad cell by sheet and cell, all together, with the plan format’s problems traced to their cells', async () => {
    const bytes = await workbookOf(
      [
        '任务分解',
        [
          ['序号', '分类', '任务内容', '类型', '指标', '目标值', '单位', '牵头单位', '开始日期', '完成时限', '备注栏', '2018-03-31'],
          ['T1', 'A', '新建保障性住房', '累计', '保障性住房', 'abc', '套', '市住建局', null, '2018-02-30', null, null],
          ['T2', 'Z', '高新技术企业达到220家', '未知', '高新技术企业', 220, '家'],
          ['T1', null, '重复编号', '事项', null, null, null, null, day('2018-09-01'), day('2018-06-30'), null, 5],
          ['T4', null, '地区生产总值增长8%', '比率', '地区生产总值增长', 8, '%', null, null, null, null, '8.5亿元'],
          [null, null, '没有编号'],
        ],
      ],
      [
        '分类',
        [
          ['编号', '名称'],
          ['A', '经济'],
        ],
      ],
    );
    const { code, issues } = await issuesOf(() => readPlanWorkbook(bytes, { source: 'bad.xlsx' }));
    expect(code).toBe('INVALID_PLAN');
    expect(issues.map((issue) => issue.path)).toEqual([
      '计划!A1',
      '任务分解!K1',
      '任务分解!F2',
      '任务分解!J2',
      '任务分解!B3',
      '任务分解!D3',
      '任务分解!A4',
      '任务分解!J4',
      '任务分解!L4',
      '任务分解!L5',
      '任务分解!A6',
    ]);
    const message = (path: string) => issues.find((issue) => issue.path === path)?.message;
    expect(message('任务分解!K1')).toMatch(/^unknown column "备注栏"/);
    expect(message('任务分解!F2')).toBe('目标值: not a number: "abc"');
    expect(message('任务分解!J2')).toBe('完成时限: not a real calendar date YYYY-MM-DD: "2018-02-30"');
    expect(message('任务分解!D3')).toBe('类型: expected one of 累计, 水平, 比率, 节点, 事项, got "未知"');
    // The plan format's messages: Chinese first, naming the task, then English, then the JSON path.
    expect(message('任务分解!B3')).toMatch(/^任务 T2「[^」]+」的 category：未知的类别 "Z"/);
    expect(message('任务分解!B3')).toMatch(
      / \/ task T2 "[^"]+": category: unknown category "Z"; did you mean "A"\? Valid categories: A \(\$\.tasks\[1\]\.category\)$/,
    );
    expect(message('任务分解!A4')).toMatch(/: id: duplicate task id "T1" \(\$\.tasks\[2\]\.id\)$/);
    expect(message('任务分解!J4')).toMatch(/: deadline: deadline "2018-06-30" is before start "2018-09-01" \(\$\.tasks\[2\]\.deadline\)$/);
    expect(message('任务分解!L4')).toContain(': observations: observations are not allowed on a "binary" target');
    expect(message('任务分解!L5')).toMatch(
      /: observations\[0\]\.unit: unit "亿元" cannot be converted to the target's unit "%" \(\$\.tasks\[3\]\.observations\[0\]\.unit\)$/,
    );
  });

  it.each([
    [
      'a cell that holds an error',
      [
        ['序号', '任务内容'],
        ['T1', { error: '#N/A' }],
      ],
      'unsupported',
      '任务分解!B2',
      'the cell holds the error #N/A',
    ],
    [
      'a value in a column without a header',
      [
        ['序号', '任务内容'],
        ['T1', '任务', '多余'],
      ],
      'required',
      '任务分解!C2',
      'a value in a column without a header',
    ],
    [
      'a number in a date column',
      [
        ['序号', '任务内容', '完成时限'],
        ['T1', '任务', 43465],
      ],
      'invalid_date',
      '任务分解!C2',
      '完成时限: not a real calendar date YYYY-MM-DD: "43465" (a number: format the cell as a date, or write the date as text)',
    ],
    [
      'a 目标值 without 类型',
      [
        ['序号', '任务内容', '目标值'],
        ['T1', '任务', 5],
      ],
      'required',
      '任务分解!C2',
      '类型: needed when 目标值 is given; one of 累计, 水平, 比率, 节点, 事项',
    ],
    [
      'a cell that does not fit the kind',
      [
        ['序号', '任务内容', '类型', '基数'],
        ['T1', '任务', '事项', 5],
      ],
      'inconsistent',
      '任务分解!D2',
      '基数: does not apply to a 事项 (binary) target',
    ],
    [
      'a bad 节点 line',
      [
        ['序号', '任务内容', '节点'],
        ['T1', '任务', '开工|2018-13-01'],
      ],
      'invalid_value',
      '任务分解!C2',
      '节点: expected one milestone a line, 节点名称|计划完成日期|实际完成日期|权重 (the last two optional), got "开工|2018-13-01"',
    ],
  ])('reports %s by its cell', async (_what, rows, code, path, message) => {
    const { issues } = await issuesOf(async () => readPlanWorkbook(await workbookOf(['任务分解', rows], ['计划', META])));
    expect(issues).toEqual([{ code, path, keys: ['任务分解', path.slice('任务分解!'.length)], message }]);
  });

  it('refuses a file that is not a workbook', async () => {
    const { code, issues } = await issuesOf(() => readPlanWorkbook(new TextEncoder().encode('not a zip'), { source: 'x.xlsx' }));
    expect(code).toBe('INVALID_PLAN');
    expect(issues[0]?.message).toMatch(/^not an \.xlsx workbook/);
  });

  it('refuses to write what a table cannot keep, naming each path', async () => {
    const plan: Plan = {
      ...loadExample('xuchang-2017-h1.plan.json'),
      tasks: [{ id: 'T1', title: '任务', owners: { lead: ['甲、乙'], 'x-note': '单位说明' }, target: { kind: 'binary', completedOn: null, 'x-kind': 1 } }],
    };
    const { issues } = await issuesOf(() => writePlanWorkbook(plan));
    expect(issues.map((issue) => issue.path)).toEqual(['$.tasks[0].owners.x-note', '$.tasks[0].target.x-kind', '$.tasks[0].owners.lead']);
  });

  it.each([
    ['cancelled: null', { cancelled: null }, {}],
    ['owners: {}', { owners: {} }, {}],
    ['an empty lead list', { owners: { lead: [], support: ['市财政局'] } }, { owners: { support: ['市财政局'] } }],
    ['flags: []', { flags: [] }, {}],
    ['an empty leader', { leader: '' }, {}],
    [
      'observations: []',
      { target: { kind: 'cumulative', measure: '量', unit: '个', value: 10 }, observations: [] },
      { target: { kind: 'cumulative', measure: '量', unit: '个', value: '10' } },
    ],
    [
      'observations out of date order',
      {
        target: { kind: 'cumulative', measure: '量', unit: '个', value: 10 },
        observations: [
          { asOf: '2018-06-30', value: 5 },
          { asOf: '2018-03-31', value: 2 },
        ],
      },
      {
        target: { kind: 'cumulative', measure: '量', unit: '个', value: '10' },
        observations: [
          { asOf: '2018-03-31', value: '2' },
          { asOf: '2018-06-30', value: '5' },
        ],
      },
    ],
  ])('normalises %s, as documented', async (_what, written, read) => {
    const plan = parsePlan({
      formatVersion: 1,
      id: 'p',
      title: '计划',
      period: { start: '2018-01-01', end: '2018-12-31' },
      tasks: [{ id: 'T1', title: '任务', target: { kind: 'binary', completedOn: null }, ...written }],
    });
    const expected = parsePlan({
      formatVersion: 1,
      id: 'p',
      title: '计划',
      period: { start: '2018-01-01', end: '2018-12-31' },
      tasks: [{ id: 'T1', title: '任务', target: { kind: 'binary', completedOn: null }, ...read }],
    });
    expect(await readPlanWorkbook(await writePlanWorkbook(plan))).toEqual(expected);
  });

  it('keeps text an .xlsx file could not hold as such: control characters, carriage returns, Excel escapes', async () => {
    const base = loadExample('xuchang-2017-h1.plan.json');
    const title = '标题\r\n第二行\u0007响铃 _x0041_ _x005F_ \uFFFF \uD800';
    const plan = parsePlan({
      ...base,
      'x-note': '_x0042_\r',
      tasks: [{ id: 'T1', title, target: { kind: 'binary', completedOn: null }, 'x-a': ' 前后空格 ' }],
    });
    expect(await readPlanWorkbook(await writePlanWorkbook(plan))).toEqual(plan);
  });
});
