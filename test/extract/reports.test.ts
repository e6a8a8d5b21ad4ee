/**
 * Regression tests for issue #15, work reports: one per failure class the
 * twentieth tuning batch showed (test/extract/corpus/tune, reports from places
 * new to the corpus; sentences shortened, figures changed). The test half is
 * never used here.
 */
import { describe, expect, it } from 'vitest';
import { extractPlan, type Task } from '../../src/index.js';

const targets = (tasks: readonly Task[]) => tasks.map((t) => t.target);

describe('extractPlan (issue #15): twentieth tuning batch — the plan year of a report', () => {
  it('reads the delivery date when the line breaks before 人民代表大会, so the review of the year before is no target', () => {
    const text = [
      '政 府 工 作 报 告',
      '——2021年2月2日在某市第十五届',
      '人民代表大会第七次会议上',
      '各位代表:',
      '“十三五”时期的工作回顾',
      '过去五年,经济总量跃上千亿元台阶,2020年全市实现生产总值1100亿元、一般公共预算收入48亿元。常住人口城镇化率达65%。',
    ].join('\n');
    const { plan } = extractPlan(text);
    expect(plan.period.start).toBe('2021-01-01');
    expect(plan.tasks).toEqual([]);
  });

  it('reads a spaced delivery date (—— 2013 年 1 月 16 日在…人民代表大会) as the plan year', () => {
    const text = '政府工作报告(摘要)—— 2013 年 1 月 16 日在某县第十七届人民代表大会第二次会议上 县长 某某\n今年全县生产总值增长10%。';
    const { plan } = extractPlan(text);
    expect(plan.period.start).toBe('2013-01-01');
    expect(targets(plan.tasks)).toMatchObject([{ kind: 'rate', value: '10' }]);
  });

  it('reads the year from 今年是“十四五”规划收官之年 when the text names no year, as a calendar fact', () => {
    const text = '2月25日,某市人民代表大会开幕,市长作政府工作报告。今年是“十四五”规划收官之年。\n主要预期目标:地区生产总值增长5%左右,城镇新增就业8万人。';
    const { plan } = extractPlan(text);
    expect(plan.period.start).toBe('2025-01-01');
    expect(plan.tasks).toHaveLength(2);
    expect(extractPlan('今年是“十三五”开局之年。地区生产总值增长7%。').plan.period.start).toBe('2016-01-01');
  });
});

describe('extractPlan (issue #15): twentieth tuning batch — what is not this year’s', () => {
  it('keeps a review heading inside a run-on line (一、2020年工作…回顾) open across the paragraphs after it', () => {
    const text = [
      '1、2021年某市政府工作报告(全文) 政府工作报告 2021年2月19日在某市第五届人民代表大会第六次会议上 各位代表: 一、2020年工作和“十三五”发展回顾 2020年是极不平凡的一年。全年GDP增长4.2%,城镇、农村居民人均可支配收入分别增长',
      '',
      '2、6.3%、9.2%;财政总收入增长1.1%,固定资产投资增长9.2%,出口增长24.3%。',
      '二、2021年工作安排',
      '地区生产总值增长8%左右。',
    ].join('\n');
    const { plan } = extractPlan(text);
    expect(plan.period.start).toBe('2021-01-01');
    expect(targets(plan.tasks)).toMatchObject([{ kind: 'rate', measure: '地区生产总值增长', value: '8', bound: 'about' }]);
  });
});

