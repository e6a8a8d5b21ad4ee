// What facts a real task can produce: the one place where the dependencies
// between facts are written down. `duban rules check` explores exactly this
// space, so a gap it reports is a combination some task can really reach, and
// a combination it never visits is one no task can reach.
//
// Notation: d = the as-of date, t = the deadline, D = daysToDeadline = D(t) − D(d),
// p = progress, e = expected. Every number is exact (a fraction) until it is
// rounded to the nearest JavaScript number for the rules engine.
//
// | facts                                   | constraint                                                                                   |
// | --------------------------------------- | -------------------------------------------------------------------------------------------- |
// | kind                                    | one of cumulative, level, rate, milestones, binary                                           |
// | cancelled, flags                        | independent of everything else: a cancelled task can have any other facts; flags any strings |
// | hasData                                 | always true for milestones and binary; either for cumulative, level and rate                  |
// | no data (hasData false)                 | value, progress, paceGap, paceRatio, met, onPace, margin, dataAgeDays, dataCoversPeriod null |
// | target                                  | null for milestones and binary; > 0 for cumulative; any number for level and rate            |
// | value, margin, dataAgeDays,             | null for milestones and binary; margin also null for cumulative and level                     |
// | dataCoversPeriod                        |                                                                                              |
// | expected                                | null for rate; in [0, 1] otherwise; 1 whenever D ≤ 0 for cumulative and level;                |
// |                                         | binary: 0 when D > 0, 1 when D ≤ 0; milestones: any value in [0, 1] at any D                |
// | progress                                | null exactly when kind is rate or there is no data; milestones in [0, 1]; binary 0 or 1;     |
// |                                         | cumulative and level any number                                                              |
// | paceGap                                 | p − e when both exist, else null                                                             |
// | paceRatio                               | p / e when both exist and e ≠ 0, else null                                                   |
// | met (non-rate, with data)               | p ≥ 1 (cumulative: value ≥ target; level: progress ≥ 1; milestones and binary: p = 1)      |
// | onPace                                  | rate: equals met; otherwise p ≥ e (so met implies onPace for non-rate kinds)                 |
// | cumulative with data                    | value = p · target                                                                           |
// | level with data                         | value = target exactly when p = 1 (the baseline can be chosen to give any other p)           |
// | rate with data                          | met = margin ≥ 0; margin ≥ −|value − target| (atLeast v−t, atMost t−v, about tol−|v−t|)      |
// | overdue                                 | D < 0 and met is not true (without data: D < 0)                                              |
// | daysToDeadline                          | an integer, |D| ≤ MAX_DAY_SPAN (dates lie in the years 1000–9999)                             |
// | overdueMilestones                       | 0 unless milestones; a whole number ≥ 0; > 0 implies p < 1 and e > 0                          |
// | dataAgeDays                             | with data (cumulative, level, rate): an integer in [0, MAX_DAY_SPAN]; else null               |
// | dataCoversPeriod                        | with data (cumulative, level, rate): D + dataAgeDays ≤ 0 (the observation is dated ≥ t); else |
// |                                         | null                                                                                         |
//
// Why the free parts are free: an observation may be any decimal of any sign
// and date ≤ d; a trajectory pace gives any e in [0, 1] on any day before t;
// milestone weights, due dates and done dates are arbitrary.
import { dayNumber } from '../../pace/calendar.js';
import { abs, add, compare, div, fraction, isZero, mul, neg, ONE, sub, toNumber, ZERO, type Fraction } from '../../pace/fraction.js';
import { sampleIntegers, sampleLine, uniqueSorted } from './rational.js';

/** The greatest distance in days between two dates duban accepts (years 1000 to 9999). */
export const MAX_DAY_SPAN = dayNumber('9999-12-31') - dayNumber('1000-01-01');

/** The kinds of target, in the order the checker explores them. */
export const KINDS = ['cumulative', 'level', 'rate', 'milestones', 'binary'] as const;

/** The numbers rule conditions compare each number fact with: where the checker must cut its domain. */
export type Thresholds = ReadonlyMap<string, readonly Fraction[]>;

/** Facts as the rules engine reads them, every fact of the catalogue present. */
export type SampleFacts = Record<string, unknown>;

const num = (value: Fraction | null): number | null => (value === null ? null : toNumber(value));

/** A line p = a·e + b in the (expected, progress) plane. */
interface Line {
  readonly a: Fraction;
  readonly b: Fraction;
}

function at(line: Line, e: Fraction): Fraction {
  return add(mul(line.a, e), line.b);
}

