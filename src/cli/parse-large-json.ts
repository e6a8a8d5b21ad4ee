import { hasInexactNumber } from '../model/json-numbers.js';

/**
 * Parses a large JSON document whose bulk is one top-level array (a plan's
 * `tasks`) without ever holding the whole text as one JavaScript string: the
 * bytes are scanned for the array's elements, which are decoded and parsed a
 * few megabytes at a time. For a million-task plan this halves peak memory.
 *
 * The result is exactly `JSON.parse` of the whole text, or `undefined` when the
 * text is not plainly shaped so (no such key, the key twice, anything the scan
 * or a piece's parse does not accept); the caller then parses the whole text,
 * which also reports any syntax error with its line and column, and any number
 * that would change value when read (then the text is scanned for them too).
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

const isSpace = (byte: number) => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;

/** Decodes UTF-8 bytes, failing on invalid sequences (the caller falls back and reports them). */
const decoder = () => new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * @param bytes - the file's bytes (UTF-8, with or without a byte-order mark)
 * @param key - the top-level key whose array is read in pieces
 * @param chunkBytes - about how many bytes of elements to parse at a time
 * @returns the parsed value, or `undefined` to fall back to a whole-text parse
 */
export function parseLargeJson(bytes: Uint8Array, key = 'tasks', chunkBytes = 4 << 20): unknown {
  const keyBytes = new TextEncoder().encode(JSON.stringify(key));
  const utf8 = decoder();
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  // Find the top-level key: scan with depth and string state.
  let depth = 0;
  const opened: number[] = [];
  let arrayStart = -1;
  let arrayEnd = -1;
  const elementEnds: number[] = [];
  let elementStart = -1;
  let i = start;
  const n = bytes.length;
  while (i < n) {
    const byte = bytes[i]!;
    if (byte === QUOTE) {
      const stringStart = i;
      i++;
      while (i < n && bytes[i] !== QUOTE) i += bytes[i] === BACKSLASH ? 2 : 1;
      if (i >= n) return undefined;
      i++;
      // A top-level key equal to `key`, followed by `:` and `[`.
      if (depth === 1 && i - stringStart === keyBytes.length && matches(bytes, stringStart, keyBytes)) {
        let j = i;
        while (j < n && isSpace(bytes[j]!)) j++;
        if (bytes[j] !== COLON) continue;
        j++;
        while (j < n && isSpace(bytes[j]!)) j++;
        if (bytes[j] !== OPEN_BRACKET || arrayStart !== -1) return undefined;
        arrayStart = j;
        i = j + 1;
        opened.push(OPEN_BRACKET);
        depth = 2;
        elementStart = i;
      }
      continue;
    }
    if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
      opened.push(byte);
      depth++;
    } else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
      // Brackets must match, or the split points are not the document's structure.
      if (opened.pop() !== (byte === CLOSE_BRACE ? OPEN_BRACE : OPEN_BRACKET)) return undefined;
      depth--;
      if (depth === 1 && arrayStart !== -1 && arrayEnd === -1) {
        arrayEnd = i;
        elementEnds.push(i);
      }
      if (depth < 0) return undefined;
    } else if (byte === COMMA && depth === 2 && arrayStart !== -1 && arrayEnd === -1) {
      elementEnds.push(i);
    }
    i++;
  }
  if (arrayStart === -1 || arrayEnd === -1 || depth !== 0) return undefined;
  try {
    const head = utf8.decode(bytes.subarray(start, arrayStart + 1)) + ']' + utf8.decode(bytes.subarray(arrayEnd + 1));
    if (hasInexactNumber(head)) return undefined;
    const value: unknown = JSON.parse(head);
    if (typeof value !== 'object' || value === null || Array.isArray(value) || !Array.isArray((value as Record<string, unknown>)[key])) return undefined;
    const items: unknown[] = [];
    // Pieces of whole elements: from `from` up to a separating comma (or the closing bracket), excluded.
    let from = elementStart;
    for (let e = 0; e < elementEnds.length; e++) {
      const end = elementEnds[e]!;
      if (end - from < chunkBytes && e < elementEnds.length - 1) continue;
      const piece = utf8.decode(bytes.subarray(from, end));
      if (piece.trim() === '') {
        // Only a whole array may be empty: `[ ]`. An empty piece anywhere else is a stray comma.
        if (e === elementEnds.length - 1 && from === elementStart) break;
        return undefined;
      }
      const parsed: unknown = JSON.parse(`[${piece}]`);
      if (hasInexactNumber(piece)) return undefined;
      for (const item of parsed as unknown[]) items.push(item);
      from = end + 1;
    }
    (value as Record<string, unknown>)[key] = items;
    return value;
  } catch {
    return undefined;
  }
}

function matches(bytes: Uint8Array, at: number, pattern: Uint8Array): boolean {
  for (let k = 0; k < pattern.length; k++) if (bytes[at + k] !== pattern[k]) return false;
  return true;
}
