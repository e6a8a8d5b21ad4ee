import type { BulletinDocument, Cell, Chart, Column, Inline } from './bulletin-document.js';
import { STATUS_TONES } from './status-tone.js';
import { indicatorBulletSvg, progressBulletSvg, statusBarsSvg, TONE_COLOURS, trendLineSvg } from './svg-charts.js';
import type { Rounding } from '../engine/wording.js';
import { chineseNumber, escapeHtml, percentText } from './text-kit.js';

/**
 * Font stacks that name the Chinese fonts of each system, so that no page falls back to a font
 * without CJK glyphs (boxes): Linux (Noto CJK, Source Han, WenQuanYi, Droid Sans Fallback),
 * macOS (PingFang, Hiragino Sans GB, Heiti, Songti, STSong, STFangsong) and Windows (Microsoft
 * YaHei, DengXian, SimHei, SimSun, FangSong). test/report/html-browser.test.ts checks in Chromium
 * that the Chinese text is drawn with one of these.
 */
export const SANS_FONTS = [
  'Noto Sans CJK SC',
  'Noto Sans SC',
  'Source Han Sans SC',
  'Source Han Sans CN',
  'PingFang SC',
  'Hiragino Sans GB',
  'Heiti SC',
  'STHeiti',
  'Microsoft YaHei',
  'DengXian',
  'SimHei',
  'WenQuanYi Micro Hei',
  'WenQuanYi Zen Hei',
  'Droid Sans Fallback',
] as const;
/** The serif (宋体/仿宋) stack, by the same systems. */
export const SERIF_FONTS = [
  'Noto Serif CJK SC',
  'Noto Serif SC',
  'Source Han Serif SC',
  'Source Han Serif CN',
  'Songti SC',
  'STSong',
  'STFangsong',
  'SimSun',
  'NSimSun',
  'FangSong',
  'AR PL UMing CN',
  ...SANS_FONTS,
] as const;

const fontList = (fonts: readonly string[], generic: string): string => `${fonts.map((font) => `"${font}"`).join(', ')}, ${generic}`;
const SANS = fontList(SANS_FONTS, 'sans-serif');
const SERIF = fontList(SERIF_FONTS, 'serif');

const STYLE = `
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: #f3f3ef; color: #1f1f1f; font: 15px/1.75 ${SERIF}; }
main { max-width: 940px; margin: 24px auto; background: #fff; padding: 40px 56px 48px; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.12); }
h1 { font: 700 24px/1.45 ${SANS}; text-align: center; color: #b71c1c; margin: 0 0 6px; }
.signature { text-align: right; padding-right: 4em; margin-top: 2em; text-indent: 0; }
.meta { text-align: center; color: #666; font: 13px/1.6 ${SANS}; border-bottom: 2px solid #b71c1c; padding-bottom: 12px; margin: 0 0 8px; text-indent: 0; }
h2 { font: 700 18px/1.5 ${SANS}; margin: 30px 0 8px; }
h3 { font: 700 15px/1.5 ${SANS}; margin: 18px 0 6px; }
p { text-indent: 2em; margin: 6px 0; }
ol { margin: 6px 0 10px; padding-left: 2.6em; }
li { margin: 3px 0; }
strong { font-family: ${SANS}; }
table { border-collapse: collapse; width: 100%; font: 13px/1.5 ${SANS}; margin: 8px 0 16px; }
th, td { border: 1px solid #cfcfcf; padding: 4px 6px; vertical-align: top; text-align: left; }
th { background: #f0f0eb; font-weight: 700; white-space: nowrap; }
.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.tone { display: inline-block; padding: 0 6px; border-radius: 3px; white-space: nowrap; }
${STATUS_TONES.map((tone) => `.tone-${tone} { background: ${TONE_COLOURS[tone].light}; color: ${TONE_COLOURS[tone].ink}; }`).join('\n')}
svg { display: block; max-width: 100%; height: auto; }
svg text { font: 11px ${SANS}; fill: #333; }
.chart { margin: 10px 0 16px; }
.bullets { border-top: 1px solid #e4e4e4; }
.bullet { display: grid; grid-template-columns: minmax(0, 1fr) 320px; gap: 2px 14px; align-items: center; padding: 5px 0; border-bottom: 1px solid #e4e4e4; font: 13px/1.5 ${SANS}; }
.bullet .figures { color: #555; font-size: 12px; }
.trends { display: grid; grid-template-columns: repeat(auto-fill, minmax(360px, 1fr)); gap: 14px 20px; }
.trend { font: 13px/1.5 ${SANS}; }
.legend { font: 12px/1.6 ${SANS}; color: #555; }
@page { size: A4; margin: 16mm 14mm; }
@media print {
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { background: #fff; font-size: 11pt; }
  main { box-shadow: none; margin: 0; max-width: none; padding: 0; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  tr, .bullet, .trend, svg { break-inside: avoid; page-break-inside: avoid; }
}
`;

