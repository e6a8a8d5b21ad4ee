/**
 * The page of GB/T 9704-2012《党政机关公文格式》, in Word's units: twips
 * (1/20 pt, 1/1440 in; 1 mm ≈ 56.69 twips) and half-points for font sizes.
 *
 * - 5.1 A4 paper, 210 mm × 297 mm (Word's own A4 figures, 11906 × 16838 twips);
 * - 5.2.1 天头 (top margin) 37 mm ± 1 mm, 订口 (left margin) 28 mm ± 1 mm, 版心 156 mm × 225 mm,
 *   so the right margin is 26 mm and the bottom margin 35 mm;
 * - 5.2.3 22 lines a page and 28 characters a line: lines exactly 579 twips apart on a line grid
 *   of the same pitch (225 mm / 22 = 28.99 pt, rounded down so that 22 lines fit), and 3号
 *   characters set 0.25 pt closer (156 mm / 28 = 15.79 pt a character; 16 − 0.25 = 15.75 pt, so
 *   28 fit and 29 do not). Word's 公文 templates get the 28 with a character grid
 *   (`w:charSpace="-842"`) instead, but LibreOffice gives each 16 pt character two cells of that
 *   15.79 pt grid and sets 14 a line: character spacing gives 28 in both;
 * - 7.5 page numbers in 4号 (14 pt) half-width 宋体 digits between two 一字线 (`— 1 —`), whose top is
 *   7 mm below the 版心: the footer line is exactly 14 pt high and ends 23 mm above the page's
 *   bottom edge (35 − 7 − 4.94 mm); odd pages on the right, even pages on the left, one character in.
 */
export const LAYOUT = {
  pageWidth: 11906,
  pageHeight: 16838,
  marginTop: 2098,
  marginLeft: 1587,
  marginRight: 1474,
  marginBottom: 1984,
  /** Word's default header distance; duban writes no header. */
  header: 851,
  footer: 1304,
  linePitch: 579,
  /** The width of the 版心: 8845 twips, 156.0 mm. */
  textWidth: 11906 - 1587 - 1474,
} as const;

/** Font sizes in half-points: 2号 22 pt, 3号 16 pt, 4号 14 pt, 五号 10.5 pt. */
export const SIZES = {
  title: 44,
  body: 32,
  pageNumber: 28,
  table: 21,
} as const;

/** The character spacing of 3号 text, in twips: −0.25 pt, so that 28 characters fill a line of the 版心. */
export const CHARACTER_SPACING = -5;
/** Two 3号 characters at that spacing (2 × 15.75 pt), the indent of a paragraph's first line (每个自然段左空二字). */
export const FIRST_LINE_INDENT = 630;
/** One 4号 character, the distance of a page number from the edge of the 版心 (空一字). */
export const PAGE_NUMBER_INDENT = 280;
/** The line height of table text: exactly 15 pt, off the document grid. */
export const TABLE_LINE = 300;
