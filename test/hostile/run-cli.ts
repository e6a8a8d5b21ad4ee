// Runs the built CLI (dist/cli.js) in a child process, as users run it, with a
// timeout and a cap on the V8 heap, and collects everything it writes.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The built command-line program. */
export const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

/** The heap cap given to every child (`--max-old-space-size`, MiB). */
export const MEMORY_CAP_MB = 512;

/** How long one run may take before it is killed and counted as hanging. */
export const TIMEOUT_MS = 60_000;

/** What one run of the CLI did. */
export interface CliRun {
  /** The exit code, or null when the process was killed. */
  readonly status: number | null;
  /** The signal that killed it, if any. */
  readonly signal: NodeJS.Signals | null;
  /** Whether it was killed for running longer than the timeout. */
  readonly timedOut: boolean;
  /** Everything written to stdout, as bytes. */
  readonly stdout: Buffer;
  /** Everything written to stderr, as text. */
  readonly stderr: string;
}

/** Options for {@link runCli}. */
export interface RunCliOptions {
  /** The working directory. */
  readonly cwd?: string;
  /** Variables added to (or, when undefined, removed from) the environment. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Bytes piped to stdin (else stdin is empty). */
  readonly stdin?: Buffer;
  /** The timeout in ms (default {@link TIMEOUT_MS}). */
  readonly timeoutMs?: number;
}

/** Throws a helpful error when the CLI has not been built. */
export function requireBuiltCli(): void {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first`);
}

/** Runs `node --max-old-space-size=512 dist/cli.js ...args`. */
export function runCli(args: readonly string[], options: RunCliOptions = {}): Promise<CliRun> {
  const env: Record<string, string | undefined> = { ...process.env };
  for (const [key, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [`--max-old-space-size=${MEMORY_CAP_MB}`, CLI, ...args], {
      cwd: options.cwd ?? ROOT,
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs ?? TIMEOUT_MS);
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.stdin.on('error', () => {
      // The CLI may exit before reading all of stdin; that is not a failure of the run.
    });
    child.stdin.end(options.stdin ?? Buffer.alloc(0));
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, timedOut, stdout: Buffer.concat(stdout), stderr: Buffer.concat(stderr).toString('utf8') });
    });
  });
}

/** A stack trace line such as `    at parsePlan (file.js:1:2)`. */
export const STACK_TRACE = /\n\s+at /;
