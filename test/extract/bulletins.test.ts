/**
 * Regression tests for the bulletin failure classes the corpus's tenth tuning
 * batch showed (test/extract/corpus/tune: Xiangxi, Ganzi, Xiaoxian, Guizhou and
 * a county's air-quality note), one per class, in sentences of those kinds
 * with the figures changed. The test half is never used here.
 */
import { describe, expect, it } from 'vitest';
import { extractPlan, type Task } from '../../src/index.js';

const quantitative = (tasks: readonly Task[]) => tasks.filter((t) => t.target.kind !== 'binary');
const summary = (task: Task) => {
  const target = task.target as { measure?: string; value?: string; unit?: string };
  return { measure: target.measure, value: target.value, unit: target.unit, figures: (task.observations ?? []).map((o) => [o.asOf, o.value, o.unit]) };
};

describe('extractPlan: bulletins of the tenth tuning batch', () => {
  it('reads 为年投资计划的X% and 为年计划的X% as shares of the year’s plan, each measured by the count of projects that opens its sentence', () => {
    const text = [
      '2022年1-6月份重点建设项目简讯',
      '累计完成投资321.5亿元,为年投资计划的52.3%。',
      '产业发展项目90个,完成投资150.2亿元,为年投资计划的61%;基础设施项目40个,完成投资80.1亿元,为年计划的47%。',
    ].join('\n');
    const { plan } = extractPlan(text);
    const tasks = quantitative(plan.tasks).map(summary);
    expect(tasks).toEqual([
      { measure: '完成投资占年投资计划', value: '100', unit: '%', figures: [['2022-06-30', '52.3', '%']] },
      { measure: '产业发展项目完成投资占年投资计划', value: '100', unit: '%', figures: [['2022-06-30', '61', '%']] },
      { measure: '基础设施项目完成投资占年计划', value: '100', unit: '%', figures: [['2022-06-30', '47', '%']] },
    ]);
  });

  it('pairs a figure with the year’s plan of its sentence when its stated share is the figure ÷ the plan, and drops a news lead and 我州 from the measure', () => {
    const text = [
      '某某日报讯 2020年我州重点项目200个,年度计划投资250亿元,1-8月累计完成投资150亿元,完成年度计划的60%。',
      '续建项目完成投资120亿元,完成年度计划的75%;新开工项目完成投资30亿元,完成年度计划的33.3%。',
    ].join('\n');
    const tasks = quantitative(extractPlan(text).plan.tasks).map(summary);
    // The groups' shares under a stated plan are of the groups' own plans, tasks of their own (docs/extract.md, since 2026-12-04).
    expect(tasks).toEqual([
      { measure: '项目年度计划投资', value: '250', unit: '亿元', figures: [['2020-08-31', '150', '亿元']] },
      { measure: '续建项目完成投资占年度计划', value: '100', unit: '%', figures: [['2020-08-31', '75', '%']] },
      { measure: '新开工项目完成投资占年度计划', value: '100', unit: '%', figures: [['2020-08-31', '33.3', '%']] },
    ]);
  });

  it('still reads a share of the stated plan (已落实资金…为年度投资计划的X%, agreeing with ÷ the plan) as no task of its own', () => {
    const text =
      '2013年重点项目1-4月进展\n2013年共安排重点项目100项,年度计划投资200亿元。今年1-4月累计完成投资50亿元,为年度投资计划的25%;已落实资金80亿元,为年度投资计划的40%。';
    const tasks = quantitative(extractPlan(text).plan.tasks).map(summary);
    expect(tasks).toEqual([{ measure: '项目年度计划投资', value: '200', unit: '亿元', figures: [['2013-04-30', '50', '亿元']] }]);
  });

  it('reads a table whose columns are separated by | (年投资计划 | 完成投资额), one target and figure per row, owned by the row’s place', () => {
    const text = [
      '2021年1-9月份重点建设项目简讯',
      '1-9月份州重点项目投资完成情况汇总表',
      '单位:个、亿元',
      '隶 属 | 项目个数 | 年投资计划 | 完成投资额 | 年计划投资完成率 |',
      '甲县 | 50 | 80.5 | 60.1 | 74.7% |',
      '乙县 | 20 | 40.0 | 30.2 | 75.5% |',
      '丙高新区 | 27 | 60.4 | 50.1 | 82.9% |',
      '州 直 | 58 | 150.7 | 90.0 | 59.7% |',
    ].join('\n');
    const { plan } = extractPlan(text);
    const tasks = quantitative(plan.tasks);
    expect(tasks.map(summary)).toEqual([
      { measure: '甲县州重点项目年投资计划', value: '80.5', unit: '亿元', figures: [['2021-09-30', '60.1', '亿元']] },
      { measure: '乙县州重点项目年投资计划', value: '40.0', unit: '亿元', figures: [['2021-09-30', '30.2', '亿元']] },
      { measure: '丙高新区州重点项目年投资计划', value: '60.4', unit: '亿元', figures: [['2021-09-30', '50.1', '亿元']] },
      { measure: '州直州重点项目年投资计划', value: '150.7', unit: '亿元', figures: [['2021-09-30', '90.0', '亿元']] },
    ]);
    expect(tasks.map((t) => t.owners?.lead?.[0])).toEqual(['甲县', '乙县', '丙高新区', '州直']);
  });

  it('reads 2个X已完成1个(50%) as the target 2 and the figure 1, item by item, and not 已完成4000人(51%) whose target is not written', () => {
    const text = [
      '某县2025年9月份民生工程进展情况',
      '剩余8项中,2个嵌入式养老机构建设已完成1个(50%)、16个农村幸福院建设已完成8个(50%),120条农村黑臭水体治理已完成90条(75%),200场送戏进万村已送150场(75%);1000件困难群体法律援助已完成900件(90%),疫苗免费接种服务已完成4000人(51%)。',
    ].join('\n');
    const tasks = quantitative(extractPlan(text).plan.tasks).map(summary);
    expect(tasks).toEqual([
      { measure: '嵌入式养老机构建设', value: '2', unit: '个', figures: [['2025-09-30', '1', '个']] },
      { measure: '农村幸福院建设', value: '16', unit: '个', figures: [['2025-09-30', '8', '个']] },
      { measure: '农村黑臭水体治理', value: '120', unit: '条', figures: [['2025-09-30', '90', '条']] },
      { measure: '送戏进万村', value: '200', unit: '场', figures: [['2025-09-30', '150', '场']] },
      { measure: '困难群体法律援助', value: '1000', unit: '件', figures: [['2025-09-30', '900', '件']] },
    ]);
  });

  it('reads a text whose lines open with the period their figures cover (2019年1-2月, / 1月1日-9月4日,) as a bulletin dated at that period, with no target', () => {
    const monthly =
      '一、中心城市空气质量状况\n2019年2月,全省中心城市空气质量平均优良天数比率为98.4%,同比上升3.6个百分点;2019年1-2月,平均优良天数比率为95.5%,同比下降0.9个百分点。';
    const air = extractPlan(monthly);
    expect(air.kind).toBe('bulletin');
    expect(air.plan.asOf).toBe('2019-02-28');
    expect(quantitative(air.plan.tasks)).toEqual([]);
    const county = extractPlan('1月1日-9月4日,我县综合指数年累计为4.54,同比下降16.24%;PM2.5年均浓度为40μg/m³,同比下降24.53%。', { year: 2021 });
    expect(county.kind).toBe('bulletin');
    expect(county.plan.asOf).toBe('2021-09-04');
    expect(quantitative(county.plan.tasks)).toEqual([]);
  });
});

