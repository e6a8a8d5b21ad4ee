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
  });

  it('never writes an exponent for very small values', () => {
    expect(formatFraction(fraction(1n, 10n ** 30n))).toBe(`0.${'0'.repeat(29)}1`);
    expect(formatFraction(fraction(-1n, 3n * 10n ** 30n))).toBe(`-0.${'0'.repeat(30)}33333333333333333333`);
  });

  it('never writes an exponent for very large values', () => {
    expect(formatFraction(fraction(10n ** 25n))).toBe('10000000000000000000000000');
    expect(formatFraction(fraction(123456789012345678901234n))).toBe('123456789012345678900000');
    expect(formatFraction(fraction(10n ** 25n, 3n))).toBe('3333333333333333333333333');
  });

  it('removes trailing zeros', () => {
    expect(formatFraction(fraction(2500n, 10000n))).toBe('0.25');
    expect(formatFraction(fraction(1n, 5n))).toBe('0.2');
    expect(formatFraction(fraction(10n, 1n))).toBe('10');
  });

  it('writes every value as a plain decimal with at most 20 significant digits, never in error by half a unit of the 20th', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }), fc.bigInt({ min: 1n, max: 10n ** 30n }), (n, d) => {
        const text = formatFraction(fraction(n, d));
        expect(text).toMatch(/^-?(0|[1-9]\d*)(\.\d*[1-9])?$/);
        const digits = text.replace(/^-/, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
        expect(digits.length).toBeLessThanOrEqual(20);
        if (n === 0n) {
          expect(text).toBe('0');
          return;
        }
        // |text − n/d| ≤ half a unit in the 20th significant digit of n/d.
        const [whole = '', part = ''] = text.replace(/^-/, '').split('.');
        const scale = 10n ** BigInt(part.length);
        const written = BigInt(whole + part) * (n < 0n ? -1n : 1n);
        const error = written * d - n * scale; // (text − n/d) · d · scale
        const absN = n < 0n ? -n : n;
        const magnitude = (absN / d).toString().length - (absN < d ? 1 : 0); // digits before the point, ≥ 0
        let unitExponent = BigInt(magnitude) - 20n; // the 20th significant digit's place, for values ≥ 1
        if (absN < d) {
          let leadingZeros = 0n;
          while (absN * 10n ** (leadingZeros + 1n) < d) leadingZeros += 1n;
          unitExponent = -(leadingZeros + 20n);
        }
        // 2·|error| ≤ 10^unitExponent · d · scale
        const bound = unitExponent >= 0n ? 10n ** unitExponent * d * scale : (d * scale) / 10n ** -unitExponent;
        const twice = 2n * (error < 0n ? -error : error);
        expect(twice <= bound || (unitExponent < 0n && twice * 10n ** -unitExponent <= d * scale)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
