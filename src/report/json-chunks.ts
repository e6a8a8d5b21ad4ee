import type { TaskResult } from '../engine/evaluate-plan.js';

/*
 * The pieces of the streamed JSON output. The CLI's writer thread
 * (src/cli/json-writer-worker.ts) renders the batches with this module alone,
 * so it imports types only.
 */

/** How many task results one native `JSON.stringify` renders. */
export const RESULTS_BATCH_SIZE = 2000;

/**
 * A batch of task results, in order; `first` for the first batch of the
 * output. (The CLI also sends results flat to its writer thread: see
 * src/cli/flat-layout.ts.)
 */
export interface ResultsBatch {
  readonly results: readonly TaskResult[];
  readonly first: boolean;
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
  const text = JSON.stringify({ results: batch.results }, null, 2);
  return `${batch.first ? '[\n' : ',\n'}${text.slice(BATCH_OPEN.length, text.length - BATCH_CLOSE.length)}`;
}

/** A piece as text. */
export function renderJsonPiece(piece: JsonPiece): string {
  return typeof piece === 'string' ? piece : renderResultsBatch(piece);
}
