// The Word bulletin, read back from the .docx: the GB/T 9704 page, the styles,
// the same text as the text format, the tables as Word tables, determinism,
// the missing-docx error and the CLI.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { DEFAULT_DOCX_FONTS, writeBulletinDocx } from '../../src/docx/index.js';
import { DOCX_MISSING_MESSAGE, loadDocx } from '../../src/docx/load-docx.js';
import { evaluatePlan, formatBulletin, isDubanError, reportingDates, type Evaluation, type MainIndicators, type Plan } from '../../src/index.js';
import { buildBulletin, type Block } from '../../src/report/bulletin-document.js';
import { summarizeTrend } from '../../src/report/trend.js';
import { attribute, bodyBlocks, mm, styleXml, unzipDocx, type BodyParagraph, type BodyTable } from './docx-kit.js';
import { evaluatedExample, loadExample, SEED_EXAMPLES, smallPlan } from './helpers.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

async function xianning() {
  const plan = loadExample('xianning-2018-q1.plan.json');
  const evaluation = await evaluatePlan(plan, { asOf: '2018-03-31', rules: 'four-level' });
  return { plan, evaluation, indicators: { categories: ['1-1'] } as MainIndicators };
}

describe('writeBulletinDocx', () => {
  it('lays out an A4 page with the margins and 版心 of GB/T 9704-2012 5.2.1 (天头 37 mm, 订口 28 mm, 版心 156 × 225 mm), 22 lines of 28 characters', async () => {
    const { plan, evaluation, indicators } = await xianning();
    const parts = await unzipDocx(await writeBulletinDocx(plan, evaluation, { mainIndicators: indicators }));
    const document = parts.get('word/document.xml')!;
    const sectPr = /<w:sectPr>[\s\S]*<\/w:sectPr>/.exec(document)![0];
    const width = Number(attribute(sectPr, 'w:pgSz', 'w:w'));
    const height = Number(attribute(sectPr, 'w:pgSz', 'w:h'));
    const margin = (side: string) => Number(attribute(sectPr, 'w:pgMar', `w:${side}`));
    expect(mm(width)).toBeCloseTo(210, 0);
    expect(mm(height)).toBeCloseTo(297, 0);
    expect(Math.abs(mm(margin('top')) - 37)).toBeLessThanOrEqual(0.1);
    expect(Math.abs(mm(margin('left')) - 28)).toBeLessThanOrEqual(0.1);
    expect(Math.abs(mm(width - margin('left') - margin('right')) - 156)).toBeLessThanOrEqual(0.1);
    expect(Math.abs(mm(height - margin('top') - margin('bottom')) - 225)).toBeLessThanOrEqual(0.1);
    expect(Number(margin('gutter'))).toBe(0);

    // 22 lines: every body line is exactly the same height, and 22 of them fill the 版心.
    const styles = parts.get('word/styles.xml')!;
    const normal = styleXml(styles, 'Normal');
    const line = Number(attribute(normal, 'w:spacing', 'w:line'));
    expect(attribute(normal, 'w:spacing', 'w:lineRule')).toBe('exact');
    expect(Math.floor((height - margin('top') - margin('bottom')) / line)).toBe(22);
    for (const id of ['DubanTitle', 'DubanMeta', 'DubanHeading1', 'DubanHeading2', 'DubanBody']) {
      const style = styleXml(styles, id);
      expect([attribute(style, 'w:spacing', 'w:line'), attribute(style, 'w:spacing', 'w:lineRule')], id).toEqual([String(line), 'exact']);
    }
    // 28 characters: 16 pt characters with the run spacing (twips) of the Normal style.
    const size = Number(attribute(normal, 'w:sz', 'w:val')) / 2;
    const spacing = Number(/<w:rPr>[\s\S]*?<w:spacing w:val="(-?\d+)"\/>/.exec(normal)![1]);
    expect(size).toBe(16);
    expect(Math.floor((width - margin('left') - margin('right')) / (size * 20 + spacing))).toBe(28);
    // The first line of each paragraph is indented two of those characters (左空二字).
    expect(Number(attribute(styleXml(styles, 'DubanBody'), 'w:ind', 'w:firstLine'))).toBe(2 * (size * 20 + spacing));
  });

  it('gives the title 2号 方正小标宋简体 centred, the body 3号 仿宋_GB2312, 一、 headings 黑体 and (一) headings 楷体_GB2312 (7.3.1, 5.2.2, 7.3.3)', async () => {
    const { plan, evaluation, indicators } = await xianning();
    const parts = await unzipDocx(await writeBulletinDocx(plan, evaluation, { mainIndicators: indicators }));
    const styles = parts.get('word/styles.xml')!;
    const fontOf = (id: string) => attribute(styleXml(styles, id), 'w:rFonts', 'w:eastAsia');
    const sizeOf = (id: string) => Number(attribute(styleXml(styles, id), 'w:sz', 'w:val') ?? attribute(styleXml(styles, 'Normal'), 'w:sz', 'w:val')) / 2;
    expect([fontOf('DubanTitle'), sizeOf('DubanTitle'), attribute(styleXml(styles, 'DubanTitle'), 'w:jc', 'w:val')]).toEqual(['方正小标宋简体', 22, 'center']);
    expect([fontOf('Normal'), sizeOf('Normal')]).toEqual(['仿宋_GB2312', 16]);
    expect([fontOf('DubanBody'), sizeOf('DubanBody'), attribute(styleXml(styles, 'DubanBody'), 'w:jc', 'w:val')]).toEqual(['仿宋_GB2312', 16, 'both']);
    expect([fontOf('DubanHeading1'), sizeOf('DubanHeading1')]).toEqual(['黑体', 16]);
    expect([fontOf('DubanHeading2'), sizeOf('DubanHeading2')]).toEqual(['楷体_GB2312', 16]);
    expect(attribute(styles, 'w:lang', 'w:eastAsia')).toBe('zh-CN');
    // Headings are Word outline levels, so they show in the navigation pane.
    expect(attribute(styleXml(styles, 'DubanHeading1'), 'w:outlineLvl', 'w:val')).toBe('0');
    expect(attribute(styleXml(styles, 'DubanHeading2'), 'w:outlineLvl', 'w:val')).toBe('1');

    const blocks = bodyBlocks(parts.get('word/document.xml')!).filter((block): block is BodyParagraph => block.kind === 'paragraph');
    expect(blocks[0]).toMatchObject({ style: 'DubanTitle', text: `${plan.title}落实情况通报` });
    const headings = blocks.filter((block) => block.style === 'DubanHeading1').map((block) => block.text);
    expect(headings[0]).toBe('一、总体情况');
    expect(headings.every((text, i) => text.startsWith(`${'一二三四五六七八九'[i]}、`))).toBe(true);
    expect(blocks.filter((block) => block.style === 'DubanHeading2').map((block) => block.text)[0]).toMatch(/^（一）需要加大力度（\d+项）$/);
  });

  it('numbers the pages — 1 — in 4号宋体 at the foot, odd pages right and even pages left, one character in (7.5)', async () => {
    const { plan, evaluation, indicators } = await xianning();
    const parts = await unzipDocx(await writeBulletinDocx(plan, evaluation, { mainIndicators: indicators }));
    const document = parts.get('word/document.xml')!;
    const rels = parts.get('word/_rels/document.xml.rels')!;
    expect(parts.get('word/settings.xml')).toContain('<w:evenAndOddHeaders/>');
    const footer = (type: string) => {
      const id =
        new RegExp(`<w:footerReference w:type="${type}" r:id="([^"]+)"/>`).exec(document)?.[1] ??
        new RegExp(`<w:footerReference r:id="([^"]+)" w:type="${type}"/>`).exec(document)?.[1];
      const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels);
      return parts.get(`word/${target?.[1] ?? target?.[2]}`)!;
    };
    const styles = parts.get('word/styles.xml')!;
    const pageNumber = styleXml(styles, 'DubanPageNumber');
    expect([
      attribute(pageNumber, 'w:rFonts', 'w:eastAsia'),
      attribute(pageNumber, 'w:rFonts', 'w:ascii'),
      Number(attribute(pageNumber, 'w:sz', 'w:val')) / 2,
    ]).toEqual(['宋体', '宋体', 14]);
    for (const [type, side] of [
      ['default', 'right'],
      ['even', 'left'],
    ] as const) {
      const xml = footer(type);
      expect(xml, type).toContain('<w:pStyle w:val="DubanPageNumber"/>');
      expect(attribute(xml, 'w:jc', 'w:val'), type).toBe(side);
      expect(Number(attribute(xml, 'w:ind', `w:${side}`)), type).toBe(280);
      expect(xml.replace(/<[^>]+>/g, ''), type).toMatch(/^— .*PAGE.* —$/);
      expect(xml).toMatch(/<w:fldChar w:fldCharType="begin"\/>/);
    }
    // The footer line is 14 pt high and its top 7 mm below the 版心 (一字线上距版心下边缘7mm).
    const sectPr = /<w:sectPr>[\s\S]*<\/w:sectPr>/.exec(document)![0];
    const gap = mm(
      Number(attribute(sectPr, 'w:pgMar', 'w:bottom')) -
        Number(attribute(sectPr, 'w:pgMar', 'w:footer')) -
        Number(attribute(pageNumber, 'w:spacing', 'w:line')),
    );
    expect(Math.abs(gap - 7)).toBeLessThanOrEqual(0.2);
  });

  for (const [name, setting] of Object.entries(SEED_EXAMPLES)) {
    it(`writes the same text as the text format, section by section, and every table as a Word table (${name})`, async () => {
      const { plan, evaluation } = await evaluatedExample(name);
      await expectSameAsText(plan, [evaluation], setting.indicators);
    });
  }

  it('writes a trend (许昌 at every reporting date) with the same text and tables as the text format', async () => {
    const plan = loadExample('xuchang-2017-h1.plan.json');
    const evaluations: Evaluation[] = [];
    for (const asOf of reportingDates(plan)) evaluations.push(await evaluatePlan(plan, { asOf, rules: 'four-level' }));
    await expectSameAsText(plan, evaluations, 'rate');
  });

  it('shades status cells in their tones, and not with shading: false', async () => {
    const plan = smallPlan();
    const evaluation = await evaluatePlan(plan, { rules: 'four-level' });
    const tablesOf = async (shading: boolean) =>
      bodyBlocks((await unzipDocx(await writeBulletinDocx(plan, evaluation, { shading }))).get('word/document.xml')!).filter(
        (block): block is BodyTable => block.kind === 'table',
      );
    const shaded = await tablesOf(true);
    const indicators = shaded[0]!;
    expect(indicators.rows[0]!.cells).toEqual(['指标', '目标', '实际', '状态', '说明']);
    const statusCell = indicators.rows[1]!.xml[3]!;
    expect(attribute(statusCell, 'w:shd', 'w:fill')).toMatch(/^[0-9A-F]{6}$/);
    expect(attribute(indicators.rows[1]!.xml[0]!, 'w:shd', 'w:fill')).toBeUndefined();
    const plain = await tablesOf(false);
    expect(plain.every((table) => !table.xml.includes('<w:shd'))).toBe(true);
  });

  it('ends with the 落款 set right, the date 右空四字 (GB/T 9704 §7.3.5), when the plan names an issuer', async () => {
    const plan = loadExample('xuchang-2017-h1.plan.json');
    const evaluation = await evaluatePlan(plan, { rules: 'four-level' });
    const blocks = bodyBlocks((await unzipDocx(await writeBulletinDocx(plan, evaluation, { date: '2017-07-05' }))).get('word/document.xml')!);
    const last = blocks.slice(-2);
    expect(last.map((block) => (block.kind === 'paragraph' ? [block.style, block.text] : null))).toEqual([
      ['DubanSignature', '许昌市人民政府'],
      ['DubanSignature', '2017年7月5日'],
    ]);
    const unsigned = bodyBlocks((await unzipDocx(await writeBulletinDocx(smallPlan(), await evaluatePlan(smallPlan())))).get('word/document.xml')!);
    expect(unsigned.some((block) => block.kind === 'paragraph' && block.style === 'DubanSignature')).toBe(false);
  });

  it('takes other fonts role by role', async () => {
    const plan = smallPlan();
    const evaluation = await evaluatePlan(plan, { rules: 'four-level' });
    const styles = (await unzipDocx(await writeBulletinDocx(plan, evaluation, { fonts: { body: '方正仿宋_GBK', heading2: '方正楷体_GBK' } }))).get(
      'word/styles.xml',
    )!;
    expect(attribute(styleXml(styles, 'DubanBody'), 'w:rFonts', 'w:eastAsia')).toBe('方正仿宋_GBK');
    expect(attribute(styleXml(styles, 'DubanHeading2'), 'w:rFonts', 'w:eastAsia')).toBe('方正楷体_GBK');
    expect(attribute(styleXml(styles, 'DubanHeading1'), 'w:rFonts', 'w:eastAsia')).toBe(DEFAULT_DOCX_FONTS.heading1);
  });

  it('writes the same bytes for the same input, dated at the as-of date', async () => {
    const { plan, evaluation, indicators } = await xianning();
    const first = await writeBulletinDocx(plan, evaluation, { mainIndicators: indicators });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const second = await writeBulletinDocx(plan, evaluation, { mainIndicators: indicators });
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    const core = (await unzipDocx(first)).get('docProps/core.xml')!;
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2018-03-31T00:00:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2018-03-31T00:00:00Z</dcterms:modified>');
    expect(core).toContain(`<dc:title>${plan.title}落实情况通报</dc:title>`);
  });

  it('keeps text XML cannot hold out of the file (control characters become U+FFFD)', async () => {
    const plan = smallPlan({ title: '某市\u0001重点工作<&>' });
    const evaluation = await evaluatePlan(plan, { rules: 'four-level' });
    const parts = await unzipDocx(await writeBulletinDocx(plan, evaluation));
    const first = bodyBlocks(parts.get('word/document.xml')!)[0] as BodyParagraph;
    expect(first.text).toBe('某市\uFFFD重点工作<&>落实情况通报');
    expect(parts.get('docProps/core.xml')).toContain('<dc:title>某市\uFFFD重点工作&lt;&amp;&gt;落实情况通报</dc:title>');
  });

  it('throws INVALID_OPTION for an evaluation of another plan, before loading docx', async () => {
    const plan = smallPlan();
    const other = await evaluatePlan(loadExample('xuchang-2017-h1.plan.json'), { rules: 'four-level' });
    await expect(writeBulletinDocx(plan, other)).rejects.toMatchObject({ code: 'INVALID_OPTION' });
  });
});

