/**
 * Reads the progress tables of bulletins whose cells were flattened into lines
 * separated by spaces, one row per task (a web page's table copied as text):
 *
 *     序号 民生实事项目名称 责任单位 目标任务 1-8月实际完成情况 完成率% 备注
 *     1 农村饮用水安全巩固提升 农林水务局 1300人 700 54% 已解决700人的饮水问题
 *     完成征缴基金10000万元 区人社局 10000万 7965 80%
 *
 * The header must name a column of the task (名称, 项目, 内容), one of the
 * year's target (目标任务, 年度目标, 计划) and one of what was done (实际完成,
 * 完成情况, 累计完成); a column of owners (责任单位) is used when named. In
 * each row the name runs up to the owner (a unit's name) or the first number;
 * the first quantity after it is the target, the next plain number or
 * quantity of the same unit the figure, and percentages (完成率) are skipped.
 * A target with no unit in its cell takes the unit of the same value in the
 * name (送戏曲下乡20场 … 20 29) or is not read.
 *
 * Pure functions over the decoded text; no state.
 */
import { findQuantities, type Quantity } from './quantity.js';

/** A row of an item table, read. */
export interface ItemRow {
  /** The task's name, without its number, a leading 完成 and its own quantity. */
  readonly measure: string;
  readonly value: string;
  readonly unit: string;
  readonly done: string | undefined;
  readonly owner: string | undefined;
  /** A growth rate (地区生产总值 % 7 6.5 in a table with a unit column): a rate target, at least `value`%. */
  readonly rate: boolean;
  /** The row's line. */
  readonly start: number;
  readonly end: number;
}

const NAME_LABEL = /名称|项目|内容|事项|任务$/u;
const TARGET_LABEL = /^(?:年度|全年)?(?:目标任务|目标|任务目标|计划任务|年度计划|计划|任务数|目标数)(?:数)?$/u;
const DONE_LABEL = /(?:实际)?完成(?:情况|数|量)?$|累计完成/u;
const OWNER_LABEL = /^(?:责任|牵头)(?:单位|部门)$/u;
const UNIT_LABEL = /^(?:计量)?单位$/u;
/** A cell naming a unit of government: 农林水务局, 区公安分局, 残联, 区人社局. */
const OWNER_CELL = /^[\u4e00-\u9fff]{0,12}(?:局|委|办|厅|分局|中心|公司|政府|残联|妇联|团委|总工会|管委会|办事处)$/u;
/** The most lines one table is read for, so a long text stays linear. */
const MAX_LINES = 400;

/** The whitespace-separated cells of a line; "1-" "8月实际完成情况" (a label broken after its dash) joined. */
function cellsOf(line: string): string[] {
  const cells: string[] = [];
  for (const cell of line.trim().split(/[ \t]+/u)) {
    const last = cells[cells.length - 1];
    if (last !== undefined && /[-—–~]$/u.test(last)) cells[cells.length - 1] = last + cell;
    else if (cell !== '') cells.push(cell);
  }
  return cells;
}

/** Whether the line is an item table's header: a name, a target and a done column among its labels, and no figures. */
function isHeader(cells: readonly string[]): { owner: boolean; unit: boolean } | undefined {
  if (cells.length < 4 || cells.length > 12 || cells.some((cell) => /[0-9]/u.test(cell.replace(/^[0-9]{1,2}[-—–~][0-9]{1,2}月/u, '')))) return undefined;
  const target = cells.some((cell) => TARGET_LABEL.test(cell));
  const done = cells.some((cell) => DONE_LABEL.test(cell) && !/率/u.test(cell));
  const name = cells.some((cell) => NAME_LABEL.test(cell) && !TARGET_LABEL.test(cell));
  return target && done && name ? { owner: cells.some((cell) => OWNER_LABEL.test(cell)), unit: cells.some((cell) => UNIT_LABEL.test(cell)) } : undefined;
}

const NUMBER_START = /^[0-9]/u;

/** The quantity a cell holds, when the cell is one: 1300人, 10000万, 7699套; 8950 (no unit); not 54%. */
function cellQuantity(cell: string): { value: string; unit: string } | undefined {
  const plain = /^([0-9]+(?:\.[0-9]+)?)$/u.exec(cell);
  if (plain !== null) return { value: plain[1]!, unit: '' };
  if (cell.endsWith('%')) return undefined;
  const found: Quantity | undefined = findQuantities(cell, 0, cell.length)[0];
  if (found === undefined || found.start !== 0 || found.unitEnd !== cell.length) return undefined;
  return { value: found.value, unit: found.unit };
}

/** The unit a cell holds when it is only a unit (亿元, 万人, %, 万平方米), as plans spell it; undefined otherwise. */
function unitCell(cell: string): string | undefined {
  if (cell === '%') return '%';
  const one = `1${cell}`;
  const found = findQuantities(one, 0, one.length)[0];
  return found !== undefined && found.start === 0 && found.unitEnd === one.length && !found.bare ? found.unit : undefined;
}
/** A growth rate's name in a row: 地区生产总值增长, 规上工业增加值增速. */
const GROWTH_NAME = /(?:增长|增速|增幅)$/u;

