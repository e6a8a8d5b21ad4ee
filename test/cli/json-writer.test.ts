import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { writeJsonPieces } from '../../src/cli/json-writer.js';
import { evaluatePlanSync, formatEvaluation, isDubanError, parsePlan, evaluatePlanStream } from '../../src/index.js';
import { evaluationJsonPieces } from '../../src/report/format-evaluation.js';
import type { JsonPiece } from '../../src/report/json-chunks.js';
// @ts-expect-error -- a plain ES module without types
import { generatePlan } from '../../bench/generate-plan.mjs';
import { CLI } from '../hostile/run-cli.js';
import { spawnSync } from 'node:child_process';

// The writer thread's script as the build ships it (npm test builds before it tests).
const SCRIPT = new URL('../../dist/cli-json-writer.js', import.meta.url);
const dir = mkdtempSync(join(tmpdir(), 'duban-writer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const plan = parsePlan((generatePlan as (n: number, seed?: number) => unknown)(5000, 7));
const expected = formatEvaluation(evaluatePlanSync(plan), 'json');

describe('writeJsonPieces', () => {
  it('writes the bytes of formatEvaluation(…, "json") with and without the writer thread', async () => {
    expect(existsSync(SCRIPT)).toBe(true);
    for (const thread of [false, true]) {
      const file = join(dir, `out-${thread}.json`);
      await writeJsonPieces(file, evaluationJsonPieces(evaluatePlanStream(plan)), thread, SCRIPT);
      expect(readFileSync(file, 'utf8')).toBe(expected);
    }
  });

  it('keeps order under back-pressure: many small pieces, far more than may wait at once', async () => {
    const file = join(dir, 'many.json');
    const pieces = Array.from({ length: 500 }, (_, i) => `${i},`);
    await writeJsonPieces(file, pieces, true, SCRIPT);
    expect(readFileSync(file, 'utf8')).toBe(pieces.join(''));
  });

  it('leaves nothing behind when the evaluation fails half-way', async () => {
    const file = join(dir, 'failed.json');
    function* failing(): Generator<JsonPiece> {
      yield '{';
      yield* evaluationJsonPieces(evaluatePlanStream(plan));
      throw new Error('rule evaluation failed');
    }
    await expect(writeJsonPieces(file, failing(), true, SCRIPT)).rejects.toThrow('rule evaluation failed');
    expect(readdirSync(dir).filter((name) => name.startsWith('failed') || name.includes('.failed.json'))).toEqual([]);
  });

  it('leaves nothing behind when the writer thread fails', async () => {
    const file = join(dir, 'unwritable.json');
    // A BigInt reaches the thread (it clones) but JSON.stringify refuses it there.
    const bad = { results: [{ taskId: 'T1', big: 1n }], first: true } as unknown as JsonPiece;
    await expect(writeJsonPieces(file, ['[', bad, ']'], true, SCRIPT)).rejects.toThrow(/BigInt/);
    expect(readdirSync(dir).filter((name) => name.includes('unwritable'))).toEqual([]);
  });

  it('names the output when its folder does not exist', async () => {
    const error: unknown = await writeJsonPieces(join(dir, 'missing', 'out.json'), ['{}'], true, SCRIPT).catch((caught: unknown) => caught);
    expect(isDubanError(error) && error.issues[0]?.message).toMatch(/does not exist/);
  });
});

describe('duban evaluate --out on a plan large enough for the writer thread', () => {
  it('writes exactly the library’s JSON output', () => {
    const big = parsePlan((generatePlan as (n: number, seed?: number) => unknown)(25_000, 11));
    const input = join(dir, 'big.plan.json');
    const output = join(dir, 'big.json');
    writeFileSync(input, JSON.stringify(big));
    const run = spawnSync(process.execPath, [CLI, 'evaluate', input, '--format', 'json', '--out', output], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(readFileSync(output, 'utf8')).toBe(formatEvaluation(evaluatePlanSync(big), 'json'));
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  }, 60_000);

  it('names every task no rule matched on stderr, exactly the output’s gaps, and exits 1', () => {
    const rules = join(dir, 'only-met.rules.json');
    writeFileSync(
      rules,
      JSON.stringify({
        formatVersion: 1,
        id: 'only-met',
        title: 'only met',
        statuses: [{ code: 'ok', label: '达标' }],
        rules: [{ name: 'met', priority: 1, conditions: { all: [{ fact: 'met', operator: 'equal', value: true }] }, event: { type: 'ok' } }],
      }),
    );
    const output = join(dir, 'gaps.json');
    const plan = fileURLToPath(new URL('../../examples/xianning-2018-q1.plan.json', import.meta.url));
    const run = spawnSync(process.execPath, [CLI, 'evaluate', plan, '--rules', rules, '--format', 'json', '--out', output], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    const gaps = (JSON.parse(readFileSync(output, 'utf8')) as { gaps: { taskId: string }[] }).gaps.map((gap) => gap.taskId);
    expect(gaps.length).toBeGreaterThan(0);
    expect(run.stderr).toBe(gaps.map((taskId) => `duban: rule gap: task ${JSON.stringify(taskId)} matched no rule in "only-met"\n`).join(''));
  });

  it('reports an invalid plan of that size and writes nothing (the writer thread started early is stopped)', () => {
    const big = (generatePlan as (n: number, seed?: number) => { tasks: { target: Record<string, unknown> }[] })(25_000, 12);
    big.tasks[20_000]!.target.kind = 'weekly';
    const input = join(dir, 'bad.plan.json');
    const output = join(dir, 'bad.json');
    writeFileSync(input, JSON.stringify(big));
    const run = spawnSync(process.execPath, [CLI, 'evaluate', input, '--format', 'json', '--out', output], { encoding: 'utf8', timeout: 30_000 });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('$.tasks[20000].target');
    expect(existsSync(output)).toBe(false);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  }, 60_000);
});
