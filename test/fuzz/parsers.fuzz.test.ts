// Fuzzing the parsers: whatever they are given — arbitrary JSON, arbitrary text,
// valid documents broken at random places, truncated or corrupted text — they
// either succeed or throw duban's own error listing at least one issue with a
// path and a message. Never a TypeError, a RangeError or a silent half-result.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluatePlan, isDubanError, mergeObservations, parseObservations, parseObservationsCsv, parsePlan, parseRuleFile } from '../../src/index.js';
import { mutated, observationsDocument, planDocument, ruleFileDocument } from './arbitraries.js';

const RUNS = { numRuns: 300 };

type Outcome = { ok: true; value: unknown } | { ok: false };

/** Runs a parser and checks the outcome: a value, or a DubanError with well-formed issues. */
function outcome(parse: () => unknown): Outcome {
  try {
    return { ok: true, value: parse() };
  } catch (error) {
    if (!isDubanError(error)) throw new Error(`not a DubanError: ${String(error)}`, { cause: error });
    expect(error.issues.length).toBeGreaterThan(0);
    for (const issue of error.issues) {
      expect(typeof issue.path).toBe('string');
      expect(issue.path.length).toBeGreaterThan(0);
      expect(typeof issue.message).toBe('string');
      expect(issue.message.length).toBeGreaterThan(0);
    }
    return { ok: false };
  }
}

const PARSERS: readonly [string, (input: unknown) => unknown][] = [
  ['parsePlan', (input) => parsePlan(input)],
  ['parseObservations', (input) => parseObservations(input)],
  ['parseRuleFile', (input) => parseRuleFile(input)],
];

describe.each(PARSERS)('%s', (_name, parse) => {
  it('on arbitrary JSON values either succeeds or throws DubanError with issues', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => void outcome(() => parse(value))),
      RUNS,
    );
  });

  it('on arbitrary text either succeeds or throws DubanError with issues', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.json()), (text) => void outcome(() => parse(text))),
      RUNS,
    );
  });

  it('on anything JavaScript can hold (undefined, functions, symbols, Maps, Dates) throws DubanError', () => {
    fc.assert(
      fc.property(
        fc.anything({ withMap: true, withSet: true, withDate: true, withTypedArray: true, withSparseArray: true, withBigInt: true, withNullPrototype: true }),
        (value) => {
          void outcome(() => parse(value));
        },
      ),
      RUNS,
    );
    for (const value of [undefined, () => 1, Symbol('x'), new Map(), new Date(0), 10n]) expect(outcome(() => parse(value)).ok).toBe(false);
  });
});

