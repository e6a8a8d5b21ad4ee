// Fuzzing hostile input (issue #14, input part): huge counts, deep nesting, many
// problems, far-off numbers and hand-built decimals. Whatever the generators make,
// the parsers and the pace code either succeed or throw duban's own error with
// at most MAX_ISSUES (+ notes) issues; never a RangeError, a TypeError, a hang
// or a number that silently changed value. `npm test` runs a small number of
// cases; `npm run fuzz` (DUBAN_FUZZ=long) runs twenty times as many.
// Each generator is checked to produce what it claims: the cases are counted.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createFactComputer,
  isDubanError,
  MAX_ARRAY_LENGTH,
  MAX_ISSUES,
  MAX_JSON_DEPTH,
  parseObservationsCsv,
  parsePlan,
  parseRuleFile,
  type Plan,
} from '../../src/index.js';
import { isExactJsonNumber } from '../../src/model/json-numbers.js';

const LONG = process.env.DUBAN_FUZZ === 'long';
const runs = (short: number) => ({ numRuns: LONG ? short * 20 : short });

const HEAD = { formatVersion: 1, id: 'fuzz', title: '模糊测试', period: { start: '2018-01-01', end: '2018-12-31' } };
const TASK = { id: 'T1', title: '林业产值', target: { kind: 'cumulative', measure: '林业产值', unit: '亿元', value: '200' } };

/** What kind of case each generator made, counted so the test can show they were all made. */
const seen = new Map<string, number>();
const saw = (kind: string) => seen.set(kind, (seen.get(kind) ?? 0) + 1);

/** Runs a parse: a value, or a DubanError with bounded, well-formed issues. Anything else fails the property. */
function outcome(parse: () => unknown): 'ok' | 'refused' {
  try {
    parse();
    return 'ok';
  } catch (error) {
    if (!isDubanError(error)) throw new Error(`not a DubanError: ${String(error)}`, { cause: error });
    expect(error.issues.length).toBeGreaterThan(0);
    expect(error.issues.length).toBeLessThanOrEqual(MAX_ISSUES + 2);
    for (const issue of error.issues) expect(issue.path.length > 0 && issue.message.length > 0).toBe(true);
    return 'refused';
  }
}

/** Huge counts: an array of `n` copies of a small element, in one place of a plan. */
const hugeCount = fc.record({
  n: fc.oneof(fc.integer({ min: MAX_ARRAY_LENGTH - 2, max: MAX_ARRAY_LENGTH }), fc.integer({ min: MAX_ARRAY_LENGTH + 1, max: 60_000 })),
  element: fc.constantFrom('{}', '1', '"x"', '[]', 'null', '{"asOf":"2018-03-31","value":"1"}'),
  where: fc.constantFrom('observations', 'tasks', 'categories', 'x-data'),
});

/** Deep nesting around a plan value: arrays and objects, near and past MAX_JSON_DEPTH. */
const deepNesting = fc.record({
  depth: fc.oneof(fc.integer({ min: MAX_JSON_DEPTH - 4, max: MAX_JSON_DEPTH + 2 }), fc.integer({ min: MAX_JSON_DEPTH * 2, max: MAX_JSON_DEPTH * 40 })),
  open: fc.constantFrom('[', '{"a":'),
});

/** Many problems: n tasks each broken in one of several ways. */
const manyProblems = fc.record({
  n: fc.integer({ min: 500, max: 12_000 }),
  broken: fc.constantFrom('{}', '{"id":1}', `{"id":"T","title":"t","target":{"kind":"nope"}}`, '7'),
});

/** Numbers a JSON reader could change: long integers, far exponents, many decimals. */
const farNumber = fc.oneof(
  fc.bigInt({ min: 2n ** 53n, max: 10n ** 40n }).map(String),
  fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 300, max: 5000 }), fc.boolean()).map(([m, e, negative]) => `${m}e${negative ? '-' : ''}${e}`),
  fc.tuple(fc.integer({ min: 0, max: 99 }), fc.stringMatching(/^\d{17,40}$/)).map(([whole, digits]) => `${whole}.${digits}`),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
);

/** Decimals a hand-built plan could hold. */
const handBuiltDecimal = fc.oneof(
  fc.constantFrom('abc', 'NaN', 'Infinity', '-Infinity', '', ' ', '1e400', '1.5e3', '0x10', '1..2', '-', '.5', '+7', '1e99999'),
  fc.string({ maxLength: 12 }),
  fc.double().map(String),
);

