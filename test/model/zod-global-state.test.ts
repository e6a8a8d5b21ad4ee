// duban validates with zod/mini and leaves zod's global state alone: importing it configures
// nothing (zod's classic API would install its English locale on import, and its objects probe
// for `new Function`, a CSP violation in a strict page), and its messages are its own, whatever
// the host app configures for zod.
import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';

describe('duban and zod', () => {
  it('configures nothing in zod when imported', async () => {
    const before = { ...z.core.globalConfig };
    expect(before).toEqual({});
    const duban = await import('../../src/index.js');
    // Validating builds and runs every schema.
    expect(duban.safeParsePlan({ formatVersion: 1 }).success).toBe(false);
    expect(duban.safeParseRuleFile({}).success).toBe(false);
    expect({ ...z.core.globalConfig }).toEqual(before);
  });

  it('gives its own messages whatever locale or error map the host app sets', async () => {
    const duban = await import('../../src/index.js');
    const failure = (result: { success: boolean; error?: { issues: readonly unknown[] } }) => result.error?.issues ?? ['(no error)'];
    const issues = () => [
      ...failure(
        duban.safeParsePlan({
          formatVersion: 2,
          id: '',
          title: 'x',
          period: { start: '2018-02-30', end: 1 },
          tasks: [{ id: 'T1', title: 't', target: { kind: 'cumulative', measure: 'm', unit: '亿元', value: '8%' }, deadine: 1 }],
        }),
      ),
      ...failure(
        duban.safeParseRuleFile({
          formatVersion: 1,
          id: 'r',
          title: 't',
          statuses: [],
          rules: [{ name: 'a', priority: 1.5, conditions: { all: [] }, event: { type: 'x' } }],
        }),
      ),
    ];
    const cases = { formatVersion: 1, cases: [{ name: 'a', facts: { daysToDeadline: 1e300, dataAgeDays: -1e300 }, expected: null }] };
    const caseIssues = () => {
      try {
        duban.parseRuleCases(cases);
      } catch (error) {
        return (error as { issues: unknown[] }).issues;
      }
      return [];
    };
    const plain = [...issues(), ...caseIssues()];
    expect(plain).toContainEqual({
      code: 'too_big',
      path: '$.cases[0].facts.daysToDeadline',
      keys: ['cases', 0, 'facts', 'daysToDeadline'],
      message: 'Too big: expected int to be <=9007199254740991: 1e+300',
    });
    expect(plain).toContainEqual({
      code: 'too_small',
      path: '$.cases[0].facts.dataAgeDays',
      keys: ['cases', 0, 'facts', 'dataAgeDays'],
      message: 'Too small: expected int to be >=-9007199254740991: -1e+300',
    });
    expect(plain).toContainEqual({ code: 'invalid_value', path: '$.formatVersion', keys: ['formatVersion'], message: '应为 1，实际是 2 / expected 1, got 2' });
    expect(plain).toContainEqual({
      code: 'invalid_type',
      path: '$.rules[0].priority',
      keys: ['rules', 0, 'priority'],
      message: '规则「a」：priority 必须是整数：1.5 / rule "a": priority must be a whole number: 1.5',
    });
    try {
      z.config({ ...z.locales.de(), customError: () => 'vom Gastgeber' });
      expect([...issues(), ...caseIssues()]).toEqual(plain);
    } finally {
      for (const key of Object.keys(z.core.globalConfig)) delete (z.core.globalConfig as Record<string, unknown>)[key];
    }
  });
});
