import { readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { DubanError } from '../../index.js';

/** Writes bytes atomically: to a temporary file beside the target, then renamed, so a failure leaves nothing half-written. */
export function writeBytesAtomically(file: string, bytes: Uint8Array): void {
  const temporary = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, bytes);
    renameSync(temporary, file);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // nothing to clean up
    }
    throw error;
  }
}

/** Reads a file's bytes, or throws a DubanError naming the file (exit 2). */
export function readBytes(file: string): Uint8Array {
  try {
    return readFileSync(file);
  } catch (cause) {
    const code = (cause as { code?: string }).code;
    throw new DubanError('INVALID_OPTION', `cannot read ${file}`, {
      issues: [{ path: '$', message: code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a directory' : `cannot read (${code ?? String(cause)})` }],
      source: file,
      cause,
    });
  }
}
