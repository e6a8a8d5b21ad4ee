/**
 * Why a sentence is on the review list of `extractPlan`, as a closed list.
 *
 * @example
 * ```ts
 * REVIEW_CODES.includes('share-mismatch'); // true
 * ```
 * @category Extract
 */
export const REVIEW_CODES = ['per-unit', 'unreadable', 'bound-unclear', 'share-mismatch', 'figure-conflict', 'unit-assumed'] as const;

/**
 * Why a sentence is on the review list: `per-unit` (每个乡镇建成一所…: no total
 * to track), `unreadable` (翻一番, 两位数: no number to read), `bound-unclear` (a
 * percentage with no word saying floor or ceiling), `share-mismatch` (the
 * stated 占年度目标的X% disagrees with value ÷ target beyond rounding),
 * `figure-conflict` (a second figure for the same target and date, not used),
 * `unit-assumed` (a figure counted in another classifier, 家 for 个, used as is).
 *
 * @category Extract
 */
export type ReviewCode = (typeof REVIEW_CODES)[number];
