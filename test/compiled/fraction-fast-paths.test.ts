import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatFraction, formatRounded, fraction, fromDecimal, toNumber, type Fraction } from '../../src/pace/fraction.js';

// The reference: decimal.js division at 20 significant digits, half-even, plain notation.
const Ref = Decimal.clone({ precision: 20, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -9e15, toExpPos: 9e15 });
const reference = (n: bigint, d: bigint) => {
  const result = new Ref(n.toString()).div(d.toString());
  return result.isZero() ? '0' : result.toFixed();
};
const Wide = Decimal.clone({ precision: 80, rounding: Decimal.ROUND_HALF_EVEN });

const bigints = fc.oneof(fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }), fc.bigInt({ min: -1000n, max: 1000n }));
const denominators = fc.oneof(
  fc.bigInt({ min: 1n, max: 10n ** 40n }),
  fc.bigInt({ min: 1n, max: 1000n }),
  fc.constantFrom(2n ** 10n, 5n ** 7n, 10n ** 25n, 3n, 7n, 119n),
);

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

  // The exact value of a finite double, as a fraction.
  const exactOf = (x: number): { n: bigint; d: bigint } => {
    const view = new DataView(new ArrayBuffer(8));
    view.setFloat64(0, x);
    const bits = view.getBigUint64(0);
    const sign = bits >> 63n === 1n ? -1n : 1n;
    const exponent = Number((bits >> 52n) & 0x7ffn);
    const fractionBits = bits & ((1n << 52n) - 1n);
    const mantissa = exponent === 0 ? fractionBits : fractionBits | (1n << 52n);
    const shift = (exponent === 0 ? 1 : exponent) - 1075;
    return shift >= 0 ? { n: sign * (mantissa << BigInt(shift)), d: 1n } : { n: sign * mantissa, d: 1n << BigInt(-shift) };
  };
  const next = (x: number, up: boolean): number => {
    const view = new DataView(new ArrayBuffer(8));
    view.setFloat64(0, x);
    const bits = view.getBigUint64(0);
    view.setBigUint64(0, x === 0 ? 1n : x > 0 === up ? bits + 1n : bits - 1n);
    return x === 0 && !up ? -view.getFloat64(0) : view.getFloat64(0);
  };
  /** |a/b - c/e| as a fraction's numerator over the positive denominator b·e. */
  const distance = (f: { n: bigint; d: bigint }, g: { n: bigint; d: bigint }): { n: bigint; d: bigint } => {
    const n = f.n * g.d - g.n * f.d;
    return { n: n < 0n ? -n : n, d: f.d * g.d };
  };
  const closer = (a: { n: bigint; d: bigint }, b: { n: bigint; d: bigint }): number => {
    const left = a.n * b.d;
    const right = b.n * a.d;
    return left < right ? -1 : left > right ? 1 : 0;
  };
  // Magnitudes from far below the smallest subnormal to beyond the largest double.
  const scaled = fc
    .tuple(fc.bigInt({ min: 1n, max: 2n ** 64n }), fc.bigInt({ min: 1n, max: 2n ** 64n }), fc.integer({ min: -1200, max: 1100 }), fc.boolean())
    .map(([a, b, shift, negative]) => fraction((negative ? -1n : 1n) * (shift >= 0 ? a << BigInt(shift) : a), shift >= 0 ? b : b << BigInt(-shift)));
  const ties = fc
    .tuple(fc.bigInt({ min: 2n ** 52n, max: 2n ** 53n - 1n }), fc.integer({ min: -1100, max: 900 }))
    .map(([m, shift]) => fraction((2n * m + 1n) << BigInt(Math.max(0, shift)), 1n << BigInt(Math.max(0, -shift) + 1)));

  it('is the nearest double, ties to even, also for subnormal, huge and tie values (checked exactly, no reference library)', () => {
    let subnormal = 0;
    let infinite = 0;
    let tie = 0;
    fc.assert(
      fc.property(
        fc.oneof(
          scaled,
          ties,
          fc.tuple(bigints, denominators).map(([n, d]) => fraction(n, d)),
        ),
        (f) => {
          const x = toNumber(f);
          if (!Number.isFinite(x)) {
            infinite++;
            // Rounds to infinity only past the largest double's half-way point to 2^1024.
            const limit = { n: (2n ** 53n * 2n - 1n) << 970n, d: 1n };
            expect(closer(distance({ n: f.n < 0n ? -f.n : f.n, d: f.d }, { n: 0n, d: 1n }), limit)).toBeGreaterThanOrEqual(0);
            return;
          }
          if (x !== 0 && Math.abs(x) < 2 ** -1022) subnormal++;
          const here = distance(f, exactOf(x));
          for (const other of [next(x, true), next(x, false)]) {
            if (!Number.isFinite(other)) continue;
            const there = distance(f, exactOf(other));
            const order = closer(here, there);
            expect(order).toBeLessThanOrEqual(0);
            if (order === 0) {
              tie++;
              // A tie goes to the double whose last mantissa bit is 0.
              expect(exactOf(x).n % 2n === 0n || Math.abs(x) < Math.abs(other)).toBe(true);
            }
          }
        },
      ),
      { numRuns: 4000 },
    );
    // The generators reach each class they claim to.
    expect(subnormal).toBeGreaterThan(50);
    expect(infinite).toBeGreaterThan(50);
    expect(tie).toBeGreaterThan(50);
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
  const numerators = fc.oneof(
    bigints,
    edge,
    edge.map((x) => -x),
    fc.constant(0n),
  );
  const anyDenominators = fc.oneof(
    denominators,
    edge,
    denominators.map((x) => -x),
  );

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

describe('formatFraction on safe numerators and divisors around 2^49', () => {
  const small = fc.oneof(fc.bigInt({ min: -(2n ** 53n) + 1n, max: 2n ** 53n - 1n }), fc.bigInt({ min: -100000n, max: 100000n }));
  const divisors = fc.oneof(
    fc.bigInt({ min: 1n, max: 2n ** 49n + 10n }),
    fc.bigInt({ min: 2n ** 49n - 10n, max: 2n ** 49n + 10n }),
    fc.bigInt({ min: 1n, max: 100000n }),
    fc.constantFrom(3n, 7n, 9n, 11n, 99n, 999999999n, 3n * 2n ** 40n),
  );
  it('equals decimal.js division at 20 significant digits, half-even, for safe numerators and divisors near 2^49', () => {
    fc.assert(
      fc.property(small, divisors, (n, d) => {
        const f = fraction(n, d);
        if (f.n !== 0n) expect(formatFraction(f)).toBe(reference(f.n, f.d));
      }),
      { numRuns: 30_000 },
    );
  });

  it.each([
    [2n ** 53n - 1n, 3n],
    [1n, 2n ** 49n - 1n],
    [99999999999999999n, 100000000000000000n],
    [-2n, 3n],
    [200000000000000000001n, 3n],
    [19999999999999999999n, 20000000000000000000n],
  ])('writes %s/%s as decimal.js does', (n, d) => {
    const f = fraction(n, d);
    expect(formatFraction(f)).toBe(reference(f.n, f.d));
  });
});

describe('formatRounded', () => {
  // An independent reference: decimal.js at 200 significant digits, far past any tie a divisor below 10^20 could fake.
  const Precise = Decimal.clone({ precision: 200, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -9e15, toExpPos: 9e15 });
  // formatRounded(value, shift, places) is value × 10^shift rounded to a whole number, written with `places` decimals.
  const roundedReference = (value: Fraction, shift: number, places: number): string => {
    const rounded = new Precise(value.n.toString())
      .div(value.d.toString())
      .times(new Precise(10).pow(shift - places))
      .toDecimalPlaces(places, Decimal.ROUND_HALF_EVEN);
    return rounded.isZero() ? '0' : rounded.toFixed();
  };
  const numerators = fc.oneof(
    fc.bigInt({ min: -(2n ** 53n), max: 2n ** 53n }),
    fc.bigInt({ min: -10000n, max: 10000n }),
    fc.bigInt({ min: -(10n ** 25n), max: 10n ** 25n }),
  );
  const divisors = fc.oneof(
    fc.bigInt({ min: 1n, max: 10000n }),
    fc.bigInt({ min: 2n ** 49n - 5n, max: 2n ** 49n + 5n }),
    fc.bigInt({ min: 1n, max: 10n ** 20n }),
    fc.constantFrom(2n, 8n, 40n, 200n),
  );

  it('rounds half-even as decimal.js does', () => {
    fc.assert(
      fc.property(numerators, divisors, fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 4 }), (n, d, shift, places) => {
        const value = fraction(n, d);
        expect(formatRounded(value, shift, places)).toBe(roundedReference(value, shift, places));
      }),
      { numRuns: 20_000 },
    );
  });

  it.each([
    [1n, 8n, '12.5'],
    [1n, 3n, '33.33'],
    [2n, 3n, '66.67'],
    [-1n, 3n, '-33.33'],
    [1n, 200000n, '0'],
    [1n, 40000n, '0'],
    [3n, 40000n, '0.01'],
  ])('writes %s/%s as a percentage %s', (n, d, expected) => {
    expect(formatRounded(fraction(n, d), 4, 2)).toBe(expected);
  });
});

