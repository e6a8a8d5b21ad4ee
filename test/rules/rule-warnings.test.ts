// Issue #12, MUST 1: `duban evaluate` (and `duban report`) warn in one line on
// stderr when the rule file has unreachable rules or unused statuses; stdout
// is what it would be without the warning, and the bundled sets give none.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ruleFileWarning } from '../../src/cli/commands/rule-warnings.js';
import { main } from '../../src/cli/main.js';
import {
  BUNDLED_RULE_SET_IDS,
  bundledRuleFileJson,
  checkRuleFile,
  evaluatePlan,
  formatBulletin,
  formatEvaluation,
  parsePlan,
  parseRuleFile,
} from '../../src/index.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const at = (path: string) => join(root, path);
const PLAN = at('examples/xianning-2018-q1.plan.json');
const SHADOWED = at('test/fixtures/broken-rules/shadowed.json');
const UNUSED = at('test/fixtures/broken-rules/unused-status.json');
const plan = parsePlan(readFileSync(PLAN, 'utf8'));
const ruleFileAt = (path: string) => parseRuleFile(readFileSync(path, 'utf8'));

async function run(args: string[], stdin = '') {
  let stdout = '';
  let stderr = '';
  const status = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), stdin: () => stdin, now: Date.UTC(2018, 5, 30, 12) });
  return { status, stdout, stderr };
}

describe('ruleFileWarning', () => {
  it('names the unreachable rules and the rules check command, Chinese first, in one line', () => {
    const warning = ruleFileWarning(ruleFileAt(SHADOWED), 'shadowed.json');
    expect(warning).toBe(
      'duban: 警告 warning: shadowed.json：1 条规则永远不会生效（「进度严重滞后」）；详见 duban rules check shadowed.json / shadowed.json has 1 unreachable rule(s) ("进度严重滞后"): see duban rules check shadowed.json\n',
    );
  });

  it('names the unused statuses by code', () => {
    const file = ruleFileAt(UNUSED);
    const code = file.statuses[5]!.code;
    expect(ruleFileWarning(file, 'unused-status.json')).toMatch(
      new RegExp(
        `^duban: 警告 warning: unused-status\\.json：1 个状态没有规则能给出（${code}）；.* / .*1 status\\(es\\) no rule can assign \\(${code}\\).*\\n$`,
      ),
    );
  });

  it.each(BUNDLED_RULE_SET_IDS)('says nothing about the bundled %s set', (id) => {
    expect(ruleFileWarning(parseRuleFile(bundledRuleFileJson(id)), `rules/${id}.json`)).toBeUndefined();
  });

  it('costs little next to an evaluation: the bundled sets and two corpus files check in seconds at most, once per run', () => {
    const files = [...BUNDLED_RULE_SET_IDS.map((id) => parseRuleFile(bundledRuleFileJson(id))), ruleFileAt(SHADOWED), ruleFileAt(UNUSED)];
    const started = performance.now();
    for (const file of files) checkRuleFile(file, { maxGaps: 0 });
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe('duban evaluate and duban report', () => {
  it('evaluate warns on stderr once and leaves stdout as it was', async () => {
    const { status, stdout, stderr } = await run(['evaluate', PLAN, '--rules', SHADOWED]);
    expect(status).toBe(0);
    expect(stderr).toBe(ruleFileWarning(ruleFileAt(SHADOWED), SHADOWED));
    expect(stdout).toBe(formatEvaluation(await evaluatePlan(plan, { rules: ruleFileAt(SHADOWED) }), 'table', plan));
  });

  it('evaluate --format json (streamed) warns the same and writes the same JSON', async () => {
    const { stdout, stderr } = await run(['evaluate', PLAN, '--rules', UNUSED, '--format', 'json']);
    expect(stderr).toBe(ruleFileWarning(ruleFileAt(UNUSED), UNUSED));
    expect(JSON.parse(stdout)).toEqual(JSON.parse(formatEvaluation(await evaluatePlan(plan, { rules: ruleFileAt(UNUSED) }), 'json')));
  });

  it('names a rule file read from stdin "stdin" and suggests rules check -', () => {
    const warning = ruleFileWarning(ruleFileAt(SHADOWED), '-');
    expect(warning).toContain('duban: 警告 warning: stdin：1 条规则永远不会生效');
    expect(warning).toContain('see duban rules check -');
  });

  it('report warns the same and writes the same bulletin', async () => {
    const { status, stdout, stderr } = await run(['report', PLAN, '--rules', SHADOWED]);
    expect(status).toBe(0);
    expect(stderr).toBe(ruleFileWarning(ruleFileAt(SHADOWED), SHADOWED));
    expect(stdout).toBe(formatBulletin(plan, await evaluatePlan(plan, { rules: ruleFileAt(SHADOWED) })));
  });

  it.each([['four-level'], [at('rules/traffic-light.json')], [at('rules/three-level.json')]])('gives no warning for the bundled set %s', async (rules) => {
    for (const command of ['evaluate', 'report']) {
      const { stderr } = await run([command, PLAN, '--rules', rules]);
      expect(stderr).toBe('');
    }
  });
});
