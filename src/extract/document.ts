/**
 * The layout of a source document: numbered headings and items, paragraphs,
 * sentences and clauses, each as offsets into the text. Nothing here reads
 * meaning; extract-plan.ts does.
 */

/** Heading levels: 一、 (1), (一) (2), 1、 / 1. (3), (1) (4). */
export type Level = 1 | 2 | 3 | 4;

/** A numbered heading or item. */
export interface Heading {
  /** 1 for 一、, 2 for (一), 3 for 1、 or 1., 4 for (1). */
  readonly level: Level;
  /** Its number (一 → 1). */
  readonly number: number;
  /** The title: the text after the marker up to the first 。 (trimmed). */
  readonly title: string;
  /** Offset of the marker. */
  readonly start: number;
  /** Offset after the title (and its 。). */
  readonly titleEnd: number;
  /** True when text follows the title on the same line. */
  readonly inline: boolean;
}

/** A span of text: [start, end). */
export interface Span {
  /** First offset. */
  readonly start: number;
  /** Offset after the last character. */
  readonly end: number;
}

/**
 * How many of `items`, in order of `key`, have a key below `at` — the index of the first at or after it — by binary
 * search, so a lookup per row or per figure stays linear overall.
 */
export function countBefore<T>(items: readonly T[], at: number, key: (item: T) => number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (key(items[mid]!) < at) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** A sentence: up to 。 ! ? ; or a line end, outside brackets. */
export interface Sentence extends Span {
  /** Its clauses: split at , and : outside brackets and quotes. */
  readonly clauses: readonly Span[];
}

/** A run of sentences read together: one numbered item, one heading's inline text, or one paragraph. */
export interface Scope extends Span {
  /** `item`: a numbered item's line; `heading`: a 一、 or (一) heading's own line; `paragraph`: any other line. */
  readonly kind: 'item' | 'heading' | 'paragraph';
  /** The enclosing 一、 heading. */
  readonly section: Heading | undefined;
  /** The enclosing (一) heading under it. */
  readonly subsection: Heading | undefined;
  /** The numbered item (1、) this scope is, or follows. */
  readonly item: Heading | undefined;
  /** The sentences, from the marker on (the title is the first sentence). */
  readonly sentences: readonly Sentence[];
}

/** The layout of a whole document. */
export interface Layout {
  /** Every scope, in order. */
  readonly scopes: readonly Scope[];
  /** Every heading and item, in order. */
  readonly headings: readonly Heading[];
}

const CHINESE_NUMBERS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
const WHITESPACE = new Set([' ', '\t', '\r', '\u00a0', '\ufeff', '\u3000']);
const OPEN = new Set(['(', '“', '《', '「', '[', '‘']);
const CLOSE = new Set([')', '”', '》', '」', ']', '’']);
/** Nesting deeper than this is treated as unbalanced text, not structure. */
const MAX_DEPTH = 8;

/** Reads 一 … 九十九 as a heading number. */
function chineseNumber(text: string, from: number, to: number): number | undefined {
  let value = 0;
  let digit = 0;
  for (let i = from; i < to; i++) {
    const c = text[i]!;
    const n = CHINESE_NUMBERS[c];
    if (n === undefined) return undefined;
    if (n === 10) {
      value += (digit === 0 ? 1 : digit) * 10;
      digit = 0;
    } else {
      digit = n;
    }
  }
  return value + digit || undefined;
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/** The heading marker at `at`, if the line starts with one: its level, number and where the marker ends. */
export function markerAt(text: string, at: number, end: number): { level: Level; number: number; after: number } | undefined {
  const c = text[at];
  if (c === '(') {
    let i = at + 1;
    while (i < end && i - at <= 3 && (text[i]! in CHINESE_NUMBERS || isDigit(text[i]))) i++;
    if (text[i] !== ')' || i === at + 1) return undefined;
    if (isDigit(text[at + 1])) {
      const n = Number(text.slice(at + 1, i));
      return Number.isInteger(n) && i - at <= 3 ? { level: 4, number: n, after: i + 1 } : undefined;
    }
    const n = chineseNumber(text, at + 1, i);
    return n === undefined ? undefined : { level: 2, number: n, after: i + 1 };
  }
  if (c !== undefined && c in CHINESE_NUMBERS) {
    let i = at;
    while (i < end && i - at < 3 && text[i]! in CHINESE_NUMBERS) i++;
    if (text[i] !== '、') return undefined;
    const n = chineseNumber(text, at, i);
    return n === undefined ? undefined : { level: 1, number: n, after: i + 1 };
  }
  if (isDigit(c)) {
    let i = at;
    while (i < end && i - at < 3 && isDigit(text[i])) i++;
    const mark = text[i];
    if (mark === '、' || (mark === '.' && !isDigit(text[i + 1]))) return { level: 3, number: Number(text.slice(at, i)), after: i + 1 };
    // "2.6月底前…" opens item 2, not the number 2.6.
    if (mark === '.' && isDigit(text[i + 1])) {
      let j = i + 1;
      while (j < end && j - i <= 2 && isDigit(text[j])) j++;
      if (text[j] === '月') return { level: 3, number: Number(text.slice(at, i)), after: i + 1 };
    }
  }
  return undefined;
}

/** Splits `text[from, to)` into sentences at 。!?; outside brackets, trimming spaces and stray punctuation. */
export function splitSentences(text: string, from: number, to: number): Sentence[] {
  const sentences: Sentence[] = [];
  let depth = 0;
  let start = from;
  const close = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && (WHITESPACE.has(text[s]!) || text[s] === ',' || text[s] === '*')) s++;
    while (e > s && WHITESPACE.has(text[e - 1]!)) e--;
    if (e > s) sentences.push({ start: s, end: e, clauses: splitClauses(text, s, e) });
  };
  for (let i = from; i < to; i++) {
    const c = text[i]!;
    if (OPEN.has(c)) depth = Math.min(depth + 1, MAX_DEPTH);
    else if (CLOSE.has(c)) depth = Math.max(depth - 1, 0);
    // A closing bracket right after the end mark belongs to the sentence: “…。”
    if (c === '。' || c === '!' || c === '?' || ((c === ';' || c === '…') && depth === 0)) {
      if (depth > 0 && c !== '。') continue;
      let end = i + 1;
      while (end < to && (text[end] === '”' || text[end] === ')' || text[end] === '…')) end++;
      close(end);
      start = end;
      i = end - 1;
      depth = 0;
    }
  }
  close(to);
  return sentences;
}

