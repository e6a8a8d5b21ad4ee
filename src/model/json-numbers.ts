// JSON numbers that would change value when read. JSON.parse turns every number
// into a double, and duban reads a double as the shortest decimal that
// round-trips to it (parseDecimal): 9007199254740993 becomes 9007199254740992,
// 30-digit integers round, 1e-400 becomes 0 and 1e400 Infinity (JSON null once
// written out again). Node 20's JSON.parse gives no access to the source text,
// so the text is scanned for its number tokens, and each token whose written
// decimal is not the decimal duban would read is reported with its JSON path.
import { jsonIssue, type DubanIssue, type IssueKey } from '../errors.js';
import { parseDecimal } from './decimal.js';
import { bilingual } from './suggest.js';

/** At most this many inexact numbers are reported for one text (a hostile file could have millions). */
const MAX_NUMBER_ISSUES = 100;

/**
 * Whether a JSON number token reads back as the decimal it writes: its double,
 * written as the shortest decimal that round-trips (what duban reads), has the
 * same value as the token. `"1.50"`, `"1e3"` and `"0.1"` do; `"9007199254740993"`,
 * `"1e400"` and `"1e-400"` do not.
 */
export function isExactJsonNumber(token: string): boolean {
  const value = Number(token);
  if (!Number.isFinite(value)) return false;
  const shortest = String(value);
  if (shortest === token) return true;
  const written = parseDecimal(token);
  return written !== undefined && written === parseDecimal(value);
}

/**
 * The start of every number token that may need a look: after `:`, `[` or `,`
 * and white space, with a point, an exponent or 16 digits or more (shorter
 * integers are exact). A regular expression finds them much faster than a loop
 * over every character; a match inside a string is sorted out afterwards.
 */
const CANDIDATE = /[:[,][ \t\r\n]*-?(?:\d{16}|\d*[.eE])/g;

/** The end of the number token starting at `start`. */
function tokenEnd(text: string, start: number): number {
  let k = start + 1;
  for (; k < text.length; k++) {
    const d = text.charCodeAt(k);
    if (!((d >= 48 && d <= 57) || d === 46 || d === 101 || d === 69 || d === 43 || d === 45)) break;
  }
  return k;
}

/**
 * The inexact number tokens of a valid JSON text (see {@link isExactJsonNumber}),
 * each as `{ start, end, path }`, at most `max` of them, and how many more
 * there are. Candidates come from {@link CANDIDATE}; the few inexact ones are
 * then placed in one pass over the text, which drops those inside strings and
 * finds the JSON path of the others.
 */
function inexactNumbers(text: string, max: number): { found: { start: number; end: number; keys: IssueKey[] }[]; more: number } {
  const candidates: { start: number; end: number }[] = [];
  const lead = /^[ \t\r\n]*-?\d/.exec(text);
  if (lead !== null) {
    const start = lead[0].length - (text.charCodeAt(lead[0].length - 2) === 45 ? 2 : 1);
    const end = tokenEnd(text, start);
    if (!isExactJsonNumber(text.slice(start, end))) candidates.push({ start, end });
  }
  CANDIDATE.lastIndex = 0;
  for (let match = CANDIDATE.exec(text); match !== null; match = CANDIDATE.exec(text)) {
    let start = match.index + 1;
    while (text.charCodeAt(start) !== 45 && (text.charCodeAt(start) < 48 || text.charCodeAt(start) > 57)) start++;
    const end = tokenEnd(text, start);
    CANDIDATE.lastIndex = end;
    if (!isExactJsonNumber(text.slice(start, end))) candidates.push({ start, end });
  }
  if (candidates.length === 0) return { found: [], more: 0 };
  const paths = pathsAt(
    text,
    candidates.map(({ start }) => start),
  );
  const real = candidates.filter(({ start }) => paths.has(start));
  return { found: real.slice(0, max).map((token) => ({ ...token, keys: paths.get(token.start)! })), more: Math.max(0, real.length - max) };
}

/**
 * Whether a valid JSON text has a number that would change value when read
 * (see {@link isExactJsonNumber}). For the large-file reader, which then falls
 * back to the whole-text parse that reports each with its path.
 */
export function hasInexactNumber(text: string): boolean {
  return inexactNumbers(text, 1).found.length > 0;
}

type Frame = { readonly object: true; key: string; expectKey: boolean } | { readonly object: false; index: number };

/**
 * The JSON paths of the values that start at the given offsets (ascending) of
 * a valid JSON text, found in one pass; an offset inside a string has none.
 */
function pathsAt(text: string, offsets: readonly number[]): Map<number, IssueKey[]> {
  const paths = new Map<number, IssueKey[]>();
  const stack: Frame[] = [];
  const here = () => stack.map((frame) => (frame.object ? frame.key : frame.index));
  let next = 0;
  for (let i = 0; i < text.length && next < offsets.length; i++) {
    while (next < offsets.length && offsets[next]! < i) next++;
    if (i === offsets[next]) {
      paths.set(i, here());
      next++;
    }
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      let j = i + 1;
      let escaped = false;
      for (; j < text.length; j++) {
        const d = text.charCodeAt(j);
        if (d === 0x5c) {
          escaped = true;
          j++;
        } else if (d === 0x22) break;
      }
      const top = stack.at(-1);
      if (top !== undefined && top.object && top.expectKey) {
        top.key = escaped ? (JSON.parse(text.slice(i, j + 1)) as string) : text.slice(i + 1, j);
        top.expectKey = false;
      }
      i = j;
    } else if (c === 0x7b) stack.push({ object: true, key: '', expectKey: true });
    else if (c === 0x5b) stack.push({ object: false, index: 0 });
    else if (c === 0x7d || c === 0x5d) stack.pop();
    else if (c === 0x2c) {
      const top = stack.at(-1);
      if (top !== undefined) {
        if (top.object) top.expectKey = true;
        else top.index++;
      }
    }
  }
  return paths;
}

/** The message for a JSON number that cannot be read exactly, suggesting the string to write instead. */
export function inexactNumberMessage(token: string): string {
  const shown = token.length > 60 ? `${token.slice(0, 60)}…` : token;
  const string = JSON.stringify(shown);
  return bilingual(`数字 ${shown} 无法精确表示，请写成字符串 ${string}`, `the number ${shown} cannot be represented exactly; write it as a string ${string}`);
}

/**
 * One issue per number of a valid JSON text that would change value when read
 * (at most 100, then one saying how many more), each at its JSON path.
 *
 * @param text - valid JSON text (without a byte-order mark)
 */
export function inexactNumberIssues(text: string): DubanIssue[] {
  const { found, more } = inexactNumbers(text, MAX_NUMBER_ISSUES);
  const issues: DubanIssue[] = found.map(({ start, end, keys }) => jsonIssue('inexact_number', keys, inexactNumberMessage(text.slice(start, end))));
  if (more > 0)
    issues.push({
      code: 'truncated',
      path: '$',
      keys: [],
      message: bilingual(`以及另外 ${more} 个无法精确表示的数字`, `and ${more} more numbers that cannot be represented exactly`),
    });
  return issues;
}