describe('extractPlan: bulletins of the eleventh tuning batch', () => {
  it('reads a news report whose first sentence opens with its period after the lead (本报讯 (记者…)今年前三季度, / 今年1—11月, / 截至5月底,) as a bulletin', () => {
    const hebi = extractPlan('本报讯 (记者 某某)今年前三季度,全市重点项目共完成投资150亿元,为年度计划的75%。', { year: 2010 });
    expect(hebi.kind).toBe('bulletin');
    expect(hebi.plan.asOf).toBe('2010-09-30');
    expect(extractPlan('今年1—11月,全省150个在建重点项目完成投资1200亿元,为年计划的90%。', { year: 2012 }).kind).toBe('bulletin');
    const housing = extractPlan('观点网讯:住建部公布1-5月进展情况。\n截至5月底,全国已开工300万套;基本建成200万套。', { year: 2012 });
    expect(housing.kind).toBe('bulletin');
    expect(housing.plan.asOf).toBe('2012-05-31');
  });

  it('does not take the start of a range (2001年至2019年) as the year, as it does not take its end', () => {
    expect(() => extractPlan('截至9月底,省重点项目完成投资800亿元,完成年度计划的80%。\n新闻推荐\n2001年至2019年,某市举办了13届茶博会。')).toThrow(/年度|year/u);
  });

  it('reads 7个省重点项目完成年度投资计划的81% (a share with no amount before it) as a share of the year’s plan', () => {
    const text = '2010年重点项目前三季度进展情况\n7个省重点项目完成年度投资计划的81%,投资进度居全省第五位;109个列入“双千”工程项目完成年度投资计划的75%。';
    const tasks = quantitative(extractPlan(text).plan.tasks).map(summary);
    expect(tasks).toEqual([
      { measure: '省重点项目占年度投资计划', value: '100', unit: '%', figures: [['2010-09-30', '81', '%']] },
      { measure: '列入“双千”工程项目占年度投资计划', value: '100', unit: '%', figures: [['2010-09-30', '75', '%']] },
    ]);
  });

  it('reads 分别占计划的X%、Y% as the shares of the amounts before it when the paragraph names the year’s plan, and a bare 计划 otherwise as no year’s plan', () => {
    const text =
      '2012年1—11月重点项目进展情况\n全省100个续建重点项目完成投资1000亿元,为年计划的90%。按行业划分,50个产业发展项目完成投资300亿元,40个基础设施项目完成投资600亿元,分别占计划的80.5%、99%。';
    const tasks = quantitative(extractPlan(text).plan.tasks).map(summary);
    expect(tasks).toEqual([
      { measure: '续建重点项目完成投资占年计划', value: '100', unit: '%', figures: [['2012-11-30', '90', '%']] },
      { measure: '产业发展项目完成投资占计划', value: '100', unit: '%', figures: [['2012-11-30', '80.5', '%']] },
      { measure: '基础设施项目完成投资占计划', value: '100', unit: '%', figures: [['2012-11-30', '99', '%']] },
    ]);
    expect(quantitative(extractPlan('2012年1—11月重点项目进展情况\n产业发展项目完成投资300亿元,占计划的80.5%。').plan.tasks)).toEqual([]);
  });

  it('reads 今年…将开建N and 今年…竣工计划为N as this year’s targets, but not 下一步将新建 nor 预计将完成 with no year named', () => {
    const text =
      '2012年1-5月保障房进展\n截至5月底,全国已开工300万套。\n今年全国将开建保障房700万套,低于2011年1000万套的目标;今年保障房的竣工计划为500万套。下一步将新建公租房20万套,预计将完成投资3000亿元。';
    const tasks = quantitative(extractPlan(text).plan.tasks).map(summary);
    expect(tasks.map((t) => [t.measure, t.value, t.unit])).toEqual([
      ['开建保障房', '700', '万套'],
      ['保障房的竣工', '500', '万套'],
    ]);
  });
});