describe('extractPlan (issue #15): twentieth tuning batch — this year’s targets read as written', () => {
  it('reads a floor on a flow with no verb (招商引资到位固定资产投资15亿元以上) as a cumulative target, not a level', () => {
    const { plan } = extractPlan('2013年,全县计划招引20个以上过亿项目,招商引资到位固定资产投资16亿元以上。', { kind: 'report' });
    expect(targets(plan.tasks)).toMatchObject([
      { kind: 'cumulative', measure: '招引过亿项目', value: '20', unit: '个' },
      { kind: 'cumulative', measure: '招商引资到位固定资产投资', value: '16', unit: '亿元' },
    ]);
  });

  it('reads 实施总投资35亿元的80项工程 as the count of projects, the total investment describing them', () => {
    const { plan } = extractPlan('2013年,年内实施总投资36亿元的70项城建重点工程,新增城区绿化面积20万平方米。', { kind: 'report' });
    expect(targets(plan.tasks)).toMatchObject([
      { kind: 'cumulative', value: '70', unit: '项' },
      { kind: 'cumulative', measure: '新增城区绿化面积', value: '20', unit: '万平方米' },
    ]);
  });

  it('does not read a first-line headline that only restates the body, and reads 建成A、B等15个项目 as a count of the names listed', () => {
    const text = [
      '新改扩建40所中小学 建成12个重大医疗项目',
      '2025年2月25日,市长向大会作政府工作报告。',
      '新改扩建中小学校40所以上。建成市第一医院、市儿童医院等12个重大医疗项目,新增社康机构30家。',
    ].join('\n');
    const { plan } = extractPlan(text);
    expect(targets(plan.tasks)).toMatchObject([
      { kind: 'cumulative', value: '40', unit: '所' },
      { kind: 'cumulative', measure: '建成重大医疗项目', value: '12', unit: '个' },
      { kind: 'cumulative', measure: '新增社康机构', value: '30', unit: '家' },
    ]);
  });

  it('reads a list the sentence calls this year’s 主要预期目标: as targets, though 目标任务的 inside it is a word of progress', () => {
    const { plan } = extractPlan('2009年全省经济社会发展的主要预期目标:全省生产总值增长9%,完成灾后重建主要目标任务的70%。城镇新增就业60万人。', {
      kind: 'report',
    });
    expect(targets(plan.tasks)).toContainEqual(expect.objectContaining({ kind: 'rate', measure: '生产总值增长', value: '9', bound: 'atLeast' }));
    expect(plan.tasks.every((t) => t.target.kind !== 'cumulative' || t.target.unit !== '%')).toBe(true);
  });
});

describe('extractPlan (issue #15): twenty-first tuning batch', () => {
  it('reads a plan report titled …计划执行情况及2021年…计划草案的报告 as a report for the year it is delivered in, not a bulletin of 执行情况', () => {
    const text = [
      '某区2020年国民经济和社会发展计划执行情况及2021年国民经济和社会发展计划草案的报告',
      '——2021年3月8日在某区第十六届人民代表大会',
      '第四次会议上',
      '一、2020年国民经济和社会发展计划执行情况',
      '地区生产总值增长3%;城镇登记失业率3.88%。',
    ].join('\n');
    const { kind, plan } = extractPlan(text);
    expect(kind).toBe('report');
    expect(plan.period.start).toBe('2021-01-01');
    expect(plan.tasks).toEqual([]);
  });

  it('dates a page by the time stamp in its byline (编辑:某某2018-01-24 16:20内容来源) when the text names no year', () => {
    const text = '编辑:某某2018-01-24 16:20内容来源:某区网\n区长作政府工作报告。今年地区生产总值增长8%。';
    expect(extractPlan(text).plan.period.start).toBe('2018-01-01');
  });

  it('reads what follows a review heading naming no year (“十一五”经济社会发展回顾) as the past, across paragraphs', () => {
    const text = [
      '政府工作报告',
      '——2011年1月13日在某县第十五届人民代表大会第五次会议上',
      '“十一五”经济社会发展回顾',
      '全县生产总值由“十五”末的',
      '',
      '12.8亿元增加到19.2亿元,年均增长8.4%。特色产业发展取得重大突破,新植果树经济林44万亩。',
      '2011年工作安排',
      '全县生产总值增长12%。',
    ].join('\n');
    const { plan } = extractPlan(text);
    expect(targets(plan.tasks)).toMatchObject([{ kind: 'rate', value: '12' }]);
  });

  it('reads a paragraph opening with 预计 (the estimate of the year just ended) as last year’s results, not targets', () => {
    const text =
      '2018年1月24日,区长作政府工作报告。\n预计地区生产总值超过2100亿元,增长8.8%左右;规模以上工业增加值增长10%以上;新增国家高新技术企业560家。\n今年地区生产总值增长8%。';
    const { plan } = extractPlan(text, { kind: 'report' });
    expect(targets(plan.tasks)).toMatchObject([{ kind: 'rate', value: '8' }]);
  });
});

