// User text (task ids and titles, labels, rule names, explanations) made safe
// for where duban prints it: a terminal must show it, not act on it; Markdown
// must show it, not render it as HTML or links.

/**
 * The characters a terminal acts on instead of showing, with line feed and tab
 * (kept where the layout allows them): C0 controls (ESC starts `ESC[2J` and OSC
 * sequences, CR rewrites the line, BS erases), DEL, C1 controls (U+0080–U+009F;
 * U+009B is a one-character CSI), the bidirectional formatting characters that
 * make text read in another order than it is stored ("Trojan Source":
 * U+202A–U+202E embeddings and overrides, U+2066–U+2069 isolates, U+200E/U+200F
 * marks, U+061C the Arabic letter mark), and U+2028/U+2029, which some
 * terminals and editors take as line breaks.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_KEEPING_LAYOUT = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

/** The same, line feed and tab included: for a table cell or a one-line field, where they would break the layout. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_IN_A_LINE = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

/** `\u{1B}`: the code point in hexadecimal, as JavaScript writes it, so it is visible and unambiguous. */
const visible = (char: string): string => `\\u{${char.codePointAt(0)!.toString(16).toUpperCase()}}`;

/**
 * Text for a terminal: every control character and bidirectional formatting
 * character (see above) is written as `\u{HEX}` — ESC as `\u{1B}`, U+202E as
 * `\u{202E}` — so that a hostile title is seen, not obeyed. Every other
 * character, Chinese text included, is kept as it is.
 *
 * @param text - the text
 * @param layout - `'lines'` keeps line feeds and tabs (for whole outputs), `'cell'` (default) escapes them too (for one table cell or line)
 * @returns the text with those characters made visible
 */
export function escapeTerminalText(text: string, layout: 'cell' | 'lines' = 'cell'): string {
  return text.replace(layout === 'lines' ? UNSAFE_KEEPING_LAYOUT : UNSAFE_IN_A_LINE, visible);
}

/**
 * Text inside a Markdown line (a paragraph, a heading, a table cell): every
 * character Markdown or HTML would act on is backslash-escaped — `\`, `` ` ``,
 * `*`, `_`, `[`, `]`, `<`, `>`, `|`, `#`, `&` — so `<script>` stays text,
 * `[x](javascript:…)` is no link (nor `![x](…)` an image), `<javascript:…>` no
 * autolink and `&lt;` no entity; line breaks become spaces; then
 * control and bidirectional formatting characters are made visible as for a
 * terminal ({@link escapeTerminalText}). Text without those characters
 * (ordinary Chinese text) is unchanged.
 *
 * @param text - the text
 * @returns the text for one Markdown line
 */
export function escapeMarkdownText(text: string): string {
  return text.replace(MARKDOWN_UNSAFE, (match) => (MARKDOWN_SYNTAX.includes(match) ? `\\${match}` : LINE_BREAKS.includes(match) ? ' ' : visible(match)));
}

/** The characters Markdown or HTML act on. */
const MARKDOWN_SYNTAX = '\\`*_[]<>|#&';

/** Line breaks, CRLF first: each becomes one space. */
const LINE_BREAKS = ['\r\n', '\r', '\n', '\u2028', '\u2029'];

/** In one pass (a Markdown file of 200 000 rows is escaped cell by cell): line breaks, Markdown syntax, then the terminal's unsafe characters. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const MARKDOWN_UNSAFE = /\r\n|[\\`*_[\]<>|#&\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;
