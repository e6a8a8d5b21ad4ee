import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_KINDS, extractPlan, isDubanError, parsePlan, REVIEW_CODES, type Task } from '../../src/index.js';

const seeds = ['000_52924f53d217235b', '001_6c6e10b74562c21b', '002_93b6e1f04503de54', '003_77440ee1c208de8a', '004_c1271cb4d1a17d51'];
const seedText = (name: string) => readFileSync(new URL(`./seeds/${name}.txt`, import.meta.url), 'utf8');

/** The first target read from one sentence of a 2018 work report. */
function targetsOf(sentence: string, options: Parameters<typeof extractPlan>[1] = {}) {
  return extractPlan(sentence, { year: 2018, kind: 'report', ...options }).plan.tasks.map((task) => task.target);
}

describe('extractPlan', () => {
  describe('reads a target from each phrase of the brief', () => {
    const cases: [string, string, Record<string, unknown>][] = [
      ['增长X% → rate at least X', '地区生产总值增长6.5%。', { kind: 'rate', measure: '地区生产总值增长', unit: '%', value: '6.5', bound: 'atLeast' }],
      ['控制在X%以内 → at most', '城镇登记失业率控制在3.5%以内。', { kind: 'rate', measure: '城镇登记失业率', unit: '%', value: '3.5', bound: 'atMost' }],
      ['X%以下 → at most', '城镇调查失业率5.5%以下。', { kind: 'rate', measure: '城镇调查失业率', unit: '%', value: '5.5', bound: 'atMost' }],
      ['X%以上 → at least', '确保空气质量优良率在78%以上。', { kind: 'rate', measure: '空气质量优良率', unit: '%', value: '78', bound: 'atLeast' }],
      ['不低于X% → at least', '研发投入强度不低于2.5%。', { kind: 'rate', measure: '研发投入强度', unit: '%', value: '2.5', bound: 'atLeast' }],
      ['达到X% → at least', '森林覆盖率达到36.7%。', { kind: 'rate', measure: '森林覆盖率', unit: '%', value: '36.7', bound: 'atLeast' }],
      ['下降X% → at most −X', '单位生产总值能耗下降3.5%。', { kind: 'rate', measure: '单位生产总值能耗', unit: '%', value: '-3.5', bound: 'atMost' }],
      ['下降X%以上 → still at most −X', '单位生产总值能耗下降3%以上。', { kind: 'rate', measure: '单位生产总值能耗', unit: '%', value: '-3', bound: 'atMost' }],
      [
        '左右 → about, 0.5 points for %',
        '国内生产总值增长6.5%左右。',
        { kind: 'rate', measure: '国内生产总值增长', unit: '%', value: '6.5', bound: 'about', tolerance: '0.5' },
      ],
      [
        '左右 → about, 5% of the value otherwise',
        '粮食产量稳定在100万吨左右。',
        { kind: 'rate', measure: '粮食产量', unit: '万吨', value: '100', bound: 'about', tolerance: '5' },
      ],
      [
        '控制在…左右 → a ceiling',
        '商品房去库存消化周期控制在10个月左右。',
        { kind: 'rate', measure: '商品房去库存消化周期', unit: '个月', value: '10', bound: 'atMost' },
      ],
      [
        '提高N个百分点 → at least N points',
        '高考重点院校入学率提高3个百分点。',
        { kind: 'rate', measure: '高考重点院校入学率提高', unit: '个百分点', value: '3', bound: 'atLeast' },
      ],
      ['新增 N → cumulative', '城镇新增就业1.6万人。', { kind: 'cumulative', measure: '城镇新增就业', unit: '万人', value: '1.6' }],
      ['完成 N → cumulative', '确保全年完成基础设施投资80亿元。', { kind: 'cumulative', measure: '完成基础设施投资', unit: '亿元', value: '80' }],
      ['新建 N → cumulative', '新建保障性住房6300套。', { kind: 'cumulative', measure: '新建保障性住房', unit: '套', value: '6300' }],
      ['改造 N → cumulative', '综合改造老旧小区20个。', { kind: 'cumulative', measure: '综合改造老旧小区', unit: '个', value: '20' }],
      ['引进 N → cumulative', '力争再引进3家外埠金融机构。', { kind: 'cumulative', measure: '引进外埠金融机构', unit: '家', value: '3' }],
      ['化解 N → cumulative', '年内化解政府债务22亿元。', { kind: 'cumulative', measure: '化解政府债务', unit: '亿元', value: '22' }],
      [
        '达到 N 单位 → rate judged as it stands',
        '高新技术企业达到220家。',
        { kind: 'rate', measure: '高新技术企业', unit: '家', value: '220', bound: 'atLeast' },
      ],
      ['突破 N → cumulative', '力争专利申请量突破2000件。', { kind: 'cumulative', measure: '专利申请量', unit: '件', value: '2000' }],
      ['N人脱贫 → cumulative', '确保67178人脱贫。', { kind: 'cumulative', measure: '脱贫', unit: '人', value: '67178' }],
      [
        '每立方X微克以下 → a concentration ceiling',
        'PM10浓度均值控制在每立方70微克以下。',
        { kind: 'rate', measure: 'PM10浓度均值', unit: '微克/立方米', value: '70', bound: 'atMost' },
      ],
      [
        '比重达到A:1 → A 倍',
        '农产品加工业产值完成240亿元,与农业总产值比重达到1.8:1。',
        { kind: 'rate', measure: '农产品加工业产值与农业总产值比重', unit: '倍', value: '1.8', bound: 'atLeast' },
      ],
    ];
    it.each(cases)('%s', (_, sentence, expected) => {
      expect(targetsOf(sentence).at(-1)).toEqual(expected);
    });
  });

  describe('reads numbers exactly', () => {
    const cases: [string, string, string, string][] = [
      ['万 stays the unit prefix', '新增就业1.6万人。', '1.6', '万人'],
      ['亿 stays the unit prefix', '化解政府债务22亿元。', '22', '亿元'],
      ['千 is folded into the value', '新建公租房3千套。', '3000', '套'],
      ['一万', '新增就业一万人。', '1', '万人'],
      ['两千', '新建学校两千所。', '2000', '所'],
      ['三百亿', '引进资金三百亿元。', '300', '亿元'],
      ['十四', '改造十四个老旧小区。', '14', '个'],
      ['一万五千', '新增就业一万五千人。', '1.5', '万人'],
      ['full-width digits', '化解债务１２．５亿元。', '12.5', '亿元'],
      ['千亿 with no unit is money when the measure is', '实现农产品加工业产值率先突破千亿。', '1000', '亿元'],
      ['many digits, no binary rounding', '新增就业0.1000000000000000055万人。', '0.1000000000000000055', '万人'],
      ['万亿 prefix', '粮食产量保持在1.3万亿斤以上。', '1.3', '万亿斤'],
    ];
    it.each(cases)('%s', (_, sentence, value, unit) => {
      const target = targetsOf(sentence).at(-1);
      expect(target).toMatchObject({ value, unit });
    });
  });

  it('reads one phrase naming two measures as two targets (城乡…均增长)', () => {
    expect(targetsOf('城乡常住居民人均可支配收入均增长6.5%。')).toEqual([
      { kind: 'rate', measure: '城镇常住居民人均可支配收入增长', unit: '%', value: '6.5', bound: 'atLeast' },
      { kind: 'rate', measure: '农村常住居民人均可支配收入增长', unit: '%', value: '6.5', bound: 'atLeast' },
    ]);
  });

  it('reads 各N个 after a list of names as one target per name', () => {
    expect(targetsOf('新增“农业+休闲”“农业+旅游”示范基地各30个。').map((t) => ('measure' in t ? t.measure : ''))).toEqual([
      '新增“农业+休闲”示范基地',
      '新增“农业+旅游”示范基地',
    ]);
  });

  it('reads each item of a list with the verb of the first (创建2个…、4个…)', () => {
    expect(targetsOf('力争创建2个省级生态文明建设示范县、4个省级森林城镇。')).toEqual([
      { kind: 'cumulative', measure: '创建省级生态文明建设示范县', unit: '个', value: '2' },
      { kind: 'cumulative', measure: '创建省级森林城镇', unit: '个', value: '4' },
    ]);
  });

  it('does not read scopes, names, ordinals and attributes as targets', () => {
    for (const sentence of [
      '进一步提升9个示范区建设水平。',
      '开展第三次经济普查。',
      '全面开展“四个辽阳”建设。',
      '实施《法治政府建设方案(2016-2020)》。',
      '力争引进一批投资过亿,过十亿、乃至百亿元的大项目。',
      '形成一批百亿级产业集群。',
      '打造居民15分钟健身圈。',
    ]) {
      expect(targetsOf(sentence), sentence).toEqual([]);
    }
  });

  it('skips the review of last year in a work report', () => {
    const text = '一、2016年工作回顾\n化解政府债务56亿元。\n二、2017年重点工作安排\n年内化解政府债务22亿元。';
    expect(extractPlan(text, { year: 2017, kind: 'report' }).plan.tasks.map((t) => ('value' in t.target ? t.target.value : ''))).toEqual(['22']);
  });

  it('reads numbered categories and tasks with their owners, leaders and deadlines', () => {
    const text = [
      '某市2019年重点任务分解',
      '一、稳增长',
      '（一）工业',
      '1．规模以上工业增加值增长不低于８％。（牵头单位：市经信局；配合单位：市统计局、市发改委；牵头领导：张三）',
      '2、加快数字化转型。(责任单位:市工信局、大数据局)',
      '二、惠民生',
      '1.新增就业1万人。由李四副市长、王五副市长牵头,市人社局、市民政局等单位负责。',
      '2.9月底前新建幼儿园十二所。',
    ].join('\n');
    const { plan, kind } = extractPlan(text);
    expect(kind).toBe('decomposition');
    expect(plan.categories).toEqual([
      { id: '1.1', title: '工业' },
      { id: '2', title: '惠民生' },
    ]);
    const rows = plan.tasks.map((t: Task) => [t.category, t.target.kind, t.owners, t.leader, t.deadline, t.title]);
    expect(rows).toEqual([
      ['1.1', 'rate', { lead: ['市经信局'], support: ['市统计局', '市发改委'] }, '张三', undefined, '规模以上工业增加值增长不低于８％'],
      ['1.1', 'binary', { lead: ['市工信局'], support: ['大数据局'] }, undefined, undefined, '加快数字化转型'],
      ['2', 'cumulative', { lead: ['市人社局'], support: ['市民政局'] }, '李四、王五', undefined, '新增就业1万人'],
      ['2', 'cumulative', undefined, undefined, '2019-09-30', '9月底前新建幼儿园十二所'],
    ]);
  });

  describe('dates a bulletin by its title', () => {
    const cases: [string, string][] = [
      ['关于2018年一季度重点工作完成情况的通报', '2018-03-31'],
      ['关于2016年上半年任务指标完成情况的报告', '2016-06-30'],
      ['2017年1-6月份重大工作事项落实情况', '2017-06-30'],
      ['2017年1—5月重点工作进展情况通报', '2017-05-31'],
      ['2018年前三季度重点工作完成情况通报', '2018-09-30'],
    ];
    it.each(cases)('%s → %s', (title, asOf) => {
      const { plan, kind } = extractPlan(`${title}\n1.新增就业3万人。全市新增就业1万人。`);
      expect(kind).toBe('bulletin');
      expect(plan.asOf).toBe(asOf);
      expect(plan.period).toEqual({ start: `${asOf.slice(0, 4)}-01-01`, end: `${asOf.slice(0, 4)}-12-31` });
      expect(plan.tasks[0]?.observations).toMatchObject([{ asOf, value: '1', unit: '万人' }]);
    });

    it('takes the year from the publication date when the title has none', () => {
      const { plan } = extractPlan('市政府1-6月份重大工作事项落实情况\n信息时间:2017-07-03\n1、新增就业3万人。截至5月30日,全市新增就业1万人。');
      expect(plan.asOf).toBe('2017-06-30');
      expect(plan.tasks[0]?.observations?.[0]?.asOf).toBe('2017-05-30');
    });
  });

  it('reads a target and its observation from one phrase (增长8.5%(预期目标8%))', () => {
    const { plan } = extractPlan(
      '2018年一季度完成情况的通报\n(一)主要指标\n一季度,我市实现地区生产总值增长8.5%(预期目标8%);规上工业能耗下降4.02%(省定目标为下降3.5%)。',
    );
    expect(plan.tasks.map((t) => [t.target, t.observations?.map((o) => o.value)])).toEqual([
      [{ kind: 'rate', measure: '地区生产总值增长', unit: '%', value: '8', bound: 'atLeast' }, ['8.5']],
      [{ kind: 'rate', measure: '规上工业能耗', unit: '%', value: '-3.5', bound: 'atMost' }, ['-4.02']],
    ]);
  });

  it('checks a stated share against the computed progress and reports a mismatch beyond rounding', () => {
    const within = extractPlan('2018年一季度通报\n1.实现林业产值200亿元。一季度,我市实现林业产值55亿元,占年度目标任务的28%。');
    expect(within.review).toEqual([]);
    expect(within.plan.tasks[0]?.observations?.[0]?.value).toBe('55');
    const beyond = extractPlan('2018年一季度通报\n1.完成荒山造林15.4万亩。一季度,全市已完成造林17.75万亩,占年度任务的114.5%。');
    expect(beyond.review.map((r) => [r.code, r.line])).toEqual([['share-mismatch', 2]]);
    expect(beyond.review[0]?.message).toContain('115.26%');
  });

  it('models a figure stated only as a share of the year’s plan as a percentage target', () => {
    const { plan } = extractPlan('2018年一季度通报\n2.抓好重点项目。9个省级重点建设项目完成投资8.0亿元,占年度计划19.2%。');
    expect(plan.tasks.map((t) => [t.target, t.observations?.map((o) => [o.value, o.unit])])).toEqual([
      [{ kind: 'cumulative', measure: '省级重点建设项目完成投资占年度计划', unit: '%', value: '100' }, [['19.2', '%']]],
    ]);
  });

  it('puts per-unit and unreadable targets on the review list, with their line', () => {
    const { plan, review } = extractPlan('工作安排\n每个乡镇建成一所中心幼儿园。\n地区生产总值比2010年翻一番。', { year: 2018, kind: 'report' });
    expect(plan.tasks).toEqual([]);
    expect(review.map((r) => [r.code, r.line, r.sentence])).toEqual([
      ['per-unit', 2, '每个乡镇建成一所中心幼儿园。'],
      ['unreadable', 3, '地区生产总值比2010年翻一番。'],
    ]);
    expect(plan['x-review']).toEqual(review);
    expect(review.every((r) => (REVIEW_CODES as readonly string[]).includes(r.code))).toBe(true);
  });

  describe.each(seeds)('seed %s', (name) => {
    const text = seedText(name);
    const result = extractPlan(text);

    it('drafts a plan parsePlan accepts', () => {
      expect(parsePlan(JSON.stringify(result.plan)).tasks.length).toBe(result.plan.tasks.length);
      expect(DOCUMENT_KINDS).toContain(result.kind);
    });

    it('gives every task an x-source whose offsets slice out its sentence', () => {
      for (const task of result.plan.tasks) {
        const source = task['x-source'] as { sentence: string; start: number; end: number };
        expect(text.slice(source.start, source.end), task.id).toBe(source.sentence);
        for (const observation of task.observations ?? []) {
          const where = observation['x-source'] as { sentence: string; start: number; end: number };
          expect(text.slice(where.start, where.end)).toBe(where.sentence);
        }
      }
      for (const item of result.review) expect(text.slice(item.start, item.end)).toBe(item.sentence);
    });

    it('gives the same plan for the same text', () => {
      expect(JSON.stringify(extractPlan(text))).toBe(JSON.stringify(result));
    });

    it('reads the same plan from full-width digits and punctuation', () => {
      const wide = text.replace(/[0-9%(),:;]/gu, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
      const strip = (plan: typeof result.plan) => plan.tasks.map((t) => [t.target, t.observations?.map((o) => o.value), t.owners, t.leader, t.deadline]);
      expect(strip(extractPlan(wide).plan)).toEqual(strip(result.plan));
    });
  });

  describe('seed 001 (许昌, 1-6月 bulletin)', () => {
    const { plan } = extractPlan(seedText('001_6c6e10b74562c21b'));
    it('reads the leader, owners, deadline and the figure of 关闭煤矿', () => {
      expect(plan.tasks[0]).toMatchObject({
        leader: '刘胜利',
        owners: { lead: ['市安监局'], support: ['禹州市'] },
        deadline: '2017-09-30',
        target: { kind: 'cumulative', measure: '关闭煤矿', unit: '处', value: '14' },
        observations: [{ asOf: '2017-05-30', value: '13', unit: '处' }],
      });
    });
  });

  describe('seed 004 (鄂州, 任务分解)', () => {
    const { plan } = extractPlan(seedText('004_c1271cb4d1a17d51'));
    it('makes one task per numbered item with no number, 9 categories, the first 责任单位 leading', () => {
      expect(plan.categories?.map((c) => c.id)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
      expect(plan.tasks[0]).toMatchObject({
        title: '全面激发市场活力',
        target: { kind: 'binary', completedOn: null },
        owners: { lead: ['市工商局'], support: ['法制办', '商务局', '发改委', '金融办', '人行'] },
      });
      const binary = plan.tasks.filter((t) => t.target.kind === 'binary').length;
      expect(binary).toBe(23); // 34 items, 11 of them with numbers
    });
  });

  describe('options', () => {
    it('uses the given kind, year, as-of date, id, title and tolerance', () => {
      const { plan, kind } = extractPlan('国内生产总值增长6.5%左右。', {
        kind: 'report',
        year: 2020,
        asOf: '2020-06-30',
        id: 'gdp',
        title: '试验',
        aboutTolerance: { points: '0.3' },
      });
      expect(kind).toBe('report');
      expect(plan).toMatchObject({ id: 'gdp', title: '试验', asOf: '2020-06-30', period: { start: '2020-01-01', end: '2020-12-31' } });
      expect(plan.tasks[0]?.target).toMatchObject({ bound: 'about', tolerance: '0.3' });
    });

    it('throws INVALID_OPTION naming every bad option', () => {
      try {
        extractPlan('增长6.5%', { kind: 'memo' as never, year: 99, asOf: '2018-02-30', aboutTolerance: { share: '-1' } });
        expect.unreachable();
      } catch (error) {
        expect(isDubanError(error) && error.code).toBe('INVALID_OPTION');
        expect(isDubanError(error) && error.issues.map((i) => i.path)).toEqual([
          'options.kind',
          'options.year',
          'options.asOf',
          'options.aboutTolerance.share',
        ]);
      }
    });

    it('throws INVALID_OPTION when the text names no year and none is given', () => {
      expect(() => extractPlan('地区生产总值增长6.5%。')).toThrow(
        expect.objectContaining({ code: 'INVALID_OPTION', issues: [expect.objectContaining({ path: 'options.year' })] }),
      );
    });
  });
});
