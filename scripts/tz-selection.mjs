// Runs the test files whose results can depend on the machine's time zone under zones east and
// west of UTC (the main pass runs every test under the machine's own zone).
//
// Which files can depend on it: nothing in src/ but src/excel can read the zone — eslint.config.js
// bans the local-time Date methods, new Date(…), Date(), Date.parse, Date.now and
// Intl.DateTimeFormat in the library and in src/cli (library dates are calendar strings and day
// numbers, src/pace/calendar.ts; the one clock read, todayInChina's default, carries an
// eslint-disable and becomes a UTC+8 day number). What can still see the zone is beyond that ban:
//   - src/excel (its Date conversions, and exceljs's dates),
//   - src/docx (the docx package zips with local-time timestamps, normalised by
//     src/excel/zip-timestamps.ts),
// so a test file runs under the zones when it, or a test helper it imports, reaches one of them:
// imports src/excel or src/docx (or duban/excel, duban/docx), asks the CLI for a workbook, a plan
// CSV table or a Word file — or is about the zone itself (test/pace/today.test.ts). The clock is
// not the zone: todayInChina(now) is arithmetic on a number, the same under every TZ. A CLI test
// that does none of these runs once: the CLI itself has no Date use (lint). The list is computed
// from the files, so a new test is picked up.
// date-fns (isExists, src/model/calendar-date.ts) builds a local Date, but only for 29 February,
// and no zone has ever skipped a whole 29 February.
//
// vitest.config.ts turns the selection into one vitest project per zone (pool forks, so each
// worker process starts with its TZ), run in the same vitest run as the main suite.
// `node scripts/test-timezones.mjs --list` prints the selection and why, without running it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
/** The zones the selected files re-run under (DUBAN_TZ_SUITE=zone,zone overrides them). */
export const SUITE_ZONES = (process.env.DUBAN_TZ_SUITE ?? 'Asia/Shanghai,Pacific/Pago_Pago').split(',');

const REACHES_ZONE = [
  { reason: 'src/excel or src/docx', pattern: /src\/(excel|docx)\/|['"]duban\/(excel|docx)['"]/ },
  { reason: 'a workbook, plan CSV or Word file through the CLI', pattern: /import-excel|export-excel|\.xlsx|\.docx|--format['", ]+(xlsx|docx)|workbook/i },
  { reason: 'about the zone itself', pattern: /tzSnapshot|\bTZ\b/ },
];

// Run once, in the main pass: the browser, packaging and hostile-input suites (the hostile suite's
// time-zones-and-locales.test.ts itself runs the CLI under other zones and LANG=C), and files that
// skip themselves under DUBAN_TZ_RERUN.
const SKIPPED_DIRS = new Set(['test/browser', 'test/package', 'test/hostile', 'test/fixtures']);

function testFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return SKIPPED_DIRS.has(relative(root, path).replaceAll('\\', '/')) ? [] : testFiles(path);
    return name.endsWith('.test.ts') ? [path] : [];
  });
}

/** The file's text and the text of the test helpers it imports (relative .ts/.js imports inside test/), transitively. */
function withHelpers(file, seen = new Set()) {
  if (seen.has(file)) return '';
  seen.add(file);
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return '';
  }
  const helpers = [...text.matchAll(/from '(\.{1,2}\/[^']+)'/g)]
    .map((match) => resolve(dirname(file), match[1].replace(/\.js$/, '.ts')))
    .filter((path) => path.startsWith(join(root, 'test')) && path.endsWith('.ts'));
  return [text, ...helpers.map((helper) => withHelpers(helper, seen))].join('\n');
}

/** The test files that can reach the zone (paths relative to the repository, with `/`), each with why. */
export function zoneSensitiveTestFiles() {
  const selected = [];
  for (const file of testFiles(join(root, 'test')).sort()) {
    const text = withHelpers(file);
    if (/describe\.skipIf\(process\.env\.DUBAN_TZ_RERUN === '1'\)\(/.test(readFileSync(file, 'utf8'))) continue;
    const reasons = REACHES_ZONE.filter(({ pattern }) => pattern.test(text)).map(({ reason }) => reason);
    if (reasons.length > 0) selected.push({ file: relative(root, file).replaceAll('\\', '/'), reasons });
  }
  return selected;
}

/** The vitest project name of the re-run under a zone. */
export const zoneProject = (zone) => `tz:${zone}`;
