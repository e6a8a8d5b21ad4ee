// rules check on large rule files: near-linear where the problem allows it, a
// documented stop where it does not. No timings here (the bench has them): the
// first tests are sized so that the former O(rules²)-per-sample check ran for
// many minutes on them, far past vitest's timeout, while the check now takes seconds.
import { describe, expect, it } from 'vitest';
import { checkRuleFile, parseRuleFile, type RuleFile } from '../../src/index.js';
import { formatCheckReport } from '../../src/cli/commands/rules.js';

const STATUSES = [
  { code: 'a', label: 'A' },
  { code: 'b', label: 'B' },
];

/** n one-condition rules `fact ≥ threshold(i)`, higher thresholds first, and a catch-all. */
function ladder(n: number, facts: readonly { fact: string; threshold: (i: number) => number }[]): RuleFile {
  const rules = Array.from({ length: n }, (_, i) => {
    const { fact, threshold } = facts[i % facts.length]!;
    return {
      name: `r${i}`,
      priority: i + 2,
      conditions: { all: [{ fact, operator: 'greaterThanInclusive', value: threshold(Math.floor(i / facts.length)) }] },
      event: { type: i % 2 === 0 ? 'a' : 'b' },
    };
  });
  rules.push({ name: 'rest', priority: 1, conditions: { all: [] }, event: { type: 'b' } } as never);
  return parseRuleFile({ formatVersion: 1, id: `ladder-${n}`, title: 'ladder', statuses: STATUSES, rules });
}

describe('checkRuleFile on many rules', () => {
  it('checks 500 one-condition rules on progress completely, and finds them clean', () => {
    const report = checkRuleFile(ladder(500, [{ fact: 'progress', threshold: (i) => i / 500 }]));
    expect(report.stoppedEarly).toBeNull();
    expect(report.limits).toEqual([]);
    expect(report.problems).toEqual([]);
    // One combination per band between two thresholds, plus the bands below the first.
    expect(report.combinations).toBeGreaterThanOrEqual(501);
  });

  it.each([
    { fact: 'paceRatio', threshold: (i: number) => i / 100 },
    { fact: 'daysToDeadline', threshold: (i: number) => i * 3 - 300 },
    { fact: 'value', threshold: (i: number) => i * 10 - 1000 },
    { fact: 'margin', threshold: (i: number) => i / 10 - 10 },
  ])('checks 126 one-condition rules on $fact completely, and names a shadowed one', ({ fact, threshold }) => {
    const ruleFile = ladder(126, [{ fact, threshold }]);
    const report = checkRuleFile(ruleFile);
    expect(report.stoppedEarly).toBeNull();
    expect(report.limits).toEqual([]);
    // Every rule decides some task: the exploration reached every band.
    expect(report.problems.filter((problem) => problem.kind === 'unreachable')).toEqual([]);
    // The same file with the rule of the highest threshold put below the next one: it can never decide.
    const shadowed = { ...ruleFile, rules: ruleFile.rules.map((rule) => (rule.name === 'r125' ? { ...rule, priority: 125 } : rule)) };
    const unreachable = checkRuleFile(shadowed).problems.filter((problem) => problem.kind === 'unreachable');
    expect(unreachable.map((problem) => [problem.rules, problem.preemptedBy])).toEqual([[['r125'], ['r124']]]);
  });
});

describe('checkRuleFile where the combinations grow exponentially', () => {
  // Every subset of 20 flags is a different combination: 2^21 per sort of task.
  const rules = Array.from({ length: 20 }, (_, i) => ({
    name: `f${i}`,
    priority: i + 2,
    conditions: { all: [{ fact: 'flags', operator: 'contains', value: `flag-${i}` }] },
    event: { type: 'a' },
  }));
  const ruleFile = parseRuleFile({
    formatVersion: 1,
    id: 'flags',
    title: 'flags',
    statuses: STATUSES,
    rules: [...rules, { name: 'rest', priority: 1, conditions: { all: [] }, event: { type: 'b' } }],
  });
  const report = checkRuleFile(ruleFile);

  it('stops early and says how far it got', () => {
    expect(report.stoppedEarly).toEqual({ combinations: 100_001, samples: expect.any(Number), completed: [], partly: 'cumulative' });
    const limit = report.limits.find((item) => item.message.startsWith('the check stopped early'));
    expect(limit?.message).toContain('after 100001 combinations');
    expect(limit?.message).toContain(
      'cumulative tasks only in part; level, rate, milestones, binary, cumulative (no data), level (no data), rate (no data) tasks not at all',
    );
    expect(limit?.zh).toContain('检查在 100001 种条件结果组合');
    expect(limit?.zh).toContain('累计型(有数据)任务只检查了一部分');
  });

  it('reports no rule unreachable and no status unused on what it did not see', () => {
    expect(report.problems.filter((problem) => problem.kind === 'unreachable' || problem.kind === 'unused-status')).toEqual([]);
  });

  it('says so on the command line', () => {
    const text = formatCheckReport(report, 'flags.json');
    expect(text).toContain('检查在 100001 种事实组合后提前停止');
    expect(text).toContain('stopped early after 100001 fact combinations');
    expect(text).toContain('the check stopped early, after 100001 combinations');
  });
});
