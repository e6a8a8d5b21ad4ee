/**
 * Word matching helpers: the lexicons turned into lookups that find a word
 * ending or starting at an offset in constant time per position.
 */

/** A word list indexed by its last character, longest words first. */
export interface WordIndex {
  readonly byLast: ReadonlyMap<string, readonly string[]>;
  readonly byFirst: ReadonlyMap<string, readonly string[]>;
}

/** Builds the lookups for a word list. */
export function wordIndex(words: readonly string[]): WordIndex {
  const byLast = new Map<string, string[]>();
  const byFirst = new Map<string, string[]>();
  for (const word of [...new Set(words)].sort((a, b) => b.length - a.length)) {
    const last = word[word.length - 1]!;
    const first = word[0]!;
    byLast.set(last, [...(byLast.get(last) ?? []), word]);
    byFirst.set(first, [...(byFirst.get(first) ?? []), word]);
  }
  return { byLast, byFirst };
}

/** The longest word of the index ending exactly at `end` (and starting at or after `from`). */
export function wordEndingAt(text: string, end: number, from: number, index: WordIndex): string | undefined {
  const candidates = index.byLast.get(text[end - 1] ?? '');
  if (candidates === undefined) return undefined;
  for (const word of candidates) if (end - word.length >= from && text.startsWith(word, end - word.length)) return word;
  return undefined;
}

/** The longest word of the index starting exactly at `start` (and ending at or before `to`). */
export function wordStartingAt(text: string, start: number, to: number, index: WordIndex): string | undefined {
  const candidates = index.byFirst.get(text[start] ?? '');
  if (candidates === undefined) return undefined;
  for (const word of candidates) if (start + word.length <= to && text.startsWith(word, start)) return word;
  return undefined;
}

/** Whether `text[from, to)` contains a word of the index (linear in the span times the longest word). */
export function containsWord(text: string, from: number, to: number, index: WordIndex): boolean {
  for (let i = from; i < to; i++) if (wordStartingAt(text, i, to, index) !== undefined) return true;
  return false;
}

/** The first offset in `text[from, to)` where a word of the index starts, with the word. */
export function findWord(text: string, from: number, to: number, index: WordIndex): { at: number; word: string } | undefined {
  for (let i = from; i < to; i++) {
    const word = wordStartingAt(text, i, to, index);
    if (word !== undefined) return { at: i, word };
  }
  return undefined;
}

/** Strips words of the lists from both ends, repeatedly, and spaces and stray punctuation. */
export function stripEnds(value: string, prefixes: readonly string[], suffixes: readonly string[], allowEmpty = false): string {
  let s = value;
  for (let changed = true; changed;) {
    changed = false;
    let trimmed = s.replace(/^[\s,、:;*"'‘’]+|[\s,、:;*"'‘]+$/gu, '');
    // An opening quote is dropped only when it is not closed inside the measure.
    if (trimmed.startsWith('“') && !trimmed.includes('”')) trimmed = trimmed.slice(1);
    if (trimmed.endsWith('“')) trimmed = trimmed.slice(0, -1);
    if (trimmed !== s) {
      s = trimmed;
      changed = true;
    }
    const year = /^(?:19|20)\d{2}年度?/u.exec(s);
    if (year !== null) {
      s = s.slice(year[0].length);
      changed = true;
    }
    for (const prefix of prefixes) {
      if ((s.length > prefix.length || (allowEmpty && s.length === prefix.length)) && s.startsWith(prefix)) {
        s = s.slice(prefix.length);
        changed = true;
      }
    }
    for (const suffix of suffixes) {
      if (s.length > suffix.length && s.endsWith(suffix)) {
        s = s.slice(0, -suffix.length);
        changed = true;
      }
    }
  }
  return s;
}