describe('extractPlan (issue #15): twenty-second tuning batch', () => {
  it('reads the flows of 招聘 and 新改建 (招聘农村特岗教师300名, 新改建农村公路300公里) as cumulative targets', () => {
    const { plan } = extractPlan('2017年十件实事:招聘农村特岗教师200名。今年新改建农村公路400公里。', { kind: 'report' });
    expect(targets(plan.tasks)).toMatchObject([
      { kind: 'cumulative', measure: '招聘农村特岗教师', value: '200', unit: '名' },
      { kind: 'cumulative', measure: '新改建农村公路', value: '400', unit: '公里' },
    ]);
  });
});

describe('extractPlan (issue #15): twenty-second tuning batch — a paragraph that only recounts', () => {
  it('reads a paragraph of completions (成功获批, 顺利开工) naming nothing of the year ahead as past results, not targets', () => {
    const text = [
      '2017年某省政府工作报告(全文)',
      '城乡基础设施不断完善,新区成功获批,建成某地至某地等10条高速公路,全省高速公路通车里程基本达到5000公里。某铁路顺利开工。全省城镇化率达到52%,提高1.5个百分点。',
      '今年全省生产总值增长9%,新建改建污水配套管网1000公里。',
    ].join('\n');
    const { plan } = extractPlan(text);
    expect(targets(plan.tasks)).toMatchObject([
      { kind: 'rate', value: '9' },
      { kind: 'cumulative', value: '1000', unit: '公里' },
    ]);
  });
});

describe('extractPlan (issue #15): twenty-second tuning batch — a count done with no noun', () => {
  it('keeps 完成 in the measure of an elliptical count (开工建设165个,年内完成153个), not the measure of the count before it', () => {
    const { plan } = extractPlan('2017年十件实事:规划实施某公园等180个园林绿化项目,开工建设160个,年内完成150个。', { kind: 'report' });
    const done = plan.tasks.find((t) => t.target.kind === 'cumulative' && t.target.value === '150');
    expect(done?.target).toMatchObject({ kind: 'cumulative', unit: '个' });
    expect(done?.target.kind === 'cumulative' ? done.target.measure : '').toContain('完成');
  });
});

describe('extractPlan (issue #15): twenty-fifth tuning batch — what is not this year’s target', () => {
  it('reads a plan report opening with the past year’s 计划执行情况 as the next year’s, its estimates as past results', () => {
    const text = [
      '一、2024年国民经济和社会发展计划执行情况',
      '2024年,全区上下坚持稳中求进,经济社会发展保持稳中向好态势。预计(下同)全年地区生产总值增长6%,完成一般公共预算收入70亿元。',
      '(一)经济运行平稳向好。新增市场主体2万家。新开工5亿元以上项目30个。',
    ].join('\n');
    const { plan } = extractPlan(text);
    expect(plan.period.start).toBe('2025-01-01');
    expect(plan.tasks).toEqual([]);
  });

  it('takes a page’s 更新时间 two years or more past every year its text names for a repost’s date, not the plan year', () => {
    const text = [
      '更新时间:2018-09-15 22:59作者:某某',
      '2015年,全市经济运行保持良好态势,全面完成市五届六次人代会议确定的主要预期目标。预计生产总值增长9%,全社会固定资产投资增长18%。',
    ].join('\n');
    const { plan } = extractPlan(text, { kind: 'report' });
    expect(plan.period.start).toBe('2016-01-01');
    expect(plan.tasks).toEqual([]);
  });

  it('reads no count in a meeting’s ordinal (五届六次人代会, 第三次会议)', () => {
    const { plan } = extractPlan('今年要全面完成市五届六次人代会议确定的目标,在第三次会议上审议的项目新开工12个。', { kind: 'report', year: 2016 });
    expect(targets(plan.tasks)).toMatchObject([{ kind: 'cumulative', value: '12', unit: '个' }]);
  });

  it('carries last year’s results over the bulleted items after an item naming the earlier year, until the bullets end', () => {
    const text = [
      '报告指出:',
      '●2023年全省地区生产总值达到12万亿元、增长4.8%;',
      '●地方一般公共预算收入达1.3万亿元、增长4.3%;',
      '●规模以上工业增加值突破4万亿元、增长4.4%。',
      '报告提出,今年全省经济社会发展的主要预期目标是:',
      '◆地区生产总值增长5%;',
      '◆城镇新增就业人数110万人以上。',
    ].join('\n');
    const { plan } = extractPlan(text, { kind: 'report', year: 2024 });
    expect(targets(plan.tasks)).toMatchObject([
      { kind: 'rate', value: '5', unit: '%' },
      { kind: 'cumulative', value: '110', unit: '万人' },
    ]);
  });
});

