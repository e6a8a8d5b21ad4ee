import { DubanError } from '../errors.js';

/** Decimal literal: optional sign, digits with an optional point, optional exponent. */
const DECIMAL_PATTERN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A plain decimal without exponent or `+`: the common case, normalised without decimal.js. */
const PLAIN_PATTERN = /^-?\d{1,30}(?:\.\d{1,30})?$/;

function normalizePlain(text: string): DecimalString {
  const negative = text.startsWith('-');
  let body = negative ? text.slice(1) : text;
  if (body.includes('.')) body = body.replace(/0+$/, '').replace(/\.$/, '');
  body = body.replace(/^0+(?=\d)/, '');
  return body === '0' ? '0' : negative ? `-${body}` : body;
}

/**
 * Whether a string is already a normalised plain decimal of at most 30
 * characters (`-?(0|[1-9]\d*)(\.\d*[1-9])?`, not `-0`): most decimals in a
 * plan are, and they are their own normal form. Read without a regular
 * expression, as it runs for every decimal of a plan.
 */
function isNormalized(text: string): boolean {
  const length = text.length;
  if (length === 0 || length > 30) return false;
  let i = text.charCodeAt(0) === 45 ? 1 : 0;
  if (i === length) return false;
  const first = text.charCodeAt(i);
  if (first === 48) {
    // A leading 0 only alone before the point ("0", "0.5"), and "-0" is not normal.
    i++;
    if (i === length) return i === 1;
    if (text.charCodeAt(i) !== 46) return false;
  } else {
    if (first < 49 || first > 57) return false;
    for (i++; i < length; i++) {
      const c = text.charCodeAt(i);
      if (c === 46) break;
      if (c < 48 || c > 57) return false;
    }
    if (i === length) return true;
  }
  // At the point: at least one digit after it, the last one not 0.
  if (i + 1 === length) return false;
  for (i++; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return text.charCodeAt(length - 1) !== 48;
}

/** The largest decimal exponent accepted, so a hostile `1e999999999` cannot exhaust memory. */
const MAX_EXPONENT = 1000;

/** JSON Schema `pattern` for a decimal written as a string. */
export const DECIMAL_STRING_PATTERN = DECIMAL_PATTERN.source;

/**
 * A decimal number written as a string in plain notation, normalised:
 * no exponent, no leading `+`, no trailing zeros after the point, `0` for zero
 * (`"8.5"`, `"-3.5"`, `"1000"`).
 *
 * @category Model
 */
export type DecimalString = string;

/**
 * Reads a decimal exactly. A JSON number is read as the shortest decimal
 * string that round-trips to it (`0.1` is `"0.1"`); a string must be a plain
 * decimal literal (`"8.5"`, `"-3.5"`, `"1e3"`), with no units, spaces,
 * `NaN` or `Infinity`.
 *
 * @param input - a number or a decimal string
 * @returns the normalised {@link DecimalString}, or `undefined` when the input is not an exact finite decimal
 * Internal: not exported from the package.
 */
export function parseDecimal(input: unknown): DecimalString | undefined {
  if (typeof input === 'string') {
    if (isNormalized(input)) return input;
    if (PLAIN_PATTERN.test(input)) return normalizePlain(input);
  }
  let text: string;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return undefined;
    text = String(input);
  } else if (typeof input === 'string') {
    if (input.length > 2000 || !DECIMAL_PATTERN.test(input)) return undefined;
    text = input;
  } else {
    return undefined;
  }
  return fromScientific(text);
}

/**
 * Normalises a literal that matches DECIMAL_PATTERN (an exponent, a `+`, more than 30 digits) by
 * moving its point, without decimal.js: `"1.5e3"` → `"1500"`, `"-2.50E-2"` → `"-0.025"`. A value
 * whose leading digit's exponent is beyond ±MAX_EXPONENT is refused.
 */
