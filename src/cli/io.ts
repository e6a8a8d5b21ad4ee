import { isUtf8 } from 'node:buffer';
import { closeSync, fstatSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { mergeObservationsCsv, safeParseOwnedPlan } from '../model/parse-input.js';
import { bilingual } from '../model/suggest.js';
import { parseLargeJson } from './parse-large-json.js';
import {
  BUNDLED_RULE_SET_IDS,
  DubanError,
  isBundledRuleSetId,
  isDubanError,
  MAX_INPUT_BYTES,
  mergeObservations,
  parseObservations,
  parsePlan,
  parseRuleFile,
  type BundledRuleSetId,
  type IssueCode,
  type Plan,
  type RuleFile,
} from '../index.js';

/** A usage problem: reported like invalid input, exit 2 (`code` says what is wrong with the command line). */
export function usage(message: string, code: IssueCode): DubanError {
  return new DubanError('INVALID_OPTION', message, { issues: [{ code, path: 'options', keys: ['options'], message }], source: 'command line' });
}

/** An input file duban refuses to read: too large (LIMIT_EXCEEDED), or not UTF-8 (READ_FAILED). */
function unreadable(file: string, code: 'too_large' | 'invalid_format', message: string): DubanError {
  return new DubanError(code === 'too_large' ? 'LIMIT_EXCEEDED' : 'READ_FAILED', `cannot read ${file}`, {
    issues: [{ code, path: '$', keys: [], message }],
    source: file,
  });
}

/** The error for an input over MAX_INPUT_BYTES: its size when known, else only that it went past the limit. */
const tooLarge = (file: string, size?: number) =>
  unreadable(
    file,
    'too_large',
    size === undefined
      ? bilingual(
          `输入超过上限 ${MAX_INPUT_BYTES} 字节（256 MiB），读到上限即停止`,
          `input goes on past the limit of ${MAX_INPUT_BYTES} bytes (256 MiB); reading stopped there`,
        )
      : bilingual(
          `输入长 ${size} 字节，超过上限 ${MAX_INPUT_BYTES}（256 MiB）`,
          `input is ${size} bytes long, more than the limit of ${MAX_INPUT_BYTES} (256 MiB)`,
        ),
  );

/**
 * Reads a whole file, refusing one larger than MAX_INPUT_BYTES: a regular file
 * by its size before reading, a device or pipe (`/dev/zero`) once it goes past it.
 */
function readBounded(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    return readBoundedFd(fd, file);
  } finally {
    closeSync(fd);
  }
}

/** Waits `ms` milliseconds without spinning (stdin opened non-blocking has nothing yet). */
const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Reads an open descriptor to its end within MAX_INPUT_BYTES: a regular file
 * by its size first; anything else (a pipe, a terminal, `/dev/zero`, whose
 * size says nothing) in chunks of 1 MiB, stopping with duban's error as soon
 * as it passes the limit, so no more than the limit and a chunk is ever held.
 */
function readBoundedFd(fd: number, name: string): Buffer {
  const stat = fstatSync(fd);
  if (stat.isDirectory()) throw Object.assign(new Error(`${name} is a directory`), { code: 'EISDIR' });
  if (stat.isFile() && stat.size > MAX_INPUT_BYTES) throw tooLarge(name, stat.size);
  if (stat.isFile() && fd !== 0) return readFileSync(fd);
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(1 << 20);
    let read: number;
    try {
      read = readSync(fd, chunk, 0, chunk.length, null);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'EAGAIN') {
        pause(10);
        continue;
      }
      if (code === 'EOF') return Buffer.concat(chunks, total);
      throw error;
    }
    if (read === 0) return Buffer.concat(chunks, total);
    total += read;
    if (total > MAX_INPUT_BYTES) throw tooLarge(name);
    chunks.push(chunk.subarray(0, read));
  }
}

/**
 * Standard input's bytes, within MAX_INPUT_BYTES: `duban evaluate - < /dev/zero`
 * stops at the limit with duban's error instead of growing without end.
 */
export function readStdinBytes(): Buffer {
  return readBoundedFd(0, 'stdin');
}

/** Standard input as UTF-8 text (bad bytes become U+FFFD, which {@link readText} refuses), within MAX_INPUT_BYTES. */
export function readStdinText(): string {
  return readStdinBytes().toString('utf8');
}

