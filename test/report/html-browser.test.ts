// Renders HTML bulletins in headless Chromium (Debian's /usr/bin/chromium, driven
// by playwright-core; no browser is downloaded). Screenshots are saved under
// .tmp/report-screenshots/, which git ignores.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluatePlan, formatBulletin, parsePlan, reportingDates, type Evaluation } from '../../src/index.js';
import { fullWidth } from '../../src/engine/wording.js';
import { listName } from '../../src/report/bulletin-document.js';
import { SANS_FONTS, SERIF_FONTS } from '../../src/report/render-html.js';
import { loadExample } from './helpers.js';
import { inkStatistics, readPng } from './png.js';

const CHROMIUM = '/usr/bin/chromium';
const missing = !existsSync(CHROMIUM);
const why = missing ? ` (skipped: ${CHROMIUM} not found; install Debian's chromium to run it)` : '';
const SCREENSHOTS = fileURLToPath(new URL('../../.tmp/report-screenshots/', import.meta.url));

let context: BrowserContext | undefined;
let profile = '';
const requests: string[] = [];

beforeAll(async () => {
  if (missing) return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  profile = mkdtempSync(join(tmpdir(), 'duban-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1000, height: 800 },
  });
  context.on('request', (request) => requests.push(request.url()));
  await context.route('**/*', (route) => route.abort());
}, 60_000);

afterAll(async () => {
  await context?.close();
  if (profile !== '') rmSync(profile, { recursive: true, force: true });
});

async function open(html: string) {
  const page = await context!.newPage();
  await page.setContent(html, { waitUntil: 'load' });
  return page;
}

describe('the HTML bulletin in Chromium', () => {
  it.skipIf(missing)(`renders 许昌's bulletin with its counts, task names, charts and trend, and requests nothing${why}`, async () => {
    const plan = loadExample('xuchang-2017-h1.plan.json');
    const evaluations: Evaluation[] = [];
    for (const asOf of reportingDates(plan)) evaluations.push(await evaluatePlan(plan, { asOf, rules: 'four-level' }));
    const latest = evaluations.at(-1)!;
    const html = formatBulletin(plan, evaluations, { format: 'html' });
    requests.length = 0;
    const page = await open(html);

    expect(await page.title()).toBe(`${fullWidth(plan.title)}落实情况通报`);
    const text = await page.locator('main').innerText();
    const counts = latest.summary.byStatus.filter((status) => status.count > 0).map((status) => `${status.count}项${status.label}`);
    expect(text).toContain(`从督查情况看，${latest.summary.total}项工作中，${counts.join('，')}。`);
    for (const task of plan.tasks) expect(text, task.id).toContain(listName(task.title));

    const quantitative = latest.results.filter(
      (result) => ['cumulative', 'level', 'milestones'].includes(result.facts.kind) && result.facts.progress !== null && !result.facts.cancelled,
    );
    expect(await page.locator('.bullets .bullet svg.bullet-chart').count()).toBe(
      quantitative.length + (plan.mainIndicators === 'none' ? 0 : latest.results.filter((result) => result.facts.kind === 'rate').length),
    );
    const statusChart = page.locator('svg.status-bars');
    expect(await statusChart.getAttribute('aria-label')).toBe(`状态分布（共25项）：${counts.join('，')}`);
    expect((await statusChart.boundingBox())?.width).toBeGreaterThan(300);
    expect(await page.locator('figure.trend svg.trend-chart').count()).toBeGreaterThan(5);
    expect(await page.locator('h2').allInnerTexts()).toEqual([
      '一、总体情况',
      '二、进度滞后和存在问题的工作',
      '三、各项工作完成进度与序时进度',
      '四、分类统计',
      '五、分单位统计',
      '六、分领导统计',
      '七、进度变化',
    ]);
    const badge = page.locator('span.tone-bad').first();
    expect(await badge.evaluate((element) => getComputedStyle(element).backgroundColor)).toBe('rgb(251, 218, 218)');

    const png = await page.screenshot({ fullPage: true, path: join(SCREENSHOTS, 'xuchang-2017-h1.png') });
    const statistics = inkStatistics(readPng(png));
    expect(statistics.inked).toBeGreaterThan(0.05);
    expect(statistics.colours).toBeGreaterThan(50);
    expect(statistics.saturated).toBeGreaterThan(0.002);

    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('main').evaluate((element) => getComputedStyle(element).boxShadow)).toBe('none');
    expect(await page.locator('body').evaluate((element) => getComputedStyle(element).backgroundColor)).toBe('rgb(255, 255, 255)');
    await page.close();
    expect(requests).toEqual([]);
  });

  // Not skipped when the font is missing: a bulletin of boxes must fail the test. CJK fonts are
  // installed by .ci/run (fonts-noto-cjk); Chromium says through DevTools which font drew each node.
  it.skipIf(missing)(`draws its Chinese text with a CJK font the page names, not boxes${why}`, async () => {
    const plan = loadExample('xuchang-2017-h1.plan.json');
    const page = await open(formatBulletin(plan, [await evaluatePlan(plan, { rules: 'four-level' })], { format: 'html' }));
    const cdp = await context!.newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    const named = new Set<string>([...SANS_FONTS, ...SERIF_FONTS]);
    const checked: string[] = [];
    for (const selector of ['h1', 'main p', 'h2', 'table th', 'svg.status-bars text']) {
      const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
      expect(nodeId, selector).toBeGreaterThan(0);
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      const text = await page.locator(selector).first().textContent();
      expect(text, selector).toMatch(/\p{Script=Han}/u);
      // The font that drew most glyphs must be a CJK font of the stack; a fallback without CJK glyphs
      // (DejaVu, Liberation, …) would draw boxes.
      const main = [...fonts].sort((a, b) => b.glyphCount - a.glyphCount)[0];
      const family = main?.familyName ?? '(none)';
      expect(
        named.has(family),
        `${selector} ("${text?.slice(0, 20)}") is drawn with ${fonts.map((font) => `${font.familyName} (${font.glyphCount})`).join(', ')}, not a CJK font the page names: install one, e.g. apt-get install fonts-noto-cjk`,
      ).toBe(true);
      checked.push(`${selector}: ${family}`);
    }
    expect(checked).toHaveLength(5);
    await cdp.detach();
    await page.close();
  });

  it.skipIf(missing)(`shows hostile plan text as text: no script runs, no image loads${why}`, async () => {
    const plan = parsePlan({
      formatVersion: 1,
      id: 'hostile',
      title: '<script>window.pwned = 1</script>计划',
      period: { start: '2018-01-01', end: '2018-12-31' },
      asOf: '2018-06-30',
      tasks: [
        {
          id: 'T1',
          title: '<img src="http://example.invalid/x.png" onerror="window.pwned = 2">任务',
          target: { kind: 'cumulative', measure: '量', unit: '个', value: 10 },
          observations: [{ asOf: '2018-06-30', value: 2 }],
        },
      ],
    });
    requests.length = 0;
    const page = await open(formatBulletin(plan, await evaluatePlan(plan), { format: 'html' }));
    expect(await page.locator('h1').innerText()).toBe('<script>window.pwned = 1</script>计划落实情况通报');
    expect(await page.locator('main').innerText()).toContain('<img src="http://example.invalid/x.png" onerror="window.pwned = 2">任务');
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(await page.locator('main img, main script').count()).toBe(0);
    writeFileSync(join(SCREENSHOTS, 'hostile.png'), await page.screenshot());
    await page.close();
    expect(requests).toEqual([]);
  });
});
