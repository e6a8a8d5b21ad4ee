import { DubanError, pathKeys } from '../errors.js';
import { parseDecimal, type DecimalString } from '../model/decimal.js';
import { quote } from '../model/quote.js';
import { bilingual } from '../model/suggest.js';

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

/** 2^53: integers of smaller magnitude are exact as doubles. */
const MAX_EXACT = 2n ** 53n;

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/**
 * Builds `n / d` in lowest terms. A zero `d` (a plan changed by hand after it
 * was parsed: a target equal to its baseline, milestone weights that sum to 0)
 * is refused with a DubanError, never carried on as a fraction that no later
 * step could print or compare.
 */
export function fraction(n: bigint, d: bigint = 1n): Fraction {
  if (d === 0n) {
    throw new DubanError('INVALID_PLAN', 'division by zero', {
      issues: [
        {
          code: 'inconsistent',
          path: '$',
          keys: [],
          message: bilingual(
            '计算中出现除数为 0（目标值等于基数，或里程碑权重之和为 0）：请用 parsePlan 校验计划',
            'a divisor is 0 (a target equal to its baseline, or milestone weights that sum to 0): validate the plan with parsePlan',
          ),
        },
      ],
    });
  }
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const g = gcd(n, d);
  return g > 1n ? { n: n / g, d: d / g } : { n, d };
}

export const ZERO = fraction(0n);
export const ONE = fraction(1n);

/**
 * Whether `text` is `-?digits(.digits)?` with at most 2000 characters: a
 * decimal in plain notation, read digit by digit below. Leading zeros are
 * harmless (the fraction is reduced). Read without a regular expression, as it
 * runs for every decimal the facts read.
 */
function isPlainDecimal(text: unknown): text is string {
  if (typeof text !== 'string') return false;
  const length = text.length;
  if (length === 0 || length > 2000) return false;
  let i = text.charCodeAt(0) === 45 ? 1 : 0;
  const first = i;
  let point = -1;
  for (; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 && point === -1) point = i;
    else if (c < 48 || c > 57) return false;
  }
  return point === -1 ? length > first : point > first && point < length - 1;
}

/**
 * The error for a decimal that is not one: a plan built or changed by hand
 * after parsing (`"abc"`, `"NaN"`, `"Infinity"`, `"1e99999"`). `path` names
 * where it is (`$.tasks[3].observations[0].value`, or a plainer name).
 */
export function notADecimal(text: unknown, path: string, task?: { readonly id: string; readonly title: string }, where = path): DubanError {
  const shown = typeof text === 'string' ? quote(text.slice(0, 40)) : typeof text;
  const zhWho = task === undefined ? '' : `任务 ${task.id}「${task.title.slice(0, 30)}」的 `;
  const enWho = task === undefined ? '' : `task ${task.id} ${quote(task.title.slice(0, 30))}: `;
  return new DubanError('INVALID_PLAN', `not a decimal: ${shown}`, {
    issues: [
      {
        code: 'invalid_decimal',
        path,
        keys: pathKeys(path),
        message: bilingual(
          `${zhWho}${where} 不是有限的十进制数：${shown}（请用 parsePlan 校验计划）`,
          `${enWho}${where} is not a finite decimal: ${shown} (validate the plan with parsePlan)`,
        ),
        ...(task === undefined ? {} : { task: { id: task.id, title: task.title } }),
      },
    ],
  });
}

/**
 * Reads a decimal string exactly. A normalised one (`"-3.5"`, `"1000"`, as
 * duban's parsers return them) is read digit by digit; any other text is read
 * as {@link parseDecimal} reads it (`"1.5e3"` is 1500, exponents up to 1000),
 * and what is not a finite decimal at all (`"abc"`, `"NaN"`, `"Infinity"`,
 * `"1e400000"`) is refused with a DubanError naming `path`: never a loop, never
 * a misread exponent.
 */
