/**
 * Reads the plain-text tables of progress bulletins, where each row names a
 * place and its figures are separated by spaces:
 *
 *     单位:亿元
 *     县(市、区) … 年度投资计划 前三季度投资计划 1-7月完成投资 完成前三季度目标任务占比(%)
 *     通川区 13.7% 59.4 43.4 35.9 82.7%
 *
 * The header names the columns of the plain numbers (percentages are growth or
 * shares and are skipped): the year's plan (年度投资计划, 全年目标) becomes each
 * row's target, owned by the place, and the column of what was done (1-7月完成投资)
 * its figure. A table whose columns are separated by | (隶 属 | 项目个数 | 年投资计划 |
 * 完成投资额 | 年计划投资完成率 |) is read by its header's cells, one column each.
 * A row repeating a target the text already states (the city's
 * total) gives only that target's figure, when the text gave none, and so is a table whose header does not name both
 * columns or whose rows do not have one number per named column.
 */
import type { CalendarDate } from '../model/calendar-date.js';
import { countBefore, type Layout, type Scope, type Sentence } from './document.js';
import { itemTables, taskTableOwners, type ItemRow } from './item-tables.js';
import type { FoundOwners } from './owners.js';
import { plainTarget, type FoundTarget, type ReadContext } from './read-clauses.js';

/** One row: a place's name, then numbers (with or without %). */
const ROW = /^[ \t]*([\u4e00-\u9fff]{2,10})[ \t]+((?:-?[0-9]+(?:\.[0-9]+)?%?[ \t]+)*-?[0-9]+(?:\.[0-9]+)?%?)[ \t]*$/u;
/** The column labels of plain numbers, in header order: 年度投资计划, 前三季度投资计划, 1-7月完成投资 (not …目标任务占比). */
const LABEL = /((?:年度|全年|前三季度|上半年|一季度|[1一]-[0-9]{1,2}月份?)?)(投资计划|计划投资|目标任务|完成投资)(?!占比)/gu;
const UNIT = /单位[::]\s*(亿元|万元|元|万人|人|万吨|吨|个|家|项)/u;

/** The note of a target read from a table's row. */
export const TABLE_ROW_NOTE = '表格中的一行:年度计划为目标,完成数为观测值,请核对列';

/** A table found in the text. */
interface Table {
  readonly rows: readonly { readonly name: string; readonly values: readonly string[]; readonly start: number; readonly end: number }[];
  readonly plan: number;
  readonly done: number | undefined;
  readonly measure: string;
  readonly unit: string;
}

function tableAt(text: string, lines: readonly { start: number; end: number }[], first: number, last: number, headerStart: number): Table | undefined {
  const headerText = text.slice(headerStart, lines[first]!.start);
  const unit = UNIT.exec(headerText)?.[1];
  if (unit === undefined) return undefined;
  const header = headerText.replace(/\s+/gu, '');
  const labels = [...header.matchAll(LABEL)].map((m) => ({ period: m[1]!, word: m[2]! }));
  const plan = labels.findIndex((l) => (l.period === '年度' || l.period === '全年' || l.period === '') && l.word !== '完成投资');
  const done = labels.findIndex((l) => l.word === '完成投资');
  if (plan < 0) return undefined;
  const rows = [];
  for (let i = first; i <= last; i++) {
    const line = lines[i]!;
    const match = ROW.exec(text.slice(line.start, line.end));
    if (match === null) continue;
    const values = match[2]!.split(/[ \t]+/u).filter((v) => !v.endsWith('%'));
    if (values.length !== labels.length) return undefined;
    rows.push({ name: match[1]!, values, start: line.start, end: line.end });
  }
  // 1-7月全市重点项目完成情况: what the table measures.
  const named = /([\u4e00-\u9fff]{2,16})(?:完成情况|进展情况)/u.exec(header)?.[1] ?? '';
  const subject = named.replace(/^(?:月份?|季度|上半年)?(?:全市|全县|全区)?/u, '');
  const label = labels[plan]!;
  return { rows, plan, done: done < 0 ? undefined : done, measure: `${subject}${label.period}${label.word}`, unit };
}

/** The cells of a line whose columns are separated by |, trimmed, or undefined for a line of fewer than three. */
function cellsOf(line: string): string[] | undefined {
  if (!line.includes('|')) return undefined;
  const cells = line.split('|').map((cell) => cell.trim());
  while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
  while (cells.length > 0 && cells[0] === '') cells.shift();
  return cells.length >= 3 ? cells : undefined;
}

const NUMBER_CELL = /^-?[0-9]+(?:\.[0-9]+)?%?$/u;
/** The column of the year's plan: 年投资计划, 年度投资计划, 全年目标任务 (not …完成率). */
const PLAN_CELL = /^(?:年度?|全年|当年|本年)?(?:投资计划|计划投资|目标任务|目标)$/u;
/** The column of what was done: 完成投资额, 1-9月完成投资 (not …完成率, …占比). */
const DONE_CELL = /^(?:(?:[1一][-—–~至][0-9一二三四五六七八九十]{1,2}月份?)?(?:累计)?完成投资(?:额)?)$/u;

