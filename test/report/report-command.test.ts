import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { evaluatePlan, formatBulletin } from '../../src/index.js';
import { loadExample } from './helpers.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const example = (name: string) => join(root, 'examples', name);

async function run(args: string[], stdin = '') {
  let stdout = '';
  let stderr = '';
  const status = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), stdin: () => stdin, now: Date.UTC(2018, 5, 30, 12) });
  return { status, stdout, stderr };
}

describe('duban report', () => {
  it('writes the Markdown bulletin of the library for a seed example', async () => {
    const { status, stdout, stderr } = await run(['report', example('xuchang-2017-h1.plan.json')]);
    expect([status, stderr]).toEqual([0, '']);
    const plan = loadExample('xuchang-2017-h1.plan.json');
    expect(stdout).toBe(formatBulletin(plan, await evaluatePlan(plan)));
  });

  it('takes --rules, --indicators category:ID, --format text and --title', async () => {
    const { status, stdout } = await run([
      'report',
      example('jinzhou-2016-h1.plan.json'),
      '--rules',
      'three-level',
      '--indicators',
      'category:1',
      '--format',
      'text',
      '--title',
      '关于上半年任务指标完成情况的报告',
    ]);
    expect(status).toBe(0);
    expect(stdout.split('\n')[0]).toBe('关于上半年任务指标完成情况的报告');
    expect(stdout).toContain('其中，8项主要经济发展指标中，3项完成进度（');
  });

  it('evaluates at every --as-of and reports the trend; --as-of all takes every reporting date', async () => {
    const repeated = await run(['report', example('xuchang-2017-h1.plan.json'), '--as-of', '2017-06-30', '--as-of', '2017-05-31']);
    expect(repeated.status).toBe(0);
    expect(repeated.stdout).toContain('| 任务 | 2017-05-31 | 2017-06-30 | 变化 |');
    const all = await run(['report', example('xuchang-2017-h1.plan.json'), '--as-of', 'all']);
    expect(all.stdout).toContain('| 任务 | 2017-05-30 | 2017-05-31 | 2017-06-20 | 2017-06-30 | 变化 |');
  });

  it('writes a self-contained HTML page to --out and nothing to stdout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duban-report-'));
    const out = join(dir, 'bulletin.html');
    const { status, stdout } = await run(['report', example('xianning-2018-q1.plan.json'), '--format', 'html', '--out', out]);
    expect([status, stdout]).toEqual([0, '']);
    expect(readFileSync(out, 'utf8')).toMatch(/^<!DOCTYPE html>[\s\S]*<svg class="status-bars"[\s\S]*<\/html>\n$/);
  });

  it.each([
    [['--format', 'pdf'], '--format: expected one of markdown, html, text, xlsx, docx, got "pdf"'],
    [['--as-of', '2017-02-30'], '--as-of: not a real calendar date YYYY-MM-DD: "2017-02-30"'],
    [['--as-of', 'all', '--as-of', '2017-06-30'], '--as-of all cannot be combined with other dates'],
    [['--indicators', 'category:'], '--indicators: expected rate, none or category:ID[,ID], got "category:"'],
    [['--indicators', 'category:9'], 'plan "xuchang-2017" has no category "9"'],
  ])('exits 2 for %j, naming the problem and writing nothing', async (options, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'duban-report-'));
    const out = join(dir, 'bulletin.md');
    const { status, stdout, stderr } = await run(['report', example('xuchang-2017-h1.plan.json'), ...options, '--out', out]);
    expect([status, stdout]).toEqual([2, '']);
    expect(stderr).toContain(message);
    expect(existsSync(out)).toBe(false);
  });

  it('exits 1 and lists the gaps when a rule file leaves tasks without a status, still writing the bulletin', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duban-report-'));
    const rules = join(dir, 'rules.json');
    writeFileSync(
      rules,
      JSON.stringify({
        formatVersion: 1,
        id: 'only-done',
        title: '只判定完成',
        statuses: [{ code: 'met', label: '达标' }],
        rules: [{ name: '达标', priority: 1, conditions: { all: [{ fact: 'met', operator: 'equal', value: true }] }, event: { type: 'met' } }],
      }),
    );
    const { status, stdout, stderr } = await run(['report', example('xuchang-2017-h1.plan.json'), '--rules', rules]);
    expect(status).toBe(1);
    expect(stdout).toContain('从督查情况看，25项工作中，16项达标，9项未判定。');
    expect(stderr).toContain('duban: rule gap: task "R03" matched no rule in "only-done" as of 2017-06-30');
  });

  it('shows its help', async () => {
    const { status, stdout } = await run(['report', '--help']);
    expect(status).toBe(0);
    expect(stdout).toContain('用法 Usage: duban report PLAN.json [options]');
    expect((await run(['--help'])).stdout).toMatch(/duban report PLAN\.json \[options\]\s+生成督查通报/);
  });
});
