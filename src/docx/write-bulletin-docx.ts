import type { Paragraph as DocxParagraph, Table as DocxTable, TableCell as DocxTableCell } from 'docx';
import { ensureEvaluations } from '../engine/boundary.js';
import type { Evaluation } from '../engine/evaluate-plan.js';
import { ensurePlan } from '../model/boundary.js';
import { booleanOption, isPlainObject, kindOf, oneOfOption, readOptions, stringOption } from '../model/check-arguments.js';
import { normalizeZipTimestamps } from '../excel/zip-timestamps.js';
import type { Plan } from '../model/types.js';
import { buildBulletin, type Block, type BulletinDocument, type Cell, type Column, type Inline } from '../report/bulletin-document.js';
import { displayWidth } from '../report/display-width.js';
import { SUMMARIZE_OPTIONS, summarizeOptions, type SummarizeOptions } from '../report/summarize-evaluation.js';
import { TONE_COLOURS } from '../report/svg-charts.js';
import { chineseNumber } from '../report/text-kit.js';
import { summarizeTrend } from '../report/trend.js';
import { ROUNDINGS, type Rounding } from '../engine/wording.js';
import { DubanError } from '../errors.js';
import { isCalendarDate } from '../model/calendar-date.js';
import { quote } from '../model/schema-kit.js';
import { CHARACTER_SPACING, FIRST_LINE_INDENT, LAYOUT, PAGE_NUMBER_INDENT, SIZES, TABLE_LINE } from './gongwen-layout.js';
import { loadDocx, type DocxModule } from './load-docx.js';

/**
 * The fonts of a Word bulletin, by the role of the text. Word gives each run
 * one East Asian font and no fallback list, so these are the names the fonts
 * have on the Windows machines of a 督查室; where a font is missing, Word and
 * LibreOffice substitute another Chinese font (LibreOffice on a Debian machine
 * with fonts-noto-cjk draws all of them in Noto Sans CJK SC, fontconfig's
 * choice for a name it does not know). On Linux, name the local fonts here,
 * e.g. `{ body: 'Noto Serif CJK SC' }`.
 *
 * @category Word
 */
export interface DocxFonts {
  /** The title, 2号: default `方正小标宋简体`. */
  readonly title: string;
  /** Body text and 三级/四级 headings (`1.`, `(1)`), 3号: default `仿宋_GB2312`. */
  readonly body: string;
  /** 一级 headings (`一、`) and table headers: default `黑体`. */
  readonly heading1: string;
  /** 二级 headings (`(一)`) and the line under the title: default `楷体_GB2312`. */
  readonly heading2: string;
  /** Page numbers, 4号 half-width digits: default `宋体`. */
  readonly pageNumber: string;
  /** Latin letters and digits in the text: default `Times New Roman`. */
  readonly latin: string;
}

/**
 * The default {@link DocxFonts}: 方正小标宋简体, 仿宋_GB2312, 黑体, 楷体_GB2312,
 * 宋体 and Times New Roman, as GB/T 9704-2012 and the 公文 templates ask.
 *
 * @category Word
 */
export const DEFAULT_DOCX_FONTS: DocxFonts = Object.freeze({
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  pageNumber: '宋体',
  latin: 'Times New Roman',
});

/**
 * Options for {@link writeBulletinDocx}.
 *
 * @category Word
 */
export interface BulletinDocxOptions extends SummarizeOptions {
  /** The bulletin's title; default `<plan title>落实情况通报`. */
  readonly title?: string | undefined;
  /** Fonts to use instead of the {@link DEFAULT_DOCX_FONTS}, role by role. */
  readonly fonts?: Partial<DocxFonts> | undefined;
  /** Whether status cells are shaded in their traffic-light colours; default `true` (`false` for black-and-white printing). */
  readonly shading?: boolean | undefined;
  /** The issuing body in the 落款; default the plan's `issuer`; none when neither is given. */
  readonly issuer?: string | undefined;
  /** The date in the 落款 (成文日期), `YYYY-MM-DD`; default the as-of date of the latest evaluation. */
  readonly date?: string | undefined;
  /**
   * How the percentages the bulletin writes are rounded: `half-up` (四舍五入, default) or
   * `half-even` (GB/T 8170). Explanations come from the evaluation: pass the same `rounding` to it.
   */
  readonly rounding?: Rounding | undefined;
}

