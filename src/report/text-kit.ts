import Decimal from 'decimal.js';
import { chineseDate, roundedText, type Rounding } from '../engine/wording.js';
import { fromDecimal } from '../pace/fraction.js';

export { chineseDate };

const Human = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -9e15, toExpPos: 9e15 });

/** A fact fraction (a decimal string) as a percentage for people, at most two decimals, 四舍五入 unless told: `"0.275"` → `27.5%`. */
export function percentText(value: string, rounding: Rounding = 'half-up'): string {
  const text = roundedText(fromDecimal(value), 4, 2, rounding);
  return `${text === '-0' ? '0' : text}%`;
}

/** A difference of two fractions as 个百分点, signed words: `超前2.5个百分点`, `落后15个百分点`. */
export function pointsText(gap: string, rounding: Rounding = 'half-up'): string {
  const text = roundedText(fromDecimal(gap), 4, 2, rounding);
  if (text === '0') return '持平';
  return `${text.startsWith('-') ? '落后' : '超前'}${text.replace(/^-/, '')}个百分点`;
}

/** A decimal string with a sign for a signed table cell: `+1.8`, `-3.5`, `0`. */
export function signedText(value: string): string {
  const number = new Human(value);
  return number.isZero() ? '0' : `${number.isPositive() ? '+' : ''}${number.toFixed()}`;
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** A small positive integer in Chinese numerals, as section numbers use them: 1 → 一, 12 → 十二, 20 → 二十. */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n] ?? String(n);
  if (n < 20) return `十${n % 10 === 0 ? '' : DIGITS[n % 10]}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 === 0 ? '' : DIGITS[n % 10]}`;
  return String(n);
}

/** Names joined the way a bulletin lists them: `甲、乙、丙`. */
export const joinNames = (names: readonly string[]): string => names.join('、');

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => (char === '&' ? '&amp;' : char === '<' ? '&lt;' : char === '>' ? '&gt;' : char === '"' ? '&quot;' : '&#39;'));
}

/**
 * Splits a list of names written in one string (`甲、乙,丙`) on 、,,;; and line
 * breaks, but never inside brackets, so `各县(市、区)` stays one name.
 */
export function splitNames(text: string): string[] {
  const names: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '(' || char === '(' || char === '[' || char === '【' || char === '〔') depth++;
    else if ((char === ')' || char === ')' || char === ']' || char === '】' || char === '〕') && depth > 0) depth--;
    if (depth === 0 && /[、,,;;\n\r]/.test(char)) {
      if (current.trim() !== '') names.push(current.trim());
      current = '';
    } else current += char;
  }
  if (current.trim() !== '') names.push(current.trim());
  return names;
}