describe('fromDecimal', () => {
  it('reads normalised decimals of any length exactly, as BigInt arithmetic does', () => {
    const decimals = fc
      .tuple(fc.boolean(), fc.stringMatching(/^[1-9]\d{0,20}$|^0$/), fc.option(fc.stringMatching(/^\d{0,19}[1-9]$/), { nil: undefined }))
      .map(
        ([negative, whole, fractionDigits]) =>
          `${negative && (whole !== '0' || fractionDigits !== undefined) ? '-' : ''}${whole}${fractionDigits === undefined ? '' : `.${fractionDigits}`}`,
      );
    fc.assert(
      fc.property(decimals, (text) => {
        const negative = text.startsWith('-');
        const digits = negative ? text.slice(1) : text;
        const point = digits.indexOf('.');
        const n = BigInt(point < 0 ? digits : digits.replace('.', ''));
        const expected = fraction(negative ? -n : n, point < 0 ? 1n : 10n ** BigInt(digits.length - point - 1));
        expect(fromDecimal(text)).toEqual(expected);
      }),
      { numRuns: 20_000 },
    );
  });

  it.each([
    '9010000000000001',
    '9007199254740993',
    '123456789012345',
    '1234567890123456',
    '-9999999999999999',
    '0.9007199254740993',
    '99999999999999.9',
    '9.999999999999999',
    '0.000000000000001',
  ])('reads %s exactly', (text) => {
    const negative = text.startsWith('-');
    const digits = negative ? text.slice(1) : text;
    const point = digits.indexOf('.');
    const n = BigInt(point < 0 ? digits : digits.replace('.', ''));
    expect(fromDecimal(text)).toEqual(fraction(negative ? -n : n, point < 0 ? 1n : 10n ** BigInt(digits.length - point - 1)));
  });
});

describe('a normalised decimal of at most 20 characters is its own text', () => {
  it('formatFraction(fromDecimal(text)) === text (what fillFactTexts relies on)', () => {
    const decimals = fc
      .tuple(fc.boolean(), fc.stringMatching(/^[1-9]\d{0,19}$|^0$/), fc.option(fc.stringMatching(/^\d{0,18}[1-9]$/), { nil: undefined }))
      .map(
        ([negative, whole, fractionDigits]) =>
          `${negative && (whole !== '0' || fractionDigits !== undefined) ? '-' : ''}${whole}${fractionDigits === undefined ? '' : `.${fractionDigits}`}`,
      )
      .filter((text) => text.length <= 20);
    fc.assert(
      fc.property(decimals, (text) => {
        expect(formatFraction(fromDecimal(text))).toBe(text);
      }),
      { numRuns: 20_000 },
    );
  });
});