/** The offset of the first byte that is not part of a well-formed UTF-8 sequence, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const extra = lead >= 0xc2 && lead <= 0xdf ? 1 : lead >= 0xe0 && lead <= 0xef ? 2 : lead >= 0xf0 && lead <= 0xf4 ? 3 : 0;
    if (extra === 0) return i;
    // The second byte's range excludes overlong forms, surrogates and code points above U+10FFFF.
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k <= extra; k++) {
      const byte = bytes[i + k];
      if (byte === undefined || byte < (k === 1 ? low : 0x80) || byte > (k === 1 ? high : 0xbf)) return i;
    }
    i += extra + 1;
  }
  return -1;
}

/** Decodes UTF-8, refusing anything else with the place of the first bad byte rather than guessing (mojibake). */
function decodeUtf8(file: string, bytes: Buffer): string {
  if (isUtf8(bytes)) return bytes.toString('utf8');
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw unreadable(file, 'invalid_format', 'the file is UTF-16 (it starts with a UTF-16 byte-order mark); duban reads UTF-8 only: save it as UTF-8');
  }
  const offset = firstInvalidUtf8(bytes);
  const lineStart = bytes.lastIndexOf(0x0a, offset - 1) + 1;
  let line = 1;
  for (let i = bytes.indexOf(0x0a); i !== -1 && i < offset; i = bytes.indexOf(0x0a, i + 1)) line++;
  throw unreadable(
    file,
    'invalid_format',
    `not valid UTF-8 at line ${line}, byte ${offset - lineStart + 1} of the line (byte 0x${bytes[offset]!.toString(16).padStart(2, '0')} at offset ${offset}); ` +
      'duban reads UTF-8 only: convert the file first, e.g. from GB18030/GBK with iconv -f GB18030 -t UTF-8',
  );
}

/**
 * Reads an input file (or stdin for `-`) as UTF-8 text within MAX_INPUT_BYTES.
 * stdin arrives already decoded, so there a replacement character U+FFFD is
 * taken as the sign of input that was not UTF-8.
 */
export function readText(file: string, stdin: () => string): string {
  return withReadErrors(file, () => {
    if (file !== '-') return decodeUtf8(file, readBounded(file));
    const text = stdin();
    if (text.length > MAX_INPUT_BYTES) throw tooLarge('stdin');
    const bad = text.indexOf('\uFFFD');
    if (bad !== -1) {
      const line = text.slice(0, bad).split('\n').length;
      throw unreadable(
        'stdin',
        'invalid_format',
        `not valid UTF-8: it decodes to the replacement character U+FFFD at line ${line}; duban reads UTF-8 only: convert the input first, e.g. from GB18030/GBK with iconv -f GB18030 -t UTF-8`,
      );
    }
    return text;
  });
}

/** Reads a file's bytes within MAX_INPUT_BYTES (for workbooks and other binary input), or throws a DubanError naming the file. */
export function readBytes(file: string): Uint8Array {
  return withReadErrors(file, () => readBounded(file));
}

/** Runs a read, turning a system error into a DubanError that names the file (exit 2). */
function withReadErrors<T>(file: string, read: () => T): T {
  try {
    return read();
  } catch (cause) {
    if (isDubanError(cause)) throw cause;
    const code = (cause as { code?: string }).code;
    throw new DubanError('READ_FAILED', `cannot read ${file}`, {
      issues: [
        {
          code: 'read_failed',
          path: '$',
          keys: [],
          message: code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a directory' : `cannot read (${code ?? String(cause)})`,
        },
      ],
      source: file,
      cause,
    });
  }
}

export function loadRules(spec: string | undefined, read: (file: string) => string): RuleFile | undefined {
  if (spec === undefined || isBundledRuleSetId(spec)) return undefined;
  if (!/[\\/]|\.json$/i.test(spec))
    throw usage(`unknown rule set ${JSON.stringify(spec)}; bundled: ${BUNDLED_RULE_SET_IDS.join(', ')}, or give a rule file's path`, 'unknown_reference');
  return parseRuleFile(read(spec), { source: spec });
}

// Writing files lives in write-file.ts; re-exported for the commands that import it from here.
export { openAtomically, writeAtomically, type AtomicFile } from './write-file.js';