/** Text as XML 1.0 can hold it: control characters and lone surrogates become U+FFFD. */
function xmlText(text: string): string {
  // eslint-disable-next-line no-control-regex -- these are exactly the characters XML cannot hold
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

const escapeXml = (text: string): string => xmlText(text).replace(/[&<>"]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char]!);

/**
 * docProps/core.xml with fixed dates (the as-of date), so that the same input
 * writes the same bytes: docx itself stamps the time of writing.
 */
function coreProperties(title: string, asOf: string): string {
  const date = `${asOf}T00:00:00Z`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(title)}</dc:title><dc:creator>duban</dc:creator><cp:lastModifiedBy>duban</cp:lastModifiedBy>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${date}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${date}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

/**
 * Column widths in twips that fill the 版心. Each column's natural width is its
 * widest text at 五号 on one line. When they all fit, they are widened in
 * proportion; when not, the columns narrower than an even share keep their
 * natural width and the wider ones share the rest in proportion to the square
 * root of their natural widths (so a long 说明 column gets more than a task
 * name, but does not starve it).
 */
export function columnWidths(columns: readonly Column[], rows: readonly (readonly Cell[])[], total: number = LAYOUT.textWidth): number[] {
  const unit = SIZES.table * 5; // half a 五号 character in twips: 10.5 pt × 20 / 2
  const padding = 200;
  const natural = columns.map((column, i) => Math.max(displayWidth(column.title), ...rows.map((row) => displayWidth(row[i]?.text ?? ''))) * unit + padding);
  const sum = natural.reduce((a, b) => a + b, 0);
  let widths: number[];
  if (sum <= total) {
    widths = natural.map((width) => (width * total) / sum);
  } else {
    // Columns that fit in an even share of what the narrower ones leave keep their width.
    const fixed = new Set<number>();
    for (let changed = true; changed;) {
      changed = false;
      const rest = total - [...fixed].reduce((a, i) => a + natural[i]!, 0);
      const share = rest / (natural.length - fixed.size);
      natural.forEach((width, i) => {
        if (!fixed.has(i) && width <= share) {
          fixed.add(i);
          changed = true;
        }
      });
    }
    const rest = total - [...fixed].reduce((a, i) => a + natural[i]!, 0);
    const weights = natural.map((width, i) => (fixed.has(i) ? 0 : Math.sqrt(width)));
    const weight = weights.reduce((a, b) => a + b, 0);
    widths = natural.map((width, i) => (fixed.has(i) ? width : (rest * weights[i]!) / weight));
  }
  const rounded = widths.map((width) => Math.floor(width));
  rounded[rounded.length - 1]! += total - rounded.reduce((a, b) => a + b, 0);
  return rounded;
}

/** One character of 3号 text, in twips: half the two-character first-line indent. */
const CHARACTER = FIRST_LINE_INDENT / 2;

/** The blocks Word shows: HTML-only blocks dropped, sections numbered 一、二、…, as in the text formats. */
function wordBlocks(document: BulletinDocument): { block: Block; number: string }[] {
  let section = 0;
  return document.blocks
    .filter((block) => block.htmlOnly !== true)
    .map((block) => ({ block, number: block.kind === 'section' ? `${chineseNumber(++section)}、` : '' }));
}

/** Builds the Word document of a bulletin. */
function wordDocument(docx: DocxModule, document: BulletinDocument, fonts: DocxFonts, shading: boolean) {
  const {
    AlignmentType,
    BorderStyle,
    Document,
    Footer,
    LineRuleType,
    PageNumber,
    Paragraph,
    ShadingType,
    Table,
    TableCell,
    TableLayoutType,
    TableRow,
    TextRun,
    VerticalAlign,
    WidthType,
  } = docx;
  const font = (eastAsia: string, latin = fonts.latin) => ({ eastAsia, ascii: latin, hAnsi: latin, cs: latin, hint: 'eastAsia' });
  const exactly = (line: number) => ({ line, lineRule: LineRuleType.EXACT, before: 0, after: 0 });

  const runs = (text: string, bold = false): InstanceType<typeof TextRun>[] =>
    xmlText(text)
      .split(/\r?\n|\r/)
      .map((line, i) => new TextRun({ text: line, ...(bold ? { bold: true } : {}), ...(i > 0 ? { break: 1 } : {}) }));
  const inline = (content: readonly Inline[]) => content.flatMap((part) => (typeof part === 'string' ? runs(part) : runs(part.strong, true)));
  const paragraph = (style: string, children: InstanceType<typeof TextRun>[]): DocxParagraph => new Paragraph({ style, children });

  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const table = (columns: readonly Column[], rows: readonly (readonly Cell[])[]): DocxTable => {
    const widths = columnWidths(columns, rows);
    const cell = (text: string, i: number, options: { header?: boolean; fill?: string | undefined }): DocxTableCell =>
      new TableCell({
        width: { size: widths[i]!, type: WidthType.DXA },
        verticalAlign: VerticalAlign.CENTER,
        margins: { left: 57, right: 57, top: 0, bottom: 0 },
        ...(options.fill === undefined ? {} : { shading: { type: ShadingType.CLEAR, color: 'auto', fill: options.fill } }),
        children: [
          new Paragraph({
            style: options.header === true ? 'DubanTableHeader' : 'DubanTableText',
            alignment: options.header === true ? AlignmentType.CENTER : columns[i]?.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
            children: runs(text.replace(/\r?\n|\r/g, ' ')),
          }),
        ],
      });
    return new Table({
      width: { size: LAYOUT.textWidth, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
      rows: [
        new TableRow({
          tableHeader: true,
          cantSplit: true,
          children: columns.map((column, i) => cell(column.title, i, { header: true, fill: shading ? 'EDEDE8' : undefined })),
        }),
        ...rows.map(
          (row) =>
            new TableRow({
              cantSplit: true,
              children: columns.map((_, i) => {
                const tone = row[i]?.tone;
                return cell(row[i]?.text ?? '', i, { fill: shading && tone !== undefined ? TONE_COLOURS[tone].light.slice(1).toUpperCase() : undefined });
              }),
            }),
        ),
      ],
    });
  };

  const children: (DocxParagraph | DocxTable)[] = [paragraph('DubanTitle', runs(document.title)), paragraph('DubanMeta', runs(document.meta))];
  for (const { block, number } of wordBlocks(document)) {
    switch (block.kind) {
      case 'section':
        children.push(paragraph('DubanHeading1', runs(`${number}${block.title}`)));
        break;
      case 'subheading':
        children.push(paragraph('DubanHeading2', runs(block.text)));
        break;
      case 'paragraph':
        children.push(paragraph('DubanBody', inline(block.content)));
        break;
      case 'list':
        block.items.forEach((item, i) => children.push(paragraph('DubanBody', [...runs(`${i + 1}.`), ...inline(item)])));
        break;
      case 'table':
        children.push(table(block.columns, block.rows));
        break;
      case 'chart':
        break;
    }
  }
  if (document.signature !== null) {
    // GB/T 9704 §7.3.5: one line down, the date 右空四字 and the issuer centred over it.
    const { issuer, date } = document.signature;
    const characters = (text: string) => Math.ceil(displayWidth(text) / 2);
    const offset = Math.max(0, Math.floor((characters(date) - characters(issuer)) / 2));
    children.push(paragraph('DubanBody', []));
    children.push(new Paragraph({ style: 'DubanSignature', indent: { right: (4 + offset) * CHARACTER }, children: runs(issuer) }));
    children.push(new Paragraph({ style: 'DubanSignature', indent: { right: 4 * CHARACTER }, children: runs(date) }));
  }

  const pageNumber = (side: 'right' | 'left') =>
    new Footer({
      children: [
        new Paragraph({
          style: 'DubanPageNumber',
          alignment: side === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
          indent: side === 'right' ? { right: PAGE_NUMBER_INDENT } : { left: PAGE_NUMBER_INDENT },
          children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })],
        }),
      ],
    });

  const bodyStyle = { basedOn: 'Normal', next: 'DubanBody', quickFormat: true };
  return new Document({
    creator: 'duban',
    lastModifiedBy: 'duban',
    title: xmlText(document.title),
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: font(fonts.body), size: SIZES.body, characterSpacing: CHARACTER_SPACING, language: { value: 'en-US', eastAsia: 'zh-CN' } },
          paragraph: { spacing: exactly(LAYOUT.linePitch) },
        },
      },
      paragraphStyles: [
        {
          id: 'Normal',
          name: 'Normal',
          quickFormat: true,
          run: { font: font(fonts.body), size: SIZES.body, characterSpacing: CHARACTER_SPACING },
          paragraph: { spacing: exactly(LAYOUT.linePitch) },
        },
        {
          id: 'DubanTitle',
          name: '公文标题',
          ...bodyStyle,
          run: { font: font(fonts.title, fonts.title), size: SIZES.title, characterSpacing: 0 },
          paragraph: { alignment: AlignmentType.CENTER, spacing: exactly(LAYOUT.linePitch) },
        },
        {
          id: 'DubanMeta',
          name: '标题下说明',
          ...bodyStyle,
          run: { font: font(fonts.heading2) },
          paragraph: { alignment: AlignmentType.CENTER, spacing: { ...exactly(LAYOUT.linePitch), after: LAYOUT.linePitch } },
        },
        {
          id: 'DubanHeading1',
          name: '一级标题',
          ...bodyStyle,
          run: { font: font(fonts.heading1) },
          paragraph: { indent: { firstLine: FIRST_LINE_INDENT }, keepNext: true, outlineLevel: 0, spacing: exactly(LAYOUT.linePitch) },
        },
        {
          id: 'DubanHeading2',
          name: '二级标题',
          ...bodyStyle,
          run: { font: font(fonts.heading2) },
          paragraph: { indent: { firstLine: FIRST_LINE_INDENT }, keepNext: true, outlineLevel: 1, spacing: exactly(LAYOUT.linePitch) },
        },
        {
          id: 'DubanBody',
          name: '公文正文',
          ...bodyStyle,
          run: { font: font(fonts.body) },
          paragraph: { alignment: AlignmentType.BOTH, indent: { firstLine: FIRST_LINE_INDENT }, spacing: exactly(LAYOUT.linePitch) },
        },
        {
          id: 'DubanSignature',
          name: '落款',
          ...bodyStyle,
          run: { font: font(fonts.body) },
          paragraph: { alignment: AlignmentType.RIGHT, spacing: exactly(LAYOUT.linePitch) },
        },
        {
          id: 'DubanTableText',
          name: '表格文字',
          ...bodyStyle,
          run: { font: font(fonts.body), size: SIZES.table, characterSpacing: 0 },
          paragraph: { spacing: exactly(TABLE_LINE) },
        },
        {
          id: 'DubanTableHeader',
          name: '表头',
          ...bodyStyle,
          run: { font: font(fonts.heading1), size: SIZES.table, characterSpacing: 0 },
          paragraph: { alignment: AlignmentType.CENTER, keepNext: true, spacing: exactly(TABLE_LINE) },
        },
        {
          id: 'DubanPageNumber',
          name: '页码',
          ...bodyStyle,
          run: { font: font(fonts.pageNumber, fonts.pageNumber), size: SIZES.pageNumber, characterSpacing: 0 },
          paragraph: { spacing: exactly(SIZES.pageNumber * 10) },
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: LAYOUT.pageWidth, height: LAYOUT.pageHeight },
            margin: {
              top: LAYOUT.marginTop,
              right: LAYOUT.marginRight,
              bottom: LAYOUT.marginBottom,
              left: LAYOUT.marginLeft,
              header: LAYOUT.header,
              footer: LAYOUT.footer,
              gutter: 0,
            },
            pageNumbers: { start: 1 },
          },
          grid: { type: 'default', linePitch: LAYOUT.linePitch },
        },
        footers: { default: pageNumber('right'), even: pageNumber('left') },
        children,
      },
    ],
  });
}

