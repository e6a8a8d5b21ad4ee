// parseDecimal moves the point of an exponent literal itself (so the pace layer reads decimals
// without decimal.js); decimal.js, exact at this precision, is the reference it must agree with.
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareDecimals, parseDecimal } from '../../src/model/decimal.js';

const Exact = Decimal.clone({ precision: 1000, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -9e15, toExpPos: 9e15 });
const LITERAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

function reference(text: string): string | undefined {
  const value = new Exact(text);
  if (!value.isZero() && Math.abs(value.e) > 1000) return undefined;
  return value.isZero() ? '0' : value.toFixed();
}

const digits = (max: number) => fc.stringMatching(new RegExp(`^\\d{0,${max}}$`));
const literal = fc
  .tuple(
    fc.constantFrom('', '+', '-'),
    digits(40),
    fc.option(digits(40)),
    fc.option(fc.tuple(fc.constantFrom('e', 'E'), fc.constantFrom('', '+', '-'), fc.integer({ min: 0, max: 1100 }), fc.constantFrom('', '0', '000'))),
  )
  .map(
    ([sign, whole, fraction, exponent]) =>
      `${sign}${whole}${fraction === null ? '' : `.${fraction}`}${exponent === null ? '' : `${exponent[0]}${exponent[1]}${exponent[3]}${exponent[2]}`}`,
  )
  .filter((text) => LITERAL.test(text));

describe('parseDecimal on exponent literals', () => {
  it('agrees with decimal.js on every literal, exponents beyond ±1000 refused', () => {
    let withExponent = 0;
    let refused = 0;
    fc.assert(
      fc.property(literal, (text) => {
        if (/[eE]/.test(text)) withExponent++;
        const expected = reference(text);
        if (expected === undefined) refused++;
        expect(parseDecimal(text)).toBe(expected);
      }),
      { numRuns: 20_000 },
    );
    // The generator must really reach exponents and the refusal beyond ±1000.
    expect(withExponent).toBeGreaterThan(5_000);
    expect(refused).toBeGreaterThan(50);
  });

  it('reads doubles written with an exponent', () => {
    expect(parseDecimal(5e-324)).toBe(reference('5e-324'));
    expect(parseDecimal(1e21)).toBe('1000000000000000000000');
    expect(parseDecimal('1.5e3')).toBe('1500');
    expect(parseDecimal('-2.50E-2')).toBe('-0.025');
    expect(parseDecimal('0e99999999999')).toBe('0');
    expect(parseDecimal('1e99999999999')).toBeUndefined();
  });
});

describe('compareDecimals without decimal.js', () => {
  it('orders decimals as decimal.js does', () => {
    let equal = 0;
    let negative = 0;
    fc.assert(
      fc.property(literal, literal, (a, b) => {
        if (reference(a) === undefined || reference(b) === undefined) return;
        const expected = new Exact(a).comparedTo(new Exact(b));
        if (expected === 0) equal++;
        if (a.startsWith('-') || b.startsWith('-')) negative++;
        expect(compareDecimals(a, b)).toBe(expected);
        expect(compareDecimals(b, a)).toBe(-expected || 0);
      }),
      { numRuns: 10_000 },
    );
    for (const [a, b, expected] of [
      ['0.1', '0.10', 0],
      ['-0.5', '-0.25', -1],
      ['10', '9.99', 1],
      ['-0', '0', 0],
      ['1e3', '999.9', 1],
      ['-1e-3', '0', -1],
    ] as const)
      expect(compareDecimals(a, b)).toBe(expected);
    expect(negative).toBeGreaterThan(3_000);
    // Equal values written differently: every literal against its plain normal form.
    fc.assert(
      fc.property(literal, (text) => {
        const plain = reference(text);
        if (plain === undefined) return;
        equal++;
        expect(compareDecimals(text, plain)).toBe(0);
      }),
      { numRuns: 5_000 },
    );
    expect(equal).toBeGreaterThan(4_000);
  });
});