describe('extractPlan: bulletins of the twelfth tuning batch', () => {
  it('reads a text with no title whose body states a share of the year’s plan (完成年度投资计划的69%) as a bulletin, dated by its period', () => {
    const { kind, plan } = extractPlan(
      '今年是“十三五”开局之年,重点工程建设成效明显。前三季度,各出资企业完成投资80.5亿元,比上年同期增长16%,完成年度投资计划的70%。',
      {
        year: 2016,
      },
    );
    expect(kind).toBe('bulletin');
    expect(plan.asOf).toBe('2016-09-30');
    expect(quantitative(plan.tasks).map(summary)).toEqual([
      { measure: '各出资企业完成投资占年度投资计划', value: '100', unit: '%', figures: [['2016-09-30', '70', '%']] },
    ]);
  });
});

describe('extractPlan: bulletins of the fifteenth tuning batch', () => {
  it('reads a statistical release of a period’s figures (前三季度全区实现…, 初步统计,前三季度…增长) as a bulletin with no targets, not a report of targets', () => {
    const release = [
      '根据地区生产总值统一核算结果,前三季度,全区实现地区生产总值800.5亿元,同比增长5.1%。',
      '一、农业',
      '前三季度全区实现第一产业增加值50.2亿元,同比增长3.1%;蔬菜产量120.4万吨,增长2.2%。',
    ].join('\n');
    const first = extractPlan(release, { year: 2025 });
    expect(first.kind).toBe('bulletin');
    expect(first.plan.asOf).toBe('2025-09-30');
    expect(quantitative(first.plan.tasks)).toEqual([]);
    const news = [
      '实现地区生产总值600.1亿元,同比增长6.0%',
      '农业生产形势较好,第一产业增加值100.2亿元,增长3.5%。初步统计,前三季度蔬菜产量增长4.0%,茶叶产量增长6.1%。',
    ].join('\n');
    const second = extractPlan(news, { year: 2024 });
    expect(second.kind).toBe('bulletin');
    expect(quantitative(second.plan.tasks)).toEqual([]);
  });

  it('reads a progress table (项目内容 | 8月计划进度 | 实际进度情况 | 完成率 |) as a bulletin dated at that month’s end, its targets from the first cell only, in 对 and 节(次)', () => {
    const text = [
      '项 目 内 容 | 8月计划进度 | 实际进度情况 | 完成率 | 责任 单位 |',
      '(1)组建教共体50对以上,完成同步课堂等达1000节(次)以上。 | 新设立市级名师工作室6个。 | 组建4对跨地区教共体,完成同步课堂80节(次)。 | 70% | 市教育局 |',
      '(2)创建乡村示范学校4所以上。 | 完成建设。 | 已开展培训30场。 | 60% | 市教育局 |',
    ].join('\n');
    const { kind, plan } = extractPlan(text, { year: 2022 });
    expect(kind).toBe('bulletin');
    expect(plan.asOf).toBe('2022-08-31');
    expect(
      quantitative(plan.tasks)
        .map((t) => summary(t))
        .map((t) => [t.measure, t.value, t.unit]),
    ).toEqual([
      ['组建教共体', '50', '对'],
      ['完成同步课堂等', '1000', '节(次)'],
      ['创建乡村示范学校', '4', '所'],
    ]);
  });

  it('reads 全省2021年新增40万亩国土绿化任务 (the year’s task named after its amount) as a target, and 分别占年度任务的X%和Y% as the shares of the amounts before it', () => {
    const text =
      '2021年国土绿化行动通报\n截至3月29日,全省2021年新增50万亩国土绿化任务,各地完成造林施工面积30万亩,其中油茶造林面积4万亩,分别占年度任务的60%和40%。';
    const tasks = quantitative(extractPlan(text).plan.tasks).map(summary);
    expect(tasks).toEqual([
      { measure: '新增国土绿化', value: '50', unit: '万亩', figures: [['2021-03-29', '30', '万亩']] },
      { measure: '油茶造林面积占年度任务', value: '100', unit: '%', figures: [['2021-03-29', '40', '%']] },
    ]);
    // No year's task named: the amount is a figure, not a target.
    expect(quantitative(extractPlan('2021年国土绿化行动通报\n截至3月29日,全省新增造林30万亩。').plan.tasks)).toEqual([]);
  });

  it('reads 现将1至7月民生工程实施进度通报如下 (no title line) as a bulletin', () => {
    const { kind } = extractPlan('为推进我市2017年民生工程实施工作,现将1至7月民生工程实施进度通报如下:\n一、各县区综合排名\n第一名甲县;第二名乙县。');
    expect(kind).toBe('bulletin');
  });
});