/**
 * Lets the caller of {@link coreSamples} skip a whole subtree of samples whose
 * combinations it has already seen. At each loop the generator passes the facts
 * fixed so far and, for each group of deeper facts, the value of the fixed
 * variables those facts (or the samples visited for them) depend on; the caller
 * decides from the conditions it evaluates whether the subtree can repeat only
 * combinations it has visited.
 */
export interface SamplePruner {
  skip(level: string, partial: Readonly<SampleFacts>, dependencies: readonly Dependency[]): boolean;
}

/** Deeper facts, and the value of the fixed variables they depend on. */
export type Dependency = readonly [facts: readonly string[], value: unknown];

const NEVER_SKIP: SamplePruner = { skip: () => false };

/** Where a value lies among sorted cuts: 2i for below cut i (above cut i − 1), 2i + 1 on cut i. */
function position(cuts: readonly Fraction[], value: Fraction): number {
  let lo = 0;
  let hi = cuts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(cuts[mid]!, value) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo < cuts.length && compare(cuts[lo]!, value) === 0 ? 2 * lo + 1 : 2 * lo;
}

/**
 * The (e, p) points to visit: every face, edge and vertex of the arrangement
 * of lines that the conditions on progress, expected, paceGap, paceRatio, met
 * and onPace draw in the plane gets a point. Critical e values are the
 * thresholds on expected and the lines' crossings; between them the order of
 * the lines is fixed, so sampling p around the lines at each e covers every cell.
 * Each vertical slab is offered to the pruner before its points are computed:
 * across slabs only the sloped lines move, so a slab whose facts the conditions
 * do not tell apart from an earlier one's adds nothing.
 */
function* progressPlane(
  lines: readonly Line[],
  expectedCuts: readonly Fraction[],
  pBounds: { min?: Fraction; max?: Fraction },
  skipSlab: (e: Fraction) => boolean,
): Generator<[Fraction, Fraction]> {
  const eCuts: Fraction[] = [ZERO, ONE, ...expectedCuts];
  const flat = lines.filter((line) => isZero(line.a));
  const sloped = lines.filter((line) => !isZero(line.a));
  const cross = (first: Line, second: Line) => {
    const slope = sub(first.a, second.a);
    if (isZero(slope)) return;
    const e = div(sub(second.b, first.b), slope);
    if (compare(e, ZERO) >= 0 && compare(e, ONE) <= 0) eCuts.push(e);
  };
  // Lines of equal slope never cross: only pairs with a sloped line can.
  for (let i = 0; i < sloped.length; i++) {
    for (const line of flat) cross(sloped[i]!, line);
    for (let j = i + 1; j < sloped.length; j++) cross(sloped[i]!, sloped[j]!);
  }
  const bounds = { min: pBounds.min, minInclusive: true, max: pBounds.max, maxInclusive: true };
  for (const e of sampleLine(eCuts, { min: ZERO, minInclusive: true, max: ONE, maxInclusive: true })) {
    if (skipSlab(e)) continue;
    for (const p of sampleLine(
      lines.map((line) => (isZero(line.a) ? line.b : at(line, e))),
      bounds,
    ))
      yield [e, p];
  }
}

function cutsOf(thresholds: Thresholds, fact: string): Fraction[] {
  return [...(thresholds.get(fact) ?? [])];
}

function daySamples(thresholds: Thresholds): bigint[] {
  return sampleIntegers([...cutsOf(thresholds, 'daysToDeadline'), fraction(-1n), ONE], BigInt(-MAX_DAY_SPAN), BigInt(MAX_DAY_SPAN));
}

/**
 * The ages to visit at `D` days to the deadline: cut at the rules' thresholds
 * and at −D, where dataCoversPeriod (D + age ≤ 0) changes.
 */
function ageSamples(thresholds: Thresholds): (d: bigint) => bigint[] {
  const cuts = cutsOf(thresholds, 'dataAgeDays');
  const byDay = new Map<bigint, bigint[]>();
  return (d) => {
    let ages = byDay.get(d);
    if (ages === undefined) byDay.set(d, (ages = sampleIntegers([...cuts, fraction(-d)], 0n, BigInt(MAX_DAY_SPAN))));
    return ages;
  };
}

/** Pairs (value, target) with value − target = dv: target cut by its own thresholds and by the value thresholds shifted. */
function valueTargetPairs(thresholds: Thresholds, difference: Fraction): Array<[Fraction, Fraction]> {
  const targets = sampleLine([...cutsOf(thresholds, 'target'), ...cutsOf(thresholds, 'value').map((c) => sub(c, difference))]);
  return targets.map((t) => [add(t, difference), t]);
}

