import Decimal from 'decimal.js';
import { summarizeCounts, type Evaluation, type EvaluationStream, type Gap, type TaskResult } from '../engine/evaluate-plan.js';
import { ensureEvaluation } from '../engine/boundary.js';
import { ensurePlan } from '../model/boundary.js';
import { invalidOption, kindOf } from '../model/check-arguments.js';
import { isRecognised } from '../model/recognised.js';
import type { Plan } from '../model/types.js';
import { displayWidth, padToWidth, truncateToWidth } from './display-width.js';
import { escapeMarkdownText, escapeTerminalText } from './safe-text.js';
import type { EvaluationWarning } from '../engine/as-of-warnings.js';
import type { RuleFile } from '../engine/parse-rule-file.js';
import { renderJsonPiece, RESULTS_BATCH_SIZE, type JsonPiece, type ResultsBatch } from './json-chunks.js';

/**
 * The output formats of an evaluation.
 *
 * @category Report
 */
export const EVALUATION_FORMATS = ['table', 'json', 'markdown', 'csv'] as const;

/**
 * An output format: `table` (for a terminal), `json` (the documented machine
 * format), `markdown` (for a bulletin draft) or `csv` (for Excel).
 *
 * @category Report
 */
export type EvaluationFormat = (typeof EVALUATION_FORMATS)[number];

const Pct = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_EVEN });

/** A fact fraction (decimal string) as a percentage with one decimal, or `—`. */
function percentCell(value: string | null): string {
  if (value === null) return '—';
  return `${new Pct(value).times(100).toDecimalPlaces(1).toFixed(1)}%`;
}

/**
 * The 差距 cell with its unit: progress against 序时进度 in 个百分点 (`+2.5个百分点`),
 * a rate's distance to its bound in the target's unit (`-0.5个百分点` for `%`, `-31家`).
 */
function gapCell(result: TaskResult, units: ReadonlyMap<string, string> | undefined): string {
  const { paceGap, margin } = result.facts;
  if (paceGap !== null) {
    const points = new Pct(paceGap).times(100).toDecimalPlaces(1);
    return `${points.isPositive() && !points.isZero() ? '+' : ''}${points.toFixed(1)}个百分点`;
  }
  if (margin !== null) {
    const unit = units?.get(result.taskId);
    return `${new Pct(margin).isNegative() ? '' : '+'}${margin}${unit === undefined ? '' : unit === '%' ? '个百分点' : unit}`;
  }
  return '—';
}

/** The unit of each rate task's target, for the 差距 column. */
function rateUnits(plan: Plan | undefined): ReadonlyMap<string, string> | undefined {
  if (plan === undefined) return undefined;
  const units = new Map<string, string>();
  for (const task of plan.tasks) if (task.target.kind === 'rate') units.set(task.id, task.target.unit);
  return units;
}

/**
 * One line summing up an evaluation's counts, statuses with no task left out
 * and gaps last: `共5项：有序推进4项，需要加大力度1项`. The table and Markdown
 * formats end with it.
 *
 * @param evaluation - the evaluation
 * @returns the line, without a newline
 * @example
 * ```ts
 * formatSummaryLine(evaluation); // '共5项：有序推进4项，需要加大力度1项'
 * ```
 * @category Report
 */
export function formatSummaryLine(evaluation: Evaluation): string {
  evaluation = ensureEvaluation(evaluation);
  const parts = evaluation.summary.byStatus.filter((entry) => entry.count > 0).map((entry) => `${entry.label}${entry.count}项`);
  if (evaluation.gaps.length > 0) parts.push(`未判定${evaluation.gaps.length}项`);
  return `共${evaluation.summary.total}项${parts.length > 0 ? `：${parts.join('，')}` : ''}`;
}

function header(evaluation: Evaluation): string {
  return `计划 ${escapeTerminalText(evaluation.planId)} · 截至 ${evaluation.asOf} · 规则 ${escapeTerminalText(evaluation.ruleSet)}`;
}

/**
 * Renders an evaluation as a terminal table with Chinese headings. Columns stay
 * aligned with CJK text (wide characters count two columns); long titles are cut.
 *
 * The 差距 column gives progress against 序时进度 in 个百分点, and for `rate`
 * targets the distance to the bound in the target's unit, named when the plan
 * is given. Control characters (ESC, CR, C1) and bidirectional formatting
 * characters (U+202A–U+202E, U+2066–U+2069, U+200E/U+200F) in ids, titles,
 * labels and rule names are written as `\u{HEX}` (`\u{1B}`), so the terminal
 * shows them instead of obeying them.
 *
 * Internal: `formatEvaluation(evaluation, 'table', plan)`.
 */
