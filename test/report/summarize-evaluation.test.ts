import { describe, expect, it } from 'vitest';
import { evaluatePlan, isDubanError, parseRuleFile, summarizeEvaluation, type EvaluationSummary, type GroupTally, type Tally } from '../../src/index.js';
import { evaluatedExample, smallPlan } from './helpers.js';

const ids = (entries: readonly { task: { id: string } }[]) => entries.map((entry) => entry.task.id);
const counts = (tally: Tally) =>
  Object.fromEntries([...tally.byStatus.filter((s) => s.count > 0).map((s) => [s.status, s.count]), ['cancelled*', tally.cancelled], ['total', tally.total]]);
const groups = (list: readonly GroupTally[]) => list.map((group) => [group.title, ids(group.tasks)]);

async function small(options: Parameters<typeof summarizeEvaluation>[2] = {}): Promise<EvaluationSummary> {
  const plan = smallPlan();
  return summarizeEvaluation(plan, await evaluatePlan(plan, { rules: 'four-level' }), options);
}

describe('summarizeEvaluation', () => {
  it('counts every status of the rule file overall, cancelled tasks apart, and names the tasks of each status', async () => {
    const summary = await small();
    expect(summary.overall.total).toBe(8);
    expect(summary.overall.cancelled).toBe(1);
    expect(summary.byStatus.map((s) => [s.status, s.count, ids(s.tasks)])).toEqual([
      ['done', 1, ['W6']],
      ['on-track', 2, ['G1', 'W1']],
      ['needs-effort', 2, ['G2', 'W2']],
      ['problem', 1, ['W4']],
      ['no-data', 1, ['W5']],
      ['cancelled', 0, []],
    ]);
    expect(ids(summary.cancelled)).toEqual(['W3']);
    expect(summary.unclassified).toEqual([]);
  });

  it('counts per category in the plan order, then the uncategorised tasks', async () => {
    const summary = await small();
    expect(groups(summary.byCategory)).toEqual([
      ['主要指标', ['G1', 'G2']],
      ['重点工作', ['W1', 'W2', 'W3', 'W4', 'W5']],
      ['未分类', ['W6']],
    ]);
    expect(counts(summary.byCategory[1]!.tally)).toEqual({ 'on-track': 1, 'needs-effort': 1, problem: 1, 'no-data': 1, 'cancelled*': 1, total: 5 });
  });

  it('counts a task with several lead units for each of them, and tasks without one under 未明确牵头单位 last', async () => {
    const summary = await small();
    expect(groups(summary.byLeadUnit)).toEqual([
      ['市住建局', ['W1', 'W2']],
      ['市人社局', ['W2']],
      ['市环保局', ['W4']],
      ['市农委', ['W5']],
      ['市发改委', ['W6']],
      ['未明确牵头单位', ['G1', 'G2', 'W3']],
    ]);
    expect(counts(summary.byLeadUnit[0]!.tally)).toEqual({ 'on-track': 1, 'needs-effort': 1, 'cancelled*': 0, total: 2 });
  });

  it('splits leaders written together (张三、李四) and counts the task for each', async () => {
    const summary = await small();
    expect(groups(summary.byLeader)).toEqual([
      ['张三', ['W1', 'W2']],
      ['李四', ['W2', 'W6']],
      ['未明确牵头领导', ['G1', 'G2', 'W3', 'W4', 'W5']],
    ]);
  });

  it('keeps 各县(市、区) as one unit: names are never split inside brackets', async () => {
    const plan = smallPlan();
    const withBrackets = {
      ...plan,
      tasks: plan.tasks.map((task) => (task.id === 'W1' ? { ...task, leader: '王五(常务)、赵六', owners: { lead: ['各县(市、区)'] } } : task)),
    };
    const summary = summarizeEvaluation(withBrackets, await evaluatePlan(withBrackets, { rules: 'four-level' }));
    expect(summary.byLeadUnit.map((group) => group.title)).toContain('各县(市、区)');
    expect(summary.tasks.find((entry) => entry.task.id === 'W1')?.leaders).toEqual(['王五(常务)', '赵六']);
  });

  it('counts the rate targets as main indicators by default, by pace (完成进度 / 未完成进度) and by status', async () => {
    const summary = await small();
    expect(summary.mainIndicatorsBy).toBe('rate');
    expect(summary.mainIndicators.title).toBe('主要指标');
    expect(ids(summary.mainIndicators.tasks)).toEqual(['G1', 'G2']);
    expect(ids(summary.mainIndicators.onPace)).toEqual(['G1']);
    expect(ids(summary.mainIndicators.behind)).toEqual(['G2']);
    expect(ids(summary.otherWork.tasks)).toEqual(['W1', 'W2', 'W3', 'W4', 'W5', 'W6']);
    expect(ids(summary.otherWork.cancelled)).toEqual(['W3']);
    expect(ids(summary.otherWork.noData)).toEqual(['W5']);
    expect(summary.otherWork.tally.total).toBe(6);
  });

  it.each([
    ['none', [], 8],
    [{ categories: ['A'] }, ['G1', 'G2'], 6],
    [{ categories: ['B'] }, ['W1', 'W2', 'W3', 'W4', 'W5'], 3],
  ] as const)('chooses the main indicators by %j', async (mainIndicators, expected, others) => {
    const summary = await small({ mainIndicators });
    expect(ids(summary.mainIndicators.tasks)).toEqual(expected);
    expect(summary.otherWork.tasks.length).toBe(others);
  });

  it('takes the group titles from the categories when the indicators are one category (seed 000: 8项主要经济发展指标, 82项重点工作)', async () => {
    const { plan, evaluation } = await evaluatedExample('jinzhou-2016-h1.plan.json');
    const summary = summarizeEvaluation(plan, evaluation, { mainIndicators: { categories: ['1'] } });
    expect([
      summary.mainIndicators.title,
      summary.mainIndicators.tasks.length,
      summary.mainIndicators.onPace.length,
      summary.mainIndicators.behind.length,
    ]).toEqual(['主要经济发展指标', 8, 3, 5]);
    expect([summary.otherWork.title, summary.otherWork.tasks.length, summary.otherWork.cancelled.length]).toEqual(['重点工作', 24, 1]);
    expect(counts(summary.otherWork.tally)).toEqual({ completed: 12, partial: 7, 'not-completed': 4, 'cancelled*': 1, total: 24 });
  });

  it('lists the tasks behind 序时进度 or with problems, and apart the tasks without data', async () => {
    const summary = await small();
    expect(ids(summary.attention)).toEqual(['G2', 'W2', 'W4']);
    expect(ids(summary.noData)).toEqual(['W5']);
  });

  it('gives the bundled status codes their traffic-light tones and your own codes the tones you choose', async () => {
    const summary = await small({ tones: { done: 'other' } });
    expect(Object.fromEntries(summary.byStatus.map((s) => [s.status, s.tone]))).toEqual({
      done: 'other',
      'on-track': 'good',
      'needs-effort': 'warn',
      problem: 'bad',
      'no-data': 'none',
      cancelled: 'off',
    });
    expect(summary.tasks.find((entry) => entry.task.id === 'W3')?.tone).toBe('off');
  });

  it('colours an unknown status by the facts of its tasks', async () => {
    const plan = smallPlan();
    const rules = parseRuleFile({
      formatVersion: 1,
      id: 'custom',
      title: '自定义',
      statuses: [
        { code: 'ahead', label: '进度正常' },
        { code: 'behind', label: '进度滞后' },
      ],
      rules: [
        { name: '正常', priority: 10, conditions: { all: [{ fact: 'onPace', operator: 'equal', value: true }] }, event: { type: 'ahead' } },
        { name: '滞后', priority: 1, conditions: { all: [] }, event: { type: 'behind' } },
      ],
    });
    const summary = summarizeEvaluation(plan, await evaluatePlan(plan, { rules }));
    // ahead: G1 and W6 met their targets (done), W1 is on pace (good), W4 is flagged (bad); behind: all behind pace (warn).
    expect(Object.fromEntries(summary.byStatus.map((s) => [s.status, s.tone]))).toEqual({ ahead: 'done', behind: 'warn' });
  });

  it('lists tasks no rule matched as unclassified, not under a status', async () => {
    const plan = smallPlan();
    const rules = parseRuleFile({
      formatVersion: 1,
      id: 'partial',
      title: '只判定完成',
      statuses: [{ code: 'met', label: '达标' }],
      rules: [{ name: '达标', priority: 1, conditions: { all: [{ fact: 'met', operator: 'equal', value: true }] }, event: { type: 'met' } }],
    });
    const summary = summarizeEvaluation(plan, await evaluatePlan(plan, { rules }));
    expect(ids(summary.byStatus[0]!.tasks)).toEqual(['G1', 'W6']);
    expect(ids(summary.unclassified)).toEqual(['G2', 'W1', 'W2', 'W4', 'W5']);
    expect(summary.overall).toMatchObject({ total: 8, cancelled: 1, unclassified: 5 });
  });

  it('refuses an evaluation of another plan, naming every mismatch', async () => {
    const plan = smallPlan();
    const evaluation = await evaluatePlan(plan);
    const other = { ...evaluation, planId: 'other', results: evaluation.results.slice(1) };
    try {
      summarizeEvaluation(plan, other);
      expect.unreachable();
    } catch (error) {
      expect(isDubanError(error) && error.code).toBe('INVALID_OPTION');
      expect(isDubanError(error) && error.issues.map((issue) => issue.message)).toEqual([
        'evaluation of plan "other", not of "small-2018"',
        'no result for task "G1"',
      ]);
    }
  });

  it('refuses main-indicator categories the plan does not have', async () => {
    await expect(small({ mainIndicators: { categories: ['Z'] } })).rejects.toMatchObject({
      code: 'INVALID_OPTION',
      issues: [{ path: 'mainIndicators.categories', message: 'plan "small-2018" has no category "Z"' }],
    });
  });
});
