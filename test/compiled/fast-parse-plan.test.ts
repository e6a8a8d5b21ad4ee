import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fastParsePlan } from '../../src/model/fast-parse-plan.js';
import { safeParsePlan } from '../../src/index.js';
import { planCrossChecks, planSchema } from '../../src/model/plan.js';
import { prototypeKeyIssues } from '../../src/model/schema-kit.js';
import { inputLimitIssues, MAX_JSON_DEPTH, MAX_STRING_LENGTH } from '../../src/model/limits.js';

/** What duban accepts without the fast path: the limits, the zod schema, the `__proto__` walk and the cross-checks. */
function reference(json: unknown) {
  if (inputLimitIssues(json).length > 0) return { success: false } as const;
  const result = planSchema.safeParse(json);
  return result.success && prototypeKeyIssues(json).length === 0 && planCrossChecks(json).length === 0 ? result : ({ success: false } as const);
}

// Mostly valid values, with a rare invalid one, so that both outcomes are frequent.
const mostly = <T, U>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<U>): fc.Arbitrary<T | U> =>
  fc.oneof({ weight: 40, arbitrary: valid }, { weight: 1, arbitrary: invalid });
const date = mostly(
  fc.constantFrom('2018-01-01', '2018-03-31', '2018-06-30', '2018-12-31', '2016-02-29'),
  fc.constantFrom('2018-02-30', '2018-13-01', '2018-6-30', '', 20180101),
);
const decimal = mostly(
  fc.oneof(fc.constantFrom('8.5', '-3.5', '1e3', '0', '-0', '007.50', '.5'), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer()),
  fc.constantFrom('NaN', '3.5%', '', ' 1', 'Infinity', null, true),
);
const text = mostly(fc.constantFrom('林业产值', 'x', '亿元', '%', '万人'), fc.constantFrom('', 3, null));
const kind = mostly(fc.constantFrom('cumulative', 'level', 'rate', 'milestones', 'binary'), fc.constantFrom('other', 'Rate', 1));
const extras = fc.dictionary(
  mostly(fc.constantFrom('x-note', 'x-source', 'x-'), fc.constantFrom('note', '__proto__', 'deadine', 'constructor')),
  fc.oneof(fc.string(), fc.integer()),
  { maxKeys: 2 },
);

/** An optional key: absent half the time. */
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined, freq: 2 });
/** A required key: rarely absent. */
const must = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined, freq: 40 });
const strip = (value: Record<string, unknown>) => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
const withExtras = (arbitrary: fc.Arbitrary<Record<string, unknown>>) =>
  fc.tuple(arbitrary, extras, fc.boolean()).map(([value, extra, reverse]) => {
    const entries = Object.entries({ ...strip(value), ...extra });
    return Object.fromEntries(reverse ? entries.reverse() : entries);
  });

const milestone = withExtras(fc.record({ title: must(text), due: must(date), done: maybe(fc.oneof(date, fc.constant(null))), weight: maybe(decimal) }));
const target = withExtras(
  fc.record({
    kind: must(kind),
    measure: maybe(text),
    unit: maybe(text),
    value: maybe(decimal),
    baseline: maybe(decimal),
    bound: maybe(mostly(fc.constantFrom('atLeast', 'atMost', 'about'), fc.constant('below'))),
    tolerance: maybe(decimal),
    milestones: maybe(fc.array(milestone, { maxLength: 2 })),
    completedOn: maybe(fc.oneof(date, fc.constant(null))),
  }),
);
const pace = fc.oneof(
  mostly(fc.constantFrom('monthly', 'daily'), fc.constant('weekly')),
  withExtras(fc.record({ trajectory: must(fc.array(withExtras(fc.record({ date: must(date), expected: must(decimal) })), { maxLength: 2 })) })),
);
const observation = withExtras(fc.record({ asOf: must(date), value: must(decimal), unit: maybe(text), note: maybe(text) }));
const task = withExtras(
  fc.record({
    id: must(text),
    title: must(mostly(fc.constantFrom('任务', ''), fc.integer())),
    category: maybe(text),
    owners: maybe(withExtras(fc.record({ lead: maybe(fc.array(text, { maxLength: 2 })), support: maybe(fc.array(text, { maxLength: 2 })) }))),
    leader: maybe(text),
    start: maybe(date),
    deadline: maybe(date),
    pace: maybe(pace),
    target: must(target),
    observations: maybe(fc.array(observation, { maxLength: 2 })),
    flags: maybe(fc.array(fc.oneof(text, fc.integer()), { maxLength: 2 })),
    cancelled: maybe(fc.oneof(fc.constant(null), withExtras(fc.record({ on: must(date), reason: must(text) })))),
  }),
);
const plan = withExtras(
  fc.record({
    $schema: maybe(text),
    formatVersion: must(mostly(fc.constant(1), fc.constantFrom(2, '1'))),
    id: must(text),
    title: must(text),
    issuer: maybe(text),
    period: must(withExtras(fc.record({ start: must(date), end: must(date) }))),
    asOf: maybe(date),
    pace: maybe(pace),
    categories: maybe(fc.array(withExtras(fc.record({ id: must(text), title: must(text) })), { maxLength: 2 })),
    tasks: must(fc.array(task, { maxLength: 3 })),
  }),
);

