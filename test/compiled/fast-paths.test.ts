import Decimal from 'decimal.js';
import { isExists } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCalendarDate } from '../../src/index.js';
import { parseDecimal } from '../../src/model/decimal.js';

const Exact = Decimal.clone({ precision: 1000 });
const reference = (text: string) => {
  const value = new Exact(text);
  return value.isZero() ? '0' : value.toFixed();
};

describe('parseDecimal fast path', () => {
  it('normalises plain decimals exactly as decimal.js does', () => {
    const plain = fc
      .tuple(fc.boolean(), fc.stringMatching(/^\d{1,30}$/), fc.option(fc.stringMatching(/^\d{1,30}$/), { nil: undefined }))
      .map(([negative, whole, fraction]) => `${negative ? '-' : ''}${whole}${fraction === undefined ? '' : `.${fraction}`}`);
    fc.assert(
      fc.property(plain, (text) => {
        expect(parseDecimal(text)).toBe(reference(text));
      }),
      { numRuns: 5000 },
    );
  });

  it.each([
    ['-0', '0'],
    ['-0.00', '0'],
    ['007', '7'],
    ['7.50', '7.5'],
    ['-000.0100', '-0.01'],
    ['1000', '1000'],
  ])('reads %s as %s', (text, expected) => expect(parseDecimal(text)).toBe(expected));
});

describe('isCalendarDate fast path', () => {
  it('agrees with date-fns isExists on every day of 1999–2001 and of 2100, plus out-of-range parts', () => {
    const cases: string[] = [];
    for (const year of [1999, 2000, 2001, 2100])
      for (let month = 0; month <= 13; month++)
        for (let day = 0; day <= 32; day++) cases.push(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
    for (const text of cases) {
      const [year, month, day] = text.split('-').map(Number) as [number, number, number];
      expect({ text, valid: isCalendarDate(text) }).toEqual({ text, valid: month >= 1 && month <= 12 && day >= 1 && isExists(year, month - 1, day) });
    }
  });

  it('reads exactly the strings the pattern /^\\d{4}-\\d{2}-\\d{2}$/ reads, digits only', () => {
    const reference = (text: string) => {
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
      if (match === null) return false;
      const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
      return year >= 1000 && month >= 1 && month <= 12 && day >= 1 && isExists(year, month - 1, day);
    };
    const char = fc.constantFrom('0', '1', '2', '3', '9', '-', '/', ' ', '٣', '０', 'a', '+', '.');
    const text = fc.oneof(
      fc.array(char, { minLength: 8, maxLength: 12 }).map((chars) => chars.join('')),
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
      fc.string(),
    );
    fc.assert(
      fc.property(text, (value) => {
        expect(isCalendarDate(value)).toBe(reference(value));
      }),
      { numRuns: 20_000 },
    );
  });
});

describe('parseDecimal on strings already normal', () => {
  it('returns exactly what decimal.js normalisation returns, for any short string of digits, signs and points', () => {
    const char = fc.constantFrom('0', '0', '1', '5', '9', '-', '.', '+', ' ');
    const text = fc.oneof(
      fc.array(char, { minLength: 1, maxLength: 12 }).map((chars) => chars.join('')),
      fc.stringMatching(/^-?(0|[1-9]\d{0,28})(\.\d{0,20}[1-9])?$/),
    );
    fc.assert(
      fc.property(text, (value) => {
        const plain = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/.test(value);
        expect(parseDecimal(value)).toBe(plain ? reference(value) : undefined);
      }),
      { numRuns: 20_000 },
    );
  });

  it.each(['0', '-0', '0.5', '-0.5', '00', '0.50', '1.', '.5', '10', '-10.01', '1e3', '0.0', '-0.0'])('reads %s as decimal.js does', (text) => {
    expect(parseDecimal(text)).toBe(reference(text));
  });

  it.each(['-', '', '.', '-.', '0-', '1-', '--1', '1..2', '+-1'])('refuses %j', (text) => {
    expect(parseDecimal(text)).toBeUndefined();
  });
});
