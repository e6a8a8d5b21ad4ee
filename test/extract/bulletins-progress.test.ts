/**
 * Regression tests for issue #15, progress bulletins: the common forms found by reading invented sentences of the
 * usual kinds and tuning batch 31 (test/extract/corpus/tune; sentences shortened, figures changed). The test half is
 * never used here.
 */
import { describe, expect, it } from 'vitest';
import { extractPlan, type Task } from '../../src/index.js';

const rows = (tasks: readonly Task[]) =>
  tasks.map((t) => {
    const target = t.target as { kind: string; measure?: string; value?: string; unit?: string; bound?: string };
    return [target.kind, target.measure, target.value, target.unit, t.observations?.map((o) => `${o.value}${o.unit ?? ''}@${o.asOf}`)];
  });

describe('extractPlan (issue #15): a task stated plainly, then what is done of it', () => {
  it('reads 新建农村公路200公里,已完成150公里 as the target and its figure, in numbered items and with 实际', () => {
    const text = [
      '2021年民生实事项目1—9月进展情况',
      '1.新建改建农村公路200公里,已完成150公里。',
      '2.新增城镇就业1.2万人,截至9月底已完成1.05万人。',
      '3.改造老旧小区30个,已开工28个,完工20个。',
      '一季度,全市计划开复工项目320个,实际开复工286个,开复工率89.4%。',
    ].join('\n');
    expect(rows(extractPlan(text).plan.tasks)).toEqual([
      ['cumulative', '新建改建农村公路', '200', '公里', ['150公里@2021-09-30']],
      ['cumulative', '新增城镇就业', '1.2', '万人', ['1.05万人@2021-09-30']],
      ['cumulative', '改造老旧小区', '30', '个', ['28个@2021-09-30']],
      // 一季度 dates its own sentence's figure.
      ['cumulative', '全市计划开复工项目', '320', '个', ['286个@2021-03-31']],
    ]);
  });

  it('reads no task from a count of projects, a comparison with last year, a month’s figure or a count of 项', () => {
    const text = [
      '2010年前三季度全市重点项目建设情况',
      '新开工项目204个,比去年同期多80个。',
      '6月当月完成投资87亿元,环比增加33.35亿元。',
      '新增信贷投放金额、新建中小学校等31项指标符合序时进度要求,其余39项指标正在推进中。',
    ].join('\n');
    expect(rows(extractPlan(text).plan.tasks)).toEqual([]);
  });
});

describe('extractPlan (issue #15): the year’s plan stated, then a share and a gap', () => {
  it('pairs 完成年度计划的54.2%,超序时进度4.2个百分点 with the plan of the sentence before and derives no second target', () => {
    const text = [
      '某市上半年重点项目建设“双过半”',
      '2021年7月10日',
      '今年,全市156个重点项目年度计划投资1200亿元。1—6月,累计完成投资650亿元,完成年度计划的54.2%,超序时进度4.2个百分点。',
    ].join('\n');
    expect(rows(extractPlan(text).plan.tasks)).toEqual([['cumulative', '项目年度计划投资', '1200', '亿元', ['650亿元@2021-06-30']]]);
  });

  it('rounds a derived target to the share’s significant digits in the whole part too (346 ÷ 31.9% → 1080)', () => {
    const text = ['2024年一季度全市重点项目建设情况', '其中,220个省重点项目完成投资346亿元,完成年度计划的31.9%,超序时进度6.9个百分点。'].join('\n');
    const { plan } = extractPlan(text);
    expect(rows(plan.tasks)).toEqual([['cumulative', '220个省重点项目完成投资', '1080', '亿元', ['346亿元@2024-03-31']]]);
  });
});

