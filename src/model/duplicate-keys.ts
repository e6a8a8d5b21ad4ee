import type { DubanIssue } from '../errors.js';
import { jsonIssue } from '../errors.js';
import { quote } from './schema-kit.js';

/** Texts longer than this are not scanned for duplicate keys (hand-edited files are far smaller). */
export const MAX_DUPLICATE_KEY_SCAN = 16 << 20;

/** An object's keys: none yet, its only key so far, or (from the second key on) a set. Millions of `{}` cost no set. */
type Frame =
  { readonly object: true; keys: Set<string> | string | undefined; key: string | undefined; expectKey: boolean } | { readonly object: false; index: number };

/**
 * Every key that appears twice in one object of a JSON text. `JSON.parse`
 * silently keeps the last, so `"value": "3.7", "value": "0.37"` would lose the
 * first figure without a word. The text must already be known to be valid JSON.
 *
 * @param text - valid JSON text (without a byte-order mark)
 * @returns one issue per repeated key, at its JSON path
 */
export function duplicateKeyIssues(text: string): DubanIssue[] {
  if (text.length > MAX_DUPLICATE_KEY_SCAN) return [];
  const issues: DubanIssue[] = [];
  const stack: Frame[] = [];
  const keysTo = (key: string) => [...stack.slice(0, -1).map((frame) => (frame.object ? (frame.key ?? '') : frame.index)), key];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // A string: find its end, skipping escapes.
      let j = i + 1;
      let escaped = false;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === 0x5c) {
          escaped = true;
          j += 2;
        } else if (d === 0x22) break;
        else j++;
      }
      const top = stack.at(-1);
      if (top !== undefined && top.object && top.expectKey) {
        const key = escaped ? (JSON.parse(text.slice(i, j + 1)) as string) : text.slice(i + 1, j);
        const seen = top.keys === undefined ? false : typeof top.keys === 'string' ? top.keys === key : top.keys.has(key);
        if (seen)
          issues.push(jsonIssue('duplicate_key', keysTo(key), `duplicate key ${quote(key)}: JSON keeps only the last, so the first value would be lost`));
        if (top.keys === undefined) top.keys = key;
        else if (typeof top.keys === 'string') top.keys = new Set([top.keys, key]);
        else top.keys.add(key);
        top.key = key;
        top.expectKey = false;
      }
      i = j + 1;
      continue;
    }
    if (c === 0x7b) stack.push({ object: true, keys: undefined, key: undefined, expectKey: true });
    else if (c === 0x5b) stack.push({ object: false, index: 0 });
    else if (c === 0x7d || c === 0x5d) stack.pop();
    else if (c === 0x2c) {
      const top = stack.at(-1);
      if (top !== undefined) {
        if (top.object) top.expectKey = true;
        else top.index++;
      }
    }
    i++;
  }
  return issues;
}
