// The exploration behind checkRuleFile: every region of facts a real task can
// reach, visited once (see fact-model.ts), and what the rules do on each — which
// rule wins, which might, which rules always match above another, which overlap
// at equal priority, where no rule matches. The findings are drawn from this
// record by findings.ts.
import { FACT_CATALOGUE } from '../../pace/fact-catalogue.js';
import type { Fraction } from '../../pace/fraction.js';
import type { CustomOperator } from '../operators.js';
import { evaluateLeaf, evaluateNode, factType, type CompiledRule, type Leaf } from './conditions.js';
import { factDescribers } from './describe-region.js';
import { coreSamples, eachFlagSet, normaliseThresholds, type SampleFacts, type SamplePruner } from './fact-model.js';
import { leafSignature } from './leaf-signature.js';
import { fromNumber } from './rational.js';

/** The facts in catalogue order. */
export const FACT_ORDER = FACT_CATALOGUE.map((fact) => fact.name as string);
const NUMERIC = new Set(['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive']);
/** Distinct combinations of condition results examined before the check stops. */
export const MAX_POINTS = 100_000;
/** Samples of facts generated (or skipped as a whole) before the check stops: a few seconds of work. */
export const MAX_SAMPLES = 2_000_000;

/** The numbers each number fact is compared with, and the flag strings the rules look for. */
export function collectThresholds(leaves: readonly Leaf[]): { thresholds: Map<string, Fraction[]>; flags: string[] } {
  const raw = new Map<string, Fraction[]>();
  const flags = new Set<string>();
  const add = (fact: string, value: unknown) => {
    const exact = typeof value === 'number' ? fromNumber(value) : undefined;
    if (exact !== undefined) raw.set(fact, [...(raw.get(fact) ?? []), exact]);
  };
  for (const leaf of leaves) {
    if (leaf.factRef !== undefined) continue;
    const type = factType(leaf.fact);
    if (type === 'number' || type === 'integer') {
      if (NUMERIC.has(leaf.operator)) add(leaf.fact, typeof leaf.value === 'number' ? leaf.value : Number(leaf.value as never));
      else if (Array.isArray(leaf.value)) for (const item of leaf.value) add(leaf.fact, item);
      else add(leaf.fact, leaf.value);
    } else if (type === 'string[]' && typeof leaf.value === 'string') flags.add(leaf.value);
  }
  return { thresholds: normaliseThresholds(raw), flags: [...flags].sort() };
}

interface Point {
  readonly facts: SampleFacts;
  /** Each leaf's result on these facts (undefined: cannot be computed). */
  readonly concrete: readonly (boolean | undefined)[];
  /** Each leaf's result over the whole region of the point (undefined for conditions beyond exact analysis). */
  readonly exact: readonly (boolean | undefined)[];
}

/** How far the exploration got, for the report when it stopped early. */
export interface Exploration {
  /** It stopped before visiting every combination. */
  truncated: boolean;
  /** Distinct combinations of condition results examined. */
  count: number;
  /** Samples of facts generated or skipped whole (the work done). */
  samples: number;
  /** The kinds of task (with or without data) whose samples were all visited, in order. */
  readonly completed: string[];
  /** The kind being explored when it stopped. */
  current: string | undefined;
}

export const segmentOf = (facts: SampleFacts) => `${String(facts.kind)}${facts.hasData === true ? '' : ' (no data)'}`;

