import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeFacts, expectedProgress, parsePlan, type ExactFacts, type Fraction, type Pace, type Plan } from '../../src/index.js';
import { paceExpected, type TaskWindow } from '../../src/pace/expected-progress.js';

const DAY_MS = 86_400_000;

/** The date of a day number (days since 1970-01-01), computed in UTC so no time zone can shift it. */
const dateOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
/** The day number of a date, in UTC. */
const dayOf = (date: string): number => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;

const MIN_DAY = dayOf('1950-01-01');
const MAX_DAY = dayOf('2100-12-31');

const le = (a: Fraction, b: Fraction): boolean => a.n * b.d <= b.n * a.d;
const eq = (a: Fraction, b: Fraction): boolean => a.n * b.d === b.n * a.d;
const ZERO: Fraction = { n: 0n, d: 1n };
const ONE: Fraction = { n: 1n, d: 1n };
const inUnit = (x: Fraction): boolean => le(ZERO, x) && le(x, ONE);

/** An exact decimal string in [0, 1] with six places, from an integer in [0, 10⁶]. */
const decimal6 = (micros: number): string => (micros === 1_000_000 ? '1' : `0.${String(micros).padStart(6, '0')}`);
const fromDecimal6 = (text: string): Fraction => (text === '1' ? ONE : { n: BigInt(text.slice(2)), d: 1_000_000n });

interface Window {
  readonly start: number;
  readonly deadline: number;
}

const windowArb = (minLength = 0): fc.Arbitrary<Window> =>
  fc
    .record({ start: fc.integer({ min: MIN_DAY, max: MAX_DAY }), length: fc.integer({ min: minLength, max: 1200 }) })
    .map(({ start, length }) => ({ start, deadline: start + length }));

/** A valid trajectory inside a window of at least two days: dates strictly increasing in [s, t), values non-decreasing in [0, 1]. */
const trajectoryArb = (window: Window): fc.Arbitrary<Pace> =>
  fc
    .uniqueArray(fc.integer({ min: window.start, max: window.deadline - 1 }), { minLength: 1, maxLength: 6 })
    .chain((days) => fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: days.length, maxLength: days.length }).map((values) => ({ days, values })))
    .map(({ days, values }) => {
      const sortedDays = [...days].sort((a, b) => a - b);
      const sortedValues = [...values].sort((a, b) => a - b);
      return { trajectory: sortedDays.map((day, i) => ({ date: dateOf(day), expected: decimal6(sortedValues[i] ?? 0) })) };
    });

const paceCaseArb = windowArb(1).chain((window) =>
  fc.record({
    window: fc.constant(window),
    pace: fc.oneof(fc.constant<Pace>('monthly'), fc.constant<Pace>('daily'), trajectoryArb(window)),
    first: fc.integer({ min: window.start - 400, max: window.deadline + 400 }),
    step: fc.integer({ min: 0, max: 500 }),
  }),
);

const taskWindowOf = (window: Window, pace: Pace): TaskWindow => ({ start: dateOf(window.start), deadline: dateOf(window.deadline), pace });

