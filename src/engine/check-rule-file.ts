import { FACT_CATALOGUE } from '../pace/fact-catalogue.js';
import { kindOf, operatorsOption, readOptions } from '../model/check-arguments.js';
import type { Fraction } from '../pace/fraction.js';
import { compileRules, evaluateLeaf, evaluateNode, factType, type CompiledRule, type Leaf } from './check/conditions.js';
import { coreSamples, eachFlagSet, normaliseThresholds, type SamplePruner, type SampleFacts } from './check/fact-model.js';
import { leafSignature } from './check/leaf-signature.js';
import { factDescribers } from './check/describe-region.js';
import { leafProblems } from './check/leaf-checks.js';
import { fromNumber } from './check/rational.js';
import type { CustomOperator } from './operators.js';
import { ensureRuleFile } from './boundary.js';
import type { RuleFile } from './parse-rule-file.js';

/**
 * The kinds of problem `checkRuleFile` reports: `gap` (facts a task can have
 * that no rule matches), `unreachable` (a rule that can never decide),
 * `ambiguous` (rules of equal priority with different statuses that both match,
 * so file order decides), `type` (a condition that compares the wrong kinds of
 * value, or can never hold), `unused-status` (a status no rule can assign).
 *
 * @category Engine
 */
export const RULE_CHECK_KINDS = ['gap', 'unreachable', 'ambiguous', 'type', 'unused-status'] as const;

/**
 * One of {@link RULE_CHECK_KINDS}.
 *
 * @category Engine
 */
export type RuleCheckKind = (typeof RULE_CHECK_KINDS)[number];

/**
 * One problem `checkRuleFile` found.
 *
 * @category Engine
 */
export interface RuleCheckProblem {
  /** What kind of problem. */
  readonly kind: RuleCheckKind;
  /** `error` for a mistake, `warning` for something that is probably one (ambiguous overlaps, implausible thresholds, redundant conditions). */
  readonly severity: 'error' | 'warning';
  /** The JSON path in the rule file (`$` for a gap). */
  readonly path: string;
  /** The rules involved, by name. */
  readonly rules: readonly string[];
  /** What is wrong, in Chinese. */
  readonly zh: string;
  /** What is wrong, in English. */
  readonly message: string;
  /** For gaps, unreachable rules and overlaps: a complete set of facts a real task can produce that shows the problem, as the rules engine reads them. */
  readonly example: Readonly<Record<string, unknown>> | null;
  /** For gaps: the facts' values the gap covers, such as `hasData = true, onPace = false, paceRatio ≥ 0.5` (every task with these values matches no rule). */
  readonly region: string | null;
  /** For unreachable rules: the higher-ranked rules that always decide first. */
  readonly preemptedBy: readonly string[];
}

/**
 * Something `checkRuleFile` could not decide exactly, and says so instead of guessing.
 *
 * @category Engine
 */
export interface RuleCheckLimit {
  /** The JSON path of the condition or rule. */
  readonly path: string;
  /** The rules involved. */
  readonly rules: readonly string[];
  /** Why, in Chinese. */
  readonly zh: string;
  /** Why, in English. */
  readonly message: string;
}

/**
 * The result of `checkRuleFile`.
 *
 * @category Engine
 */
export interface RuleCheckReport {
  /** The rule file's id. */
  readonly ruleSet: string;
  /** Every problem found: type mistakes first, then gaps, unreachable rules, overlaps and unused statuses. */
  readonly problems: readonly RuleCheckProblem[];
  /** What could not be decided exactly. Empty when the analysis is exact. */
  readonly limits: readonly RuleCheckLimit[];
  /** How many gap regions exist (the problems list at most `maxGaps` of them). */
  readonly gapRegions: number;
  /** How many distinct combinations of condition results were examined. */
  readonly combinations: number;
  /** When the check stopped early (see `limits`): how far it got. `null` when it examined everything. */
  readonly stoppedEarly: RuleCheckStop | null;
}

/**
 * How far `checkRuleFile` got when it stopped early: the combinations of facts
 * a rule file can tell apart grow exponentially with the facts it combines
 * (every subset of the flags it mentions, every cell of value × target × progress),
 * so the check stops after `MAX_SAMPLES` samples of facts or `MAX_POINTS`
 * distinct combinations and says what it covered.
 *
 * @category Engine
 */
export interface RuleCheckStop {
  /** Distinct combinations of condition results examined. */
  readonly combinations: number;
  /** Samples of facts generated before stopping. */
  readonly samples: number;
  /** The sorts of task (a kind, with or without data) whose every combination was examined, such as `cumulative` or `rate (no data)`. */
  readonly completed: readonly string[];
  /** The sort of task being examined when the check stopped (examined only in part); the sorts after it were not examined. */
  readonly partly: string | null;
}

