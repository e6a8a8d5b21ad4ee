// Writes under hostile conditions, through the built CLI as users run it: a full
// disk (a 12 KiB tmpfs, when this runs as root), `--out` at a device, a symlink,
// a loop or a 250-byte name, and SIGTERM / SIGINT in the middle of a big output.
// Every command that writes a file must either write it whole or leave the
// target untouched, no temporary file, and duban's own error with exit 2.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain ES module without types
import { generatePlan } from '../../bench/generate-plan.mjs';
import { CLI, requireBuiltCli, ROOT, runCli, STACK_TRACE } from './run-cli.js';

const PLAN = join(ROOT, 'examples', 'xianning-2018-q1.plan.json');
const work = mkdtempSync(join(tmpdir(), 'duban-hostile-writes-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
beforeAll(() => requireBuiltCli());

/** Every command and format that writes a file with --out (each output is larger than 12 KiB). */
const WRITERS: readonly (readonly [string, readonly string[]])[] = [
  ['out.csv', ['evaluate', PLAN, '--format', 'csv']],
  ['out.md', ['evaluate', PLAN, '--format', 'markdown']],
  ['out.json', ['evaluate', PLAN, '--format', 'json']],
  ['out.json', ['evaluate', PLAN, '--format', 'json', '--engine', 'json-rules-engine']],
  ['out.html', ['report', PLAN, '--format', 'html']],
  ['out.md', ['report', PLAN, '--format', 'markdown']],
  ['out.xlsx', ['report', PLAN, '--format', 'xlsx']],
  ['out.docx', ['report', PLAN, '--format', 'docx']],
  ['out.csv', ['export-excel', PLAN]],
  ['out.xlsx', ['export-excel', PLAN]],
];

/** Mounts a tmpfs of `size` at a new folder, or says why it cannot. */
function mountTmpfs(size: string): { dir: string } | { reason: string } {
  if (process.platform !== 'linux') return { reason: 'not Linux' };
  if (process.getuid?.() !== 0) return { reason: 'not root (mounting a tmpfs needs root)' };
  const dir = mkdtempSync(join(tmpdir(), 'duban-full-disk-'));
  const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { encoding: 'utf8' });
  if (mount.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    return { reason: `mount -t tmpfs failed: ${(mount.stderr || mount.error?.message || '').trim()}` };
  }
  return { dir };
}

const disk = mountTmpfs('12k');
afterAll(() => {
  if ('dir' in disk) {
    spawnSync('umount', [disk.dir]);
    rmSync(disk.dir, { recursive: true, force: true });
  }
});

describe.skipIf(!('dir' in disk))(`on a full disk (a 12 KiB tmpfs)${'reason' in disk ? ` — skipped: ${disk.reason}` : ''}`, () => {
  const dir = 'dir' in disk ? disk.dir : '';
  it.each(WRITERS.map(([name, args]) => [args.filter((arg) => arg !== PLAN).join(' '), name, args] as const))(
    'duban %s --out %s: exit 2, “磁盘已满 / no space left on device”, the old file untouched, no temporary file',
    async (_label, name, args) => {
      for (const file of readdirSync(dir)) rmSync(join(dir, file));
      const out = join(dir, name);
      writeFileSync(out, 'the old content\n');
      const run = await runCli([...args, '--out', out]);
      expect(run.stderr).toContain(`写入 ${out} 失败：磁盘已满（ENOSPC） / could not write ${out}: no space left on device (ENOSPC)`);
      expect(run.stderr).not.toMatch(STACK_TRACE);
      expect(run.status).toBe(2);
      expect(readFileSync(out, 'utf8')).toBe('the old content\n');
      expect(readdirSync(dir).filter((file) => file !== name)).toEqual([]);
    },
  );

  it('the streamed JSON of a large plan, written by the writer thread: exit 2, nothing left', async () => {
    for (const file of readdirSync(dir)) rmSync(join(dir, file));
    const input = join(work, 'streamed.plan.json');
    writeFileSync(input, JSON.stringify((generatePlan as (n: number, seed?: number) => unknown)(25_000, 3)));
    const out = join(dir, 'big.json');
    const run = await runCli(['evaluate', input, '--format', 'json', '--out', out]);
    expect(run.stderr).toContain('磁盘已满（ENOSPC） / could not write');
    expect(run.status).toBe(2);
    expect(readdirSync(dir).filter((file) => file.endsWith('.tmp') || file === 'big.json')).toEqual([]);
  }, 60_000);
});

/**
 * Private copies of /dev/null and /dev/full (mknod, as root) and of /dev/stdout
 * (a symlink to /proc/self/fd/1), so that a regression — or the old code this
 * test was checked against — replaces only these, never the system's own.
 */
function privateDevices(): { null: string; full: string; stdout: string } | { reason: string } {
  if (process.platform !== 'linux') return { reason: 'not Linux' };
  const dir = join(work, 'dev');
  mkdirSync(dir);
  const made = [
    ['null', '3'],
    ['full', '7'],
  ].map(([name, minor]) => spawnSync('mknod', ['-m', '666', join(dir, name!), 'c', '1', minor!], { encoding: 'utf8' }));
  const failed = made.find((run) => run.status !== 0);
  if (failed !== undefined) return { reason: `mknod failed (needs root): ${(failed.stderr || failed.error?.message || '').trim()}` };
  symlinkSync('/proc/self/fd/1', join(dir, 'stdout'));
  return { null: join(dir, 'null'), full: join(dir, 'full'), stdout: join(dir, 'stdout') };
}

describe('--out at what is already there', () => {
  const devices = privateDevices();
  const device = (name: 'null' | 'full' | 'stdout') => ('reason' in devices ? '' : devices[name]);
  const skipped = 'reason' in devices ? ` — skipped: ${devices.reason}` : '';

  it.skipIf('reason' in devices)(`a null device stays the device (written through, not replaced)${skipped}`, async () => {
    const run = await runCli(['evaluate', PLAN, '--format', 'csv', '--out', device('null')]);
    expect(run.status).toBe(0);
    expect(statSync(device('null')).isCharacterDevice()).toBe(true);
  });

  it.skipIf('reason' in devices)(`a full device (as /dev/full): duban’s error, exit 2, still the device${skipped}`, async () => {
    const full = device('full');
    const run = await runCli(['evaluate', PLAN, '--format', 'csv', '--out', full]);
    expect(run.stderr).toBe(`duban: ${full}: --out: 写入 ${full} 失败：磁盘已满（ENOSPC） / could not write ${full}: no space left on device (ENOSPC)\n`);
    expect(run.status).toBe(2);
    expect(statSync(full).isCharacterDevice()).toBe(true);
  });

  it.skipIf('reason' in devices)(`a symlink to /proc/self/fd/1 (as /dev/stdout) writes to stdout (here a socket pair), the link stays${skipped}`, async () => {
    const run = await runCli(['evaluate', PLAN, '--format', 'csv', '--out', device('stdout')]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.toString('utf8')).toMatch(/^\uFEFFtaskId,title,status/);
    expect(readlinkSync(device('stdout'))).toBe('/proc/self/fd/1');
  });

  it('a FIFO is written through: its reader gets the output, the FIFO stays a FIFO', async () => {
    const fifo = join(work, 'fifo');
    if (spawnSync('mkfifo', [fifo]).status !== 0) return;
    const reader = spawn('cat', [fifo]);
    const chunks: Buffer[] = [];
    reader.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    const closed = new Promise((done) => reader.on('close', done));
    const run = await runCli(['evaluate', PLAN, '--format', 'csv', '--out', fifo]);
    // A FIFO that was never opened for writing (replaced instead) leaves its reader waiting: stop it.
    const stop = setTimeout(() => reader.kill(), 5000);
    await closed;
    clearTimeout(stop);
    expect(run.status).toBe(0);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(Buffer.concat(chunks).toString('utf8')).toMatch(/^\uFEFFtaskId,/);
  });

  it('a symlink to a file: the file is replaced, the link stays a link', async () => {
    mkdirSync(join(work, 'real'));
    const target = join(work, 'real', 'result.csv');
    writeFileSync(target, 'old');
    const link = join(work, 'link.csv');
    symlinkSync(target, link);
    const run = await runCli(['evaluate', PLAN, '--format', 'csv', '--out', link]);
    expect(run.status).toBe(0);
    expect(readlinkSync(link)).toBe(target);
    expect(readFileSync(target, 'utf8')).toMatch(/^\uFEFFtaskId,/);
    expect(readdirSync(join(work, 'real'))).toEqual(['result.csv']);
  });

  it('a 250-byte file name is written (the temporary name is short)', async () => {
    const out = join(work, `${'a'.repeat(246)}.csv`);
    const run = await runCli(['evaluate', PLAN, '--format', 'csv', '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(existsSync(out)).toBe(true);
  });

  it('a name too long and a symlink loop are duban’s errors (exit 2), not internal errors', async () => {
    symlinkSync('loop-2', join(work, 'loop-1'));
    symlinkSync('loop-1', join(work, 'loop-2'));
    for (const [out, reason] of [
      [join(work, `${'b'.repeat(300)}.csv`), '文件名过长（ENAMETOOLONG） / could not write'],
      [join(work, 'loop-1'), '符号链接过多或成环（ELOOP） / could not write'],
    ] as const) {
      const run = await runCli(['evaluate', PLAN, '--format', 'csv', '--out', out]);
      expect(run.stderr).toContain(reason);
      expect(run.stderr).not.toContain('internal error');
      expect(run.status).toBe(2);
    }
  });
});

describe('SIGTERM and SIGINT while a big output is written', () => {
  const input = join(work, 'signal.plan.json');
  beforeAll(() => writeFileSync(input, JSON.stringify((generatePlan as (n: number, seed?: number) => unknown)(150_000, 5))));

  it.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const)(
    '%s removes the temporary file and exits %i',
    async (signal, status) => {
      const dir = mkdtempSync(join(work, `${signal}-`));
      const child = spawn(process.execPath, [CLI, 'evaluate', input, '--format', 'json', '--out', join(dir, 'result.json')], { stdio: 'ignore' });
      const exited = new Promise<[number | null, NodeJS.Signals | null]>((done) => child.on('exit', (code, by) => done([code, by])));
      // Wait until the temporary file is there and has grown, then signal.
      const started = Date.now();
      for (;;) {
        const temporary = readdirSync(dir).find((file) => file.endsWith('.tmp'));
        if (temporary !== undefined && statSync(join(dir, temporary)).size > 1 << 20) break;
        if (Date.now() - started > 50_000) throw new Error('the output never started');
        await new Promise((done) => setTimeout(done, 20));
      }
      child.kill(signal);
      const [code, by] = await exited;
      expect({ code, by }).toEqual({ code: status, by: null });
      expect(readdirSync(dir)).toEqual([]);
    },
    90_000,
  );
});
