import type { TaskResult } from '../engine/evaluate-plan.js';
import type { FactsJson } from '../pace/fact-values.js';

/*
 * The pieces of the streamed JSON output. The CLI's writer thread
 * (src/cli/json-writer-worker.ts) renders the batches with this module alone,
 * so it imports types only.
 */

/** How many task results one native `JSON.stringify` renders. */
export const RESULTS_BATCH_SIZE = 2000;

/**
 * A batch of task results, in order; `first` for the first batch of the
 * output. The results come as objects, or flat (see {@link FLAT_RESULT_FIELDS}):
 * a flat array costs a quarter as much to send to another thread.
 */
export type ResultsBatch =
  { readonly results: readonly TaskResult[]; readonly first: boolean } | { readonly flat: readonly unknown[]; readonly first: boolean };

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

/** A piece of the JSON output: text as it is, or a batch of results still to render. */
export type JsonPiece = string | ResultsBatch;

const BATCH_OPEN = '{\n  "results": [\n';
const BATCH_CLOSE = '\n  ]\n}';

/**
 * Renders a batch by one native JSON.stringify of `{ results: batch }`: its
 * elements come out indented exactly as in the whole evaluation's output, and
 * the wrapper is cut off.
 */
export function renderResultsBatch(batch: ResultsBatch): string {
  const text = JSON.stringify({ results: 'flat' in batch ? inflateResults(batch.flat) : batch.results }, null, 2);
  return `${batch.first ? '[\n' : ',\n'}${text.slice(BATCH_OPEN.length, text.length - BATCH_CLOSE.length)}`;
}

/** A piece as text. */
export function renderJsonPiece(piece: JsonPiece): string {
  return typeof piece === 'string' ? piece : renderResultsBatch(piece);
}