/**
 * 地区生产总值 亿元 600 310 51.7%: a row of a table with a unit column — the name, its unit cell, the year's target
 * and what was done (a plain number each); a growth rate (…增长 % 7 6.5) is a rate target. Undefined otherwise.
 */
function readUnitRow(cells: readonly string[]): Omit<ItemRow, 'start' | 'end'> | undefined {
  let i = /^[0-9]{1,3}$/u.test(cells[0] ?? '') && cells.length > 3 ? 1 : 0;
  const nameStart = i;
  while (i < cells.length && !(i > nameStart && unitCell(cells[i]!) !== undefined && /^[0-9]+(?:\.[0-9]+)?$/u.test(cells[i + 1] ?? ''))) i++;
  if (i >= cells.length) return undefined;
  const measure = cells.slice(nameStart, i).join('');
  const unit = unitCell(cells[i]!)!;
  const value = cells[i + 1]!;
  const done = /^-?[0-9]+(?:\.[0-9]+)?$/u.test(cells[i + 2] ?? '') ? cells[i + 2] : undefined;
  if (!/^[\u4e00-\u9fff“”"()()]{2,30}$/u.test(measure)) return undefined;
  if (unit === '%')
    return GROWTH_NAME.test(measure) ? { measure: measure.replace(/(?:增速|增幅)$/u, '增长'), value, unit, done, owner: undefined, rate: true } : undefined;
  return { measure, value, unit, done, owner: undefined, rate: false };
}

/** Reads one row's cells, or undefined when the row does not hold a target. */
function readRow(cells: readonly string[], owners: boolean): Omit<ItemRow, 'start' | 'end'> | undefined {
  let i = 0;
  if (i < cells.length && /^[0-9]{1,3}$/u.test(cells[i]!) && cells.length > 3) i++;
  const nameStart = i;
  while (i < cells.length && !(owners && OWNER_CELL.test(cells[i]!)) && !(NUMBER_START.test(cells[i]!) && i > nameStart)) i++;
  const name = cells.slice(nameStart, i).join('');
  const owner = owners && i < cells.length && OWNER_CELL.test(cells[i]!) ? cells[i++] : undefined;
  if (name.length < 2 || (owners && owner === undefined)) return undefined;
  const target = i < cells.length ? cellQuantity(cells[i]!) : undefined;
  if (target === undefined) return undefined;
  i++;
  let unit = target.unit;
  // 送戏曲下乡20场 … 20: the name's own quantity of the same value gives the unit; 完成征缴基金10000万元 … 10000万 the full unit.
  const inName = findQuantities(name, 0, name.length).find((q) => q.value === target.value);
  if (inName !== undefined && (unit === '' || inName.unit.startsWith(unit))) unit = inName.unit;
  if (unit === '' || unit === '%' || /^[万亿千]$/u.test(unit)) return undefined;
  let done: string | undefined;
  const next = i < cells.length ? cellQuantity(cells[i]!) : undefined;
  // 1300人 … 700: a figure with no unit is in the target's; one with a unit must be in the same.
  if (next !== undefined && (next.unit === '' || next.unit === unit)) done = next.value;
  const measure = (inName === undefined ? name : name.slice(0, inName.start) + name.slice(inName.end))
    .replace(/^[^::]{1,8}[::]/u, (lead) => (name.length - lead.length >= 4 ? '' : lead))
    .replace(/^完成/u, '')
    .replace(/[((][^()()]{1,4}[))]$/u, '');
  return { measure, value: target.value, unit, done, owner, rate: false };
}

/** One row's cells read by the columns its header names: by the unit column when there is one and no owner column. */
function readCells(cells: readonly string[], header: { owner: boolean; unit: boolean }): Omit<ItemRow, 'start' | 'end'> | undefined {
  return header.unit && !header.owner ? (readUnitRow(cells) ?? readRow(cells, false)) : readRow(cells, header.owner);
}

/** The rows of the text's item tables, in text order. */
export function itemTables(text: string, lines: readonly { readonly start: number; readonly end: number }[]): ItemRow[] {
  const rows: ItemRow[] = [];
  for (let i = 0; i < lines.length; i++) {
    const header = isHeader(cellsOf(text.slice(lines[i]!.start, lines[i]!.end)));
    if (header === undefined) continue;
    let misses = 0;
    const first = i + 1;
    for (let j = first; j < lines.length && misses < 3 && j - first < MAX_LINES; j++) {
      const line = lines[j]!;
      const cells = cellsOf(text.slice(line.start, line.end));
      const row = cells.length < 3 ? undefined : readCells(cells, header);
      // A line of prose ends the table after three; a row whose target has no unit (8950) is skipped, not counted.
      if (row === undefined) {
        if (!cells.some((cell) => NUMBER_START.test(cell))) misses++;
        continue;
      }
      misses = 0;
      rows.push({ ...row, start: line.start, end: line.end });
      i = j;
    }
  }
  // In text order (the rows are looked up by binary search).
  return [...rows, ...cellPerLineRows(text, lines)].sort((a, b) => a.start - b.start);
}

/** The most header cells a table written one cell per line is read with. */
const MAX_HEADER = 10;

/**
 * The same tables written one cell per line (序号 / 指标名称 / 单位 / 年度目标 / 1-6月完成 / 完成进度, then 1 / 地区生产总值 /
 * 亿元 / 600 / 310 / 51.7%): after a line 序号 and the header's cells, each row runs from its number to the next
 * number and is read as the row of cells it is.
 */
function cellPerLineRows(text: string, lines: readonly { readonly start: number; readonly end: number }[]): ItemRow[] {
  const rows: ItemRow[] = [];
  const cell = (k: number) => text.slice(lines[k]!.start, lines[k]!.end).trim();
  for (let i = 0; i < lines.length; i++) {
    if (cell(i) !== '序号') continue;
    const labels: string[] = [];
    let at = i + 1;
    while (at < lines.length && labels.length < MAX_HEADER && cell(at) !== '1' && cell(at) !== '') labels.push(cell(at++));
    const header = isHeader(['序号', ...labels]);
    if (header === undefined || cell(at) !== '1') continue;
    for (let n = 1; at < lines.length && cell(at) === String(n) && rows.length < MAX_LINES; n++) {
      let next = at + 1;
      while (next < lines.length && next - at <= labels.length + 1 && cell(next) !== String(n + 1)) next++;
      const cells = [String(n), ...Array.from({ length: next - at - 1 }, (_, k) => cell(at + 1 + k)).filter((c) => c !== '')];
      const row = readCells(cells, header);
      if (row !== undefined) rows.push({ ...row, start: lines[at]!.start, end: lines[next - 1]!.end });
      at = next;
    }
    i = at - 1;
  }
  return rows;
}

const TASK_LABEL = /^(?:工作任务|目标任务|任务内容|重点工作|主要任务|工作内容|具体任务|任务|指标名称|目标)$/u;
const LEAD_LABEL = /^(?:牵头单位|责任单位|牵头部门|责任部门|主办单位)$/u;
const SUPPORT_LABEL = /^(?:配合单位|协办单位|参与单位|配合部门|责任单位)$/u;

/** The units a cell names (市发改委、市统计局) when its first is a unit of government, else undefined. */
function ownerCell(cell: string): string[] | undefined {
  const units = cell.split(/[、,,]/u);
  return OWNER_CELL.test(units[0]!) ? units : undefined;
}

/** The owners a row of a task table names: its lead unit and the supporting units after it. */
export interface TaskRowOwners {
  readonly lead: string;
  readonly support: readonly string[];
  /** The row's line. */
  readonly start: number;
  readonly end: number;
}

/**
 * The rows of a decomposition's task tables flattened into lines of cells (序号 工作任务 牵头单位 配合单位 完成时限, then
 * 1 地区生产总值增长6% 市发改委 市统计局 12月底): after a header naming a task column and a lead column, each row's
 * first cell naming a unit of government after the task is its lead, and the units in the column after it, when the
 * header names one, support. The targets themselves are read from the row's text as any sentence's.
 */
export function taskTableOwners(text: string, lines: readonly { readonly start: number; readonly end: number }[]): TaskRowOwners[] {
  const rows: TaskRowOwners[] = [];
  for (let i = 0; i < lines.length; i++) {
    const header = cellsOf(text.slice(lines[i]!.start, lines[i]!.end));
    if (header.length < 3 || header.length > 10 || header.some((cell) => /[0-9]/u.test(cell))) continue;
    const lead = header.findIndex((cell) => LEAD_LABEL.test(cell));
    if (lead < 0 || !header.slice(0, lead).some((cell) => TASK_LABEL.test(cell))) continue;
    const supported = SUPPORT_LABEL.test(header[lead + 1] ?? '');
    let misses = 0;
    for (let j = i + 1; j < lines.length && misses < 3 && j - i <= MAX_LINES; j++) {
      const line = lines[j]!;
      const cells = cellsOf(text.slice(line.start, line.end));
      // The task's cells run up to the first unit of government after them (a unit's own list is one cell: 市发改委、市统计局).
      const first = cells.findIndex((cell, k) => k > 0 && ownerCell(cell) !== undefined);
      if (first < 0) {
        misses++;
        continue;
      }
      misses = 0;
      const units = ownerCell(cells[first]!)!;
      const next = cells[first + 1];
      const support = [...units.slice(1), ...((supported && next !== undefined ? ownerCell(next) : undefined) ?? [])];
      rows.push({ lead: units[0]!, support, start: line.start, end: line.end });
      i = j;
    }
  }
  return rows;
}