function inline(content: readonly Inline[]): string {
  return content.map((part) => (typeof part === 'string' ? escapeHtml(part) : `<strong>${escapeHtml(part.strong)}</strong>`)).join('');
}

function cellHtml(cell: Cell, column: Column | undefined): string {
  const text = escapeHtml(cell.text);
  const body = cell.tone === undefined ? text : `<span class="tone tone-${cell.tone}">${text}</span>`;
  return `<td${column?.align === 'right' ? ' class="num"' : ''}>${body}</td>`;
}

function tableHtml(columns: readonly Column[], rows: readonly (readonly Cell[])[]): string {
  const head = columns.map((column) => `<th${column.align === 'right' ? ' class="num"' : ''}>${escapeHtml(column.title)}</th>`).join('');
  const body = rows.map((row) => `<tr>${row.map((cell, i) => cellHtml(cell, columns[i])).join('')}</tr>`).join('\n');
  return `<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

function chartHtml(chart: Chart, rounding: Rounding): string {
  switch (chart.type) {
    case 'status-bars':
      return `<figure class="chart">${statusBarsSvg(chart.bars, chart.total)}</figure>`;
    case 'progress-bullets':
      return `<div class="chart bullets">\n${chart.rows
        .map(
          (row) =>
            `<div class="bullet" data-task="${escapeHtml(row.taskId)}"><div><span class="tone tone-${row.tone}">${escapeHtml(row.label)}</span> ${escapeHtml(row.title)}<div class="figures">完成进度 ${escapeHtml(percentText(row.progress, rounding))} · 序时进度 ${escapeHtml(percentText(row.expected, rounding))}</div></div>${progressBulletSvg(row, rounding)}</div>`,
        )
        .join('\n')}\n</div>`;
    case 'indicator-bullets':
      return `<div class="chart bullets">\n${chart.rows
        .map(
          (row) =>
            `<div class="bullet" data-task="${escapeHtml(row.taskId)}"><div><span class="tone tone-${row.tone}">${escapeHtml(row.label)}</span> ${escapeHtml(row.title)}<div class="figures">实际 ${escapeHtml(`${row.value}${row.unit}`)} · 目标 ${escapeHtml(row.targetText)}</div></div>${indicatorBulletSvg(row)}</div>`,
        )
        .join('\n')}\n</div>\n<p class="legend">条形为实际值，竖线为目标值；灰色带为“左右”的允许偏差。</p>`;
    case 'trend-lines':
      return `<div class="chart trends">\n${chart.series
        .map(
          (series) =>
            `<figure class="trend" data-task="${escapeHtml(series.taskId)}"><figcaption>${escapeHtml(series.title)}</figcaption>${trendLineSvg(series, rounding)}</figure>`,
        )
        .join('\n')}\n</div>`;
  }
}

/**
 * Writes a bulletin as one self-contained HTML page: inline CSS and SVG, no
 * scripts, no external resources (a Content-Security-Policy forbids them), and
 * print styles for A4. All text is escaped.
 */
export function renderHtml(document: BulletinDocument): string {
  const out: string[] = [];
  let section = 0;
  let open = false;
  for (const block of document.blocks) {
    switch (block.kind) {
      case 'section':
        if (open) out.push('</section>');
        out.push(`<section>\n<h2>${chineseNumber(++section)}、${escapeHtml(block.title)}</h2>`);
        open = true;
        break;
      case 'subheading':
        out.push(`<h3>${escapeHtml(block.text)}</h3>`);
        break;
      case 'paragraph':
        out.push(`<p>${inline(block.content)}</p>`);
        break;
      case 'list':
        out.push(`<ol>\n${block.items.map((item) => `<li>${inline(item)}</li>`).join('\n')}\n</ol>`);
        break;
      case 'table':
        out.push(tableHtml(block.columns, block.rows));
        break;
      case 'chart':
        out.push(chartHtml(block.chart, document.rounding));
        break;
    }
  }
  if (open) out.push('</section>');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="duban">
<title>${escapeHtml(document.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${escapeHtml(document.title)}</h1>
<p class="meta">${escapeHtml(document.meta)}</p>
${out.join('\n')}
${document.signature === null ? '' : `<p class="signature">${escapeHtml(document.signature.issuer)}<br>${escapeHtml(document.signature.date)}</p>\n`}</main>
</body>
</html>
`;
}
