import { describe, expect, it } from 'vitest';
import { evaluatePlan, formatBulletin, parsePlan } from '../../src/index.js';
import { smallPlan } from './helpers.js';

const hostile = () =>
  parsePlan({
    formatVersion: 1,
    id: 'hostile',
    title: '<script>window.pwned = 1</script>计划',
    period: { start: '2018-01-01', end: '2018-12-31' },
    asOf: '2018-06-30',
    tasks: [
      {
        id: 'T1"><img src=x>',
        title: '<img src="http://example.invalid/x.png" onerror="window.pwned = 2">任务 & "引号"',
        owners: { lead: ["<b>单位</b>'"] },
        target: { kind: 'cumulative', measure: '<i>量</i>', unit: '个', value: 10 },
        observations: [{ asOf: '2018-06-30', value: 2 }],
      },
    ],
  });

describe('formatBulletin as HTML', () => {
  it('escapes every piece of plan text, in content and in attributes', async () => {
    const plan = hostile();
    const html = formatBulletin(plan, await evaluatePlan(plan), { format: 'html' });
    expect(html).not.toMatch(/<script|<img|<b>|<i>|onerror="/);
    expect(html).toContain('&lt;script&gt;window.pwned = 1&lt;/script&gt;计划');
    expect(html).toContain('&lt;img src=&quot;http://example.invalid/x.png&quot; onerror=&quot;window.pwned = 2&quot;&gt;任务 &amp; &quot;引号&quot;');
    expect(html).toContain('data-task="T1&quot;&gt;&lt;img src=x&gt;"');
    expect(html).toContain('&lt;b&gt;单位&lt;/b&gt;&#39;');
  });

  it('is one self-contained page: inline CSS and SVG, no scripts, no links to anything outside, print styles', async () => {
    const plan = smallPlan();
    const html = formatBulletin(plan, [await evaluatePlan(plan, { asOf: '2018-03-31' }), await evaluatePlan(plan)], { format: 'html' });
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">')).toBe(true);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(|https?:\/\//i);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
    expect(html).toMatch(/@media print \{/);
    expect(html).toContain('@page { size: A4;');
    expect(html.match(/<svg class="status-bars"/g)).toHaveLength(1);
    // Bullet charts: the two rate indicators, and W1, W2 (cumulative with data).
    expect(html.match(/<svg class="bullet-chart"/g)).toHaveLength(4);
    // Trend lines: G1, G2 (rates), W1, W2 (cumulative); not W5 (no data at any date), not the binary tasks.
    expect([...html.matchAll(/<figure class="trend" data-task="([^"]+)"/g)].map((match) => match[1])).toEqual(['G1', 'G2', 'W1', 'W2']);
  });

  it('colours statuses with the traffic-light tones', async () => {
    const plan = smallPlan();
    const html = formatBulletin(plan, await evaluatePlan(plan), { format: 'html' });
    expect(html).toContain('<span class="tone tone-bad">存在突出问题</span>');
    expect(html).toContain('<span class="tone tone-warn">需要加大力度</span>');
    expect(html).toContain('<span class="tone tone-good">有序推进</span>');
    expect(html).toMatch(/\.tone-bad \{ background: #[0-9a-f]{6}; color: #[0-9a-f]{6}; \}/);
  });

  it('draws the progress bar to the task’s progress and the 序时进度 marker at its expected progress', async () => {
    const plan = smallPlan();
    const html = formatBulletin(plan, await evaluatePlan(plan), { format: 'html' });
    // W1: 3300 of 6000 = 55 % against 50 %; the scale runs 0..100 % over x = 8..312.
    const w1 = /<div class="bullet" data-task="W1">(.*?)<\/div><svg[^>]*>(.*?)<\/svg>/.exec(html);
    expect(w1?.[1]).toContain('完成进度 55% · 序时进度 50%');
    expect(w1?.[2]).toContain('<rect x="8" y="9" width="167.2" height="8" fill="#43a047"/>');
    expect(w1?.[2]).toContain('<line x1="160" x2="160" y1="3" y2="23" stroke="#222" stroke-width="2.5"/>');
  });

  it('writes one table of tasks per lead unit', async () => {
    const plan = smallPlan();
    const html = formatBulletin(plan, await evaluatePlan(plan), { format: 'html' });
    expect([...html.matchAll(/<h3>([^<]+)<\/h3>\n<table>/g)].map((match) => match[1])).toEqual([
      '市住建局（2项）',
      '市人社局（1项）',
      '市环保局（1项）',
      '市农委（1项）',
      '市发改委（1项）',
      '未明确牵头单位（3项）',
    ]);
  });
});
