// Exact helpers the rule-file checker needs on top of src/pace/fraction.ts:
// reading a JSON number exactly, and choosing short, readable sample points.
import { parseDecimal } from '../../model/decimal.js';
import { add, compare, div, fraction, fromDecimal, type Fraction } from '../../pace/fraction.js';

/** A JSON number read exactly as the shortest decimal that round-trips to it; `undefined` for NaN and ±Infinity. */
export function fromNumber(value: number): Fraction | undefined {
  const text = Number.isFinite(value) ? parseDecimal(value) : undefined;
  return text === undefined ? undefined : fromDecimal(text);
}

const floorDiv = (n: bigint, d: bigint): bigint => (n >= 0n ? n / d : -((-n + d - 1n) / d));

/** The greatest integer ≤ a. */
export const floor = (a: Fraction): bigint => floorDiv(a.n, a.d);

/** The least integer ≥ a. */
export const ceil = (a: Fraction): bigint => -floorDiv(-a.n, a.d);

/**
 * The shortest decimal strictly between `a` and `b` (a < b), nearest to 0
 * among those with the fewest decimal places: 0.5 between 0.3 and 0.6, 2 between 1 and 3.
 * Short witnesses make the examples in a report readable.
 */
export function simplestBetween(a: Fraction, b: Fraction): Fraction {
  let scale = 1n;
  for (let places = 0; places <= 24; places++, scale *= 10n) {
    const lo = floorDiv(a.n * scale, a.d) + 1n;
    const hi = -floorDiv(-(b.n * scale), b.d) - 1n;
    if (lo <= hi) {
      const m = lo > 0n ? lo : hi < 0n ? hi : 0n;
      return fraction(m, scale);
    }
  }
  return div(add(a, b), fraction(2n));
}

/** Sorts and removes duplicates. */
export function uniqueSorted(values: readonly Fraction[]): Fraction[] {
  const sorted = [...values].sort(compare);
  return sorted.filter((value, i) => i === 0 || compare(value, sorted[i - 1]!) !== 0);
}

/** Bounds of a real or integer domain: `undefined` means unbounded on that side. */
export interface Bounds {
  readonly min?: Fraction | undefined;
  readonly minInclusive?: boolean | undefined;
  readonly max?: Fraction | undefined;
  readonly maxInclusive?: boolean | undefined;
}

function inside(value: Fraction, bounds: Bounds): boolean {
  if (bounds.min !== undefined) {
    const c = compare(value, bounds.min);
    if (c < 0 || (c === 0 && bounds.minInclusive !== true)) return false;
  }
  if (bounds.max !== undefined) {
    const c = compare(value, bounds.max);
    if (c > 0 || (c === 0 && bounds.maxInclusive !== true)) return false;
  }
  return true;
}

/**
 * Sample points of a real line cut by critical values: every critical value
 * inside the domain, a point strictly between each two neighbours, and one
 * beyond each end (inside the domain), nearest to 0 first. With `twice`, two distinct points in
 * every open piece, for when two variables must be able to differ inside one.
 * Every piece of the line that the critical values cut out gets a sample.
 */
export function sampleLine(criticals: readonly Fraction[], bounds: Bounds = {}, twice = false): Fraction[] {
  const cuts = uniqueSorted([...criticals, ...(bounds.min === undefined ? [] : [bounds.min]), ...(bounds.max === undefined ? [] : [bounds.max])]).filter(
    (value) => (bounds.min === undefined || compare(value, bounds.min) >= 0) && (bounds.max === undefined || compare(value, bounds.max) <= 0),
  );
  const points: Fraction[] = [];
  const between = (a: Fraction, b: Fraction) => {
    const first = simplestBetween(a, b);
    points.push(first);
    if (twice) points.push(simplestBetween(first, b));
  };
  if (cuts.length === 0) {
    points.push(fraction(0n), ...(twice ? [fraction(1n)] : []));
    return uniqueSorted(points).filter((value) => inside(value, bounds));
  }
  const first = cuts[0]!;
  const last = cuts[cuts.length - 1]!;
  if (bounds.min === undefined) {
    points.push(fraction(floor(first) - 1n));
    if (twice) points.push(fraction(floor(first) - 2n));
  }
  cuts.forEach((cut, i) => {
    points.push(cut);
    if (i + 1 < cuts.length) between(cut, cuts[i + 1]!);
  });
  if (bounds.max === undefined) {
    points.push(fraction(floor(last) + 1n));
    if (twice) points.push(fraction(floor(last) + 2n));
  }
  return byNearnessToZero(uniqueSorted(points).filter((value) => inside(value, bounds)));
}

/** Nearest to 0 first (ties: negative first), so the examples a report shows use ordinary values. */
function byNearnessToZero(values: Fraction[]): Fraction[] {
  return values.sort((a, b) => compare(a.n < 0n ? { n: -a.n, d: a.d } : a, b.n < 0n ? { n: -b.n, d: b.d } : b) || compare(a, b));
}

/**
 * Sample integers for integer facts cut by critical values: for every
 * critical value c the integers ⌊c⌋−1, ⌊c⌋, ⌈c⌉, ⌈c⌉+1, plus the domain's ends
 * and 0, inside [min, max], nearest to 0 first. Every run of integers on which all comparisons
 * with the critical values agree contains one of them.
 */
export function sampleIntegers(criticals: readonly Fraction[], min: bigint | undefined, max: bigint | undefined): bigint[] {
  const out = new Set<bigint>([0n]);
  for (const c of criticals) for (const k of [floor(c) - 1n, floor(c), ceil(c), ceil(c) + 1n]) out.add(k);
  if (min !== undefined) out.add(min);
  if (max !== undefined) out.add(max);
  // Nearest to 0 first, so the examples a report shows use ordinary values.
  const size = (k: bigint) => (k < 0n ? -k : k);
  return [...out]
    .filter((k) => (min === undefined || k >= min) && (max === undefined || k <= max))
    .sort((a, b) => (size(a) < size(b) ? -1 : size(a) > size(b) ? 1 : a < b ? -1 : a > b ? 1 : 0));
}
