// Checked writes with injected faults: a writeSync that writes fewer bytes than
// asked, one that fails with ENOSPC half-way, one that writes nothing, an fsync
// or a rename that fails. The target is then either the whole new content or
// untouched, no temporary file remains, and the error is duban's (exit 2).
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openAtomically, removeTemporaryFiles, temporaryFiles, writeAtomically, writeFs, writeFully } from '../../src/cli/write-file.js';
import { isDubanError } from '../../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'duban-write-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const real = { ...writeFs };
afterEach(() => Object.assign(writeFs, real));

/** The temporary files left in a folder. */
const leftovers = (folder = dir) => readdirSync(folder).filter((name) => name.endsWith('.tmp'));

/** An ENOSPC as Node throws it. */
const enospc = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write' });

/** A writeSync that lets through at most `step` bytes a call, and fails with ENOSPC once `capacity` bytes are written. */
function fullDisk(capacity: number, step = Infinity): void {
  let used = 0;
  writeFs.writeSync = (fd, buffer, offset, length) => {
    const room = Math.min(length, step, capacity - used);
    if (room <= 0) throw enospc();
    const written = real.writeSync(fd, buffer, offset, room);
    used += written;
    return written;
  };
}

const content = `${'编号,任务,状态\n'.repeat(2000)}`;

