// Issue #14: stdin was read without a limit. `duban evaluate - < /dev/zero`
// grew to 16.8 GB and aborted: the 256 MiB check ran after everything was read.
// stdin, pipes and devices (size 0 in stat) are now read in chunks and the
// read stops at MAX_INPUT_BYTES with exit 2 and duban's error.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_INPUT_BYTES } from '../../src/index.js';
import { CLI, ROOT, requireBuiltCli } from './run-cli.js';

const ZERO = '/dev/zero';

/** Runs the built CLI with stdin from `stdin` (a descriptor or 'pipe' fed by `feed`), a heap cap of 512 MiB and a timeout. */
function run(
  args: string[],
  stdin: number | 'pipe' | 'ignore',
  feed?: (write: (chunk: Buffer) => boolean) => void,
): Promise<{ status: number | null; stderr: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--max-old-space-size=512', CLI, ...args], { cwd: ROOT, stdio: [stdin, 'ignore', 'pipe'] });
    const stderr: Buffer[] = [];
    child.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stderr: Buffer.concat(stderr).toString('utf8'), ms: Date.now() - started });
    });
    if (feed !== undefined) {
      child.stdin!.on('error', () => undefined); // the child stops reading: EPIPE is expected
      const write = (chunk: Buffer) => !child.stdin!.destroyed && child.stdin!.write(chunk);
      feed(write);
    }
  });
}

describe.skipIf(!existsSync(ZERO))('stdin, pipes and devices stop at the input limit', () => {
  beforeAll(requireBuiltCli);

  it('duban evaluate - < /dev/zero stops at 256 MiB with exit 2', async () => {
    const fd = openSync(ZERO, 'r');
    try {
      const result = await run(['evaluate', '-'], fd);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain(`duban: stdin: $: 输入超过上限 ${MAX_INPUT_BYTES} 字节`);
      expect(result.stderr).toContain('input goes on past the limit of 268435456 bytes (256 MiB)');
    } finally {
      closeSync(fd);
    }
  });

  it('an endless pipe on stdin stops at the limit too (rules check reads stdin as well)', async () => {
    const chunk = Buffer.alloc(1 << 20, 0x20);
    let sent = 0;
    const result = await run(['rules', 'check', '-'], 'pipe', (write) => {
      const pump = () => {
        // Write until the pipe is full, then wait for it to drain; stop once well past the limit.
        while (sent <= MAX_INPUT_BYTES + (8 << 20)) {
          sent += chunk.length;
          if (!write(chunk)) return void setTimeout(pump, 1);
        }
      };
      pump();
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('input goes on past the limit');
  });

  it('a device given by name is refused the same way', async () => {
    const result = await run(['evaluate', ZERO], 'ignore');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`duban: ${ZERO}: $:`);
    expect(result.stderr).toContain('input goes on past the limit');
  });

  it('extract - (stdin as bytes) stops at the limit', async () => {
    const fd = openSync(ZERO, 'r');
    try {
      const result = await run(['extract', '-'], fd);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain('input goes on past the limit');
    } finally {
      closeSync(fd);
    }
  });
});
