// The CLI's flat output layout, in one place: how `duban evaluate --format json` hands task
// results to its writer thread (src/cli/json-writer.ts). A result is written as a run of
// array elements instead of an object, which costs about a quarter as much to send to
// another thread. Built from the layers' internals (the library's public API knows nothing
// of it): producing (startFlatEvaluation), the JSON output's pieces (flatEvaluationJsonPieces)
// and rendering (renderOutputPiece, which the writer thread runs).
import type { CalendarDate } from '../model/calendar-date.js';
import type { Plan } from '../model/types.js';
import type { ExactFacts } from '../pace/compute-facts.js';
import { fillFactTexts, newFactTexts, type FactsJson, type FactTexts } from '../pace/fact-values.js';
import { formatFraction, type Fraction } from '../pace/fraction.js';
import type { EvaluationWarning } from '../engine/as-of-warnings.js';
import type { CompiledRuleFile } from '../engine/compile-rule-file.js';
import { decideSafely, evaluationArguments, prepareCompiled, type EvaluateOptions, type Gap, type Prepared, type TaskResult } from '../engine/evaluate-plan.js';
import { explainTaskWith } from '../engine/explain-task.js';
import type { RuleFile } from '../engine/parse-rule-file.js';
import { jsonFooter, jsonHeader } from '../report/format-evaluation.js';
import { renderJsonPiece, renderResultsBatch, type JsonPiece } from '../report/json-chunks.js';

/** The facts' keys, in the order of the JSON output. */
export const FACT_KEYS = [
  'kind',
  'cancelled',
  'hasData',
  'value',
  'target',
  'progress',
  'expected',
  'paceGap',
  'paceRatio',
  'met',
  'onPace',
  'margin',
  'overdue',
  'daysToDeadline',
  'overdueMilestones',
  'dataAgeDays',
  'dataCoversPeriod',
  'flags',
] as const satisfies readonly (keyof FactsJson)[];

/**
 * A task result written flat takes this many array elements, in this order:
 * `taskId`, `title`, `status`, `label`, `rule`, the facts in {@link FACT_KEYS}
 * order, `explanation`.
 */
export const FLAT_RESULT_FIELDS = 6 + FACT_KEYS.length;

/** A batch of task results written flat, in order; `first` for the first batch of the output. */
export interface FlatBatch {
  readonly flat: readonly unknown[];
  readonly first: boolean;
}

/** A piece of the JSON output as the CLI writes it: a library piece, or a flat batch. */
export type OutputPiece = JsonPiece | FlatBatch;

/** The facts of the flat result at `at` (the index of its `taskId`), as an object with the output's key order. */
export function inflateFacts(flat: readonly unknown[], at: number): FactsJson {
  // A literal, in FACT_KEYS order (a test holds the two together): its fixed shape makes JSON.stringify fast.
  const f = at + 5;
  return {
    kind: flat[f] as string,
    cancelled: flat[f + 1] as boolean,
    hasData: flat[f + 2] as boolean,
    value: flat[f + 3] as string | null,
    target: flat[f + 4] as string | null,
    progress: flat[f + 5] as string | null,
    expected: flat[f + 6] as string | null,
    paceGap: flat[f + 7] as string | null,
    paceRatio: flat[f + 8] as string | null,
    met: flat[f + 9] as boolean | null,
    onPace: flat[f + 10] as boolean | null,
    margin: flat[f + 11] as string | null,
    overdue: flat[f + 12] as boolean,
    daysToDeadline: flat[f + 13] as number,
    overdueMilestones: flat[f + 14] as number,
    dataAgeDays: flat[f + 15] as number | null,
    dataCoversPeriod: flat[f + 16] as boolean | null,
    flags: flat[f + 17] as string[],
  };
}

/** The task results of a flat batch, as objects. */
export function inflateResults(flat: readonly unknown[]): TaskResult[] {
  const results: TaskResult[] = [];
  for (let at = 0; at < flat.length; at += FLAT_RESULT_FIELDS) {
    results.push({
      taskId: flat[at] as string,
      title: flat[at + 1] as string,
      status: flat[at + 2] as string | null,
      label: flat[at + 3] as string | null,
      rule: flat[at + 4] as string | null,
      facts: inflateFacts(flat, at),
      explanation: flat[at + FLAT_RESULT_FIELDS - 1] as string,
    });
  }
  return results;
}

