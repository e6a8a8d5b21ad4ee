// Renders the Word bulletin of 咸宁 (seed 003) headless with LibreOffice (Debian's
// soffice, package libreoffice-writer-nogui) to PDF, and reads the PDF back with
// poppler-utils (pdfinfo, pdftotext -bbox): the page size, the page count, the
// text, where the text sits on the page and the page numbers.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBulletinDocx } from '../../src/docx/index.js';
import { countsSentence, listName } from '../../src/report/bulletin-document.js';
import { evaluatePlan, summarizeEvaluation, type Evaluation, type Plan } from '../../src/index.js';
import { loadExample } from './helpers.js';

const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((path) => existsSync(path));
const POPPLER = ['/usr/bin/pdftotext', '/usr/bin/pdfinfo'].every((path) => existsSync(path));
const missing = SOFFICE === undefined || !POPPLER;
const why = missing
  ? ` (skipped: ${SOFFICE === undefined ? "soffice not found; install Debian's libreoffice-writer-nogui" : 'pdftotext/pdfinfo not found; install poppler-utils'} to run it)`
  : '';

const PT_PER_MM = 72 / 25.4;
const indicators = { categories: ['1-1'] };

interface Word {
  readonly page: number;
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
  readonly yMax: number;
  readonly text: string;
}

let work = '';
let plan: Plan;
let evaluation: Evaluation;
let pdf = '';
let seconds = 0;

beforeAll(() => {
  if (missing || process.env.DUBAN_TZ_RERUN === '1') return;
  work = mkdtempSync(join(tmpdir(), 'duban-soffice-'));
}, 10_000);

afterAll(() => {
  if (work !== '') rmSync(work, { recursive: true, force: true });
});

