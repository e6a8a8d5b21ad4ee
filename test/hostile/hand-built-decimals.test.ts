// Issue #14: a plan changed by hand after parsing (recognition trusts it, see
// recognised.ts) put "abc", "NaN", "1e400" or "Infinity" into the pace code,
// whose gcd looped forever on NaN; a target of "0" left progress undefined;
// "1.5e3" was read as 1.5 (progress 0.075 instead of 7.5). The decimal readers
// now refuse what is not a decimal, read exponents as parseDecimal does, and a
// target that leaves progress undefined is refused naming the task.
import { describe, expect, it } from 'vitest';
import { createFactComputer, evaluatePlanSync, formatFraction, isDubanError, parsePlan, type Plan } from '../../src/index.js';
import { fromDecimal } from '../../src/pace/fraction.js';

const base = (target: Record<string, unknown>, observations: unknown[] = [{ asOf: '2018-03-31', value: '15' }]) =>
  parsePlan({
    formatVersion: 1,
    id: 'hand-built',
    title: '手工改动的计划',
    period: { start: '2018-01-01', end: '2018-12-31' },
    tasks: [{ id: 'T1', title: '林业产值', target, ...(observations.length === 0 ? {} : { observations }) }],
  });

const cumulative = { kind: 'cumulative', measure: '林业产值', unit: '亿元', value: '200' };

/** The plan with one key of its only task replaced in place (after parsing, so nothing checks it again). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the point is to write what the types forbid
type Loose = Record<string, any>;
function changed(plan: Plan, change: (task: Loose) => void): Plan {
  change(plan.tasks[0] as unknown as Loose);
  return plan;
}

function refusal(run: () => unknown): { path: string; message: string } {
  try {
    run();
  } catch (error) {
    expect(isDubanError(error)).toBe(true);
    const issues = (error as { issues: { path: string; message: string }[] }).issues;
    expect(issues.length).toBe(1);
    return issues[0]!;
  }
  throw new Error('expected a DubanError');
}

describe('hand-built decimals reaching the pace code', () => {
  for (const bad of ['abc', 'NaN', 'Infinity', '-Infinity', '', '1e400000', '0x10', ' 5', '5 ', '1..2', '.', '-']) {
    it(`an observation ${JSON.stringify(bad)} is refused at its path, never loops`, () => {
      const plan = changed(base(cumulative), (task) => (task.observations[0].value = bad));
      const issue = refusal(() => createFactComputer(plan, '2018-06-30')(plan.tasks[0]!));
      expect(issue.path).toBe('$.tasks[0].observations[0].value');
      expect(issue.message).toMatch(
        /^任务 T1「林业产值」的 observations\[0\]\.value 不是有限的十进制数.* \/ task T1 "林业产值": observations\[0\]\.value is not a finite decimal/,
      );
    });
  }

  it('an observation "1.5e3" is read as 1500, as parsePlan reads it (progress 7.5, not 0.075)', () => {
    const plan = changed(base(cumulative), (task) => (task.observations[0].value = '1.5e3'));
    expect(formatFraction(createFactComputer(plan, '2018-06-30')(plan.tasks[0]!).progress!)).toBe('7.5');
    const parsed = base(cumulative, [{ asOf: '2018-03-31', value: '1.5e3' }]);
    expect(formatFraction(createFactComputer(parsed, '2018-06-30')(parsed.tasks[0]!).progress!)).toBe('7.5');
  });

  it('an observation "1e400" is the exact number parsePlan would accept', () => {
    const plan = changed(base(cumulative), (task) => (task.observations[0].value = '1e400'));
    expect(formatFraction(createFactComputer(plan, '2018-06-30')(plan.tasks[0]!).progress!)).toBe(`5${'0'.repeat(397)}`);
  });

  it('a target "abc" is refused at its path', () => {
    const plan = changed(base(cumulative), (task) => (task.target.value = 'abc'));
    expect(refusal(() => evaluatePlanSync(plan, { asOf: '2018-06-30' })).path).toBe('$.tasks[0].target.value');
  });

  for (const zero of ['0', '-5']) {
    it(`a cumulative target ${zero} is refused: progress would be undefined`, () => {
      const plan = changed(base(cumulative), (task) => (task.target.value = zero));
      const issue = refusal(() => evaluatePlanSync(plan, { asOf: '2018-06-30' }));
      expect(issue.path).toBe('$.tasks[0].target.value');
      expect(issue.message).toContain('累计型目标必须大于 0');
      expect(issue.message).toContain('so progress is undefined');
    });
  }

  it('a level target equal to its baseline is refused', () => {
    const plan = changed(base({ kind: 'level', measure: '企业', unit: '家', value: '220', baseline: '160' }), (task) => (task.target.baseline = '220'));
    expect(refusal(() => evaluatePlanSync(plan, { asOf: '2018-06-30' })).path).toBe('$.tasks[0].target.baseline');
  });

  it('milestone weights of 0 are refused, not divided by', () => {
    const plan = changed(
      base({ kind: 'milestones', milestones: [{ title: '立项', due: '2018-03-31', done: null }] }, []),
      (task) => (task.target.milestones[0].weight = '0'),
    );
    expect(refusal(() => evaluatePlanSync(plan, { asOf: '2018-06-30' })).path).toBe('$.tasks[0].target.milestones[0].weight');
  });

  it('a plan that is not hand-built still refuses target 0 in the schema', () => {
    const issue = refusal(() =>
      parsePlan({
        formatVersion: 1,
        id: 'p',
        title: 't',
        period: { start: '2018-01-01', end: '2018-12-31' },
        tasks: [{ id: 'T1', title: 'x', target: { ...cumulative, value: '0' } }],
      }),
    );
    expect(issue.message).toContain('a cumulative target must be > 0');
  });
});

describe('fromDecimal', () => {
  it('reads plain decimals, with or without leading zeros, exactly', () => {
    expect(fromDecimal('-3.5')).toEqual({ n: -7n, d: 2n });
    expect(fromDecimal('007.50')).toEqual({ n: 15n, d: 2n });
    expect(fromDecimal('12345678901234567890.5')).toEqual({ n: 24691357802469135781n, d: 2n });
  });
  it('reads exponents as parseDecimal does', () => {
    expect(fromDecimal('1.5e3')).toEqual({ n: 1500n, d: 1n });
    expect(fromDecimal('25E-2')).toEqual({ n: 1n, d: 4n });
  });
  it('refuses anything else with a DubanError', () => {
    for (const bad of ['NaN', 'abc', '1e5000', 5 as unknown as string, null as unknown as string]) {
      expect(() => fromDecimal(bad)).toThrow(expect.objectContaining({ code: 'INVALID_PLAN' }));
    }
  });
});
