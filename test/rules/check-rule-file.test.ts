import { describe, expect, it } from 'vitest';
import { BUNDLED_RULE_SET_IDS, checkRuleFile, createClassifier, parseRuleFile } from '../../src/index.js';
import { factConstraintViolations } from '../../src/engine/check/fact-model.js';
import { bundled, corpus } from './helpers.js';

describe('checkRuleFile on the bundled rule sets', () => {
  it.each(BUNDLED_RULE_SET_IDS)('%s checks clean, exactly', (id) => {
    const report = checkRuleFile(bundled(id));
    expect(report.problems).toEqual([]);
    expect(report.limits).toEqual([]);
    expect(report.combinations).toBeGreaterThan(10);
  });
});

describe('checkRuleFile on the broken-rules corpus', () => {
  const files = corpus();

  it('has a corpus with a planted problem of every kind', () => {
    const kinds = new Set(files.flatMap((file) => file.planted.map((planted) => planted.kind)));
    expect([...kinds].sort()).toEqual(['ambiguous', 'gap', 'limit', 'type', 'unreachable', 'unused-status']);
  });

  describe.each(files)('$name', ({ ruleFile, planted }) => {
    const report = checkRuleFile(ruleFile, { maxGaps: 50 });

    it('finds every planted problem', () => {
      for (const plant of planted) {
        const pool =
          plant.kind === 'limit'
            ? report.limits.map((limit) => ({ ...limit, kind: 'limit', region: null, preemptedBy: [] as readonly string[] }))
            : report.problems;
        const found = pool.filter(
          (problem) =>
            problem.kind === plant.kind &&
            (plant.path === undefined || problem.path === plant.path) &&
            (plant.region === undefined || (problem.region ?? '').includes(plant.region)) &&
            (plant.preemptedBy === undefined || JSON.stringify(problem.preemptedBy) === JSON.stringify(plant.preemptedBy)),
        );
        expect(found, `${plant.kind} ${plant.path ?? plant.region ?? ''}`).not.toHaveLength(0);
      }
    });

    it('reports nothing that was not planted', () => {
      const unplanted = report.problems.filter(
        (problem) =>
          !planted.some(
            (plant) =>
              plant.kind === problem.kind &&
              (plant.path === undefined || plant.path === problem.path) &&
              (plant.region === undefined || (problem.region ?? '').includes(plant.region)),
          ),
      );
      expect(unplanted).toEqual([]);
    });

    it('gives gap examples that real tasks can produce and the real classifier leaves without a status', async () => {
      const classifier = createClassifier(ruleFile);
      for (const gap of report.problems.filter((problem) => problem.kind === 'gap')) {
        expect(factConstraintViolations(gap.example!)).toEqual([]);
        const result = await classifier.classify(gap.example!);
        expect(result.status, gap.region ?? '').toBeNull();
        expect(result.matched).toEqual([]);
      }
    });

    it('gives overlap examples that both rules match first', async () => {
      const classifier = createClassifier(ruleFile);
      for (const overlap of report.problems.filter((problem) => problem.kind === 'ambiguous')) {
        const result = await classifier.classify(overlap.example!);
        const top = result.matched.filter((rule) => rule.priority === result.matched[0]!.priority).map((rule) => rule.name);
        expect(top).toEqual(expect.arrayContaining([...overlap.rules]));
      }
    });
  });
});

