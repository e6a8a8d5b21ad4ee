import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUNDLED_RULE_SET_IDS, createClassifier, explainRules, parseRuleFile } from '../../src/index.js';
import { anyFacts, bundled } from './helpers.js';

describe('explainRules', () => {
  it.each(BUNDLED_RULE_SET_IDS)('picks the same winner as the classifier on random facts (%s)', async (id) => {
    const ruleFile = bundled(id);
    const classifier = createClassifier(ruleFile);
    await fc.assert(
      fc.asyncProperty(anyFacts, async (facts) => {
        const [why, how] = await Promise.all([explainRules(ruleFile, facts), classifier.classify(facts)]);
        expect(why.winner).toBe(how.rule?.name ?? null);
        expect(why.rules.filter((rule) => rule.matched).map((rule) => rule.name)).toEqual(how.matched.map((rule) => rule.name));
        expect(why.rules.filter((rule) => rule.winner)).toHaveLength(how.rule === null ? 0 : 1);
      }),
      { numRuns: 150 },
    );
  });

  it('shows each condition with its fact value, operator, value and result, in priority then file order', async () => {
    const ruleFile = parseRuleFile({
      formatVersion: 1,
      id: 't',
      title: 't',
      statuses: [
        { code: 'a', label: '甲' },
        { code: 'b', label: '乙' },
      ],
      rules: [
        { name: 'low', priority: 1, conditions: { all: [] }, event: { type: 'b' } },
        {
          name: 'first',
          priority: 5,
          conditions: {
            all: [{ fact: 'progress', operator: 'lessThan', value: { fact: 'expected' } }, { not: { fact: 'flags', operator: 'contains', value: 'problem' } }],
          },
          event: { type: 'a' },
        },
        { name: 'second', priority: 5, conditions: { any: [{ fact: 'kind', operator: 'equal', value: 'rate' }] }, event: { type: 'b' } },
      ],
    });
    const why = await explainRules(ruleFile, { kind: 'rate', progress: null, expected: null, flags: ['problem'] });
    expect(why.rules.map((rule) => rule.name)).toEqual(['first', 'second', 'low']);
    const [progressLeaf, notNode] = why.rules[0]!.conditions.children;
    expect(progressLeaf).toMatchObject({
      node: 'leaf',
      fact: 'progress',
      factValue: null,
      operator: 'lessThan',
      value: { fact: 'expected' },
      valueResult: null,
      result: 'false',
      path: '$.rules[1].conditions.all[0]',
    });
    expect(notNode).toMatchObject({ node: 'not', result: 'false' });
    expect(notNode!.children[0]).toMatchObject({ fact: 'flags', factValue: ['problem'], result: 'true' });
    expect(why.winner).toBe('second');
    expect([why.status, why.label]).toEqual(['b', '乙']);
    expect(why.reasonZh).toContain('“low”');
    expect(why.reason).toContain('higher-priority');
  });

  it('explains a gap', async () => {
    const ruleFile = parseRuleFile({
      formatVersion: 1,
      id: 't',
      title: 't',
      statuses: [{ code: 'a', label: 'A' }],
      rules: [{ name: 'r', priority: 1, conditions: { all: [{ fact: 'cancelled', operator: 'equal', value: true }] }, event: { type: 'a' } }],
    });
    const why = await explainRules(ruleFile, { cancelled: false });
    expect([why.winner, why.status]).toEqual([null, null]);
    expect(why.reasonZh).toContain('漏判');
  });
});