/** The words of every page with their boxes in points, from pdftotext -bbox. */
function words(file: string): Word[] {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
  const out: Word[] = [];
  let page = 0;
  for (const match of html.matchAll(/<page [^>]*>|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
    if (match[0].startsWith('<page')) page++;
    else out.push({ page, xMin: Number(match[1]), yMin: Number(match[2]), xMax: Number(match[3]), yMax: Number(match[4]), text: match[5]! });
  }
  return out;
}

// The rendering does not depend on the zone (the .docx bytes are the same under every zone, see
// sample-outputs.test.ts), so it runs once, in the main pass, not in the time-zone reruns.
describe.skipIf(process.env.DUBAN_TZ_RERUN === '1')('the Word bulletin in LibreOffice', () => {
  it.skipIf(missing)(
    `converts to PDF headless${why}`,
    async () => {
      plan = loadExample('xianning-2018-q1.plan.json');
      evaluation = await evaluatePlan(plan, { asOf: '2018-03-31', rules: 'four-level' });
      const docx = join(work, 'xianning.docx');
      writeFileSync(docx, await writeBulletinDocx(plan, evaluation, { mainIndicators: indicators }));
      const started = performance.now();
      // A fresh profile, so no user settings (or a running LibreOffice) interfere.
      const result = spawnSync(
        SOFFICE!,
        [`-env:UserInstallation=${pathToFileURL(join(work, 'profile')).href}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', work, docx],
        { encoding: 'utf8', timeout: 60_000 },
      );
      seconds = (performance.now() - started) / 1000;
      pdf = join(work, 'xianning.pdf');
      expect(existsSync(pdf), `soffice exited ${result.status} ${result.signal ?? ''}: ${result.stderr}`).toBe(true);
      expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(seconds).toBeLessThan(30);
    },
    70_000,
  );

  it.skipIf(missing)(`is A4, every page, and as many pages as its text needs${why}`, () => {
    const info = execFileSync('pdfinfo', ['-l', '99', pdf], { encoding: 'utf8' });
    const pages = Number(/^Pages:\s+(\d+)$/m.exec(info)![1]);
    const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((match) => [Number(match[1]), Number(match[2])]);
    expect(sizes).toHaveLength(pages);
    for (const [width, height] of sizes) {
      expect(Math.abs(width! / PT_PER_MM - 210)).toBeLessThan(0.5);
      expect(Math.abs(height! / PT_PER_MM - 297)).toBeLessThan(0.5);
    }
    // At most 22 lines of 28 characters a page: the body text alone needs at least this many pages.
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    const characters = [...text.replace(/\s/g, '')].length;
    expect(pages).toBeGreaterThanOrEqual(Math.ceil(characters / (22 * 28 * 1.6)));
    expect(pages).toBeGreaterThanOrEqual(4);
    expect(pages).toBeLessThanOrEqual(14);
  });

  it.skipIf(missing)(`holds the title, the counts sentence and every task's name${why}`, () => {
    // Page numbers (— 2 —) come out of pdftotext wherever a page breaks, also inside a name.
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s/g, '').replace(/—\d+—/g, '');
    const summary = summarizeEvaluation(plan, evaluation, { mainIndicators: indicators });
    expect(text).toContain(`${plan.title}落实情况通报`.replace(/\s/g, ''));
    expect(text).toContain(`从督查情况看，${countsSentence(summary.overall.total, summary.overall)}。`);
    // Punctuation hung into the margin at a line's end can drop out of the PDF's text layer: names are compared without it.
    const bare = (value: string) => value.replace(/\p{P}/gu, '');
    for (const task of plan.tasks) expect(bare(text), task.id).toContain(bare(listName(task.title).replace(/\s/g, '')));
  });

  it.skipIf(missing)(`keeps the text inside the 版心 (天头 37 mm, 订口 28 mm, 156 × 225 mm) with 22 lines of at most 28 characters a page${why}`, () => {
    const all = words(pdf);
    const pages = Math.max(...all.map((word) => word.page));
    const left = 28 * PT_PER_MM;
    const right = (28 + 156) * PT_PER_MM;
    const top = 37 * PT_PER_MM;
    const bottom = (37 + 225) * PT_PER_MM;
    const body = all.filter((word) => word.yMax <= bottom + 1);
    const feet = all.filter((word) => word.yMax > bottom + 1);
    expect(body.length + feet.length).toBe(all.length);
    for (const word of body) {
      expect(word.xMin, word.text).toBeGreaterThanOrEqual(left - 0.5);
      // Closing punctuation may hang in the margin by one character, as in Word (允许标点溢出边界).
      const hangs = /[、，。；：！？）》”,.;:!?)]$/.test(word.text);
      expect(word.xMax, word.text).toBeLessThanOrEqual(right + (hangs ? 16.5 : 0.5));
      expect(word.yMin, word.text).toBeGreaterThanOrEqual(top);
    }
    // Lines start at the 订口 and justified lines reach the right edge of the 版心.
    expect(Math.min(...body.map((word) => word.xMin)) / PT_PER_MM).toBeCloseTo(28, 0);
    expect(Math.max(...body.filter((word) => word.xMax <= right + 0.5).map((word) => word.xMax)) / PT_PER_MM).toBeCloseTo(184, 0);
    // Page 2 is all body text: 22 lines, 579 twips (28.95 pt) apart.
    const lines = [...new Set(body.filter((word) => word.page === 2).map((word) => word.yMin.toFixed(1)))].map(Number).sort((a, b) => a - b);
    expect(lines).toHaveLength(22);
    for (let i = 1; i < lines.length; i++) expect(lines[i]! - lines[i - 1]!).toBeCloseTo(28.95, 0);
    // A full line of Chinese text holds 28 characters, never 29 (closing punctuation hanging in the margin aside).
    const byLine = new Map<string, Word[]>();
    for (const word of body) {
      const key = `${word.page}:${word.yMin.toFixed(1)}`;
      byLine.set(key, [...(byLine.get(key) ?? []), word]);
    }
    const chinese = [...byLine.values()].filter(
      (line) => line.every((word) => /^[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”、]+$/.test(word.text)) && line[0]!.yMax - line[0]!.yMin > 16,
    );
    const inside = (line: Word[]) => [...line.map((word) => word.text).join('')].length - (Math.max(...line.map((word) => word.xMax)) > right + 0.5 ? 1 : 0);
    const longest = Math.max(...chinese.map(inside));
    expect(longest).toBe(28);
    expect(pages).toBeGreaterThan(2);
  });

  it.skipIf(missing)(`numbers every page — n — in the foot, 7 mm below the 版心, odd pages right and even pages left${why}`, () => {
    const all = words(pdf);
    const pages = Math.max(...all.map((word) => word.page));
    const bottom = (37 + 225) * PT_PER_MM;
    for (let page = 1; page <= pages; page++) {
      const foot = all.filter((word) => word.page === page && word.yMin > bottom);
      expect(
        foot.map((word) => word.text),
        `page ${page}`,
      ).toEqual(['—', String(page), '—']);
      const xMin = Math.min(...foot.map((word) => word.xMin)) / PT_PER_MM;
      const xMax = Math.max(...foot.map((word) => word.xMax)) / PT_PER_MM;
      // One 4号 character (4.94 mm) in from the edge of the 版心.
      if (page % 2 === 1) expect(184 - xMax, `page ${page}`).toBeCloseTo(4.94, 0);
      else expect(xMin - 28, `page ${page}`).toBeCloseTo(4.94, 0);
      const gap = Math.min(...foot.map((word) => word.yMin)) / PT_PER_MM - (37 + 225);
      expect(gap, `page ${page}`).toBeGreaterThan(5);
      expect(gap, `page ${page}`).toBeLessThan(9);
    }
  });
});
