import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatFraction } from '../../src/index.js';
import { fraction } from '../../src/pace/fraction.js';

describe('formatFraction', () => {
  it.each<[bigint, bigint, string]>([
    [0n, 1n, '0'],
    [0n, 7n, '0'],
    [1n, 1n, '1'],
    [1n, 4n, '0.25'],
    [-3n, 10n, '-0.3'],
    [11n, 40n, '0.275'],
    [26n, 119n, '0.21848739495798319328'],
    [2n, 3n, '0.66666666666666666667'],
    [-2n, 3n, '-0.66666666666666666667'],
    [1n, 3n, '0.33333333333333333333'],
    [200n, 1n, '200'],
    [1000n, 1n, '1000'],
    [-1000n, 1n, '-1000'],
  ])('writes %i/%i as %s', (n, d, text) => {
    expect(formatFraction(fraction(n, d))).toBe(text);
  });

  it('writes a value that terminates within 20 significant digits exactly', () => {
    expect(formatFraction(fraction(12345678901234567891n, 10n ** 10n))).toBe('1234567890.1234567891');
    expect(formatFraction(fraction(-12345678901234567891n, 10n ** 25n))).toBe('-0.0000012345678901234567891');
  });

  it('rounds half-even at the 21st significant digit', () => {
    expect(formatFraction(fraction(100000000000000000005n, 10n ** 20n))).toBe('1');
    expect(formatFraction(fraction(100000000000000000015n, 10n ** 20n))).toBe('1.0000000000000000002');
    expect(formatFraction(fraction(100000000000000000025n, 10n ** 20n))).toBe('1.0000000000000000002');
    expect(formatFraction(fraction(-100000000000000000015n, 10n ** 20n))).toBe('-1.0000000000000000002');
    expect(formatFraction(fraction(100000000000000000016n, 10n ** 20n))).toBe('1.0000000000000000002');
    expect(formatFraction(fraction(100000000000000000014n, 10n ** 20n))).toBe('1.0000000000000000001');
    expect(formatFraction(fraction(999999999999999999995n, 10n ** 20n))).toBe('10');
    expect(formatFraction(fraction(999999999999999999985n, 10n ** 20n))).toBe('9.9999999999999999998');
  });

  it('never writes an exponent for very small values', () => {
    expect(formatFraction(fraction(1n, 10n ** 30n))).toBe(`0.${'0'.repeat(29)}1`);
    expect(formatFraction(fraction(-1n, 3n * 10n ** 30n))).toBe(`-0.${'0'.repeat(30)}33333333333333333333`);
  });

  it('never writes an exponent for very large values', () => {
    expect(formatFraction(fraction(10n ** 25n))).toBe('10000000000000000000000000');
    expect(formatFraction(fraction(123456789012345678901234n))).toBe('123456789012345678900000');
    expect(formatFraction(fraction(10n ** 25n, 3n))).toBe('3333333333333333333300000');
  });

  it('removes trailing zeros', () => {
    expect(formatFraction(fraction(2500n, 10000n))).toBe('0.25');
    expect(formatFraction(fraction(1n, 5n))).toBe('0.2');
    expect(formatFraction(fraction(10n, 1n))).toBe('10');
  });

  it('agrees with a direct half-even rounding to 20 significant digits on random fractions', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }), fc.bigInt({ min: 1n, max: 10n ** 30n }), (n, d) => {
        const text = formatFraction(fraction(n, d));
        expect(text).toMatch(/^-?(0|[1-9]\d*)(\.\d*[1-9])?$/);
        expect(text).toBe(roundTo20(n, d));
      }),
      { numRuns: 1000 },
    );
  });

  it('agrees with a direct rounding on terminating decimals around the 20-digit limit', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 22n), max: 10n ** 22n }), fc.integer({ min: 0, max: 40 }), (n, places) => {
        expect(formatFraction(fraction(n, 10n ** BigInt(places)))).toBe(roundTo20(n, 10n ** BigInt(places)));
      }),
      { numRuns: 1000 },
    );
  });
});

/** An independent model of the output rule: `n/d` rounded half-even to 20 significant digits, plain notation, no trailing zeros. */
function roundTo20(n: bigint, d: bigint): string {
  if (n === 0n) return '0';
  const negative = n < 0n;
  const a = negative ? -n : n;
  // e = floor(log10(a / d))
  let e = a.toString().length - d.toString().length;
  const atLeast = (exponent: number) => (exponent >= 0 ? a >= d * 10n ** BigInt(exponent) : a * 10n ** BigInt(-exponent) >= d);
  while (!atLeast(e)) e -= 1;
  while (atLeast(e + 1)) e += 1;
  const k = 19 - e;
  const num = k >= 0 ? a * 10n ** BigInt(k) : a;
  const den = k >= 0 ? d : d * 10n ** BigInt(-k);
  let q = num / den;
  const twice = 2n * (num % den);
  if (twice > den || (twice === den && q % 2n === 1n)) q += 1n;
  let digits = q.toString();
  let text: string;
  if (k <= 0) text = digits + '0'.repeat(-k);
  else {
    digits = digits.padStart(k + 1, '0');
    text = `${digits.slice(0, digits.length - k)}.${digits.slice(digits.length - k)}`.replace(/0+$/, '').replace(/\.$/, '');
  }
  return negative ? `-${text}` : text;
}