export function fromDecimal(text: DecimalString, path = 'value'): Fraction {
  if (!isPlainDecimal(text)) {
    const raw: unknown = text;
    const normal = typeof raw === 'string' && raw.length <= 2000 ? parseDecimal(raw) : undefined;
    if (normal === undefined) throw notADecimal(text, path);
    text = normal;
  }
  const negative = text.startsWith('-');
  const digits = negative ? text.slice(1) : text;
  const point = digits.indexOf('.');
  // Up to 15 digits the value and its power of ten are exact doubles: reduce them without BigInt arithmetic.
  if (digits.length - (point < 0 ? 0 : 1) <= 15) {
    const scale = point < 0 ? 0 : digits.length - point - 1;
    let n = Number(point < 0 ? digits : digits.slice(0, point) + digits.slice(point + 1));
    let d = 10 ** scale;
    let a = n;
    let b = d;
    while (b !== 0) {
      const rest = a % b;
      a = b;
      b = rest;
    }
    if (a > 1) {
      n /= a;
      d /= a;
    }
    return { n: BigInt(negative ? -n : n), d: BigInt(d) };
  }
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
  exponent === 0 ? a : exponent > 0 ? fraction(a.n * pow10(exponent), a.d) : fraction(a.n, a.d * pow10(-exponent));

/**
 * Writes a fraction as duban prints numbers: exact when it terminates within 20
 * significant digits, else rounded half-even to 20 significant digits; never an
 * exponent; no trailing zeros; zero as `"0"`.
 *
 * @param value - the exact value
 * @returns a {@link DecimalString}
 * @example
 * ```ts
 * formatFraction({ n: 26n, d: 119n }); // '0.21848739495798319328'
 * ```
 * @category Pace
 */
export function formatFraction(value: Fraction): DecimalString {
  if (typeof value !== 'object' || value === null || typeof value.n !== 'bigint' || typeof value.d !== 'bigint' || value.d <= 0n) {
    throw new DubanError('INVALID_OPTION', 'formatFraction takes a fraction { n, d } of BigInts, d > 0', {
      issues: [{ code: 'invalid_type', path: 'value', keys: ['value'], message: 'expected { n: bigint, d: bigint } with d > 0, as the facts hold them' }],
    });
  }
  if (value.n === 0n) return '0';
  const quick = formatTerminating(value);
  if (quick !== undefined) return quick;
  const negative = value.n < 0n;
  const n = negative ? -value.n : value.n;
  const { d } = value;
  // e such that 10^e <= n/d < 10^(e+1): estimated in floating point, then made exact.
  const estimate = Math.log10(Number(n)) - Math.log10(Number(d));
  let e = Number.isFinite(estimate) ? Math.floor(estimate) : n.toString().length - d.toString().length;
  while (e >= 0 ? n < d * pow10(e) : n * pow10(-e) < d) e -= 1;
  while (e + 1 >= 0 ? n >= d * pow10(e + 1) : n * pow10(-(e + 1)) >= d) e += 1;
  // Scale to 20 significant digits and round half-even, all in integers.
  const s = SIGNIFICANT_DIGITS - 1 - e;
  const num = s >= 0 ? n * pow10(s) : n;
  const den = s >= 0 ? d : d * pow10(-s);
  let q = num / den;
  const twice = (num % den) * 2n;
  if (twice > den || (twice === den && q % 2n === 1n)) q += 1n;
  return (negative ? '-' : '') + placePoint(q.toString(), s);
}

const SIGNIFICANT_DIGITS = 20;

/**
 * The common case without BigInt arithmetic: a small fraction whose denominator
 * has no prime factors but 2 and 5 terminates, and `n × 10^k / d` is a safe
 * integer (so at most 16 significant digits: exact under the 20-digit rule).
 */
function formatTerminating(value: Fraction): string | undefined {
  if (value.d > MAX_EXACT || value.n > MAX_EXACT || value.n < -MAX_EXACT) return undefined;
  let rest = Number(value.d);
  let twos = 0;
  let fives = 0;
  while (rest % 2 === 0) {
    rest /= 2;
    twos++;
  }
  while (rest % 5 === 0) {
    rest /= 5;
    fives++;
  }
  if (rest !== 1) return undefined;
  const k = Math.max(twos, fives);
  const scaled = Math.abs(Number(value.n)) * 2 ** (k - twos) * 5 ** (k - fives);
  if (!Number.isSafeInteger(scaled)) return undefined;
  return (value.n < 0n ? '-' : '') + placePoint(String(scaled), k);
}

const POWERS_OF_TEN: readonly bigint[] = Array.from({ length: 65 }, (_, k) => 10n ** BigInt(k));
/** 10^k as a BigInt, from a table for the usual small k. */
function pow10(k: number): bigint {
  return POWERS_OF_TEN[k] ?? 10n ** BigInt(k);
}

/** Writes `digits × 10^-scale` in plain notation without trailing zeros. */
function placePoint(digits: string, scale: number): string {
  if (scale <= 0) return digits + '0'.repeat(-scale);
  const padded = digits.padStart(scale + 1, '0');
  const whole = padded.slice(0, padded.length - scale);
  let end = padded.length;
  while (end > padded.length - scale && padded.charCodeAt(end - 1) === 48) end--;
  const fraction = padded.slice(padded.length - scale, end);
  return fraction === '' ? whole : `${whole}.${fraction}`;
}

/**
 * How percentages are rounded for people: `half-up` is 四舍五入 (ties away from
 * zero, 53.125% → 53.13%), the practice of 统计公报 and 督查通报 and duban's default
 * for explanations and bulletins; `half-even` is GB/T 8170's 修约 (四舍六入五成双,
 * 53.125% → 53.12%). Machine outputs (the facts' decimal strings) are not affected.
 *
 * @category Report
 */
export type Rounding = 'half-up' | 'half-even';

/**
 * Rounds `value × 10^shift` to a whole number (ties by `rounding`, half-even unless
 * told) and writes it with `places` decimals, in plain notation without trailing
 * zeros: a percentage with two decimals is `formatRounded(0.27870…, 4, 2)` → `"27.87"`.
 */
export function formatRounded(value: Fraction, shift: number, places: number, rounding: Rounding = 'half-even'): string {
  const negative = value.n < 0n;
  const num = (negative ? -value.n : value.n) * pow10(shift);
  let q = num / value.d;
  const twice = (num % value.d) * 2n;
  if (twice > value.d || (twice === value.d && (rounding === 'half-up' || q % 2n === 1n))) q += 1n;
  if (q === 0n) return '0';
  return (negative ? '-' : '') + placePoint(q.toString(), places);
}

/**
 * The JavaScript number nearest to a fraction's exact value (ties to even, as
 * IEEE 754 rounds), in BigInt arithmetic: no decimal library in the bundle.
 */
export function toNumber(value: Fraction): number {
  const { n, d } = value;
  // Both operands exact as doubles: one IEEE division is correctly rounded.
  if (d <= MAX_EXACT && n <= MAX_EXACT && n >= -MAX_EXACT) {
    const result = Number(n) / Number(d);
    return result === 0 ? 0 : result;
  }
  if (n === 0n) return 0;
  const magnitude = n < 0n ? -n : n;
  // magnitude / d = q × 2^-k (+ a remainder) with q of 55 or 56 bits: room for the 53 kept and the rounding bits.
  const k = 55 - (bitLength(magnitude) - bitLength(d));
  const top = k >= 0 ? magnitude << BigInt(k) : magnitude;
  const bottom = k >= 0 ? d : d << BigInt(-k);
  const q = top / bottom;
  const inexact = top % bottom !== 0n;
  // The value is about 2^e; below 2^-1022 a double keeps fewer bits (subnormals), down to none.
  const e = bitLength(q) - 1 - k;
  const keep = e >= -1022 ? 53 : 53 - (-1022 - e);
  const drop = bitLength(q) - keep;
  let mantissa = q >> BigInt(drop);
  const rest = q - (mantissa << BigInt(drop));
  const half = 1n << BigInt(drop - 1);
  // Round half to even; a remainder below q's last bit makes an apparent tie more than half.
  if (rest > half || (rest === half && (inexact || (mantissa & 1n) === 1n))) mantissa += 1n;
  // mantissa ≤ 2^53 is exact as a double, and so is the power of two (its exponent is ≥ -1074).
  const result = Number(mantissa) * 2 ** (drop - k);
  return result === 0 ? 0 : n < 0n ? -result : result;
}

/** The number of binary digits of a positive BigInt. */
function bitLength(value: bigint): number {
  return value.toString(2).length;
}
