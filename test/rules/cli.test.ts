import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { parseRuleFile } from '../../src/index.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const at = (path: string) => join(root, path);

async function run(args: string[], stdin = '') {
  let stdout = '';
  let stderr = '';
  const status = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), stdin: () => stdin, now: Date.UTC(2018, 5, 30, 12) });
  return { status, stdout, stderr };
}

describe('duban rules check', () => {
  it('exits 0 on a bundled set, by id or by path', async () => {
    for (const spec of ['four-level', at('rules/traffic-light.json')]) {
      const { status, stdout } = await run(['rules', 'check', spec]);
      expect(status).toBe(0);
      expect(stdout).toContain('未发现问题 / no problems found');
    }
  });

  it('exits 1 and names the problem, Chinese first', async () => {
    const { status, stdout } = await run(['rules', 'check', at('test/fixtures/broken-rules/shadowed.json')]);
    expect(status).toBe(1);
    expect(stdout).toContain('规则“进度严重滞后”永远不会生效');
    expect(stdout).toContain('decided first by "进度滞后"');
    const json = await run(['rules', 'check', at('test/fixtures/broken-rules/no-catch-all.json'), '--format', 'json']);
    expect(json.status).toBe(1);
    expect((JSON.parse(json.stdout) as { problems: { kind: string }[] }).problems.map((problem) => problem.kind)).toEqual(['gap', 'gap', 'unused-status']);
  });

  it('exits 2 on an invalid file, writing nothing to stdout', async () => {
    const { status, stdout, stderr } = await run(
      ['rules', 'check', '-'],
      JSON.stringify({
        formatVersion: 1,
        id: 'x',
        title: 'x',
        statuses: [{ code: 'a', label: 'A' }],
        rules: [{ name: 'r', priority: 0, conditions: { all: [{ fact: 'progres', operator: 'lessThan', value: 1 }] }, event: { type: 'a' } }],
      }),
    );
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('unknown fact "progres"');
    expect(stderr).toContain('priority must be >= 1');
  });
});

describe('duban rules test', () => {
  it('prints a line per case and exits 0 when all pass', async () => {
    const { status, stdout } = await run(['rules', 'test', 'three-level', at('rules/three-level.cases.json')]);
    expect(status).toBe(0);
    expect(stdout.split('\n').filter((line) => line.startsWith('pass'))).toHaveLength(28);
    expect(stdout).toContain('28 passed, 0 failed');
  });

  it('exits 1 when a case fails', async () => {
    const { status, stdout } = await run(['rules', 'test', 'traffic-light', at('rules/four-level.cases.json')]);
    expect(status).toBe(1);
    expect(stdout).toMatch(/^FAIL {2}/m);
    expect(stdout).toMatch(/\d+ passed, [1-9]\d* failed/);
  });
});

describe('duban rules compile', () => {
  it('writes a rule file that parses, from CSV', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duban-rules-'));
    writeFileSync(join(dir, 't.csv'), 'status,label,cancelled,onPace\ncancelled,取消,true,-\ngreen,绿灯,-,true\nyellow,黄灯,-,-\n');
    const { status, stdout } = await run(['rules', 'compile', join(dir, 't.csv'), '--id', 'mine', '--out', join(dir, 'mine.json')]);
    expect([status, stdout]).toEqual([0, '']);
    const ruleFile = parseRuleFile(readFileSync(join(dir, 'mine.json'), 'utf8'));
    expect(ruleFile.rules.map((rule) => rule.priority)).toEqual([30, 20, 10]);
    const check = await run(['rules', 'check', join(dir, 'mine.json')]);
    expect(check.status).toBe(0);
  });

  it('exits 2 naming the bad cell', async () => {
    const { status, stderr } = await run(['rules', 'compile', '-'], '[{ "status": "a", "label": "A", "paceRatio": "< half" }]');
    expect(status).toBe(2);
    expect(stderr).toContain('$[0].paceRatio');
  });
});

describe('duban explain', () => {
  it('lists facts, every rule with its conditions, and the winner', async () => {
    const { status, stdout } = await run(['explain', at('test/fixtures/xianning-worked.plan.json'), 'T09', '--as-of', '2018-03-31']);
    expect(status).toBe(0);
    expect(stdout).toContain('progress           0.275');
    expect(stdout).toContain('6. [50] 有序推进 → on-track 有序推进  成立 matched  ★ 胜出 winner');
    expect(stdout).toContain('onPace(是否达到序时进度) = true  equal 等于  true  → 成立 true');
    expect(stdout).toContain('结论 verdict: 有序推进(on-track)');
  });

  it('exits 2 for an unknown task', async () => {
    const { status, stdout, stderr } = await run(['explain', at('test/fixtures/xianning-worked.plan.json'), 'NOPE']);
    expect([status, stdout]).toEqual([2, '']);
    expect(stderr).toContain('no task with id "NOPE"');
  });
});
