// Issue #12, MUST 1: a condition whose value can never match its fact's type
// is a load error of parseRuleFile (and so of every command and function that
// takes a rule file), naming the rule, the JSON path and the fix. Every
// refusal here was accepted before (rules check alone reported some of them).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { bundledRuleFileJson, checkRuleFile, isDubanError, parseRuleFile, type DubanIssue, type RuleFile } from '../../src/index.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURE = join(root, 'test/fixtures/load-errors/type-mistakes.json');
const fixture = JSON.parse(readFileSync(FIXTURE, 'utf8')) as { 'x-load-errors': { path: string; zh: string }[]; rules: { name: string }[] };

function issuesOf(input: unknown, options: Parameters<typeof parseRuleFile>[1] = {}): DubanIssue[] {
  try {
    parseRuleFile(input, options);
  } catch (error) {
    if (isDubanError(error) && error.code === 'INVALID_RULE_FILE') return [...error.issues];
    throw error;
  }
  return [];
}

/** four-level with one condition's value replaced. */
function fourLevelWith(rule: number, at: (conditions: Record<string, unknown>) => Record<string, unknown>, value: unknown): unknown {
  const file = structuredClone(bundledRuleFileJson('four-level')) as { rules: { conditions: Record<string, unknown> }[] };
  at(file.rules[rule]!.conditions).value = value;
  return file;
}
const first = (conditions: Record<string, unknown>) => (conditions.all as Record<string, unknown>[])[0]!;

/** A one-rule file around a condition. */
const withLeaf = (fact: string, operator: string, value: unknown) => ({
  formatVersion: 1,
  id: 't',
  title: 't',
  statuses: [{ code: 'a', label: '甲' }],
  rules: [{ name: '条件', priority: 10, conditions: { all: [{ fact, operator, value }] }, event: { type: 'a' } }],
});