/** Splits a sentence into clauses at , and : outside brackets and quotes; the end marks stay with the last clause. */
export function splitClauses(text: string, from: number, to: number): Span[] {
  const clauses: Span[] = [];
  let depth = 0;
  let start = from;
  for (let i = from; i < to; i++) {
    const c = text[i]!;
    if (OPEN.has(c)) depth = Math.min(depth + 1, MAX_DEPTH);
    else if (CLOSE.has(c)) depth = Math.max(depth - 1, 0);
    else if ((c === ',' || c === ':') && depth === 0) {
      if (i > start) clauses.push({ start, end: i });
      start = i + 1;
    }
  }
  let end = to;
  while (end > start && (text[end - 1] === '。' || text[end - 1] === ';' || text[end - 1] === '!' || text[end - 1] === '?')) end--;
  if (end > start) clauses.push({ start, end });
  return clauses;
}

/** Lines of the text as trimmed spans; a (二) heading glued after a 。 in the middle of a line starts a line of its own. */
function lines(text: string): Span[] {
  const result: Span[] = [];
  let start = 0;
  const push = (s: number, e: number) => {
    while (s < e && WHITESPACE.has(text[s]!)) s++;
    while (e > s && WHITESPACE.has(text[e - 1]!)) e--;
    if (e > s) result.push({ start: s, end: e });
  };
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && text[i] !== '\n') continue;
    // Split "…。(八)标题" where the heading runs to the line end without another 。.
    let lineStart = start;
    let lastStop = -1;
    for (let j = start; j < i; j++) if (text[j] === '。') lastStop = j;
    if (lastStop >= start && lastStop + 1 < i) {
      const marker = markerAt(text, lastStop + 1, i);
      if (marker !== undefined && marker.level === 2) {
        push(lineStart, lastStop + 1);
        lineStart = lastStop + 1;
      }
    }
    push(lineStart, i);
    start = i + 1;
  }
  return result;
}

/** Reads the layout of a (width-normalised) text. */
export function readLayout(text: string): Layout {
  const scopes: Scope[] = [];
  const headings: Heading[] = [];
  let section: Heading | undefined;
  let subsection: Heading | undefined;
  let item: Heading | undefined;
  for (const line of lines(text)) {
    const marker = markerAt(text, line.start, line.end);
    if (marker === undefined) {
      scopes.push({ kind: 'paragraph', start: line.start, end: line.end, section, subsection, item, sentences: splitSentences(text, line.start, line.end) });
      continue;
    }
    let titleEnd = line.end;
    for (let j = marker.after; j < line.end; j++) {
      if (text[j] === '。') {
        titleEnd = j + 1;
        break;
      }
    }
    let titleStop = titleEnd;
    while (titleStop > marker.after && (text[titleStop - 1] === '。' || text[titleStop - 1] === '*' || WHITESPACE.has(text[titleStop - 1]!))) titleStop--;
    let titleStart = marker.after;
    while (titleStart < titleStop && (text[titleStart] === '*' || WHITESPACE.has(text[titleStart]!))) titleStart++;
    const inline = titleEnd < line.end;
    const heading: Heading = { level: marker.level, number: marker.number, title: text.slice(titleStart, titleStop), start: line.start, titleEnd, inline };
    headings.push(heading);
    if (marker.level === 1) {
      section = heading;
      subsection = undefined;
      item = undefined;
    } else if (marker.level === 2) {
      subsection = heading;
      item = undefined;
    } else {
      item = heading;
    }
    const kind = marker.level >= 3 ? 'item' : 'heading';
    scopes.push({ kind, start: marker.after, end: line.end, section, subsection, item, sentences: splitSentences(text, marker.after, line.end) });
  }
  return { scopes, headings };
}
