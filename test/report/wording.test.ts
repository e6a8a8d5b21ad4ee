// The wording of explanations and bulletins (#13): dates apart from day counts and
// in Chinese form, falls as 下降, bounds as 控制在…以内 / 不低于, GB/T 15834's
// full-width punctuation in every piece of Chinese running text, no programmer ids
// in a bulletin's body, and the rounding rule of the docs (四舍五入, GB/T 8170 on
// request).
import { describe, expect, it } from 'vitest';
import { BUNDLED_RULE_SET_IDS, evaluatePlan, formatBulletin, parsePlan, type Plan } from '../../src/index.js';
import { displayWidth } from '../../src/report/display-width.js';
import { fullWidth, rateTargetText, rateValueText, roundedText } from '../../src/engine/wording.js';
import { percentText } from '../../src/report/text-kit.js';
import { loadExample, SEED_EXAMPLES } from './helpers.js';

/** The probe plan of the issue: a jobs target, a falling export figure, an energy target, an overdue yes/no task, coal mines. */
function probePlan(): Plan {
  return parsePlan({
    formatVersion: 1,
    id: 'probe-2024',
    title: '某市2024年政府工作报告重点任务',
    period: { start: '2024-01-01', end: '2024-12-31' },
    asOf: '2024-06-30',
    tasks: [
      {
        id: 'A1',
        title: '新增城镇就业1.6万人',
        target: { kind: 'cumulative', measure: '新增城镇就业', unit: '万人', value: '1.6' },
        observations: [{ asOf: '2024-06-30', value: 8500, unit: '人' }],
        owners: { lead: ['市人社局'] },
      },
      {
        id: 'A2',
        title: '外贸进出口总额增长5%',
        target: { kind: 'rate', measure: '外贸进出口总额增速', unit: '%', value: '5', bound: 'atLeast' },
        observations: [{ asOf: '2024-06-30', value: '-8' }],
      },
      {
        id: 'A3',
        title: '单位GDP能耗下降3%',
        target: { kind: 'rate', measure: '单位GDP能耗增速', unit: '%', value: '-3', bound: 'atMost' },
        observations: [{ asOf: '2024-06-30', value: '-2.5' }],
      },
      { id: 'A4', title: '出台优化营商环境实施方案', deadline: '2024-05-31', target: { kind: 'binary', completedOn: null } },
      {
        id: 'A5',
        title: '9月底前关闭煤矿14处',
        deadline: '2024-09-30',
        target: { kind: 'cumulative', measure: '关闭煤矿', unit: '处', value: 14 },
        observations: [{ asOf: '2024-06-30', value: 7 }],
      },
    ],
  });
}

const explanation = async (plan: Plan, id: string, asOf?: string) =>
  (await evaluatePlan(plan, asOf === undefined ? {} : { asOf })).results.find((result) => result.taskId === id)!.explanation;

/** ASCII marks next to a Chinese character: what GB/T 15834 writes full-width. */
const HALF_WIDTH_IN_CHINESE = /[\p{Script=Han}][,:;()?!]|[,:;()?!][\p{Script=Han}]/u;

describe('explanations', () => {
  it('keeps the deadline apart from the day count, the date in Chinese form', async () => {
    expect(await explanation(probePlan(), 'A4')).toBe('出台优化营商环境实施方案：尚未完成，已超过完成时限（2024年5月31日）30天');
  });

  it('does not say 剩余0天 on the deadline day, and the task is not yet overdue then', async () => {
    const plan = probePlan();
    const onTheDay = (await evaluatePlan(plan, { asOf: '2024-05-31' })).results.find((result) => result.taskId === 'A4')!;
    expect(onTheDay.explanation).toBe('出台优化营商环境实施方案：尚未完成，今日（2024年5月31日）为完成时限');
    expect(onTheDay.facts.overdue).toBe(false);
    const dayAfter = (await evaluatePlan(plan, { asOf: '2024-06-01' })).results.find((result) => result.taskId === 'A4')!;
    expect(dayAfter.facts.overdue).toBe(true);
    expect(dayAfter.explanation).toContain('已超过完成时限（2024年5月31日）1天');
  });

  it('writes a fall as 下降 and a target below zero as 下降X%', async () => {
    const plan = probePlan();
    expect(await explanation(plan, 'A2')).toBe('外贸进出口总额下降8%，目标不低于5%，未达到目标，差13个百分点');
    expect(await explanation(plan, 'A3')).toBe('单位GDP能耗下降2.5%，目标下降3%，未达到目标，差0.5个百分点');
  });

  it('words every bound of a rate', () => {
    const rate = (measure: string, value: string, bound: 'atLeast' | 'atMost' | 'about', tolerance?: string) => ({
      kind: 'rate' as const,
      measure,
      unit: '%',
      value,
      bound,
      ...(tolerance === undefined ? {} : { tolerance }),
    });
    expect(rateTargetText(rate('地区生产总值增长', '6.5', 'atLeast'))).toBe('不低于6.5%');
    expect(rateTargetText(rate('城镇登记失业率', '3.5', 'atMost'))).toBe('控制在3.5%以内');
    expect(rateTargetText(rate('单位GDP能耗增速', '-3', 'atMost'))).toBe('下降3%');
    expect(rateTargetText(rate('单位GDP能耗下降', '3', 'atLeast'))).toBe('下降3%');
    expect(rateTargetText(rate('工业增加值增速', '-2', 'atLeast'))).toBe('降幅不超过2%');
    expect(rateTargetText(rate('地区生产总值增长', '7', 'about', '0.5'))).toBe('7%左右（允许偏差0.5个百分点）');
    expect(rateValueText('地区生产总值增长', '8.5', '%')).toBe('地区生产总值增长8.5%');
    expect(rateValueText('居民消费价格涨幅', '-0.9', '%')).toBe('居民消费价格下降0.9%');
    expect(rateValueText('单位GDP能耗下降', '-1', '%')).toBe('单位GDP能耗上升1%');
    expect(rateValueText('城镇登记失业率', '3.2', '%')).toBe('城镇登记失业率为3.2%');
  });

  it('writes full-width punctuation, also around the plan’s own ASCII marks', async () => {
    expect(fullWidth('各县(市、区)负责,市财政局配合')).toBe('各县（市、区）负责，市财政局配合');
    expect(fullWidth('GDP(PPP) 1,000 a:b')).toBe('GDP(PPP) 1,000 a:b');
    for (const name of Object.keys(SEED_EXAMPLES)) {
      const plan = loadExample(name);
      for (const rules of BUNDLED_RULE_SET_IDS) {
        for (const result of (await evaluatePlan(plan, { rules })).results)
          expect(result.explanation, `${name} ${result.taskId}`).not.toMatch(HALF_WIDTH_IN_CHINESE);
      }
    }
  });
});

