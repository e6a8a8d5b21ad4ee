// evaluatePlan (with and without `tasks`): order, summary, as-of resolution, option errors,
// determinism, and the JSON of cli.md's example.
import { describe, expect, it } from 'vitest';
import { BUNDLED_RULE_SET_IDS, evaluatePlan, evaluatePlanStream, evaluatePlanSync, parsePlan, parseRuleFile } from '../../src/index.js';
import type { BundledRuleSetId, DubanError, EvaluateOptions, Plan } from '../../src/index.js';
import { summarizeCounts } from '../../src/engine/evaluate-plan.js';
import { bundled, cumulative, planOf, planWith, rate, readJson, rejectedDubanError, ruleFileJson } from './helpers.js';

const CANCELLED = { cancelled: { on: '2018-03-01', reason: '因政策调整' } };

/** A plan whose tasks are in no sorted order and of every kind. */
const mixedPlan = () =>
  planOf([
    cumulative(60, { id: 'z9' }),
    { id: 'a1', title: '出台实施方案', target: { kind: 'binary', completedOn: null } },
    rate(7, { id: 'm5' }),
    cumulative(40, { id: 'b2', ...CANCELLED }),
    {
      id: 'k3',
      title: '高新技术企业达到220家',
      target: { kind: 'level', measure: '高新技术企业', unit: '家', value: 220, baseline: 160 },
      observations: [{ asOf: '2018-05-31', value: 200 }],
    },
    {
      id: 'c0',
      title: '建设物流园',
      target: {
        kind: 'milestones',
        milestones: [
          { title: '开工', due: '2018-04-30', done: '2018-04-01' },
          { title: '竣工', due: '2018-11-30' },
        ],
      },
    },
    cumulative(null, { id: 'y7' }),
  ]);

/** The T09 result of cli.md's example, key order included. */
const CLI_T09 = {
  taskId: 'T09',
  title: '加快林业产业发展,实现产值200亿元',
  status: 'on-track',
  label: '有序推进',
  rule: '有序推进',
  facts: {
    kind: 'cumulative',
    cancelled: false,
    hasData: true,
    value: '55',
    target: '200',
    progress: '0.275',
    expected: '0.25',
    paceGap: '0.025',
    paceRatio: '1.1',
    met: false,
    onPace: true,
    margin: null,
    overdue: false,
    daysToDeadline: 275,
    overdueMilestones: 0,
    dataAgeDays: 0,
    dataCoversPeriod: false,
    flags: [],
  },
  explanation: '林业产值完成55亿元，为目标的27.5%，序时进度25%，超前2.5个百分点',
};

const xianning = () => parsePlan(readJson('test/fixtures/xianning-worked.plan.json'));