/**
 * Options for {@link checkRuleFile}.
 *
 * @category Engine
 */
export interface CheckRuleFileOptions {
  /** Operators the application registers, so conditions using them can be evaluated on examples (they are never analysed exactly). */
  readonly operators?: Readonly<Record<string, CustomOperator>> | undefined;
  /** How many gap regions to list (default 10); `gapRegions` counts them all. */
  readonly maxGaps?: number | undefined;
}

const NUMERIC = new Set(['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive']);
const MAX_POINTS = 100_000;
/** Samples of facts generated (or skipped as a whole) before the check stops: a few seconds of work. */
const MAX_SAMPLES = 2_000_000;
const FACT_ORDER = FACT_CATALOGUE.map((fact) => fact.name as string);

/** The numbers each number fact is compared with, and the flag strings the rules look for. */
function collectThresholds(leaves: readonly Leaf[]): { thresholds: Map<string, Fraction[]>; flags: string[] } {
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
interface Exploration {
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

const segmentOf = (facts: SampleFacts) => `${String(facts.kind)}${facts.hasData === true ? '' : ' (no data)'}`;

function* points(leaves: readonly Leaf[], thresholds: ReadonlyMap<string, readonly Fraction[]>, flagStrings: readonly string[], operators: Readonly<Record<string, CustomOperator>>, state: Exploration): Generator<Point> {
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

/** Facts in catalogue order, without `cancelled`/`flags` noise removed: the example a report shows. */
function example(facts: SampleFacts): Record<string, unknown> {
  return Object.fromEntries(FACT_ORDER.map((fact) => [fact, facts[fact]]));
}

function byRank(a: CompiledRule, b: CompiledRule): number {
  return b.rule.priority - a.rule.priority || a.index - b.index;
}

/** How unusual an example looks (negative amounts, expected 0, far-off days): lower reads better. */
function oddness(facts: SampleFacts): number {
  let score = 0;
  for (const fact of ['value', 'target', 'progress', 'margin']) if (typeof facts[fact] === 'number' && (facts[fact] as number) < 0) score += 1;
  if (facts.expected === 0) score += 1;
  for (const fact of ['daysToDeadline', 'dataAgeDays']) if (typeof facts[fact] === 'number' && Math.abs(facts[fact] as number) > 400) score += 1;
  return score;
}

interface GapRegion {
  readonly parts: readonly (string | undefined)[];
  readonly facts: SampleFacts;
  /** Some combinations with these descriptions are covered (only with conditions beyond exact analysis). */
  readonly partial?: boolean;
}

/**
 * Widens each gap region as far as it stays a gap: a fact's description is
 * dropped when no covered combination matches the rest (kind and hasData,
 * first in the vector, are dropped last). Regions inside another are removed.
 * With conditions beyond exact analysis a region only says where the example lies.
 */
function mergeGaps(gaps: readonly GapRegion[], covered: readonly (readonly (string | undefined)[])[], inexact: boolean): GapRegion[] {
  const matches = (parts: readonly (string | undefined)[], vector: readonly (string | undefined)[]) => parts.every((part, i) => part === undefined || part === vector[i]);
  const widened: GapRegion[] = gaps.map((region) => {
    let parts = [...region.parts];
    for (let f = parts.length - 1; f >= 0; f--) {
      if (parts[f] === undefined) continue;
      const wider = parts.map((part, i) => (i === f ? undefined : part));
      if (!covered.some((vector) => matches(wider, vector))) parts = wider;
    }
    return { parts, facts: region.facts };
  });
  // Each region shows the most ordinary example among the gaps it covers.
  for (const [i, region] of widened.entries()) {
    const best = gaps.filter((gap) => matches(region.parts, gap.parts)).sort((a, b) => oddness(a.facts) - oddness(b.facts))[0];
    if (best !== undefined) widened[i] = { parts: region.parts, facts: best.facts };
  }
  for (const [i, region] of widened.entries()) if (inexact || covered.some((vector) => matches(region.parts, vector))) widened[i] = { ...region, partial: true };
  const keys = widened.map((region) => JSON.stringify(region.parts));
  return widened.filter((region, i) => keys.indexOf(keys[i]!) === i && !widened.some((other, j) => keys[j] !== keys[i] && matches(other.parts, region.parts)));
}

/**
 * Checks a validated rule file for the mistakes that would mislabel tasks
 * silently: gaps (facts a real task can produce that no rule matches, each with
 * a complete example), rules a higher-priority rule always pre-empts (naming
 * it), rules of equal priority and different statuses that can both match
 * (decided only by file order), type mistakes in conditions (a threshold no
 * task can reach or no ordinary task would, a condition every task satisfies;
 * values of the wrong type for their fact are already refused by
 * `parseRuleFile`, and reported here only for a rule file built in code), and
 * statuses no rule assigns.
 *
 * The analysis is exact over the facts' domains and their dependencies (see
 * docs/rule-checking.md): every number fact is cut at every threshold the rules
 * compare it with, and every region a real task can reach is visited once.
 * Conditions beyond exact analysis — fact-to-fact comparisons, operators and
 * facts an application registers — are evaluated only on the sample facts, and
 * what that leaves undecided is listed in `limits` instead of being guessed.
 * Evaluation mirrors json-rules-engine, quirks included: numeric operators are
 * false on null, `equal` is `===`.
 *
 * @param ruleFile - a rule file validated by `parseRuleFile`
 * @param options - registered operators (to evaluate conditions that use them) and how many gaps to list
 * @returns the report; `problems` is empty for a clean file
 * @example
 * ```ts
 * const report = checkRuleFile(parseRuleFile(json));
 * for (const problem of report.problems) console.log(problem.severity, problem.path, problem.zh);
 * ```
 * @category Engine
 */
export function checkRuleFile(ruleFile: RuleFile, options: CheckRuleFileOptions = {}): RuleCheckReport {
  options = readOptions<CheckRuleFileOptions>(options, {
    operators: operatorsOption,
    maxGaps: (value) => (Number.isSafeInteger(value) && (value as number) >= 0 ? undefined : `expected a whole number ≥ 0, got ${kindOf(value)}`),
  });
  // A file built in code may hold type mistakes: they are reported below, not refused.
  ruleFile = ensureRuleFile(ruleFile, options.operators, 'keep');
  const operators = options.operators ?? {};
  const maxGaps = options.maxGaps ?? 10;
  const { leaves, rules } = compileRules(ruleFile);
  const ranked = [...rules].sort(byRank);
  const { thresholds, flags } = collectThresholds(leaves);
  const mentioned = FACT_ORDER.filter((fact) => leaves.some((leaf) => leaf.fact === fact || leaf.factRef === fact));
  const describers = factDescribers(mentioned, leaves, thresholds, flags);

  const problems: RuleCheckProblem[] = [];
  const limits: RuleCheckLimit[] = [];
  const typeProblems = leaves.flatMap(leafProblems);
  for (const { leaf, severity, message, zh } of typeProblems) {
    problems.push({ kind: 'type', severity, path: leaf.path, rules: [leaf.rule], zh: `规则“${leaf.rule}”:${zh}`, message: `rule ${JSON.stringify(leaf.rule)}: ${message}`, example: null, region: null, preemptedBy: [] });
  }
  for (const leaf of leaves) {
    if (leaf.inexact !== undefined) {
      limits.push({
        path: leaf.path,
        rules: [leaf.rule],
        message: `rule ${JSON.stringify(leaf.rule)}: this condition is beyond exact analysis (${leaf.inexact}); it was evaluated only on the sample facts`,
        zh: `规则“${leaf.rule}”:此条件超出精确分析范围(${leafReasonZh(leaf)}),只在样本事实上求值`,
      });
    }
  }

  const state: Exploration = { truncated: false, count: 0, samples: 0, completed: [], current: undefined };
  const everTrue = leaves.map(() => false);
  const everFalse = leaves.map(() => false);
  const reachable = new Set<number>();
  const possibleWin = new Set<number>();
  const possibleMatch = new Set<number>();
  const preemptors = new Map<number, Set<number>>();
  /** For each rule, the positions in `ranked` of the rules above it that matched wherever it might. */
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
          } else if (known.length > 0) alwaysAbove.set(rule.index, known.filter((j) => cell[j] === true));
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

  if (state.truncated) limits.push(stoppedEarlyLimit(state));

  // Type mistakes the domains reveal: a condition no task can satisfy, or one every task satisfies.
  const flagged = new Set(typeProblems.filter((problem) => problem.severity === 'error').map((problem) => problem.leaf.index));
  for (const leaf of leaves) {
    if (leaf.inexact !== undefined || flagged.has(leaf.index) || state.truncated) continue;
    if (!everTrue[leaf.index]) {
      problems.push({
        kind: 'type',
        severity: 'error',
        path: leaf.path,
        rules: [leaf.rule],
        zh: `规则“${leaf.rule}”:条件 ${leaf.fact} ${leaf.operator} ${JSON.stringify(leaf.value)} 对任何任务都不成立(${leaf.fact} 取不到这样的值)`,
        message: `rule ${JSON.stringify(leaf.rule)}: the condition ${leaf.fact} ${leaf.operator} ${JSON.stringify(leaf.value)} holds for no task (${leaf.fact} never takes such a value)`,
        example: null,
        region: null,
        preemptedBy: [],
      });
    } else if (!everFalse[leaf.index]) {
      problems.push({
        kind: 'type',
        severity: 'warning',
        path: leaf.path,
        rules: [leaf.rule],
        zh: `规则“${leaf.rule}”:条件 ${leaf.fact} ${leaf.operator} ${JSON.stringify(leaf.value)} 对所有任务都成立,是多余的`,
        message: `rule ${JSON.stringify(leaf.rule)}: the condition ${leaf.fact} ${leaf.operator} ${JSON.stringify(leaf.value)} holds for every task, so it is redundant`,
        example: null,
        region: null,
        preemptedBy: [],
      });
    }
  }

  // Type problems in the order of the conditions in the file.
  const leafOrder = new Map(leaves.map((leaf) => [leaf.path, leaf.index]));
  problems.sort((a, b) => (leafOrder.get(a.path) ?? 0) - (leafOrder.get(b.path) ?? 0));

  // Gaps.
  const regions = mergeGaps([...gapRegions.values()], covered, leaves.some((leaf) => leaf.inexact !== undefined));
  regions.slice(0, maxGaps).forEach((region) => {
    const text = region.parts.filter((part): part is string => part !== undefined).join(', ') || 'every task';
    problems.push({
      kind: 'gap',
      severity: 'error',
      path: '$.rules',
      rules: [],
      zh: region.partial === true ? `漏判:没有任何规则匹配部分 ${text} 的任务,如下例` : `漏判:没有任何规则匹配 ${text} 的任务`,
      message: region.partial === true ? `gap: no rule matches some tasks with ${text}, such as the example` : `gap: no rule matches tasks with ${text}`,
      example: example(region.facts),
      region: text,
      preemptedBy: [],
    });
  });
  if (gapsUndecided.size > 0) {
    const names = rules.filter((rule) => gapsUndecided.has(rule.index)).map((rule) => rule.rule.name);
    limits.push({
      path: '$.rules',
      rules: names,
      message: `whether ${names.map((name) => JSON.stringify(name)).join(', ')} cover every task could not be decided exactly: some tasks may match no rule`,
      zh: `无法精确判定规则 ${names.map((name) => `“${name}”`).join('、')} 是否覆盖了所有任务:可能存在漏判`,
    });
  }

  // Unreachable rules.
  for (const rule of rules) {
    if (reachable.has(rule.index)) continue;
    const path = `$.rules[${rule.index}]`;
    if (state.truncated || possibleWin.has(rule.index)) {
      limits.push({
        path,
        rules: [rule.rule.name],
        message: `rule ${JSON.stringify(rule.rule.name)}: whether it can ever decide a task could not be decided exactly`,
        zh: `规则“${rule.rule.name}”:无法精确判定它能否决定任何任务的状态`,
      });
      continue;
    }
    if (!possibleMatch.has(rule.index)) {
      problems.push({
        kind: 'unreachable',
        severity: 'error',
        path,
        rules: [rule.rule.name],
        zh: `规则“${rule.rule.name}”永远不会生效:没有任何任务能满足它的条件`,
        message: `rule ${JSON.stringify(rule.rule.name)} is unreachable: no task can satisfy its conditions`,
        example: null,
        region: null,
        preemptedBy: [],
      });
      continue;
    }
    // Name the rule that covers everything this one matches, if there is one; else every rule that decides first somewhere.
    const covering = (alwaysAbove.get(rule.index) ?? []).map((j) => ranked[j]!);
    const by = (covering.length > 0 ? [covering[0]!] : ranked.filter((other) => preemptors.get(rule.index)?.has(other.index))).map((other) => other.rule.name);
    const list = by.map((name) => JSON.stringify(name)).join(', ');
    problems.push({
      kind: 'unreachable',
      severity: 'error',
      path,
      rules: [rule.rule.name],
      zh: `规则“${rule.rule.name}”永远不会生效:凡满足它的任务,都已先被${by.map((name) => `“${name}”`).join('、')}判定`,
      message: `rule ${JSON.stringify(rule.rule.name)} is unreachable: every task it matches is decided first by ${list}`,
      example: null,
      region: null,
      preemptedBy: by,
    });
  }

  // Ambiguous overlaps.
  for (const { a, b, facts } of ambiguous.values()) {
    problems.push({
      kind: 'ambiguous',
      severity: 'warning',
      path: `$.rules[${b.index}].priority`,
      rules: [a.rule.name, b.rule.name],
      zh: `规则“${a.rule.name}”(${a.rule.event.type})与“${b.rule.name}”(${b.rule.event.type})优先级同为 ${a.rule.priority},可同时匹配,结果只取决于文件中的先后顺序`,
      message: `rules ${JSON.stringify(a.rule.name)} (${a.rule.event.type}) and ${JSON.stringify(b.rule.name)} (${b.rule.event.type}) share priority ${a.rule.priority} and can both match: only file order decides`,
      example: example(facts),
      region: null,
      preemptedBy: [],
    });
  }

  // Statuses.
  ruleFile.statuses.forEach((status, i) => {
    const assigning = rules.filter((rule) => rule.rule.event.type === status.code);
    if (assigning.length > 0 && (assigning.some((rule) => reachable.has(rule.index) || possibleWin.has(rule.index)) || state.truncated)) return;
    problems.push({
      kind: 'unused-status',
      severity: 'warning',
      path: `$.statuses[${i}]`,
      rules: assigning.map((rule) => rule.rule.name),
      zh: assigning.length === 0 ? `状态 ${status.code}(${status.label})已声明,但没有规则给出它` : `状态 ${status.code}(${status.label})只由永远不会生效的规则给出`,
      message: assigning.length === 0 ? `status ${JSON.stringify(status.code)} is declared but no rule assigns it` : `status ${JSON.stringify(status.code)} is assigned only by unreachable rules`,
      example: null,
      region: null,
      preemptedBy: [],
    });
  });

  const stoppedEarly = state.truncated ? { combinations: state.count, samples: state.samples, completed: [...state.completed], partly: state.current ?? null } : null;
  return { ruleSet: ruleFile.id, problems, limits, gapRegions: regions.length, combinations: state.count, stoppedEarly };
}

/** The sorts of task in the order the checker explores them. */
const SEGMENTS = ['cumulative', 'level', 'rate', 'milestones', 'binary', 'cumulative (no data)', 'level (no data)', 'rate (no data)'];
const SEGMENTS_ZH: Record<string, string> = { cumulative: '累计型(有数据)', level: '水平型(有数据)', rate: '比率型(有数据)', milestones: '节点型', binary: '完成型', 'cumulative (no data)': '累计型(无数据)', 'level (no data)': '水平型(无数据)', 'rate (no data)': '比率型(无数据)' };

/** The limit that says the check stopped early, and what it covered. */
function stoppedEarlyLimit(state: Exploration): RuleCheckLimit {
  const done = state.completed;
  const partly = state.current;
  const rest = SEGMENTS.slice(partly === undefined ? SEGMENTS.length : SEGMENTS.indexOf(partly) + 1);
  const en = [done.length > 0 ? `every combination of ${done.join(', ')} tasks was examined` : 'no sort of task was examined completely', ...(partly === undefined ? [] : [`${partly} tasks only in part`]), ...(rest.length > 0 ? [`${rest.join(', ')} tasks not at all`] : [])];
  const zh = [done.length > 0 ? `已完整检查${done.map((segment) => SEGMENTS_ZH[segment]).join('、')}任务` : '没有一类任务检查完整', ...(partly === undefined ? [] : [`${SEGMENTS_ZH[partly]}任务只检查了一部分`]), ...(rest.length > 0 ? [`${rest.map((segment) => SEGMENTS_ZH[segment]).join('、')}任务未检查`] : [])];
  return {
    path: '$.rules',
    rules: [],
    message: `the check stopped early, after ${state.count} combinations of condition results (${state.samples} samples of facts; it stops at ${MAX_POINTS} combinations or ${MAX_SAMPLES} samples): ${en.join('; ')}. Gaps may be missing and no rule is reported unreachable`,
    zh: `检查在 ${state.count} 种条件结果组合(${state.samples} 个事实样本)后停止(上限为 ${MAX_POINTS} 种组合或 ${MAX_SAMPLES} 个样本):${zh.join(';')}。可能有漏判未报出,也不报告无法生效的规则`,
  };
}

function leafReasonZh(leaf: Leaf): string {
  if (leaf.factRef !== undefined) return `拿事实 ${leaf.fact} 与事实 ${leaf.factRef} 比较`;
  if (factType(leaf.fact) === undefined) return `事实 ${leaf.fact} 由应用程序注册,其取值未知`;
  if (leaf.fact === 'flags') return `对列表 flags 作数值比较,结果取决于标记文字`;
  return `运算符 ${leaf.operator} 由应用程序注册`;
}
