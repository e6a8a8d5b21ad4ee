import type { Block, BulletinDocument, Cell, Column, Inline, Signature } from './bulletin-document.js';
import { displayWidth, padToWidth } from './display-width.js';
import { escapeMarkdownText, escapeTerminalText } from './safe-text.js';
import { chineseNumber } from './text-kit.js';

/** The blocks a text format shows: HTML-only blocks dropped, sections numbered 一、二、…. */
function plainBlocks(document: BulletinDocument): { block: Block; number: string }[] {
  let section = 0;
  return document.blocks
    .filter((block) => block.htmlOnly !== true)
    .map((block) => ({ block, number: block.kind === 'section' ? `${chineseNumber(++section)}、` : '' }));
}

/** User text in a Markdown line: HTML, links and control characters escaped (see safe-text.ts). */
const escapeMarkdown = escapeMarkdownText;

function markdownInline(content: readonly Inline[]): string {
  return content.map((part) => (typeof part === 'string' ? escapeMarkdown(part) : `**${escapeMarkdown(part.strong)}**`)).join('');
}

function markdownTable(columns: readonly Column[], rows: readonly (readonly Cell[])[]): string[] {
  return [
    `| ${columns.map((column) => escapeMarkdown(column.title)).join(' | ')} |`,
    `| ${columns.map((column) => (column.align === 'right' ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((row) => `| ${row.map((cell) => escapeMarkdown(cell.text)).join(' | ')} |`),
  ];
}

/** Writes a bulletin as Markdown: `#` title, `##` numbered sections, paragraphs, ordered lists and tables. */
export function renderMarkdown(document: BulletinDocument): string {
  const out: string[] = [`# ${escapeMarkdown(document.title)}`, '', escapeMarkdown(document.meta)];
  for (const { block, number } of plainBlocks(document)) {
    out.push('');
    switch (block.kind) {
      case 'section':
        out.push(`## ${number}${escapeMarkdown(block.title)}`);
        break;
      case 'subheading':
        out.push(`### ${escapeMarkdown(block.text)}`);
        break;
      case 'paragraph':
        out.push(markdownInline(block.content));
        break;
      case 'list':
        block.items.forEach((item, i) => out.push(`${i + 1}. ${markdownInline(item)}`));
        break;
      case 'table':
        out.push(...markdownTable(block.columns, block.rows));
        break;
      case 'chart':
        break;
    }
  }
  if (document.signature !== null) out.push('', escapeMarkdown(document.signature.issuer), '', escapeMarkdown(document.signature.date));
  return `${out.join('\n')}\n`;
}

const plainInline = (content: readonly Inline[]): string => content.map((part) => (typeof part === 'string' ? part : part.strong)).join('');

function textTable(columns: readonly Column[], rows: readonly (readonly Cell[])[]): string[] {
  // Escaped before they are measured: control characters shown as \u{HEX}, line breaks as spaces.
  const cells = [
    columns.map((column) => escapeTerminalText(column.title)),
    ...rows.map((row) => row.map((cell) => escapeTerminalText(cell.text.replace(/\r?\n/g, ' ')))),
  ];
  // A loop, not Math.max(...): a spread of a very long table would overflow the stack.
  const widths = columns.map((_, i) => cells.reduce((widest, row) => Math.max(widest, displayWidth(row[i] ?? '')), 0));
  const line = (row: readonly string[]) =>
    row
      .map((text, i) => padToWidth(text, widths[i] ?? 0, columns[i]?.align))
      .join('  ')
      .trimEnd();
  return [line(cells[0]!), widths.map((width) => '─'.repeat(width)).join('  '), ...cells.slice(1).map(line)];
}

/** A line of GB/T 9704's 版心: 28 characters of 3号 text. */
const LINE_WIDTH = 28;

/**
 * The 落款 in plain text, placed as GB/T 9704 §7.3.5.2 sets it: the date right-aligned
 * four characters in from the right edge (右空四字), the issuer centred over the date.
 */
function signatureLines(signature: Signature): string[] {
  const width = (text: string) => Math.ceil(displayWidth(text) / 2);
  const dateStart = Math.max(0, LINE_WIDTH - 4 - width(signature.date));
  const issuerStart = Math.max(0, dateStart + Math.floor((width(signature.date) - width(signature.issuer)) / 2));
  return [`${'\u3000'.repeat(issuerStart)}${signature.issuer}`, `${'\u3000'.repeat(dateStart)}${signature.date}`];
}

/**
 * Writes a bulletin as plain text to paste into a document: paragraphs indented
 * by two full-width spaces, numbered headings, tables aligned for CJK text.
 */
export function renderText(document: BulletinDocument): string {
  const out: string[] = [document.title, '', document.meta];
  for (const { block, number } of plainBlocks(document)) {
    out.push('');
    switch (block.kind) {
      case 'section':
        out.push(`${number}${block.title}`);
        break;
      case 'subheading':
        out.push(`\u3000\u3000${block.text}`);
        break;
      case 'paragraph':
        out.push(`\u3000\u3000${plainInline(block.content)}`);
        break;
      case 'list':
        block.items.forEach((item, i) => out.push(`\u3000\u3000${i + 1}.${plainInline(item)}`));
        break;
      case 'table':
        out.push(...textTable(block.columns, block.rows));
        break;
      case 'chart':
        break;
    }
  }
  if (document.signature !== null) out.push('', '', ...signatureLines(document.signature));
  // Text to paste, or read on a terminal: control and bidirectional formatting characters from user text made visible.
  return `${escapeTerminalText(out.join('\n'), 'lines')}\n`;
}
