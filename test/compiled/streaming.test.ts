import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUNDLED_RULE_SET_IDS, evaluatePlanSync, formatEvaluation, formatEvaluationJsonChunks, parsePlan, startEvaluation } from '../../src/index.js';

const examples = readdirSync(new URL('../../examples/', import.meta.url)).filter((name) => name.endsWith('.plan.json'));

describe('formatEvaluationJsonChunks', () => {
  it.each(examples)('writes exactly the bytes of formatEvaluation(…, "json") for %s with every bundled rule set', (name) => {
    const plan = parsePlan(readFileSync(new URL(`../../examples/${name}`, import.meta.url), 'utf8'));
    for (const rules of BUNDLED_RULE_SET_IDS) {
      const streamed = [...formatEvaluationJsonChunks(startEvaluation(plan, { rules }))].join('');
      expect(streamed).toBe(formatEvaluation(evaluatePlanSync(plan, { rules }), 'json'));
    }
  });

  it('writes an empty plan and a plan with gaps exactly as JSON.stringify does', () => {
    const empty = parsePlan({ formatVersion: 1, id: 'e', title: 'e', period: { start: '2018-01-01', end: '2018-12-31' }, asOf: '2018-06-30', tasks: [] });
    expect([...formatEvaluationJsonChunks(startEvaluation(empty))].join('')).toBe(formatEvaluation(evaluatePlanSync(empty), 'json'));
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
    expect([...formatEvaluationJsonChunks(startEvaluation(plan, { rules }))].join('')).toBe(formatEvaluation(evaluation, 'json'));
  });
});
