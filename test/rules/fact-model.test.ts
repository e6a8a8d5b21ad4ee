import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeFacts, factsForEngine, parsePlan } from '../../src/index.js';
import { coreSamples, factConstraintViolations, flagSets } from '../../src/engine/check/fact-model.js';
import { fromNumber } from '../../src/engine/check/rational.js';

const day = fc.integer({ min: 0, max: 3 * 365 }).map((n) => new Date(Date.UTC(2017, 0, 1 + n)).toISOString().slice(0, 10));
const amount = fc.constantFrom(-5, 0, 0.5, 1, 3.7, 30, 100, 150, 1e-7);

const target = fc.oneof(
  fc.record({ kind: fc.constant('cumulative'), measure: fc.constant('m'), unit: fc.constant('个'), value: fc.constantFrom(1, 3.7, 100) }),
  fc.record({
    kind: fc.constant('level'),
    measure: fc.constant('m'),
    unit: fc.constant('个'),
    value: fc.constantFrom(80, 220),
    baseline: fc.constantFrom(100, 160),
  }),
  fc.record({
    kind: fc.constant('rate'),
    measure: fc.constant('m'),
    unit: fc.constant('%'),
    value: fc.constantFrom(-3.5, 3.5, 8),
    bound: fc.constantFrom('atLeast', 'atMost'),
  }),
  fc.record({
    kind: fc.constant('rate'),
    measure: fc.constant('m'),
    unit: fc.constant('%'),
    value: fc.constantFrom(3, 8),
    bound: fc.constant('about'),
    tolerance: fc.constantFrom(0, 0.5),
  }),
  fc.record({
    kind: fc.constant('milestones'),
    milestones: fc.array(fc.record({ title: fc.constant('节点'), due: day, done: fc.option(day, { nil: null }), weight: fc.constantFrom(1, 2, 0.5) }), {
      minLength: 1,
      maxLength: 4,
    }),
  }),
  fc.record({ kind: fc.constant('binary'), completedOn: fc.option(day, { nil: null }) }),
);

const task = fc.record({
  target,
  observations: fc.array(fc.record({ asOf: day, value: amount }), { maxLength: 3 }),
  cancelledOn: fc.option(day, { nil: null }),
  start: day,
  length: fc.integer({ min: 0, max: 400 }),
  pace: fc.constantFrom('monthly', 'daily'),
  flags: fc.subarray(['problem', 'x']),
});

describe('the fact model of rules check', () => {
  it('admits the facts of every task computeFacts sees (random plans)', () => {
    fc.assert(
      fc.property(task, day, (t, asOf) => {
        const deadline = new Date(Date.parse(t.start) + t.length * 86_400_000).toISOString().slice(0, 10);
        const kind = t.target.kind;
        const observations = kind === 'milestones' || kind === 'binary' ? undefined : [...new Map(t.observations.map((o) => [o.asOf, o])).values()];
        const plan = parsePlan({
          formatVersion: 1,
          id: 'p',
          title: 'p',
          period: { start: '2017-01-01', end: '2019-12-31' },
          tasks: [
            {
              id: 'T',
              title: 't',
              start: t.start,
              deadline,
              pace: t.pace,
              target: t.target,
              flags: t.flags,
              ...(observations === undefined ? {} : { observations }),
              cancelled: t.cancelledOn === null ? null : { on: t.cancelledOn, reason: '' },
            },
          ],
        });
        const facts = factsForEngine(computeFacts(plan, plan.tasks[0]!, asOf));
        expect(factConstraintViolations({ ...facts })).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('visits only facts some task can produce', () => {
    const thresholds = new Map([
      ['progress', [fromNumber(0.3)!, fromNumber(1)!]],
      ['paceGap', [fromNumber(-0.3)!]],
      ['paceRatio', [fromNumber(0.5)!]],
      ['value', [fromNumber(50)!]],
      ['target', [fromNumber(100)!]],
      ['margin', [fromNumber(-1)!]],
      ['daysToDeadline', [fromNumber(3)!]],
      ['dataAgeDays', [fromNumber(30)!]],
      ['overdueMilestones', [fromNumber(2)!]],
    ]);
    let count = 0;
    for (const facts of coreSamples(thresholds)) {
      count++;
      expect(factConstraintViolations(facts)).toEqual([]);
    }
    expect(count).toBeGreaterThan(1000);
  });

  it('rejects facts no task can produce', () => {
    const good = {
      kind: 'cumulative',
      cancelled: false,
      hasData: true,
      value: 60,
      target: 100,
      progress: 0.6,
      expected: 0.5,
      paceGap: 0.1,
      paceRatio: 1.2,
      met: false,
      onPace: true,
      margin: null,
      overdue: false,
      daysToDeadline: 10,
      overdueMilestones: 0,
      dataAgeDays: 0,
      dataCoversPeriod: false,
      flags: [],
    };
    expect(factConstraintViolations(good)).toEqual([]);
    const bad: Record<string, unknown>[] = [
      { ...good, met: true },
      { ...good, onPace: false },
      { ...good, kind: 'rate' },
      { ...good, kind: 'milestones' },
      { ...good, hasData: false },
      { ...good, expected: 1.5 },
      { ...good, daysToDeadline: 0 },
      { ...good, overdue: true },
      { ...good, overdueMilestones: 1 },
      { ...good, dataCoversPeriod: true },
      { ...good, dataCoversPeriod: null },
      { ...good, daysToDeadline: -1, expected: 1, paceGap: -0.4, paceRatio: 0.6, overdue: true, dataAgeDays: 2, dataCoversPeriod: true },
      { ...good, daysToDeadline: -1, expected: 1, paceGap: -0.4, paceRatio: 0.6, overdue: true, dataAgeDays: 1, dataCoversPeriod: false },
    ];
    for (const facts of bad) expect(factConstraintViolations(facts)).not.toEqual([]);
  });

  it('lists every subset of the flags the rules mention', () => {
    expect(flagSets(['a', 'b'])).toEqual([[], ['a'], ['b'], ['a', 'b']]);
  });
});