describe('extractPlan (issue #15): a shortfall under a heading that names the measure', () => {
  it('reads （一）地区生产总值。完成3410.9亿元、增长8.1%,低于预期目标0.4个百分点 as 地区生产总值增长 ≥ 8.5%', () => {
    const text = [
      '关于上半年主要工作目标任务完成情况的通报',
      '现将2018年上半年主要经济发展目标完成情况通报如下:',
      '(一)地区生产总值。完成3410.9亿元、增长8.1%,低于预期目标0.4个百分点、高于全国1.3个百分点。',
      '(二)规模以上工业增加值。增长9.5%,高于预期目标0.5个百分点。',
    ].join('\n');
    const { plan } = extractPlan(text);
    expect(rows(plan.tasks)).toEqual([
      ['rate', '地区生产总值增长', '8.5', '%', ['8.1%@2018-06-30']],
      ['rate', '规模以上工业增加值增长', '9', '%', ['9.5%@2018-06-30']],
    ]);
  });
});

describe('extractPlan (issue #15): a progress table flattened into lines of cells', () => {
  const table = [
    '某区2017年1-8月民生实事完成情况表',
    '序号 民生实事项目名称 责任单位 目标任务 1- 8月实际完成情况 1-8月实际完成率% 备注',
    '1 精准扶贫:农村饮用水安全巩固提升 农林水务局 1300人 700 54% 已解决700人的饮水问题',
    '2 新增城镇就业 人社局 8950 7356 82%',
    '3 建设农村公办幼儿园(所) 教育局 2所 70% 累计完成项目的70%',
    '4 残疾儿童抢救性康复 残联 73人 73 100%',
    '完成征缴基金10000万元 区人社局 10000万 7965 80%',
    '5 文化惠民 送戏曲下乡20场 区文体新局 20 29 145%',
  ].join('\n');

  it('reads each row’s target, figure and owner by the header’s columns; a target with no unit is not read', () => {
    const { plan, kind } = extractPlan(table);
    expect(kind).toBe('bulletin');
    expect(rows(plan.tasks)).toEqual([
      ['cumulative', '农村饮用水安全巩固提升', '1300', '人', ['700人@2017-08-31']],
      ['cumulative', '建设农村公办幼儿园', '2', '所', undefined],
      ['cumulative', '残疾儿童抢救性康复', '73', '人', ['73人@2017-08-31']],
      ['cumulative', '征缴基金', '10000', '万元', ['7965万元@2017-08-31']],
      ['cumulative', '文化惠民送戏曲下乡', '20', '场', ['29场@2017-08-31']],
    ]);
    expect(plan.tasks.map((t) => t.owners?.lead?.[0])).toEqual(['农林水务局', '教育局', '残联', '区人社局', '区文体新局']);
  });

  it('reads nothing from rows without a header naming the task, target and done columns', () => {
    const text = table.replace('序号 民生实事项目名称 责任单位 目标任务 1- 8月实际完成情况 1-8月实际完成率% 备注', '');
    expect(extractPlan(text).plan.tasks).toEqual([]);
  });
});

describe('extractPlan (issue #15): tuning batch 31 — a year-end report of items done, with owners', () => {
  const text = [
    '截止2019年12月31日,某市“十件实事”涉及的16项工作任务全面完成。具体情况如下:',
    '一、减少农村扶贫对象6.76万人。(责任单位:市扶贫办,各县区政府)该件实事已全面完成',
    '1.减少农村扶贫对象6.76万人(责任单位:市扶贫办,各县区)',
    '此项工作已完成。截至2019年12月底,全市完成减少农村扶贫对象7.497万人,其中:甲区完成6962人。',
    '2.新建、改扩建公办幼儿园8所(责任单位:市教育局)',
    '此项工作已完成。截至2019年12月底,全市完成新建、改扩建幼儿园8所。',
  ].join('\n');

  it('is a bulletin dated by 截止2019年12月31日, though its items name owners, and pairs each item with the figure of the paragraph after it', () => {
    const { plan, kind } = extractPlan(text);
    expect(kind).toBe('bulletin');
    expect(plan.asOf).toBe('2019-12-31');
    const read = rows(plan.tasks).filter(([, measure]) => measure !== undefined);
    expect(read).toContainEqual(['cumulative', '减少农村扶贫对象', '6.76', '万人', ['7.497万人@2019-12-31']]);
    expect(read).toContainEqual(['cumulative', '改扩建公办幼儿园', '8', '所', ['8所@2019-12-31']]);
  });
});

