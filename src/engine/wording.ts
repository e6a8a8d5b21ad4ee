// How duban words figures in Chinese running text (explanations and bulletins):
// dates in Chinese form, falls as 下降, bounds as 控制在…以内 / 不低于, and the
// rounding of percentages. Full-width punctuation throughout (GB/T 15834).
import type { CalendarDate } from '../model/calendar-date.js';
import type { RateTarget } from '../model/types.js';
import { formatRounded, type Fraction, type Rounding } from '../pace/fraction.js';

// How percentages are rounded for people: 四舍五入 (half-up) by default, GB/T 8170 (half-even) on request.
export type { Rounding };

/**
 * The roundings, as a closed list: `half-up` (四舍五入) and `half-even` (GB/T 8170).
 *
 * @category Report
 */
export const ROUNDINGS: readonly Rounding[] = ['half-up', 'half-even'];

/** A calendar date in Chinese: `2016-06-30` → `2016年6月30日`. */
export function chineseDate(date: CalendarDate): string {
  return `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

/**
 * `value × 10^shift` rounded to a whole number by `rounding` (四舍五入 unless told),
 * written with `places` decimals and no trailing zeros: `roundedText({ n: 17n, d: 32n }, 4, 2)`
 * (0.53125) → `"53.13"`, or `"53.12"` half-even. {@link formatRounded} with duban's default for people.
 */
export const roundedText = (value: Fraction, shift: number, places: number, rounding: Rounding = 'half-up'): string =>
  formatRounded(value, shift, places, rounding);

/** The endings of a measure that names a rate of change: 地区生产总值增长, 能耗增速, 居民消费价格涨幅. */
const CHANGE_SUFFIXES = ['增长率', '增长速度', '增长', '增速', '增幅', '涨幅'] as const;
/** The endings of a measure that names a fall: 单位GDP能耗下降. */
const FALL_SUFFIXES = ['下降率', '降幅', '下降'] as const;

interface MeasureShape {
  /** The measure without its ending: 地区生产总值. */
  readonly stem: string;
  /** `change`: a growth rate (negative is a fall); `fall`: a fall (negative is a rise); `plain`: a level such as a share. */
  readonly sense: 'change' | 'fall' | 'plain';
  readonly measure: string;
}

function shapeOf(measure: string, unit: string): MeasureShape {
  if (unit === '%') {
    for (const suffix of CHANGE_SUFFIXES)
      if (measure.endsWith(suffix) && measure.length > suffix.length) return { stem: measure.slice(0, -suffix.length), sense: 'change', measure };
    for (const suffix of FALL_SUFFIXES)
      if (measure.endsWith(suffix) && measure.length > suffix.length) return { stem: measure.slice(0, -suffix.length), sense: 'fall', measure };
  }
  return { stem: measure, sense: 'plain', measure };
}

const magnitude = (text: string): string => (text.startsWith('-') ? text.slice(1) : text);
const isNegative = (text: string): boolean => text.startsWith('-') && /[1-9]/.test(text);
const isZero = (text: string): boolean => !/[1-9]/.test(text);

/**
 * A rate's value in words: `地区生产总值增长8.5%`, `外贸进出口总额下降8%`,
 * `单位GDP能耗下降2.5%`, `城镇登记失业率为3.2%`.
 *
 * @param measure - the target's measure
 * @param value - the value, a decimal string in `unit`
 * @param unit - the target's unit
 */
export function rateValueText(measure: string, value: string, unit: string): string {
  const shape = shapeOf(measure, unit);
  if (shape.sense === 'plain' || isZero(value)) return `${measure}为${value}${unit}`;
  const falls = shape.sense === 'change' ? isNegative(value) : !isNegative(value);
  if (shape.sense === 'change' && !falls) return measure.endsWith('增长') ? `${measure}${value}${unit}` : `${measure}为${value}${unit}`;
  return `${shape.stem}${falls ? '下降' : '上升'}${magnitude(value)}${unit}`;
}

/**
 * A rate target in words, as it follows 目标: floors `不低于7%`, ceilings
 * `控制在3.5%以内`, falls `下降3%` (a ceiling below zero on a growth rate, or a
 * floor on a measure that names a fall), a limit on a fall `降幅不超过2%`, and
 * `about` targets `7%左右（允许偏差0.5个百分点）`.
 *
 * @param target - the rate target
 */
export function rateTargetText(target: RateTarget): string {
  const { unit } = target;
  const value = target.value;
  const points = unit === '%' ? '个百分点' : unit;
  const shape = shapeOf(target.measure, unit);
  // Whether the target, read as a fall, is "fall by at least |value|" (atMost on a growth rate below 0, atLeast on a fall).
  const growthFalls = shape.sense === 'change' && isNegative(value);
  const fallRises = shape.sense === 'fall' && isNegative(value);
  switch (target.bound) {
    case 'about': {
      const tolerance = `（允许偏差${target.tolerance ?? '0'}${points}）`;
      if (growthFalls) return `下降${magnitude(value)}${unit}左右${tolerance}`;
      return `${value}${unit}左右${tolerance}`;
    }
    case 'atMost':
      if (growthFalls) return `下降${magnitude(value)}${unit}`;
      if (shape.sense === 'fall' && !fallRises) return `降幅不超过${value}${unit}`;
      return `控制在${value}${unit}以内`;
    case 'atLeast':
      if (shape.sense === 'fall' && !fallRises && !isZero(value)) return `下降${value}${unit}`;
      if (growthFalls) return `降幅不超过${magnitude(value)}${unit}`;
      return `不低于${value}${unit}`;
  }
}

const HALF_TO_FULL: Readonly<Record<string, string>> = { ',': '，', ':': '：', ';': '；', '(': '（', ')': '）', '?': '？', '!': '！' };
const isHan = (char: string | undefined): boolean => char !== undefined && /[\p{Script=Han}，。、：；（）“”《》]/u.test(char);

/**
 * Chinese running text with GB/T 15834's full-width marks: an ASCII `,:;()?!`
 * next to a Chinese character becomes `，：；（）？！` (`各县(市、区)` →
 * `各县（市、区）`); marks between Latin letters or digits (`1,000`, `GDP(PPP)`)
 * are left alone.
 *
 * @param text - text from a plan (a title, a measure, a unit's name) or built by duban
 */
export function fullWidth(text: string): string {
  if (!/[,:;()?!]/.test(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    const full = HALF_TO_FULL[char];
    out += full !== undefined && (isHan(text[i - 1]) || isHan(text[i + 1])) ? full : char;
  }
  return out;
}
