import { todayInChina } from '../../src/pace/today.js';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { tzSnapshot } from './tz-snapshot.js';

describe('todayInChina', () => {
  it.each<[string, number, string]>([
    ['16:30 UTC on 03-31 is already 04-01 in China', Date.UTC(2018, 2, 31, 16, 30), '2018-04-01'],
    ['15:59 UTC on 03-31 is still 03-31 in China', Date.UTC(2018, 2, 31, 15, 59), '2018-03-31'],
    ['16:00 UTC is midnight in China', Date.UTC(2018, 2, 31, 16, 0), '2018-04-01'],
    ['a leap day', Date.UTC(2016, 1, 28, 16, 0), '2016-02-29'],
    ['the year end', Date.UTC(2018, 11, 31, 16, 0), '2019-01-01'],
    ['before 1970', Date.UTC(1969, 11, 31, 15, 59, 59, 999), '1969-12-31'],
  ])('knows that %s', (_name, now, date) => {
    expect(todayInChina(now)).toBe(date);
  });

  it('is the UTC date of the instant eight hours later, for any instant', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2200, 0, 1) }), (now) => {
        expect(todayInChina(now)).toBe(new Date(now + 8 * 3_600_000).toISOString().slice(0, 10));
      }),
      { numRuns: 1000 },
    );
  });

  it('defaults to the current time', () => {
    const before = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const today = todayInChina();
    const after = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    expect([before, after]).toContain(today);
  });
});

describe('computeFacts', () => {
  const planText = readFileSync(new URL('../fixtures/xianning-worked.plan.json', import.meta.url), 'utf8');
  const here = tzSnapshot(planText);

  // Each zone is a child process of its own, so the re-runs under other zones (DUBAN_TZ_RERUN) would repeat
  // exactly these five comparisons: they run in the main pass only; the in-process tests above run in every zone.
  it.skipIf(process.env.DUBAN_TZ_RERUN === '1').each([
    ['UTC', 0],
    ['Asia/Shanghai', -480],
    ['America/Los_Angeles', 480],
    ['Pacific/Kiritimati', -840],
    ['Pacific/Pago_Pago', 660],
  ])('gives the same facts, paces and dates under TZ=%s', (zone, offset) => {
    const script = `
      const { tzSnapshot } = await import(${JSON.stringify(new URL('./tz-snapshot.ts', import.meta.url).href)});
      const planText = ${JSON.stringify(planText)};
      process.stdout.write(JSON.stringify({ offset: new Date(2018, 0, 1).getTimezoneOffset(), result: tzSnapshot(planText) }));
    `;
    const output = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: new URL('../..', import.meta.url),
      env: { ...process.env, TZ: zone },
      encoding: 'utf8',
    });
    const { offset: seen, result } = JSON.parse(output) as { offset: number; result: unknown };
    expect(seen).toBe(offset);
    expect(result).toEqual(here);
  });
});
