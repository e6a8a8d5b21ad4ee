/**
 * Why a sentence is on the review list of `extractPlan`, as a closed list.
 *
 * @example
 * ```ts
 * REVIEW_CODES.includes('share-mismatch'); // true
 * ```
 * @category Extract
 */
export const REVIEW_CODES = [
  'per-unit',
  'unreadable',
  'bound-unclear',
  'share-mismatch',
  'figure-conflict',
  'unit-assumed',
  'target-derived',
  'not-drafted',
] as const;

/**
 * Why a sentence is on the review list: `per-unit` (每个乡镇建成一所…: no total
 * to track), `unreadable` (翻一番, 两位数: no number to read), `bound-unclear` (a
 * percentage with no word saying floor or ceiling), `share-mismatch` (the
 * stated 占年度目标的X% disagrees with value ÷ target beyond rounding),
 * `figure-conflict` (a second figure for the same target and date, not used),
 * `unit-assumed` (a figure counted in another classifier, 家 for 个, used as is),
 * `target-derived` (a target the text does not write, derived from a figure and
 * its stated share or gap to expected progress: check it), `not-drafted` (a
 * target read from the sentence that does not make a valid task, e.g. with no
 * measure: left out of the plan, which is still written).
 *
 * @category Extract
 */
export type ReviewCode = (typeof REVIEW_CODES)[number];