function fromScientific(text: string): DecimalString | undefined {
  const negative = text.startsWith('-');
  const unsigned = text.startsWith('-') || text.startsWith('+') ? text.slice(1) : text;
  const e = unsigned.search(/[eE]/);
  const mantissa = e < 0 ? unsigned : unsigned.slice(0, e);
  const point = mantissa.indexOf('.');
  let digits = point < 0 ? mantissa : mantissa.slice(0, point) + mantissa.slice(point + 1);
  // Where the point stands in `digits`: before digits[pointAt].
  let pointAt = point < 0 ? mantissa.length : point;
  const first = digits.search(/[1-9]/);
  if (first < 0) return '0';
  digits = digits.slice(first).replace(/0+$/, '');
  pointAt -= first;
  if (e >= 0) {
    const exponentText = unsigned.slice(e + 1);
    const magnitude = exponentText.replace(/^[+-]/, '').replace(/^0+(?=\d)/, '');
    // digits has at most 2000 characters, so an exponent of 8 digits is out of range whatever they are.
    if (magnitude.length > 7) return undefined;
    pointAt += exponentText.startsWith('-') ? -Number(magnitude) : Number(magnitude);
  }
  if (Math.abs(pointAt - 1) > MAX_EXPONENT) return undefined;
  let body: string;
  if (pointAt <= 0) body = `0.${'0'.repeat(-pointAt)}${digits}`;
  else if (pointAt >= digits.length) body = digits + '0'.repeat(pointAt - digits.length);
  else body = `${digits.slice(0, pointAt)}.${digits.slice(pointAt)}`;
  return negative ? `-${body}` : body;
}

/**
 * Compares two decimal strings exactly.
 *
 * @param a - a {@link DecimalString}
 * @param b - a {@link DecimalString}
 * @returns `-1`, `0` or `1`
 * Internal: not exported from the package.
 */
export function compareDecimals(a: DecimalString, b: DecimalString): -1 | 0 | 1 {
  // Decimal strings from duban are exact; anything else is refused, never half-read.
  const normalA = typeof a === 'string' ? parseDecimal(a) : undefined;
  const normalB = typeof b === 'string' ? parseDecimal(b) : undefined;
  if (normalA === undefined || normalB === undefined) {
    const wrong = normalA === undefined ? { path: 'a' as const, value: a as unknown } : { path: 'b' as const, value: b as unknown };
    throw new DubanError('INVALID_OPTION', 'compareDecimals takes decimal strings', {
      issues: [
        {
          code: typeof wrong.value === 'string' ? 'invalid_decimal' : 'invalid_type',
          path: wrong.path,
          keys: [wrong.path],
          message: `expected a decimal string such as "0.25" (see parseDecimal), got ${typeof wrong.value === 'string' ? JSON.stringify(wrong.value.slice(0, 40)) : typeof wrong.value}`,
        },
      ],
    });
  }
  return compareNormalized(normalA, normalB);
}

/**
 * Compares two normalised decimal strings digit by digit (no decimal.js, so the modules that read
 * decimals stay out of a bundle's decimal.js): by sign, then by the magnitudes' integer lengths,
 * integer digits and fraction digits.
 */
function compareNormalized(a: DecimalString, b: DecimalString): -1 | 0 | 1 {
  const signOf = (text: string): -1 | 0 | 1 => (text === '0' ? 0 : text.startsWith('-') ? -1 : 1);
  const signA = signOf(a);
  const signB = signOf(b);
  if (signA !== signB) return signA < signB ? -1 : 1;
  if (signA === 0) return 0;
  const [wholeA = '', fractionA = ''] = (signA < 0 ? a.slice(1) : a).split('.');
  const [wholeB = '', fractionB = ''] = (signB < 0 ? b.slice(1) : b).split('.');
  let magnitude: number;
  if (wholeA.length !== wholeB.length) magnitude = wholeA.length < wholeB.length ? -1 : 1;
  else if (wholeA !== wholeB) magnitude = wholeA < wholeB ? -1 : 1;
  else {
    const width = Math.max(fractionA.length, fractionB.length);
    const paddedA = fractionA.padEnd(width, '0');
    const paddedB = fractionB.padEnd(width, '0');
    magnitude = paddedA === paddedB ? 0 : paddedA < paddedB ? -1 : 1;
  }
  return magnitude === 0 ? 0 : ((magnitude * signA) as -1 | 1);
}
