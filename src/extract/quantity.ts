import { parseDecimal, type DecimalString } from '../model/decimal.js';
import { BASE_UNITS, LATIN_UNITS, UNIT_ALIASES } from './lexicon.js';

/** How a value is bounded by the words right after it: 以上, 以内/以下, 左右. */
export type Qualifier = 'atLeast' | 'atMost' | 'about';

/** A number with its unit, read from the (width-normalised) text. */
export interface Quantity {
  /** Offset of the first character (the number, or 每立方 before it). */
  readonly start: number;
  /** Offset after the unit. */
  readonly unitEnd: number;
  /** Offset after the qualifier (以上, 以内, 左右) when there is one, else `unitEnd`. */
  readonly end: number;
  /** The value, exact, in `unit`. The lower end of a range. */
  readonly value: DecimalString;
  /** The upper end of a range (7%—8%), if any. */
  readonly high: DecimalString | undefined;
  /** The unit with its magnitude prefix (`万人`, `亿元`, `%`), or only the prefix (`亿`) when the text gives no unit. */
  readonly unit: string;
  /** True when the text gives a magnitude (万, 亿) but no unit: "突破千亿". */
  readonly bare: boolean;
  /** 以上 / 以内 / 左右 right after the unit. */
  readonly qualifier: Qualifier | undefined;
  /** Written as approximate: 300余人, 近300家, 约5亿元. */
  readonly approx: boolean;
  /** Written with Chinese numerals (两千, 三百亿). */
  readonly chinese: boolean;
  /** Written as a ratio "A:1" (read as A 倍); other ratios are not read. */
  readonly ratio: boolean;
}

const CHINESE_DIGITS: Readonly<Record<string, bigint>> = { 零: 0n, 〇: 0n, 一: 1n, 二: 2n, 两: 2n, 三: 3n, 四: 4n, 五: 5n, 六: 6n, 七: 7n, 八: 8n, 九: 9n };
const CHINESE_SMALL: Readonly<Record<string, bigint>> = { 十: 10n, 百: 100n, 千: 1000n };
const MAGNITUDE_EXPONENTS: Readonly<Record<string, number>> = { 十: 1, 百: 2, 千: 3, 万: 4, 亿: 8 };
/** The longest Chinese numeral read; longer runs are not numbers. */
const MAX_CHINESE = 12;
/** The longest digit run read (a hostile 10⁶-digit run is not a quantity). */
const MAX_DIGITS = 24;

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isLatin = (c: string | undefined): boolean => c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
const isChineseNumeral = (c: string | undefined): boolean => c !== undefined && (c in CHINESE_DIGITS || c in CHINESE_SMALL || c === '万' || c === '亿');

/** Multiplies a decimal string by a power of ten, exactly. */
export function shiftDecimal(value: DecimalString, exponent: number): DecimalString {
  return exponent === 0 ? value : (parseDecimal(`${value}e${exponent}`) ?? value);
}

/** The unit starting at `at`, longest match, with its spelling in plans. */
export function unitAt(text: string, at: number): { unit: string; end: number } | undefined {
  for (const latin of LATIN_UNITS) {
    if (text.startsWith(latin, at)) return { unit: UNIT_ALIASES[latin] ?? latin, end: at + latin.length };
  }
  for (const unit of BASE_UNITS) {
    if (text.startsWith(unit, at)) return { unit: UNIT_ALIASES[unit] ?? unit, end: at + unit.length };
  }
  return undefined;
}

/** Reads a Chinese numeral (三百亿, 一万五千, 十四, 千) as an integer and the largest of 万/亿 it uses. */
function readChinese(text: string, at: number, limit: number): { n: bigint; prefix: '' | '万' | '亿'; end: number } | undefined {
  let total = 0n;
  let section = 0n;
  let digit = 0n;
  let sawDigit = false;
  let prefix: '' | '万' | '亿' = '';
  let i = at;
  const stop = Math.min(limit, at + MAX_CHINESE);
  for (; i < stop; i++) {
    const c = text[i]!;
    if (c in CHINESE_DIGITS) {
      digit = CHINESE_DIGITS[c]!;
      sawDigit = true;
    } else if (c in CHINESE_SMALL) {
      // 千瓦 is a unit, not 1000 瓦.
      if (i > at && unitAt(text, i) !== undefined && !(c === '千' && text[i + 1] === '亿')) break;
      section += (sawDigit ? digit : 1n) * CHINESE_SMALL[c]!;
      digit = 0n;
      sawDigit = false;
    } else if (c === '万' || c === '亿') {
      if (i === at) return undefined;
      if (c === '万') {
        total += (section + digit) * 10_000n;
        if (prefix === '') prefix = '万';
      } else {
        total = (total + section + digit) * 100_000_000n;
        prefix = '亿';
      }
      section = 0n;
      digit = 0n;
      sawDigit = false;
    } else {
      break;
    }
  }
  if (i === at) return undefined;
  return { n: total + section + digit, prefix, end: i };
}

