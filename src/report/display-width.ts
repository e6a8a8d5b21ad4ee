import { DubanError } from '../errors.js';
/** Code point ranges that terminals draw two columns wide (East Asian Wide and Fullwidth). */
const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f],
  [0x1f900, 0x1f9ff],
  [0x20000, 0x3fffd],
];

function isWide(codePoint: number): boolean {
  for (const [low, high] of WIDE) if (codePoint >= low && codePoint <= high) return true;
  return false;
}

function isZeroWidth(codePoint: number): boolean {
  return (
    (codePoint >= 0x300 && codePoint <= 0x36f) ||
    (codePoint >= 0x200b && codePoint <= 0x200f) ||
    codePoint === 0xfeff ||
    (codePoint >= 0xfe00 && codePoint <= 0xfe0f)
  );
}

/**
 * How many terminal columns a string takes: 2 for CJK and fullwidth characters,
 * 0 for combining marks, 1 otherwise.
 *
 * @param text - the string
 * @returns its width in columns
 * Internal: not exported from the package.
 */
export function displayWidth(text: string): number {
  if (typeof text !== 'string')
    throw new DubanError('INVALID_OPTION', 'displayWidth takes a string', {
      issues: [{ code: 'invalid_type', path: 'text', keys: ['text'], message: `expected a string, got ${typeof text}` }],
    });
  let width = 0;
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    width += isZeroWidth(codePoint) ? 0 : isWide(codePoint) ? 2 : 1;
  }
  return width;
}

/** Cuts a string to at most `max` columns, ending with `…` when cut. */
export function truncateToWidth(text: string, max: number): string {
  if (displayWidth(text) <= max) return text;
  let out = '';
  let width = 0;
  for (const char of text) {
    const w = displayWidth(char);
    if (width + w > max - 1) break;
    out += char;
    width += w;
  }
  return `${out}…`;
}

/** Pads a string with spaces to `width` columns. */
export function padToWidth(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const pad = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'left' ? text + pad : pad + text;
}
