// summarizeEvaluation is linear in the tasks. No timing here (bench/bench.mjs has
// the figures): the size is one at which the former summary, which copied a list on
// every append, ran for minutes (O(tasks²) copies: 100 000 tasks took 28 s), far past
// vitest's 30 s timeout, while parsing, evaluating and summarising take seconds.
import { describe, expect, it } from 'vitest';
import { evaluatePlanSync, parsePlan, summarizeEvaluation } from '../../src/index.js';

describe('summarizeEvaluation on a large plan', () => {
  it('summarises 200 000 tasks of one status', () => {
    const tasks = Array.from({ length: 200_000 }, (_, i) => ({
      id: `T${i}`,
      title: `任务${i}`,
      deadline: '2018-12-31',
      target: { kind: 'binary', completedOn: null },
    }));
    const plan = parsePlan({ formatVersion: 1, id: 'big', title: '大计划', period: { start: '2018-01-01', end: '2018-12-31' }, asOf: '2018-06-30', tasks });
    const summary = summarizeEvaluation(plan, evaluatePlanSync(plan, { rules: 'four-level' }));
    expect(summary.tasks).toHaveLength(200_000);
    expect(summary.byStatus.map((status) => [status.status, status.count])).toEqual([
      ['done', 0],
      ['on-track', 200_000],
      ['needs-effort', 0],
      ['problem', 0],
      ['no-data', 0],
      ['cancelled', 0],
    ]);
    expect(summary.byStatus.find((status) => status.status === 'on-track')?.tone).toBe('good');
  });
});