function* points(
  leaves: readonly Leaf[],
  thresholds: ReadonlyMap<string, readonly Fraction[]>,
  flagStrings: readonly string[],
  operators: Readonly<Record<string, CustomOperator>>,
  state: Exploration,
): Generator<Point> {
  const touchesVariant = (leaf: Leaf) => [leaf.fact, leaf.factRef].some((fact) => fact === 'cancelled' || fact === 'flags');
  const coreLeaves = leaves.filter((leaf) => !touchesVariant(leaf));
  const variantLeaves = leaves.filter(touchesVariant);
  const seenCores = new Set<string>();
  const seenQuick = new Set<string>();
  const seen = new Set<string>();
  const exact = leaves.every((leaf) => leaf.inexact === undefined);
  const signature = leafSignature(coreLeaves, operators);
  // Whole subtrees of samples that can only repeat combinations already seen are skipped (only when every
  // condition is analysed exactly: a condition beyond it may tell apart values the regions do not).
  const seenSubtrees = new Set<string>();
  const pruner: SamplePruner = {
    skip(level, partial, dependencies) {
      if (++state.samples > MAX_SAMPLES) return true;
      if (!exact) return false;
      let key = `${level}|`;
      for (const [facts, value] of dependencies) if (facts.some((fact) => signature.reads.has(fact))) key += `${String(value)},`;
      key += `|${signature.partialKey(partial)}`;
      if (seenSubtrees.has(key)) return true;
      seenSubtrees.add(key);
      return false;
    },
  };
  const stop = () => {
    state.truncated = true;
  };
  for (const core of coreSamples(thresholds, pruner)) {
    const segment = segmentOf(core);
    if (segment !== state.current) {
      if (state.current !== undefined) state.completed.push(state.current);
      state.current = segment;
    }
    if (++state.samples > MAX_SAMPLES) return stop();
    // Equal quick keys mean equal results of every core condition: the core was seen.
    const quick = `${signature.key(core)}|${String(core.kind)}|${String(core.hasData)}`;
    if (seenQuick.has(quick)) continue;
    seenQuick.add(quick);
    const coreValues = coreLeaves.map((leaf) => evaluateLeaf(leaf, core, operators));
    const coreKey = coreValues.map((value) => (value === undefined ? '?' : value ? '1' : '0')).join('');
    // Conditions beyond exact analysis make two points with equal results still worth telling apart by kind and data.
    const key = variantLeaves.length === 0 && exact ? coreKey : `${coreKey}|${String(core.kind)}|${String(core.hasData)}`;
    if (seenCores.has(key)) continue;
    seenCores.add(key);
    for (const cancelled of [false, true]) {
      for (const flags of eachFlagSet(flagStrings)) {
        if (++state.samples > MAX_SAMPLES) return stop();
        const facts = { ...core, cancelled, flags };
        const concrete = leaves.map((leaf) => evaluateLeaf(leaf, facts, operators));
        const signature = `${key}|${concrete.map((value) => (value === undefined ? '?' : value ? '1' : '0')).join('')}`;
        if (seen.has(signature)) continue;
        seen.add(signature);
        if (++state.count > MAX_POINTS) return stop();
        yield { facts, concrete, exact: concrete.map((value, i) => (leaves[i]!.inexact === undefined ? value : undefined)) };
      }
    }
  }
  if (state.samples > MAX_SAMPLES) return stop();
  if (state.current !== undefined) state.completed.push(state.current);
  state.current = undefined;
}

/** How unusual an example looks (negative amounts, expected 0, far-off days): lower reads better. */
export function oddness(facts: SampleFacts): number {
  let score = 0;
  for (const fact of ['value', 'target', 'progress', 'margin']) if (typeof facts[fact] === 'number' && (facts[fact] as number) < 0) score += 1;
  if (facts.expected === 0) score += 1;
  for (const fact of ['daysToDeadline', 'dataAgeDays']) if (typeof facts[fact] === 'number' && Math.abs(facts[fact] as number) > 400) score += 1;
  return score;
}

export interface GapRegion {
  readonly parts: readonly (string | undefined)[];
  readonly facts: SampleFacts;
  /** Some combinations with these descriptions are covered (only with conditions beyond exact analysis). */
  readonly partial?: boolean;
}

/** What the rules do over every region visited. */
export interface Explored {
  readonly state: Exploration;
  /** Per leaf: it holds somewhere (exactly), it fails somewhere. */
  readonly everTrue: readonly boolean[];
  readonly everFalse: readonly boolean[];
  /** Rules (by file index) that decide some task. */
  readonly reachable: ReadonlySet<number>;
  /** Rules that might decide somewhere (a condition beyond exact analysis leaves it open). */
  readonly possibleWin: ReadonlySet<number>;
  /** Rules that might match somewhere. */
  readonly possibleMatch: ReadonlySet<number>;
  /** For each rule, the rules that decide first where it might match. */
  readonly preemptors: ReadonlyMap<number, ReadonlySet<number>>;
  /** For each rule that never decided, the positions in the ranking of the rules above it that matched wherever it might. */
  readonly alwaysAbove: ReadonlyMap<number, readonly number[]>;
  /** Rules whose undecided conditions leave a gap open. */
  readonly gapsUndecided: ReadonlySet<number>;
  /** Pairs of rules of equal priority and different statuses that both match first somewhere, with the facts. */
  readonly ambiguous: ReadonlyMap<number, { readonly a: CompiledRule; readonly b: CompiledRule; readonly facts: SampleFacts }>;
  /** The gap regions by description, each with its most ordinary example. */
  readonly gapRegions: ReadonlyMap<string, GapRegion>;
  /** The distinct descriptions of regions some rule matches. */
  readonly covered: readonly (readonly (string | undefined)[])[];
}

