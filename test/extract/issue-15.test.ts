/**
 * Regression tests for issue #15: one per failure class, from the issue's
 * sentences (figures changed) and from the corpus's tuning half
 * (test/extract/corpus/tune). The test half is never used here.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { extractPlan, parsePlan, type Task } from '../../src/index.js';

const targets = (tasks: readonly Task[]) => tasks.map((t) => t.target);

describe('extractPlan (issue #15)', () => {
  describe('document kind from the title and the body together', () => {
    it('reads a bulletin whose items end in (责任单位:…) as a bulletin dated by its 第一季度 title', () => {
      const text = [
        '关于2021年市政府工作报告重点工作第一季度落实情况的通报',
        '1.新建5G基站500个。一季度已建成120个。(责任单位:市经信局)',
        '2.新增城镇就业3万人。一季度新增0.8万人。(责任单位:市人社局)',
        '3.改造老旧小区40个。一季度已开工12个。(责任单位:市住建局)',
      ].join('\n');
      const { kind, plan } = extractPlan(text);
      expect(kind).toBe('bulletin');
      expect(plan.asOf).toBe('2021-03-31');
    });

    it('reads a bulletin with no title line from its body (落实情况进行了督查, 上半年)', () => {
      const text = '7月9日至17日,县委督查办对2025年《政府工作报告》主要目标任务上半年工作落实情况进行了督查。欠进度的有17个,占总任务的7.7%。';
      const { kind, plan } = extractPlan(text);
      expect(kind).toBe('bulletin');
      expect(plan.asOf).toBe('2025-06-30');
    });

    it('reads a notice whose owners are written 由市X局负责落实 as a decomposition', () => {
      const text = '各县(市)、区人民政府:\n一、2021年主要目标\n人口自然增长率控制在6‰以下;城镇登记失业率控制在4%以内。由市人力资源社会保障局负责落实。';
      expect(extractPlan(text).kind).toBe('decomposition');
    });

    it('reads a notice that 下达 a 目标责任制 as a decomposition', () => {
      expect(extractPlan('漳州市人民政府办公室关于下达2010年促进就业工作目标责任制的通知\n1、全市城镇新增就业人数5.8万人以上。').kind).toBe('decomposition');
    });

    it('takes the year from a date line like 2021-11-30 来源:…', () => {
      const { plan } = extractPlan('2021-11-30 来源:市政府办公室\n今年发展主要预期目标是:地区生产总值增长6%左右。');
      expect(plan.period.start).toBe('2021-01-01');
    });

    it('takes the latest year a text names when it has no title or date (2020年执行情况与2021年计划)', () => {
      const { plan } = extractPlan('报告题为《关于高邮市2020年国民经济和社会发展计划执行情况与2021年计划草案的报告》。2021年指标:地区生产总值增长6.5%左右。');
      expect(plan.period.start).toBe('2021-01-01');
    });

    it('dates a bulletin by 前三季度, 前8月, N月份 and 截至X月底', () => {
      expect(extractPlan('2019年督查通报\n前三季度,固定资产投资增长6%。').plan.asOf).toBe('2019-09-30');
      expect(extractPlan('2018年重点项目通报\n前8月完成投资622.2亿元。').plan.asOf).toBe('2018-08-31');
      expect(extractPlan('关于2023年10月份民生实事项目进展情况的通报\n已完成26件。').plan.asOf).toBe('2023-10-31');
      expect(extractPlan('2017年民生实事进度公示\n截至9月底,已完成3项。').plan.asOf).toBe('2017-09-30');
    });
  });
});

void targets;

describe('extractPlan (issue #15): shortfall and surplus phrasing, verdict lists', () => {
  const bulletin = (body: string) => extractPlan(`2019年《政府工作报告》重点目标任务前三季度落实情况的通报\n${body}`);

  it('reads 增长5.8%,低于目标1.2个百分点 as the target 7% and the figure 5.8%, keeping the verdict', () => {
    const { plan } = bulletin('1.地区生产总值(第1项):增长5.8%,低于目标1.2个百分点。');
    expect(plan.tasks).toHaveLength(1);
    const task = plan.tasks[0]!;
    expect(task.target).toEqual({ kind: 'rate', measure: '地区生产总值增长', unit: '%', value: '7', bound: 'atLeast' });
    expect(task.observations?.map((o) => [o.value, o.asOf])).toEqual([['5.8', '2019-09-30']]);
    expect(task['x-verdict']).toBe('低于目标1.2个百分点');
  });

  it('reads 预计下降8%左右,低于目标15个百分点 as the target 增长 7% and the figure −8%', () => {
    const task = bulletin('7.外贸进出口总额(第8项):预计下降8%左右,低于目标15个百分点。').plan.tasks[0]!;
    expect(task.target).toMatchObject({ kind: 'rate', value: '7', bound: 'atLeast' });
    expect(task.observations?.[0]?.value).toBe('-8');
  });

  it('derives the target of 实际到资3.73亿美元,完成年度目标的53.3% from the share (≈ 7亿美元) and lists it for review', () => {
    const { plan, review } = bulletin('6.实际利用外资(第7项):实际到资3.73亿美元,完成年度目标的53.3%,低于目标21.7个百分点。');
    const task = plan.tasks[0]!;
    expect(task.target).toEqual({ kind: 'cumulative', measure: '实际利用外资', unit: '亿美元', value: '7' });
    expect(task.observations?.[0]?.value).toBe('3.73');
    expect(review.map((r) => r.code)).toContain('target-derived');
  });

  it('derives the target of 完成投资600亿元,滞后序时进度9.5个百分点 from the expected progress at the reporting date', () => {
    // 前三季度: 75% expected; 75 − 9.5 = 65.5%; 600 ÷ 65.5% = 916.03… → 916.
    const task = bulletin('3.重点项目完成投资600亿元,滞后序时进度9.5个百分点。').plan.tasks[0]!;
    expect(task.target).toMatchObject({ kind: 'cumulative', unit: '亿元', value: '916' });
    expect(task.observations?.[0]?.value).toBe('600');
    expect(task['x-verdict']).toBe('滞后序时进度9.5个百分点');
  });

  it('reads 超时序进度4.2个百分点 as a surplus over the expected progress', () => {
    // 75 + 4.2 = 79.2%; 396 ÷ 79.2% = 500.
    const task = bulletin('4.省级重点项目完成投资396亿元,超时序进度4.2个百分点。').plan.tasks[0]!;
    expect(task.target).toMatchObject({ kind: 'cumulative', value: '500' });
  });

  it('reads the targets listed in 未达到序时进度的2项为:…, with the document’s verdict, and not the count of tasks', () => {
    const { plan } = bulletin('主要经济指标任务10项。未达到序时进度的2项为:“交通建设提升年”活动完成投资60亿元、普惠性幼儿园覆盖率达85%。');
    expect(plan.tasks.map((t) => [t.target, t['x-verdict']])).toEqual([
      [{ kind: 'cumulative', measure: '“交通建设提升年”活动完成投资', unit: '亿元', value: '60' }, '未达到序时进度'],
      [{ kind: 'rate', measure: '普惠性幼儿园覆盖率', unit: '%', value: '85', bound: 'atLeast' }, '未达到序时进度'],
    ]);
  });

  it('does not read 占总任务的10.8% as progress on a target', () => {
    const { plan } = extractPlan('7月9日至17日,县委督查办对2025年主要目标任务上半年落实情况进行了督查。已完成和提前完成24个,占总任务的10.8%。');
    expect(plan.tasks).toEqual([]);
  });
});

describe('extractPlan (issue #15): a sentence that cannot be read never loses the document', () => {
  async function extract(text: string) {
    const file = join(mkdtempSync(join(tmpdir(), 'duban-issue15-')), 'doc.txt');
    writeFileSync(file, text);
    let stdout = '';
    let stderr = '';
    const status = await main(['extract', file], {
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
      stdin: () => '',
      now: Date.UTC(2019, 9, 30, 12),
    });
    return { status, stdout, stderr, file };
  }

  it('writes the plan of a bulletin with 完成852.9亿元,滞后序时进度11.8个百分点 (no measure) and lists the sentence for review', async () => {
    const { status, stdout, stderr, file } = await extract(
      '2019年重点工作前三季度落实情况的通报\n1.新增城镇就业5万人。\n2.完成852.9亿元,滞后序时进度11.8个百分点。\n',
    );
    expect(status).toBe(0);
    const plan = parsePlan(stdout);
    expect(plan.tasks.map((t) => 'measure' in t.target && t.target.measure)).toEqual(['新增城镇就业']);
    expect(stderr).toContain(`duban: review: ${file}:3:`);
  });

  it('keeps the other tasks when a target read from a sentence is not a valid task, with its offsets on the review list', () => {
    const text = '2019年政府工作报告\n今年主要目标:地区生产总值增长6%。完成852.9亿元,滞后序时进度11.8个百分点。';
    const { plan, review } = extractPlan(text);
    expect(() => parsePlan(JSON.parse(JSON.stringify(plan)))).not.toThrow();
    expect(plan.tasks.map((t) => t.target.kind === 'rate' && t.target.measure)).toEqual(['地区生产总值增长']);
    const item = review.find((r) => r.code === 'not-drafted')!;
    expect(item.sentence).toBe('完成852.9亿元,滞后序时进度11.8个百分点。');
    expect(text.slice(item.start, item.end)).toBe(item.sentence);
    expect(item.line).toBe(2);
  });
});

describe('extractPlan (issue #15): signs and bounds', () => {
  const report = (body: string) => extractPlan(`2021年政府工作报告\n今年主要预期目标:${body}`, { kind: 'report' }).plan.tasks.map((t) => t.target);

  it('reads 居民消费价格涨幅为-0.9% as −0.9', () => {
    expect(report('居民消费价格涨幅为-0.9%。')).toMatchObject([{ kind: 'rate', value: '-0.9', unit: '%' }]);
  });

  it('reads 引进项目不少于3个 and 新增城镇就业不少于1.6万人 as cumulative targets, not “at most … 不”', () => {
    expect(report('引进项目不少于3个,新增城镇就业不少于1.6万人。')).toEqual([
      { kind: 'cumulative', measure: '引进项目', unit: '个', value: '3' },
      { kind: 'cumulative', measure: '新增城镇就业', unit: '万人', value: '1.6' },
    ]);
  });

  it('reads 至少 and 不低于 as floors and 不超过 as a ceiling', () => {
    expect(report('森林覆盖率至少达到40%,研发投入强度不低于2.5%,城镇登记失业率不超过4%。')).toMatchObject([
      { kind: 'rate', value: '40', bound: 'atLeast' },
      { kind: 'rate', value: '2.5', bound: 'atLeast' },
      { kind: 'rate', value: '4', bound: 'atMost' },
    ]);
  });

  it('keeps 达到 on a count a stock (引进基金公司达到200家 is rate ≥ 200, seed 003), only money paid in is cumulative', () => {
    expect(report('贺胜金融小镇引进基金公司达到200家。')).toEqual([
      { kind: 'rate', measure: '贺胜金融小镇引进基金公司', unit: '家', value: '200', bound: 'atLeast' },
    ]);
  });

  it('reads 净增 as a cumulative verb and 达1.2亿美元 of an inflow as cumulative', () => {
    expect(report('工业开票销售净增150亿元,注册外资实际到账达1.2亿美元。')).toEqual([
      { kind: 'cumulative', measure: '工业开票销售净增', unit: '亿元', value: '150' },
      { kind: 'cumulative', measure: '注册外资实际到账', unit: '亿美元', value: '1.2' },
    ]);
  });

  it('reads a share with no bound word as a floor and a concentration as a ceiling (高技术产业投资占比18%, PM2.5浓度37微克/立方米)', () => {
    expect(report('高技术产业投资占固定资产投资比重18%;PM2.5浓度37微克/立方米。')).toMatchObject([
      { kind: 'rate', value: '18', unit: '%', bound: 'atLeast' },
      { kind: 'rate', value: '37', unit: '微克/立方米', bound: 'atMost' },
    ]);
  });
});

describe('extractPlan (issue #15): numbers', () => {
  const report = (body: string) => extractPlan(`2021年政府工作报告\n今年主要预期目标:${body}`, { kind: 'report' });

  it('reads the Chinese decimal 五点五万人 as 5.5万人 with the measure 新增城镇就业', () => {
    expect(report('新增城镇就业五点五万人。').plan.tasks.map((t) => t.target)).toEqual([
      { kind: 'cumulative', measure: '新增城镇就业', unit: '万人', value: '5.5' },
    ]);
  });

  it('reads 百分之三, 千分之六 and 6‰', () => {
    expect(
      report('居民消费价格涨幅控制在百分之三以内,人口自然增长率控制在千分之六以内,出生缺陷发生率控制在6‰以下。').plan.tasks.map((t) => t.target),
    ).toMatchObject([
      { kind: 'rate', value: '3', unit: '%', bound: 'atMost' },
      { kind: 'rate', value: '6', unit: '‰', bound: 'atMost' },
      { kind: 'rate', value: '6', unit: '‰', bound: 'atMost' },
    ]);
  });

  it('reads 居民消费价格指数控制在103以内 as an index target', () => {
    expect(report('居民消费价格指数控制在103以内。').plan.tasks.map((t) => t.target)).toEqual([
      { kind: 'rate', measure: '居民消费价格指数', unit: '点', value: '103', bound: 'atMost' },
    ]);
  });

  it('reads compound units: 7亿美元, 35微克/立方米', () => {
    expect(report('实际利用外资7亿美元;PM2.5平均浓度控制在35微克/立方米以下。').plan.tasks.map((t) => t.target)).toMatchObject([
      { value: '7', unit: '亿美元' },
      { kind: 'rate', value: '35', unit: '微克/立方米', bound: 'atMost' },
    ]);
  });
});

describe('extractPlan (issue #15): measures and modes found on the tuning half', () => {
  it('reads the list after 具体为: as targets even when the sentence says 提出了', () => {
    const { plan } = extractPlan('本报讯 周建峰在报告中提出了2021年全市经济社会高质量发展指标体系安排,具体为:地区生产总值增长6.5%左右;规上工业增加值增长9%。', {
      kind: 'report',
    });
    expect(plan.tasks.map((t) => 'measure' in t.target && t.target.measure)).toEqual(['地区生产总值增长', '规上工业增加值增长']);
  });

  it('reads 城镇调查失业率和登记失业率稳定在4.3%左右 as two targets', () => {
    const { plan } = extractPlan('2019年政府工作报告\n今年预期目标:城镇调查失业率和登记失业率稳定在4.3%左右。', { kind: 'report' });
    expect(plan.tasks.map((t) => 'measure' in t.target && t.target.measure)).toEqual(['城镇调查失业率', '登记失业率']);
  });

  it('reads no target from a criterion in parentheses (进展情况占比低于50%或增幅低于目标任务,下同)', () => {
    const { plan } = extractPlan(
      '2021年1-6月份目标任务完成情况\n未达序时进度的1项,为“农村居民人均可支配收入增长”(进展情况占比低于50%或增幅低于目标任务,下同)。',
    );
    expect(plan.tasks).toEqual([]);
  });

  it('reads a bulletin item whose clause opens with its period (上半年增长8.6%) as a figure, not a target', () => {
    const { plan } = extractPlan('2019年重点目标任务前三季度落实情况\n9.农民人均可支配收入(第12项):上半年增长8.6%,预计前三季度增长8.5%。');
    expect(plan.tasks).toEqual([]);
  });

  it('reads 实际到位资金200亿元以上等 as a target (等 is not a noun the amount qualifies)', () => {
    const { plan } = extractPlan('2021年重点任务分工\n新引进亿元以上项目不少于100个,实际到位资金200亿元以上等。', { kind: 'decomposition' });
    expect(plan.tasks.map((t) => t.target)).toEqual([
      { kind: 'cumulative', measure: '新引进亿元以上项目', unit: '个', value: '100' },
      { kind: 'cumulative', measure: '实际到位资金', unit: '亿元', value: '200' },
    ]);
  });
});

describe('extractPlan (issue #15): measures do not collide', () => {
  it('names two share-only tasks by their subjects (省级…, 市级…), not both 完成投资占年度投资计划', () => {
    const { plan } = extractPlan(
      '2025年上半年重点项目推进情况通报\n省级重点项目完成投资12亿元,占年度投资计划的45.2%。市级重点项目完成投资30亿元,占年度投资计划的43.2%。',
    );
    const measures = plan.tasks.map((t) => ('measure' in t.target ? t.target.measure : ''));
    expect(measures).toHaveLength(2);
    expect(new Set(measures).size).toBe(2);
    expect(measures.every((m) => m.endsWith('完成投资占年度投资计划') && m.length > '完成投资占年度投资计划'.length)).toBe(true);
  });

  it('derives the targets of 完成投资12亿元,占年度投资计划45.2%,超时序进度3.5个百分点 from the stated share', () => {
    const { plan } = extractPlan('2025年上半年重点项目推进情况通报\n4个省级重点项目1-5月完成投资12亿元,占年度投资计划45.2%,超时序进度3.5个百分点。');
    expect(plan.tasks.map((t) => [t.target.kind, 'value' in t.target && t.target.value, t.observations?.[0]?.value])).toEqual([['cumulative', '26.5', '12']]);
  });
});

describe('extractPlan (issue #15): owners and deadlines of decompositions written in prose', () => {
  it('reads the owner of 由市人力资源社会保障局负责落实 (it was a report with no owners)', () => {
    const text = '各县(市)、区人民政府:\n一、2021年主要目标\n城镇新增就业3万人;城镇登记失业率控制在4%以内。由市人力资源社会保障局、市统计局负责落实。';
    const { plan, kind } = extractPlan(text);
    expect(kind).toBe('decomposition');
    expect(plan.tasks.map((t) => t.owners)).toEqual([
      { lead: ['市人力资源社会保障局'], support: ['市统计局'] },
      { lead: ['市人力资源社会保障局'], support: ['市统计局'] },
    ]);
  });

  it('reads the unit a sentence names as its subject (呼和浩特市住建局要…) and 在8月底完成 as a deadline', () => {
    const { plan } = extractPlan('2021年重点任务分工\n今年,呼和浩特市住建局要在8月底完成6.35万户燃煤散烧综合治理任务。', { kind: 'decomposition' });
    expect(plan.tasks.map((t) => [t.owners?.lead, t.deadline])).toEqual([[['市住建局'], '2021-08-31']]);
  });

  it('gives each clause its own deadline (9月底完成…,11月底新建…,12月底改造…)', () => {
    const { plan } = extractPlan('2021年重点任务分工\n9月底完成供热管网互联互通64公里,11月底新建改造道路63条、打通断头路31条,12月底改造棚户区23个区块。', {
      kind: 'decomposition',
    });
    expect(plan.tasks.map((t) => t.deadline)).toEqual(['2021-09-30', '2021-11-30', '2021-11-30', '2021-12-31']);
  });

  it('does not read 截至6月底 as a deadline', () => {
    const { plan } = extractPlan('2021年重点任务分工\n截至6月底完成改造老旧小区40个。', { kind: 'decomposition' });
    expect(plan.tasks[0]?.deadline).toBeUndefined();
  });
});

describe('extractPlan (issue #15): second tuning batch', () => {
  it('reads no target from a report clause about an earlier year (2022年…预计增长2%左右), and the targets of the plan year after it', () => {
    const { plan } = extractPlan(
      '2023年中部省会目标\n2022年郑州全市生产总值预计增长2%左右,规模以上工业增加值增长3.5%。长沙2022年预计地区生产总值增长4.8%,2023年长沙主要预期目标包括地区生产总值增长7%左右。',
      { kind: 'report' },
    );
    expect(plan.tasks.map((t) => t.target)).toMatchObject([{ kind: 'rate', value: '7', bound: 'about' }]);
  });

  it('reads a title-less page of 1-6月份累计完成投资 as a bulletin and pairs each figure with the nearest of two equal targets', () => {
    const { plan, kind } = extractPlan(
      '2020年计划实施千万元以上重点建设项目71个,总投资337.13亿元,年度计划完成投资56.21亿元,1-6月份累计完成投资35.9亿元,占年度目标的63.88%。其中亿元以上项目46个,总投资326.37亿元,年度计划完成投资49.19亿元,1-6月份累计完成投资32.43亿元。',
    );
    expect(kind).toBe('bulletin');
    expect(plan.asOf).toBe('2020-06-30');
    expect(plan.tasks.map((t) => ['value' in t.target && t.target.value, t.observations?.[0]?.value])).toEqual([
      ['56.21', '35.9'],
      ['49.19', '32.43'],
    ]);
  });
});

describe('extractPlan (issue #15): third tuning batch', () => {
  it('names a target after the heading before its colon (人均地区生产总值:增长6%左右; 高新技术企业数:新增10家以上)', () => {
    const { plan } = extractPlan(
      '2021年度目标设定如下:\n人均地区生产总值:增长6%左右,责任单位为区发改委;\n战略新兴产业产值:产值增长16%,责任单位为区发改委;\n高新技术企业数:新增10家以上,责任单位为区科技局;',
      { kind: 'decomposition' },
    );
    expect(plan.tasks.map((t) => 'measure' in t.target && t.target.measure)).toEqual(['人均地区生产总值增长', '战略新兴产业产值增长', '新增高新技术企业数']);
  });

  it('reads the owner a sentence names after its target (…,责任单位为区经信局)', () => {
    const { plan } = extractPlan('2021年度目标设定如下:\n固定资产投资:增长7%,责任单位为区发改委;技改投资占固定资产投资比重16.5%,责任单位为区经信局;', {
      kind: 'decomposition',
    });
    expect(plan.tasks.map((t) => t.owners?.lead?.[0])).toEqual(['区发改委', '区经信局']);
  });

  it('reads no target from the grounds in parentheses (依据区人代会目标设置,高于省、市7.5%平均水平)', () => {
    const { plan } = extractPlan('2021年度目标设定如下:\n规模以上工业增加值:增长8%(依据区人代会目标设置,高于省、市7.5%平均水平),责任单位为区经信局;', {
      kind: 'decomposition',
    });
    expect(targets(plan.tasks)).toMatchObject([{ kind: 'rate', value: '8' }]);
  });

  it('reads an amount named by its noun in a list of targets (固定资产投资162亿元) and a per-head level (人均社会消费品零售总额3.84万元), but not a total investment', () => {
    const { plan } = extractPlan(
      '2021年度目标设定如下:\n固定资产投资及技改投资:固定资产投资162亿元,增长7%;\n社会消费品零售总额:人均社会消费品零售总额3.84万元;\n重点项目:规划总投资78.85亿元;',
      { kind: 'decomposition' },
    );
    expect(targets(plan.tasks)).toMatchObject([
      { kind: 'cumulative', measure: '固定资产投资', value: '162', unit: '亿元' },
      { kind: 'rate', measure: '固定资产投资增长', value: '7' },
      { kind: 'rate', measure: '人均社会消费品零售总额', value: '3.84', unit: '万元', bound: 'atLeast' },
    ]);
  });

  it('reads a news report of 元至九月 / 1至8月 figures as a bulletin with no targets', () => {
    const text = '本报讯 前三季度,全县经济稳中向好。\n元至九月,全县完成生产总值56.7亿,增长7.5%;固定资产投资105亿元,增长12.9%。';
    const { plan, kind } = extractPlan(text, { year: 2018 });
    expect(kind).toBe('bulletin');
    expect(plan.asOf).toBe('2018-09-30');
    expect(plan.tasks.filter((t) => t.target.kind === 'rate' || t.target.kind === 'cumulative' || t.target.kind === 'level')).toEqual([]);
  });

  it('refuses a text that names no year with a message, in Chinese and English, asking for the year', () => {
    expect(() => extractPlan('1至8月,全县累计完成固定资产投资72.7亿元,同比增长25.8%。')).toThrow(
      /找不到文件的年度.*\/ cannot find the year of the document.*pass the year/u,
    );
  });
});

describe('extractPlan (issue #15): fourth tuning batch (key-project progress)', () => {
  it('reads 年度计划投资X亿元 as the target and pairs the 1-4月 figure with it; a share of that plan for another measure (已落实资金) is no task', () => {
    const { plan, kind } = extractPlan(
      '2015年市政府共安排重点项目120项,年度计划投资300亿元。全市重点项目今年1-4月累计完成投资90亿元,为年度投资计划的30%,比时间进度慢了3.3个百分点;已落实资金120亿元,为年度投资计划的40%。',
    );
    expect(kind).toBe('bulletin');
    expect(plan.asOf).toBe('2015-04-30');
    expect(
      plan.tasks.map((t) => [t.target.kind, 'value' in t.target && t.target.value, 'unit' in t.target && t.target.unit, t.observations?.map((o) => o.value)]),
    ).toEqual([['cumulative', '300', '亿元', ['90']]]);
  });

  it('does not date a figure by the stage plan its share is of (占前三季度目标任务78.5%), nor make that share a task, and pairs it with the year’s target', () => {
    const { plan } = extractPlan(
      '某市2018年1-7月重点项目进展情况\n2018年全市重点项目目标任务为500亿元。1-7月,全市200个重点项目完成投资250亿元,占前三季度目标任务70%;新开工项目完成投资20亿元。',
    );
    expect(plan.asOf).toBe('2018-07-31');
    expect(plan.tasks.map((t) => ['value' in t.target && t.target.value, t.observations?.map((o) => [o.value, o.asOf])])).toEqual([
      ['500', [['250', '2018-07-31']]],
    ]);
  });

  it('reads the rows of a plain-text table under a header naming the year’s plan and what was done, each owned by its place', () => {
    const text = [
      '某市2018年1-7月重点项目进展情况',
      '2018年全市重点项目目标任务为100亿元。',
      '  单位:亿元',
      '县(市、区) 1-7月固投',
      '  增速情况',
      '1-7月全市重点项目完成情况',
      '年度投资计划 前三季度',
      '  投资计划',
      '1-7月',
      '  完成投资',
      '完成前三季度目标任务占比(%)',
      '某市 12.9% 100 75 60 80.0%',
      '甲区 13.7% 60 45 36 80.0%',
      '乙县 11.7% 40 30 24 80.0%',
      '',
    ].join('\n');
    const { plan } = extractPlan(text);
    expect(
      plan.tasks.map((t) => [
        'measure' in t.target && t.target.measure,
        'value' in t.target && t.target.value,
        t.owners?.lead?.[0],
        t.observations?.[0]?.value,
      ]),
    ).toEqual([
      ['项目目标', '100', undefined, '60'],
      ['甲区重点项目年度投资计划', '60', '甲区', '36'],
      ['乙县重点项目年度投资计划', '40', '乙县', '24'],
    ]);
  });

  it('reads a title-less 截至9月底,已有… report as a bulletin dated at the month’s end', () => {
    const { plan, kind } = extractPlan('我市2018年签约的100个亿元以上重点工业项目,截至9月底,已有90个项目实质性开工建设,占比达90%。');
    expect(kind).toBe('bulletin');
    expect(plan.asOf).toBe('2018-09-30');
    expect(plan.tasks.filter((t) => t.target.kind === 'cumulative' || t.target.kind === 'rate')).toEqual([]);
  });
});

describe('extractPlan (issue #15): fifth tuning batch (plan reports that recount the past year)', () => {
  it('reads a plan report opening 各位代表 with a heading 一、…计划执行情况 as a report, not a bulletin with no date, and reads no target from the past year', () => {
    const { plan, kind } = extractPlan(
      '各位代表:\n受市人民政府委托,现将2019年国民经济和社会发展计划执行情况及2020年计划草案提请大会审查。\n一、2019年国民经济和社会发展计划执行情况\n2019年,全市地区生产总值增长6.3%。工业技改投资占工业投资比重达到39%,高新技术企业超过3100家。',
    );
    expect(kind).toBe('report');
    expect(plan.tasks).toEqual([]);
  });

  it('reads no target from the world economy’s outlook (IMF调高全球经济2018年增速至3.7%) nor from 今后一个时期 or 一种…现象', () => {
    const { plan } = extractPlan(
      '珠海市2018年国民经济和社会发展计划\n国际货币基金组织(IMF)调高全球经济 2018 年 增速至 3.7%,表明世界经济复苏的动力仍然强劲。推动高质量发展是当前和今后一个时期确定发展思路、制定经济政策的根本要求。这也是发展进程中一种特殊性、阶段性的现象。',
      { kind: 'report' },
    );
    expect(plan.tasks).toEqual([]);
  });
});

describe('extractPlan (issue #15): seventh tuning batch (a scorecard before the targets)', () => {
  it('reads no target under a short line naming an earlier year’s results (■ 2024年成绩单) and the targets after the plan year’s line, without list bullets in the measures', () => {
    const text =
      '政府工作报告摘要\n■ 2024年成绩单\n●预计全省地区生产总值增长6%左右\n●粮食总产达到557亿斤\n■ 2025年经济社会发展的主要预期目标\n●经济增长6%左右\n●城镇新增就业70万人以上\n';
    const { plan } = extractPlan(text, { kind: 'report', year: 2025 });
    expect(plan.tasks.map((t) => 'measure' in t.target && [t.target.measure, t.target.value])).toEqual([
      ['经济增长', '6'],
      ['城镇新增就业', '70'],
    ]);
  });
});

describe('extractPlan (issue #15): eighth tuning batch (the plan year of a report)', () => {
  const year = (text: string) => extractPlan(text).plan.period.start.slice(0, 4);

  it('takes the year a report is delivered in (——2016年1月29日在…人民代表大会…上) over a page title naming the year reviewed, and December’s for the next year', () => {
    expect(
      year('天长市2015年政府工作报告\n——2016年1月29日在天长市第十五届人民代表大会第六次会议上\n各位代表:\n一、2015年工作情况\n全市地区生产总值增长8%。'),
    ).toBe('2016');
    expect(year('湘潭县政府工作报告\n——2022年12月23日在湘潭县第十八届人民代表大会第二次会议上\n各位代表:\n今年以来,全县经济企稳向好。')).toBe('2023');
  });

  it('does not take a horizon (将于2018年率先全面建成小康社会) as the year, nor a page date over the year the targets are for (2021年度目标设定)', () => {
    expect(year('关于某市政府工作报告\n市长作政府工作报告称,2017年地区生产总值增长的预期目标为8%左右,将于2018年率先全面建成小康社会。')).toBe('2017');
    expect(
      year(
        '县域经济考核指标目标任务情况汇报\n时间:2022-07-05 05:31:51\n对32项县域经济考核指标进行了分析和2021年度目标设定,具体设定情况如下:\n人均地区生产总值:增长6%左右,责任单位为区发改委;',
      ),
    ).toBe('2021');
  });

  it('reads a report whose only year is its review’s (一、2024年工作回顾) as the next year’s', () => {
    expect(year('各位代表:\n现在,我代表市人民政府,向大会报告工作。\n一、2024年工作回顾\n预计全市地区生产总值增长4%左右。')).toBe('2025');
  });
});

describe('extractPlan (issue #15): ninth tuning batch', () => {
  it('carries an earlier year over the sentences of its paragraph (2019年,…控制在3%以内。…增长7%以上。去年…), until the plan year or 今年', () => {
    const text =
      '2020年重庆市政府工作报告要点\n会议提到,2019年,规上工业增加值增长6.1%以上。物价形势总体稳定,居民消费价格涨幅控制在3%以内。工业投资增长7%以上。\n会议提到,预计重庆去年新增社会融资规模5100亿元。全市进出口总值增长10%左右。\n对于今年政府工作要求,会议提出,地区生产总值增长6%,城镇新增就业60万人以上。';
    const { plan } = extractPlan(text, { kind: 'report' });
    expect(plan.tasks.map((t) => 'value' in t.target && t.target.value)).toEqual(['6', '60']);
  });

  it('does not carry the past into the next paragraph, nor past 主要预期目标 in the same one', () => {
    const text =
      '2017年威海市政府工作报告要点\n2016年,全市生产总值增长8%。\n一般公共预算收入增长9%左右。\n2016年,全市生产总值增长8%。主要预期目标为:固定资产投资增长11%左右。';
    const { plan } = extractPlan(text, { kind: 'report' });
    expect(plan.tasks.map((t) => 'value' in t.target && t.target.value)).toEqual(['9', '11']);
  });

  it('reads 当年计划投资 as the year’s plan, 概算投资 as a scale, and pairs each with the 1-12月份完成投资 after it', () => {
    const { plan, kind } = extractPlan(
      '2021年,我县重点工程项目共30项,总投资519.86亿元。\n省级6项,概算投资140.16亿元,当年计划投资19亿元。1-12月份完成投资28.78亿元,投资完成率151.47%。\n市级5项,概算投资221.76亿元,当年计划投资22.67亿元。1-12月份完成投资26.4亿元,投资完成率116.45%。',
    );
    expect(kind).toBe('bulletin');
    expect(plan.tasks.map((t) => ['value' in t.target && t.target.value, t.observations?.[0]?.value])).toEqual([
      ['19', '28.78'],
      ['22.67', '26.4'],
    ]);
  });

  it('reads 城镇和农村居民人均可支配收入分别增长8%和8.5%左右 as two targets, each with its value and the shared 左右', () => {
    const { plan } = extractPlan('2017年主要预期目标\n主要预期目标为:城镇和农村居民人均可支配收入分别增长8%和8.5%左右。', { kind: 'report' });
    expect(plan.tasks.map((t) => t.target)).toMatchObject([
      { kind: 'rate', measure: '城镇居民人均可支配收入增长', value: '8', bound: 'about' },
      { kind: 'rate', measure: '农村居民人均可支配收入增长', value: '8.5', bound: 'about' },
    ]);
  });

  it('reads no target from 计划新开工项目157项,总投资506.08亿元 (the count of a group of projects whose scale follows)', () => {
    const { plan } = extractPlan(
      '2023年县级重点项目共530项,年度计划投资561.86亿元,1-6月累计完成投资362.32亿元。其中:在建项目185项,总投资1330.5亿元;计划新开工项目157项,总投资506.08亿元,年度计划投资194.54亿元,1-6月累计完成投资101.97亿元。',
    );
    expect(plan.tasks.map((t) => 'value' in t.target && t.target.value)).toEqual(['561.86', '194.54']);
  });
});

describe('extractPlan (issue #15): tenth tuning batch (the year of a report, and what is not this year’s)', () => {
  const values = (text: string, year?: number) =>
    extractPlan(text, { kind: 'report', ...(year === undefined ? {} : { year }) }).plan.tasks.map((t) => 'value' in t.target && t.target.value);

  it('takes the year of 2018年发展的主要预期目标 / 对2018年政府工作的建议 as the plan year, not the horizon of 在2020年比2010年翻一番', () => {
    const text =
      '报告共分三个部分:一、过去五年工作回顾;二、2018年经济社会发展总体要求和政策取向;三、对2018年政府工作的建议。报告提出了2018年发展的主要预期目标。\n国内生产总值增长6.5%左右。要完成经济总量在2020年比2010年翻一番的目标。';
    expect(extractPlan(text, { kind: 'report' }).plan.period.start).toBe('2018-01-01');
  });

  it('reads a report whose only year is that of its scorecard (2024年……成绩单) or of its stated results (2016年,全市生产总值达到…) as the next year’s', () => {
    const scorecard = extractPlan(
      '各位代表:\n2024年全市上下解放思想 奋发进取 交出了一份优异成绩单\n(一)经济实力实现新跃升。地区生产总值完成4704.3亿元、增长6.1%。',
    );
    expect(scorecard.plan.period.start).toBe('2025-01-01');
    expect(scorecard.plan.tasks).toEqual([]);
    const results = extractPlan('过去五年,贵阳经济增速连续4年位居全国省会城市第一。2016年,全市生产总值达到3157.7亿元、增长11.7%。', { kind: 'report' });
    expect(results.plan.period.start).toBe('2017-01-01');
  });

  it('reads a report titled with the year it says was completed (2021年…目标任务高质量全面完成) as the next year’s when the text names it', () => {
    const text =
      '《政府工作报告》摘要(一):2021年 全县经济社会发展各项目标任务高质量全面完成\n1月20日,县长在作《政府工作报告》时,对2021年工作作了全面回顾,对2022年的主要工作作了安排部署。';
    expect(extractPlan(text).plan.period.start).toBe('2022-01-01');
  });

  it('reads no target from a plan period’s goals (今后五年…主要目标是:…年均增长11%左右,总量突破5500亿元) and reads this year’s after 今年', () => {
    const text =
      '记者从会上了解到,今后五年经济社会发展的主要目标是:创新发展更加强劲。全市生产总值年均增长11%左右,总量突破5500亿元,森林覆盖率超过50%。\n今年主要预期目标:地区生产总值增长7%。';
    expect(values(text, 2017)).toEqual(['7']);
  });

  it('reads no target from results had (这几年, 过去五年, 据统计预测), and an average (年均增长) only in its own clause', () => {
    const text =
      '这几年,经济运行平稳,过去五年GDP的增长速度最低是6.7%,最高是7.8%。\n据统计预测,全县地区生产总值增长12.6%达92.9亿元,一般公共预算收入增长6%达4.21亿元。\n今年的主要预期目标是:国内生产总值增长6.5%左右,研发投入年均增长10%,城镇新增就业5万人。';
    expect(values(text, 2018)).toEqual(['6.5', '5']);
  });

  it('reads no target from a news explainer’s label (数字1:6.5%左右) nor from a rate spoken of (6.5%左右的增速可以实现…)', () => {
    const text =
      '数字1:6.5%左右\n【原文】\n国内生产总值增长6.5%左右。从经济基本面看,6.5%左右的增速可以实现比较充分的就业。实现6.5%左右的增长预期目标是有条件的。';
    const { plan } = extractPlan(text, { kind: 'report', year: 2018 });
    expect(targets(plan.tasks)).toMatchObject([{ measure: '国内生产总值增长', value: '6.5', bound: 'about' }]);
  });

  it('reads 力争纳入省级重点项目150个以上 as a count to reach, like 实施市级重点项目350个', () => {
    expect(values('加快重大项目建设。力争纳入省级重点项目150个以上,实施市级重点项目350个。', 2025)).toEqual(['150', '350']);
  });

  it('reads a numbered task that restates its heading’s target in a later sentence (同口径比上年增长12%, 比上年增长10%以上) as one task', () => {
    const text = [
      '宁波市人民政府关于印发2007年市政府工作主要任务责任分解的通知',
      '一、主要目标',
      '1.财政一般预算收入增长12%。',
      '全市财政一般预算收入623亿元,同口径比上年增长12%。(市财政局)',
      '2.全社会固定资产投资增长10%以上。',
      '全年完成固定资产投资超过1650亿元,比上年增长10%以上。(市发改委)',
    ].join('\n');
    const { plan, kind } = extractPlan(text);
    expect(kind).toBe('decomposition');
    expect(plan.tasks.map((t) => 'value' in t.target && [t.target.measure, t.target.value])).toEqual([
      ['财政一般预算收入增长', '12'],
      ['财政一般预算收入', '623'],
      ['全社会固定资产投资增长', '10'],
      ['完成固定资产投资', '1650'],
    ]);
  });

  it('reads 城镇居民人均可支配收入和农民人均纯收入增长8% as two targets (two measures with one head noun, the verb shared)', () => {
    const { plan } = extractPlan('2007年主要预期目标\n主要预期目标为:城镇居民人均可支配收入和农民人均纯收入增长8%。', { kind: 'report' });
    expect(targets(plan.tasks)).toMatchObject([
      { kind: 'rate', measure: '城镇居民人均可支配收入增长', value: '8', bound: 'atLeast' },
      { kind: 'rate', measure: '农民人均纯收入增长', value: '8', bound: 'atLeast' },
    ]);
  });

  it('reads a closing parenthesis naming only units (市发改委), (市经委、环保局) as a decomposition task’s owners, its heading’s target included', () => {
    const text = [
      '宁波市人民政府关于印发2007年市政府工作主要任务责任分解的通知',
      '一、主要目标',
      '1.地区生产总值增长12%。',
      '全市生产总值达到3260亿元。(市发改委)',
      '2.二氧化硫排放量下降10%。(市经委、环保局)',
      '3.新建保障性住房5000套(含县区)。',
    ].join('\n');
    const { plan } = extractPlan(text);
    expect(plan.tasks.map((t) => [t.owners?.lead, t.owners?.support])).toEqual([
      [['市发改委'], undefined],
      [['市发改委'], undefined],
      [['市经委'], ['环保局']],
      [undefined, undefined],
    ]);
  });

  it('reads 比上年增加1530元,达到21200元 as a target of what the previous clause names (城镇居民人均可支配收入), not an empty measure left for review', () => {
    const { plan, review } = extractPlan('1.城镇居民人均可支配收入增长8%。\n城镇居民人均可支配收入比上年增加1530元,达到21200元。(市发改委)', {
      kind: 'decomposition',
      year: 2007,
    });
    expect(targets(plan.tasks)).toMatchObject([
      { kind: 'rate', measure: '城镇居民人均可支配收入增长', value: '8' },
      { kind: 'rate', measure: '城镇居民人均可支配收入', value: '21200', unit: '元', bound: 'atLeast' },
    ]);
    expect(review).toEqual([]);
  });
});