describe('hostile input never crashes', () => {
  it('huge counts are refused or read, never an internal error', () => {
    fc.assert(
      fc.property(hugeCount, ({ n, element, where }) => {
        saw(`count:${n > MAX_ARRAY_LENGTH ? 'over' : 'within'}`);
        const list = `[${Array(n).fill(element).join(',')}]`;
        const text =
          where === 'observations'
            ? JSON.stringify({ ...HEAD, tasks: [{ ...TASK, observations: [] }] }).replace('"observations":[]', `"observations":${list}`)
            : where === 'tasks'
              ? JSON.stringify({ ...HEAD, tasks: [] }).replace('"tasks":[]', `"tasks":${list}`)
              : JSON.stringify({ ...HEAD, tasks: [TASK] }).replace('"tasks":', `"${where}":${list},"tasks":`);
        const result = outcome(() => parsePlan(text));
        if (where === 'categories' && n > MAX_ARRAY_LENGTH) expect(result).toBe('refused');
        if (where === 'x-data') expect(result).toBe('ok');
      }),
      runs(16),
    );
  });

  it('deep nesting is refused at the depth limit, without a stack overflow', () => {
    fc.assert(
      fc.property(deepNesting, ({ depth, open }) => {
        saw(`depth:${depth + 1 > MAX_JSON_DEPTH ? 'over' : 'within'}`);
        const close = open === '[' ? ']' : '}';
        const value = open.repeat(depth) + '0' + close.repeat(depth);
        const result = outcome(() =>
          parsePlan(`{"formatVersion":1,"id":"d","title":"d","period":{"start":"2018-01-01","end":"2018-12-31"},"x-deep":${value},"tasks":[]}`),
        );
        // The plan object is level 1, x-deep's value level 2: depth levels of nesting inside it.
        if (depth + 1 > MAX_JSON_DEPTH) expect(result).toBe('refused');
        outcome(() => parseRuleFile(`{"formatVersion":1,"id":"r","title":"r","x":${value}}`));
      }),
      runs(16),
    );
  });

  it('many problems give a bounded list, never a RangeError', () => {
    fc.assert(
      fc.property(manyProblems, ({ n, broken }) => {
        saw(`problems:${n >= 1000 ? 'sliced' : 'whole'}`);
        expect(
          outcome(() =>
            parsePlan(
              `{"formatVersion":1,"id":"m","title":"m","period":{"start":"2018-01-01","end":"2018-12-31"},"tasks":[${Array(n).fill(broken).join(',')}]}`,
            ),
          ),
        ).toBe('refused');
        const csv = 'taskId,asOf,value,unit,note\n' + 'x,y\n'.repeat(n);
        expect(outcome(() => parseObservationsCsv(csv, 'p'))).toBe('refused');
      }),
      runs(5),
    );
  });

  it('a JSON number is read exactly or refused, never changed', () => {
    fc.assert(
      fc.property(farNumber, (token) => {
        saw(`number:${isExactJsonNumber(token) ? 'exact' : 'inexact'}`);
        const text = JSON.stringify({ ...HEAD, tasks: [{ ...TASK, observations: [{ asOf: '2018-03-31', value: 0 }] }] }).replace(
          '"value":0',
          `"value":${token}`,
        );
        let plan: Plan;
        try {
          plan = parsePlan(text);
        } catch (error) {
          if (!isDubanError(error)) throw error;
          // Refused: for the number itself (named at its path), or for what it is (a negative total is still a number).
          return;
        }
        // Read: the decimal duban holds has the value written.
        const held = plan.tasks[0]!.observations![0]!.value;
        expect(isExactJsonNumber(token)).toBe(true);
        expect(Number(held)).toBe(Number(token));
      }),
      runs(200),
    );
  });

  it('hand-built decimals in a parsed plan are refused or read, never loop', () => {
    const base = parsePlan({ ...HEAD, tasks: [{ ...TASK, observations: [{ asOf: '2018-03-31', value: '15' }] }] });
    fc.assert(
      fc.property(handBuiltDecimal, fc.constantFrom('observation', 'target'), (text, where) => {
        const plan = structuredClone(base);
        const recognised = parsePlan(plan);
        const task = recognised.tasks[0] as unknown as { target: { value: string }; observations: { value: string }[] };
        if (where === 'target') task.target.value = text;
        else task.observations[0]!.value = text;
        saw(`decimal:${where}`);
        outcome(() => createFactComputer(recognised, '2018-06-30')(recognised.tasks[0]!));
      }),
      runs(150),
    );
  });

  afterAll(() => {
    // Each generator made each kind of case it claims to make.
    for (const kind of [
      'count:over',
      'count:within',
      'depth:over',
      'depth:within',
      'problems:sliced',
      'number:exact',
      'number:inexact',
      'decimal:observation',
      'decimal:target',
    ]) {
      expect(seen.get(kind) ?? 0, kind).toBeGreaterThan(0);
    }
  });
});