/**
 * The tables whose columns are separated by | (隶 属 | 项目个数 | 年投资计划 | 完成投资额 | 年计划投资完成率 |):
 * a header of labels, then rows of a place's name and one number per column; the columns of the
 * year's plan and of what was done are found by their labels.
 */
function pipeTables(text: string, lines: readonly { start: number; end: number }[]): Table[] {
  const tables: Table[] = [];
  for (let i = 0; i < lines.length; i++) {
    const header = cellsOf(text.slice(lines[i]!.start, lines[i]!.end));
    if (header === undefined || header.some((cell) => NUMBER_CELL.test(cell))) continue;
    const labels = header.map((cell) => cell.replace(/\s+/gu, ''));
    const plan = labels.findIndex((label) => PLAN_CELL.test(label));
    const done = labels.findIndex((label) => DONE_CELL.test(label));
    if (plan <= 0) continue;
    const rows = [];
    let last = i;
    for (let j = i + 1; j < lines.length; j++) {
      const cells = cellsOf(text.slice(lines[j]!.start, lines[j]!.end));
      if (cells === undefined || cells.length !== labels.length) break;
      const name = cells[0]!.replace(/\s+/gu, '');
      if (!/^[\u4e00-\u9fff]{2,10}$/u.test(name) || !cells.slice(1).every((cell) => NUMBER_CELL.test(cell))) break;
      const values = cells.map((cell) => cell.replace(/%$/u, ''));
      if (cells[plan]!.endsWith('%') || (done > 0 && cells[done]!.endsWith('%'))) break;
      rows.push({ name, values, start: lines[j]!.start, end: lines[j]!.end });
      last = j;
    }
    if (rows.length < 3) continue;
    // 单位:个、亿元 and the table's title (1-9月份州重点项目投资完成情况汇总表) up to 3 lines above the header.
    let unit: string | undefined;
    let subject = '';
    for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
      const line = text.slice(lines[k]!.start, lines[k]!.end).replace(/\s+/gu, '');
      const units = /单位[::]((?:[\u4e00-\u9fff]{1,3}[、,,/]?){1,4})/u.exec(line)?.[1]?.split(/[、,,/]/u) ?? [];
      unit ??= units.find((u) => /^(?:亿元|万元|元)$/u.test(u)) ?? units.find((u) => UNIT.test(`单位:${u}`));
      const named = /([\u4e00-\u9fff]{2,16})(?:完成情况|进展情况)/u.exec(line)?.[1];
      if (named !== undefined && subject === '') subject = named.replace(/^(?:月份?|季度|上半年)?(?:全市|全县|全区)?/u, '');
    }
    if (unit === undefined) continue;
    const label = labels[plan]!;
    const measure = `${label.includes('投资') ? subject.replace(/投资$/u, '') : subject}${label}`;
    tables.push({ rows, plan, done: done > 0 ? done : undefined, measure, unit });
    i = last;
  }
  return tables;
}

/** The line spans of the text. */
function linesOf(text: string): { start: number; end: number }[] {
  const lines: { start: number; end: number }[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      lines.push({ start, end: i });
      start = i + 1;
    }
  }
  return lines;
}

/** The last of `spans` (in text order) starting at or before `at`, by binary search (a table of many rows stays linear). */
function lastStartingBy<T extends { readonly start: number; readonly end: number }>(spans: readonly T[], at: number): T | undefined {
  // Offsets are whole numbers: the spans starting at or before `at` are those starting before `at + 1`.
  const found = spans[countBefore(spans, at + 1, (span) => span.start) - 1];
  return found !== undefined && at < found.end ? found : undefined;
}

function scopeAt(layout: Layout, at: number): { scope: Scope; sentence: Sentence } | undefined {
  const scope = lastStartingBy(layout.scopes, at);
  const sentence = scope === undefined ? undefined : lastStartingBy(scope.sentences, at);
  return scope === undefined || sentence === undefined ? undefined : { scope, sentence };
}

/**
 * Adds the targets of the text's tables to `context.targets` (each with its
 * figure, dated `asOf`) and returns the owners of their sentences (the row's place).
 */
export function readTables(context: ReadContext, layout: Layout, asOf: CalendarDate): Map<number, FoundOwners> {
  const { text } = context;
  const owners = new Map<number, FoundOwners>();
  const lines = linesOf(text);
  for (const table of pipeTables(text, lines)) addRows(context, layout, table, asOf, owners);
  const itemRows = itemTables(text, lines);
  for (const row of itemRows) addItemRow(context, layout, row, asOf, owners);
  // The row's own cells (2所 under 目标任务) are no figures of the text: the row gave its target and figure.
  if (itemRows.length > 0) {
    const inRow = (at: number) => lastStartingBy(itemRows, at) !== undefined;
    const kept = context.figures.filter((figure) => !inRow(figure.at));
    context.figures.splice(0, context.figures.length, ...kept);
  }
  let i = 0;
  while (i < lines.length) {
    if (!ROW.test(text.slice(lines[i]!.start, lines[i]!.end))) {
      i++;
      continue;
    }
    let last = i;
    while (last + 1 < lines.length && ROW.test(text.slice(lines[last + 1]!.start, lines[last + 1]!.end))) last++;
    if (last - i + 1 >= 3) {
      // The header: from the line naming the unit (at most 20 lines up) to the first row.
      let head = i;
      while (head > 0 && i - head < 20 && !UNIT.test(text.slice(lines[head]!.start, lines[head]!.end))) head--;
      const table = tableAt(text, lines, i, last, lines[head]!.start);
      if (table !== undefined) addRows(context, layout, table, asOf, owners);
    }
    i = last + 1;
  }
  return owners;
}

