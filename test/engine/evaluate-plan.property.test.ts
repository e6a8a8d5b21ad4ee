// Properties of evaluatePlan over random plans of random valid tasks (all five
// kinds, random observations, paces, flags and cancellations) at random dates.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUNDLED_RULE_SET_IDS, bundledRuleFileJson, ENGINE_CHOICES, evaluatePlan, parsePlan, parseRuleFile } from '../../src/index.js';
import type { Evaluation, Plan, RuleFile } from '../../src/index.js';
import { bundled } from './helpers.js';

const DAY_MS = 86_400_000;
const ORIGIN = Date.UTC(2018, 0, 1);
/** The calendar date `offset` days after 2018-01-01. */
const day = (offset: number): string => new Date(ORIGIN + offset * DAY_MS).toISOString().slice(0, 10);

/** A decimal with up to two fractional digits, as a JSON number or a string. */
const decimal = (min: number, max: number) =>
  fc.tuple(fc.integer({ min: min * 100, max: max * 100 }), fc.boolean()).map(([cents, asString]) => (asString ? (cents / 100).toFixed(2) : cents / 100));

const observations = (min: number, max: number) =>
  fc
    .uniqueArray(fc.record({ offset: fc.integer({ min: -60, max: 500 }), value: decimal(min, max) }), { selector: (o) => o.offset, maxLength: 4 })
    .map((list) => list.map(({ offset, value }) => ({ asOf: day(offset), value })));

const cumulativeTask = fc.record({
  target: fc.record({ kind: fc.constant('cumulative'), measure: fc.constant('新建项目'), unit: fc.constant('个'), value: fc.integer({ min: 1, max: 1000 }) }),
  observations: observations(-10, 1500),
});

const levelTask = fc
  .record({
    baseline: fc.integer({ min: 0, max: 500 }),
    delta: fc.integer({ min: -200, max: 200 }).filter((d) => d !== 0),
    observations: observations(-100, 800),
  })
  .map(({ baseline, delta, observations: list }) => ({
    target: { kind: 'level', measure: '高新技术企业', unit: '家', value: baseline + delta, baseline },
    observations: list,
  }));

const rateTask = fc
  .record({
    value: decimal(-10, 20),
    bound: fc.constantFrom('atLeast', 'atMost', 'about', undefined),
    tolerance: decimal(0, 3),
    observations: observations(-15, 25),
  })
  .map(({ value, bound, tolerance, observations: list }) => ({
    target: {
      kind: 'rate',
      measure: '地区生产总值增长',
      unit: '%',
      value,
      ...(bound === undefined ? {} : { bound }),
      ...(bound === 'about' ? { tolerance } : {}),
    },
    observations: list,
  }));

const milestonesTask = fc
  .array(fc.record({ due: fc.integer({ min: -30, max: 450 }), done: fc.option(fc.integer({ min: -30, max: 500 })), weight: fc.integer({ min: 1, max: 5 }) }), {
    minLength: 1,
    maxLength: 5,
  })
  .map((list) => ({
    target: {
      kind: 'milestones',
      milestones: list.map((m, i) => ({ title: `节点${i + 1}`, due: day(m.due), done: m.done === null ? null : day(m.done), weight: m.weight })),
    },
  }));

const binaryTask = fc.option(fc.integer({ min: -30, max: 500 })).map((done) => ({ target: { kind: 'binary', completedOn: done === null ? null : day(done) } }));

/** The task's window and pace: the plan's period, or its own start and deadline, maybe with a trajectory point inside it. */
const windowAndPace = fc.oneof(
  fc.constant({}),
  fc
    .record({
      start: fc.integer({ min: -30, max: 300 }),
      length: fc.integer({ min: 0, max: 400 }),
      pace: fc.constantFrom<string | undefined>('monthly', 'daily', 'trajectory', undefined),
      expected: fc.integer({ min: 0, max: 100 }),
    })
    .map(({ start, length, pace, expected }) => ({
      start: day(start),
      deadline: day(start + length),
      ...(pace === undefined || (pace === 'trajectory' && length === 0)
        ? {}
        : { pace: pace === 'trajectory' ? { trajectory: [{ date: day(start + Math.floor(length / 2)), expected: (expected / 100).toString() }] } : pace }),
    })),
);

