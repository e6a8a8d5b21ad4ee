import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUNDLED_RULE_SET_IDS, isDubanError, parseRuleCases, runRuleCases } from '../../src/index.js';
import { bundled, ROOT } from './helpers.js';

const casesText = (id: string) => readFileSync(new URL(`rules/${id}.cases.json`, ROOT), 'utf8');

describe('the shipped case files', () => {
  it.each(BUNDLED_RULE_SET_IDS)('rules/%s.cases.json passes, without warnings, and every rule decides some case', async (id) => {
    const ruleFile = bundled(id);
    const cases = parseRuleCases(casesText(id), { source: `${id}.cases.json` });
    expect(cases.ruleSet).toBe(id);
    const result = await runRuleCases(ruleFile, cases);
    expect(result.results.filter((item) => !item.passed)).toEqual([]);
    expect(result.results.flatMap((item) => item.warnings)).toEqual([]);
    const deciding = new Set(result.results.map((item) => item.rule));
    expect(ruleFile.rules.map((rule) => rule.name).filter((name) => !deciding.has(name))).toEqual([]);
  });
});

describe('runRuleCases', () => {
  it('fails a case whose status or rule differs, and passes an expected gap', async () => {
    const base = JSON.parse(casesText('four-level')) as { defaultFacts: unknown; period: unknown };
    const cases = parseRuleCases({
      formatVersion: 1,
      defaultFacts: base.defaultFacts,
      cases: [
        { name: 'wrong status', facts: {}, expected: 'done' },
        { name: 'wrong rule', facts: {}, expected: 'on-track', rule: '已完成' },
        { name: 'right', facts: {}, expected: 'on-track', rule: '有序推进' },
        { name: 'unknown status', facts: {}, expected: 'green' },
      ],
    });
    const result = await runRuleCases(bundled('four-level'), cases);
    expect(result.results.map((item) => [item.name, item.passed])).toEqual([
      ['wrong status', false],
      ['wrong rule', false],
      ['right', true],
      ['unknown status', false],
    ]);
    expect(result.results[0]!.message).toContain('expected "done", got "on-track"');
    expect(result.results[3]!.message).toContain('not in the rule file');
    expect([result.passed, result.failed]).toEqual([1, 3]);
    const noCatchAll = { ...bundled('four-level'), rules: bundled('four-level').rules.filter((rule) => rule.priority > 1) };
    const gap = await runRuleCases(
      noCatchAll,
      parseRuleCases({
        formatVersion: 1,
        defaultFacts: base.defaultFacts,
        cases: [{ name: 'gap', facts: { onPace: false, progress: 0.4, value: 40, paceGap: -0.1, paceRatio: 0.8 }, expected: null }],
      }),
    );
    expect(gap.results[0]!.passed).toBe(true);
  });

  it('warns about facts no task can produce, without failing the case', async () => {
    const base = JSON.parse(casesText('four-level')) as { defaultFacts: unknown };
    const result = await runRuleCases(
      bundled('four-level'),
      parseRuleCases({ formatVersion: 1, defaultFacts: base.defaultFacts, cases: [{ name: 'odd', facts: { met: true, onPace: false }, expected: 'done' }] }),
    );
    expect(result.results[0]!.passed).toBe(true);
    expect(result.results[0]!.warnings.join(' ')).toContain('met implies onPace');
  });

  it('rejects a bad case file naming every problem', () => {
    const attempt = () =>
      parseRuleCases({
        formatVersion: 1,
        cases: [
          { name: 'partial facts', facts: { kind: 'rate' }, expected: 'x' },
          { name: 'both', facts: {}, task: { id: 'T', title: 't', target: { kind: 'binary', completedOn: null } }, expected: 'x' },
          { name: 'task without period', task: { id: 'T', title: 't', target: { kind: 'binary', completedOn: null } }, asOf: '2018-01-01', expected: 'x' },
        ],
      });
    try {
      attempt();
      expect.unreachable();
    } catch (error) {
      expect(isDubanError(error)).toBe(true);
      const paths = (error as { issues: { path: string }[] }).issues.map((issue) => issue.path);
      expect(paths).toEqual(['$.cases[0].facts', '$.cases[1]', '$.period']);
    }
    try {
      parseRuleCases({ formatVersion: 1, cases: [{ name: 'x', facts: { progress: '0.5' }, expected: 'a' }] });
      expect.unreachable();
    } catch (error) {
      expect((error as { issues: { path: string }[] }).issues.map((issue) => issue.path)).toEqual(['$.cases[0].facts.progress']);
    }
  });
});
