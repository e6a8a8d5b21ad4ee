// Fuzzing the writes: random content (text, bytes, many chunks), and the system
// calls failing at random points — writeSync writing only part of what it was
// given, nothing at all, or failing with ENOSPC / EIO / EDQUOT / EFBIG; open,
// fsync, close or rename failing. Whatever happens, the target is afterwards
// either exactly the new content (the write succeeded) or exactly what it was
// before (it failed with duban's error), and no temporary file remains.
// DUBAN_FUZZ=long runs 25 times as many cases (`npm run fuzz`).
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { writeJsonPieces } from '../../src/cli/json-writer.js';
import { temporaryFiles, writeAtomically, writeFs } from '../../src/cli/write-file.js';
import { isDubanError } from '../../src/index.js';

const LONG = process.env.DUBAN_FUZZ === 'long';
const RUNS = LONG ? 5000 : 200;
/** The long run takes minutes on a loaded machine. */
const TIMEOUT = LONG ? 900_000 : 30_000;

const dir = mkdtempSync(join(tmpdir(), 'duban-partial-writes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const real = { ...writeFs };
afterEach(() => Object.assign(writeFs, real));

/** What one writeSync call does. */
type WriteStep =
  | { readonly kind: 'all' }
  | { readonly kind: 'part'; readonly share: number }
  | { readonly kind: 'nothing' }
  | { readonly kind: 'error'; readonly code: string };

const writeStep: fc.Arbitrary<WriteStep> = fc.oneof(
  { arbitrary: fc.constant({ kind: 'all' } as const), weight: 4 },
  { arbitrary: fc.double({ min: 0, max: 1, noNaN: true }).map((share) => ({ kind: 'part', share }) as const), weight: 4 },
  { arbitrary: fc.constant({ kind: 'nothing' } as const), weight: 1 },
  { arbitrary: fc.constantFrom('ENOSPC', 'EIO', 'EDQUOT', 'EFBIG').map((code) => ({ kind: 'error', code }) as const), weight: 2 },
);

/** A failing call other than writeSync, or none. */
const otherFault = fc.constantFrom('none', 'none', 'none', 'open', 'fsync', 'close', 'rename');

/** Content as the commands give it: one string, bytes (a workbook), or many chunks (the JSON of a large plan). */
const content = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 3000 }),
  fc.uint8Array({ maxLength: 5000 }),
  fc.array(fc.string({ unit: 'grapheme', maxLength: 400 }), { maxLength: 30 }),
);

const systemError = (code: string, where: string) => Object.assign(new Error(`${code}: injected at ${where}`), { code });

/** Installs the faults: writeSync follows `steps` (then writes everything), `fault` fails its call once. */
function inject(steps: readonly WriteStep[], fault: string): void {
  let call = 0;
  writeFs.writeSync = (fd, buffer, offset, length) => {
    const step = steps[call++] ?? { kind: 'all' };
    if (step.kind === 'error') throw systemError(step.code, 'write');
    if (step.kind === 'nothing') return 0;
    const count = step.kind === 'all' ? length : Math.floor(length * step.share);
    return count === 0 ? 0 : real.writeSync(fd, buffer, offset, count);
  };
  const fail =
    <A extends unknown[], R>(name: string, code: string, call: (...args: A) => R) =>
    (...args: A): R => {
      if (fault === name) {
        // close really closes, then fails (as a close reporting a delayed write error does).
        if (name === 'close') call(...args);
        throw systemError(code, name);
      }
      return call(...args);
    };
  writeFs.openSync = fail('open', 'EACCES', real.openSync);
  writeFs.fsyncSync = fail('fsync', 'EIO', real.fsyncSync);
  writeFs.closeSync = fail('close', 'EIO', real.closeSync);
  writeFs.renameSync = fail('rename', 'EXDEV', real.renameSync);
}

/** What the generator reached, counted over the runs (printed, and each checked to be reached). */
const covered = new Map<string, number>();
const count = (what: string) => covered.set(what, (covered.get(what) ?? 0) + 1);
afterAll(() => {
  console.log(
    `partial writes: ${[...covered]
      .sort()
      .map(([what, n]) => `${what} ${n}`)
      .join(', ')}`,
  );
});

