import { displayWidth } from '../report/display-width.js';
import type { CliIo } from './io.js';

/** A run shorter than this shows no progress at all. */
export const PROGRESS_AFTER_MS = 1000;

/** The progress line is rewritten at most this often. */
const PROGRESS_EVERY_MS = 200;

/** Counts of work done, shown on a terminal's stderr while a long run goes on (see {@link startProgress}). */
export interface Progress {
  /** Records that `count` more tasks are done; may rewrite the progress line. */
  advance(count: number): void;
  /** Clears the progress line, if one was shown, so the terminal looks as if there had been none. */
  end(): void;
}

/** Progress that shows nothing. */
export const NO_PROGRESS: Progress = { advance: () => undefined, end: () => undefined };

/** The progress line: `duban: 已评估 120000 / 1000000 项 (12%) / evaluated 120000 of 1000000 tasks` (under 80 columns up to 9 999 999 tasks). */
export function progressLine(done: number, total: number): string {
  const percent = total === 0 ? 100 : Math.floor((done * 100) / total);
  return `duban: 已评估 ${done} / ${total} 项 (${percent}%) / evaluated ${done} of ${total} tasks`;
}

/**
 * Progress of `total` tasks on stderr, only when stderr is a terminal
 * (`io.stderrIsTTY`) and only once the run has taken {@link PROGRESS_AFTER_MS}
 * since `startedAt`: one line, rewritten in place after a carriage return and
 * cleared by `end`. When stderr is not a terminal (a file, a pipe, CI, tests)
 * nothing at all is written, so stderr is byte for byte what it would be
 * without progress; stdout and `--out` are never touched.
 *
 * @param io - the streams; `stderrIsTTY` and `clock` decide
 * @param total - the number of tasks
 * @param startedAt - when the run started, by `io.clock`
 */
export function startProgress(io: CliIo, total: number, startedAt: number): Progress {
  if (io.stderrIsTTY !== true) return NO_PROGRESS;
  const clock = clockOf(io);
  let done = 0;
  let shownAt = -Infinity;
  let width = 0;
  return {
    advance(count) {
      done += count;
      const now = clock();
      if (now - startedAt < PROGRESS_AFTER_MS || now - shownAt < PROGRESS_EVERY_MS) return;
      shownAt = now;
      const line = progressLine(done, total);
      const lineWidth = displayWidth(line);
      io.stderr(`\r${line}${' '.repeat(Math.max(0, width - lineWidth))}`);
      width = Math.max(width, lineWidth);
    },
    end() {
      if (width > 0) io.stderr(`\r${' '.repeat(width)}\r`);
      width = 0;
    },
  };
}

/** The clock of `io` (default `performance.now`), in milliseconds. */
export const clockOf = (io: CliIo): (() => number) => io.clock ?? (() => performance.now());
