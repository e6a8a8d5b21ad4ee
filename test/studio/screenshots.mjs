// Takes the screenshots of docs/studio.md (docs/images/studio-*.png) in headless Chromium:
// the workbench on the 咸宁 plan, a threshold changed in the decision table, a type mistake
// shown in the JSON view, and the explanation of one task.
//
//   npm run build && node test/studio/screenshots.mjs   (pngquant, if installed, makes them smaller)
/* global document, window, URL, process, console */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('../..', import.meta.url));
const images = `${root}docs/images/`;

const child = spawn(process.execPath, [`${root}bin/duban.js`, 'studio', 'examples/xianning-2018-q1.plan.json', '--no-open', '--port', '0'], {
  cwd: root,
  stdio: ['ignore', 'pipe', 'inherit'],
});
const url = await new Promise((resolve) => {
  let out = '';
  child.stdout.on('data', (chunk) => {
    out += chunk;
    const found = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
    if (found) resolve(found[0]);
  });
});
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  const edits = () => page.evaluate(() => Number(document.documentElement.dataset.edits ?? '0'));
  const settle = async (before) => {
    await page.waitForFunction((n) => Number(document.documentElement.dataset.edits ?? '0') > n, before);
    await page.waitForTimeout(200);
  };
  await page.goto(url);
  await page.waitForSelector('#results-table');
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${images}studio-workbench.png` });

  // The threshold of 进度严重滞后 from 0.5 to 0.7, in the decision table.
  let n = await edits();
  const input = page.locator('[data-path="$.rules[6].conditions.all[0]"] input[data-field=value]');
  await input.scrollIntoViewIfNeeded();
  await input.fill('0.7');
  await input.press('Enter');
  await settle(n);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.selectOption('#sort', 'changed');
  await page.waitForTimeout(200);
  await page.screenshot({ path: `${images}studio-changed.png` });

  // A type mistake: "0.7" as text, shown in the table and, through the finding, in the JSON view.
  n = await edits();
  await input.fill('"0.7"');
  await input.press('Enter');
  await settle(n);
  await page.click('#rule-check .finding.error button');
  await page.waitForSelector('#json-view .cm-lintRange-error');
  await page.hover('#json-view .cm-lintRange-error');
  await page.waitForTimeout(600);
  await page.locator('.rules-pane').screenshot({ path: `${images}studio-json-error.png` });

  // Back to a valid file; the explanation of T08b.
  await page.click('#undo');
  await page.waitForTimeout(300);
  await page.click('#tab-table');
  await page.click('#results-table tr[data-task="T08b"]');
  await page.waitForSelector('#explain-rules li');
  await page.locator('#detail').scrollIntoViewIfNeeded();
  await page.waitForTimeout(200);
  await page.locator('#detail').screenshot({ path: `${images}studio-explain.png` });
} finally {
  await browser.close();
  child.kill('SIGINT');
}

// Smaller files for the repository: pngquant (Debian's package) when it is there.
const names = ['workbench', 'changed', 'json-error', 'explain'].map((name) => `${images}studio-${name}.png`);
if (existsSync('/usr/bin/pngquant'))
  spawnSync('/usr/bin/pngquant', ['--quality', '60-85', '--strip', '--force', '--ext', '.png', ...names], { stdio: 'inherit' });
else console.warn('pngquant is not installed (apt-get install pngquant): the screenshots are left as Chromium wrote them');