describe('extractPlan (issue #15): twenty-fifth tuning batch — a notice carrying the year’s plan', () => {
  it('reads 关于下达…国民经济和社会发展计划的通知 as the plan (a report), not a division of work', () => {
    const text = [
      '关于下达某县2021年国民经济和社会发展计划的通知',
      '各镇政府,县政府各部门:现将某县2021年国民经济和社会发展计划下达给你们,请认真组织实施。',
      '主要预期目标为:地区生产总值增长7%以上。',
    ].join('\n');
    const result = extractPlan(text);
    expect(result.kind).toBe('report');
    expect(targets(result.plan.tasks)).toMatchObject([{ kind: 'rate', value: '7', unit: '%' }]);
  });
});

describe('extractPlan (issue #15): twenty-fifth tuning batch — an output with no bound word', () => {
  it('reads 粮食产量1270万吨 in a list of targets as a floor on the output, noted', () => {
    const { plan } = extractPlan('今年主要预期目标是:地区生产总值增长5%;粮食产量1260万吨。', { kind: 'report', year: 2024 });
    expect(targets(plan.tasks)).toMatchObject([
      { kind: 'rate', value: '5' },
      { kind: 'rate', measure: '粮食产量', bound: 'atLeast', value: '1260', unit: '万吨' },
    ]);
    expect(plan.tasks[1]?.['x-note']).toContain('按下限');
  });
});

describe('extractPlan (issue #15): twenty-eighth tuning batch — meeting ordinals and a review’s year', () => {
  it('reads no count in 八届人大二次会议 (the ordinal with 人大 between 届 and 次)', () => {
    const { plan } = extractPlan('现将某市2021年国民经济和社会发展计划执行情况及2022年计划草案提请市八届人大二次会议审议。今年新开工项目15个。', {
      kind: 'report',
      year: 2022,
    });
    expect(targets(plan.tasks)).toMatchObject([{ kind: 'cumulative', value: '15', unit: '个' }]);
  });

  it('reads a news report whose only year says its targets were 较好的完成了 as the next year’s, that year’s figures as past', () => {
    const text = [
      '某市十五届人大三次会议隆重开幕',
      '市长代表市人民政府向大会作政府工作报告。',
      '他指出,2014年,在省委、省政府的坚强领导下,全市解放思想,攻坚克难,较好的完成了市十五届人大二次会议确定的目标任务:实现地区生产总值1200亿元,增长10.5%。财政收入达到110亿元,增长12%。',
    ].join('\n');
    const { plan } = extractPlan(text, { kind: 'report' });
    expect(plan.period.start).toBe('2015-01-01');
    expect(plan.tasks).toEqual([]);
  });
});