/** A row's completed figure for `measure`: `value unit` over the row's line, dated `asOf`. */
function rowFigure(
  at: { scope: Scope; sentence: Sentence },
  row: { start: number; end: number },
  measure: string,
  value: string,
  unit: string,
  asOf: CalendarDate,
) {
  return {
    measure,
    value,
    unit,
    growth: false,
    stage: undefined,
    at: row.start,
    span: { start: row.start, end: row.end },
    sentence: at.sentence,
    scope: at.scope,
    asOf,
    share: undefined,
  };
}

/** A row's target: cumulative, over the row's line, with the note saying which column it came from. */
function rowTarget(
  at: { scope: Scope; sentence: Sentence },
  row: { start: number; end: number },
  measure: string,
  value: string,
  unit: string,
  note: string,
): FoundTarget {
  return plainTarget({
    scope: at.scope,
    sentence: at.sentence,
    deadline: undefined,
    measure,
    title: { start: row.start, end: row.end },
    value,
    unit,
    at: row.start,
    notes: [note],
  });
}

function addRows(context: ReadContext, layout: Layout, table: Table, asOf: CalendarDate, owners: Map<number, FoundOwners>): void {
  const stated = new Map(context.targets.map((t) => [`${t.value}|${t.unit}`, t]));
  for (const row of table.rows) {
    const value = row.values[table.plan]!;
    const at = scopeAt(layout, row.start);
    if (at === undefined) continue;
    const repeated = stated.get(`${value}|${table.unit}`);
    if (repeated !== undefined) {
      // The city's row repeats the target its text states: the row gives that target's figure, if the text gave none.
      if (repeated.figure === undefined && table.done !== undefined)
        repeated.figure = rowFigure(at, row, repeated.measure, row.values[table.done]!, table.unit, asOf);
      continue;
    }
    const measure = `${row.name}${table.measure}`;
    const target = rowTarget(at, row, measure, value, table.unit, TABLE_ROW_NOTE);
    if (table.done !== undefined) target.figure = rowFigure(at, row, measure, row.values[table.done]!, table.unit, asOf);
    context.targets.push(target);
    owners.set(at.sentence.start, { lead: [row.name], support: [], leader: undefined });
  }
}

/** The note of a target read from a row of an item table. */
export const ITEM_ROW_NOTE = '表格中的一行:目标任务为目标,实际完成为观测值,请核对列';

/** One row of an item table (名称 责任单位 目标任务 实际完成 …) as a target with its figure and owner; a target the text's sentences already read from the row gets only the figure. */
function addItemRow(context: ReadContext, layout: Layout, row: ItemRow, asOf: CalendarDate, owners: Map<number, FoundOwners>): void {
  const at = scopeAt(layout, row.start);
  if (at === undefined) return;
  const read = context.targets.find((t) => t.at >= row.start && t.at < row.end && t.value === row.value && t.unit === row.unit);
  if (read !== undefined) {
    if (read.figure === undefined && row.done !== undefined) read.figure = rowFigure(at, row, read.measure, row.done, row.unit, asOf);
    return;
  }
  const plain = rowTarget(at, row, row.measure, row.value, row.unit, ITEM_ROW_NOTE);
  // 地区生产总值增长 % 7 6.5: a growth rate, at least the year's.
  const target: FoundTarget = row.rate ? { ...plain, kind: 'rate', bound: 'atLeast', growth: true } : plain;
  if (row.done !== undefined) target.figure = { ...rowFigure(at, row, row.measure, row.done, row.unit, asOf), growth: row.rate };
  context.targets.push(target);
  if (row.owner !== undefined) owners.set(at.sentence.start, { lead: [row.owner], support: [], leader: undefined });
}

/** The owners the rows of a decomposition's task tables name (1 地区生产总值增长6% 市发改委 市统计局 12月底), by the start of each sentence of the row. */
export function readTaskTableOwners(text: string, layout: Layout): Map<number, FoundOwners> {
  const owners = new Map<number, FoundOwners>();
  for (const row of taskTableOwners(text, linesOf(text))) {
    const at = scopeAt(layout, row.start);
    if (at === undefined) continue;
    // The row's sentences, from the one holding its start (found by binary search), so a long table stays linear.
    const sentences = at.scope.sentences;
    for (let k = countBefore(sentences, at.sentence.start, (s) => s.start); k < sentences.length && sentences[k]!.start < row.end; k++)
      owners.set(sentences[k]!.start, { lead: [row.lead], support: [...row.support], leader: undefined });
  }
  return owners;
}
