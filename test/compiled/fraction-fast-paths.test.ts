import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatFraction, fraction, toNumber } from '../../src/pace/fraction.js';

// The reference: decimal.js division at 20 significant digits, half-even, plain notation.
const Ref = Decimal.clone({ precision: 20, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -9e15, toExpPos: 9e15 });
const reference = (n: bigint, d: bigint) => {
  const result = new Ref(n.toString()).div(d.toString());
  return result.isZero() ? '0' : result.toFixed();
};
const Wide = Decimal.clone({ precision: 80, rounding: Decimal.ROUND_HALF_EVEN });

const bigints = fc.oneof(fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }), fc.bigInt({ min: -1000n, max: 1000n }));
const denominators = fc.oneof(fc.bigInt({ min: 1n, max: 10n ** 40n }), fc.bigInt({ min: 1n, max: 1000n }), fc.constantFrom(2n ** 10n, 5n ** 7n, 10n ** 25n, 3n, 7n, 119n));

describe('formatFraction', () => {
  it('equals decimal.js division at 20 significant digits, half-even, on random fractions', () => {
    fc.assert(
      fc.property(bigints, denominators, (n, d) => {
        const f = fraction(n, d);
        expect(formatFraction(f)).toBe(reference(f.n, f.d));
      }),
      { numRuns: 5000 },
    );
  });

  it.each([
    [1n, 3n, '0.33333333333333333333'],
    [2n, 3n, '0.66666666666666666667'],
    [26n, 119n, '0.21848739495798319328'],
    [-3n, 10n, '-0.3'],
    [10n ** 30n, 1n, '1000000000000000000000000000000'],
    [1n, 10n ** 30n, '0.000000000000000000000000000001'],
    [123456789012345678901n, 1n, '123456789012345678900'],
    [5n, 2n * 10n ** 20n, '0.000000000000000000025'],
    [-1n, 2n, '-0.5'],
  ])('writes %s/%s as %s', (n, d, expected) => {
    expect(formatFraction(fraction(n, d))).toBe(expected);
  });

  it('rounds ties to even at the 20th digit', () => {
    expect(formatFraction(fraction(100000000000000000005n, 10n))).toBe('10000000000000000000');
    expect(formatFraction(fraction(100000000000000000015n, 10n))).toBe('10000000000000000002');
  });
});

describe('toNumber', () => {
  it('is the double nearest to the exact value', () => {
    fc.assert(
      fc.property(bigints, denominators, (n, d) => {
        const f = fraction(n, d);
        const expected = Number(new Wide(f.n.toString()).div(f.d.toString()).toString());
        expect(Object.is(toNumber(f), expected === 0 ? 0 : expected)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('fraction', () => {
  const gcd = (a: bigint, b: bigint): bigint => {
    if (a < 0n) a = -a;
    while (b !== 0n) [a, b] = [b, a % b];
    return a;
  };
  // Around 2^53, where the double fast path ends, and far beyond it.
  const edge = fc.bigInt({ min: 2n ** 53n - 1000n, max: 2n ** 53n + 1000n });
  const numerators = fc.oneof(bigints, edge, edge.map((x) => -x), fc.constant(0n));
  const anyDenominators = fc.oneof(denominators, edge, denominators.map((x) => -x));

  it('is in lowest terms with a positive denominator and the same value, on both sides of 2^53', () => {
    fc.assert(
      fc.property(numerators, anyDenominators, (n, d) => {
        const f = fraction(n, d);
        expect(f.d > 0n).toBe(true);
        expect(gcd(f.n, f.d) === 1n || (f.n === 0n && f.d === 1n)).toBe(true);
        expect(f.n * d).toBe(n * f.d);
      }),
      { numRuns: 10_000 },
    );
  });
});