describe('loadDocx', () => {
  it('throws MISSING_DEPENDENCY, Chinese first, saying what to install, when docx is not installed', async () => {
    const missing = Object.assign(new Error("Cannot find package 'docx' imported from /app/node_modules/duban/dist/docx.js"), { code: 'ERR_MODULE_NOT_FOUND' });
    const error: unknown = await loadDocx(() => Promise.reject(missing)).catch((caught: unknown) => caught);
    expect(isDubanError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'MISSING_DEPENDENCY', message: DOCX_MISSING_MESSAGE, cause: missing });
    expect(DOCX_MISSING_MESSAGE).toMatch(/^Word 通报需要可选依赖 docx.*npm install docx.* \/ the Word bulletin needs .*npm install docx$/);
    const required = Object.assign(new Error("Cannot find module 'docx'"), { code: 'MODULE_NOT_FOUND' });
    await expect(loadDocx(() => Promise.reject(required))).rejects.toMatchObject({ code: 'MISSING_DEPENDENCY' });
  });

  it('passes on other failures, such as a module docx itself cannot find', async () => {
    const inner = Object.assign(new Error("Cannot find package 'jszip' imported from /app/node_modules/docx/dist/index.mjs"), { code: 'ERR_MODULE_NOT_FOUND' });
    await expect(loadDocx(() => Promise.reject(inner))).rejects.toBe(inner);
  });

  it('loads the installed docx', async () => {
    expect(typeof (await loadDocx()).Document).toBe('function');
  });
});

