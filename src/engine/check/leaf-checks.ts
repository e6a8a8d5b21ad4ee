// Problems in single conditions: the type mistakes json-rules-engine would
// silently compute as always-false (or convert behind the analyst's back), and
// thresholds no ordinary task reaches.
import { conditionTypeMistakes } from './condition-types.js';
import { factType, type Leaf } from './conditions.js';

/** A problem found in one condition. */
export interface LeafProblem {
  readonly leaf: Leaf;
  readonly severity: 'error' | 'warning';
  readonly message: string;
  readonly zh: string;
}

const NUMERIC = new Set(['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive']);

/**
 * The ranges of thresholds that ordinary plans produce, per fact: beyond them a
 * threshold is almost certainly a mistake (most often a percentage written as
 * 50 instead of 0.5). A task can reach further in theory, so this is a warning.
 */
export const PLAUSIBLE_RANGES: Readonly<Record<string, readonly [number, number]>> = {
  progress: [-10, 10],
  paceGap: [-10, 10],
  paceRatio: [-1000, 1000],
  daysToDeadline: [-36600, 36600],
  dataAgeDays: [0, 36600],
  overdueMilestones: [0, 1000],
};

/**
 * The type mistakes in one condition: the errors `parseRuleFile` refuses (see
 * condition-types.ts; a rule file built by hand may still hold them) and
 * thresholds outside the range ordinary tasks produce (warnings).
 */
export function leafProblems(leaf: Leaf): LeafProblem[] {
  const out: LeafProblem[] = conditionTypeMistakes(leaf.fact, leaf.operator, leaf.value).map((mistake) => ({
    leaf,
    severity: 'error',
    message: mistake.en,
    zh: mistake.zh,
  }));
  if (out.length > 0 || factType(leaf.fact) === undefined || !NUMERIC.has(leaf.operator) || typeof leaf.value !== 'number') return out;
  const range = PLAUSIBLE_RANGES[leaf.fact];
  if (range !== undefined && (leaf.value < range[0] || leaf.value > range[1])) {
    const hint = leaf.fact === 'progress' || leaf.fact === 'paceGap' ? '; fractions are written 0.5 for 50%' : '';
    out.push({
      leaf,
      severity: 'warning',
      message: `threshold ${leaf.value} is outside the range ordinary tasks produce for ${leaf.fact} (${range[0]} to ${range[1]})${hint}`,
      zh: `阈值 ${leaf.value} 超出了 ${leaf.fact} 在正常任务中的取值范围(${range[0]} 至 ${range[1]})${hint === '' ? '' : ';比例写成小数,50% 写 0.5'}`,
    });
  }
  return out;
}
