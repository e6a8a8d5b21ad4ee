// The command line's own messages for mistakes on it (issue #12, item 3): an
// unknown option or command gets duban's message with the closest one, exit 2,
// and none of Node's parseArgs text; an observations CSV names every bad row in one run.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixture = join(root, 'test/fixtures/xianning-worked.plan.json');

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const status = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), stdin: () => '', now: Date.UTC(2018, 5, 30, 12) });
  return { status, stdout, stderr };
}

describe('duban command-line mistakes', () => {
  it('an unknown option gets the closest option and the list, exit 2, no parseArgs text', async () => {
    const { status, stdout, stderr } = await run(['evaluate', fixture, '--as-off', '2018-03-31']);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'duban: command line: options: duban evaluate 没有选项 --as-off；是否想写 --as-of？可用的选项：--as-of --rules --observations --format --out --engine --rounding --help' +
        ' / unknown option --as-off for duban evaluate; did you mean --as-of? Options: --as-of --rules --observations --format --out --engine --rounding --help\n',
    );
    expect(stderr).not.toMatch(/Unknown option|positional argument|'--'/);
  });

  it.each([
    [['report', fixture, '--fromat', 'text'], '--format'],
    [['explain', fixture, 'T09', '--rule', 'four-level'], '--rules'],
    [['export-excel', fixture, '--outt', 'x.xlsx'], '--out'],
  ])('suggests the option of each command: %j', async (args, suggested) => {
    const { status, stderr } = await run(args);
    expect(status).toBe(2);
    expect(stderr).toContain(`是否想写 ${suggested}？`);
    expect(stderr).toContain(`did you mean ${suggested}?`);
  });

  it('an option without its value, or with one it does not take, is named', async () => {
    const missing = await run(['evaluate', fixture, '--as-of']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('duban: command line: options: 选项 --as-of 缺少值（写成 --as-of 值） / option --as-of needs a value (--as-of VALUE)\n');
    const extra = await run(['evaluate', fixture, '--help=yes']);
    expect(extra.status).toBe(2);
    expect(extra.stderr).toBe('duban: command line: options: 选项 --help 不带值 / option --help takes no value\n');
  });

  it('an unknown command gets the closest command', async () => {
    const { status, stderr } = await run(['evalute', fixture]);
    expect(status).toBe(2);
    expect(stderr).toMatch(/^duban: command line: command: 未知的命令 "evalute"；是否想写 "evaluate"？可用的命令：evaluate、extract、/);
    expect(stderr).toContain(' / unknown command "evalute"; did you mean "evaluate"? Valid commands: evaluate, extract,');
  });

  it('an observations CSV with several bad rows is reported whole in one run, by line and column', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duban-errors-'));
    const csv = join(dir, 'q1.csv');
    writeFileSync(csv, 'taskId,asOf,value,unit,note\nT09,2018-02-30,55,亿元,\nT9,2018-03-31,55,亿元,\nT09,2018-04-30,55,吨,\n');
    const { status, stdout, stderr } = await run(['evaluate', fixture, '--observations', csv]);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    const lines = stderr.trim().split('\n');
    expect(lines.map((line) => line.split(': ')[2])).toEqual(['line 2, column 2 (asOf)', 'line 3, column 1 (taskId)', 'line 4, column 4 (unit)']);
    expect(lines[1]).toContain('计划中没有任务 id "T9"；是否想写 "T09"？ / unknown task id "T9"; did you mean "T09"?');
    expect(lines[2]).toContain('/ task "T09": unit "吨" cannot be converted to the target\'s unit "亿元"');
  });
});
