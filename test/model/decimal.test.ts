import { describe, expect, it } from 'vitest';
import { isCalendarDate } from '../../src/index.js';
import { compareDecimals, parseDecimal } from '../../src/model/decimal.js';

describe('parseDecimal', () => {
  it.each<[unknown, string]>([
    ['8.5', '8.5'],
    ['-3.5', '-3.5'],
    ['1e3', '1000'],
    ['+2', '2'],
    ['-0', '0'],
    ['0.10', '0.1'],
    ['1e-30', '0.000000000000000000000000000001'],
    [0.1, '0.1'],
    [0.30000000000000004, '0.30000000000000004'],
    [1e21, '1000000000000000000000'],
    [-0, '0'],
    [5e-324, `0.${'0'.repeat(323)}5`],
  ])('reads %j exactly as %j', (input, expected) => {
    expect(parseDecimal(input)).toBe(expected);
  });

  it.each<[unknown]>([
    [Number.NaN],
    [Number.POSITIVE_INFINITY],
    [Number.NEGATIVE_INFINITY],
    ['NaN'],
    ['Infinity'],
    [''],
    [' '],
    ['3.5%'],
    ['8.5 '],
    ['1,000'],
    ['0x10'],
    ['e3'],
    [null],
    [true],
    [[1]],
  ])('rejects %j', (input) => {
    expect(parseDecimal(input)).toBeUndefined();
  });
});

describe('compareDecimals', () => {
  it.each<[string, string, -1 | 0 | 1]>([
    ['0.1', '0.10', 0],
    ['-3.5', '-4.02', 1],
    ['2.9', '3.5', -1],
    ['100000000000000000000.1', '100000000000000000000', 1],
  ])('compares %s with %s as %i', (a, b, expected) => {
    expect(compareDecimals(a, b)).toBe(expected);
  });
});

describe('isCalendarDate', () => {
  it.each(['2018-01-01', '2016-02-29', '2000-02-29', '2018-12-31'])('accepts %s', (date) => {
    expect(isCalendarDate(date)).toBe(true);
  });

  it.each(['2018-02-30', '2018-13-01', '2019-02-29', '1900-02-29', '2018-00-10', '2018-04-31', '2018-3-31', '20180331', '2018-03-31T00:00:00Z', ' 2018-03-31'])(
    'rejects %s',
    (date) => {
      expect(isCalendarDate(date)).toBe(false);
    },
  );
});