/** A piece as text: a flat batch is rendered exactly as its results as objects would be. */
export function renderOutputPiece(piece: OutputPiece): string {
  if (typeof piece !== 'string' && 'flat' in piece) return renderResultsBatch({ results: inflateResults(piece.flat), first: piece.first });
  return renderJsonPiece(piece);
}

const text = (value: Fraction | null): string | null => (value === null ? null : formatFraction(value));

/**
 * Appends the facts as the JSON output writes them to `out`, in the order of
 * {@link FACT_KEYS}: the flat form of a task's facts.
 */
export function pushFactsJson(out: unknown[], facts: ExactFacts, texts: FactTexts): void {
  out.push(
    facts.kind,
    facts.cancelled,
    facts.hasData,
    texts.value,
    texts.target,
    text(facts.progress),
    texts.expected,
    text(facts.paceGap),
    text(facts.paceRatio),
    facts.met,
    facts.onPace,
    texts.margin,
    facts.overdue,
    facts.daysToDeadline,
    facts.overdueMilestones,
    facts.dataAgeDays,
    facts.dataCoversPeriod,
    // The task's own list: a flat result is only ever copied (sent to a thread) or written, never changed.
    facts.flags,
  );
}

/** A flat evaluation in progress: what is known before the first task, and the results in flat batches. */
export interface FlatEvaluation {
  readonly planId: string;
  readonly asOf: CalendarDate;
  readonly ruleFile: RuleFile;
  readonly warnings: readonly EvaluationWarning[];
  /** Batches of up to `batchSize` results, flat, computed as they are read. */
  readonly batches: Iterable<unknown[]>;
}

/**
 * Starts a synchronous, compiled evaluation (as the library's `evaluatePlanStream`,
 * with the same checks of its arguments) whose results come flat, in arrays of up
 * to `batchSize` results.
 */
export function startFlatEvaluation(plan: Plan, options: EvaluateOptions, batchSize: number): FlatEvaluation {
  ({ plan, options } = evaluationArguments(plan, options));
  const { prepared, compiled } = prepareCompiled(plan, options);
  return {
    planId: plan.id,
    asOf: prepared.asOf,
    ruleFile: prepared.ruleFile,
    warnings: prepared.warnings,
    batches: { [Symbol.iterator]: () => flatBatches(plan, prepared, compiled, batchSize) },
  };
}

function* flatBatches(plan: Plan, prepared: Prepared, compiled: CompiledRuleFile, batchSize: number): Generator<unknown[], void, undefined> {
  const { asOf } = prepared;
  const texts = newFactTexts();
  let batch: unknown[] = [];
  let count = 0;
  for (const task of plan.tasks) {
    const exact = prepared.facts(task);
    const decision = decideSafely(compiled, exact);
    batch.push(task.id, task.title, decision?.status?.code ?? null, decision?.status?.label ?? null, decision?.rule.name ?? null);
    fillFactTexts(texts, task, exact);
    pushFactsJson(batch, exact, texts);
    batch.push(explainTaskWith(plan, task, exact, asOf, texts, prepared.rounding));
    if (++count === batchSize) {
      yield batch;
      batch = [];
      count = 0;
    }
  }
  if (count > 0) yield batch;
}

/**
 * The JSON output of a flat evaluation as pieces: the same text as the library's
 * streamed JSON output (`formatEvaluationJsonChunks`) for the same evaluation.
 * The tasks no rule matched are collected in `gaps` as the pieces are read.
 */
export function* flatEvaluationJsonPieces(stream: FlatEvaluation, gaps: Gap[] = []): Generator<OutputPiece, void, undefined> {
  yield jsonHeader(stream.planId, stream.asOf, stream.ruleFile.id);
  const counts = new Map<string | null, number>();
  let first = true;
  for (const flat of stream.batches) {
    for (let at = 0; at < flat.length; at += FLAT_RESULT_FIELDS) {
      const status = flat[at + 2] as string | null;
      if (status === null) gaps.push({ taskId: flat[at] as string, title: flat[at + 1] as string, facts: inflateFacts(flat, at) });
      counts.set(status, (counts.get(status) ?? 0) + 1);
    }
    yield { flat, first };
    first = false;
  }
  yield jsonFooter(stream.ruleFile, first, gaps, counts, stream.warnings);
}