describe('extractPlan (issue #15): tuning batch 31 — the year’s plans in one paragraph, the figures in the next', () => {
  it('pairs each figure with the alike plan stated in the paragraph before (the project count opening its measure set aside)', () => {
    const text = [
      '年度计划完成投资1408亿元!某市今年确定重大项目1107个',
      '2020-08-31',
      '今年以来,全市共确定重大项目1107个,年度计划完成投资1408亿元;省重点项目67个,年度计划投资377亿元。',
      '截至7月底,1107个重大项目累计完成投资1033亿元。67个省重点项目累计完成投资254亿元。',
    ].join('\n');
    const { plan } = extractPlan(text);
    const figures = plan.tasks.map((t) => [(t.target as { value?: string }).value, t.observations?.[0]?.value]);
    expect(figures).toContainEqual(['377', '254']);
  });
});

describe('extractPlan (issue #15): tuning batch 31 — N个X中M个开工,开工率P%', () => {
  it('reads the whole as the target and the part as its figure when the rate agrees', () => {
    const text = ['2019年1—8月重点建设项目进展情况', '截至目前,自治区80个重点建设项目中79个开工建设,开工率达98.75%。'].join('\n');
    expect(rows(extractPlan(text).plan.tasks)).toEqual([['cumulative', '建设项目开工', '80', '个', ['79个@2019-08-31']]]);
  });
});

describe('extractPlan (issue #15): tuning batch 32 — a bulletin item’s owners on the line after it', () => {
  it('gives the item’s targets the owners its 责任单位 line names, before its 完成情况', () => {
    const text = [
      '某市2024年民生实事完成情况',
      '1.全年开展职业技能培训4.7万人次以上,新增技能人才5.7万人以上。',
      '责任单位:市人力资源和社会保障局',
      '完成情况:全市开展各类职业技能培训10万人次,新增技能人才5.7万人。',
      '2.新建公办幼儿园5所。',
      '责任单位:市教育局',
    ].join('\n');
    // The title names no period: the reporting date is the caller's to give.
    const { plan } = extractPlan(text, { asOf: '2024-12-31' });
    expect(plan.tasks.map((t) => [(t.target as { value: string }).value, t.owners?.lead?.[0]])).toEqual([
      ['4.7', '市人力资源和社会保障局'],
      ['5.7', '市人力资源和社会保障局'],
      ['5', '市教育局'],
    ]);
  });
});