/** Differences value − target worth visiting for level and rate targets. */
function differenceSamples(thresholds: Thresholds, extra: readonly Fraction[]): Fraction[] {
  const cuts: Fraction[] = [ZERO, ...extra];
  for (const v of cutsOf(thresholds, 'value')) for (const t of cutsOf(thresholds, 'target')) cuts.push(sub(v, t));
  return sampleLine(cuts, {}, true);
}

/** The facts that depend on how far the deadline is, and on the samples of the ages of the data. */
const DAY_FACTS = ['daysToDeadline', 'overdue', 'dataCoversPeriod', 'dataAgeDays'];
/** The facts of the (expected, progress) plane that change across its slabs for one value of progress. */
const SLOPED_FACTS = ['paceGap', 'paceRatio', 'onPace'];

/**
 * Every combination of facts the checker visits, apart from `cancelled` and
 * `flags` (which are independent of the rest and varied by the caller): for
 * each kind and data situation, sample points that cut every fact's domain at
 * every threshold the rules compare it with, respecting the constraints above.
 *
 * The samples come out in one fixed order. A pruner may skip subtrees (see
 * {@link SamplePruner}); what it skips changes nothing but the work when it
 * skips only subtrees that repeat combinations it has seen.
 *
 * @param thresholds - for each number fact, the numbers conditions compare it with
 * @param pruner - decides which subtrees to skip (none by default)
 */