const taskArbitrary = fc
  .record({
    body: fc.oneof(cumulativeTask, levelTask, rateTask, milestonesTask, binaryTask),
    window: windowAndPace,
    flags: fc.subarray(['problem', 'watch']),
    cancelled: fc.option(fc.integer({ min: -30, max: 500 })),
  })
  .map(({ body, window, flags, cancelled }) => {
    // A trajectory is only checked and used for cumulative and level targets; keep it off the others.
    const { pace, ...rest } = window as { pace?: unknown };
    const usesPace = body.target.kind === 'cumulative' || body.target.kind === 'level' || typeof pace === 'string';
    return {
      ...body,
      ...rest,
      ...(pace !== undefined && usesPace ? { pace } : {}),
      flags,
      cancelled: cancelled === null ? null : { on: day(cancelled), reason: '因政策调整' },
    };
  });

const planArbitrary = fc.record({
  tasks: fc.array(taskArbitrary, { maxLength: 6 }),
  // Any day, or a day where things happen for calendar-year tasks: 时间过半, the last days before the deadline, just after it.
  asOf: fc.oneof(
    fc.integer({ min: -60, max: 600 }).map(day),
    fc.constantFrom('2018-06-30', '2018-12-28', '2018-12-29', '2018-12-30', '2018-12-31', '2019-01-01'),
  ),
  planPace: fc.constantFrom<string | undefined>('monthly', 'daily', undefined),
});

function buildPlan({ tasks, planPace }: { tasks: readonly object[]; planPace: string | undefined }): Plan {
  return parsePlan({
    formatVersion: 1,
    id: 'random',
    title: '随机计划',
    period: { start: '2018-01-01', end: '2018-12-31' },
    ...(planPace === undefined ? {} : { pace: planPace }),
    tasks: tasks.map((task, i) => ({ id: `T${i + 1}`, title: `任务${i + 1}`, ...task })),
  });
}

/** Checks that every task has exactly one status of the rule file, decided by a rule assigning it, or is a gap. */
function expectOneStatusOrGap(plan: Plan, evaluation: Evaluation, file: RuleFile): void {
  const statuses = new Map(file.statuses.map((status) => [status.code, status.label]));
  const rules = new Map(file.rules.map((rule) => [rule.name, rule.event.type]));
  expect(evaluation.results.map((result) => result.taskId)).toEqual(plan.tasks.map((task) => task.id));
  const gapIds = evaluation.gaps.map((gap) => gap.taskId);
  expect(new Set(gapIds).size).toBe(gapIds.length);
  for (const result of evaluation.results) {
    if (result.status === null) {
      expect([result.label, result.rule]).toEqual([null, null]);
      expect(evaluation.gaps.filter((gap) => gap.taskId === result.taskId)).toEqual([{ taskId: result.taskId, title: result.title, facts: result.facts }]);
    } else {
      expect(statuses.get(result.status)).toBe(result.label);
      expect(rules.get(result.rule ?? '')).toBe(result.status);
      expect(gapIds).not.toContain(result.taskId);
    }
  }
  const counted = evaluation.summary.byStatus.reduce((sum, entry) => sum + entry.count, 0);
  expect(evaluation.summary.total).toBe(plan.tasks.length);
  expect(counted + evaluation.gaps.length).toBe(plan.tasks.length);
}

/** four-level without its final "always" row, and a file that only knows 已完成: both leave gaps. */
const GAPPY_RULE_FILES: readonly RuleFile[] = [
  (() => {
    const json = bundledRuleFileJson('four-level') as { id: string; rules: unknown[] };
    return parseRuleFile({ ...json, id: 'four-level-without-always', rules: json.rules.slice(0, -1) });
  })(),
  parseRuleFile({
    formatVersion: 1,
    id: 'only-done',
    title: '只判已完成',
    statuses: [{ code: 'done', label: '已完成' }],
    rules: [{ name: '已完成', priority: 10, conditions: { all: [{ fact: 'met', operator: 'equal', value: true }] }, event: { type: 'done' } }],
  }),
];