describe('extractPlan (issue #15): shares of a group of projects under a stated plan', () => {
  const text = [
    '2020年1-8月全州重点项目进展情况',
    '甘孜日报讯 2020年我州重点项目250个,年度计划投资307.05亿元,1-8月累计完成投资210.88亿元,完成年度计划的68.68%。',
    '续建项目完成投资191.1亿元,完成年度计划的81.75%;新开工项目完成投资19.78亿元,完成年度计划的26.99%。',
    '已落实资金159.5亿元,为年度投资计划的51.9%。',
  ].join('\n');

  it('makes each group’s share a task of its own (续建项目, 新开工项目: their plans are not stated), not the whole’s', () => {
    const { plan } = extractPlan(text);
    expect(rows(plan.tasks)).toEqual([
      ['cumulative', '项目年度计划投资', '307.05', '亿元', ['210.88亿元@2020-08-31']],
      ['cumulative', '续建项目完成投资占年度计划', '100', '%', ['81.75%@2020-08-31']],
      ['cumulative', '新开工项目完成投资占年度计划', '100', '%', ['26.99%@2020-08-31']],
    ]);
  });

  it('makes a group’s share a task of its own after a plan naming no group, unless the share is value ÷ that plan', () => {
    const text = [
      '2022年1-9月全县重点项目建设进展情况',
      '今年全县年度计划投资98亿元。1-9月,累计完成投资76.5亿元,占年度计划的78.1%。',
      '分行业看,工业项目完成投资32亿元,占年度计划的80%;基础设施项目完成投资28亿元,占年度计划的75%。',
      // 76.5 ÷ 98 = 78.1%: the whole's plan, restated.
      '全县重点项目完成投资76.5亿元,占年度计划的78.1%。',
    ].join('\n');
    expect(rows(extractPlan(text).plan.tasks)).toEqual([
      ['cumulative', '年度计划投资', '98', '亿元', ['76.5亿元@2022-09-30']],
      ['cumulative', '工业项目完成投资占年度计划', '100', '%', ['80%@2022-09-30']],
      ['cumulative', '基础设施项目完成投资占年度计划', '100', '%', ['75%@2022-09-30']],
    ]);
  });

  it('drops the period (截至6月底) from a figure’s measure, so 截至6月底已完成1200套 pairs as a bare done figure', () => {
    const text = ['关于2020年上半年民生实事进展情况的通报', '1.实施棚户区改造3000套。截至6月底已完成1200套。'].join('\n');
    expect(rows(extractPlan(text).plan.tasks)).toEqual([['cumulative', '实施棚户区改造', '3000', '套', ['1200套@2020-06-30']]]);
  });
});

describe('extractPlan (issue #15): forms found by reading invented sentences of the usual kinds (2026-12-04)', () => {
  it('takes the plan stated inside a share (完成全年目标任务8000人的70.3%) as the target and the amount before it as its figure', () => {
    const text = [
      '关于2020年上半年重点工作进展情况的通报',
      '新增城镇就业5620人,完成全年目标任务8000人的70.3%。',
      '截至6月底,已完成人工造林1.8万亩,占年度任务3万亩的60%。',
      // The share does not agree with amount ÷ plan (5620 ÷ 9000 is 62.4%): nothing is taken from the share.
      '农村劳动力转移就业5620人,完成全年目标任务9000人的70.3%。',
    ].join('\n');
    const tasks = rows(extractPlan(text).plan.tasks);
    expect(tasks.slice(0, 2)).toEqual([
      ['cumulative', '新增城镇就业', '8000', '人', ['5620人@2020-06-30']],
      ['cumulative', '完成人工造林', '3', '万亩', ['1.8万亩@2020-06-30']],
    ]);
    expect(tasks.slice(2).some((row) => row[2] === '9000' && row[4]?.includes('5620人@2020-06-30'))).toBe(false);
  });

  it('gives a year’s task (年度任务是…) the figure of the clause after it in the same unit', () => {
    const text = ['关于2020年上半年重点工作进展情况的通报', '年度任务是建设保障房1000套,截至6月底已开工800套,开工率80%。'].join('\n');
    expect(rows(extractPlan(text).plan.tasks)).toEqual([['cumulative', '建设保障房', '1000', '套', ['800套@2020-06-30']]]);
  });

  it('reads 完成预算的52.3% as a share of the year’s budget', () => {
    const text = ['2020年上半年全市主要经济指标完成情况', '一般公共预算收入完成25.6亿元,同比增长8.1%,完成预算的52.3%。'].join('\n');
    expect(rows(extractPlan(text).plan.tasks)).toEqual([['cumulative', '一般公共预算收入占预算', '100', '%', ['52.3%@2020-06-30']]]);
  });
});

