// The Chinese sentence of each result: the measure, what was done, against
// what, and why that status (cli.md), for every target kind and special case.
import { describe, expect, it } from 'vitest';
import { computeFacts, evaluatePlan, explainTask, parsePlan } from '../../src/index.js';
import { cumulative, planOf, planWith, rate, readJson } from './helpers.js';
import type { TaskInput } from './helpers.js';

async function explanationOf(task: TaskInput, asOf: string, rules: 'four-level' | 'traffic-light' = 'four-level'): Promise<string> {
  const evaluation = await evaluatePlan(planWith(task), { asOf, rules });
  return evaluation.results[0]?.explanation ?? '';
}

const LEVEL: TaskInput = {
  id: 'L1',
  title: '高新技术企业达到220家',
  target: { kind: 'level', measure: '高新技术企业', unit: '家', value: 220, baseline: 160 },
  observations: [{ asOf: '2018-06-30', value: 190 }],
};

const MILESTONES: TaskInput = {
  id: 'M1',
  title: '建设咸宁物流园',
  target: {
    kind: 'milestones',
    milestones: [
      { title: '立项', due: '2018-02-28', done: '2018-02-20' },
      { title: '开工', due: '2018-04-30', done: null },
      { title: '主体完工', due: '2018-09-30', done: null },
      { title: '竣工', due: '2018-12-31', done: null },
    ],
  },
};

