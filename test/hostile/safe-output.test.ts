// Hostile text in ids, titles, labels and rule names: the terminal table, the
// text bulletin and `explain` show control and bidirectional formatting
// characters as \u{HEX} instead of sending them to the terminal; Markdown
// (evaluate's and the bulletin's) escapes HTML and link syntax. Ordinary
// Chinese text is unchanged (the example outputs are compared elsewhere).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { evaluatePlanSync, formatBulletin, formatEvaluation, parsePlan, parseRuleFile, type Plan } from '../../src/index.js';
import { displayWidth } from '../../src/report/display-width.js';
import { escapeMarkdownText, escapeTerminalText } from '../../src/report/safe-text.js';
import { requireBuiltCli, ROOT, runCli } from './run-cli.js';

const example = JSON.parse(readFileSync(join(ROOT, 'examples', 'xianning-2018-q1.plan.json'), 'utf8')) as { tasks: { id: string; title: string }[] };

/** Everything a terminal would obey: clear screen, OSC 8 hyperlink and title, CSI via C1, CR, BS, BEL, RLO and an isolate. */
const ATTACK = '\u001b[2J\u001b]8;;https://evil.example/\u0007点这里\u001b]8;;\u0007\u001b]0;owned\u0007\u009b31m红\r覆盖\b\u202e反转\u2066隔离\u2069\u200f';
/** What must not reach a terminal: C0 but LF/TAB, DEL, C1, bidi controls. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const RAW_CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;
/** Markdown that a renderer would turn into HTML or a link. */
const MARKDOWN_ATTACK =
  '<script>alert(1)</script> [点我](javascript:alert(1)) ![图](javascript:x) <javascript:alert(2)> <img src=x onerror=alert(3)> &lt;b&gt;';

function hostilePlan(title: string, id = 'M1'): Plan {
  const plan = structuredClone(example);
  plan.tasks[0]!.title = title;
  plan.tasks[0]!.id = id;
  return parsePlan(plan);
}

describe('escapeTerminalText', () => {
  it('writes every control and bidi formatting character as \\u{HEX}, and nothing else changes', () => {
    expect(escapeTerminalText('\u001b[2J')).toBe('\\u{1B}[2J');
    expect(escapeTerminalText('a\u202eb\u2066c\u2069\u200e\u200f\u061c')).toBe('a\\u{202E}b\\u{2066}c\\u{2069}\\u{200E}\\u{200F}\\u{61C}');
    expect(escapeTerminalText('\u0085\u009b\u007f\r\b\u0000')).toBe('\\u{85}\\u{9B}\\u{7F}\\u{D}\\u{8}\\u{0}');
    expect(escapeTerminalText('一\n二\t三')).toBe('一\\u{A}二\\u{9}三');
    expect(escapeTerminalText('一\n二\t三', 'lines')).toBe('一\n二\t三');
    expect(escapeTerminalText('地区生产总值增长8%（预期目标）“双一流”—— é 😀')).toBe('地区生产总值增长8%（预期目标）“双一流”—— é 😀');
  });

  it('leaves no raw control character, whatever the text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(escapeTerminalText(text)).not.toMatch(RAW_CONTROL);
        expect(escapeTerminalText(text)).not.toMatch(/[\n\t]/);
        expect(escapeTerminalText(text, 'lines')).not.toMatch(RAW_CONTROL);
      }),
      { numRuns: 200 },
    );
  });
});