interface RawNumber {
  readonly value: DecimalString;
  readonly prefix: string;
  readonly end: number;
  readonly chinese: boolean;
}

/** Reads the number at `at` (digits or Chinese numerals) with the magnitudes after it; 万 and 亿 stay as a unit prefix. */
function readNumber(text: string, at: number, limit: number): RawNumber | undefined {
  const c = text[at];
  if (isDigit(c)) {
    let i = at;
    while (i < limit && i - at < MAX_DIGITS && isDigit(text[i])) i++;
    if (i < limit && text[i] === '.' && isDigit(text[i + 1])) {
      i++;
      while (i < limit && i - at < MAX_DIGITS && isDigit(text[i])) i++;
    }
    if (isDigit(text[i])) return undefined;
    let value = parseDecimal(text.slice(at, i));
    if (value === undefined) return undefined;
    let exponent = 0;
    let prefix = '';
    const magnitudes = i;
    while (i < limit && text[i]! in MAGNITUDE_EXPONENTS && unitAt(text, i) === undefined) {
      const m = text[i]!;
      if (m === '万' || m === '亿') prefix += m;
      else exponent += MAGNITUDE_EXPONENTS[m]!;
      i++;
      if (prefix.length > 2 || i - magnitudes > 3) return undefined;
    }
    value = shiftDecimal(value, exponent);
    if (prefix === '亿万') prefix = '万亿';
    if (prefix !== '' && prefix !== '万' && prefix !== '亿' && prefix !== '万亿') return undefined;
    return { value, prefix, end: i, chinese: false };
  }
  const chinese = readChinese(text, at, limit);
  if (chinese === undefined) return undefined;
  // 五点五万人, 三点六: a Chinese decimal, then its magnitude.
  if (chinese.prefix === '' && text[chinese.end] === '点' && text[chinese.end + 1]! in CHINESE_DIGITS) {
    let i = chinese.end + 1;
    let digits = '';
    while (i < limit && digits.length < MAX_CHINESE && text[i]! in CHINESE_DIGITS) digits += CHINESE_DIGITS[text[i++]!]!.toString();
    let prefix = '';
    if (text[i] === '万' && text[i + 1] === '亿') {
      prefix = '万亿';
      i += 2;
    } else if (text[i] === '万' || text[i] === '亿') {
      prefix = text[i++]!;
    }
    const value = parseDecimal(`${chinese.n.toString()}.${digits}`);
    return value === undefined ? undefined : { value, prefix, end: i, chinese: true };
  }
  const exponent = chinese.prefix === '亿' ? -8 : chinese.prefix === '万' ? -4 : 0;
  const value = shiftDecimal(chinese.n.toString(), exponent);
  return { value, prefix: chinese.prefix, end: chinese.end, chinese: true };
}

const QUALIFIERS: readonly (readonly [string, Qualifier])[] = [
  ['及以上', 'atLeast'],
  ['以上', 'atLeast'],
  ['以内', 'atMost'],
  ['之内', 'atMost'],
  ['以下', 'atMost'],
  ['左右', 'about'],
];

const RANGE_DASHES = new Set(['-', '—', '–', '~', '至', '到']);

/**
 * Every quantity (a number with a unit, or with 万/亿 and no unit) in
 * `text[from, to)`, in order. Numbers glued to Latin letters or digits
 * (PM10, G107, 5A) are not quantities; dates and durations have no unit
 * here and are skipped.
 */
export function findQuantities(text: string, from: number, to: number): Quantity[] {
  const found: Quantity[] = [];
  let i = from;
  while (i < to) {
    const c = text[i]!;
    const startsNumber = isDigit(c) || (isChineseNumeral(c) && c !== '万' && c !== '亿');
    const previous = i > 0 ? text[i - 1] : undefined;
    if (!startsNumber || isLatin(previous) || isDigit(previous) || previous === '.' || (!isDigit(c) && isChineseNumeral(previous))) {
      i++;
      continue;
    }
    const quantity = readQuantity(text, i, to);
    if (quantity === undefined) {
      // Skip the rest of this number so its tail is not read as another number.
      i++;
      while (i < to && (isDigit(text[i]) || text[i] === '.' || isChineseNumeral(text[i]))) i++;
      continue;
    }
    // A minus sign before the number (涨幅为-0.9%): not a dash between two numbers or a code.
    const sign = text[i - 1];
    const beforeSign = i > 1 ? text[i - 2] : undefined;
    if (
      (sign === '-' || sign === '−' || sign === '-') &&
      i - 1 >= from &&
      !isDigit(beforeSign) &&
      !isLatin(beforeSign) &&
      beforeSign !== '%' &&
      beforeSign !== '.'
    ) {
      found.push({ ...quantity, start: i - 1, value: quantity.value.startsWith('-') ? quantity.value : `-${quantity.value}`, high: undefined });
    } else {
      found.push(quantity);
    }
    i = quantity.end;
  }
  return found;
}

