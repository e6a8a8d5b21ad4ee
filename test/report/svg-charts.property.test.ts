// The bulletin's charts on extreme numbers: rates and progress of 400 digits,
// 400 decimals, past the largest double, values far apart or nearly equal. No attribute
// may ever be NaN or Infinity, and every coordinate stays inside the chart.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../../src/index.js';
import { indicatorBulletSvg, progressBulletSvg, statusBarsSvg, trendLineSvg } from '../../src/report/svg-charts.js';

/** A plain decimal (no exponent: duban's facts are written so): `digits × 10^zeros / 10^scale`. */
function plainDecimal(digits: bigint, zeros: number, scale: number): string {
  const text = `${digits < 0n ? -digits : digits}${'0'.repeat(zeros)}`.padStart(scale + 1, '0');
  const body = scale === 0 ? text : `${text.slice(0, text.length - scale)}.${text.slice(text.length - scale)}`;
  return `${digits < 0n ? '-' : ''}${body}`;
}

/** Decimal strings as duban's facts hold them, from ordinary to absurd: 400 digits, 400 decimals, past what a double holds. */
const decimal = fc.oneof(
  fc.constantFrom(
    '0',
    '-0',
    '1',
    '-1',
    '0.5',
    '8',
    '8.000000000000001',
    '9'.repeat(400),
    `-${'9'.repeat(400)}`,
    `0.${'0'.repeat(400)}1`,
    `-0.${'0'.repeat(400)}1`,
    `1${'0'.repeat(308)}`,
    `17976931348623157${'0'.repeat(292)}`,
    `-17976931348623159${'0'.repeat(292)}`,
  ),
  fc
    .tuple(fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }), fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 400 }))
    .map(([digits, zeros, scale]) => plainDecimal(digits, zeros, scale)),
);
const tone = fc.constantFrom('done', 'good', 'warn', 'bad', 'none', 'off', 'other') as fc.Arbitrary<
  'done' | 'good' | 'warn' | 'bad' | 'none' | 'off' | 'other'
>;

/** Every number-valued attribute of an SVG, and the points of its polylines. */
function numbersOf(svg: string): string[] {
  const attributes = [...svg.matchAll(/\s(?:x|y|x1|x2|y1|y2|cx|cy|r|width|height)="([^"]*)"/g)].map((match) => match[1]!);
  const points = [...svg.matchAll(/points="([^"]*)"/g)].flatMap((match) => match[1]!.split(/[ ,]/));
  return [...attributes, ...points];
}

function expectFinite(svg: string, width: number, height: number): void {
  expect(svg).not.toMatch(/NaN|Infinity/);
  // A negative width, height or radius is an SVG error.
  expect(svg).not.toMatch(/\s(?:width|height|r)="-/);
  for (const text of numbersOf(svg)) {
    expect(text).toMatch(/^-?\d+(?:\.\d)?$/);
    const value = Number(text);
    expect(value).toBeGreaterThanOrEqual(-1);
    expect(value).toBeLessThanOrEqual(Math.max(width, height) + 1);
  }
}

const LONG = process.env.DUBAN_FUZZ === 'long';
const RUNS = { numRuns: LONG ? 20_000 : 400 };
/** The long run takes minutes on a loaded machine. */
const TIMEOUT = LONG ? 900_000 : 30_000;

describe('svg charts on extreme numbers', () => {
  it(
    'progressBulletSvg',
    () => {
      fc.assert(
        fc.property(decimal, decimal, tone, (progress, expected, colour) => {
          expectFinite(progressBulletSvg({ taskId: 'T', title: 't', label: 'l', progress, expected, tone: colour }), 320, 30);
        }),
        RUNS,
      );
    },
    TIMEOUT,
  );

  it(
    'indicatorBulletSvg',
    () => {
      fc.assert(
        fc.property(decimal, decimal, fc.option(decimal), tone, (value, target, tolerance, colour) => {
          expectFinite(
            indicatorBulletSvg({ taskId: 'T', title: 't', label: 'l', value, target, unit: '%', targetText: `${target}%`, tolerance, tone: colour }),
            320,
            30,
          );
        }),
        RUNS,
      );
    },
    TIMEOUT,
  );

  it(
    'trendLineSvg',
    () => {
      const dates = ['2024-03-31', '2024-06-30', '2024-09-30'] as CalendarDate[];
      fc.assert(
        fc.property(
          fc.constantFrom('progress', 'rate') as fc.Arbitrary<'progress' | 'rate'>,
          fc.array(fc.option(decimal), { minLength: 3, maxLength: 3 }),
          fc.array(fc.option(decimal), { minLength: 3, maxLength: 3 }),
          (mode, actual, expected) => {
            expectFinite(trendLineSvg({ taskId: 'T', title: 't', mode, unit: '%', dates, actual, expected, tone: 'good' }), 360, 170);
          },
        ),
        RUNS,
      );
    },
    TIMEOUT,
  );

  it(
    'statusBarsSvg',
    () => {
      fc.assert(
        fc.property(fc.array(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), { minLength: 1, maxLength: 6 }), (counts) => {
          const svg = statusBarsSvg(
            counts.map((count) => ({ label: '状态', count, tone: 'good' as const })),
            1,
          );
          expect(svg).not.toMatch(/NaN|Infinity/);
        }),
        RUNS,
      );
    },
    TIMEOUT,
  );

  it('the named cases: progress of ±400 digits, a rate of 400 digits against 8, values 1e-401 apart, ±1e308', () => {
    const huge = '9'.repeat(400);
    const tiny = `0.${'0'.repeat(400)}1`;
    for (const [progress, expected] of [
      [huge, '0.5'],
      [`-${huge}`, '0.5'],
      ['0.5', huge],
    ])
      expectFinite(progressBulletSvg({ taskId: 'T', title: 't', label: 'l', progress: progress!, expected: expected!, tone: 'bad' }), 320, 30);
    for (const [value, target] of [
      [huge, '8'],
      [`-${huge}`, huge],
      [tiny, `0.${'0'.repeat(400)}2`],
      [`1${'0'.repeat(308)}`, `-1${'0'.repeat(308)}`],
    ]) {
      expectFinite(
        indicatorBulletSvg({
          taskId: 'T',
          title: 't',
          label: 'l',
          value: value!,
          target: target!,
          unit: '%',
          targetText: target!,
          tolerance: huge,
          tone: 'bad',
        }),
        320,
        30,
      );
    }
  });
});
