// duban studio end to end, as an analyst uses it, in headless Chromium (Debian's, through
// playwright-core; skipped without /usr/bin/chromium): `duban studio PLAN --no-open --port 0`
// is started as a user starts it, the page is loaded under the server's strict CSP, and every
// page fails the test on any CSP violation (even one the code catches), console error or warning,
// page error, or request to anything but the studio's own origin. What the page shows is compared
// with what the library computes here, independently.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, ROOT, requireBuiltCli } from '../hostile/run-cli.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const skipped = !hasChromium || process.env.DUBAN_TZ_RERUN === '1';
if (!hasChromium) console.warn(`studio test skipped: ${CHROMIUM} is missing (apt-get install -y chromium)`);

type Library = typeof import('../../src/index.js');
const PLAN_FILE = 'examples/xianning-2018-q1.plan.json';

interface Studio {
  child: ChildProcess;
  url: string;
  stdout: string;
}

/** Starts `duban studio ARGS --no-open --port 0` and resolves when it prints its URL. */
function startStudio(args: string[]): Promise<Studio> {
  const child = spawn(process.execPath, [join(ROOT, 'bin/duban.js'), 'studio', ...args, '--no-open', '--port', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`duban studio printed no URL: ${stdout} ${stderr}`)), 20_000);
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const url = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(stdout)?.[0];
      if (url !== undefined) {
        clearTimeout(timer);
        resolve({ child, url, stdout });
      }
    });
    child.once('exit', (code) => reject(new Error(`duban studio exited with ${code}: ${stderr}`)));
  });
}

function stopStudio(studio: Studio | undefined): Promise<void> {
  if (studio === undefined || studio.child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    studio.child.once('exit', () => resolve());
    studio.child.kill('SIGINT');
  });
}

/** A raw GET with a chosen Host header (fetch does not let one set it). */
function get(url: string, path: string, host?: string): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ hostname, port, path, headers: host === undefined ? {} : { host } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Whether studio/dist is missing or older than any of its sources (the studio's and the library's). */
function studioIsStale(): boolean {
  const built = join(ROOT, 'studio/dist/app.js');
  if (!existsSync(built)) return true;
  const time = statSync(built).mtimeMs;
  const sources = [
    ...['studio/index.html', 'studio/style.css', 'studio/favicon.svg', 'studio/build.mjs'].map((file) => join(ROOT, file)),
    ...['studio/src', 'src'].flatMap((folder) =>
      readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' }).map((file) => join(ROOT, folder, file)),
    ),
  ];
  return sources.some((file) => statSync(file).mtimeMs > time);
}