describe('evaluatePlan', () => {
  it('keeps the plan’s task order and lists every task exactly once', async () => {
    const plan = mixedPlan();
    const evaluation = await evaluatePlan(plan, { asOf: '2018-06-30' });
    expect(evaluation.results.map((result) => result.taskId)).toEqual(['z9', 'a1', 'm5', 'b2', 'k3', 'c0', 'y7']);
    expect(evaluation.results.map((result) => result.title)).toEqual(plan.tasks.map((task) => task.title));
  });

  it('returns the plan id, the as-of date used and the rule set id', async () => {
    const evaluation = await evaluatePlan(mixedPlan(), { asOf: '2018-06-30', rules: 'traffic-light' });
    expect({ planId: evaluation.planId, asOf: evaluation.asOf, ruleSet: evaluation.ruleSet }).toEqual({
      planId: 'test-2018',
      asOf: '2018-06-30',
      ruleSet: 'traffic-light',
    });
  });

  it('uses the four-level rule set by default', async () => {
    const evaluation = await evaluatePlan(mixedPlan(), { asOf: '2018-06-30' });
    expect(evaluation.ruleSet).toBe('four-level');
    expect(evaluation).toEqual(await evaluatePlan(mixedPlan(), { asOf: '2018-06-30', rules: 'four-level' }));
  });

  it('accepts a validated rule file instead of an id', async () => {
    const rules = parseRuleFile(ruleFileJson([{ name: '全部', priority: 1, conditions: { all: [] }, event: { type: 'c' } }], { id: 'everything-c' }));
    const evaluation = await evaluatePlan(mixedPlan(), { asOf: '2018-06-30', rules });
    expect(evaluation.ruleSet).toBe('everything-c');
    expect(new Set(evaluation.results.map((result) => `${result.status}/${result.label}/${result.rule}`))).toEqual(new Set(['c/丙/全部']));
  });

  it.each(BUNDLED_RULE_SET_IDS)('lists every status of %s in the file’s order in summary.byStatus, zeros included', async (id: BundledRuleSetId) => {
    const evaluation = await evaluatePlan(planWith(cumulative(60)), { asOf: '2018-06-30', rules: id });
    const statuses = bundled(id).statuses;
    expect(evaluation.summary.byStatus.map(({ status, label }) => ({ status, label }))).toEqual(statuses.map(({ code, label }) => ({ status: code, label })));
    expect(evaluation.summary.byStatus.filter((entry) => entry.count === 0)).toHaveLength(statuses.length - 1);
  });

  it('counts each status, and counts cancelled tasks in the total', async () => {
    const plan = planOf([
      cumulative(60, { id: 'a' }),
      cumulative(70, { id: 'b' }),
      cumulative(40, { id: 'c', ...CANCELLED }),
      cumulative(null, { id: 'd' }),
      cumulative(10, { id: 'e', ...CANCELLED }),
    ]);
    const { summary } = await evaluatePlan(plan, { asOf: '2018-06-30' });
    expect(summary).toEqual({
      total: 5,
      byStatus: [
        { status: 'done', label: '已完成', count: 0 },
        { status: 'on-track', label: '有序推进', count: 2 },
        { status: 'needs-effort', label: '需要加大力度', count: 0 },
        { status: 'problem', label: '存在突出问题', count: 0 },
        { status: 'no-data', label: '未报送', count: 1 },
        { status: 'cancelled', label: '取消', count: 2 },
      ],
    });
  });

  it('gives an empty plan an empty evaluation with every status at zero', async () => {
    const evaluation = await evaluatePlan(planOf([]), { asOf: '2018-06-30', rules: 'three-level' });
    expect(evaluation.results).toEqual([]);
    expect(evaluation.gaps).toEqual([]);
    expect(evaluation.summary).toEqual({ total: 0, byStatus: bundled('three-level').statuses.map(({ code, label }) => ({ status: code, label, count: 0 })) });
  });

  describe('as-of date', () => {
    const NOW = Date.UTC(2018, 5, 30, 16, 0); // 2018-07-01 00:00 in UTC+8

    it.each([
      ['the option over the plan’s asOf and now', { asOf: '2018-09-30' }, { asOf: '2018-03-31' }, '2018-09-30', 92],
      ['the plan’s asOf over now', {}, { asOf: '2018-03-31' }, '2018-03-31', 275],
      ['now in UTC+8 when neither is given (16:00 UTC is the next day in China)', {}, {}, '2018-07-01', 183],
      ['now in UTC+8 one second before midnight there', { now: NOW - 1000 }, {}, '2018-06-30', 184],
    ])('uses %s', async (_description, options, planExtra, asOf, daysToDeadline) => {
      const evaluation = await evaluatePlan(planWith(cumulative(60, {}, '2018-03-31'), planExtra), { now: NOW, ...options });
      expect(evaluation.asOf).toBe(asOf);
      expect(evaluation.results[0]?.facts.daysToDeadline).toBe(daysToDeadline);
    });

    it('judges what was known at the as-of date: later observations are ignored', async () => {
      const plan = planWith({
        ...cumulative(null),
        observations: [
          { asOf: '2018-03-31', value: 20 },
          { asOf: '2018-06-30', value: 60 },
        ],
      });
      const [march, june] = await Promise.all([evaluatePlan(plan, { asOf: '2018-05-31' }), evaluatePlan(plan, { asOf: '2018-06-30' })]);
      expect(march.results[0]?.facts).toMatchObject({ value: '20', dataAgeDays: 61 });
      expect(june.results[0]?.facts).toMatchObject({ value: '60', dataAgeDays: 0 });
    });

    it.each(['2018-02-30', '2018-2-3', '20180331', '2018-03-31T00:00:00Z', ''])('rejects the invalid as-of option %j with INVALID_OPTION', async (asOf) => {
      const error = await rejectedDubanError(evaluatePlan(mixedPlan(), { asOf }));
      expect(error.code).toBe('INVALID_OPTION');
      expect(error.issues[0]?.path).toBe('asOf');
      expect(error.issues[0]?.message).toContain(JSON.stringify(asOf));
    });
  });

  it.each(['five-level', 'Four-Level', 'rules/four-level.json'])('rejects the unknown rule set id %j with INVALID_OPTION', async (id) => {
    const error = await rejectedDubanError(evaluatePlan(mixedPlan(), { asOf: '2018-06-30', rules: id as BundledRuleSetId }));
    expect(error.code).toBe('INVALID_OPTION');
    expect(error.issues[0]?.message).toContain(JSON.stringify(id));
  });

  it.each(['fast', 'JSON-RULES-ENGINE'])('rejects the unknown engine %j with INVALID_OPTION', async (engine) => {
    const error = await rejectedDubanError(evaluatePlan(mixedPlan(), { asOf: '2018-06-30', engine: engine as never }));
    expect(error.code).toBe('INVALID_OPTION');
    expect(error.issues[0]?.message).toContain(JSON.stringify(engine));
  });

  it('gives the same evaluation with either engine', async () => {
    const compiled = await evaluatePlan(mixedPlan(), { asOf: '2018-06-30', engine: 'compiled' });
    expect(await evaluatePlan(mixedPlan(), { asOf: '2018-06-30', engine: 'json-rules-engine' })).toEqual(compiled);
  });

  it('gives deep-equal and JSON byte-identical results when run twice', async () => {
    const first = await evaluatePlan(mixedPlan(), { asOf: '2018-06-30' });
    const second = await evaluatePlan(mixedPlan(), { asOf: '2018-06-30' });
    expect(second).toEqual(first);
    expect(JSON.stringify(second, null, 2)).toBe(JSON.stringify(first, null, 2));
  });

  it('does not change the plan it evaluates', async () => {
    const plan = mixedPlan();
    const before = structuredClone(plan);
    await evaluatePlan(plan, { asOf: '2018-06-30', rules: 'traffic-light' });
    expect(plan).toEqual(before);
  });

  it('writes decimal facts as exact decimal strings, without binary floating-point artefacts', async () => {
    const plan = planWith({
      id: 'D',
      title: '降低成本0.3亿元',
      target: { kind: 'cumulative', measure: '降低成本', unit: '亿元', value: '0.3' },
      observations: [{ asOf: '2018-03-31', value: 0.1 }],
    });
    const facts = (await evaluatePlan(plan, { asOf: '2018-06-30' })).results[0]?.facts;
    expect(facts).toMatchObject({
      value: '0.1',
      target: '0.3',
      progress: '0.33333333333333333333',
      expected: '0.5',
      paceGap: '-0.16666666666666666667',
      dataAgeDays: 91,
    });
  });

  describe('the 咸宁 worked example (test/fixtures/xianning-worked.plan.json)', () => {
    it('gives T09 exactly the result of cli.md’s JSON example', async () => {
      const evaluation = await evaluatePlan(xianning(), { rules: 'four-level' });
      expect({ planId: evaluation.planId, asOf: evaluation.asOf, ruleSet: evaluation.ruleSet }).toEqual({
        planId: 'xianning-2018',
        asOf: '2018-03-31',
        ruleSet: 'four-level',
      });
      const t09 = evaluation.results.find((result) => result.taskId === 'T09');
      expect(t09).toEqual(CLI_T09);
      expect(JSON.stringify(t09)).toBe(JSON.stringify(CLI_T09));
    });

    it.each([
      ['jobs', '0.25', '0.2787027027', '0.0287027027', true, null],
      ['cost', '0.25', '0.227', '-0.023', false, null],
      ['cpi', null, null, null, true, '0.6'],
      ['energy', null, null, null, true, '0.52'],
    ])('gives %s the facts of pace-and-facts.md’s worked example', async (taskId, expected, progress, paceGap, onPace, margin) => {
      const facts = (await evaluatePlan(xianning())).results.find((result) => result.taskId === taskId)?.facts;
      expect({ expected: facts?.expected, onPace: facts?.onPace, margin: facts?.margin }).toEqual({ expected, onPace, margin });
      if (progress === null) expect([facts?.progress, facts?.paceGap]).toEqual([null, null]);
      else {
        expect(facts?.progress?.startsWith(progress)).toBe(true);
        expect(facts?.paceGap?.startsWith(paceGap ?? '')).toBe(true);
      }
    });
  });
});