/** The process's streams and exit, injectable for tests. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly stdin: () => string;
  /** Standard input as bytes, for commands that detect the encoding themselves (extract reads GB18030). */
  readonly stdinBytes?: () => Uint8Array;
  readonly now?: number;
  /** Whether stderr is a terminal: only then does a long `duban evaluate` show its progress there (absent: not a terminal). */
  readonly stderrIsTTY?: boolean;
  /** Whether stdout is a terminal: JSON streamed there shows no progress line between its own lines (absent: not a terminal). */
  readonly stdoutIsTTY?: boolean;
  /** A monotonic clock in milliseconds that times the progress line (default `performance.now`). */
  readonly clock?: () => number;
}

/** Plans larger than this are read in pieces (see parse-large-json.ts), so their text is never one string. */
const LARGE_PLAN_BYTES = 32 << 20;

/**
 * A large plan file's parsed JSON, read in pieces so that its text is never one
 * string (half the peak memory); `undefined` for small files, stdin, and
 * anything the piecewise reader does not take (read as text instead).
 */
function readLargePlan(file: string): unknown {
  if (file === '-') return undefined;
  let size = 0;
  try {
    size = statSync(file).size;
  } catch {
    return undefined; // read() reports the file's problem
  }
  return size > LARGE_PLAN_BYTES && size <= MAX_INPUT_BYTES ? parseLargeJson(readFileSync(file)) : undefined;
}

/** The inputs most commands share: a plan (with observations merged) and a rule set. */
export interface EvaluationInputs {
  readonly plan: Plan;
  readonly rules: BundledRuleSetId | RuleFile;
}

/**
 * Loads the plan, the rule file and the observations, collecting every input
 * error of every file before giving up, so one run reports them all.
 */
export function loadEvaluationInputs(options: { plan: string; rules?: string | undefined; observations?: string | undefined }, io: CliIo): EvaluationInputs {
  const read = (file: string) => readText(file, io.stdin);
  const errors: DubanError[] = [];
  const attempt = <T>(load: () => T): T | undefined => {
    try {
      return load();
    } catch (error) {
      if (!isDubanError(error)) throw error;
      errors.push(error);
      return undefined;
    }
  };
  let plan = attempt(() => {
    const source = options.plan === '-' ? 'stdin' : options.plan;
    const large = readLargePlan(options.plan);
    if (large !== undefined) {
      const result = safeParseOwnedPlan(large, { source });
      if (result.success) return result.data;
    }
    // Small plans, and large ones with problems (re-read so messages quote the file as written).
    return parsePlan(read(options.plan), { source });
  });
  const rules = attempt(() => loadRules(options.rules, read));
  const observationsFile = options.observations;
  if (observationsFile !== undefined) {
    if (/\.csv$/i.test(observationsFile)) {
      // Read and merged in one step, so every bad row is named in one run, by its line.
      const base = plan;
      plan = attempt(() => mergeObservationsCsv(base, read(observationsFile), { source: observationsFile }));
    } else {
      const observations = attempt(() => parseObservations(read(observationsFile), { source: observationsFile }));
      if (plan !== undefined && observations !== undefined) {
        const base = plan;
        plan = attempt(() => mergeObservations(base, observations, { source: observationsFile }));
      }
    }
  }
  if (errors.length > 0 || plan === undefined) throw errors.length === 1 ? errors[0]! : new AggregateError(errors);
  return { plan, rules: rules ?? ((options.rules ?? 'four-level') as BundledRuleSetId) };
}

/** One problem with the command line: what is wrong (an issue code) and the message. */
export interface CommandLineProblem {
  readonly code: IssueCode;
  readonly message: string;
}

/** Throws one error listing every command-line problem, if there are any. */
export function checkOptions(problems: readonly CommandLineProblem[]): void {
  if (problems.length > 0) {
    throw new DubanError('INVALID_OPTION', 'invalid command line', {
      issues: problems.map(({ code, message }) => ({ code, path: 'options', keys: ['options'], message })),
      source: 'command line',
    });
  }
}

/** Formats input errors as one line per problem: `file: path: message`. */
export function reportErrors(error: unknown, io: CliIo): boolean {
  const list = error instanceof AggregateError ? (error.errors as unknown[]) : [error];
  if (!list.every(isDubanError)) return false;
  for (const item of list) {
    const source = item.source ?? 'input';
    if (item.issues.length === 0) io.stderr(`duban: ${source}: ${item.message}\n`);
    for (const issue of item.issues) io.stderr(`duban: ${source}: ${issue.path}: ${issue.message}\n`);
  }
  return true;
}