const expected = (value: string | Uint8Array | string[]) =>
  Buffer.from(typeof value === 'string' ? value : value instanceof Uint8Array ? value : value.join(''));

/** Checks one run's outcome: the target is all new or all old, the error is duban's, nothing is left. */
function check(
  file: string,
  old: string | undefined,
  value: string | Uint8Array | string[],
  outcome: { ok: true } | { ok: false; error: unknown },
  steps: readonly WriteStep[],
): void {
  const leftover = readdirSync(dir).filter((name) => name.endsWith('.tmp'));
  expect(leftover).toEqual([]);
  expect(temporaryFiles()).toEqual([]);
  if (outcome.ok) {
    expect(readFileSync(file)).toEqual(expected(value));
    count(steps.some((step) => step.kind === 'part' && step.share < 1) ? 'complete after short writes' : 'complete');
  } else {
    expect(isDubanError(outcome.error), String(outcome.error)).toBe(true);
    expect((outcome.error as Error).message).toMatch(/^写入 .* 失败：.* \/ could not write /);
    if (old === undefined) expect(existsSync(file)).toBe(false);
    else expect(readFileSync(file, 'utf8')).toBe(old);
    // What failed first: the injected call named in the cause, or a write of 0 bytes.
    const cause = (outcome.error as { cause?: { code?: string; message?: string } }).cause;
    const where = /injected at (\w+)/.exec(cause?.message ?? '')?.[1];
    count(
      where === undefined
        ? cause?.code === 'ESHORTWRITE'
          ? 'failed: write of 0 bytes'
          : `failed: ${cause?.code}`
        : where === 'write'
          ? `failed with ${cause?.code}`
          : `failed at ${where}`,
    );
    count(old === undefined ? 'failed, no old file' : 'failed, old file kept');
  }
}

describe('writeAtomically under injected faults', () => {
  it(
    'leaves the whole new content or the old one, and no temporary file',
    () => {
      let run = 0;
      fc.assert(
        fc.property(content, fc.array(writeStep, { maxLength: 12 }), otherFault, fc.option(fc.string({ maxLength: 50 })), (value, steps, fault, old) => {
          const file = join(dir, `target-${run++}.out`);
          if (old !== null) writeFileSync(file, old);
          inject(steps, fault);
          let outcome: { ok: true } | { ok: false; error: unknown };
          try {
            writeAtomically(file, value);
            outcome = { ok: true };
          } catch (error) {
            outcome = { ok: false, error };
          } finally {
            Object.assign(writeFs, real);
          }
          check(file, old ?? undefined, value, outcome, steps);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    'the same for the streamed JSON writer (in this thread)',
    async () => {
      let run = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.string({ maxLength: 300 }), { minLength: 1, maxLength: 20 }),
          fc.array(writeStep, { maxLength: 8 }),
          otherFault,
          async (pieces, steps, fault) => {
            const file = join(dir, `json-${run++}.json`);
            writeFileSync(file, 'old');
            inject(steps, fault);
            let outcome: { ok: true } | { ok: false; error: unknown };
            try {
              await writeJsonPieces(file, pieces, false);
              outcome = { ok: true };
            } catch (error) {
              outcome = { ok: false, error };
            } finally {
              Object.assign(writeFs, real);
            }
            check(file, 'old', pieces, outcome, steps);
          },
        ),
        { numRuns: Math.ceil(RUNS / 2) },
      );
    },
    TIMEOUT,
  );

  it('reached every kind of outcome', () => {
    for (const what of [
      'complete',
      'complete after short writes',
      'failed with ENOSPC',
      'failed: write of 0 bytes',
      'failed at open',
      'failed at fsync',
      'failed at close',
      'failed at rename',
      'failed, old file kept',
      'failed, no old file',
    ]) {
      expect(covered.get(what) ?? 0, what).toBeGreaterThan(0);
    }
  });
});