describe('extractPlan: bulletins of the sixteenth tuning batch', () => {
  it('reads a table written one cell per line (序号 / 项目内容 / 当前进度 / 牵头单位) as a bulletin: targets from the content cells, owned by the lead unit, the progress cells reporting', () => {
    const text = [
      '2022年度民生实事项目进度表(截至10月31日)',
      '',
      '序号',
      '',
      '项目内容',
      '',
      '当前进度',
      '',
      '牵头单位',
      '',
      '备注',
      '',
      '1',
      '',
      '建设四好农村路40公里。',
      '',
      '90%',
      '',
      '县交通局',
      '',
      '县民生实事',
      '',
      '2',
      '',
      '新增12个“文化驿站”。',
      '',
      '98.5%',
      '',
      '县文广旅体局',
      '',
      '县民生实事',
    ].join('\n');
    const { kind, plan } = extractPlan(text);
    expect(kind).toBe('bulletin');
    expect(plan.asOf).toBe('2022-10-31');
    expect(quantitative(plan.tasks).map((t) => [summary(t).measure, summary(t).value, summary(t).unit, t.owners?.lead])).toEqual([
      ['建设四好农村路', '40', '公里', ['县交通局']],
      ['新增“文化驿站”', '12', '个', ['县文广旅体局']],
    ]);
  });

  it('reads the count that sums up a list where targets are read (建成投用甲、乙等3家卫生院, 打通A路等12条断头路) with the verb before the list, but not 等N个 in a figure', () => {
    const text = '2022年民生实事\n1.建成投用甲镇、乙镇、丙镇等3家卫生院,打通人民大道等12条断头路。\n截至9月底,已建成甲镇等2个卫生院。';
    const tasks = quantitative(extractPlan(text).plan.tasks).map(summary);
    expect(tasks.map((t) => [t.measure, t.value, t.unit])).toEqual([
      ['建成卫生院', '3', '家'],
      ['打通断头路', '12', '条'],
    ]);
  });
});