describe('extractPlan (issue #15): twenty-eighth tuning batch — results measured against their targets', () => {
  it('reads a result stated against its target (增长4.5%,低于预期目标1.5个百分点; 高于计划目标0.7个百分点) as no target', () => {
    const text = [
      '今年主要预期目标是:地区生产总值增长6%。',
      '对照年初目标,全年实现地区生产总值增长4.5%,低于预期目标1.5个百分点。社会消费品零售总额548亿元,同比增长17%、高于计划目标7个百分点。',
    ].join('\n');
    const { plan } = extractPlan(text, { kind: 'report', year: 2024 });
    expect(targets(plan.tasks)).toMatchObject([{ kind: 'rate', value: '6' }]);
    expect(plan.tasks).toHaveLength(1);
  });

  it('does not end last year’s results at 主要预期目标完成情况 (the targets’ results, not a list of targets)', () => {
    const text = '2023年主要预期目标完成情况:地区生产总值增长5.5%,一般公共预算收入增长7%。\n今年主要预期目标是:地区生产总值增长6%。';
    const { plan } = extractPlan(text, { kind: 'report', year: 2024 });
    expect(targets(plan.tasks)).toMatchObject([{ kind: 'rate', value: '6' }]);
    expect(plan.tasks).toHaveLength(1);
  });
});

describe('extractPlan (issue #15): twenty-eighth tuning batch — a share of last year’s plan in a report', () => {
  it('drafts no 100 % task from 完成年度目标的104% in a report (last year’s result, not a task)', () => {
    const text = '今年主要预期目标是:城镇新增就业5万人以上。\n去年城镇新增就业5.2万人,完成年度目标的104%。';
    const { plan } = extractPlan(text, { kind: 'report', year: 2024 });
    expect(targets(plan.tasks)).toMatchObject([{ kind: 'cumulative', value: '5', unit: '万人' }]);
    expect(plan.tasks).toHaveLength(1);
  });
});

describe('extractPlan (issue #15): tuning batch 30 — news of the people’s congress', () => {
  it('reads news of the congress in session as a report, and 今年以来/前三季度 results before the plan year as no targets', () => {
    const text = [
      '【全省市州两会扫描】某市:蹄疾步稳 谱写高质量发展新篇章',
      '2022/12/26 17:46 来源:某报',
      '12月12日至15日,某市第五届人民代表大会第二次会议召开。',
      '今年以来,某市推动经济运行稳步提质。前三季度,全市实现生产总值461.8亿元,增长5.6%;规上工业增加值增长9%;固定资产投资增长15.6%。',
      '2023年全市经济社会发展的主要预期目标是:地区生产总值增长6.5%以上,规上工业增加值增长7%。',
    ].join('\n');
    const { plan, kind } = extractPlan(text);
    expect(kind).toBe('report');
    expect(plan.tasks.map((t) => [(t.target as { measure: string }).measure, (t.target as { value: string }).value])).toEqual([
      ['地区生产总值增长', '6.5'],
      ['规上工业增加值增长', '7'],
    ]);
  });

  it('reads 减少农村贫困人口3万人 as a count to reach', () => {
    const { plan } = extractPlan('2018年政府工作报告\n今年主要预期目标是:减少农村贫困人口3万人。', { year: 2018 });
    expect(plan.tasks.map((t) => t.target)).toMatchObject([{ kind: 'cumulative', value: '3', unit: '万人' }]);
  });
});

describe('extractPlan (issue #15): tuning batch 30 — results and targets under lines naming only their year', () => {
  it('reads what follows a line 2025年 as last year’s results and what follows 2026年 as targets', () => {
    const text = [
      '10个关键句,解锁政府工作报告里的某省“亮点”与“落点”',
      '发布时间:2026年03月06日',
      '某省亮点',
      '2025年',
      '城镇新增就业48万人',
      '粮食产量515.6亿斤、创历史新高',
      '某省落点',
      '2026年',
      '城镇新增就业45万人以上',
    ].join('\n');
    const { plan } = extractPlan(text);
    expect(plan.tasks.map((t) => [(t.target as { value: string }).value, (t.target as { unit: string }).unit])).toEqual([['45', '万人']]);
  });
});

