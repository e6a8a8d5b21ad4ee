// The writer thread of `duban evaluate --format json --out FILE` for large plans (see json-writer.ts):
// it renders batches of task results to JSON text and writes them, while the main thread evaluates.
import { parentPort, workerData } from 'node:worker_threads';
import { renderOutputPiece, type OutputPiece } from './flat-layout.js';
import type { WriterMessage, WriterReply, WriterSetup } from './json-writer.js';
import { writeChunk } from './write-file.js';

const { progress } = workerData as WriterSetup;
const done = new Int32Array(progress);
let fd = -1;
let failure: WriterReply | undefined;

parentPort!.on('message', (message: WriterMessage) => {
  if (message === 'end') {
    parentPort!.postMessage(failure ?? ({ ok: true } satisfies WriterReply));
    parentPort!.close();
    return;
  }
  if (failure === undefined) {
    try {
      if (typeof message === 'object' && 'fd' in message) fd = message.fd;
      // Every byte checked: a full disk's short write is an error, not a truncated file.
      else writeChunk(fd, renderOutputPiece(message as OutputPiece));
    } catch (error) {
      // A write error (ENOSPC, EIO...) or anything else: reported at the end, and the main thread stops sending.
      const { code, message: text } = error as { code?: string; message?: string };
      failure = { ok: false, code, message: text ?? String(error) };
      Atomics.store(done, 1, 1);
    }
  }
  Atomics.add(done, 0, 1);
  Atomics.notify(done, 0);
});