describe('extractPlan (issue #15): the measure of a plan named before a colon or in the item’s heading', () => {
  it('takes the words before the colon (农村危房改造:年度任务2000户), or the heading sentence, when the cue names only the plan', () => {
    const text = [
      '关于2020年上半年重点工作进展情况的通报',
      '农村危房改造:年度任务2000户,已竣工1500户。',
      '高标准农田建设:目标任务10万亩,已完成6.5万亩。',
      '1.新增城镇就业。全年目标8000人,已完成5000人。',
    ].join('\n');
    expect(rows(extractPlan(text).plan.tasks)).toEqual([
      ['cumulative', '农村危房改造', '2000', '户', ['1500户@2020-06-30']],
      ['cumulative', '高标准农田建设', '10', '万亩', ['6.5万亩@2020-06-30']],
      ['cumulative', '新增城镇就业', '8000', '人', ['5000人@2020-06-30']],
    ]);
  });

  it('reads a gap to the target against the rate the sentence before states (规模以上工业增加值增长8%。上半年增长6.2%,低于目标1.8个百分点)', () => {
    const text = [
      '关于2020年上半年主要指标完成情况的通报',
      '规模以上工业增加值增长8%。上半年增长6.2%,低于目标1.8个百分点。',
      '1.固定资产投资增长10%。1-6月增长7.5%,低于目标2.5个百分点。',
      // The rate before is not the target the gap gives (6.2 + 1.5 ≠ 8): no measure, so nothing is drafted (review list).
      '社会消费品零售总额增长8%。上半年增长6.2%,低于目标1.5个百分点。',
    ].join('\n');
    const { plan, review } = extractPlan(text);
    expect(rows(plan.tasks)).toEqual([
      ['rate', '规模以上工业增加值增长', '8', '%', ['6.2%@2020-06-30']],
      ['rate', '固定资产投资增长', '10', '%', ['7.5%@2020-06-30']],
    ]);
    expect(review.some((note) => note.code === 'unreadable')).toBe(true);
  });
});

describe('extractPlan (issue #15): more ways of writing a gap to the target', () => {
  it('reads 高出目标2个百分点 and 比年度目标低0.7个百分点, but not a gap to last year (比去年同期高1个百分点)', () => {
    const text = [
      '2020年上半年全市主要经济指标完成情况',
      '全市地区生产总值完成560亿元,增长6.8%,比年度目标低0.7个百分点。',
      '固定资产投资增长12%,高出目标2个百分点。',
      '出口增长9%,比去年同期高1个百分点。',
    ].join('\n');
    expect(rows(extractPlan(text).plan.tasks)).toEqual([
      ['rate', '地区生产总值增长', '7.5', '%', ['6.8%@2020-06-30']],
      ['rate', '固定资产投资增长', '10', '%', ['12%@2020-06-30']],
    ]);
  });

  it('reads a report’s 比预期目标低0.5个百分点 as last year’s result, not a target', () => {
    const text = ['2021年政府工作报告', '全市地区生产总值增长5.5%,比预期目标低0.5个百分点。', '今年全市地区生产总值增长6%左右。'].join('\n');
    expect(rows(extractPlan(text).plan.tasks)).toEqual([['rate', '地区生产总值增长', '6', '%', undefined]]);
  });
});

describe('extractPlan (issue #15): a figure that names only that it is done', () => {
  it('pairs 进展情况:已完成210公里 with the item’s only target in its unit', () => {
    const text = [
      '关于2020年上半年民生实事进展情况的通报',
      '1.新改建农村公路300公里。(责任单位:市交通局)',
      '进展情况:已完成210公里。',
      '2.实施老旧小区改造50个。牵头单位:市住建局。进展:已开工45个,完工12个。',
      // Two targets in the unit: a bare figure is not guessed.
      '3.新建公办幼儿园10所,改扩建中小学5所。进展情况:已完成4所。',
    ].join('\n');
    expect(rows(extractPlan(text).plan.tasks)).toEqual([
      ['cumulative', '新改建农村公路', '300', '公里', ['210公里@2020-06-30']],
      ['cumulative', '实施老旧小区改造', '50', '个', ['45个@2020-06-30']],
      ['cumulative', '新建公办幼儿园', '10', '所', undefined],
      ['cumulative', '改扩建中小学', '5', '所', undefined],
    ]);
  });
});

