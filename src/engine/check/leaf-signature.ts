// A cheap key for a set of facts that decides every condition of a rule file:
// two sets of facts with the same key give every condition the same result.
// Comparisons of a number fact with number literals are decided by where the
// fact's value lies among the sorted literals (a binary search), so the key
// costs O(facts · log thresholds) instead of one evaluation per condition.
import { evaluateLeaf, factType, type Leaf } from './conditions.js';
import type { CustomOperator } from '../operators.js';

const NUMERIC = new Set(['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive']);

/** Keys for facts and for partial facts, over a fixed list of conditions. */
export interface LeafSignature {
  /** The facts the conditions read. */
  readonly reads: ReadonlySet<string>;
  /** A key for complete facts: equal keys mean equal results of every condition. */
  key(facts: Readonly<Record<string, unknown>>): string;
  /**
   * A key over the facts present in `partial`, for conditions that each read
   * one fact: equal keys mean every condition on those facts gives the same result.
   */
  partialKey(partial: Readonly<Record<string, unknown>>): string;
}

/** Whether the leaf's result on a number is decided by where the number lies among number literals. */
function byPosition(leaf: Leaf): boolean {
  if (leaf.inexact !== undefined || leaf.factRef !== undefined) return false;
  const type = factType(leaf.fact);
  if (type !== 'number' && type !== 'integer') return false;
  if (NUMERIC.has(leaf.operator) || leaf.operator === 'equal' || leaf.operator === 'notEqual') return typeof leaf.value === 'number';
  if (leaf.operator === 'in' || leaf.operator === 'notIn') return Array.isArray(leaf.value) && leaf.value.every((item) => typeof item === 'number');
  return false;
}

/** Where a number lies among sorted numbers: 2i below number i (above i − 1), 2i + 1 on it. */
function slot(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo] === value ? 2 * lo + 1 : 2 * lo;
}

/**
 * Builds the key function for the given conditions.
 *
 * @param leaves - the conditions
 * @param operators - the application's operators, for the conditions evaluated one by one
 */
export function leafSignature(leaves: readonly Leaf[], operators: Readonly<Record<string, CustomOperator>>): LeafSignature {
  const reads = new Set<string>();
  const byFact = new Map<string, Leaf[]>();
  const twoFacts: Leaf[] = [];
  for (const leaf of leaves) {
    reads.add(leaf.fact);
    if (leaf.factRef !== undefined) {
      reads.add(leaf.factRef);
      twoFacts.push(leaf);
    } else byFact.set(leaf.fact, [...(byFact.get(leaf.fact) ?? []), leaf]);
  }
  // Per fact: the sorted literals when every condition on it is decided by position, else undefined (the value itself is the key).
  const parts: Array<[string, Float64Array | undefined]> = [...byFact].map(([fact, own]) => {
    if (!own.every(byPosition)) return [fact, undefined];
    const literals = own.flatMap((leaf) => (Array.isArray(leaf.value) ? (leaf.value as number[]) : [leaf.value as number]));
    return [fact, Float64Array.from(new Set(literals)).sort()];
  });
  const part = (sorted: Float64Array | undefined, value: unknown): string => {
    if (sorted !== undefined && typeof value === 'number') return String(slot(sorted, value));
    return String(JSON.stringify(value));
  };
  return {
    reads,
    key(facts) {
      let key = '';
      for (const [fact, sorted] of parts) key += `${part(sorted, facts[fact])},`;
      for (const leaf of twoFacts) key += String(evaluateLeaf(leaf, facts, operators));
      return key;
    },
    partialKey(partial) {
      let key = '';
      for (const [fact, sorted] of parts) key += Object.hasOwn(partial, fact) ? `${part(sorted, partial[fact])},` : '-,';
      return key;
    },
  };
}
