import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { renderOutputPiece, type OutputPiece } from './flat-layout.js';
import { openAtomically, yieldToSignals } from './write-file.js';

/** What the writer thread is given: a shared progress counter. */
export interface WriterSetup {
  /** Int32 [pieces written, failed (0 or 1)]. */
  readonly progress: SharedArrayBuffer;
}

/** The first message to the writer thread: the descriptor to write to. */
export interface WriterOpen {
  readonly fd: number;
}

/** A message to the writer thread: where to write, a piece to write, or the end. */
export type WriterMessage = WriterOpen | OutputPiece | 'end';

/** The writer thread's answer to `end`. */
export type WriterReply = { readonly ok: true } | { readonly ok: false; readonly code: string | undefined; readonly message: string };

/** A started writer thread (see {@link startWriterThread}). */
export interface WriterThread {
  readonly worker: Worker;
  readonly state: Int32Array;
  readonly reply: Promise<WriterReply>;
}

/** At most this many pieces wait for the writer thread; then the main thread waits for it. */
const MAX_PIECES_IN_FLIGHT = 4;

/** A writer thread that has not finished one piece in this long has died: the output is abandoned. */
const STALLED_AFTER_SECONDS = 120;

/** The writer thread's script: beside the bundled CLI (dist/cli-json-writer.js); absent when running from source. */
const WORKER_SCRIPT = new URL('./cli-json-writer.js', import.meta.url);

/** Whether JSON output can be written by a writer thread here (the bundled CLI has its script). */
export function writerThreadAvailable(): boolean {
  return WORKER_SCRIPT.protocol === 'file:' && existsSync(fileURLToPath(WORKER_SCRIPT));
}

/**
 * Writes the JSON output to `file` atomically. With `thread`, batches of task
 * results are rendered (JSON.stringify) and written by a second thread while
 * this one goes on evaluating — the two halves of the work overlap on two cores.
 * The bytes are the same either way; on any error nothing is left behind.
 */
export async function writeJsonPieces(file: string, pieces: Iterable<OutputPiece>, thread: boolean | WriterThread, script: URL = WORKER_SCRIPT): Promise<void> {
  if (thread === false) {
    const target = openAtomically(file);
    try {
      for (const piece of pieces) {
        target.write(renderOutputPiece(piece));
        await yieldToSignals();
      }
      target.commit();
    } catch (error) {
      target.abandon();
      throw target.failure(error);
    }
    return;
  }
  const writer = thread === true ? startWriterThread(script) : thread;
  const { worker, state, reply } = writer;
  try {
    const target = openAtomically(file);
    try {
      worker.postMessage({ fd: target.fd } satisfies WriterMessage);
      let posted = 1;
      for (const piece of pieces) {
        worker.postMessage(piece satisfies WriterMessage);
        posted++;
        // Back-pressure: never more than a few batches queued (memory stays flat for a million tasks).
        let idle = 0;
        for (let written = Atomics.load(state, 0); posted - written > MAX_PIECES_IN_FLIGHT && Atomics.load(state, 1) === 0;) {
          if (Atomics.wait(state, 0, written, 1000) === 'timed-out' && ++idle >= STALLED_AFTER_SECONDS)
            throw new Error('the JSON writer thread stopped writing');
          const now = Atomics.load(state, 0);
          if (now !== written) idle = 0;
          written = now;
        }
        if (Atomics.load(state, 1) !== 0) break;
        await yieldToSignals();
      }
      worker.postMessage('end' satisfies WriterMessage);
      const outcome = await reply;
      if (!outcome.ok) throw Object.assign(new Error(outcome.message), { code: outcome.code });
      target.commit();
    } catch (error) {
      target.abandon();
      throw target.failure(error);
    }
  } finally {
    await worker.terminate();
  }
}

/**
 * Starts a writer thread ahead of the output, so that it is ready when the
 * first results are: its start-up then overlaps with reading the plan. Pass it
 * to {@link writeJsonPieces}, or terminate its `worker` if the output is never written.
 */
export function startWriterThread(script: URL = WORKER_SCRIPT): WriterThread {
  const progress = new SharedArrayBuffer(8);
  const state = new Int32Array(progress);
  const worker = new Worker(script, { workerData: { progress } satisfies WriterSetup });
  const reply = new Promise<WriterReply>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the JSON writer thread stopped (exit ${code})`)));
  });
  // Reported at the end: a write failure must not become an unhandled rejection meanwhile.
  reply.catch(() => undefined);
  return { worker, state, reply };
}