describe('extractPlan: livelihood-project bulletins of the twenty-third tuning batch', () => {
  it('reads a table whose title line ends in a cell bar (…推进情况表(1-9月份) |) as a bulletin dated by its period', () => {
    const text = [
      '某市2021年度10项重点民生实事推进情况表(1-9月份) |',
      '编号 |',
      '工作任务 |',
      '1-9月份工作情况 |',
      '牵头单位 |',
      '1 |',
      '免费康复救助800名残疾儿童 |',
      '为全市950名残疾儿童提供康复训练救助 |',
      '市残联 |',
    ].join('\n');
    const { kind, plan } = extractPlan(text);
    expect(kind).toBe('bulletin');
    expect(plan.asOf).toBe('2021-09-30');
  });

  it('reads news opening with a lead (从…获悉,) and then the period (今年上半年,) as a bulletin', () => {
    const text = '从某市发改委获悉,今年上半年,市政府2016年为民办实事工程整体进展顺利,20个项目中15个已开工建设。';
    const { kind, plan } = extractPlan(text);
    expect(kind).toBe('bulletin');
    expect(plan.asOf).toBe('2016-06-30');
  });

  it('reads a line opening with 截至9月底 followed straight by 全省 as a bulletin', () => {
    const text = '全省保障房开工率超八成\n 2019-10-14  出处:某日报\n截至9月底全省新开工12.5万套\n据了解,今年全省计划新开工保障性安居工程15万套。';
    expect(extractPlan(text).kind).toBe('bulletin');
  });

  it('reads the year’s task stated inside a reporting sentence (年度任务是…N, 全年目标是…, 今年全省计划新开工…) as targets, and what follows as figures', () => {
    const text = [
      '2016年为民办实事上半年进展情况',
      '村内道路建设年度任务是硬化道路300万平方米,上半年完成210万平方米;社会治安技防监控年度任务新建高清监控点50处,开放式小区监控90处,目前已完成方案设计。',
      '提高新农合保障水平全年目标是新农合参合率稳定在96%以上,目前全市参合率达99%。',
      '据了解,今年全省计划新开工保障性安居工程15万套,基本建成8万套,截至6月30日,全省基本建成8.5万套。',
    ].join('\n');
    const tasks = quantitative(extractPlan(text).plan.tasks).map(summary);
    expect(tasks.map((t) => [t.value, t.unit])).toEqual([
      ['300', '万平方米'],
      ['50', '处'],
      ['90', '处'],
      ['96', '%'],
      ['15', '万套'],
      ['8', '万套'],
    ]);
    expect(tasks[3]!.figures).toEqual([['2016-06-30', '99', '%']]);
    expect(tasks[5]!.figures).toEqual([['2016-06-30', '8.5', '万套']]);
  });

  it('does not read a share of the year’s task or the year’s investment plan (完成年度任务的71%, 年度计划投资X亿元) as a stated task', () => {
    const text =
      '2020年1-8月重点项目进展情况\n2020年全州重点项目200个,年度计划投资300亿元,1-8月累计完成投资200亿元,完成年度计划的66.67%;续建项目完成投资150亿元,完成年度计划的80%。';
    const tasks = quantitative(extractPlan(text).plan.tasks).map(summary);
    expect(tasks.map((t) => [t.value, t.unit])).toEqual([['300', '亿元']]);
  });

  it('reads what follows 任务目标: up to 进展情况: as the tasks of a 任务目标/进展情况 layout', () => {
    const text =
      '某市2014年十件实事全部完成\n任务目标:打通民生路等5条断头路。提升改造主城区80条次干道和小街巷。 进展情况:截至12月底,5条断头路已全部完工,共完成路口改造9个。 任务目标:新扩建40所公办标准化幼儿园。 进展情况:截至去年12月底,已建成42所。';
    const { kind, plan } = extractPlan(text);
    expect(kind).toBe('bulletin');
    expect(plan.asOf).toBe('2014-12-31');
    const tasks = quantitative(plan.tasks).map(summary);
    expect(tasks.map((t) => [t.value, t.unit])).toEqual([
      ['5', '条'],
      ['80', '条'],
      ['40', '所'],
    ]);
  });
});

