// `duban evaluate` shows its progress on stderr when stderr is a terminal and the
// run is long, one line rewritten after \r and cleared at the end; never when
// stderr is not a terminal. The output (stdout, --out) is the same bytes either way.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain ES module without types
import { generatePlan } from '../../bench/generate-plan.mjs';
import { evaluateCounted } from '../../src/cli/commands/evaluate.js';
import { main, type CliIo } from '../../src/cli/main.js';
import { NO_PROGRESS, progressLine } from '../../src/cli/progress.js';
import { evaluatePlanSync, parsePlan } from '../../src/index.js';
import { displayWidth } from '../../src/report/display-width.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const TASKS = 3000;

/** Runs main with stderr a terminal or not, and a clock that moves `step` ms each time it is read. */
async function run(args: string[], terminal: Partial<Pick<CliIo, 'stderrIsTTY' | 'stdoutIsTTY'>>, step = 400) {
  let stdout = '';
  let stderr = '';
  let time = 0;
  const status = await main(args, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    stdin: () => '',
    now: Date.UTC(2018, 5, 30, 12),
    clock: () => (time += step),
    ...terminal,
  });
  return { status, stdout, stderr };
}

/** The progress part of stderr: lines rewritten after \r, then cleared with spaces and a \r. */
const PROGRESS = new RegExp(String.raw`^(?:\rduban: 已评估 \d+ / ${TASKS} 项 \(\d+%\) / evaluated \d+ of ${TASKS} tasks *)+\r +\r`);

describe('duban evaluate progress', () => {
  let dir: string;
  let plan: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'duban-progress-'));
    plan = join(dir, 'plan.json');
    writeFileSync(plan, JSON.stringify(generatePlan(TASKS)));
  });

  for (const format of ['table', 'json', 'csv', 'markdown']) {
    it(`--format ${format}: on a terminal, one line updated in place and cleared; stdout byte-identical to a run without`, async () => {
      const plain = await run(['evaluate', plan, '--format', format], {});
      const terminal = await run(['evaluate', plan, '--format', format], { stderrIsTTY: true });
      expect(plain.stderr).toBe('');
      expect(terminal.stderr).toMatch(PROGRESS);
      expect(terminal.stderr.replace(PROGRESS, '')).toBe('');
      expect(terminal.stderr).toContain(`已评估 ${TASKS} / ${TASKS} 项 (100%)`);
      expect(terminal.stdout).toBe(plain.stdout);
      expect(terminal.status).toBe(plain.status);
    });
  }

  it('--out: the file is byte-identical with and without progress', async () => {
    const plainOut = join(dir, 'plain.json');
    const terminalOut = join(dir, 'terminal.json');
    const plain = await run(['evaluate', plan, '--format', 'json', '--out', plainOut], {});
    const terminal = await run(['evaluate', plan, '--format', 'json', '--out', terminalOut], { stderrIsTTY: true, stdoutIsTTY: true });
    expect([plain.stdout, plain.stderr, terminal.stdout]).toEqual(['', '', '']);
    expect(terminal.stderr).toMatch(PROGRESS);
    expect(readFileSync(terminalOut).equals(readFileSync(plainOut))).toBe(true);
  });

  it('never when stderr is not a terminal, however long the run', async () => {
    for (const terminal of [{}, { stderrIsTTY: false }, { stderrIsTTY: false, stdoutIsTTY: true }]) {
      const { stderr } = await run(['evaluate', plan], terminal, 10_000);
      expect(stderr).toBe('');
    }
  });

  it('not between the lines of JSON streamed to the same terminal', async () => {
    const { stderr } = await run(['evaluate', plan, '--format', 'json'], { stderrIsTTY: true, stdoutIsTTY: true });
    expect(stderr).toBe('');
  });

  it('not for a short run (under a second)', async () => {
    const { stderr } = await run(['evaluate', plan], { stderrIsTTY: true }, 0.01);
    expect(stderr).toBe('');
  });

  it('is cleared before the rule gaps are listed, which stay as they are without progress', async () => {
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
    for (const format of ['table', 'json']) {
      const plain = await run(['evaluate', plan, '--rules', rules, '--format', format], {});
      const terminal = await run(['evaluate', plan, '--rules', rules, '--format', format], { stderrIsTTY: true });
      expect(plain.status).toBe(1);
      expect(plain.stderr).toMatch(/^duban: rule gap: /);
      expect(terminal.stderr).toMatch(PROGRESS);
      expect(terminal.stderr.replace(PROGRESS, '')).toBe(plain.stderr);
      expect(terminal.stdout).toBe(plain.stdout);
    }
  });
});

describe('progressLine', () => {
  it('stays under 80 terminal columns up to 9 999 999 tasks', () => {
    expect(progressLine(120_000, 1_000_000)).toBe('duban: 已评估 120000 / 1000000 项 (12%) / evaluated 120000 of 1000000 tasks');
    expect(displayWidth(progressLine(9_999_999, 9_999_999))).toBeLessThan(80);
  });
});

describe('evaluateCounted', () => {
  it('gives the evaluation evaluatePlanSync gives, to the byte', () => {
    const plan = parsePlan(readFileSync(join(root, 'examples/xuchang-2017-h1.plan.json'), 'utf8'));
    for (const rules of ['four-level', 'three-level', 'traffic-light'] as const) {
      expect(JSON.stringify(evaluateCounted(plan, { rules }, NO_PROGRESS))).toBe(JSON.stringify(evaluatePlanSync(plan, { rules })));
    }
  });
});