describe('fastParsePlan', () => {
  it('accepts only what the limits, the zod schema and the cross-checks accept, with the same output (key order included), on 3 000 plans mixing fields of every kind (fast-parse-plan-drift.test.ts generates valid plans per kind)', () => {
    let fast = 0;
    let accepted = 0;
    let crossOnly = 0;
    fc.assert(
      fc.property(plan, (input) => {
        // Through JSON, as plans arrive (so `__proto__` is an own key, as JSON.parse makes it).
        const json: unknown = JSON.parse(JSON.stringify(input));
        const quick = fastParsePlan(json);
        const expected = reference(json);
        if (expected.success) accepted++;
        else if (planSchema.safeParse(json).success && prototypeKeyIssues(json).length === 0) crossOnly++;
        if (quick !== undefined) {
          fast++;
          expect(expected.success).toBe(true);
          if (expected.success) expect(JSON.stringify(quick)).toBe(JSON.stringify(expected.data));
        }
        // In place, the same plan up to key order.
        const inPlace = fastParsePlan(JSON.parse(JSON.stringify(input)), true);
        expect(inPlace === undefined).toBe(quick === undefined);
        if (inPlace !== undefined) expect(inPlace).toEqual(quick);
        // Whichever path runs, safeParsePlan decides as the reference does.
        expect(safeParsePlan(json).success).toBe(expected.success);
        // From text, where the fast path works in place and zod may then see a half-normalised value.
        const fromText = safeParsePlan(JSON.stringify(input));
        const fromValue = safeParsePlan(json);
        expect(fromText.success).toBe(fromValue.success);
        if (fromText.success && fromValue.success) expect(fromText.data).toEqual(fromValue.data);
        if (!fromText.success && !fromValue.success) expect(fromText.error.issues).toEqual(fromValue.error.issues);
      }),
      { numRuns: 3_000 },
    );
    // The generator must produce valid plans, and the fast path must take them.
    expect(accepted).toBeGreaterThan(100);
    expect(fast).toBe(accepted);
    // And plans of valid shape that only the cross-checks refuse, which the fast path must refuse too.
    expect(crossOnly).toBeGreaterThan(100);
  }, 120_000);

  it('takes every example plan and gives zod’s output', () => {
    for (const name of readdirSync(new URL('../../examples/', import.meta.url)).filter((n) => n.endsWith('.plan.json'))) {
      const json: unknown = JSON.parse(readFileSync(new URL(`../../examples/${name}`, import.meta.url), 'utf8'));
      const reference = planSchema.safeParse(json);
      expect(reference.success).toBe(true);
      expect(JSON.stringify(fastParsePlan(json))).toBe(JSON.stringify(reference.data));
    }
  });

  it('gives up on anything over the limits, wherever it sits, so the limit walk reports it', () => {
    const valid = {
      formatVersion: 1,
      id: 'p',
      title: 'p',
      period: { start: '2018-01-01', end: '2018-12-31' },
      tasks: [{ id: 'T1', title: 't', target: { kind: 'binary', completedOn: null } }],
    };
    const long = 'x'.repeat(MAX_STRING_LENGTH + 1);
    const nested = (levels: number): unknown => (levels === 0 ? 1 : [nested(levels - 1)]);
    expect(fastParsePlan(valid)).toBeDefined();
    expect(fastParsePlan({ ...valid, title: 'x'.repeat(MAX_STRING_LENGTH) })).toBeDefined();
    for (const hostile of [
      { ...valid, title: long },
      { ...valid, 'x-note': long },
      { ...valid, [`x-${long}`]: 1 },
      { ...valid, 'x-deep': nested(MAX_JSON_DEPTH) },
      { ...valid, 'x-deep': { a: [{ b: long }] } },
      { ...valid, tasks: [{ ...valid.tasks[0], owners: { lead: [long] } }] },
      { ...valid, tasks: [{ ...valid.tasks[0], flags: [long] }] },
    ]) {
      expect(inputLimitIssues(hostile).length).toBeGreaterThan(0);
      expect(fastParsePlan(hostile)).toBeUndefined();
      expect(safeParsePlan(hostile).success).toBe(false);
    }
  });

  it('gives up on an explicit undefined, which only code (not JSON) can pass', () => {
    expect(
      fastParsePlan({ formatVersion: 1, id: 'p', title: 'p', issuer: undefined, period: { start: '2018-01-01', end: '2018-12-31' }, tasks: [] }),
    ).toBeUndefined();
  });
});