describe('extractPlan: livelihood-project bulletins of the twenty-third tuning batch (shares and counts)', () => {
  it('reads 完成年初计划的X% (the plan set at the start of the year) as a share of the year’s plan', () => {
    const text = '2022年十件民生实事完成情况\n一开展缓解停车难行动\n全年项目资金支出3.5亿元,完成年初计划的120.5%。';
    const tasks = quantitative(extractPlan(text, { asOf: '2022-12-31' }).plan.tasks).map(summary);
    expect(tasks.map((t) => [t.value, t.unit, t.figures])).toEqual([['100', '%', [['2022-12-31', '120.5', '%']]]]);
  });

  it('reads 对N个X进行改造 / 对A、B N处X进行渠化改造 where targets are read as the count of what is to be done', () => {
    const text =
      '某市2014年十件实事全部完成\n任务目标:对全市80个老旧小区的二次管网进行改造。 进展情况:截至12月底,全部完工。 任务目标:对甲路、乙路8处路口进行渠化改造。 进展情况:截至12月底,已完成。';
    const tasks = quantitative(extractPlan(text).plan.tasks).map(summary);
    expect(tasks.map((t) => [t.measure, t.value, t.unit])).toEqual([
      ['老旧小区的二次管网改造', '80', '个'],
      ['路口渠化改造', '8', '处'],
    ]);
  });
});