export function* coreSamples(thresholds: Thresholds, pruner: SamplePruner = NEVER_SKIP): Generator<SampleFacts> {
  const days = daySamples(thresholds);
  const ages = ageSamples(thresholds);
  const baseLines: Line[] = [
    { a: ZERO, b: ZERO },
    { a: ZERO, b: ONE },
    { a: ONE, b: ZERO },
    ...cutsOf(thresholds, 'progress').map((c) => ({ a: ZERO, b: c })),
    ...cutsOf(thresholds, 'paceGap').map((g) => ({ a: ONE, b: g })),
    ...cutsOf(thresholds, 'paceRatio').map((r) => ({ a: r, b: ZERO })),
  ];
  const expectedCuts = cutsOf(thresholds, 'expected');
  const valueCuts = cutsOf(thresholds, 'value');
  const targetCuts = cutsOf(thresholds, 'target');
  const eKey = (e: Fraction) => `${e.n}/${e.d}`;
  const slab = (kind: string, e: Fraction, dependencies: readonly Dependency[]) =>
    pruner.skip(`${kind}:slab`, { kind, hasData: true, expected: num(e) }, [[SLOPED_FACTS, eKey(e)], ...dependencies]);

  // cumulative and level, with data.
  const levelDifferences = differenceSamples(thresholds, []);
  const levelPairs = new Map(levelDifferences.map((difference) => [difference, valueTargetPairs(thresholds, difference)]));
  for (const kind of ['cumulative', 'level'] as const) {
    const lines = [...baseLines];
    if (kind === 'cumulative') for (const v of valueCuts) for (const t of targetCuts) if (compare(t, ZERO) > 0) lines.push({ a: ZERO, b: div(v, t) });
    const unique = uniqueLines(lines);
    // Where p lies among the horizontal lines decides which values and targets a cumulative task can pair with it.
    const flat = uniqueSorted(unique.filter((line) => isZero(line.a)).map((line) => line.b));
    for (const [e, p] of progressPlane(unique, expectedCuts, {}, (e) => slab(kind, e, [[DAY_FACTS, compare(e, ONE) === 0]]))) {
      const met = compare(p, ONE) >= 0;
      const onPace = compare(p, e) >= 0;
      const progress = num(p);
      const expected = num(e);
      const paceGap = num(sub(p, e));
      const paceRatio = isZero(e) ? null : num(div(p, e));
      const pairDependency: Dependency = kind === 'cumulative' ? [['value'], position(flat, p)] : [['value', 'target'], compare(p, ONE) === 0];
      const plane = { kind, hasData: true, progress, expected, paceGap, paceRatio, met, onPace };
      if (pruner.skip(`${kind}:plane`, plane, [[DAY_FACTS, compare(e, ONE) === 0], [['overdue'], met], pairDependency])) continue;
      const pairs: Array<[number | null, number | null]> = [];
      if (kind === 'cumulative') {
        const cuts = [ZERO, ...targetCuts, ...(isZero(p) ? [] : valueCuts.map((v) => div(v, p)))];
        for (const t of sampleLine(cuts, { min: ZERO })) pairs.push([num(mul(p, t)), num(t)]);
      } else {
        for (const difference of levelDifferences) {
          if (isZero(difference) !== (compare(p, ONE) === 0)) continue;
          for (const [value, target] of levelPairs.get(difference)!) pairs.push([num(value), num(target)]);
        }
      }
      for (const d of days) {
        if (d <= 0n && compare(e, ONE) !== 0) continue;
        const overdue = d < 0n && !met;
        const daysToDeadline = Number(d);
        if (pruner.skip(`${kind}:day`, { ...plane, daysToDeadline, overdue }, [[['dataCoversPeriod'], d], pairDependency])) continue;
        for (const [value, target] of pairs) {
          for (const age of ages(d)) {
            yield {
              kind,
              cancelled: false,
              hasData: true,
              value,
              target,
              progress,
              expected,
              paceGap,
              paceRatio,
              met,
              onPace,
              margin: null,
              overdue,
              daysToDeadline,
              overdueMilestones: 0,
              dataAgeDays: Number(age),
              dataCoversPeriod: d + age <= 0n,
              flags: [],
            };
          }
        }
      }
    }
  }

  // rate, with data.
  const marginCuts = cutsOf(thresholds, 'margin');
  const marginLine = uniqueSorted([ZERO, ...marginCuts]);
  for (const difference of differenceSamples(thresholds, [...marginCuts, ...marginCuts.map(neg)])) {
    const floorMargin = neg(abs(difference));
    const marginDependency: Dependency = [['margin', 'met', 'onPace', 'overdue'], position(marginLine, floorMargin)];
    let margins: Array<[number | null, boolean]> | undefined;
    for (const [v, t] of valueTargetPairs(thresholds, difference)) {
      const value = num(v);
      const target = num(t);
      if (pruner.skip('rate:pair', { kind: 'rate', hasData: true, value, target }, [marginDependency])) continue;
      margins ??= sampleLine([ZERO, ...marginCuts, floorMargin], { min: floorMargin, minInclusive: true }).map((margin) => [
        num(margin),
        compare(margin, ZERO) >= 0,
      ]);
      for (const [margin, met] of margins) {
        for (const d of days) {
          const overdue = d < 0n && !met;
          const daysToDeadline = Number(d);
          if (
            pruner.skip('rate:day', { kind: 'rate', hasData: true, value, target, met, onPace: met, margin, daysToDeadline, overdue }, [
              [['dataCoversPeriod'], d],
            ])
          )
            continue;
          for (const age of ages(d)) {
            yield {
              kind: 'rate',
              cancelled: false,
              hasData: true,
              value,
              target,
              progress: null,
              expected: null,
              paceGap: null,
              paceRatio: null,
              met,
              onPace: met,
              margin,
              overdue,
              daysToDeadline,
              overdueMilestones: 0,
              dataAgeDays: Number(age),
              dataCoversPeriod: d + age <= 0n,
              flags: [],
            };
          }
        }
      }
    }
  }

  // milestones.
  const milestoneCounts = sampleIntegers([...cutsOf(thresholds, 'overdueMilestones'), ONE], 0n, undefined);
  for (const [e, p] of progressPlane(uniqueLines(baseLines), expectedCuts, { min: ZERO, max: ONE }, (e) =>
    slab('milestones', e, [[['overdueMilestones'], isZero(e)]]),
  )) {
    const met = compare(p, ONE) === 0;
    const onPace = compare(p, e) >= 0;
    const progress = num(p);
    const expected = num(e);
    const paceGap = num(sub(p, e));
    const paceRatio = isZero(e) ? null : num(div(p, e));
    const plane = { kind: 'milestones', hasData: true, progress, expected, paceGap, paceRatio, met, onPace };
    if (
      pruner.skip('milestones:plane', plane, [
        [['overdueMilestones'], isZero(e)],
        [['overdueMilestones', 'overdue'], met],
      ])
    )
      continue;
    for (const count of milestoneCounts) {
      if (count > 0n && (met || isZero(e))) continue;
      for (const d of days) {
        yield {
          kind: 'milestones',
          cancelled: false,
          hasData: true,
          value: null,
          target: null,
          progress,
          expected,
          paceGap,
          paceRatio,
          met,
          onPace,
          margin: null,
          overdue: d < 0n && !met,
          daysToDeadline: Number(d),
          overdueMilestones: Number(count),
          dataAgeDays: null,
          dataCoversPeriod: null,
          flags: [],
        };
      }
    }
  }

  // binary.
  for (const p of [ZERO, ONE]) {
    const met = compare(p, ONE) === 0;
    for (const d of days) {
      const e = d > 0n ? ZERO : ONE;
      yield {
        kind: 'binary',
        cancelled: false,
        hasData: true,
        value: null,
        target: null,
        progress: num(p),
        expected: num(e),
        paceGap: num(sub(p, e)),
        paceRatio: isZero(e) ? null : num(div(p, e)),
        met,
        onPace: compare(p, e) >= 0,
        margin: null,
        overdue: d < 0n && !met,
        daysToDeadline: Number(d),
        overdueMilestones: 0,
        dataAgeDays: null,
        dataCoversPeriod: null,
        flags: [],
      };
    }
  }

  // cumulative, level and rate without data.
  for (const kind of ['cumulative', 'level', 'rate'] as const) {
    const targets = sampleLine([ZERO, ...targetCuts], kind === 'cumulative' ? { min: ZERO } : {}).map(num);
    const expecteds = kind === 'rate' ? [null] : sampleLine([ZERO, ONE, ...expectedCuts], { min: ZERO, minInclusive: true, max: ONE, maxInclusive: true });
    for (const e of expecteds) {
      const expected = num(e);
      if (pruner.skip(`${kind}:no-data`, { kind, hasData: false, expected }, [[DAY_FACTS, e !== null && compare(e, ONE) === 0]])) continue;
      for (const d of days) {
        if (e !== null && d <= 0n && compare(e, ONE) !== 0) continue;
        const overdue = d < 0n;
        const daysToDeadline = Number(d);
        if (pruner.skip(`${kind}:no-data-day`, { kind, hasData: false, expected, daysToDeadline, overdue }, [])) continue;
        for (const target of targets) {
          yield {
            kind,
            cancelled: false,
            hasData: false,
            value: null,
            target,
            progress: null,
            expected,
            paceGap: null,
            paceRatio: null,
            met: null,
            onPace: null,
            margin: null,
            overdue,
            daysToDeadline,
            overdueMilestones: 0,
            dataAgeDays: null,
            dataCoversPeriod: null,
            flags: [],
          };
        }
      }
    }
  }
}

