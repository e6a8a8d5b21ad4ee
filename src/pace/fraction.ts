import Decimal from 'decimal.js';
import type { DecimalString } from '../model/decimal.js';

/**
 * An exact rational number `n / d` with `d > 0`, in lowest terms.
 *
 * @category Pace
 */
export interface Fraction {
  /** Numerator. */
  readonly n: bigint;
  /** Denominator, always > 0. */
  readonly d: bigint;
}

const Out = Decimal.clone({ precision: 20, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -9e15, toExpPos: 9e15 });
const Wide = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -9e15, toExpPos: 9e15 });

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** Builds `n / d` in lowest terms. `d` must not be 0. */
export function fraction(n: bigint, d: bigint = 1n): Fraction {
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const g = gcd(n, d);
  return g > 1n ? { n: n / g, d: d / g } : { n, d };
}

export const ZERO = fraction(0n);
export const ONE = fraction(1n);

/** Reads a normalised decimal string (`"-3.5"`, `"1000"`) exactly. */
export function fromDecimal(text: DecimalString): Fraction {
  const negative = text.startsWith('-');
  const digits = negative ? text.slice(1) : text;
  const point = digits.indexOf('.');
  const n = BigInt(point < 0 ? digits : digits.slice(0, point) + digits.slice(point + 1));
  const d = point < 0 ? 1n : 10n ** BigInt(digits.length - point - 1);
  return fraction(negative ? -n : n, d);
}

export const add = (a: Fraction, b: Fraction): Fraction => fraction(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Fraction, b: Fraction): Fraction => fraction(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Fraction, b: Fraction): Fraction => fraction(a.n * b.n, a.d * b.d);
/** `a / b`; `b` must not be zero. */
export const div = (a: Fraction, b: Fraction): Fraction => fraction(a.n * b.d, a.d * b.n);
export const neg = (a: Fraction): Fraction => ({ n: -a.n, d: a.d });
export const abs = (a: Fraction): Fraction => (a.n < 0n ? neg(a) : a);
/** Compares exactly: negative, zero or positive like `a - b`. */
export const compare = (a: Fraction, b: Fraction): number => {
  const left = a.n * b.d;
  const right = b.n * a.d;
  return left < right ? -1 : left > right ? 1 : 0;
};
export const isZero = (a: Fraction): boolean => a.n === 0n;
export const clamp01 = (a: Fraction): Fraction => (a.n < 0n ? ZERO : a.n > a.d ? ONE : a);
/** Multiplies by a power of ten. */
export const scale10 = (a: Fraction, exponent: number): Fraction =>
  exponent >= 0 ? fraction(a.n * 10n ** BigInt(exponent), a.d) : fraction(a.n, a.d * 10n ** BigInt(-exponent));

/**
 * Writes a fraction as duban prints numbers: exact when it terminates within 20
 * significant digits, else rounded half-even to 20 significant digits; never an
 * exponent; no trailing zeros; zero as `"0"`.
 *
 * @param value - the exact value
 * @returns a {@link DecimalString}
 * @example
 * ```ts
 * formatFraction(fraction(26n, 119n)); // '0.21848739495798319328'
 * ```
 * @category Pace
 */
export function formatFraction(value: Fraction): DecimalString {
  if (value.n === 0n) return '0';
  const result = new Out(value.n.toString()).div(new Out(value.d.toString()));
  return result.isZero() ? '0' : result.toFixed();
}

/** The JavaScript number nearest to a fraction's exact value (via 60 significant digits). */
export function toNumber(value: Fraction): number {
  if (value.d === 1n) return Number(value.n);
  const result = Number(new Wide(value.n.toString()).div(new Wide(value.d.toString())).toString());
  return result === 0 ? 0 : result;
}