describe('paceExpected', () => {
  it('never decreases as the as-of date moves forward, and stays in [0, 1]', () => {
    fc.assert(
      fc.property(paceCaseArb, ({ window, pace, first, step }) => {
        const w = taskWindowOf(window, pace);
        const earlier = paceExpected(w, dateOf(first));
        const later = paceExpected(w, dateOf(first + step));
        expect(inUnit(earlier)).toBe(true);
        expect(inUnit(later)).toBe(true);
        expect(le(earlier, later)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('is 0 at the end of the day before the start and 1 at the end of the deadline, for every pace', () => {
    fc.assert(
      fc.property(paceCaseArb, ({ window, pace }) => {
        const w = taskWindowOf(window, pace);
        expect(paceExpected(w, dateOf(window.start - 1))).toEqual(ZERO);
        expect(paceExpected(w, dateOf(window.deadline))).toEqual(ONE);
      }),
      { numRuns: 500 },
    );
  });

  it('is the elapsed share of days under the daily pace', () => {
    fc.assert(
      fc.property(windowArb(), fc.integer({ min: -400, max: 1600 }), (window, offset) => {
        const asOf = window.start + offset;
        const elapsed = BigInt(Math.min(Math.max(asOf - (window.start - 1), 0), window.deadline - window.start + 1));
        const expected = paceExpected(taskWindowOf(window, 'daily'), dateOf(asOf));
        expect(eq(expected, { n: elapsed, d: BigInt(window.deadline - window.start + 1) })).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('follows M(x) = 12·year + (month − 1) + day / daysInMonth under the monthly pace', () => {
    // M(x) as a fraction, with the month length taken from the UTC calendar.
    const month = (day: number): Fraction => {
      const date = new Date(day * DAY_MS);
      const length = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
      return { n: BigInt((12 * date.getUTCFullYear() + date.getUTCMonth()) * length + date.getUTCDate()), d: BigInt(length) };
    };
    const minus = (a: Fraction, b: Fraction): Fraction => ({ n: a.n * b.d - b.n * a.d, d: a.d * b.d });
    fc.assert(
      fc.property(windowArb(), fc.integer({ min: -400, max: 1600 }), (window, offset) => {
        const asOf = window.start + offset;
        const origin = month(window.start - 1);
        const numerator = minus(month(asOf), origin);
        const denominator = minus(month(window.deadline), origin);
        const raw: Fraction = { n: numerator.n * denominator.d, d: numerator.d * denominator.n };
        const clamped = le(raw, ZERO) ? ZERO : le(ONE, raw) ? ONE : raw;
        expect(eq(paceExpected(taskWindowOf(window, 'monthly'), dateOf(asOf)), clamped)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('passes through every point of a trajectory', () => {
    const caseArb = windowArb(1).chain((window) => fc.record({ window: fc.constant(window), pace: trajectoryArb(window) }));
    fc.assert(
      fc.property(caseArb, ({ window, pace }) => {
        if (typeof pace !== 'object') throw new Error('expected a trajectory');
        for (const point of pace.trajectory) {
          expect(eq(paceExpected(taskWindowOf(window, pace), point.date), fromDecimal6(point.expected))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

// Random valid plans covering every kind of target, to check what computeFacts promises for any input.

const dayIn2017to2019 = fc.integer({ min: dayOf('2017-10-01'), max: dayOf('2019-03-31') });
const positive = fc.integer({ min: 1, max: 1_000_000 }).map((v) => `${v / 100}`);
const signed = fc.integer({ min: -1_000_000, max: 1_000_000 }).map((v) => `${v / 100}`);

const observationsArb = (units: readonly string[]) =>
  fc
    .uniqueArray(dayIn2017to2019, { maxLength: 5 })
    .chain((days) => fc.tuple(...days.map((day) => fc.record({ asOf: fc.constant(dateOf(day)), value: signed, unit: fc.constantFrom(...units) }))));

const targetArb = fc.oneof(
  fc.record({
    target: fc.record({ kind: fc.constant('cumulative'), measure: fc.constant('投资'), unit: fc.constant('亿元'), value: positive }),
    observations: observationsArb(['亿元', '万元']),
  }),
  fc.record({
    target: fc
      .tuple(signed, signed)
      .filter(([a, b]) => Number(a) !== Number(b))
      .map(([baseline, value]) => ({ kind: 'level', measure: '库存', unit: '万平方米', value, baseline })),
    observations: observationsArb(['万平方米', '平方米']),
  }),
  fc.record({
    target: fc.oneof(
      fc.record({
        kind: fc.constant('rate'),
        measure: fc.constant('增速'),
        unit: fc.constant('%'),
        value: signed,
        bound: fc.constantFrom('atLeast', 'atMost'),
      }),
      fc.record({
        kind: fc.constant('rate'),
        measure: fc.constant('增速'),
        unit: fc.constant('%'),
        value: signed,
        bound: fc.constant('about'),
        tolerance: positive,
      }),
    ),
    observations: observationsArb(['%']),
  }),
  fc.record({
    target: fc.record({
      kind: fc.constant('milestones'),
      milestones: fc.array(
        fc.record({
          title: fc.constant('节点'),
          due: dayIn2017to2019.map(dateOf),
          done: fc.option(dayIn2017to2019.map(dateOf), { nil: null }),
          weight: positive,
        }),
        { minLength: 1, maxLength: 4 },
      ),
    }),
  }),
  fc.record({ target: fc.record({ kind: fc.constant('binary'), completedOn: fc.option(dayIn2017to2019.map(dateOf), { nil: null }) }) }),
);

const taskArb = fc
  .record({
    body: targetArb,
    start: fc.integer({ min: dayOf('2018-01-01'), max: dayOf('2018-06-30') }),
    length: fc.integer({ min: 1, max: 400 }),
    pace: fc.constantFrom('monthly', 'daily', undefined),
    cancelled: fc.option(
      dayIn2017to2019.map((day) => ({ on: dateOf(day), reason: '因政策调整' })),
      { nil: null },
    ),
    flags: fc.constantFrom([], ['problem']),
  })
  .map(({ body, start, length, pace, cancelled, flags }) => ({
    ...body,
    start: dateOf(start),
    deadline: dateOf(start + length),
    ...(pace === undefined ? {} : { pace }),
    cancelled,
    flags,
  }));

const planArb = fc.array(taskArb, { minLength: 1, maxLength: 4 }).map((tasks) =>
  parsePlan({
    formatVersion: 1,
    id: 'random',
    title: '随机计划',
    period: { start: '2018-01-01', end: '2018-12-31' },
    tasks: tasks.map((task, i) => ({ id: `T${i}`, title: `任务${i}`, ...task })),
  }),
);

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

const allFacts = (plan: Plan, asOf: string): ExactFacts[] => plan.tasks.map((task) => computeFacts(plan, task, asOf));

describe('computeFacts', () => {
  it('gives the same facts on two calls and leaves the plan unchanged', () => {
    fc.assert(
      fc.property(planArb, dayIn2017to2019, (plan, day) => {
        const before = structuredClone(plan);
        deepFreeze(plan);
        const asOf = dateOf(day);
        const first = allFacts(plan, asOf);
        const second = allFacts(plan, asOf);
        expect(second).toEqual(first);
        expect(plan).toEqual(before);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps expected non-decreasing in the as-of date and in [0, 1] for every kind of target', () => {
    fc.assert(
      fc.property(planArb, dayIn2017to2019, fc.integer({ min: 0, max: 400 }), (plan, day, step) => {
        for (const task of plan.tasks) {
          const earlier = expectedProgress(plan, task, dateOf(day));
          const later = expectedProgress(plan, task, dateOf(day + step));
          if (task.target.kind === 'rate') {
            expect([earlier, later]).toEqual([null, null]);
            continue;
          }
          if (earlier === null || later === null) throw new Error('expected progress missing');
          expect(inUnit(earlier) && inUnit(later)).toBe(true);
          expect(le(earlier, later)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('has null facts exactly where pace-and-facts.md says', () => {
    fc.assert(
      fc.property(planArb, dayIn2017to2019, (plan, day) => {
        for (const facts of allFacts(plan, dateOf(day))) {
          const isNull = (value: unknown) => value === null;
          if (facts.kind === 'milestones' || facts.kind === 'binary') {
            expect(facts.hasData).toBe(true);
            expect([facts.value, facts.target, facts.margin, facts.dataAgeDays].every(isNull)).toBe(true);
            expect([facts.progress, facts.expected, facts.paceGap, facts.met, facts.onPace].some(isNull)).toBe(false);
          } else if (!facts.hasData) {
            expect([facts.value, facts.progress, facts.paceGap, facts.paceRatio, facts.met, facts.onPace, facts.margin, facts.dataAgeDays].every(isNull)).toBe(
              true,
            );
            expect(facts.target).not.toBeNull();
            expect(facts.expected === null).toBe(facts.kind === 'rate');
          } else if (facts.kind === 'rate') {
            expect([facts.progress, facts.expected, facts.paceGap, facts.paceRatio].every(isNull)).toBe(true);
            expect([facts.value, facts.target, facts.margin, facts.met, facts.dataAgeDays].some(isNull)).toBe(false);
            expect(facts.onPace).toBe(facts.met);
          } else {
            expect([facts.value, facts.target, facts.progress, facts.expected, facts.paceGap, facts.met, facts.onPace, facts.dataAgeDays].some(isNull)).toBe(
              false,
            );
            expect(facts.margin).toBeNull();
          }
          if (facts.paceRatio === null && facts.expected !== null && facts.progress !== null) expect(facts.expected.n).toBe(0n);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('ignores observations dated after the as-of date: an earlier date reproduces what was known then', () => {
    fc.assert(
      fc.property(planArb, dayIn2017to2019, (plan, day) => {
        const asOf = dateOf(day);
        const known: Plan = {
          ...plan,
          tasks: plan.tasks.map((task) =>
            task.observations === undefined ? task : { ...task, observations: task.observations.filter((o) => o.asOf <= asOf) },
          ),
        };
        expect(allFacts(known, asOf)).toEqual(allFacts(plan, asOf));
      }),
      { numRuns: 300 },
    );
  });
});