/**
 * Writes a 督查 bulletin (通报) as a Word document (.docx) in the layout of
 * GB/T 9704-2012《党政机关公文格式》: A4, 天头 37 mm, 订口 28 mm, 版心
 * 156 mm × 225 mm with 22 lines of 28 characters; the title in 2号小标宋,
 * the body in 3号仿宋, 一、 headings in 黑体 and (一) headings in 楷体; page
 * numbers `— 1 —` in 4号宋体 at the foot, odd pages on the right and even
 * pages on the left. The sections and their text are those of
 * `formatBulletin`'s text format (built from the same document); the status
 * and count tables are Word tables with a header row repeated on each page,
 * status cells shaded in their traffic-light colours. docx is loaded on the
 * first call. The same input always gives the same bytes: the document's
 * dates are the as-of date and the archive's timestamps are fixed.
 *
 * @param plan - the validated plan
 * @param evaluations - its evaluation, or evaluations at several as-of dates (the latest is reported, the others give the trend)
 * @param options - title, fonts, shading, main indicators, tones
 * @returns the .docx bytes
 * @throws `DubanError` `INVALID_OPTION` when the evaluations are not of this plan or cannot form a trend; `MISSING_DEPENDENCY` when docx is not installed
 * @example
 * ```ts
 * import { writeBulletinDocx } from 'duban/docx';
 * const evaluation = await evaluatePlan(plan, { asOf: '2018-03-31', rules: 'four-level' });
 * writeFileSync('通报.docx', await writeBulletinDocx(plan, evaluation, { title: '一季度重点工作落实情况通报' }));
 * ```
 * @category Word
 */