describe('extractPlan (issue #15): a table of main indicators with a unit column', () => {
  const table = [
    '2020年上半年全市主要经济指标完成情况',
    '指标名称 单位 年度目标 1-6月完成 完成进度',
    '地区生产总值 亿元 600 310 51.7%',
    '城镇新增就业 万人 1.2 0.75 62.5%',
    '规上工业增加值增速 % 7 6.5 —',
    // A rate that is not a growth rate: its bound is not written, so it is not guessed.
    '城镇登记失业率 % 4.5 3.2 —',
  ].join('\n');

  it('takes each row’s unit from its unit cell, and a growth rate (…增速 %) as a rate target', () => {
    expect(rows(extractPlan(table).plan.tasks)).toEqual([
      ['cumulative', '地区生产总值', '600', '亿元', ['310亿元@2020-06-30']],
      ['cumulative', '城镇新增就业', '1.2', '万人', ['0.75万人@2020-06-30']],
      ['rate', '规上工业增加值增长', '7', '%', ['6.5%@2020-06-30']],
    ]);
  });

  it('reads the same table written one cell per line', () => {
    const cells = table
      .split('\n')
      .slice(1)
      .map((line, i) => (i === 0 ? `序号 ${line}` : `${i} ${line}`))
      .join('\n')
      .replace(/ /gu, '\n');
    expect(rows(extractPlan(`2020年上半年全市主要经济指标完成情况\n${cells}`).plan.tasks)).toEqual([
      ['cumulative', '地区生产总值', '600', '亿元', ['310亿元@2020-06-30']],
      ['cumulative', '城镇新增就业', '1.2', '万人', ['0.75万人@2020-06-30']],
      ['rate', '规上工业增加值增长', '7', '%', ['6.5%@2020-06-30']],
    ]);
  });

  it('reads no row when the header names no unit column', () => {
    expect(extractPlan(table.replace('指标名称 单位 ', '指标名称 ')).plan.tasks).toEqual([]);
  });
});

describe('extractPlan (issue #15): key-project forms found by reading invented sentences', () => {
  it('reads one group’s 投资完成率 as a share of its year’s plan, unless the paragraph stated that plan', () => {
    const text = [
      '2020年1-6月全市重点项目进展情况',
      '1至6月,全市重点项目投资完成率达到52.5%。',
      '其中,省重点项目28个,年度计划投资120亿元,完成投资98亿元,投资完成率81.7%。',
    ].join('\n');
    expect(rows(extractPlan(text).plan.tasks)).toEqual([
      ['cumulative', '重点项目投资完成率', '100', '%', ['52.5%@2020-06-30']],
      ['cumulative', '省重点项目年度计划投资', '120', '亿元', ['98亿元@2020-06-30']],
    ]);
  });

  it('takes the plan stated inside 完成年度计划投资112亿元的76.4% as the target', () => {
    const text = ['2020年1-6月全市重点项目进展情况', '重点项目完成投资85.6亿元,完成年度计划投资112亿元的76.4%。'].join('\n');
    expect(rows(extractPlan(text).plan.tasks)).toEqual([['cumulative', '项目完成投资', '112', '亿元', ['85.6亿元@2020-06-30']]]);
  });

  it('drops an item’s number inside a line from its measure (民生实事:1.新建幼儿园5所)', () => {
    const text = ['2020年上半年民生实事进展情况', '民生实事:1.新建幼儿园5所,已完成3所;2.改造农村危房1000户,已完成800户,完成率80%。'].join('\n');
    expect(rows(extractPlan(text).plan.tasks)).toEqual([
      ['cumulative', '新建幼儿园', '5', '所', ['3所@2020-06-30']],
      ['cumulative', '改造农村危房', '1000', '户', ['800户@2020-06-30']],
    ]);
  });
});