/** 百分之三, 千分之六, 百分之三点五: the number after it, in % or ‰. */
function readFractionWords(text: string, at: number, limit: number): Quantity | undefined {
  const unit = text.startsWith('百分之', at) ? '%' : text.startsWith('千分之', at) ? '‰' : undefined;
  if (unit === undefined) return undefined;
  const number = readNumber(text, at + 3, limit);
  if (number === undefined || number.prefix !== '') return undefined;
  let end = number.end;
  let qualifier: Qualifier | undefined;
  for (const [word, meaning] of QUALIFIERS) {
    if (text.startsWith(word, end)) {
      qualifier = meaning;
      end += word.length;
      break;
    }
  }
  return {
    start: at,
    unitEnd: number.end,
    end,
    value: number.value,
    high: undefined,
    unit,
    bare: false,
    qualifier,
    approx: false,
    chinese: number.chinese,
    ratio: false,
  };
}

function readQuantity(text: string, at: number, limit: number): Quantity | undefined {
  const words = readFractionWords(text, at, limit);
  if (words !== undefined) return words;
  const number = readNumber(text, at, limit);
  if (number === undefined) return undefined;
  let i = number.end;
  let approx = text[at - 1] === '近' || text[at - 1] === '约';
  if (text[i] === '余' || text[i] === '多') {
    approx = true;
    i++;
  }
  let value = number.value;
  let prefix = number.prefix;
  let high: DecimalString | undefined;
  // 7%—8%, 7—8%: the unit after the second number applies to both.
  const firstUnit = unitAt(text, i);
  const dashAt = firstUnit !== undefined && firstUnit.unit === '%' ? firstUnit.end : i;
  if (RANGE_DASHES.has(text[dashAt] ?? '') && dashAt + 1 < limit && isDigit(text[dashAt + 1])) {
    const second = readNumber(text, dashAt + 1, limit);
    if (second !== undefined && second.prefix === prefix) {
      const secondUnit = unitAt(text, second.end);
      if (secondUnit !== undefined && (firstUnit === undefined || firstUnit.unit === secondUnit.unit)) {
        high = second.value;
        i = second.end;
      }
    }
  }
  // A ratio "1.8:1" reads as 1.8 倍.
  if (prefix === '' && text[i] === ':' && text[i + 1] === '1' && !isDigit(text[i + 2]) && text[i + 2] !== '.') {
    return {
      start: at,
      unitEnd: i + 2,
      end: i + 2,
      value,
      high: undefined,
      unit: '倍',
      bare: false,
      qualifier: undefined,
      approx,
      chinese: number.chinese,
      ratio: true,
    };
  }
  let start = at;
  let unit: string;
  let bare = false;
  let unitEnd: number;
  const perCubicMetre = text.endsWith('每立方米', at) ? 4 : text.endsWith('每立方', at) ? 3 : 0;
  const read = unitAt(text, i);
  if (perCubicMetre > 0 && (text.startsWith('微克', i) || text.startsWith('毫克', i))) {
    unit = `${text.slice(i, i + 2)}/立方米`;
    start = at - perCubicMetre;
    unitEnd = i + 2;
  } else if (read !== undefined) {
    if (prefix !== '' && (read.unit === '%' || read.unit === '个百分点')) return undefined;
    unit = prefix + read.unit;
    unitEnd = read.end;
  } else if (prefix !== '') {
    unit = prefix;
    bare = true;
    unitEnd = i;
  } else if (!number.chinese && /指数/u.test(text.slice(Math.max(0, at - 12), at))) {
    // 价格指数控制在103以内: an index, in points.
    unit = '点';
    unitEnd = i;
  } else {
    return undefined;
  }
  if (high !== undefined && prefix !== '' && unit.startsWith(prefix)) {
    // Both ends share the prefix already.
  }
  let end = unitEnd;
  let qualifier: Qualifier | undefined;
  for (const [word, meaning] of QUALIFIERS) {
    if (text.startsWith(word, unitEnd)) {
      qualifier = meaning;
      end = unitEnd + word.length;
      break;
    }
  }
  prefix = '';
  value = parseDecimal(value) ?? value;
  return { start, unitEnd, end, value, high, unit, bare, qualifier, approx, chinese: number.chinese, ratio: false };
}
