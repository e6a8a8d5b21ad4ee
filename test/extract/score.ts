/**
 * Scores an extracted plan against a gold list written by reading the source
 * document. The matching rules (also in docs/extract.md):
 *
 * - a gold target and an extracted task match when their kinds are equal, their
 *   bounds are equal (rate targets; absent = atLeast), their units are
 *   compatible (same base unit, e.g. 万人 and 人) and their values are equal
 *   once converted to the gold unit, compared exactly as decimals;
 * - and their measures are alike: after dropping punctuation, quotes and 的,
 *   one contains the other, or their character overlap (Dice coefficient on
 *   characters) is at least 0.5;
 * - matching is one to one, each gold target taking the alike candidate with
 *   the highest overlap;
 * - recall = matched / gold targets; precision = matched / extracted tasks with
 *   a quantitative target (rate, cumulative, level);
 * - a gold observation is found when the matched task has an observation with
 *   the same value (converted to the gold unit) dated at the gold as-of date;
 *   figure precision divides by every observation the extracted plan holds.
 */
import { type Plan, type Task } from '../../src/index.js';
import { compareDecimals, parseDecimal } from '../../src/model/decimal.js';
import { unitConversionExponent } from '../../src/model/units.js';

export interface GoldTarget {
  readonly measure: string;
  readonly kind: 'rate' | 'cumulative' | 'level';
  readonly bound?: 'atLeast' | 'atMost' | 'about';
  readonly value: string;
  readonly unit: string;
  readonly deadline?: string;
  readonly observation?: { readonly value: string; readonly unit: string };
  readonly note?: string;
}

export interface Gold {
  readonly seed: string;
  readonly kind: string;
  readonly asOf?: string;
  readonly note: string;
  readonly targets: readonly GoldTarget[];
}

export interface Score {
  readonly gold: number;
  readonly extracted: number;
  readonly matched: number;
  readonly recall: number;
  readonly precision: number;
  readonly missed: readonly GoldTarget[];
  readonly extra: readonly Task[];
  readonly goldFigures: number;
  readonly extractedFigures: number;
  readonly matchedFigures: number;
  readonly missedFigures: readonly GoldTarget[];
  readonly deadlinesWrong: readonly GoldTarget[];
  readonly pairs: readonly (readonly [GoldTarget, Task])[];
}

const normal = (s: string) => s.replace(/[\s“”"'、,()《》:;*的]/gu, '');

/** Character overlap (Dice) of two measures, 1 when one contains the other. */
export function measureSimilarity(a: string, b: string): number {
  const x = normal(a);
  const y = normal(b);
  if (x.length === 0 || y.length === 0) return 0;
  if (x.includes(y) || y.includes(x)) return 1;
  const counts = new Map<string, number>();
  for (const c of x) counts.set(c, (counts.get(c) ?? 0) + 1);
  let common = 0;
  for (const c of y) {
    const n = counts.get(c) ?? 0;
    if (n > 0) {
      common++;
      counts.set(c, n - 1);
    }
  }
  return (2 * common) / (x.length + y.length);
}

export const MEASURE_THRESHOLD = 0.5;

/** `value unit` converted into `unit to`, as a decimal string compared exactly; undefined when the units differ in base. */
export function sameQuantity(value: string, unit: string, goldValue: string, goldUnit: string): boolean {
  const exponent = unitConversionExponent(unit, goldUnit);
  if (exponent === undefined) return false;
  const shifted = shift(value, exponent);
  return compareDecimals(shifted, shift(goldValue, 0)) === 0;
}

/** Multiplies a decimal string by a power of ten, exactly (decimal.js through parseDecimal; no binary floating point). */
function shift(value: string, exponent: number): string {
  const shifted = parseDecimal(`${value}e${exponent}`);
  if (shifted === undefined) throw new Error(`not a decimal: ${value}`);
  return shifted;
}

const quantitative = (task: Task) => task.target.kind === 'rate' || task.target.kind === 'cumulative' || task.target.kind === 'level';

function matches(gold: GoldTarget, task: Task): boolean {
  const target = task.target;
  if (target.kind !== gold.kind) return false;
  if (target.kind === 'rate' && (target.bound ?? 'atLeast') !== (gold.bound ?? 'atLeast')) return false;
  if (!('value' in target)) return false;
  return sameQuantity(target.value, target.unit, gold.value, gold.unit) && measureSimilarity(gold.measure, target.measure) >= MEASURE_THRESHOLD;
}

/** Scores a plan against the gold list of its seed. */
export function score(plan: Plan, gold: Gold): Score {
  const candidates = plan.tasks.filter(quantitative);
  const used = new Set<Task>();
  const pairs: [GoldTarget, Task][] = [];
  const missed: GoldTarget[] = [];
  for (const item of gold.targets) {
    let best: Task | undefined;
    let bestScore = -1;
    for (const task of candidates) {
      if (used.has(task) || !matches(item, task)) continue;
      const s = measureSimilarity(item.measure, 'measure' in task.target ? task.target.measure : '');
      if (s > bestScore) {
        best = task;
        bestScore = s;
      }
    }
    if (best === undefined) missed.push(item);
    else {
      used.add(best);
      pairs.push([item, best]);
    }
  }
  let matchedFigures = 0;
  const missedFigures: GoldTarget[] = [];
  const deadlinesWrong: GoldTarget[] = [];
  for (const [item, task] of pairs) {
    if (item.deadline !== undefined && task.deadline !== item.deadline) deadlinesWrong.push(item);
    if (item.observation === undefined) continue;
    const unit = 'unit' in task.target ? task.target.unit : '';
    const found = (task.observations ?? []).some(
      (o) => (gold.asOf === undefined || o.asOf === gold.asOf) && sameQuantity(o.value, o.unit ?? unit, item.observation!.value, item.observation!.unit),
    );
    if (found) matchedFigures++;
    else missedFigures.push(item);
  }
  const goldFigures = gold.targets.filter((t) => t.observation !== undefined).length;
  const extractedFigures = candidates.reduce((n, task) => n + (task.observations?.length ?? 0), 0);
  const matched = pairs.length;
  return {
    gold: gold.targets.length,
    extracted: candidates.length,
    matched,
    recall: gold.targets.length === 0 ? 1 : matched / gold.targets.length,
    precision: candidates.length === 0 ? 1 : matched / candidates.length,
    missed,
    extra: candidates.filter((task) => !used.has(task)),
    goldFigures,
    extractedFigures,
    matchedFigures,
    missedFigures,
    deadlinesWrong,
    pairs,
  };
}
