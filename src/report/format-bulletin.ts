import { ensureEvaluations } from '../engine/boundary.js';
import type { Evaluation } from '../engine/evaluate-plan.js';
import { ensurePlan } from '../model/boundary.js';
import { oneOfOption, readOptions, stringOption, type OptionSpec } from '../model/check-arguments.js';
import { DubanError } from '../errors.js';
import { ROUNDINGS, type Rounding } from '../engine/wording.js';
import { isCalendarDate } from '../model/calendar-date.js';
import { quote } from '../model/schema-kit.js';
import type { Plan } from '../model/types.js';
import { buildBulletin } from './bulletin-document.js';
import { renderHtml } from './render-html.js';
import { renderMarkdown, renderText } from './render-plain.js';
import { SUMMARIZE_OPTIONS, summarizeOptions, type SummarizeOptions } from './summarize-evaluation.js';
import { summarizeTrend } from './trend.js';

/**
 * The formats of a bulletin.
 *
 * @category Report
 */
export const BULLETIN_FORMATS = ['markdown', 'html', 'text'] as const;

/**
 * A bulletin format: `markdown`, `html` (one self-contained page with charts)
 * or `text` (plain text to paste into a document).
 *
 * @category Report
 */
export type BulletinFormat = (typeof BULLETIN_FORMATS)[number];

/** The checks of {@link BulletinOptions}. Internal. */
export const BULLETIN_OPTIONS: OptionSpec = {
  ...SUMMARIZE_OPTIONS,
  format: oneOfOption(BULLETIN_FORMATS),
  title: stringOption,
  issuer: stringOption,
  date: stringOption,
  rounding: oneOfOption(ROUNDINGS),
};

/**
 * Options for {@link formatBulletin}.
 *
 * @category Report
 */
export interface BulletinOptions extends SummarizeOptions {
  /** The format; default `markdown`. */
  readonly format?: BulletinFormat | undefined;
  /** The bulletin's title; default `<plan title>落实情况通报`. */
  readonly title?: string | undefined;
  /** The issuing body in the 落款 (signature) at the end; default the plan's `issuer`; none when neither is given. */
  readonly issuer?: string | undefined;
  /** The date in the 落款 (成文日期), `YYYY-MM-DD`; default the as-of date of the latest evaluation. */
  readonly date?: string | undefined;
  /**
   * How the percentages the bulletin writes are rounded: `half-up` (四舍五入, default) or
   * `half-even` (GB/T 8170). Explanations come from the evaluation: pass the same `rounding` to it.
   */
  readonly rounding?: Rounding | undefined;
}

/**
 * Writes a 督查 bulletin (通报) in the structure of seeds 000 (锦州) and 001
 * (许昌): a title; 一、总体情况 with the counts in a sentence such as
 * `131项工作中,47项已完成,79项有序推进,1项存在突出问题,4项需要加大力度`, the
 * main indicators counted apart from the other work, and the tasks of every
 * status by name (cancelled ones apart); the main indicators against their
 * targets; the tasks behind 序时进度 or with problems, each with its
 * explanation, leader and units; counts per category, lead unit and leader;
 * and, given evaluations at several dates, each task's status history. Every
 * number comes from the evaluations. HTML adds charts (status distribution,
 * bullet charts of progress against 序时进度, trend lines) and a table per lead
 * unit, in one self-contained page.
 *
 * @param plan - the validated plan
 * @param evaluations - its evaluation, or evaluations at several as-of dates (the latest is reported, the others give the trend)
 * @param options - format, title, main indicators, tones
 * @returns the bulletin text
 * @throws {@link DubanError} `INVALID_OPTION` for an unknown format, or evaluations that are not of this plan or cannot form a trend
 * @example
 * ```ts
 * const evaluation = await evaluatePlan(plan, { rules: 'four-level' });
 * const markdown = formatBulletin(plan, evaluation);
 * const html = formatBulletin(plan, evaluation, { format: 'html', title: '市政府1-6月份重大工作事项落实情况' });
 * ```
 * @category Report
 */
export function formatBulletin(plan: Plan, evaluations: Evaluation | readonly Evaluation[], options: BulletinOptions = {}): string {
  plan = ensurePlan(plan);
  const list = ensureEvaluations(evaluations);
  // The date is checked below with its own message.
  options = readOptions<BulletinOptions>(options, { ...BULLETIN_OPTIONS, date: () => undefined });
  const format = options.format ?? 'markdown';
  if (!(BULLETIN_FORMATS as readonly string[]).includes(format)) {
    throw new DubanError('INVALID_OPTION', `unknown bulletin format ${quote(format)}`, {
      issues: [{ code: 'invalid_value', path: 'format', keys: ['format'], message: `expected one of ${BULLETIN_FORMATS.join(', ')}, got ${quote(format)}` }],
    });
  }
  const trend = summarizeTrend(plan, list, summarizeOptions(options));
  if (options.date !== undefined && !isCalendarDate(options.date)) {
    throw new DubanError('INVALID_OPTION', `not a real calendar date: ${quote(options.date)}`, {
      issues: [{ code: 'invalid_date', path: 'date', keys: ['date'], message: `expected a calendar date YYYY-MM-DD, got ${quote(options.date)}` }],
    });
  }
  const document = buildBulletin(plan, trend, { title: options.title, issuer: options.issuer, date: options.date, rounding: options.rounding });
  return format === 'html' ? renderHtml(document) : format === 'text' ? renderText(document) : renderMarkdown(document);
}