/**
 * Visits every region of facts and records what the rules do there.
 *
 * @param leaves - every condition of the file
 * @param rules - the rules in file order
 * @param ranked - the rules in the order the engine tries them
 * @param operators - the application's operators
 */
export function explore(
  leaves: readonly Leaf[],
  rules: readonly CompiledRule[],
  ranked: readonly CompiledRule[],
  operators: Readonly<Record<string, CustomOperator>>,
): Explored {
  const { thresholds, flags } = collectThresholds(leaves);
  const mentioned = FACT_ORDER.filter((fact) => leaves.some((leaf) => leaf.fact === fact || leaf.factRef === fact));
  const describers = factDescribers(mentioned, leaves, thresholds, flags);
  const state: Exploration = { truncated: false, count: 0, samples: 0, completed: [], current: undefined };
  const everTrue = leaves.map(() => false);
  const everFalse = leaves.map(() => false);
  const reachable = new Set<number>();
  const possibleWin = new Set<number>();
  const possibleMatch = new Set<number>();
  const preemptors = new Map<number, Set<number>>();
  const alwaysAbove = new Map<number, number[]>();
  const gapsUndecided = new Set<number>();
  const ambiguous = new Map<number, { a: CompiledRule; b: CompiledRule; facts: SampleFacts }>();
  const gapRegions = new Map<string, GapRegion>();
  const covered: (string | undefined)[][] = [];
  const coveredKeys = new Set<string>();
  const describe = (facts: SampleFacts) => describers.map((describer) => describer.describe(facts[describer.fact]));

  for (const point of points(leaves, thresholds, flags, operators, state)) {
    point.exact.forEach((value, i) => {
      if (value === true) everTrue[i] = true;
      else if (value === false) everFalse[i] = true;
    });
    const truth = ranked.map((rule) => evaluateNode(rule.node, point.concrete));
    const cell = ranked.map((rule) => evaluateNode(rule.node, point.exact));
    const vector = describe(point.facts);
    if (truth.every((value) => value === false)) {
      const key = JSON.stringify(vector);
      const known = gapRegions.get(key);
      if (known === undefined || oddness(point.facts) < oddness(known.facts)) gapRegions.set(key, { parts: vector, facts: point.facts });
    } else {
      const key = JSON.stringify(vector);
      if (!coveredKeys.has(key)) {
        coveredKeys.add(key);
        covered.push(vector);
      }
      if (!cell.includes(true) && cell.includes(undefined)) ranked.forEach((rule, i) => cell[i] === undefined && gapsUndecided.add(rule.index));
    }
    // The winner on these facts.
    const first = truth.findIndex((value) => value !== false);
    if (first >= 0 && truth[first] === true) reachable.add(ranked[first]!.index);
    // Which rules might win somewhere in this region, and who pre-empts the others.
    let decided = -1;
    cell.forEach((value, i) => {
      const rule = ranked[i]!;
      if (value !== false) {
        // Only a rule that never decides is reported with the rules above it, so others are not tracked.
        if (!reachable.has(rule.index)) {
          const known = alwaysAbove.get(rule.index);
          if (known === undefined) {
            const above: number[] = [];
            for (let j = 0; j < i; j++) if (cell[j] === true) above.push(j);
            alwaysAbove.set(rule.index, above);
          } else if (known.length > 0)
            alwaysAbove.set(
              rule.index,
              known.filter((j) => cell[j] === true),
            );
        }
        possibleMatch.add(rule.index);
        if (decided < 0) possibleWin.add(rule.index);
        else preemptors.set(rule.index, (preemptors.get(rule.index) ?? new Set()).add(decided));
      }
      if (value === true && decided < 0) decided = rule.index;
    });
    // Overlaps that only file order decides.
    if (first >= 0 && truth[first] === true) {
      const top = ranked[first]!.rule.priority;
      const tied = ranked.filter((rule, i) => truth[i] === true && rule.rule.priority === top);
      for (let i = 0; i < tied.length; i++) {
        for (let j = i + 1; j < tied.length; j++) {
          const a = tied[i]!;
          const b = tied[j]!;
          if (a.rule.event.type === b.rule.event.type) continue;
          const key = a.index * rules.length + b.index;
          if (!ambiguous.has(key)) ambiguous.set(key, { a, b, facts: point.facts });
        }
      }
    }
  }

  return { state, everTrue, everFalse, reachable, possibleWin, possibleMatch, preemptors, alwaysAbove, gapsUndecided, ambiguous, gapRegions, covered };
}
