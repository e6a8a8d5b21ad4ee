import { DubanError } from '../errors.js';
/**
 * A magnitude prefix of a unit: 十 百 千 万 十万 百万 千万 亿 万亿.
 * Internal: not exported from the package.
 */
export type MagnitudePrefix = '十' | '百' | '千' | '万' | '十万' | '百万' | '千万' | '亿' | '万亿';

/**
 * The magnitude prefixes a unit may start with, and the power of ten of each.
 * Internal: not exported from the package.
 */
export const MAGNITUDE_PREFIXES: Readonly<Record<MagnitudePrefix, number>> = {
  十: 1,
  百: 2,
  千: 3,
  万: 4,
  十万: 5,
  百万: 6,
  千万: 7,
  亿: 8,
  万亿: 12,
};

/** Units that never take a magnitude prefix. */
const UNPREFIXED_BASES = new Set(['%', '个百分点']);

interface UnitSplit {
  readonly base: string;
  readonly exponent: number;
}

function splits(unit: string): UnitSplit[] {
  const result: UnitSplit[] = [{ base: unit, exponent: 0 }];
  for (const [prefix, exponent] of Object.entries(MAGNITUDE_PREFIXES)) {
    if (unit.length > prefix.length && unit.startsWith(prefix)) {
      const base = unit.slice(prefix.length);
      if (!UNPREFIXED_BASES.has(base)) result.push({ base, exponent });
    }
  }
  return result;
}

/**
 * How to convert a value from one unit to another of the same base unit: the
 * power of ten to multiply by. Units split as magnitude prefix + base unit; two
 * units are compatible when they share a non-empty base, and where several splits
 * work the longest common base is used (`千瓦时` → `亿千瓦时` shares `千瓦时`).
 *
 * @param from - the unit the value is written in, e.g. `人`
 * @param to - the unit wanted, e.g. `万人`
 * @returns the power of ten (`-4` for `人` → `万人`), or `undefined` when the units are not compatible
 * Internal: not exported from the package.
 */
export function unitConversionExponent(from: string, to: string): number | undefined {
  if (typeof from !== 'string' || typeof to !== 'string') {
    const path = typeof from !== 'string' ? 'from' : 'to';
    throw new DubanError('INVALID_OPTION', 'units are strings', {
      issues: [{ code: 'invalid_type', path, keys: [path], message: `expected a unit such as "万人", got ${typeof (path === 'from' ? from : to)}` }],
    });
  }
  if (from === to) return 0;
  let best: { length: number; exponent: number } | undefined;
  for (const a of splits(from)) {
    for (const b of splits(to)) {
      if (a.base === b.base && (best === undefined || a.base.length > best.length)) {
        best = { length: a.base.length, exponent: a.exponent - b.exponent };
      }
    }
  }
  return best?.exponent;
}
