import { writeSync } from 'node:fs';
import { isatty } from 'node:tty';
import { escapeTerminalText } from '../report/safe-text.js';

/**
 * Thrown by a write to stdout or stderr once its reader has gone (EPIPE: the
 * other end of a pipe was closed, as `| head -1` does). It unwinds the command
 * at once, so no more work is done for output nobody reads, and `main` turns
 * it into exit status 0 with nothing on stderr.
 */
export class OutputClosed extends Error {
  constructor() {
    super('the reader of the output has gone (EPIPE)');
    this.name = 'OutputClosed';
  }
}

/** Whether an error is {@link OutputClosed}. */
export const isOutputClosed = (error: unknown): error is OutputClosed => error instanceof OutputClosed;

/** Something to wait on while a non-blocking descriptor is full (EAGAIN). */
const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * A writer to file descriptor 1 or 2 that is synchronous whatever the
 * descriptor is, and throws {@link OutputClosed} when the reader has gone.
 *
 * Pipes and files are written with `writeSync`: each call returns once its
 * bytes are in the pipe (so a slow reader slows duban down instead of the text
 * piling up in memory) and an EPIPE is seen at the very write that meets it.
 * `process.stdout` would instead queue what the pipe cannot take and report the
 * EPIPE later, as an unhandled `'error'` event with a stack trace, after the
 * whole evaluation had been written into the void. A terminal is written
 * through `process.stdout` / `process.stderr` (which write to a terminal
 * synchronously on POSIX and with the console's own API on Windows); on a
 * terminal, stderr's control and bidirectional formatting characters (from ids
 * and titles quoted in messages) are written visibly as `\u{HEX}`.
 */
export function descriptorWriter(fd: 1 | 2): (text: string) => void {
  if (isatty(fd)) {
    const stream = fd === 1 ? process.stdout : process.stderr;
    let closed = false;
    // A terminal that went away: nobody is left to tell, so stop quietly.
    stream.on('error', () => {
      closed = true;
    });
    return (text) => {
      if (closed) throw new OutputClosed();
      // stderr's messages quote ids and titles: on a terminal their control characters are shown, not obeyed (the progress line's CR is kept).
      stream.write(
        fd === 2
          ? text
              .split('\r')
              .map((part) => escapeTerminalText(part, 'lines'))
              .join('\r')
          : text,
      );
    };
  }
  return (text) => writeAll(fd, text);
}

/** Writes all of `text` to `fd`, waiting while a non-blocking pipe is full. */
function writeAll(fd: number, text: string): void {
  if (text === '') return;
  const bytes = Buffer.from(text, 'utf8');
  let at = 0;
  let waits = 0;
  while (at < bytes.length) {
    try {
      at += writeSync(fd, bytes, at, bytes.length - at);
      waits = 0;
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code === 'EPIPE') throw new OutputClosed();
      // A descriptor shared with a process that made it non-blocking: wait for the reader (1, 2, 4 … 50 ms).
      if (code === 'EAGAIN') Atomics.wait(pause, 0, 0, Math.min(2 ** waits++, 50));
      else throw error;
    }
  }
}