describe('extractPlan: a one-cell-per-line table closed by cell bars (twenty-third tuning batch)', () => {
  it('reads 编号 / 工作任务 / 1-9月份工作情况 / 牵头单位 cells closed by |, past a category row, its targets from the task cells owned by the lead unit', () => {
    const text = [
      '某市2021年度10项重点民生实事推进情况表(1-9月份) |',
      '类别 |',
      '编号 |',
      '工作任务 |',
      '1-9月份工作情况 |',
      '牵头单位 |',
      '一、加强特殊困难群体关爱服务保障 |',
      '1 |',
      '免费康复救助800名残疾儿童 |',
      '依托20家定点康复机构提供康复训练 |',
      '市残联 |',
      '2 |',
      '新建城市公共停车位3000个 |',
      '已建成2100个 |',
      '市住建局 |',
    ].join('\n');
    const { kind, plan } = extractPlan(text);
    expect(kind).toBe('bulletin');
    expect(quantitative(plan.tasks).map((t) => [summary(t).measure, summary(t).value, summary(t).unit, t.owners?.lead])).toEqual([
      ['免费康复救助残疾儿童', '800', '名', ['市残联']],
      ['新建城市公共停车位', '3000', '个', ['市住建局']],
    ]);
  });
});

describe('extractPlan: promise-and-done layouts of the twenty-sixth tuning batch', () => {
  it('reads a 政府承诺:/政府办理: layout as a bulletin, the promise’s count of what is to be built (1200家X建设工程) as a target', () => {
    const text =
      '2004年20件实事落实情况\n\n政府承诺:1200家村级农贸综合服务站建设工程\n\n政府办理:目前,已建成1300家村级农贸综合服务站。\n\n政府承诺:加大对蔬菜批发市场检测力度\n\n政府办理:去年共检测蔬菜1.1亿公斤。';
    const { kind, plan } = extractPlan(text, { asOf: '2004-12-31' });
    expect(kind).toBe('bulletin');
    expect(quantitative(plan.tasks).map((t) => [summary(t).measure, summary(t).value, summary(t).unit])).toEqual([['村级农贸综合服务站建设', '1200', '家']]);
  });

  it('reads a 【目标】/【完成情况】 layout as a bulletin, its completion figures with no target as no task', () => {
    const text =
      '2019年十件惠民实事半年进展\n【目标】设立公共交通发展专项资金,增加安排特定人员免费乘车补贴 【完成情况】设立专项资金2500万元,免费乘车补贴3000万元。 【目标】增加高铁班次 【完成情况】开通动车组1对2趟。';
    const { kind, plan } = extractPlan(text, { asOf: '2019-06-30' });
    expect(kind).toBe('bulletin');
    expect(quantitative(plan.tasks)).toEqual([]);
  });
});

describe('extractPlan: the year of a promise-and-done news page (twenty-sixth tuning batch)', () => {
  it('takes the year from a headline naming what was 落实 (2004年初…一一落实) over the next year’s publication date', () => {
    const text =
      '新闻中心 > 综合 > 正文\n\n2004年初政府承诺10件实事如今一一落实\n\nhttp://www.example.cn 2005年01月19日02:53 某都市报\n\n政府承诺:800家村级农贸综合服务站建设工程\n\n政府办理:目前,已建成900家村级农贸综合服务站。';
    const { plan } = extractPlan(text, { asOf: '2004-12-31' });
    expect(plan.id).toBe('extracted-2004');
  });
});