describe('extractPlan (issue #15): a growth rate and the target named after it; a group’s 投资完成率 after its amount', () => {
  it('reads 增长6.2%,年度目标为7% and 增长5.8%(目标7%) as the target and its figure', () => {
    const text = [
      '2020年上半年全市主要经济指标完成情况',
      '规上工业增加值增长6.2%,年度目标为7%。',
      '地区生产总值增长5.8%(目标7%),固定资产投资增长9%(目标10%)。',
    ].join('\n');
    expect(rows(extractPlan(text).plan.tasks)).toEqual([
      ['rate', '规上工业增加值增长', '7', '%', ['6.2%@2020-06-30']],
      ['rate', '地区生产总值增长', '7', '%', ['5.8%@2020-06-30']],
      ['rate', '固定资产投资增长', '10', '%', ['9%@2020-06-30']],
    ]);
  });

  it('reads 完成投资78亿元,投资完成率76% as the group’s share of its plan, and as the stated plan’s share when there is one', () => {
    const text = [
      '2020年1-6月全市重点项目进展情况',
      '其中,45个产业项目完成投资78亿元,投资完成率76%。',
      '市级重点项目今年计划投资200亿元,1~6月份累计完成投资147.6亿元,投资完成率73.8%。',
    ].join('\n');
    expect(rows(extractPlan(text).plan.tasks)).toEqual([
      ['cumulative', '产业项目完成投资占年度投资计划', '100', '%', ['76%@2020-06-30']],
      ['cumulative', '市级重点项目今年计划投资', '200', '亿元', ['147.6亿元@2020-06-30']],
    ]);
  });
});

describe('extractPlan (issue #15): a clause framing the sentence; a quantity the text calls the target', () => {
  it('reads the stated task after a framing clause that counts (十件民生实事中,新建农村公路100公里,目前已完成85公里)', () => {
    const text = [
      '2020年上半年民生实事进展情况',
      '市政府确定的十件民生实事中,新建农村公路100公里,目前已完成85公里。',
      '从开工情况看,计划新开工项目53个,已开工46个。',
    ].join('\n');
    expect(rows(extractPlan(text).plan.tasks)).toEqual([
      ['cumulative', '新建农村公路', '100', '公里', ['85公里@2020-06-30']],
      ['cumulative', '新开工项目', '53', '个', ['46个@2020-06-30']],
    ]);
  });

  it('reads 确定地区生产总值增长7%的目标 as a target in a bulletin, paired with the figure after it', () => {
    const text = ['2020年上半年全市经济运行情况', '今年我市确定地区生产总值增长7%的目标。上半年,全市地区生产总值增长6.5%。'].join('\n');
    expect(rows(extractPlan(text).plan.tasks)).toEqual([['rate', '确定地区生产总值增长', '7', '%', ['6.5%@2020-06-30']]]);
  });
});

describe('extractPlan (issue #15): a bulletin heading’s verdict on the items under it', () => {
  it('keeps 进展滞后 as the verdict of the targets under 三、进展滞后的任务, and none under other headings', () => {
    const text = [
      '关于2021年上半年《政府工作报告》目标任务完成情况的通报',
      '二、进展顺利的任务',
      '1.新增城镇就业1.5万人。1-6月新增城镇就业8600人。',
      '三、进展滞后的任务',
      '1.实施棚户区改造3000套。截至6月底已开工1200套。',
    ].join('\n');
    const tasks = extractPlan(text).plan.tasks;
    expect(tasks.map((t) => [(t.target as { measure: string }).measure, t['x-verdict']])).toEqual([
      ['新增城镇就业', undefined],
      ['实施棚户区改造', '进展滞后'],
    ]);
  });
});
