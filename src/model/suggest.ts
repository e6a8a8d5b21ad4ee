// "Did you mean": the closest valid word to a mistyped one, by edit distance,
// and the bilingual clause that suggests it and lists the valid words. Used by
// the plan, observations and rule-file messages and by the CLI.

/**
 * The optimal-string-alignment distance between two strings (Levenshtein plus
 * the swap of two neighbours, so `deadine` → `deadline` is 1 and `lavel` →
 * `level` is 1), counted in UTF-16 code units.
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let before: number[] = [];
  let previous: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, before[j - 2]! + 1);
      current.push(best);
    }
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/** The most edits a word of this length may be away from a suggestion: 1 up to 4 characters, 2 up to 8, then 3. */
function threshold(length: number): number {
  return length <= 4 ? 1 : length <= 8 ? 2 : 3;
}

/**
 * The valid word a mistyped one most likely means: an alias's word (`">="` →
 * `greaterThanInclusive`, `"完成进度"` → `progress`), else the candidate closest
 * by edit distance, ignoring case, spaces, `-` and `_`, within a threshold that
 * grows with the word's length. `undefined` when nothing is close.
 *
 * @param word - what was written
 * @param candidates - the valid words
 * @param aliases - other spellings of valid words, each mapped to its word
 */
export function closestWord(word: string, candidates: readonly string[], aliases: Readonly<Record<string, string>> = {}): string | undefined {
  if (word.length > 200) return undefined;
  const trimmed = word.trim();
  if (Object.hasOwn(aliases, trimmed)) return aliases[trimmed];
  const fold = (text: string) => text.toLowerCase().replace(/[\s_-]+/g, '');
  const folded = fold(trimmed);
  if (folded === '') return undefined;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(folded, fold(candidate));
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  for (const [alias, target] of Object.entries(aliases)) {
    if (alias.length < 2) continue;
    const distance = editDistance(folded, fold(alias));
    if (distance < bestDistance && distance <= Math.max(0, Math.floor(alias.length / 3))) {
      best = target;
      bestDistance = distance;
    }
  }
  return best !== undefined && bestDistance <= threshold(Math.min(folded.length, fold(best).length)) ? best : undefined;
}

/** Words of a message, in Chinese and in English. */
export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

/** Lists at most this many valid words; longer lists end with "…". */
const MAX_LISTED = 40;

/**
 * The clause after "unknown X": the suggestion (if any word is close) and the
 * list of valid words, in Chinese (full-width punctuation) and English.
 *
 * @param word - what was written
 * @param candidates - the valid words
 * @param what - what the words are, e.g. `{ zh: '键', en: 'keys' }`
 * @param aliases - other spellings of valid words
 * @returns `{ zh: '；是否想写 "deadline"？可用的键：…', en: '; did you mean "deadline"? Valid keys: …' }`
 */
export function suggestion(word: string, candidates: readonly string[], what: Bilingual, aliases: Readonly<Record<string, string>> = {}): Bilingual {
  const near = closestWord(word, candidates, aliases);
  const listed = candidates.length > MAX_LISTED ? [...candidates.slice(0, MAX_LISTED), '…'] : candidates;
  const zhList = listed.join('、');
  const enList = listed.join(', ');
  const zhNear = near === undefined ? '' : `；是否想写 ${JSON.stringify(near)}？`;
  const enNear = near === undefined ? '' : `; did you mean ${JSON.stringify(near)}?`;
  return {
    zh: `${zhNear === '' ? '；' : zhNear}可用的${what.zh}：${zhList === '' ? '（无）' : zhList}`,
    en: `${enNear}${enNear === '' ? '; valid' : ' Valid'} ${what.en}: ${enList === '' ? '(none)' : enList}`,
  };
}

/** Joins the two languages of a message: Chinese first, then ` / ` and English. */
export function bilingual(zh: string, en: string): string {
  return `${zh} / ${en}`;
}

/**
 * Splits a message made by {@link bilingual} into its two languages: at the
 * first ` / ` outside a quoted value. A message without one is English only.
 */
export function splitBilingual(message: string): { zh: string | undefined; en: string } {
  let inQuote = false;
  for (let i = 0; i < message.length; i++) {
    const c = message[i];
    if (c === '\\' && inQuote) i++;
    else if (c === '"') inQuote = !inQuote;
    else if (!inQuote && c === ' ' && message.startsWith(' / ', i)) return { zh: message.slice(0, i), en: message.slice(i + 3) };
  }
  // An unbalanced quotation mark (a message about quotes): the first separator.
  const at = message.indexOf(' / ');
  return at === -1 ? { zh: undefined, en: message } : { zh: message.slice(0, at), en: message.slice(at + 3) };
}
