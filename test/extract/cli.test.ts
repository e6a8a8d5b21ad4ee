import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeDocument } from '../../src/cli/commands/extract.js';
import { main } from '../../src/cli/main.js';
import { parsePlan } from '../../src/index.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const seed = (name: string) => fileURLToPath(new URL(`./seeds/${name}.txt`, import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const tmp = () => mkdtempSync(join(tmpdir(), 'duban-extract-'));

async function run(args: string[], stdin = '', stdinBytes?: Uint8Array) {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: (t: string) => (stdout += t),
    stderr: (t: string) => (stderr += t),
    stdin: () => stdin,
    now: Date.UTC(2018, 5, 30, 12),
    ...(stdinBytes === undefined ? {} : { stdinBytes: () => stdinBytes }),
  };
  const status = await main(args, io);
  return { status, stdout, stderr };
}

describe('duban extract', () => {
  it('prints a plan the plan schema accepts and lists the review items on stderr with file and line', async () => {
    const file = seed('003_77440ee1c208de8a');
    const { status, stdout, stderr } = await run(['extract', file]);
    expect(status).toBe(0);
    const plan = parsePlan(stdout);
    expect(plan.asOf).toBe('2018-03-31');
    expect(plan.tasks.length).toBeGreaterThan(50);
    expect(stderr).toContain(`duban: review: ${file}:57: 原文称完成114.5%`);
    expect(stderr).toMatch(/duban: extract: \d+ tasks \(bulletin\), 3 to review\n$/u);
  });

  it('writes to --out and nothing to stdout', async () => {
    const out = join(tmp(), 'plan.json');
    const { status, stdout } = await run(['extract', seed('002_93b6e1f04503de54'), '--out', out]);
    expect(status).toBe(0);
    expect(stdout).toBe('');
    expect(parsePlan(readFileSync(out, 'utf8')).title).toBe('辽阳市2017年政府工作报告');
  });

  it('reads stdin with -', async () => {
    const { status, stdout } = await run(['extract', '-'], readFileSync(seed('004_c1271cb4d1a17d51'), 'utf8'));
    expect(status).toBe(0);
    expect(parsePlan(stdout).tasks).toHaveLength(41);
  });

  it('decodes GB18030 (from a file or from stdin bytes) and drops a UTF-8 byte-order mark, giving the UTF-8 plan', async () => {
    const utf8 = await run(['extract', fixture('bulletin-2018-h1.utf8-bom.txt')]);
    const gb = await run(['extract', fixture('bulletin-2018-h1.gb18030.txt')]);
    const piped = await run(['extract', '-'], '', readFileSync(fixture('bulletin-2018-h1.gb18030.txt')));
    expect(utf8.status).toBe(0);
    expect(gb.stdout).toBe(utf8.stdout);
    expect(piped.stdout).toBe(utf8.stdout);
    const plan = parsePlan(utf8.stdout);
    expect(plan.asOf).toBe('2018-06-30');
    expect(plan.tasks.map((t) => [t.target.kind, t.observations?.[0]?.value])).toEqual([
      ['cumulative', '1.8'],
      ['rate', '8.6'],
    ]);
    // Offsets count from the first character after the byte-order mark.
    const text = decodeDocument(readFileSync(fixture('bulletin-2018-h1.utf8-bom.txt')));
    const source = plan.tasks[0]!['x-source'] as { sentence: string; start: number; end: number };
    expect(text.slice(source.start, source.end)).toBe(source.sentence);
  });

  it('decodes UTF-16LE and UTF-16BE, with or without a byte-order mark, into the plan of the UTF-8 text (issue #14: it was GB18030 mojibake with zero tasks)', async () => {
    const text = decodeDocument(readFileSync(fixture('bulletin-2018-h1.utf8-bom.txt')));
    const le = Buffer.from(text, 'utf16le');
    const be = Buffer.from(le).swap16();
    const utf8 = await run(['extract', fixture('bulletin-2018-h1.utf8-bom.txt')]);
    const dir = tmp();
    const variants = {
      'le-bom.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), le]),
      'be-bom.txt': Buffer.concat([Buffer.from([0xfe, 0xff]), be]),
      'le.txt': le,
      'be.txt': be,
    };
    for (const [name, bytes] of Object.entries(variants)) {
      expect(decodeDocument(bytes)).toBe(text);
      writeFileSync(join(dir, name), bytes);
      const result = await run(['extract', join(dir, name)]);
      expect(result.status, name).toBe(0);
      expect(result.stdout, name).toBe(utf8.stdout);
    }
    const piped = await run(['extract', '-'], '', variants['be-bom.txt']);
    expect(piped.stdout).toBe(utf8.stdout);
    expect(parsePlan(utf8.stdout).tasks.length).toBeGreaterThan(0);
  });

  it('refuses bytes that look like UTF-16 but do not decode, or hold NUL bytes of no UTF-16 pattern, naming the file (exit 2, nothing written)', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'broken.txt'), Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00]));
    writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x50, 0x4b, 0x00, 0x00, 0x41, 0x42, 0x00, 0x43]));
    for (const name of ['broken.txt', 'binary.txt']) {
      const result = await run(['extract', join(dir, name)]);
      expect(result.status, name).toBe(2);
      expect(result.stdout, name).toBe('');
      expect(result.stderr, name).toContain(name);
    }
    expect(() => decodeDocument(new Uint8Array([0x41, 0x00, 0x00, 0x42]), 'x.txt')).toThrow(/x\.txt 含有空字节.*\/ x\.txt holds NUL bytes/u);
  });

  it('decodes valid UTF-8 as UTF-8 and anything else as GB18030', () => {
    expect(decodeDocument(new TextEncoder().encode('增长6.5%'))).toBe('增长6.5%');
    expect(decodeDocument(new Uint8Array([0xd4, 0xf6, 0xb3, 0xa4]))).toBe('增长');
  });

  it('exits 2 and writes nothing for a missing file, a bad option or a text with no year', async () => {
    const missing = await run(['extract', join(tmp(), 'none.txt')]);
    expect([missing.status, missing.stdout]).toEqual([2, '']);
    expect(missing.stderr).toContain('file not found');

    const options = await run(['extract', seed('000_52924f53d217235b'), '--kind', 'memo', '--year', '17', '--as-of', '2018-02-30']);
    expect([options.status, options.stdout]).toEqual([2, '']);
    expect(options.stderr.split('\n').filter((line) => line.includes('--'))).toHaveLength(3);

    const dir = tmp();
    writeFileSync(join(dir, 'noyear.txt'), '地区生产总值增长6.5%。');
    const noYear = await run(['extract', join(dir, 'noyear.txt')]);
    expect([noYear.status, noYear.stdout]).toEqual([2, '']);
    expect(noYear.stderr).toContain('noyear.txt: options.year');
    expect((await run(['extract', join(dir, 'noyear.txt'), '--year', '2017'])).status).toBe(0);
  });

  it('exits 2 on stdin that did not decode as UTF-8', async () => {
    const { status, stdout, stderr } = await run(['extract', '-'], '增长\ufffd');
    expect([status, stdout]).toEqual([2, '']);
    expect(stderr).toContain('stdin');
  });

  it('has help, and is listed in duban --help', async () => {
    const help = await run(['extract', '--help']);
    expect(help.status).toBe(0);
    for (const option of ['--kind', '--year', '--as-of', '--id', '--about-points', '--about-share', '--out']) expect(help.stdout).toContain(option);
    expect((await run(['--help'])).stdout).toContain('extract FILE|-');
  });

  it('pipes into duban evaluate -', async () => {
    const extracted = await run(['extract', seed('003_77440ee1c208de8a')]);
    const evaluated = await run(['evaluate', '-', '--format', 'json'], extracted.stdout);
    expect(evaluated.status).toBe(0);
    expect(JSON.parse(evaluated.stdout).asOf).toBe('2018-03-31');
  });
});

describe('the built duban binary', () => {
  const bin = join(root, 'dist/cli.js');
  const built = existsSync(bin) && readFileSync(bin, 'utf8').includes('duban extract FILE');
  it.skipIf(!built)('runs duban extract FILE | duban evaluate - in a shell pipe, byte-identical twice', () => {
    const extracted = execFileSync(process.execPath, [bin, 'extract', seed('003_77440ee1c208de8a')], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] });
    const again = execFileSync(process.execPath, [bin, 'extract', seed('003_77440ee1c208de8a')], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'ignore'],
      env: { ...process.env, TZ: 'Pacific/Kiritimati', LANG: 'C' },
    });
    expect(extracted.equals(again)).toBe(true);
    const evaluated = spawnSync(process.execPath, [bin, 'evaluate', '-', '--format', 'json'], { cwd: root, input: extracted, encoding: 'utf8' });
    expect(evaluated.status).toBe(0);
    expect(JSON.parse(evaluated.stdout).results.length).toBe(parsePlan(extracted.toString('utf8')).tasks.length);
  });
});