describe('parsePlan on valid plans broken at random places', () => {
  it('accepts every unbroken generated plan', () => {
    fc.assert(
      fc.property(planDocument, (document) => {
        expect(outcome(() => parsePlan(document)).ok).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('either succeeds (and the plan evaluates) or throws DubanError, as an object and as text', async () => {
    await fc.assert(
      fc.asyncProperty(
        mutated(planDocument),
        fc.constantFrom('three-level', 'four-level', 'traffic-light') as fc.Arbitrary<'three-level'>,
        async ({ document }, rules) => {
          const asObject = outcome(() => parsePlan(document));
          // A document mutated into a string is itself JSON text; its text form would be a JSON string literal.
          if (typeof document !== 'string') {
            const asText = outcome(() => parsePlan(JSON.stringify(document)));
            expect(asText.ok).toBe(asObject.ok);
            if (asText.ok && asObject.ok) expect(asText.value).toEqual(asObject.value);
          }
          if (asObject.ok) {
            const plan = asObject.value as Parameters<typeof evaluatePlan>[0];
            const evaluation = await evaluatePlan(plan, { rules, asOf: '2018-09-30' });
            expect(evaluation.results.map((result) => result.taskId)).toEqual(plan.tasks.map((task) => task.id));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reports truncated plan text at $', () => {
    fc.assert(
      fc.property(planDocument, fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (document, cut) => {
        const text = JSON.stringify(document, null, 2);
        const truncated = text.slice(0, Math.floor(cut * text.length));
        try {
          parsePlan(truncated);
          expect.unreachable('a truncated plan was accepted');
        } catch (error) {
          expect(isDubanError(error) && error.issues[0]?.path).toBe('$');
        }
      }),
      RUNS,
    );
  });

  it('either succeeds or throws DubanError on text with random characters inserted', () => {
    fc.assert(
      fc.property(
        planDocument,
        fc.array(fc.tuple(fc.nat(), fc.string({ unit: 'binary', minLength: 1, maxLength: 3 })), { minLength: 1, maxLength: 3 }),
        (document, inserts) => {
          let text = JSON.stringify(document);
          for (const [at, piece] of inserts) {
            const i = at % (text.length + 1);
            text = text.slice(0, i) + piece + text.slice(i);
          }
          void outcome(() => parsePlan(text));
        },
      ),
      RUNS,
    );
  });
});

describe('parseRuleFile on valid rule files broken at random places', () => {
  it('accepts every unbroken generated rule file', () => {
    fc.assert(
      fc.property(ruleFileDocument, (document) => {
        expect(outcome(() => parseRuleFile(document)).ok).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('either succeeds (and classifies a plan) or throws DubanError', async () => {
    await fc.assert(
      fc.asyncProperty(mutated(ruleFileDocument), planDocument, async ({ document }, planJson) => {
        const parsed = outcome(() => parseRuleFile(document));
        if (typeof document !== 'string') expect(outcome(() => parseRuleFile(JSON.stringify(document))).ok).toBe(parsed.ok);
        if (!parsed.ok) return;
        const plan = parsePlan(planJson);
        const evaluation = await evaluatePlan(plan, { rules: parsed.value as ReturnType<typeof parseRuleFile>, asOf: '2018-06-30' });
        expect(evaluation.results).toHaveLength(plan.tasks.length);
      }),
      { numRuns: 200 },
    );
  });
});

describe('observations', () => {
  it('parseObservations on broken observation files either succeeds or throws DubanError, and merging does too', () => {
    fc.assert(
      fc.property(mutated(observationsDocument), planDocument, ({ document }, planJson) => {
        const parsed = outcome(() => parseObservations(document));
        if (parsed.ok) void outcome(() => mergeObservations(parsePlan(planJson), parsed.value as ReturnType<typeof parseObservations>));
      }),
      RUNS,
    );
  });

  const cell = fc.oneof(
    fc.string({ maxLength: 6 }),
    fc.constantFrom('T1', '2018-06-30', '2018-02-30', '1.5', 'NaN', '-0', '万人', '"', '""', ',', '\n', '\r\n', ''),
  );

  it('parseObservationsCsv on arbitrary text either succeeds or throws DubanError', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'binary' })),
        fc.string({ maxLength: 5 }),
        (text, planId) => void outcome(() => parseObservationsCsv(text, planId)),
      ),
      RUNS,
    );
  });

  it('parseObservationsCsv on rows of hostile cells, quoted or not, either succeeds or throws DubanError', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.tuple(cell, fc.boolean()), { maxLength: 7 }), { maxLength: 6 }), fc.boolean(), (rows, crlf) => {
        const lines = rows.map((row) => row.map(([text, quoted]) => (quoted ? `"${text.replaceAll('"', '""')}"` : text)).join(','));
        const text = ['taskId,asOf,value,unit,note', ...lines].join(crlf ? '\r\n' : '\n');
        const parsed = outcome(() => parseObservationsCsv(text, 'fuzz-2018'));
        if (parsed.ok)
          for (const observation of (parsed.value as ReturnType<typeof parseObservationsCsv>).observations) expect(observation.taskId).not.toBe('');
      }),
      RUNS,
    );
  });
});