describe('writeAtomically', () => {
  it('writes everything even when each write takes only a few bytes', () => {
    const file = join(dir, 'short.csv');
    let calls = 0;
    writeFs.writeSync = (fd, buffer, offset, length) => {
      calls++;
      return real.writeSync(fd, buffer, offset, Math.min(length, 7));
    };
    writeAtomically(file, content);
    expect(readFileSync(file, 'utf8')).toBe(content);
    expect(calls).toBeGreaterThan(1000);
    expect(leftovers()).toEqual([]);
  });

  it('on a disk that fills up half-way: duban’s error, the old file untouched, no temporary file', () => {
    const file = join(dir, 'full.csv');
    writeFileSync(file, 'the old content\n');
    fullDisk(10_000, 4096);
    const error: unknown = (() => {
      try {
        writeAtomically(file, [content, content]);
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(isDubanError(error)).toBe(true);
    if (!isDubanError(error)) return;
    expect(error.message).toBe(`写入 ${file} 失败：磁盘已满（ENOSPC） / could not write ${file}: no space left on device (ENOSPC)`);
    expect(error.code).toBe('WRITE_FAILED');
    expect(error.issues).toEqual([{ code: 'write_failed', path: '--out', keys: ['--out'], message: error.message }]);
    expect(error.source).toBe(file);
    expect(readFileSync(file, 'utf8')).toBe('the old content\n');
    expect(leftovers()).toEqual([]);
    expect(temporaryFiles()).toEqual([]);
  });

  it('a write that writes nothing is an error, not an endless loop or a short file', () => {
    const file = join(dir, 'zero.md');
    writeFs.writeSync = () => 0;
    expect(() => writeAtomically(file, 'some text')).toThrow(/could not write .*zero\.md: the system wrote 0 of 9 bytes/);
    expect(existsSync(file)).toBe(false);
    expect(leftovers()).toEqual([]);
  });

  it('bytes (a workbook) are checked the same way', () => {
    const file = join(dir, 'book.xlsx');
    writeFileSync(file, 'old workbook');
    fullDisk(100);
    expect(() => writeAtomically(file, new Uint8Array(5000).fill(7))).toThrow(/磁盘已满/);
    expect(readFileSync(file, 'utf8')).toBe('old workbook');
    expect(leftovers()).toEqual([]);
  });

  it('an fsync or a rename that fails leaves the target untouched and no temporary file', () => {
    const file = join(dir, 'sync.csv');
    writeFileSync(file, 'old');
    writeFs.fsyncSync = () => {
      throw Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' });
    };
    expect(() => writeAtomically(file, content)).toThrow(/输入输出错误（EIO） \/ could not write .*: input\/output error \(EIO\)/);
    Object.assign(writeFs, real);
    writeFs.renameSync = () => {
      throw Object.assign(new Error('EXDEV'), { code: 'EXDEV' });
    };
    expect(() => writeAtomically(file, content)).toThrow(/EXDEV/);
    expect(readFileSync(file, 'utf8')).toBe('old');
    expect(leftovers()).toEqual([]);
  });

  it('fsyncs the new file before it renames it', () => {
    const calls: string[] = [];
    writeFs.fsyncSync = (fd) => (calls.push('fsync'), real.fsyncSync(fd));
    writeFs.renameSync = (from, to) => (calls.push('rename'), real.renameSync(from, to));
    writeAtomically(join(dir, 'order.csv'), 'x');
    expect(calls).toEqual(['fsync', 'rename']);
  });

  it('a failure of the content itself is passed on as it is, and nothing is left', () => {
    const file = join(dir, 'generator.json');
    function* chunks() {
      yield '{';
      throw new TypeError('the content failed');
    }
    expect(() => writeAtomically(file, chunks())).toThrow(TypeError);
    expect(existsSync(file)).toBe(false);
    expect(leftovers()).toEqual([]);
  });

  it('keeps the permissions of the file it replaces', () => {
    const file = join(dir, 'mode.csv');
    writeFileSync(file, 'old', { mode: 0o640 });
    writeAtomically(file, 'new');
    expect(statSync(file).mode & 0o777).toBe(0o640);
  });
});

describe('writeAtomically on what is already at the path', () => {
  it('a symlink to a file: the file it points to is replaced, the link stays a link', () => {
    mkdirSync(join(dir, 'elsewhere'));
    const target = join(dir, 'elsewhere', 'real.csv');
    writeFileSync(target, 'old');
    const link = join(dir, 'link.csv');
    symlinkSync(target, link);
    writeAtomically(link, 'new');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(target);
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(leftovers(join(dir, 'elsewhere'))).toEqual([]);
  });

  it('a symlink to a file not yet there: that file is created, the link stays', () => {
    const link = join(dir, 'dangling.csv');
    symlinkSync('created.csv', link);
    writeAtomically(link, 'made');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'created.csv'), 'utf8')).toBe('made');
  });

  // Private device nodes (as root), never the system's /dev/null: a regression would replace only these.
  const devices = join(dir, 'dev');
  mkdirSync(devices);
  const mknod = (name: string, minor: string) => spawnSync('mknod', ['-m', '666', join(devices, name), 'c', '1', minor]).status === 0;
  const haveDevices = mknod('null', '3') && mknod('full', '7');
  const skipped = haveDevices ? '' : ' — skipped: mknod failed (needs root)';

  it.skipIf(!haveDevices)(`a character device is written through, never replaced: a null device stays the device${skipped}`, () => {
    writeAtomically(join(devices, 'null'), content);
    expect(statSync(join(devices, 'null')).isCharacterDevice()).toBe(true);
    expect(leftovers(devices)).toEqual([]);
  });

  it.skipIf(!haveDevices)(`a device that is full (as /dev/full) gives duban’s error${skipped}`, () => {
    const full = join(devices, 'full');
    expect(() => writeAtomically(full, 'x')).toThrow(`写入 ${full} 失败：磁盘已满（ENOSPC） / could not write ${full}: no space left on device (ENOSPC)`);
    expect(statSync(full).isCharacterDevice()).toBe(true);
  });

  it('a symlink loop, a 300-byte name, a missing folder, a directory: duban’s error each', () => {
    symlinkSync('loop-b', join(dir, 'loop-a'));
    symlinkSync('loop-a', join(dir, 'loop-b'));
    const cases: [string, RegExp][] = [
      [join(dir, 'loop-a'), /符号链接过多或成环（ELOOP） \/ could not write .*: too many levels of symbolic links/],
      [join(dir, `${'名'.repeat(100)}.csv`), /文件名过长（ENAMETOOLONG）/],
      [join(dir, 'missing', 'x.csv'), /文件夹 ".*missing" 不存在 \/ could not write .*: folder ".*missing" does not exist/],
      [dir, /这是一个文件夹，请给出文件名 \/ could not write .*: is a directory/],
    ];
    for (const [file, message] of cases) {
      const error: unknown = (() => {
        try {
          writeAtomically(file, 'x');
        } catch (caught) {
          return caught;
        }
        return undefined;
      })();
      expect(isDubanError(error), file).toBe(true);
      expect((error as Error).message).toMatch(message);
    }
    expect(leftovers()).toEqual([]);
  });

  it('a 250-byte name works: the temporary name is short', () => {
    const file = join(dir, `${'a'.repeat(246)}.csv`);
    writeAtomically(file, 'long');
    expect(readFileSync(file, 'utf8')).toBe('long');
    expect(leftovers()).toEqual([]);
  });
});

describe('temporary files', () => {
  it('are registered while they exist and removed by removeTemporaryFiles (what SIGINT/SIGTERM run)', () => {
    const file = join(dir, 'pending.json');
    const target = openAtomically(file);
    target.write('{"partial":');
    expect(temporaryFiles()).toHaveLength(1);
    expect(leftovers()).toHaveLength(1);
    removeTemporaryFiles();
    expect(leftovers()).toEqual([]);
    expect(temporaryFiles()).toEqual([]);
    target.abandon();
    expect(existsSync(file)).toBe(false);
  });
});

describe('writeFully', () => {
  it('waits out EAGAIN on a non-blocking descriptor and then writes the rest', () => {
    const file = join(dir, 'eagain.txt');
    const target = openAtomically(file);
    let first = true;
    writeFs.writeSync = (fd, buffer, offset, length) => {
      if (first) {
        first = false;
        throw Object.assign(new Error('EAGAIN'), { code: 'EAGAIN' });
      }
      return real.writeSync(fd, buffer, offset, length);
    };
    writeFully(target.fd, Buffer.from('after a wait'));
    Object.assign(writeFs, real);
    target.commit();
    expect(readFileSync(file, 'utf8')).toBe('after a wait');
  });
});