export async function writeBulletinDocx(plan: Plan, evaluations: Evaluation | readonly Evaluation[], options: BulletinDocxOptions = {}): Promise<Uint8Array> {
  plan = ensurePlan(plan);
  options = readOptions<BulletinDocxOptions>(options, {
    ...SUMMARIZE_OPTIONS,
    title: stringOption,
    issuer: stringOption,
    shading: booleanOption,
    rounding: oneOfOption(ROUNDINGS),
    // The date is checked below with its own message.
    date: () => undefined,
    fonts: (value) =>
      isPlainObject(value) &&
      Object.entries(value).every(([key, font]) => Object.hasOwn(DEFAULT_DOCX_FONTS, key) && (font === undefined || typeof font === 'string'))
        ? undefined
        : `expected an object of font names (${Object.keys(DEFAULT_DOCX_FONTS).join(', ')}), got ${kindOf(value)}`,
  });
  const trend = summarizeTrend(plan, ensureEvaluations(evaluations), summarizeOptions(options));
  if (options.date !== undefined && !isCalendarDate(options.date)) {
    throw new DubanError('INVALID_OPTION', `not a real calendar date: ${quote(options.date)}`, {
      issues: [{ code: 'invalid_date', path: 'date', keys: ['date'], message: `expected a calendar date YYYY-MM-DD, got ${quote(options.date)}` }],
    });
  }
  const document = buildBulletin(plan, trend, { title: options.title, issuer: options.issuer, date: options.date, rounding: options.rounding });
  const docx = await loadDocx();
  const fonts: DocxFonts = { ...DEFAULT_DOCX_FONTS, ...options.fonts };
  const file = wordDocument(docx, document, fonts, options.shading ?? true);
  const bytes = await docx.Packer.pack(file, 'uint8array', false, [
    { path: 'docProps/core.xml', data: coreProperties(document.title, trend.summaries.at(-1)!.asOf) },
  ]);
  return normalizeZipTimestamps(bytes);
}