export function formatTable(evaluation: Evaluation, plan?: Plan): string {
  evaluation = ensureEvaluation(evaluation);
  const units = rateUnits(plan === undefined || plan === null ? undefined : ensurePlan(plan));
  const headings = ['编号', '任务', '状态', '完成进度', '序时进度', '差距', '规则'];
  const align: ('left' | 'right')[] = ['left', 'left', 'left', 'right', 'right', 'right', 'left'];
  // Ids, titles, labels and rule names are user text: escaped before they are measured, so a terminal shows them, never obeys them.
  const rows = evaluation.results.map((result) => [
    escapeTerminalText(result.taskId),
    truncateToWidth(escapeTerminalText(result.title), 36),
    escapeTerminalText(result.label ?? '未判定（规则缺口）'),
    percentCell(result.facts.progress),
    percentCell(result.facts.expected),
    escapeTerminalText(gapCell(result, units)),
    escapeTerminalText(result.rule ?? '—'),
  ]);
  // A loop, not Math.max(...): a spread of 200 000 rows would overflow the stack.
  const widths = headings.map((heading, i) => rows.reduce((widest, row) => Math.max(widest, displayWidth(row[i] ?? '')), displayWidth(heading)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => padToWidth(cell, widths[i] ?? 0, align[i]))
      .join('  ')
      .trimEnd();
  const out = [
    header(evaluation),
    '',
    line(headings),
    widths.map((w) => '─'.repeat(w)).join('  '),
    ...rows.map(line),
    '',
    escapeTerminalText(formatSummaryLine(evaluation)),
  ];
  for (const gap of evaluation.gaps) out.push(`规则缺口：任务 ${escapeTerminalText(gap.taskId)} 没有任何规则匹配`);
  return `${out.join('\n')}\n`;
}

const escapeMarkdown = escapeMarkdownText;

/** A rule set's id in a code span when it is a plain id (`four-level`), else escaped text: a backtick in it would end the span. */
const ruleSetMarkdown = (id: string) => (/^[\w.-]+$/.test(id) ? `\`${id}\`` : escapeMarkdownText(id));

/**
 * Renders an evaluation as Markdown: a heading, the counts, a table of every
 * task with its status and explanation, and the gaps. Text from the plan and
 * the rule file is escaped: `<script>` stays text, `[x](javascript:…)` is no
 * link, and control characters are written as `\u{HEX}`.
 *
 * Internal: `formatEvaluation(evaluation, 'markdown')`.
 */
export function formatMarkdown(evaluation: Evaluation): string {
  evaluation = ensureEvaluation(evaluation);
  const out = [
    `# 评估结果 ${escapeMarkdown(evaluation.planId)}`,
    '',
    `截至 ${evaluation.asOf}，规则集 ${ruleSetMarkdown(evaluation.ruleSet)}。${escapeMarkdown(formatSummaryLine(evaluation))}。`,
    '',
    '| 状态 | 数量 |',
    '| --- | ---: |',
    ...evaluation.summary.byStatus.map((entry) => `| ${escapeMarkdown(entry.label)} | ${entry.count} |`),
    '',
    '| 编号 | 任务 | 状态 | 完成进度 | 序时进度 | 说明 |',
    '| --- | --- | --- | ---: | ---: | --- |',
    ...evaluation.results.map(
      (result) =>
        `| ${escapeMarkdown(result.taskId)} | ${escapeMarkdown(result.title)} | ${escapeMarkdown(result.label ?? '未判定')} | ${percentCell(result.facts.progress)} | ${percentCell(result.facts.expected)} | ${escapeMarkdown(result.explanation)} |`,
    ),
  ];
  if (evaluation.gaps.length > 0) {
    out.push('', '## 规则缺口', '', ...evaluation.gaps.map((gap) => `- ${escapeMarkdown(gap.taskId)} ${escapeMarkdown(gap.title)}：没有任何规则匹配`));
  }
  return `${out.join('\n')}\n`;
}

/** A cell a spreadsheet would read as a formula: it starts with = + - @, a tab or a carriage return (OWASP's list), after any apostrophes. */
const FORMULA_TRIGGER = /^'*[=+\-@\t\r]/;

/** A cell that a leading apostrophe was put before (see {@link neutraliseCsvText}). */
const NEUTRALISED = /^'+[=+\-@\t\r]/;

/** A plain number, as duban writes numbers (`-8`, `-0.5`, `1e-7`): no spreadsheet reads it as a formula. */
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Neutralises a CSV cell against formula injection (OWASP "CSV Injection"): text
 * that a spreadsheet would run as a formula — it starts with `=`, `+`, `-`, `@`,
 * a tab or a carriage return — gets a leading `'`, which makes Excel, WPS and
 * LibreOffice show it as text (`=HYPERLINK(…)` → `'=HYPERLINK(…)`, `-5个百分点` →
 * `'-5个百分点`). A plain number (`-8`, `-0.5`) stays as it is: it is no formula.
 * So that reading the file back can undo it exactly, text that already starts
 * with apostrophes followed by one of those characters (`'=1`) gets one more;
 * {@link restoreCsvText} removes one apostrophe from exactly these cells.
 *
 * Internal: used by the CSV format and by `duban/excel`'s CSV task table.
 */
export function neutraliseCsvText(text: string): string {
  return FORMULA_TRIGGER.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/**
 * Undoes {@link neutraliseCsvText}: a cell that starts with one or more `'`
 * followed by `=`, `+`, `-`, `@`, a tab or a carriage return loses its first
 * `'`; every other cell is kept as it is. For any text `t`,
 * `restoreCsvText(neutraliseCsvText(t)) === t`.
 */
export function restoreCsvText(cell: string): string {
  return NEUTRALISED.test(cell) ? cell.slice(1) : cell;
}

/** A CSV field: neutralised against formula injection, then quoted when it holds `"`, `,` or a line break. */
export function csvField(value: string | number | boolean | null): string {
  const text = value === null ? '' : neutraliseCsvText(String(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Renders an evaluation as CSV (UTF-8 with a byte-order mark, so Excel reads the
 * Chinese correctly): one row per task with its status, the numeric facts and
 * the explanation. A text cell that a spreadsheet would run as a formula (it
 * starts with `=`, `+`, `-`, `@`, a tab or a carriage return) is written with a
 * leading `'` (`'=HYPERLINK(…)`); numbers such as `-0.5` are written as they are.
 *
 * Internal: `formatEvaluation(evaluation, 'csv')`.
 */
export function formatCsv(evaluation: Evaluation): string {
  evaluation = ensureEvaluation(evaluation);
  const columns = [
    'taskId',
    'title',
    'status',
    'label',
    'rule',
    'kind',
    'value',
    'target',
    'progress',
    'expected',
    'paceGap',
    'met',
    'onPace',
    'margin',
    'overdue',
    'daysToDeadline',
    'explanation',
  ] as const;
  const lines = [columns.join(',')];
  for (const result of evaluation.results) {
    const { facts } = result;
    const row = [
      result.taskId,
      result.title,
      result.status,
      result.label,
      result.rule,
      facts.kind,
      facts.value,
      facts.target,
      facts.progress,
      facts.expected,
      facts.paceGap,
      facts.met,
      facts.onPace,
      facts.margin,
      facts.overdue,
      facts.daysToDeadline,
      result.explanation,
    ];
    lines.push(row.map(csvField).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/**
 * Renders an evaluation in one of the {@link EVALUATION_FORMATS}, as
 * `duban evaluate --format` writes it:
 *
 * - `table`: a terminal table with Chinese headings, aligned with CJK text
 *   (wide characters count two columns), long titles cut; its 差距 column gives
 *   progress against 序时进度 in 个百分点 and, for `rate` targets, the distance
 *   to the bound in the target's unit, named when `plan` is given. Control and
 *   bidirectional formatting characters from user text are written as
 *   `\u{HEX}`, so a terminal shows them instead of obeying them.
 * - `json`: the documented machine format (cli.md), pretty-printed with two spaces.
 * - `markdown`: a heading, the counts, a table of every task with its status and
 *   explanation, and the gaps; text from the plan and the rule file is escaped
 *   (`<script>` stays text, `[x](javascript:…)` is no link).
 * - `csv`: UTF-8 with a byte-order mark (so Excel reads the Chinese), one row
 *   per task with its status, the numeric facts and the explanation; a text cell
 *   that a spreadsheet would run as a formula (it starts with `=`, `+`, `-`, `@`,
 *   a tab or a carriage return) gets a leading `'`, numbers such as `-0.5` stay.
 *
 * Each text ends with a newline. For a plan too large to hold its JSON text in
 * one string, see {@link formatEvaluationJsonChunks}.
 *
 * @param evaluation - the evaluation
 * @param format - the format
 * @param plan - the evaluated plan: with it, the table names the unit of each rate's 差距
 * @returns the text
 * @example
 * ```ts
 * process.stdout.write(formatEvaluation(await evaluatePlan(plan), 'table', plan));
 * writeFileSync('result.csv', formatEvaluation(evaluation, 'csv'));
 * writeFileSync('result.json', formatEvaluation(evaluation, 'json'));
 * ```
 * @category Report
 */
export function formatEvaluation(evaluation: Evaluation, format: EvaluationFormat, plan?: Plan): string {
  evaluation = ensureEvaluation(evaluation);
  if (!(EVALUATION_FORMATS as readonly unknown[]).includes(format))
    invalidOption('format', `expected one of ${EVALUATION_FORMATS.join(', ')}, got ${kindOf(format)}`);
  switch (format) {
    case 'json':
      return `${JSON.stringify(evaluation, null, 2)}\n`;
    case 'markdown':
      return formatMarkdown(evaluation);
    case 'csv':
      return formatCsv(evaluation);
    case 'table':
      return formatTable(evaluation, plan);
  }
}

/**
 * Writes an evaluation stream as the JSON output, chunk by chunk, while the
 * tasks are evaluated: the bytes are exactly those of
 * `formatEvaluation(evaluation, 'json')`, but no more than one task result is
 * held at a time (the gaps and the counts are kept until the end).
 *
 * @param stream - an evaluation started with `evaluatePlanStream`
 * @returns a generator of text chunks
 * @example
 * ```ts
 * for (const chunk of formatEvaluationJsonChunks(evaluatePlanStream(plan))) process.stdout.write(chunk);
 * ```
 * @category Report
 */
export function* formatEvaluationJsonChunks(stream: EvaluationStream): Generator<string, void, undefined> {
  if (!isRecognised('evaluation stream', stream)) invalidOption('stream', `expected a stream returned by evaluatePlanStream, got ${kindOf(stream)}`);
  for (const piece of evaluationJsonPieces(stream)) yield renderJsonPiece(piece);
}

/**
 * An evaluation's JSON output in pieces: the same text as
 * `formatEvaluation(evaluation, 'json')`, which for a very large evaluation
 * would be longer than a JavaScript string can be. Internal: the CLI writes
 * json-rules-engine's evaluations so.
 */
export function* evaluationJsonChunksOf(evaluation: Evaluation): Generator<string, void, undefined> {
  yield jsonHeader(evaluation.planId, evaluation.asOf, evaluation.ruleSet);
  const { results } = evaluation;
  for (let from = 0; from < results.length; from += RESULTS_BATCH_SIZE)
    yield renderJsonPiece({ results: results.slice(from, from + RESULTS_BATCH_SIZE), first: from === 0 });
  const nest = (value: unknown, indent: string) => JSON.stringify(value, null, 2).replace(/\n/g, `\n${indent}`);
  yield `${results.length === 0 ? '[]' : '\n  ]'},\n  "gaps": ${nest(evaluation.gaps, '  ')},\n  "summary": ${nest(evaluation.summary, '  ')},\n  "warnings": ${nest(evaluation.warnings ?? [], '  ')}\n}\n`;
}

/** The JSON output up to the opening of `results`. Internal: also for src/cli/flat-layout.ts. */
export const jsonHeader = (planId: string, asOf: string, ruleSet: string): string =>
  `{\n  "planId": ${JSON.stringify(planId)},\n  "asOf": ${JSON.stringify(asOf)},\n  "ruleSet": ${JSON.stringify(ruleSet)},\n  "results": `;

/** The JSON output after the last result: the gaps, the counts and the warnings. Internal: also for src/cli/flat-layout.ts. */
export function jsonFooter(
  ruleFile: RuleFile,
  empty: boolean,
  gaps: readonly Gap[],
  counts: ReadonlyMap<string | null, number>,
  warnings: readonly EvaluationWarning[],
): string {
  const nest = (value: unknown, indent: string) => JSON.stringify(value, null, 2).replace(/\n/g, `\n${indent}`);
  return `${empty ? '[]' : '\n  ]'},\n  "gaps": ${nest(gaps, '  ')},\n  "summary": ${nest(summarizeCounts(ruleFile, counts), '  ')},\n  "warnings": ${nest(warnings, '  ')}\n}\n`;
}

/**
 * The JSON output as pieces: text, and batches of results not yet rendered,
 * for a writer that renders them elsewhere (the CLI's writer thread).
 * Rendered with {@link renderJsonPiece}, the pieces are {@link formatEvaluationJsonChunks}' chunks.
 */
export function* evaluationJsonPieces(stream: EvaluationStream): Generator<JsonPiece, void, undefined> {
  yield jsonHeader(stream.planId, stream.asOf, stream.ruleFile.id);
  const gaps: Gap[] = [];
  // Counts per status, as the evaluation's summary counts them.
  const counts = new Map<string | null, number>();
  let batch: TaskResult[] = [];
  let first = true;
  const flush = (): ResultsBatch => {
    const piece = { results: batch, first };
    first = false;
    batch = [];
    return piece;
  };
  for (const result of stream.results) {
    batch.push(result);
    if (result.status === null) gaps.push({ taskId: result.taskId, title: result.title, facts: result.facts });
    counts.set(result.status, (counts.get(result.status) ?? 0) + 1);
    if (batch.length === RESULTS_BATCH_SIZE) yield flush();
  }
  if (batch.length > 0) yield flush();
  yield jsonFooter(stream.ruleFile, first, gaps, counts, stream.warnings);
}