function uniqueLines(lines: readonly Line[]): Line[] {
  const seen = new Set<string>();
  return lines.filter((line) => {
    const key = `${line.a.n}/${line.a.d}:${line.b.n}/${line.b.d}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The subsets of the flag strings the rules mention (each sorted as listed),
 * one at a time: there are 2^n of them, so the caller may stop early.
 */
export function* eachFlagSet(strings: readonly string[]): Generator<string[]> {
  // Subset i holds string j when bit j of i is set: [], [a], [b], [a, b], [c], …
  for (let i = 0n; i < 1n << BigInt(strings.length); i++) yield strings.filter((_, j) => ((i >> BigInt(j)) & 1n) === 1n);
}

/** Every subset of the flag strings the rules mention, as {@link eachFlagSet} lists them. */
export function flagSets(strings: readonly string[]): string[][] {
  return [...eachFlagSet(strings)];
}

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isInteger = (value: unknown): value is number => Number.isSafeInteger(value);

/**
 * Every constraint above that a set of facts breaks, as English sentences; an
 * empty list for facts some task can produce. Used by tests to check both
 * directions: facts computed from real plans satisfy it, and every sample the
 * checker visits does too.
 *
 * @param facts - facts as the rules engine reads them
 */
export function factConstraintViolations(facts: Readonly<Record<string, unknown>>): string[] {
  const out: string[] = [];
  const need = (ok: boolean, message: string) => {
    if (!ok) out.push(message);
  };
  const { kind, hasData, progress: p, expected: e, met, onPace, daysToDeadline: D, overdueMilestones: om, dataAgeDays: age } = facts;
  need((KINDS as readonly unknown[]).includes(kind), `kind ${String(kind)} is not a kind`);
  need(typeof facts.cancelled === 'boolean', 'cancelled must be a boolean');
  need(Array.isArray(facts.flags) && facts.flags.every((flag) => typeof flag === 'string'), 'flags must be strings');
  need(typeof facts.overdue === 'boolean', 'overdue must be a boolean');
  need(isInteger(D) && Math.abs(D) <= MAX_DAY_SPAN, 'daysToDeadline must be an integer within the date range');
  need(isInteger(om) && om >= 0, 'overdueMilestones must be a whole number');
  const data = kind === 'milestones' || kind === 'binary' || hasData === true;
  need(typeof hasData === 'boolean' && (hasData || (kind !== 'milestones' && kind !== 'binary')), 'hasData is always true for milestones and binary');
  if (!data) {
    for (const fact of ['value', 'progress', 'paceGap', 'paceRatio', 'met', 'onPace', 'margin', 'dataAgeDays', 'dataCoversPeriod'])
      need(facts[fact] === null, `${fact} is null without data`);
  }
  need(kind === 'milestones' || om === 0, 'overdueMilestones is 0 unless the kind is milestones');
  need((p === null) === (kind === 'rate' || !data), 'progress is null exactly when the kind is rate or there is no data');
  need((e === null) === (kind === 'rate'), 'expected is null exactly for rate');
  if (e !== null) need(isNumber(e) && e >= 0 && e <= 1, 'expected lies in [0, 1]');
  if (isNumber(D) && D <= 0 && (kind === 'cumulative' || kind === 'level' || kind === 'binary')) need(e === 1, 'expected is 1 once the deadline has come');
  if (kind === 'binary' && isNumber(D) && D > 0) need(e === 0, 'binary expected is 0 before the deadline');
  if (kind === 'milestones' || kind === 'binary') {
    for (const fact of ['value', 'target', 'margin', 'dataAgeDays', 'dataCoversPeriod']) need(facts[fact] === null, `${fact} is null for ${kind}`);
    need(isNumber(p) && p >= 0 && p <= 1 && (kind === 'milestones' || p === 0 || p === 1), 'progress of milestones lies in [0, 1], of binary is 0 or 1');
    need(met === (p === 1), 'met means all done (progress 1)');
    if (isInteger(om) && om > 0) need(met === false && isNumber(e) && e > 0, 'an overdue milestone means not met and something due');
  } else {
    need(isNumber(facts.target) && (kind !== 'cumulative' || facts.target > 0), 'target is a number (> 0 for cumulative)');
    if (data) {
      need(isNumber(facts.value), 'value is a number with data');
      need(isInteger(age) && age >= 0 && age <= MAX_DAY_SPAN, 'dataAgeDays is a whole number with data');
      if (isInteger(age) && isInteger(D))
        need(
          facts.dataCoversPeriod === D + age <= 0,
          'dataCoversPeriod means the observation is dated on or after the deadline (daysToDeadline + dataAgeDays ≤ 0)',
        );
    } else need(age === null, 'dataAgeDays is null without data');
  }
  if (data && kind !== 'rate') {
    need(typeof met === 'boolean' && typeof onPace === 'boolean', 'met and onPace are booleans with data');
    if (isNumber(p)) need(met === p >= 1, 'met means progress ≥ 1');
    if (isNumber(p) && isNumber(e)) {
      need(onPace === true ? p >= e : p <= e, 'onPace means progress ≥ expected');
      need(isNumber(facts.paceGap), 'paceGap is a number when progress and expected are');
      need(e === 0 ? facts.paceRatio === null : isNumber(facts.paceRatio), 'paceRatio is null exactly when expected is 0');
    }
    need(met !== true || onPace === true, 'met implies onPace for non-rate kinds');
    need(facts.margin === null, 'margin is null except for rate');
  }
  if (kind === 'rate') {
    for (const fact of ['progress', 'expected', 'paceGap', 'paceRatio']) need(facts[fact] === null, `${fact} is null for rate`);
    if (data) {
      need(typeof met === 'boolean' && onPace === met, 'rate: onPace equals met');
      const { margin, value, target } = facts;
      need(isNumber(margin) && met === margin >= 0, 'rate: met means margin ≥ 0');
      if (isNumber(margin) && isNumber(value) && isNumber(target))
        need(margin >= -Math.abs(value - target) - 1e-9 * Math.max(1, Math.abs(value), Math.abs(target)), 'rate: margin ≥ −|value − target|');
    }
  }
  if (isNumber(D)) need(facts.overdue === (D < 0 && met !== true), 'overdue means past the deadline and not met');
  return out;
}

/** The thresholds as a sorted, duplicate-free list per fact. */
export function normaliseThresholds(raw: ReadonlyMap<string, readonly Fraction[]>): Map<string, Fraction[]> {
  return new Map([...raw].map(([fact, values]) => [fact, uniqueSorted(values)]));
}