describe('parseRuleFile refuses type mistakes', () => {
  it('refuses overdue equal "true" (the issue’s example) with the rule, the path and the fix, Chinese first', () => {
    expect(issuesOf(fourLevelWith(4, first, 'true'))).toEqual([
      {
        code: 'invalid_type',
        path: '$.rules[4].conditions.all[0].value',
        keys: ['rules', 4, 'conditions', 'all', 0, 'value'],
        message:
          '规则「超期未完成」：事实 overdue 是布尔值，"true" 是文本，此条件永远不会成立；请写 true（不带引号） / rule "超期未完成": fact overdue is a boolean and "true" is text, so this condition can never match: write true without quotes',
      },
    ]);
  });

  it('refuses "0" on daysToDeadline and false on a numeric fact', () => {
    const file = structuredClone(bundledRuleFileJson('four-level')) as { rules: { conditions: Record<string, unknown> }[] };
    file.rules[2]!.conditions = {
      all: [
        { fact: 'met', operator: 'equal', value: true },
        {
          any: [
            { fact: 'kind', operator: 'notEqual', value: 'rate' },
            { fact: 'daysToDeadline', operator: 'lessThanInclusive', value: '0' },
          ],
        },
      ],
    };
    const days = issuesOf(file);
    expect(days.map((issue) => issue.path)).toEqual(['$.rules[2].conditions.all[1].any[1].value']);
    expect(days[0]!.message).toMatch(
      /^规则「已完成」：事实 daysToDeadline 是整数，"0" 是文本，.*；请写 0（不带引号） \/ rule "已完成": .*write 0 without quotes$/,
    );
    const ratio = issuesOf(fourLevelWith(6, first, false));
    expect(ratio.map((issue) => issue.path)).toEqual(['$.rules[6].conditions.all[0].value']);
    expect(ratio[0]!.message).toContain('事实 paceRatio 是数字，false 是布尔值，JavaScript 会悄悄把它当作 0；请写一个数字');
  });

  it('refuses every mistake planted in test/fixtures/load-errors/type-mistakes.json, and nothing else', () => {
    const issues = issuesOf(fixture);
    expect(issues.map((issue) => issue.path)).toEqual(fixture['x-load-errors'].map((planted) => planted.path));
    for (const [i, planted] of fixture['x-load-errors'].entries()) {
      const issue = issues[i]!;
      const rule = fixture.rules[Number(/^\$\.rules\[(\d+)\]/.exec(planted.path)![1])]!.name;
      const [zh, en] = issue.message.split(' / ');
      expect(zh).toContain(planted.zh);
      expect(zh!.startsWith(`规则「${rule}」：`), zh).toBe(true);
      expect(en!.startsWith(`rule ${JSON.stringify(rule)}: `), en).toBe(true);
      // Full-width punctuation in the Chinese part: no ASCII , ; : outside quoted values and the rule's name.
      expect(zh!.slice(`规则「${rule}」`.length).replace(/"[^"]*"/g, '')).not.toMatch(/[,;:]/);
      expect(zh).toMatch(/；(请|要|目标类型)/);
    }
  });

  it.each([
    ['equal null on a nullable fact', withLeaf('paceRatio', 'equal', null)],
    ['notEqual null on a nullable boolean', withLeaf('met', 'notEqual', null)],
    ['in with items of the fact’s type, null among them', withLeaf('onPace', 'in', [false, null])],
    ['in with known kinds', withLeaf('kind', 'in', ['cumulative', 'level'])],
    ['a fraction threshold on a whole-number fact', withLeaf('daysToDeadline', 'lessThan', 0.5)],
    ['a number compared with a number fact', withLeaf('progress', 'greaterThanInclusive', { fact: 'expected' })],
    ['a whole-number fact compared with a number fact', withLeaf('dataAgeDays', 'equal', { fact: 'daysToDeadline' })],
    ['kind looked up in the flags', withLeaf('kind', 'in', { fact: 'flags' })],
    ['flags containing the kind', withLeaf('flags', 'contains', { fact: 'kind' })],
    ['flags containing text', withLeaf('flags', 'doesNotContain', 'problem')],
  ])('accepts %s', (_what, file) => {
    expect(issuesOf(file)).toEqual([]);
  });

  it('leaves facts and operators an application registers alone (their types are unknown)', () => {
    expect(issuesOf(withLeaf('region', 'equal', 42), { facts: ['region'] })).toEqual([]);
    expect(issuesOf(withLeaf('overdue', 'equal', { fact: 'region' }), { facts: ['region'] })).toEqual([]);
    expect(issuesOf(withLeaf('overdue', 'isTruthy', 'true'), { operators: ['isTruthy'] })).toEqual([]);
    // An application may replace a built-in operator; its meaning is then its own.
    expect(issuesOf(withLeaf('overdue', 'equal', 'true'), { operators: ['equal'] })).toEqual([]);
    expect(issuesOf(withLeaf('overdue', 'equal', 'true'))).toHaveLength(1);
  });

  it('names the item of an in list and suggests the right kind', () => {
    const issues = issuesOf(withLeaf('kind', 'notIn', ['Rate', 'level', 'binarys']));
    expect(issues.map((issue) => issue.path)).toEqual(['$.rules[0].conditions.all[0].value[0]', '$.rules[0].conditions.all[0].value[2]']);
    expect(issues[0]!.message).toContain('列表第 1 项 "Rate" 不在其中，这一项永远不会匹配；请写 "rate"');
    expect(issues[1]!.message).toContain('请写 "binary"');
  });

  it('suggests in for a list given to equal', () => {
    expect(issuesOf(withLeaf('kind', 'equal', ['rate']))[0]!.message).toContain('请改用 in');
  });
});

describe('checkRuleFile on a rule file built by hand', () => {
  it('still reports the type mistakes parseRuleFile would refuse, with the same words', () => {
    const ruleFile = { ...parseRuleFile(bundledRuleFileJson('four-level')) };
    const built = {
      ...ruleFile,
      rules: ruleFile.rules.map((rule, i) => (i === 4 ? { ...rule, conditions: { all: [{ fact: 'overdue', operator: 'equal', value: 'true' }] } } : rule)),
    } as RuleFile;
    const problem = checkRuleFile(built).problems.find((candidate) => candidate.kind === 'type');
    expect(problem).toMatchObject({ severity: 'error', path: '$.rules[4].conditions.all[0]', rules: ['超期未完成'] });
    expect(problem!.zh).toContain('事实 overdue 是布尔值，"true" 是文本，此条件永远不会成立；请写 true（不带引号）');
  });
});

describe('the command line', () => {
  async function run(args: string[]) {
    let stdout = '';
    let stderr = '';
    const status = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), stdin: () => '', now: Date.UTC(2018, 5, 30, 12) });
    return { status, stdout, stderr };
  }

  it.each([
    ['rules check', ['rules', 'check', FIXTURE]],
    ['evaluate', ['evaluate', join(root, 'examples/xianning-2018-q1.plan.json'), '--rules', FIXTURE]],
    ['explain', ['explain', join(root, 'examples/xianning-2018-q1.plan.json'), 'T09', '--rules', FIXTURE]],
  ])('%s exits 2, writes nothing to stdout and names every mistake with its path', async (_command, args) => {
    const { status, stdout, stderr } = await run(args);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    for (const planted of fixture['x-load-errors']) expect(stderr).toContain(`${planted.path}: 规则「`);
    expect(stderr).toContain('规则「已完成(文本 true)」：事实 met 是布尔值，"true" 是文本，此条件永远不会成立；请写 true（不带引号）');
  });
});