describe.skipIf(skipped)('duban studio in headless Chromium', () => {
  let library: Library;
  let context: BrowserContext;
  let studio: Studio;
  let userDataDir = '';
  const problemsOf = new Map<Page, string[]>();

  beforeAll(async () => {
    requireBuiltCli();
    // Rebuilt only when a source is newer than the build (`npm run build` has just made it in
    // `npm test`): rebuilding while test/package packs studio/dist would race with it.
    if (studioIsStale()) {
      const build = (await import(pathToFileURL(join(ROOT, 'studio/build.mjs')).href)) as { buildStudio: () => Promise<unknown> };
      await build.buildStudio();
    }
    library = (await import(pathToFileURL(join(ROOT, 'dist/index.js')).href)) as Library;
    studio = await startStudio([PLAN_FILE]);
    userDataDir = mkdtempSync(join(tmpdir(), 'duban-studio-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      acceptDownloads: true,
      viewport: { width: 1440, height: 900 },
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
    });
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await stopStudio(studio);
    if (userDataDir !== '') rmSync(userDataDir, { recursive: true, force: true });
  });

  /** A page that records every CSP violation, console error or warning, page error and outside request. */
  async function open(url: string): Promise<Page> {
    const page = await context.newPage();
    const problems: string[] = [];
    problemsOf.set(page, problems);
    const origin = new URL(url).origin;
    await page.route('**/*', (route) => {
      if (new URL(route.request().url()).origin === origin) return route.continue();
      problems.push(`request outside the app: ${route.request().url()}`);
      return route.abort();
    });
    await page.addInitScript(() => {
      const seen: { directive: string; blocked: string; source: string; line: number }[] = [];
      (globalThis as { __dubanCspViolations?: typeof seen }).__dubanCspViolations = seen;
      globalThis.addEventListener(
        'securitypolicyviolation',
        (event) => seen.push({ directive: event.violatedDirective, blocked: event.blockedURI, source: event.sourceFile, line: event.lineNumber }),
        { capture: true },
      );
    });
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
    const response = await page.goto(url);
    expect(response?.headers()['content-security-policy']).toMatch(/default-src 'none'; script-src 'self'; style-src 'self'/);
    await page.waitForSelector('html[data-studio=ready]', { timeout: 30_000 });
    return page;
  }

  /** No violation, console error, page error or outside request on this page so far. */
  async function expectClean(page: Page): Promise<void> {
    const violations = await page.evaluate(async () => {
      for (let i = 0; i < 3; i++) await new Promise((resolve) => setTimeout(resolve, 10));
      return (globalThis as { __dubanCspViolations?: unknown[] }).__dubanCspViolations;
    });
    expect(violations, 'the listener was installed before the page ran').toBeDefined();
    expect(violations, 'Content-Security-Policy violations').toEqual([]);
    expect(problemsOf.get(page)).toEqual([]);
  }

  /** Waits until the page has processed one more edit than `before`. */
  async function editsAfter(page: Page, before: number): Promise<void> {
    await page.waitForFunction((n) => Number(document.documentElement.dataset.edits ?? '0') > n, before, { timeout: 10_000 });
  }
  const edits = (page: Page) => page.evaluate(() => Number(document.documentElement.dataset.edits ?? '0'));

  /** Every task's status as the page shows it (all rows), by task id. */
  async function shownStatuses(page: Page): Promise<Record<string, string>> {
    if ((await page.locator('#show-all').count()) > 0) await page.click('#show-all');
    return page.evaluate(() =>
      Object.fromEntries(
        Array.from(document.querySelectorAll('#results-table tbody tr')).map((row) => [
          (row as HTMLElement).dataset.task!,
          (row as HTMLElement).dataset.status!,
        ]),
      ),
    );
  }

  const statusesOf = (evaluation: { results: readonly { taskId: string; status: string | null }[] }) =>
    Object.fromEntries(evaluation.results.map((result) => [result.taskId, result.status ?? '']));
  const plan = () => library.parsePlan(readFileSync(join(ROOT, PLAN_FILE), 'utf8'));
  const fourLevel = () =>
    structuredClone(library.bundledRuleFileJson('four-level')) as { rules: { name: string; conditions: { all: { value: unknown }[] } }[] };

  it('serves nothing but the app and the given files, on 127.0.0.1, under a strict CSP', async () => {
    expect(studio.stdout).toContain(`duban studio: ${studio.url}`);
    const index = await get(studio.url, '/');
    expect(index.status).toBe(200);
    const csp = String(index.headers['content-security-policy']);
    expect(csp.split(';').map((directive) => directive.trim())).toEqual(
      expect.arrayContaining(["default-src 'none'", "script-src 'self'", "style-src 'self'", "connect-src 'self'"]),
    );
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|wasm-unsafe-eval|\*|blob:/);
    // The page repeats the policy (less frame-ancestors, which a meta element cannot carry).
    expect(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(index.body)?.[1]).toBe(csp.replace("; frame-ancestors 'none'", ''));
    const initial = JSON.parse((await get(studio.url, '/initial.json')).body) as { plan: { name: string; text: string } };
    expect(initial.plan.name).toBe('xianning-2018-q1.plan.json');
    expect(initial.plan.text).toBe(readFileSync(join(ROOT, PLAN_FILE), 'utf8'));
    for (const path of ['/package.json', '/../package.json', '/%2e%2e/package.json', '/src/index.ts', '/examples/xianning-2018-q1.plan.json'])
      expect((await get(studio.url, path)).status, path).toBe(404);
    // A page of another site that reaches this port through its own host name (DNS rebinding) is refused.
    expect((await get(studio.url, '/initial.json', 'attacker.example')).status).toBe(403);
  }, 90_000);

  it('loads the 咸宁 plan and shows every task with the status the library gives, and the counts', async () => {
    const page = await open(studio.url);
    const expected = library.evaluatePlanSync(plan(), { rules: 'four-level' });
    expect(await shownStatuses(page)).toEqual(statusesOf(expected));
    expect(await page.locator('#summary-line').textContent()).toBe(library.formatSummaryLine(expected));
    for (const entry of expected.summary.byStatus)
      expect(await page.locator(`.counts li[data-status="${entry.status}"]`).getAttribute('data-count')).toBe(String(entry.count));
    // Filter by status: only those rows.
    await page.selectOption('#filter-status', 'needs-effort');
    const rows = await page.locator('#results-table tbody tr').evaluateAll((list) => list.map((row) => (row as HTMLElement).dataset.status));
    expect(rows).toEqual(expected.results.filter((result) => result.status === 'needs-effort').map(() => 'needs-effort'));
    await expectClean(page);
    await page.close();
  }, 90_000);

  it('a threshold changed in the table view changes exactly the tasks the library says, with undo and redo', async () => {
    const page = await open(studio.url);
    const before = library.evaluatePlanSync(plan(), { rules: 'four-level' });
    const edited = fourLevel();
    const rule = edited.rules.findIndex((candidate) => candidate.name === '进度严重滞后');
    expect(edited.rules[rule]!.conditions.all[0]!.value).toBe(0.5);
    edited.rules[rule]!.conditions.all[0]!.value = 0.7;
    const after = library.evaluatePlanSync(plan(), { rules: library.parseRuleFile(edited) });
    const changed = after.results.filter((result, i) => result.status !== before.results[i]!.status).map((result) => result.taskId);
    expect(changed.length, 'the edit changes some task (else the test proves nothing)').toBeGreaterThan(0);

    const n = await edits(page);
    const input = page.locator(`[data-path="$.rules[${rule}].conditions.all[0]"] input[data-field=value]`);
    await input.fill('0.7');
    await input.press('Tab');
    await editsAfter(page, n);
    expect(await page.locator('#changed-list li').evaluateAll((list) => list.map((item) => (item as HTMLElement).dataset.task))).toEqual(changed);
    for (const entry of after.summary.byStatus) {
      const count = page.locator(`.counts li[data-status="${entry.status}"]`);
      expect(await count.getAttribute('data-count')).toBe(String(entry.count));
      expect(await count.getAttribute('data-before')).toBe(String(before.summary.byStatus.find((old) => old.status === entry.status)!.count));
    }
    expect(await page.locator('#summary-line').textContent()).toBe(library.formatSummaryLine(after));
    expect(await page.locator('#summary-line-before').textContent()).toContain(library.formatSummaryLine(before));
    // The changed tasks are highlighted in the table, before → after.
    for (const taskId of changed) expect(await page.locator(`#results-table tr[data-task="${taskId}"]`).getAttribute('class')).toContain('changed');
    expect(await shownStatuses(page)).toEqual(statusesOf(after));
    // The JSON view shows the same edit.
    await page.click('#tab-json');
    expect(await page.locator('#json-view .cm-content').isVisible()).toBe(true);
    expect(JSON.parse(await page.evaluate(() => (document.getElementById('json-view') as HTMLElement & { dubanText: () => string }).dubanText()))).toEqual(
      edited,
    );
    await page.click('#tab-table');

    await page.click('#undo');
    await editsAfter(page, n + 1);
    expect(await shownStatuses(page)).toEqual(statusesOf(before));
    await page.click('#redo');
    await editsAfter(page, n + 2);
    expect(await shownStatuses(page)).toEqual(statusesOf(after));

    // The exported rule file is the edited one, $schema and all.
    const download = page.waitForEvent('download');
    await page.click('#export-rules');
    const file = await download;
    expect(file.suggestedFilename()).toBe('four-level.json');
    const text = readFileSync((await file.path())!, 'utf8');
    expect(text).toBe(`${JSON.stringify(edited, null, 2)}\n`);
    expect(JSON.parse(text)).toEqual(edited);

    // The exported bulletin is the library's bulletin of the edited evaluation.
    const html = page.waitForEvent('download');
    await page.click('#export-html');
    expect(readFileSync((await (await html).path())!, 'utf8')).toBe(library.formatBulletin(plan(), after, { format: 'html' }));
    await expectClean(page);
    await page.close();
  }, 90_000);

  it('shows a rule with a type mistake inline, in the table and in the JSON view, and takes the fix', async () => {
    const page = await open(studio.url);
    const broken = fourLevel();
    const rule = broken.rules.findIndex((candidate) => candidate.name === '进度严重滞后');
    broken.rules[rule]!.conditions.all[0]!.value = '0.5';
    let problem = '';
    try {
      library.parseRuleFile(broken);
    } catch (error) {
      problem = (error as { issues: { path: string }[] }).issues[0]!.path;
    }
    expect(problem).toBe(`$.rules[${rule}].conditions.all[0].value`);
    const n = await edits(page);
    await page.setInputFiles('#open-rules', { name: 'my-rules.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken, null, 2)) });
    await editsAfter(page, n);
    expect(await page.locator('#rule-name').textContent()).toBe('my-rules.json');
    // Inline in the table: the value cell is marked and the message is beside it.
    const leaf = page.locator(`[data-path="$.rules[${rule}].conditions.all[0]"]`);
    expect(await leaf.locator('input[data-field=value]').getAttribute('class')).toContain('has-error');
    expect(await leaf.locator('input[data-field=value]').inputValue()).toBe('"0.5"');
    expect(await leaf.locator('.finding.error').textContent()).toContain('paceRatio');
    expect(await page.locator('#rule-check .finding.error').getAttribute('data-path')).toBe(problem);
    // The results are the last valid rules', marked as such.
    expect(await page.locator('#stale').count()).toBe(1);
    // Inline in the JSON view: a lint mark on the value "0.5"; the finding's path opens it there.
    await page.click('#rule-check .finding.error button');
    expect(await page.locator('#tab-json').getAttribute('aria-selected')).toBe('true');
    await page.waitForSelector('#json-view .cm-lintRange-error');
    expect(await page.locator('#json-view .cm-lintRange-error').first().textContent()).toBe('"0.5"');
    await page.click('#tab-table');
    // The fix, typed in the table.
    const input = page.locator(`[data-path="$.rules[${rule}].conditions.all[0]"] input[data-field=value]`);
    await input.fill('0.5');
    await input.press('Enter');
    await editsAfter(page, n + 1);
    expect(await page.locator('#rule-check .finding').count()).toBe(0);
    expect(await page.locator('#check-clean').count()).toBe(1);
    expect(await page.locator('#stale').count()).toBe(0);
    expect(await shownStatuses(page)).toEqual(statusesOf(library.evaluatePlanSync(plan(), { rules: 'four-level' })));
    await expectClean(page);
    await page.close();
  }, 90_000);

  it('explains a task with explainRules, and a what-if figure changes its status and the counts', async () => {
    const page = await open(studio.url);
    const base = plan();
    const rules = library.parseRuleFile(library.bundledRuleFileJson('four-level'));
    const evaluation = library.evaluatePlanSync(base, { rules });
    const task = base.tasks.find((candidate) => candidate.id === 'T08b')!;
    await page.click('#results-table tr[data-task="T08b"]');
    await page.waitForSelector('#explain-rules li');
    const facts = library.factsForEngine(library.computeFacts(base, task, evaluation.asOf));
    const explanation = await library.explainRules(rules, facts);
    expect(await page.locator('#explain-rules li.winner').getAttribute('data-rule')).toBe(explanation.winner);
    expect(await page.locator('#explain-rules > li').count()).toBe(explanation.rules.length);
    expect(await page.locator('#explain-reason').textContent()).toBe(explanation.reasonZh);

    // What if T08b had reported 300 by the as-of date (its target is 1 000: ahead of 序时进度)?
    const n = await edits(page);
    await page.fill('#what-if-value', '300');
    await page.click('#what-if-apply');
    await page.waitForFunction(() => document.querySelector('#summary .timing')?.textContent?.includes('T08b'));
    const raw = JSON.parse(readFileSync(join(ROOT, PLAN_FILE), 'utf8')) as { tasks: { id: string; observations?: { asOf: string; value: string }[] }[] };
    const t08b = raw.tasks.find((candidate) => candidate.id === 'T08b')!;
    t08b.observations = [...(t08b.observations ?? []).filter((observation) => observation.asOf !== evaluation.asOf), { asOf: evaluation.asOf, value: '300' }];
    const whatIf = library.evaluatePlanSync(library.parsePlan(raw), { rules });
    expect(whatIf.results.find((result) => result.taskId === 'T08b')!.status, 'the figure changes the status').not.toBe(
      evaluation.results.find((result) => result.taskId === 'T08b')!.status,
    );
    expect(await shownStatuses(page)).toEqual(statusesOf(whatIf));
    expect(await page.locator('#summary-line').textContent()).toBe(library.formatSummaryLine(whatIf));
    expect(await page.locator('#changed-list li').evaluateAll((list) => list.map((item) => (item as HTMLElement).dataset.task))).toEqual(['T08b']);
    expect(n).toBeGreaterThan(0);

    // Pinned, it becomes a rule case; the exported cases pass `duban rules test` (runRuleCases).
    await page.click('#detail-pin');
    const download = page.waitForEvent('download');
    await page.click('#export-cases');
    const cases = library.parseRuleCases(readFileSync((await (await download).path())!, 'utf8'));
    expect(cases.cases[0]!.name).toMatch(/^T08b /);
    const result = await library.runRuleCases(rules, cases);
    expect(result.failed).toBe(0);
    expect(result.passed).toBe(cases.cases.length);

    // By keyboard: Escape closes the explanation and returns to the task's row, Enter opens it again.
    await page.keyboard.press('Escape');
    expect(await page.locator('#explain-rules').count()).toBe(0);
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.task)).toBe('T08b');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#explain-rules li');
    expect(await page.locator('#detail-title').textContent()).toMatch(/^T08b /);
    await expectClean(page);
    await page.close();
  }, 90_000);

  it('without a plan: shows how to load one, reports a bad plan as duban does, switches to English', async () => {
    const bare = await startStudio([]);
    try {
      const page = await open(bare.url);
      expect(await page.locator('#no-plan').count()).toBe(1);
      const bad = JSON.parse(readFileSync(join(ROOT, PLAN_FILE), 'utf8')) as { tasks: { target: { value?: string } }[] };
      bad.tasks[0]!.target.value = 'eight';
      await page.setInputFiles('#open-plan', { name: 'bad.plan.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
      await page.waitForSelector('.duban-error');
      let issues: { path: string }[] = [];
      try {
        library.parsePlan(JSON.stringify(bad), { source: 'bad.plan.json' });
      } catch (error) {
        issues = (error as { issues: { path: string }[] }).issues;
      }
      expect(issues.length).toBeGreaterThan(0);
      expect(await page.locator('.duban-error').getAttribute('data-code')).toBe('INVALID_PLAN');
      expect(await page.locator('.duban-error li code').allTextContents()).toEqual(issues.map((issue) => issue.path));
      await page.setInputFiles('#open-plan', { name: 'xianning.plan.json', mimeType: 'application/json', buffer: readFileSync(join(ROOT, PLAN_FILE)) });
      await page.waitForSelector('#results-table');
      expect(await page.locator('.duban-error').count()).toBe(0);
      await page.click('#language');
      expect(await page.locator('h1').textContent()).toBe('duban studio — the analyst’s workbench');
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      await expectClean(page);
      await page.close();
    } finally {
      await stopStudio(bare);
    }
  }, 90_000);

  it('changes the as-of date and re-evaluates every task, as the library does at that date', async () => {
    const page = await open(studio.url);
    const n = await edits(page);
    await page.fill('#as-of', '2018-06-30');
    await editsAfter(page, n);
    const expected = library.evaluatePlanSync(plan(), { rules: 'four-level', asOf: '2018-06-30' });
    expect(await shownStatuses(page)).toEqual(statusesOf(expected));
    expect(await page.locator('#summary-line').textContent()).toBe(library.formatSummaryLine(expected));
    expect(await page.locator('#summary h2').textContent()).toContain('2018-06-30');
    await expectClean(page);
    await page.close();
  }, 90_000);

  it('the JSON view completes keys from the schema and explains keys and facts on hover', async () => {
    const page = await open(studio.url);
    await page.click('#tab-json');
    // Hover on a key: the schema's description, in Chinese.
    await page.locator('#json-view .cm-line', { hasText: '"formatVersion": 1,' }).hover({ position: { x: 60, y: 8 } });
    await page.waitForSelector('#json-view .cm-hover');
    expect(await page.locator('#json-view .cm-hover').textContent()).toContain('格式版本');
    await page.mouse.move(0, 0);
    // Hover on a fact name: its meaning, type and formula from the fact catalogue.
    await page
      .locator('#json-view .cm-line span', { hasText: /^"cancelled"$/ })
      .first()
      .hover();
    await page.waitForSelector('#json-view .cm-hover:has-text("cancelled")');
    expect(await page.locator('#json-view .cm-hover').last().textContent()).toContain('是否已取消');
    await page.mouse.move(0, 0);
    // Completion of a key at the top level of the rule file.
    await page.locator('#json-view .cm-line', { hasText: '"formatVersion": 1,' }).click();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('"');
    await page.keyboard.press('Control+Space');
    await page.waitForSelector('#json-view .cm-tooltip-autocomplete');
    const options = await page.locator('#json-view .cm-tooltip-autocomplete li').allTextContents();
    expect(options.join(' ')).toContain('"statuses"');
    expect(options.join(' ')).toContain('"rules"');
    await expectClean(page);
    await page.close();
  }, 90_000);

  it('reads a 任务分解表 workbook with duban/excel in the page, and exports the evaluation workbook and the Word bulletin', async () => {
    const excel = (await import(pathToFileURL(join(ROOT, 'dist/excel.js')).href)) as typeof import('../../src/excel/index.js');
    const page = await open(studio.url);
    const source = plan();
    const book = await excel.writePlanWorkbook(source);
    await page.setInputFiles('#open-plan', {
      name: '任务分解表.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(book),
    });
    await page.waitForFunction(() => document.getElementById('plan-name')?.textContent === '任务分解表.xlsx', undefined, { timeout: 30_000 });
    const fromBook = await excel.readPlanWorkbook(book, { source: '任务分解表.xlsx' });
    const expected = library.evaluatePlanSync(fromBook, { rules: 'four-level' });
    expect(await shownStatuses(page)).toEqual(statusesOf(expected));
    expect(await page.locator('#summary-line').textContent()).toBe(library.formatSummaryLine(expected));

    const download = page.waitForEvent('download');
    await page.click('#export-xlsx');
    const file = await download;
    expect(file.suggestedFilename()).toBe(`${fromBook.id}-${expected.asOf}.xlsx`);
    // The same sheets and cells as the workbook duban writes in Node.
    const ExcelJS = (await import('exceljs')).default;
    const read = async (bytes: Uint8Array) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
      return workbook.worksheets.map((sheet) => ({ name: sheet.name, rows: sheet.getSheetValues().map((row) => JSON.stringify(row)) }));
    };
    expect(await read(new Uint8Array(readFileSync((await file.path())!)))).toEqual(await read(await excel.writeEvaluationWorkbook(fromBook, expected)));

    // The Word bulletin (duban/docx in the page): the bytes duban writes in Node.
    const docx = (await import(pathToFileURL(join(ROOT, 'dist/docx.js')).href)) as typeof import('../../src/docx/index.js');
    const word = page.waitForEvent('download');
    await page.click('#export-docx');
    expect(new Uint8Array(readFileSync((await (await word).path())!))).toEqual(await docx.writeBulletinDocx(fromBook, expected));
    await expectClean(page);
    await page.close();
  }, 90_000);

  it("reads a workbook plan given on the command line through duban's readers, and hands a bad rule file to the page, where it is fixed in the JSON view", async () => {
    const excel = (await import(pathToFileURL(join(ROOT, 'dist/excel.js')).href)) as typeof import('../../src/excel/index.js');
    const folder = mkdtempSync(join(tmpdir(), 'duban-studio-book-'));
    const book = join(folder, '任务分解表.xlsx');
    const bytes = await excel.writePlanWorkbook(plan());
    writeFileSync(book, bytes);
    writeFileSync(join(folder, 'bad-rules.json'), '{ "formatVersion": 1, ');
    const served = await startStudio([book, '--rules', join(folder, 'bad-rules.json')]);
    try {
      const initial = JSON.parse((await get(served.url, '/initial.json')).body) as {
        plan: { name: string; text: string };
        rules: { name: string; error: { code: string; issues: { path: string }[] } };
      };
      expect(initial.plan.name).toBe('任务分解表.xlsx');
      expect(JSON.parse(initial.plan.text)).toEqual(JSON.parse(JSON.stringify(await excel.readPlanWorkbook(bytes, { source: book }))));
      // A bad rule file is the page's to report and the analyst's to fix there, not the server's to refuse.
      expect(initial.rules).toEqual({ name: 'bad-rules.json', text: '{ "formatVersion": 1, ' });
      const page = await open(served.url);
      expect(await page.locator('#rules-invalid').count()).toBe(1);
      expect(await page.locator('#rule-check .finding.error').count()).toBeGreaterThan(0);
      // Fixed by typing in the JSON view (CodeMirror): the whole file replaced by the four-level set.
      await page.click('#tab-json');
      await page.click('#json-view .cm-content');
      await page.keyboard.press('Control+A');
      const n = await edits(page);
      await page.keyboard.insertText(JSON.stringify(library.bundledRuleFileJson('four-level')));
      await editsAfter(page, n);
      expect(await page.locator('#rule-check .finding').count()).toBe(0);
      expect(await page.locator('#rules-invalid').count()).toBe(0);
      expect(await shownStatuses(page)).toEqual(statusesOf(library.evaluatePlanSync(library.parsePlan(initial.plan.text), { rules: 'four-level' })));
      await expectClean(page);
      await page.close();
    } finally {
      await stopStudio(served);
      rmSync(folder, { recursive: true, force: true });
    }
  }, 90_000);

  it('refuses a bad port as a command-line problem', async () => {
    const { spawnSync } = await import('node:child_process');
    const run = spawnSync(process.execPath, [CLI, 'studio', '--port', 'x', '--no-open'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--port');
  }, 90_000);
});