describe('escapeMarkdownText', () => {
  it('escapes HTML, links, images, autolinks and entities; Chinese text is unchanged', () => {
    const out = escapeMarkdownText(MARKDOWN_ATTACK);
    expect(out).not.toMatch(/(?<!\\)</);
    expect(out).not.toMatch(/(?<!\\)\[/);
    expect(out).not.toMatch(/(?<!\\)&/);
    expect(out).toBe(
      '\\<script\\>alert(1)\\</script\\> \\[点我\\](javascript:alert(1)) !\\[图\\](javascript:x) \\<javascript:alert(2)\\> \\<img src=x onerror=alert(3)\\> \\&lt;b\\&gt;',
    );
    expect(escapeMarkdownText('推进“放管服”改革，完成年度目标（2018年）')).toBe('推进“放管服”改革，完成年度目标（2018年）');
    expect(escapeMarkdownText('一\r\n二\n三\u2028四')).toBe('一 二 三 四');
  });
});

describe('terminal table (evaluate --format table)', () => {
  it('shows the escapes instead of sending them, and stays aligned', () => {
    const plan = hostilePlan(ATTACK, 'M1\u001b[31m');
    const table = formatEvaluation(evaluatePlanSync(plan), 'table', plan);
    expect(table).not.toMatch(RAW_CONTROL);
    expect(table).toContain('M1\\u{1B}[31m');
    expect(table).toContain('\\u{1B}[2J');
    // Every row of the table (between the rule line and the blank line) is as wide as the widest, with its last column.
    const lines = table.split('\n');
    const rule = lines.findIndex((line) => line.startsWith('─'));
    const rows = lines.slice(rule + 1, lines.indexOf('', rule));
    const ruleColumn = (line: string) => displayWidth(line) - displayWidth(line.replace(/\S+$/, ''));
    const starts = new Set(rows.map((line) => displayWidth(line) - ruleColumn(line)));
    expect(starts.size).toBe(1);
  });

  it('a rule set whose labels and rule names are hostile is escaped as well', () => {
    const rules = parseRuleFile({
      formatVersion: 1,
      id: 'evil\u001b]0;x\u0007',
      title: 'evil',
      statuses: [{ code: 'ok', label: '好\u001b[2J' }],
      rules: [{ name: 'all\u202e', priority: 1, conditions: { all: [] }, event: { type: 'ok' } }],
    });
    const plan = hostilePlan('普通标题');
    const table = formatEvaluation(evaluatePlanSync(plan, { rules }), 'table', plan);
    expect(table).not.toMatch(RAW_CONTROL);
    expect(table).toContain('好\\u{1B}[2J');
    expect(table).toContain('all\\u{202E}');
  });
});

describe('Markdown output', () => {
  it('evaluate --format markdown escapes HTML and links from titles and labels', () => {
    const rules = parseRuleFile({
      formatVersion: 1,
      id: 'x`<b>`',
      title: 'x',
      statuses: [{ code: 'ok', label: '<script>alert(1)</script>' }],
      rules: [{ name: 'r', priority: 1, conditions: { all: [] }, event: { type: 'ok' } }],
    });
    const markdown = formatEvaluation(evaluatePlanSync(hostilePlan(`${MARKDOWN_ATTACK}\u001b[2J`), { rules }), 'markdown');
    expect(markdown).not.toMatch(/(?<!\\)<(?:script|img|javascript|b>)/);
    expect(markdown).not.toMatch(/(?<!\\)\[点我/);
    expect(markdown).not.toMatch(RAW_CONTROL);
    expect(markdown).toContain('\\<script\\>alert(1)\\</script\\>');
  });

  it('the bulletin’s Markdown and text escape the same titles', () => {
    const plan = hostilePlan(`${MARKDOWN_ATTACK}${ATTACK}`);
    const evaluation = evaluatePlanSync(plan);
    const markdown = formatBulletin(plan, evaluation, { format: 'markdown', title: '<script>x</script>' });
    expect(markdown).not.toMatch(/(?<!\\)<(?:script|img|javascript)/);
    expect(markdown).not.toMatch(RAW_CONTROL);
    const text = formatBulletin(plan, evaluation, { format: 'text' });
    expect(text).not.toMatch(RAW_CONTROL);
  });
});

describe('duban explain', () => {
  const dir = mkdtempSync(join(tmpdir(), 'duban-safe-output-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the task’s id and title with their escapes visible', async () => {
    requireBuiltCli();
    const plan = structuredClone(example);
    plan.tasks[0]!.title = ATTACK;
    plan.tasks[0]!.id = 'M1\u202e';
    const file = join(dir, 'plan.json');
    writeFileSync(file, JSON.stringify(plan));
    const run = await runCli(['explain', file, 'M1\u202e']);
    expect(run.status).toBe(0);
    const out = run.stdout.toString('utf8');
    expect(out).not.toMatch(RAW_CONTROL);
    expect(out).toContain('任务 task M1\\u{202E}:\\u{1B}[2J');
  });

  it('rules check prints rule names with their escapes visible', async () => {
    requireBuiltCli();
    const rules = join(dir, 'evil.rules.json');
    writeFileSync(
      rules,
      JSON.stringify({
        formatVersion: 1,
        id: 'evil',
        title: 'evil',
        statuses: [{ code: 'ok', label: '好' }],
        rules: [
          { name: 'a\u001b[2J', priority: 1, conditions: { all: [] }, event: { type: 'ok' } },
          { name: 'b\u202e', priority: 1, conditions: { all: [] }, event: { type: 'ok' } },
        ],
      }),
    );
    const check = await runCli(['rules', 'check', rules]);
    // The second rule is unreachable: the report names both.
    expect(check.stdout.toString('utf8')).toContain('\\u{1B}[2J');
    expect(check.stdout.toString('utf8')).toContain('b\\u{202E}');
    expect(check.stdout.toString('utf8')).not.toMatch(RAW_CONTROL);
  });
});