describe('bulletins', () => {
  it('use full-width punctuation in every line of Chinese text, in every format', async () => {
    let lines = 0;
    for (const [name, { rules, indicators }] of Object.entries(SEED_EXAMPLES)) {
      const plan = loadExample(name);
      const evaluation = await evaluatePlan(plan, { rules });
      for (const format of ['markdown', 'text', 'html'] as const) {
        const text = formatBulletin(plan, evaluation, { format, mainIndicators: indicators });
        // HTML: the text between tags, not the markup (style sheets have their own colons).
        const prose = format === 'html' ? text.replace(/<style>[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, '\n') : text;
        for (const line of prose.split('\n')) {
          if (!/\p{Script=Han}/u.test(line)) continue;
          lines++;
          expect(line, `${name} ${format}`).not.toMatch(HALF_WIDTH_IN_CHINESE);
        }
      }
    }
    expect(lines).toBeGreaterThan(500);
  });

  it('name no task id, rule set id or plan id in the body', async () => {
    const plan = probePlan();
    const evaluation = await evaluatePlan(plan, { rules: 'four-level' });
    for (const format of ['markdown', 'text'] as const) {
      const text = formatBulletin(plan, evaluation, { format });
      expect(text).not.toMatch(/\bA[1-5]\b/);
      expect(text).not.toContain('four-level');
      expect(text).not.toContain('probe-2024');
      expect(text).not.toContain('规则集 ');
    }
  });
});

describe('rounding', () => {
  it('rounds percentages 四舍五入 by default and half-even (GB/T 8170) when asked', () => {
    const third = { n: 17n, d: 32n }; // 0.53125 = 53.125%
    expect(roundedText(third, 4, 2)).toBe('53.13');
    expect(roundedText(third, 4, 2, 'half-even')).toBe('53.12');
    expect(roundedText({ n: -17n, d: 32n }, 4, 2)).toBe('-53.13');
    expect(roundedText({ n: 1n, d: 20000n }, 4, 2)).toBe('0.01');
    expect(roundedText({ n: 1n, d: 20000n }, 4, 2, 'half-even')).toBe('0');
    expect(roundedText({ n: 1n, d: 1000000n }, 4, 2)).toBe('0');
    expect(percentText('0.53125')).toBe('53.13%');
    expect(percentText('0.53125', 'half-even')).toBe('53.12%');
    expect(percentText('0.53135', 'half-even')).toBe('53.14%');
  });

  it('rounds half-even through the rounding option of evaluatePlan and formatBulletin, and refuses others', async () => {
    const plan = parsePlan({
      formatVersion: 1,
      id: 'r',
      title: '计划',
      period: { start: '2018-01-01', end: '2018-12-31' },
      asOf: '2018-06-30',
      tasks: [
        {
          id: 'T1',
          title: '新建项目32个',
          target: { kind: 'cumulative', measure: '新建项目', unit: '个', value: 32 },
          observations: [{ asOf: '2018-06-30', value: 17 }],
        },
      ],
    });
    const evaluation = await evaluatePlan(plan, { rounding: 'half-even' });
    expect(evaluation.results[0]!.explanation).toBe('新建项目完成17个，为目标的53.12%，序时进度50%，超前3.12个百分点');
    // The exact facts are not rounded.
    expect(evaluation.results[0]!.facts.progress).toBe('0.53125');
    expect(formatBulletin(plan, evaluation, { format: 'html', rounding: 'half-even' })).toContain('完成进度 53.12% · 序时进度 50%');
    expect(formatBulletin(plan, await evaluatePlan(plan), { format: 'html' })).toContain('完成进度 53.13% · 序时进度 50%');
    await expect(evaluatePlan(plan, { rounding: 'bankers' as 'half-up' })).rejects.toMatchObject({ code: 'INVALID_OPTION' });
    expect(() => formatBulletin(plan, evaluation, { rounding: 'up' as 'half-up' })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
  });

  it('gives a bulletin’s explanations the same rounding', async () => {
    const plan = parsePlan({
      formatVersion: 1,
      id: 'r',
      title: '计划',
      period: { start: '2018-01-01', end: '2018-12-31' },
      asOf: '2018-06-30',
      tasks: [
        {
          id: 'T1',
          title: '新建项目32个',
          target: { kind: 'cumulative', measure: '新建项目', unit: '个', value: 32 },
          observations: [{ asOf: '2018-06-30', value: 17 }],
        },
      ],
    });
    expect(await explanation(plan, 'T1')).toBe('新建项目完成17个，为目标的53.13%，序时进度50%，超前3.13个百分点');
  });
});

describe('the 落款', () => {
  it('signs with the plan’s issuer and the as-of date, the date 右空四字 in text, and can be given or left out', async () => {
    const plan = loadExample('xuchang-2017-h1.plan.json');
    const evaluation = await evaluatePlan(plan, { rules: 'four-level' });
    const text = formatBulletin(plan, evaluation, { format: 'text' });
    const lines = text.trimEnd().split('\n');
    // The line of 28 characters (GB/T 9704) ends four characters before its end: 24 characters in all.
    expect(lines.at(-1)!.trim()).toBe('2017年6月30日');
    expect(Math.ceil(displayWidth(lines.at(-1)!) / 2)).toBe(24);
    expect(lines.at(-2)!.trim()).toBe('许昌市人民政府');
    const markdown = formatBulletin(plan, evaluation, { issuer: '许昌市人民政府督查室', date: '2017-07-05' });
    expect(markdown.trimEnd().split('\n').slice(-3)).toEqual(['许昌市人民政府督查室', '', '2017年7月5日']);
    expect(formatBulletin(plan, evaluation, { format: 'html' })).toContain('<p class="signature">许昌市人民政府<br>2017年6月30日</p>');
    const anonymous = probePlan();
    expect(
      formatBulletin(anonymous, await evaluatePlan(anonymous), { format: 'text' })
        .trimEnd()
        .split('\n')
        .at(-1),
    ).not.toMatch(/年\d+月\d+日$/);
    expect(() => formatBulletin(plan, evaluation, { date: '2017-02-30' })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
  });
});

describe('main indicators as the plan says', () => {
  it('follows the plan’s mainIndicators by default: 锦州 8 (3 完成进度, 5 未完成), 咸宁 8 预期目标, 许昌 none', async () => {
    const jinzhou = loadExample('jinzhou-2016-h1.plan.json');
    const text = formatBulletin(jinzhou, await evaluatePlan(jinzhou, { rules: 'three-level' }), { format: 'text' });
    expect(text).toMatch(/其中，8项主要经济发展指标中，3项完成进度（[^）]*），5项未完成进度（[^）]*）；/);
    const xianning = loadExample('xianning-2018-q1.plan.json');
    expect(formatBulletin(xianning, await evaluatePlan(xianning), { format: 'text' })).toContain('其中，8项全市经济社会发展主要预期目标中，8项完成进度（');
    const xuchang = loadExample('xuchang-2017-h1.plan.json');
    const plain = formatBulletin(xuchang, await evaluatePlan(xuchang), { format: 'text' });
    expect(plain).not.toContain('主要指标');
    expect(plain).not.toMatch(/^\u3000\u3000其中，/m);
    // An option still overrides the plan.
    expect(formatBulletin(xuchang, await evaluatePlan(xuchang), { format: 'text', mainIndicators: 'rate' })).toContain('二、主要指标完成情况');
  });

  it('refuses a plan naming a category it does not have', () => {
    const plan = {
      formatVersion: 1,
      id: 'x',
      title: '计划',
      period: { start: '2018-01-01', end: '2018-12-31' },
      categories: [{ id: 'A', title: '甲' }],
      mainIndicators: { categories: ['B'] },
      tasks: [],
    };
    expect(() => parsePlan(plan)).toThrow(expect.objectContaining({ issues: [expect.objectContaining({ path: '$.mainIndicators.categories[0]' })] }));
    expect(() => parsePlan({ ...plan, mainIndicators: 'all' })).toThrow(expect.objectContaining({ code: 'INVALID_PLAN' }));
    expect(parsePlan({ ...plan, mainIndicators: { categories: ['A'] } }).mainIndicators).toEqual({ categories: ['A'] });
  });
});