describe('extractPlan (issue #15): tuning batch 30 — 落地 as a verb of the year’s work', () => {
  it('reads 落地城区3所公办园项目 as a count to reach', () => {
    const { plan } = extractPlan('2026年政府工作报告\n今年,我们将落地城区3所公办园项目。', { year: 2026 });
    expect(plan.tasks.map((t) => t.target)).toMatchObject([{ kind: 'cumulative', value: '3', unit: '所' }]);
  });
});

describe('extractPlan (issue #15): verbs written with their alternatives in brackets', () => {
  it('reads 新(改、扩)建公办园5所 and 新（扩）建中小学8所 as counts to reach', () => {
    const { plan } = extractPlan('2022年政府工作报告\n今年将新(改、扩)建公办园5所,新（扩）建中小学8所。', { year: 2022 });
    expect(plan.tasks.map((t) => [(t.target as { measure: string }).measure, (t.target as { value: string }).value])).toEqual([
      ['新(改、扩)建公办园', '5'],
      ['新(扩)建中小学', '8'],
    ]);
  });
});

describe('extractPlan (issue #15): forms found by reading invented sentences of the usual kinds (2026-12-04)', () => {
  it('reads 接待游客2000万人次 as a target, and people counted by a bare 万 before the noun (实现15万贫困人口脱贫)', () => {
    const text = [
      '2020年政府工作报告',
      '二、2020年工作安排',
      '接待游客2000万人次、旅游收入增长15%以上。',
      '今年要实现15万贫困人口脱贫。',
      '引进10亿元项目5个。',
    ].join('\n');
    expect(targets(extractPlan(text).plan.tasks)).toEqual([
      { kind: 'cumulative', measure: '接待游客', value: '2000', unit: '万人次' },
      { kind: 'rate', measure: '旅游收入增长', bound: 'atLeast', value: '15', unit: '%' },
      { kind: 'cumulative', measure: '贫困人口脱贫', value: '15', unit: '万人' },
      { kind: 'cumulative', measure: '引进10亿元项目', value: '5', unit: '个' },
    ]);
  });
});

describe('extractPlan (issue #15): more invented report sentences (2026-12-04)', () => {
  it('reads 确保11.5万建档立卡贫困人口脱贫、3个贫困县摘帽 and drops 我们将 from a measure', () => {
    const text = [
      '2020年政府工作报告',
      '二、2020年工作安排',
      '全力打赢脱贫攻坚战,确保11.5万建档立卡贫困人口脱贫、3个贫困县摘帽。',
      '我们将力争规上工业增加值增长8%。',
    ].join('\n');
    expect(targets(extractPlan(text).plan.tasks)).toEqual([
      { kind: 'cumulative', measure: '建档立卡贫困人口脱贫', value: '11.5', unit: '万人' },
      { kind: 'cumulative', measure: '贫困县摘帽', value: '3', unit: '个' },
      { kind: 'rate', measure: '规上工业增加值增长', bound: 'atLeast', value: '8', unit: '%' },
    ]);
  });
});

describe('extractPlan (issue #15): the plan year of a report that reviews the year before', () => {
  it('is the year after the one reviewed (2019年是…周年。一年来, 回顾了2019年的工作), not when the text speaks of that year ahead', () => {
    const year = (text: string) => extractPlan(text).plan.period.start.slice(0, 4);
    expect(year('政府工作报告\n各位代表:\n一、过去一年工作回顾\n2019年是新中国成立70周年。一年来,全市地区生产总值增长6.1%。')).toBe('2020');
    expect(year('市长在政府工作报告中回顾了2019年的工作。去年,全市实现地区生产总值3500亿元。')).toBe('2020');
    expect(year('政府工作报告\n各位代表:\n2020年是全面建成小康社会和“十三五”规划收官的一年。全市地区生产总值增长6%左右。')).toBe('2020');
  });
});
