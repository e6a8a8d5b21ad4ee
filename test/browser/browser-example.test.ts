// The browser example (examples/browser/) in headless Chromium under a strict
// Content-Security-Policy (default-src 'none'; script-src 'self', no unsafe-eval):
// it evaluates the plan with every bundled rule set and both evaluators without a
// single CSP violation (even one the code catches, such as an eval probe), and its
// results equal Node's, value for value. Debian's chromium is used through playwright-core
// (.ci/run installs it); without /usr/bin/chromium the test says it is skipped.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, requireBuiltCli } from '../hostile/run-cli.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const skipped = !hasChromium || process.env.DUBAN_TZ_RERUN === '1';
if (!hasChromium) console.warn(`browser test skipped: ${CHROMIUM} is missing (apt-get install -y chromium)`);

interface ExampleModules {
  buildBrowserExample: () => Promise<unknown>;
  serveExamples: (port?: number) => Promise<{ server: Server; url: string }>;
  CONTENT_SECURITY_POLICY: string;
}

describe.skipIf(skipped)('the browser example in headless Chromium', () => {
  let context: BrowserContext;
  let server: Server;
  let url = '';
  let csp = '';
  let userDataDir = '';

  beforeAll(async () => {
    requireBuiltCli();
    const build = (await import(pathToFileURL(join(ROOT, 'examples/browser/build.mjs')).href)) as Pick<ExampleModules, 'buildBrowserExample'>;
    const serve = (await import(pathToFileURL(join(ROOT, 'examples/browser/serve.mjs')).href)) as Omit<ExampleModules, 'buildBrowserExample'>;
    await build.buildBrowserExample();
    ({ server, url } = await serve.serveExamples(0));
    csp = serve.CONTENT_SECURITY_POLICY;
    userDataDir = mkdtempSync(join(tmpdir(), 'duban-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, {
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
    });
    // Only the local server may be reached.
    await context.route('**/*', (route) => (route.request().url().startsWith(url) ? route.continue() : route.abort()));
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    await new Promise((resolve) => (server === undefined ? resolve(undefined) : server.close(resolve)));
    if (userDataDir !== '') rmSync(userDataDir, { recursive: true, force: true });
  });

  it('is served with a policy that forbids everything by default, eval and inline scripts', () => {
    expect(csp.split(';').map((directive) => directive.trim())).toEqual(expect.arrayContaining(["default-src 'none'", "script-src 'self'"]));
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|wasm-unsafe-eval|\*|data:|blob:/);
    // The page repeats the policy in a meta element, so it holds however the page is served.
    const html = readFileSync(join(ROOT, 'examples/browser/index.html'), 'utf8');
    expect(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1]).toBe(csp);
  });

  it('evaluates the plan with every bundled rule set and both evaluators, exactly as Node does', async () => {
    const page = await context.newPage();
    // Registered before any of the page's scripts run: every violation of the policy, including
    // those the code catches (an eval probe inside try/catch logs nothing to the console).
    await page.addInitScript(() => {
      const seen: { directive: string; blocked: string; source: string; line: number }[] = [];
      (globalThis as { __dubanCspViolations?: typeof seen }).__dubanCspViolations = seen;
      globalThis.addEventListener(
        'securitypolicyviolation',
        (event) => seen.push({ directive: event.violatedDirective, blocked: event.blockedURI, source: event.sourceFile, line: event.lineNumber }),
        { capture: true },
      );
    });
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
    const response = await page.goto(`${url}browser/`);
    expect(response?.headers()['content-security-policy']).toBe(csp);
    await page.waitForFunction(() => document.documentElement.dataset.dubanStatus !== undefined, undefined, { timeout: 30_000 });
    const status = await page.evaluate(() => document.documentElement.dataset.dubanStatus);
    const statusText = await page.locator('#status').textContent();
    // Violation events are queued as tasks: let any still pending be dispatched before reading them.
    const violations = await page.evaluate(async () => {
      for (let i = 0; i < 3; i++) await new Promise((resolve) => setTimeout(resolve, 10));
      return (globalThis as { __dubanCspViolations?: unknown[] }).__dubanCspViolations;
    });
    expect(violations, 'the listener was installed before the page ran').toBeDefined();
    expect(status, `the page reported: ${statusText}; ${problems.join('; ')}`).toBe('done');
    expect(violations, 'Content-Security-Policy violations').toEqual([]);
    expect(problems).toEqual([]);

    const inBrowser = JSON.parse((await page.locator('#duban-results').textContent()) ?? 'null') as Record<string, Record<string, unknown>>;
    const library = (await import(pathToFileURL(join(ROOT, 'dist/index.js')).href)) as typeof import('../../src/index.js');
    const plan = library.parsePlan(readFileSync(join(ROOT, 'examples/xianning-2018-q1.plan.json'), 'utf8'));
    expect(Object.keys(inBrowser)).toEqual([...library.BUNDLED_RULE_SET_IDS]);
    for (const rules of library.BUNDLED_RULE_SET_IDS) {
      expect(Object.keys(inBrowser[rules]!)).toEqual([...library.ENGINE_CHOICES]);
      for (const engine of library.ENGINE_CHOICES) {
        const inNode = JSON.parse(JSON.stringify(await library.evaluatePlan(plan, { rules, engine })));
        expect(inBrowser[rules]![engine], `${rules} with ${engine}`).toEqual(inNode);
      }
    }

    // What people see: one table per rule set, one row per task.
    expect(await page.locator('#rule-sets h2').count()).toBe(library.BUNDLED_RULE_SET_IDS.length);
    expect(await page.locator('#rule-sets tbody tr').count()).toBe(library.BUNDLED_RULE_SET_IDS.length * plan.tasks.length);
    await page.close();
  }, 60_000);
});
