import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain ES module without types
import { generatePlan } from '../../bench/generate-plan.mjs';
import { FACT_KEYS, FLAT_RESULT_FIELDS, flatEvaluationJsonPieces, inflateFacts, renderOutputPiece, startFlatEvaluation } from '../../src/cli/flat-layout.js';
import {
  BUNDLED_RULE_SET_IDS,
  evaluatePlan,
  evaluatePlanSync,
  formatEvaluation,
  formatEvaluationJsonChunks,
  parsePlan,
  evaluatePlanStream,
  type EvaluateOptions,
  type Plan,
} from '../../src/index.js';
import { evaluationJsonChunksOf } from '../../src/report/format-evaluation.js';

const examples = readdirSync(new URL('../../examples/', import.meta.url)).filter((name) => name.endsWith('.plan.json'));

describe('formatEvaluationJsonChunks', () => {
  it.each(examples)('writes exactly the bytes of formatEvaluation(…, "json") for %s with every bundled rule set', (name) => {
    const plan = parsePlan(readFileSync(new URL(`../../examples/${name}`, import.meta.url), 'utf8'));
    for (const rules of BUNDLED_RULE_SET_IDS) {
      const streamed = [...formatEvaluationJsonChunks(evaluatePlanStream(plan, { rules }))].join('');
      expect(streamed).toBe(formatEvaluation(evaluatePlanSync(plan, { rules }), 'json'));
    }
  });

  it('writes an empty plan and a plan with gaps exactly as JSON.stringify does', () => {
    const empty = parsePlan({ formatVersion: 1, id: 'e', title: 'e', period: { start: '2018-01-01', end: '2018-12-31' }, asOf: '2018-06-30', tasks: [] });
    expect([...formatEvaluationJsonChunks(evaluatePlanStream(empty))].join('')).toBe(formatEvaluation(evaluatePlanSync(empty), 'json'));
    const rules = {
      formatVersion: 1 as const,
      id: 'only-met',
      title: 'only met',
      statuses: [{ code: 'ok', label: '达标' }],
      rules: [{ name: 'met', priority: 1, conditions: { all: [{ fact: 'met', operator: 'equal', value: true }] }, event: { type: 'ok' } }],
    };
    const plan = parsePlan(readFileSync(new URL('../../examples/xianning-2018-q1.plan.json', import.meta.url), 'utf8'));
    const evaluation = evaluatePlanSync(plan, { rules });
    expect(evaluation.gaps.length).toBeGreaterThan(0);
    expect([...formatEvaluationJsonChunks(evaluatePlanStream(plan, { rules }))].join('')).toBe(formatEvaluation(evaluation, 'json'));
  });
});

describe('flat evaluation (the CLI’s path to its writer thread)', () => {
  const render = (plan: Plan, options: EvaluateOptions) => [...flatEvaluationJsonPieces(startFlatEvaluation(plan, options, 7))].map(renderOutputPiece).join('');

  it.each(examples)('writes exactly the bytes of formatEvaluation(…, "json") for %s, every bundled rule set, several dates', (name) => {
    const plan = parsePlan(readFileSync(new URL(`../../examples/${name}`, import.meta.url), 'utf8'));
    for (const rules of BUNDLED_RULE_SET_IDS) {
      for (const asOf of [undefined, '2018-01-01', '2018-03-31', '2018-06-30', '2018-12-31', '2019-02-28']) {
        const options = { rules, ...(asOf === undefined ? {} : { asOf }) };
        expect(render(plan, options)).toBe(formatEvaluation(evaluatePlanSync(plan, options), 'json'));
      }
    }
  });

  it('agrees on generated plans, with long decimals, other magnitudes of a unit and every kind of target', () => {
    const long = (digits: string) => ({ kind: 'cumulative', measure: '投资', unit: '亿元', value: digits });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.stringMatching(/^[1-9]\d{15,24}(\.\d{1,6}[1-9])?$/),
        fc.stringMatching(/^\d{1,3}\.\d{17,22}[1-9]$/),
        (seed, big, precise) => {
          const generated = (generatePlan as (n: number, seed: number) => { tasks: unknown[] })(40, seed);
          generated.tasks.push(
            { id: 'L1', title: 'long target', target: long(big), observations: [{ asOf: '2018-06-30', value: precise }] },
            { id: 'L2', title: 'long value', target: long('7'), observations: [{ asOf: '2018-06-30', value: big, unit: '亿元' }] },
            {
              id: 'L3',
              title: 'long rate',
              target: { kind: 'rate', measure: '增长', unit: '%', value: precise, bound: 'atMost' },
              observations: [{ asOf: '2018-03-31', value: big }],
            },
          );
          const plan = parsePlan(generated);
          for (const rules of BUNDLED_RULE_SET_IDS) expect(render(plan, { rules })).toBe(formatEvaluation(evaluatePlanSync(plan, { rules }), 'json'));
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('inflateFacts', () => {
  it('builds the facts with FACT_KEYS, in that order, each from its place', () => {
    const flat = ['T1', 'title', 'done', '完成', 'rule', ...FACT_KEYS.map((key) => `v:${key}`), 'explanation'];
    expect(flat).toHaveLength(FLAT_RESULT_FIELDS);
    const facts = inflateFacts(flat, 0) as unknown as Record<string, unknown>;
    expect(Object.keys(facts)).toEqual([...FACT_KEYS]);
    for (const key of FACT_KEYS) expect(facts[key]).toBe(`v:${key}`);
  });
});

describe('evaluationJsonChunksOf (json-rules-engine’s evaluations in the CLI)', () => {
  it.each(examples)('writes exactly the bytes of formatEvaluation(…, "json") for %s', async (name) => {
    const plan = parsePlan(readFileSync(new URL(`../../examples/${name}`, import.meta.url), 'utf8'));
    for (const rules of BUNDLED_RULE_SET_IDS) {
      const evaluation = await evaluatePlan(plan, { rules, engine: 'json-rules-engine' });
      expect([...evaluationJsonChunksOf(evaluation)].join('')).toBe(formatEvaluation(evaluation, 'json'));
    }
  });

  it('writes empty plans and plans of several batches the same way', () => {
    const generated = (generatePlan as (n: number, seed: number) => unknown)(4500, 3);
    for (const plan of [
      parsePlan(generated),
      parsePlan({ formatVersion: 1, id: 'e', title: 'e', period: { start: '2018-01-01', end: '2018-12-31' }, asOf: '2018-06-30', tasks: [] }),
    ]) {
      const evaluation = evaluatePlanSync(plan);
      expect([...evaluationJsonChunksOf(evaluation)].join('')).toBe(formatEvaluation(evaluation, 'json'));
    }
  });
});
