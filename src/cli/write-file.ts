// Every file duban writes goes through here: `--out` of every command, and the
// JSON writer thread's descriptor. What it guarantees (docs/guarantees.md,
// "写入与输出安全 / Writes and output safety"):
//
// - Every write is checked: `writeSync` may write fewer bytes than asked (a full
//   disk writes what fits, then fails), so each buffer is written in a loop
//   until all of it is out; an error or a write of 0 bytes stops it.
// - A regular file is written to a temporary file beside it (a short name,
//   `.duban-PID-N.tmp`, so a 250-byte target name still fits), fsync'ed, then
//   renamed over the target: a failure at any point leaves the target as it was
//   and removes the temporary file.
// - A symlink to a regular file: the file it points to is replaced that way (the
//   temporary file goes beside it), the link stays a link.
// - A character device, a FIFO, or a descriptor path (`/dev/stdout`,
//   `/dev/fd/N`, `/proc/self/fd/N`) is written through, never replaced:
//   `--out /dev/null` stays the device. A block device or a socket is refused.
// - Every system error is duban's own error naming the file (exit 2), Chinese first.
// - Temporary files are registered while they exist; the CLI entry
//   (src/cli/index.ts) calls {@link removeTemporaryFilesOnSignals} so that
//   SIGINT and SIGTERM remove them before the process exits (130 / 143).
import {
  closeSync,
  fchmodSync,
  fstatSync,
  fsyncSync,
  lstatSync,
  openSync,
  readlinkSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { DubanError, isDubanError } from '../index.js';

/**
 * The system calls duban's writes go through. This is a seam for tests only:
 * they replace members (a `writeSync` that returns short counts or throws
 * ENOSPC) and put them back; nothing else changes it.
 */
export const writeFs = {
  openSync: (path: string, flags: string | number, mode?: number): number => openSync(path, flags, mode),
  writeSync: (fd: number, buffer: Uint8Array, offset: number, length: number): number => writeSync(fd, buffer, offset, length),
  fsyncSync: (fd: number): void => fsyncSync(fd),
  closeSync: (fd: number): void => closeSync(fd),
  renameSync: (from: string, to: string): void => renameSync(from, to),
  unlinkSync: (path: string): void => unlinkSync(path),
};

/** A system error as Node reports it. */
type SystemError = Error & { code?: string };

/** Something to wait on while a non-blocking descriptor is full (EAGAIN). */
const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Writes all of `bytes` to `fd`: again and again until every byte is written,
 * since one `writeSync` may write only part (a disk that fills up half-way).
 * A write that writes nothing, or any error, throws.
 */
export function writeFully(fd: number, bytes: Uint8Array): void {
  let at = 0;
  let waits = 0;
  while (at < bytes.length) {
    let written: number;
    try {
      written = writeFs.writeSync(fd, bytes, at, bytes.length - at);
    } catch (error) {
      // A descriptor made non-blocking by another process (a shared pipe): wait for its reader.
      if ((error as SystemError).code === 'EAGAIN' && waits < 10_000) {
        Atomics.wait(pause, 0, 0, Math.min(2 ** waits++, 50));
        continue;
      }
      throw error;
    }
    if (!(written > 0)) throw Object.assign(new Error(`the system wrote ${at} of ${bytes.length} bytes and then nothing more`), { code: 'ESHORTWRITE' });
    at += written;
    waits = 0;
  }
}

/** Writes text (as UTF-8) or bytes fully (see {@link writeFully}). */
export function writeChunk(fd: number, chunk: string | Uint8Array): void {
  writeFully(fd, typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
}

// ---- Temporary files, and removing them on SIGINT / SIGTERM ----

/** The temporary files that exist now (full paths). */
const temporaries = new Set<string>();
let signalCleanup = false;
let signalHandlersInstalled = false;

/**
 * Makes SIGINT and SIGTERM remove every temporary output file before the
 * process exits with 130 or 143 (128 + the signal's number). Called once, by
 * the CLI entry only. The handlers are installed when the first temporary file
 * is created, so that until then a signal ends the process at once, as Node's
 * default does. A long synchronous step defers the signal to its end; the JSON
 * writer gives way to it regularly ({@link yieldToSignals}).
 */
export function removeTemporaryFilesOnSignals(): void {
  signalCleanup = true;
  if (temporaries.size > 0) installSignalHandlers();
}

function installSignalHandlers(): void {
  if (signalHandlersInstalled) return;
  signalHandlersInstalled = true;
  const exitOn = (signal: NodeJS.Signals, status: number) =>
    process.on(signal, () => {
      removeTemporaryFiles();
      process.exit(status);
    });
  exitOn('SIGINT', 130);
  exitOn('SIGTERM', 143);
}

/** Removes every temporary file that exists now (on a signal; also for tests). */
export function removeTemporaryFiles(): void {
  for (const path of temporaries) {
    try {
      writeFs.unlinkSync(path);
    } catch {
      // already gone
    }
  }
  temporaries.clear();
}

/** The temporary files that exist now, for tests. */
export function temporaryFiles(): readonly string[] {
  return [...temporaries];
}

let lastYield = 0;

/**
 * Gives the event loop a turn at most every 50 ms, so that a SIGINT or SIGTERM
 * arriving during a long output is handled (the temporary file removed) within
 * about that time rather than when the output is done.
 */
export async function yieldToSignals(): Promise<void> {
  if (!signalHandlersInstalled) return;
  const now = performance.now();
  if (now - lastYield < 50) return;
  lastYield = now;
  await new Promise((done) => setImmediate(done));
}

let counter = 0;

/** Creates a new temporary file in `folder` (exclusively: never someone else's) and registers it. */
function createTemporary(folder: string): { path: string; fd: number } {
  for (;;) {
    // Short on purpose: a target name of 250 bytes must still leave room (NAME_MAX is 255).
    const path = join(folder, `.duban-${process.pid.toString(36)}-${(counter++).toString(36)}.tmp`);
    try {
      const fd = writeFs.openSync(path, 'wx', 0o666);
      temporaries.add(path);
      if (signalCleanup) installSignalHandlers();
      return { path, fd };
    } catch (error) {
      if ((error as SystemError).code !== 'EEXIST') throw error;
    }
  }
}

// ---- Errors ----

/** The words for a system error while writing: [中文, English]. */
const REASONS: Readonly<Record<string, readonly [string, string]>> = {
  ENOSPC: ['磁盘已满', 'no space left on device'],
  EDQUOT: ['超出磁盘配额', 'disk quota exceeded'],
  EFBIG: ['文件超出系统允许的大小', 'file too large'],
  EIO: ['输入输出错误', 'input/output error'],
  EACCES: ['没有写入权限', 'permission denied'],
  EPERM: ['不允许写入', 'operation not permitted'],
  EROFS: ['只读文件系统', 'read-only file system'],
  EISDIR: ['这是一个文件夹，请给出文件名', 'is a directory; give a file name'],
  ENOTDIR: ['路径中有一段不是文件夹', 'a part of the path is not a directory'],
  ENAMETOOLONG: ['文件名过长', 'file name too long'],
  ELOOP: ['符号链接过多或成环', 'too many levels of symbolic links (a loop)'],
  ENXIO: ['没有进程在读这个设备或套接字', 'no reader for this device or socket'],
  EPIPE: ['读取端已关闭', 'the reader has gone (broken pipe)'],
  EBUSY: ['文件正忙', 'device or resource busy'],
  ETXTBSY: ['文件正忙', 'text file busy'],
  EXDEV: ['不能跨文件系统改名', 'cannot rename across file systems'],
  EINVAL: ['参数无效', 'invalid argument'],
  EMFILE: ['打开的文件过多', 'too many open files'],
  ENFILE: ['打开的文件过多', 'too many open files in the system'],
};

/** duban's error for a file that could not be written: `写入 F 失败：原因 / could not write F: reason`. */
export function writeFailure(file: string, zh: string, en: string, cause?: unknown): DubanError {
  const message = `写入 ${file} 失败：${zh} / could not write ${file}: ${en}`;
  return new DubanError('WRITE_FAILED', message, {
    issues: [{ code: 'write_failed', path: '--out', keys: ['--out'], message }],
    source: file,
    ...(cause === undefined ? {} : { cause }),
  });
}

/**
 * duban's error for a system error while writing `file`; the error itself if
 * it is not a system error (a failure of the code that made the content).
 */
export function writeError(file: string, error: unknown): unknown {
  if (isDubanError(error)) return error;
  const code = (error as SystemError | null)?.code;
  if (typeof code !== 'string' || !/^E[A-Z0-9]+$/.test(code)) return error;
  if (code === 'ENOENT')
    return writeFailure(file, `文件夹 ${JSON.stringify(dirname(file))} 不存在`, `folder ${JSON.stringify(dirname(file))} does not exist`, error);
  if (code === 'ESHORTWRITE') return writeFailure(file, `系统未能写入全部内容（${(error as Error).message}）`, (error as Error).message, error);
  const [zh, en] = REASONS[code] ?? [`系统错误 ${code}`, `system error ${code}`];
  return writeFailure(file, `${zh}（${code}）`, `${en} (${code})`, error);
}

// ---- Where to write ----

/** `/dev/stdout`, `/dev/fd/3`, `/proc/self/fd/1`: a path that names an open descriptor. */
const DESCRIPTOR_PATH = /^\/(?:dev\/(?:stdin|stdout|stderr|fd\/\d+)|proc\/(?:self|thread-self|\d+)\/fd\/\d+)$/;

/** Symbolic links followed at most (Linux's own limit is 40). */
const MAX_LINKS = 40;

/** How `file` is to be written: replaced atomically at `path`, or written through. */
type Destination =
  | { readonly kind: 'replace'; readonly path: string; readonly mode: number | undefined }
  | { readonly kind: 'through'; readonly path: string; readonly regular: boolean }
  | { readonly kind: 'descriptor'; readonly fd: number; readonly regular: boolean };

/** The descriptor of this process a descriptor path names (`/dev/stdout` → 1), or undefined (another process's, or none). */
function ownDescriptor(path: string): number | undefined {
  const match = /^\/(?:dev\/(?:(stdin)|(stdout)|(stderr)|fd\/(\d+))|proc\/(self|thread-self|\d+)\/fd\/(\d+))$/.exec(path);
  if (match === null) return undefined;
  if (match[1] !== undefined) return 0;
  if (match[2] !== undefined) return 1;
  if (match[3] !== undefined) return 2;
  if (match[4] !== undefined) return Number(match[4]);
  return match[5] === 'self' || match[5] === 'thread-self' || Number(match[5]) === process.pid ? Number(match[6]) : undefined;
}

/** A stat of `path` following links, or undefined when nothing is there. ELOOP and the like are thrown. */
function statOrNothing(path: string, stat: (path: string) => Stats): Stats | undefined {
  try {
    return stat(path);
  } catch (error) {
    if ((error as SystemError).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Where and how to write `file`: a regular file (or nothing yet) is replaced
 * atomically, through any symlinks to the file they point to; a character
 * device, a FIFO or a descriptor path is written through; a directory, a block
 * device or a socket is refused.
 */
function destinationOf(file: string): Destination {
  const absolute = resolve(file);
  // The symlinks the name goes through, each hop's path in turn (the last one is not a link, or not there).
  const hops = [absolute];
  for (let entry = statOrNothing(absolute, lstatSync); entry?.isSymbolicLink() === true; entry = statOrNothing(hops.at(-1)!, lstatSync)) {
    if (hops.length > MAX_LINKS) throw Object.assign(new Error('too many symbolic links'), { code: 'ELOOP' });
    hops.push(resolve(dirname(hops.at(-1)!), readlinkSync(hops.at(-1)!)));
  }
  // One of our own descriptors (`--out /dev/stdout`, or a link to it; a terminal, a pipe, a socket or the file of `> result.json`): written to as it is.
  for (const hop of hops) {
    const fd = ownDescriptor(hop);
    if (fd !== undefined) return { kind: 'descriptor', fd, regular: fstatSync(fd).isFile() };
  }
  const target = statOrNothing(absolute, statSync);
  if (target !== undefined) {
    if (target.isDirectory()) throw writeFailure(file, '这是一个文件夹，请给出文件名', 'is a directory; give a file name');
    if (target.isBlockDevice()) throw writeFailure(file, '这是块设备，duban 不写入块设备', 'is a block device; duban does not write to one');
    if (target.isSocket()) throw writeFailure(file, '这是套接字，不能写入', 'is a socket; it cannot be written to');
    if (target.isCharacterDevice() || target.isFIFO()) return { kind: 'through', path: absolute, regular: false };
    // Another process's descriptor naming a regular file: written into, not replaced.
    if (DESCRIPTOR_PATH.test(absolute)) return { kind: 'through', path: absolute, regular: true };
    return { kind: 'replace', path: realpathSync(absolute), mode: target.mode & 0o7777 };
  }
  // Nothing there: a new file, or a symlink pointing to a file not yet there (then that file is created).
  const path = hops.at(-1)!;
  // The folder must exist: realpath says so (ENOENT otherwise) and takes it through its own links.
  return { kind: 'replace', path: join(realpathSync(dirname(path)), basename(path)), mode: undefined };
}

/**
 * A file being written (see {@link openAtomically}): a regular file goes to a
 * temporary file beside it and is renamed over it by `commit`, so a failure
 * leaves nothing half-written; a device or FIFO is written directly.
 */
export interface AtomicFile {
  /** The descriptor to write to. */
  readonly fd: number;
  /** Writes a chunk fully (see {@link writeFully}). */
  write(chunk: string | Uint8Array): void;
  /** Ends the writing: fsync, close, and rename the temporary file to its name. */
  commit(): void;
  /** Closes and removes the temporary file (the target stays as it was). Never throws. */
  abandon(): void;
  /** duban's error for a system error while writing (or the error itself if it is not one). */
  failure(error: unknown): unknown;
}

/** Opens `file` for writing (see {@link AtomicFile}); a problem with the place is duban's error naming the file. */
export function openAtomically(file: string): AtomicFile {
  const failure = (error: unknown) => writeError(file, error);
  try {
    const destination = destinationOf(file);
    if (destination.kind === 'descriptor') return writingTo(destination.fd, destination.regular, false);
    // Opened to append: a file a shell opened for `>>` keeps what it had (for `>` it is empty already); devices and FIFOs ignore it.
    return destination.kind === 'through'
      ? writingTo(writeFs.openSync(destination.path, 'a'), destination.regular, true)
      : openReplacing(destination.path, destination.mode);
  } catch (error) {
    throw failure(error);
  }

  /** Writing straight to a descriptor (a device, a FIFO, our stdout), closed at the end when it was opened for this. */
  function writingTo(fd: number, regular: boolean, owned: boolean): AtomicFile {
    let open = owned;
    const close = () => {
      if (open) {
        open = false;
        writeFs.closeSync(fd);
      }
    };
    return {
      fd,
      write: (chunk) => writeChunk(fd, chunk),
      commit() {
        // A regular file is synced; a terminal, a pipe or a device cannot be (fsync fails there with EINVAL).
        if (regular) writeFs.fsyncSync(fd);
        close();
      },
      abandon() {
        try {
          close();
        } catch {
          // closing is all there is to do
        }
      },
      failure,
    };
  }

  function openReplacing(path: string, mode: number | undefined): AtomicFile {
    const temporary = createTemporary(dirname(path));
    const { fd } = temporary;
    let open = true;
    // The new file keeps the permissions of the one it replaces.
    if (mode !== undefined) {
      try {
        fchmodSync(fd, mode);
      } catch {
        // not ours to change: the new file gets the default permissions
      }
    }
    const close = () => {
      if (open) {
        open = false;
        writeFs.closeSync(fd);
      }
    };
    return {
      fd,
      write: (chunk) => writeChunk(fd, chunk),
      commit() {
        // On disk before it takes the target's name: a crash then leaves the old file or the whole new one.
        writeFs.fsyncSync(fd);
        close();
        writeFs.renameSync(temporary.path, path);
        temporaries.delete(temporary.path);
        syncFolder(dirname(path));
      },
      abandon() {
        try {
          close();
        } catch {
          // the descriptor is gone either way
        }
        try {
          writeFs.unlinkSync(temporary.path);
        } catch {
          // nothing to clean up
        }
        temporaries.delete(temporary.path);
      },
      failure,
    };
  }
}

/** Makes a rename durable: fsync of the folder (best effort; not every system allows it). */
function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch {
    // a folder that cannot be synced: the rename stands, durability is the system's
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Writes a file atomically (see {@link openAtomically}): every byte checked,
 * fsync'ed, then renamed over the target; on any failure the target stays as
 * it was, no temporary file remains, and the error is duban's naming the file.
 */
export function writeAtomically(file: string, content: string | Uint8Array | Iterable<string>): void {
  const target = openAtomically(file);
  try {
    if (typeof content === 'string' || content instanceof Uint8Array) target.write(content);
    else for (const chunk of content) target.write(chunk);
    target.commit();
  } catch (error) {
    target.abandon();
    throw target.failure(error);
  }
}