describe('checkRuleFile details', () => {
  const file = (
    rules: unknown[],
    statuses = [
      { code: 'a', label: 'A' },
      { code: 'b', label: 'B' },
    ],
  ) => parseRuleFile({ formatVersion: 1, id: 't', title: 't', statuses, rules });
  const rule = (name: string, priority: number, conditions: unknown, type = 'a') => ({ name, priority, conditions, event: { type } });
  const leaf = (fact: string, operator: string, value: unknown) => ({ fact, operator, value });

  it('reports a gap for every task when no rule can match', () => {
    const report = checkRuleFile(
      file([
        rule('never', 1, { all: [leaf('kind', 'equal', 'rate'), leaf('kind', 'equal', 'level')] }),
        rule('b', 2, { all: [leaf('cancelled', 'equal', true)] }, 'b'),
      ]),
    );
    expect(report.problems.filter((problem) => problem.kind === 'gap').map((problem) => problem.region)).toEqual(['cancelled = false']);
    expect(report.problems.find((problem) => problem.kind === 'unreachable')?.rules).toEqual(['never']);
  });

  it('knows that numeric operators are false on null, so "not >= 0.5" covers a null paceRatio', () => {
    const gte = checkRuleFile(
      file([rule('low', 2, { all: [leaf('paceRatio', 'lessThan', 0.5)] }), rule('high', 1, { all: [leaf('paceRatio', 'greaterThanInclusive', 0.5)] }, 'b')]),
    );
    expect(gte.problems.filter((problem) => problem.kind === 'gap').map((problem) => problem.region)).toEqual(['paceRatio = null']);
    const not = checkRuleFile(
      file([
        rule('low', 2, { not: leaf('paceRatio', 'greaterThanInclusive', 0.5) }),
        rule('high', 1, { all: [leaf('paceRatio', 'greaterThanInclusive', 0.5)] }, 'b'),
      ]),
    );
    expect(not.problems).toEqual([]);
  });

  it('knows integer facts: daysToDeadline < 1 and > 0 leave no gap', () => {
    const report = checkRuleFile(
      file([rule('past', 2, { all: [leaf('daysToDeadline', 'lessThan', 1)] }), rule('future', 1, { all: [leaf('daysToDeadline', 'greaterThan', 0)] }, 'b')]),
    );
    expect(report.problems).toEqual([]);
  });

  it('finds the single boundary value a pair of strict comparisons misses', () => {
    const report = checkRuleFile(
      file([
        rule('behind', 2, { all: [leaf('paceGap', 'lessThan', 0)] }),
        rule('ahead', 1, { any: [leaf('paceGap', 'greaterThan', 0), leaf('paceGap', 'equal', null)] }, 'b'),
      ]),
    );
    const gaps = report.problems.filter((problem) => problem.kind === 'gap');
    expect(gaps.map((gap) => gap.region)).toEqual(['paceGap = 0']);
    expect(gaps[0]!.example!.paceGap).toBe(0);
  });

  it('respects dependencies: met without onPace needs a rate, which always has onPace = met', () => {
    const report = checkRuleFile(
      file([rule('odd', 2, { all: [leaf('met', 'equal', true), leaf('onPace', 'equal', false)] }), rule('rest', 1, { all: [] }, 'b')]),
    );
    expect(report.problems.map((problem) => [problem.kind, problem.path])).toEqual([
      ['unreachable', '$.rules[0]'],
      ['unused-status', '$.statuses[0]'],
    ]);
  });

  it('says when a fact-to-fact comparison leaves a question open instead of guessing', () => {
    const report = checkRuleFile(
      file([
        rule('ahead', 2, { all: [leaf('progress', 'greaterThanInclusive', { fact: 'expected' })] }),
        rule('behind', 1, { all: [leaf('onPace', 'equal', false)] }, 'b'),
      ]),
    );
    expect(report.limits.map((limit) => limit.path)).toContain('$.rules[0].conditions.all[0]');
  });

  it('evaluates registered operators it is given on the examples, and says it cannot analyse them', () => {
    const ruleFile = parseRuleFile(
      { formatVersion: 1, id: 't', title: 't', statuses: [{ code: 'a', label: 'A' }], rules: [rule('custom', 1, { all: [leaf('kind', 'startsWith', 'r')] })] },
      { operators: ['startsWith'] },
    );
    const report = checkRuleFile(ruleFile, { operators: { startsWith: (fact, value) => String(fact).startsWith(String(value)) } });
    expect(report.problems.some((problem) => problem.kind === 'gap')).toBe(true);
    expect(report.limits.length).toBeGreaterThan(0);
  });

  it('knows dataCoversPeriod: a figure covering the period is dated at or after the deadline', () => {
    const always = rule('其他', 1, { all: [] }, 'b');
    // A met rate task on its deadline or later, judged on an older figure, is reachable ...
    const stale = checkRuleFile(
      file([
        rule('stale', 10, {
          all: [
            leaf('kind', 'equal', 'rate'),
            leaf('met', 'equal', true),
            leaf('daysToDeadline', 'lessThanInclusive', 0),
            leaf('dataCoversPeriod', 'equal', false),
          ],
        }),
        always,
      ]),
    );
    expect(stale.problems).toEqual([]);
    // ... and a figure covering the whole period before the deadline is not.
    const early = checkRuleFile(
      file([rule('early', 10, { all: [leaf('daysToDeadline', 'greaterThan', 0), leaf('dataCoversPeriod', 'equal', true)] }), always]),
    );
    expect(early.problems.map((problem) => [problem.kind, problem.path])).toEqual([
      ['unreachable', '$.rules[0]'],
      ['unused-status', '$.statuses[0]'],
    ]);
    // Without data, and for milestones and binary targets, it is null.
    const nulls = checkRuleFile(
      file([
        rule('null', 10, {
          all: [leaf('dataCoversPeriod', 'equal', null), leaf('hasData', 'equal', true), leaf('kind', 'in', ['cumulative', 'level', 'rate'])],
        }),
        always,
      ]),
    );
    expect(nulls.problems.map((problem) => problem.kind)).toEqual(expect.arrayContaining(['unreachable']));
  });
});