describe('the tasks option', () => {
  const one = async (plan: Plan, taskId: string, options: EvaluateOptions = {}) => {
    const { results } = await evaluatePlan(plan, { ...options, tasks: [taskId] });
    expect(results).toHaveLength(1);
    return results[0]!;
  };

  it('evaluates one task exactly as evaluatePlan does', async () => {
    const plan = mixedPlan();
    const evaluation = await evaluatePlan(plan, { asOf: '2018-06-30', rules: 'traffic-light' });
    for (const task of plan.tasks) {
      for (const engine of ['compiled', 'json-rules-engine'] as const) {
        expect(await one(plan, task.id, { asOf: '2018-06-30', rules: 'traffic-light', engine })).toEqual(
          evaluation.results.find((result) => result.taskId === task.id),
        );
      }
    }
  });

  it('gives T09 of the 咸宁 example the result of cli.md', async () => {
    expect(await one(xianning(), 'T09')).toEqual(CLI_T09);
  });

  it('keeps the plan’s order, counts a repeated id once, and counts only the chosen tasks, in every evaluation', async () => {
    const plan = mixedPlan();
    const options = { asOf: '2018-06-30', rules: 'traffic-light', tasks: ['c0', 'z9', 'c0', 'y7'] } as const;
    const evaluations = [await evaluatePlan(plan, options), evaluatePlanSync(plan, options)];
    for (const evaluation of evaluations) {
      expect(evaluation.results.map((result) => result.taskId)).toEqual(['z9', 'c0', 'y7']);
      expect(evaluation.summary.total).toBe(3);
    }
    expect([...evaluatePlanStream(plan, options).results].map((result) => result.taskId)).toEqual(['z9', 'c0', 'y7']);
    expect((await evaluatePlan(plan, { ...options, tasks: [] })).results).toEqual([]);
  });

  it.each(['T99', 't09', ''])('rejects the unknown task id %j with UNKNOWN_TASK naming it and its place', async (taskId) => {
    const error = await rejectedDubanError(evaluatePlan(xianning(), { tasks: ['T09', taskId] }));
    expect(error.code).toBe('UNKNOWN_TASK');
    expect(error.message).toContain(JSON.stringify(taskId));
    expect(error.issues.map((issue) => issue.path)).toEqual(['tasks[1]']);
    expect(error.issues[0]!.message).toBe(
      `计划 "xianning-2018" 中没有编号为 ${JSON.stringify(taskId)} 的任务 / no task with id ${JSON.stringify(taskId)} in plan "xianning-2018"`,
    );
  });

  it('lists every unknown id, synchronously too', () => {
    const error = (() => {
      try {
        evaluatePlanSync(xianning(), { tasks: ['x1', 'T09', 'x2'] });
      } catch (caught) {
        return caught as DubanError;
      }
      throw new Error('not refused');
    })();
    expect(error.code).toBe('UNKNOWN_TASK');
    expect(error.issues.map((issue) => issue.path)).toEqual(['tasks[0]', 'tasks[2]']);
  });

  it.each([{ tasks: 'T09' }, { tasks: [1] }, { tasks: null }, { tasks: {} }])(
    'rejects tasks: $tasks (not a list of ids) with INVALID_OPTION',
    async ({ tasks }) => {
      const error = await rejectedDubanError(evaluatePlan(xianning(), { tasks } as unknown as EvaluateOptions));
      expect(error.code).toBe('INVALID_OPTION');
      expect(error.issues.map((issue) => issue.path)).toEqual(['tasks']);
    },
  );

  it('rejects an invalid as-of option with INVALID_OPTION', async () => {
    expect((await rejectedDubanError(evaluatePlan(xianning(), { tasks: ['T09'], asOf: '2018-13-01' }))).code).toBe('INVALID_OPTION');
  });

  it('rejects an unknown rule set id with INVALID_OPTION', async () => {
    expect((await rejectedDubanError(evaluatePlan(xianning(), { tasks: ['T09'], rules: 'five-level' as BundledRuleSetId }))).code).toBe('INVALID_OPTION');
  });
});

describe('the summary', () => {
  it('counts results per status in the rule file’s order and skips gaps', () => {
    const file = bundled('traffic-light');
    const result = (status: string | null) => ({ taskId: 'x', title: 'x', status, label: null, rule: null, facts: {} as never, explanation: '' });
    const counts = new Map<string | null, number>();
    for (const { status } of [result('red'), result(null), result('green'), result('red')]) counts.set(status, (counts.get(status) ?? 0) + 1);
    expect(summarizeCounts(file, counts)).toEqual({
      total: 4,
      byStatus: [
        { status: 'green', label: '绿灯', count: 1 },
        { status: 'yellow', label: '黄灯', count: 0 },
        { status: 'red', label: '红灯', count: 2 },
        { status: 'no-data', label: '未报送', count: 0 },
        { status: 'cancelled', label: '取消', count: 0 },
      ],
    });
  });
});