describe('evaluatePlan', () => {
  const engines = ENGINE_CHOICES.flatMap((engine) => BUNDLED_RULE_SET_IDS.map((id) => [engine, id] as const));
  it.each(engines)('with engine %s, gives every task of a random plan exactly one status of %s, never a gap', async (engine, id) => {
    const file = bundled(id);
    await fc.assert(
      fc.asyncProperty(planArbitrary, async (input) => {
        const plan = buildPlan(input);
        const evaluation = await evaluatePlan(plan, { asOf: input.asOf, rules: id, engine });
        expectOneStatusOrGap(plan, evaluation, file);
        expect(evaluation.gaps).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it.each(ENGINE_CHOICES.flatMap((engine) => GAPPY_RULE_FILES.map((file) => [engine, file.id, file] as const)))(
    'with engine %s, gives every task of a random plan exactly one status of %s or lists it as a gap',
    async (engine, _id, file) => {
      await fc.assert(
        fc.asyncProperty(planArbitrary, async (input) => {
          const plan = buildPlan(input);
          expectOneStatusOrGap(plan, await evaluatePlan(plan, { asOf: input.asOf, rules: file, engine }), file);
        }),
        { numRuns: 150 },
      );
    },
  );

  it('lists a gap for a task only four-level’s "always" row would have decided', async () => {
    const [withoutAlways] = GAPPY_RULE_FILES;
    await fc.assert(
      fc.asyncProperty(planArbitrary, async (input) => {
        const plan = buildPlan(input);
        const full = await evaluatePlan(plan, { asOf: input.asOf, rules: 'four-level' });
        const partial = await evaluatePlan(plan, { asOf: input.asOf, rules: withoutAlways! });
        expect(partial.gaps.map((gap) => gap.taskId)).toEqual(full.results.filter((result) => result.rule === '需要加大力度').map((result) => result.taskId));
      }),
      { numRuns: 100 },
    );
  });

  it('gives the same evaluation with the compiled evaluator as with json-rules-engine', async () => {
    const files = [...BUNDLED_RULE_SET_IDS.map((id) => bundled(id)), ...GAPPY_RULE_FILES];
    await fc.assert(
      fc.asyncProperty(planArbitrary, fc.constantFrom(...files), async (input, rules) => {
        const plan = buildPlan(input);
        const compiled = await evaluatePlan(plan, { asOf: input.asOf, rules, engine: 'compiled' });
        const reference = await evaluatePlan(plan, { asOf: input.asOf, rules, engine: 'json-rules-engine' });
        expect(JSON.stringify(compiled)).toBe(JSON.stringify(reference));
      }),
      { numRuns: 200 },
    );
  });

  it('gives JSON byte-identical evaluations of the same random plan', async () => {
    await fc.assert(
      fc.asyncProperty(planArbitrary, fc.constantFrom(...BUNDLED_RULE_SET_IDS), async (input, id) => {
        const first = await evaluatePlan(buildPlan(input), { asOf: input.asOf, rules: id });
        const second = await evaluatePlan(buildPlan(input), { asOf: input.asOf, rules: id });
        expect(JSON.stringify(second)).toBe(JSON.stringify(first));
      }),
      { numRuns: 50 },
    );
  });
});

describe('the random plans above', () => {
  it.each(BUNDLED_RULE_SET_IDS)('reach every row of %s and every kind of target (so the properties are not vacuous)', async (id) => {
    const rulesHit = new Set<string>();
    const kinds = new Set<string>();
    for (const input of fc.sample(planArbitrary, { numRuns: 300, seed: 20180331 })) {
      const evaluation = await evaluatePlan(buildPlan(input), { asOf: input.asOf, rules: id });
      for (const result of evaluation.results) {
        rulesHit.add(result.rule ?? '');
        kinds.add(result.facts.kind);
      }
    }
    expect([...rulesHit].sort()).toEqual(
      bundled(id)
        .rules.map((rule) => rule.name)
        .sort(),
    );
    expect([...kinds].sort()).toEqual(['binary', 'cumulative', 'level', 'milestones', 'rate']);
  });
});