describe('explainTask', () => {
  // cli.md's example sentence, with the full-width punctuation of Chinese running text (GB/T 15834):
  // the spec writes it with ASCII commas.
  it('explains a cumulative target as cli.md’s example does', async () => {
    const plan = parsePlan(readJson('test/fixtures/xianning-worked.plan.json'));
    const t09 = (await evaluatePlan(plan)).results.find((result) => result.taskId === 'T09');
    expect(t09?.explanation).toBe('林业产值完成55亿元，为目标的27.5%，序时进度25%，超前2.5个百分点');
  });

  it('converts the observation to the target’s unit and says how far behind 序时进度 a cumulative task is', async () => {
    const plan = parsePlan(readJson('test/fixtures/xianning-worked.plan.json'));
    const results = (await evaluatePlan(plan)).results;
    const jobs = results.find((result) => result.taskId === 'jobs')?.explanation ?? '';
    const cost = results.find((result) => result.taskId === 'cost')?.explanation ?? '';
    for (const part of ['城镇新增就业', '1.0312万人', '27.87%', '序时进度25%', '超前']) expect(jobs).toContain(part);
    for (const part of ['降低企业成本', '2.27亿元', '22.7%', '序时进度25%', '落后2.3个百分点']) expect(cost).toContain(part);
  });

  it('explains a level target with its value, baseline, target and 序时进度', async () => {
    const sentence = await explanationOf(LEVEL, '2018-06-30');
    for (const part of ['高新技术企业', '190家', '160家', '220家', '50%', '序时进度50%']) expect(sentence).toContain(part);
  });

  it.each([
    [
      'atMost, met',
      rate(2.9, { title: '居民消费价格涨幅控制在3.5%以内' }, { measure: '居民消费价格涨幅', value: 3.5, bound: 'atMost' }),
      ['居民消费价格涨幅', '2.9%', '3.5%', '0.6个百分点'],
    ],
    ['atLeast, not met', rate(7.5), ['地区生产总值增长', '7.5%', '8%', '0.5个百分点']],
    [
      'about, met',
      rate(51, {}, { measure: 'PM2.5浓度', unit: '微克/立方米', value: 50, bound: 'about', tolerance: 2 }),
      ['PM2.5浓度', '51微克/立方米', '50微克/立方米', '2微克/立方米'],
    ],
  ])('explains a rate target (%s) with its value and bound, and no 序时进度', async (_description, task, parts) => {
    const sentence = await explanationOf(task, '2018-06-30');
    for (const part of parts) expect(sentence).toContain(part);
    expect(sentence).not.toContain('序时进度');
  });

  it('tells a met rate target from one that is not', async () => {
    const met = await explanationOf(rate(8.5), '2018-06-30');
    const missed = await explanationOf(rate(7.5), '2018-06-30');
    expect(met).not.toEqual(missed);
    expect(met).toMatch(/达到目标|达标/);
    expect(missed).toMatch(/未达到|未达标/);
  });

  it('explains milestones with the task, the steps done, the weighted progress and 序时进度', async () => {
    const sentence = await explanationOf(MILESTONES, '2018-06-30');
    for (const part of ['建设咸宁物流园', '4', '1', '25%', '序时进度50%', '落后25个百分点']) expect(sentence).toContain(part);
  });

  it('names the milestones past due', async () => {
    expect(await explanationOf(MILESTONES, '2018-10-31')).toMatch(/2个节点.*(逾期|超期)/);
  });

  it.each([
    ['not done, before its deadline', null, '2018-06-30', '出台实施方案：尚未完成，完成时限为2018年12月31日，剩余184天'],
    ['not done, on its deadline', null, '2018-12-31', '出台实施方案：尚未完成，今日（2018年12月31日）为完成时限'],
    ['done', '2018-05-20', '2018-06-30', '出台实施方案：已于2018年5月20日完成'],
    ['not done, past its deadline', null, '2019-01-10', '出台实施方案：尚未完成，已超过完成时限（2018年12月31日）10天'],
  ])('explains a binary target (%s), the date in Chinese and apart from the day count', async (_description, completedOn, asOf, expected) => {
    expect(await explanationOf({ id: 'B1', title: '出台实施方案', target: { kind: 'binary', completedOn } }, asOf)).toBe(expected);
  });

  it('says a task without data has no reported value, with its 序时进度', async () => {
    const sentence = await explanationOf(cumulative(null), '2018-06-30');
    expect(sentence).toContain('新建项目');
    expect(sentence).toMatch(/暂无|未报送/);
    expect(sentence).toContain('序时进度50%');
  });

  it('says a rate task without data has no reported value, with its target', async () => {
    const sentence = await explanationOf(rate(null), '2018-06-30');
    for (const part of ['地区生产总值增长', '8%']) expect(sentence).toContain(part);
    expect(sentence).toMatch(/暂无|未报送/);
  });

  it('says a cancelled task was cancelled, when and why', async () => {
    const sentence = await explanationOf(cumulative(60, { cancelled: { on: '2018-03-01', reason: '因政策调整' } }), '2018-06-30');
    expect(sentence).toBe('新建项目100个已于2018年3月1日取消（因政策调整）');
    expect(sentence).not.toContain('序时进度');
  });

  it('explains a task cancelled after the as-of date as a live task', async () => {
    const sentence = await explanationOf(cumulative(60, { cancelled: { on: '2018-09-01', reason: '因政策调整' } }), '2018-06-30');
    expect(sentence).not.toContain('取消');
    expect(sentence).toContain('序时进度50%');
  });

  it('says an overdue task is past its deadline, naming it', async () => {
    const sentence = await explanationOf(cumulative(60, { deadline: '2018-03-31' }, '2018-03-31'), '2018-06-30');
    for (const part of ['新建项目', '60个', '序时进度100%', '已超过完成时限（2018年3月31日）']) expect(sentence).toContain(part);
    expect(sentence).toMatch(/超过完成时限|超期|逾期/);
  });

  it('says a flagged task is an outstanding problem', async () => {
    const sentence = await explanationOf(cumulative(60, { flags: ['problem'] }), '2018-06-30');
    expect(sentence).toContain('新建项目');
    expect(sentence).toContain('突出问题');
    expect(await explanationOf(cumulative(60, { flags: ['watch'] }), '2018-06-30')).not.toContain('突出问题');
  });

  it('says a task is level with 序时进度 when it is exactly on it', async () => {
    expect(await explanationOf(cumulative(50), '2018-06-30')).toMatch(/持平|与序时进度一致/);
  });

  it('does not depend on the rule set', async () => {
    expect(await explanationOf(cumulative(40), '2018-06-30', 'traffic-light')).toBe(await explanationOf(cumulative(40), '2018-06-30', 'four-level'));
  });

  it('is what evaluatePlan puts in each result', async () => {
    const plan = planOf([cumulative(40, { id: 'a' }), LEVEL, MILESTONES, rate(8.5)]);
    const evaluation = await evaluatePlan(plan, { asOf: '2018-06-30' });
    expect(evaluation.results.map((result) => result.explanation)).toEqual(
      plan.tasks.map((task) => explainTask(plan, task, computeFacts(plan, task, '2018-06-30'), '2018-06-30')),
    );
  });
});