describe('duban report --format docx', () => {
  const run = async (args: string[]) => {
    let stdout = '';
    let stderr = '';
    const status = await main(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), stdin: () => '' });
    return { status, stdout, stderr };
  };

  it('refuses to write a Word document to the terminal: exit 2, nothing written, the reason in Chinese and English', async () => {
    const result = await run(['report', join(root, 'examples/xianning-2018-q1.plan.json'), '--format', 'docx']);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('--format docx 须给出 --out');
    expect(result.stderr).toContain('--format docx needs --out FILE.docx');
  });

  it('writes the .docx to --out, the same bytes as the library', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'duban-docx-'));
    try {
      const out = join(folder, '通报.docx');
      const result = await run([
        'report',
        join(root, 'examples/xianning-2018-q1.plan.json'),
        '--as-of',
        '2018-03-31',
        '--indicators',
        'category:1-1',
        '--format',
        'docx',
        '--out',
        out,
      ]);
      expect([result.status, result.stdout, result.stderr]).toEqual([0, '', '']);
      expect(existsSync(out)).toBe(true);
      const { plan, evaluation, indicators } = await xianning();
      expect(Buffer.from(readFileSync(out)).equals(Buffer.from(await writeBulletinDocx(plan, evaluation, { mainIndicators: indicators })))).toBe(true);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

/**
 * The .docx of a plan has the paragraphs of the text format, in order
 * (the text format's blocks without their indent), and at each table of the
 * text format a Word table with a repeated header row and the model's cells.
 */
async function expectSameAsText(plan: Plan, evaluations: readonly Evaluation[], mainIndicators: MainIndicators) {
  const text = formatBulletin(plan, evaluations, { format: 'text', mainIndicators });
  const model = buildBulletin(plan, summarizeTrend(plan, evaluations, { mainIndicators }));
  const modelTables = model.blocks.filter((block): block is Extract<Block, { kind: 'table' }> => block.kind === 'table' && block.htmlOnly !== true);
  const expected: ({ kind: 'paragraph'; text: string } | { kind: 'table'; rows: number })[] = [];
  for (const chunk of text.replace(/\n$/, '').split('\n\n')) {
    const lines = chunk.split('\n');
    if (lines.length > 1 && /^─[─ ]*$/.test(lines[1]!)) expected.push({ kind: 'table', rows: lines.length - 2 });
    // Body lines are indented by two full-width spaces; the 落款 is set right with more.
    else for (const line of lines) expected.push({ kind: 'paragraph', text: line.replace(/^\u3000+/, '') });
  }
  const parts = await unzipDocx(await writeBulletinDocx(plan, evaluations, { mainIndicators }));
  const blocks = bodyBlocks(parts.get('word/document.xml')!);
  expect(blocks.map((block) => (block.kind === 'table' ? { kind: 'table', rows: block.rows.length - 1 } : { kind: 'paragraph', text: block.text }))).toEqual(
    expected,
  );
  const tables = blocks.filter((block): block is BodyTable => block.kind === 'table');
  expect(tables.length).toBe(modelTables.length);
  expect(tables.length).toBeGreaterThan(0);
  tables.forEach((table, i) => {
    const source = modelTables[i]!;
    expect(table.rows.map((row) => row.header)).toEqual([true, ...source.rows.map(() => false)]);
    expect(table.rows.map((row) => row.cells)).toEqual([
      source.columns.map((column) => column.title),
      ...source.rows.map((row) => row.map((cell) => cell.text)),
    ]);
    expect(table.gridColumns.reduce((a, b) => a + b, 0)).toBe(11906 - 1587 - 1474);
    expect(Math.min(...table.gridColumns)).toBeGreaterThan(300);
  });
}
