// Reading a plan from cells: the task table, the plan sheet and the category table,
// every problem named by its cell.
import { cellIssue, DubanError, inputErrorCode, type DubanIssue, type IssueCode } from '../errors.js';
import { isCalendarDate, type CalendarDate } from '../model/calendar-date.js';
import { parseDecimal } from '../model/decimal.js';
import { safeParsePlan } from '../model/parse-input.js';
import { formatPath, quote } from '../model/schema-kit.js';
import type { Milestone, Observation, Pace, Plan, Target, TargetKind } from '../model/types.js';
import { splitNames } from '../report/text-kit.js';
import {
  type CellValue,
  type Table,
  TASK_TABLE_COLUMNS,
  TARGET_KIND_WORDS,
  RATE_BOUND_WORDS,
  PLAN_SHEET_ROWS,
  PACE_WORDS,
  DATE_HEADER,
  NOTE_HEADER,
  JSON_PREFIX,
} from './plan-table-columns.js';

/** Collects the problems of cells and the cell each JSON path came from. */
export class CellIssues {
  readonly issues: DubanIssue[] = [];
  private readonly origins = new Map<string, string>();
  private readonly failed = new Set<string>();

  /** Records that the value at a JSON path came from a cell. */
  from(path: readonly PropertyKey[], address: string): void {
    this.origins.set(formatPath(path), address);
  }

  /** Records a problem with a cell. */
  fail(code: IssueCode, address: string, message: string): void {
    this.issues.push(cellIssue(code, address, message));
    this.failed.add(address);
  }

  /** Whether a problem was already reported for a cell. */
  hasFailed(address: string): boolean {
    return this.failed.has(address);
  }

  /** Adds the plan schema's issues, each named by the cell its path came from (or the nearest enclosing one), skipping cells already reported. */
  addPlanIssues(issues: readonly DubanIssue[], fallback: string | ((path: string) => string)): void {
    for (const issue of issues) {
      let path = issue.path;
      let address = this.origins.get(path);
      while (address === undefined && path !== '$' && path !== '') {
        path = path.replace(/(\.[^.[\]]+|\[[^\]]*\])$/, '');
        address = this.origins.get(path);
      }
      const where = address ?? (typeof fallback === 'string' ? fallback : fallback(issue.path));
      if (this.failed.has(where)) continue;
      this.issues.push(cellIssue(issue.code, where, `${issue.message} (${issue.path})`));
    }
  }
}

const isEmpty = (cell: CellValue | undefined): boolean => cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');

function cellText(cell: CellValue): string {
  if (cell === null) return '';
  if (typeof cell === 'object') return cell.date;
  return String(cell);
}

/** A reader of one table's cells, reporting every bad cell to `issues`. */
class CellReader {
  constructor(
    private readonly table: Table,
    private readonly issues: CellIssues,
  ) {}

  address(row: number, column: number): string {
    return this.table.address(row, column);
  }

  cell(row: number, column: number | undefined): CellValue {
    return column === undefined ? null : (this.table.rows[row]?.[column] ?? null);
  }

  /** Text as written (not trimmed: titles keep their spaces, a cell of spaces is text), or undefined when the cell is empty. */
  text(row: number, column: number | undefined, label: string): string | undefined {
    const cell = this.cell(row, column);
    if (cell === null || cell === '') return undefined;
    if (typeof cell === 'boolean') {
      this.issues.fail('invalid_type', this.address(row, column!), `${label}: expected text, got the boolean ${String(cell).toUpperCase()}`);
      return undefined;
    }
    return cellText(cell);
  }

  decimal(row: number, column: number | undefined, label: string): string | undefined {
    const cell = this.cell(row, column);
    if (isEmpty(cell)) return undefined;
    const parsed = typeof cell === 'number' ? parseDecimal(cell) : typeof cell === 'string' ? parseDecimal(cell.trim()) : undefined;
    if (parsed === undefined) this.issues.fail('invalid_decimal', this.address(row, column!), `${label}: not a number: ${quote(cellText(cell))}`);
    return parsed;
  }

  date(row: number, column: number | undefined, label: string): CalendarDate | undefined {
    const cell = this.cell(row, column);
    if (isEmpty(cell)) return undefined;
    if (typeof cell === 'object' && cell !== null) return cell.date;
    if (typeof cell === 'string' && isCalendarDate(cell.trim())) return cell.trim();
    const hint = typeof cell === 'number' ? ' (a number: format the cell as a date, or write the date as text)' : '';
    this.issues.fail('invalid_date', this.address(row, column!), `${label}: not a real calendar date YYYY-MM-DD: ${quote(cellText(cell))}${hint}`);
    return undefined;
  }

  names(row: number, column: number | undefined, label: string): string[] | undefined {
    const text = this.text(row, column, label);
    const names = text === undefined ? [] : splitNames(text);
    return names.length === 0 ? undefined : names;
  }

  extension(row: number, column: number | undefined, label: string): unknown {
    const cell = this.cell(row, column);
    if (isEmpty(cell)) return undefined;
    if (typeof cell === 'string' && cell.startsWith(JSON_PREFIX)) {
      try {
        return JSON.parse(cell.slice(JSON_PREFIX.length)) as unknown;
      } catch {
        this.issues.fail('json_syntax', this.address(row, column!), `${label}: text after "json:" is not valid JSON: ${quote(cell)}`);
        return undefined;
      }
    }
    return typeof cell === 'object' && cell !== null ? cell.date : cell;
  }

  /** A word from a closed vocabulary, by its words. */
  word<K extends string>(row: number, column: number | undefined, label: string, words: Readonly<Record<K, readonly string[]>>): K | undefined {
    const text = this.text(row, column, label)?.trim();
    if (text === undefined || text === '') return undefined;
    for (const [key, list] of Object.entries(words) as [K, readonly string[]][]) if (key === text || list.includes(text)) return key;
    this.issues.fail(
      'invalid_value',
      this.address(row, column!),
      `${label}: expected one of ${Object.values<readonly string[]>(words)
        .map((list) => list[0])
        .join(', ')}, got ${quote(text)}`,
    );
    return undefined;
  }

  pace(row: number, column: number | undefined, label: string): Pace | undefined {
    const text = this.text(row, column, label)?.trim();
    if (text === undefined || text === '') return undefined;
    if ((PACE_WORDS.monthly as readonly string[]).includes(text)) return 'monthly';
    if ((PACE_WORDS.daily as readonly string[]).includes(text)) return 'daily';
    const points = text
      .split(/[;;\n]/)
      .map((part) => part.trim())
      .filter((part) => part !== '');
    const trajectory: { date: string; expected: string }[] = [];
    for (const point of points) {
      const match = /^(\d{4}-\d{2}-\d{2})\s*[=:]\s*(\S+)$/.exec(point);
      const expected = match === null ? undefined : parseDecimal(match[2]);
      if (match === null || expected === undefined || !isCalendarDate(match[1])) {
        this.issues.fail(
          'invalid_value',
          this.address(row, column!),
          `${label}: expected 按月, 按日 or points DATE=FRACTION separated by ;, got ${quote(point)}`,
        );
        return undefined;
      }
      trajectory.push({ date: match[1]!, expected });
    }
    return { trajectory };
  }

  /** The milestones of the 节点 column: one a line, `title|due|done|weight` (done and weight optional). */
  milestones(row: number, column: number | undefined, label: string): Milestone[] | undefined {
    const text = this.text(row, column, label);
    if (text === undefined) return undefined;
    const milestones: Milestone[] = [];
    for (const line of text.split(/\r?\n/)) {
      if (line.trim() === '') continue;
      const fields = splitFields(line);
      const [title, due, done, weight] = fields;
      const dueDate = due?.trim() ?? '';
      const doneDate = done?.trim() ?? '';
      const weightValue = weight === undefined || weight.trim() === '' ? '1' : parseDecimal(weight.trim());
      if (
        fields.length > 4 ||
        title === undefined ||
        title === '' ||
        !isCalendarDate(dueDate) ||
        (doneDate !== '' && !isCalendarDate(doneDate)) ||
        weightValue === undefined
      ) {
        this.issues.fail(
          'invalid_value',
          this.address(row, column!),
          `${label}: expected one milestone a line, 节点名称|计划完成日期|实际完成日期|权重 (the last two optional), got ${quote(line)}`,
        );
        return undefined;
      }
      milestones.push({ title, due: dueDate, done: doneDate === '' ? null : doneDate, weight: weightValue });
    }
    return milestones;
  }
}

/** Splits a 节点 line on unescaped `|`, undoing the escapes. */
function splitFields(line: string): string[] {
  const fields: string[] = [''];
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!;
    if (char === '\\' && i + 1 < line.length) {
      const next = line[++i]!;
      fields[fields.length - 1] += next === 'n' ? '\n' : next === 'r' ? '\r' : next;
    } else if (char === '|') fields.push('');
    else fields[fields.length - 1] += char;
  }
  return fields;
}

/** Finds the header row: the first of the first 20 rows holding both 序号 and 任务内容. */
export function findHeaderRow(table: Table): number | undefined {
  for (let row = 0; row < Math.min(20, table.rows.length); row++) {
    const cells = (table.rows[row] ?? []).map((cell) => (typeof cell === 'string' ? cell.trim() : ''));
    if (cells.includes('序号') && cells.includes('任务内容')) return row;
  }
  return undefined;
}

interface Columns {
  readonly known: Partial<Record<(typeof TASK_TABLE_COLUMNS)[number] | '责任单位', number>>;
  readonly periods: { date: CalendarDate; value: number; note: number | undefined }[];
  readonly extensions: { key: string; column: number }[];
}

function readHeader(table: Table, headerRow: number, issues: CellIssues): Columns {
  const known: Partial<Record<(typeof TASK_TABLE_COLUMNS)[number] | '责任单位', number>> = {};
  const values = new Map<CalendarDate, number>();
  const notes = new Map<CalendarDate, number>();
  const extensions: { key: string; column: number }[] = [];
  const seen = new Map<string, number>();
  const header = table.rows[headerRow] ?? [];
  header.forEach((cell, column) => {
    if (isEmpty(cell)) {
      const used = table.rows.slice(headerRow + 1).findIndex((row) => !isEmpty(row[column] ?? null));
      if (used >= 0) issues.fail('required', table.address(headerRow + 1 + used, column), 'a value in a column without a header');
      return;
    }
    const text = typeof cell === 'object' && cell !== null ? cell.date : String(cell).trim();
    const address = table.address(headerRow, column);
    if (seen.has(text)) {
      issues.fail('duplicate_key', address, `duplicate column ${quote(text)} (also ${table.address(headerRow, seen.get(text)!)})`);
      return;
    }
    seen.set(text, column);
    const noteMatch = NOTE_HEADER.exec(text);
    if ((TASK_TABLE_COLUMNS as readonly string[]).includes(text) || text === '责任单位') known[text as keyof typeof known] = column;
    else if (DATE_HEADER.test(text) && isCalendarDate(text)) values.set(text, column);
    else if (noteMatch !== null && isCalendarDate(noteMatch[1])) notes.set(noteMatch[1]!, column);
    else if (text.startsWith('x-')) extensions.push({ key: text, column });
    else
      issues.fail(
        'unknown_key',
        address,
        `unknown column ${quote(text)}; the columns are ${TASK_TABLE_COLUMNS.join(', ')}, a date YYYY-MM-DD per reporting date, "YYYY-MM-DD 备注" for its notes, and x-… columns`,
      );
  });
  for (const [date, column] of notes)
    if (!values.has(date)) issues.fail('inconsistent', table.address(headerRow, column), `note column for ${date} without a column ${date}`);
  if (known.责任单位 !== undefined && (known.牵头单位 !== undefined || known.配合单位 !== undefined)) {
    issues.fail(
      'inconsistent',
      table.address(headerRow, known.责任单位),
      '责任单位 (first unit leads, the others support) cannot be combined with 牵头单位 or 配合单位',
    );
  }
  const periods = [...values.entries()].sort(([, a], [, b]) => a - b).map(([date, value]) => ({ date, value, note: notes.get(date) }));
  return { known, periods, extensions };
}

/** Where one task's row is and what reads it. */
interface TaskRow {
  readonly reader: CellReader;
  /** The row's index in the table. */
  readonly row: number;
  readonly columns: Columns;
  /** The task's index in the plan. */
  readonly index: number;
  readonly issues: CellIssues;
}

/** Reads one task row into plan JSON, recording where each value came from. */
function readTask({ reader, row, columns, index, issues }: TaskRow): Record<string, unknown> {
  const { known } = columns;
  const at = (...rest: PropertyKey[]) => ['tasks', index, ...rest];
  const from = (column: number | undefined, ...rest: PropertyKey[]) => {
    if (column !== undefined) issues.from(at(...rest), reader.address(row, column));
  };
  issues.from(at(), reader.address(row, known.序号 ?? 0));
  const task: Record<string, unknown> = {};
  const set = (key: string, value: unknown, column: number | undefined) => {
    from(column, key);
    if (value !== undefined) task[key] = value;
  };
  const id = reader.cell(row, known.序号);
  if (isEmpty(id)) issues.fail('required', reader.address(row, known.序号!), '序号: every task needs an id');
  else set('id', cellText(id).trim(), known.序号);
  set('title', reader.text(row, known.任务内容, '任务内容') ?? '', known.任务内容);
  set('category', reader.text(row, known.分类, '分类')?.trim() || undefined, known.分类);

  let lead = reader.names(row, known.牵头单位, '牵头单位');
  let support = reader.names(row, known.配合单位, '配合单位');
  let ownersColumn = known.牵头单位 ?? known.配合单位;
  const responsible = reader.names(row, known.责任单位, '责任单位');
  if (responsible !== undefined && responsible.length > 0) {
    lead = responsible.slice(0, 1);
    support = responsible.length > 1 ? responsible.slice(1) : undefined;
    ownersColumn = known.责任单位;
  }
  if (lead !== undefined || support !== undefined) {
    task.owners = { ...(lead === undefined ? {} : { lead }), ...(support === undefined ? {} : { support }) };
    from(ownersColumn, 'owners');
    from(known.牵头单位 ?? known.责任单位, 'owners', 'lead');
    from(known.配合单位 ?? known.责任单位, 'owners', 'support');
  }
  set('leader', reader.text(row, known.牵头领导, '牵头领导'), known.牵头领导);
  set('start', reader.date(row, known.开始日期, '开始日期'), known.开始日期);
  set('deadline', reader.date(row, known.完成时限, '完成时限'), known.完成时限);
  set('pace', reader.pace(row, known.序时进度, '序时进度'), known.序时进度);

  const kindWord = reader.word(row, known.类型, '类型', TARGET_KIND_WORDS);
  const milestones = reader.milestones(row, known.节点, '节点');
  const value = reader.decimal(row, known.目标值, '目标值');
  const valueGiven = !isEmpty(reader.cell(row, known.目标值));
  let kind: TargetKind | undefined = kindWord;
  if (kind === undefined && isEmpty(reader.cell(row, known.类型))) {
    if (!isEmpty(reader.cell(row, known.节点))) kind = 'milestones';
    else if (!valueGiven) kind = 'binary';
    else
      issues.fail(
        'required',
        reader.address(row, known.类型 ?? known.目标值!),
        `类型: needed when 目标值 is given; one of ${Object.values(TARGET_KIND_WORDS)
          .map((words) => words[0])
          .join(', ')}`,
      );
  }
  const targetColumn = known.类型 ?? known.目标值 ?? known.节点 ?? known.完成日期 ?? known.序号;
  from(targetColumn, 'target');
  from(known.类型, 'target', 'kind');
  if (kind !== undefined) {
    const target: Record<string, unknown> = { kind };
    const put = (key: string, item: unknown, column: number | undefined) => {
      from(column, 'target', key);
      if (item !== undefined) target[key] = item;
    };
    switch (kind) {
      case 'cumulative':
      case 'level':
      case 'rate':
        put('measure', reader.text(row, known.指标, '指标'), known.指标);
        put('unit', reader.text(row, known.单位, '单位')?.trim(), known.单位);
        put('value', value, known.目标值);
        if (kind === 'level') put('baseline', reader.decimal(row, known.基数, '基数'), known.基数);
        if (kind === 'rate') {
          put('bound', reader.word(row, known.目标方向, '目标方向', RATE_BOUND_WORDS), known.目标方向);
          put('tolerance', reader.decimal(row, known.允许偏差, '允许偏差'), known.允许偏差);
        }
        break;
      case 'milestones':
        put('milestones', milestones ?? [], known.节点);
        break;
      case 'binary':
        put('completedOn', reader.date(row, known.完成日期, '完成日期') ?? null, known.完成日期);
        break;
    }
    // Cells that do not belong to this kind are errors, not silently dropped.
    const unused: [keyof Columns['known'], boolean][] = [
      ['指标', kind === 'milestones' || kind === 'binary'],
      ['目标值', kind === 'milestones' || kind === 'binary'],
      ['单位', kind === 'milestones' || kind === 'binary'],
      ['基数', kind !== 'level'],
      ['目标方向', kind !== 'rate'],
      ['允许偏差', kind !== 'rate'],
      ['节点', kind !== 'milestones'],
      ['完成日期', kind !== 'binary'],
    ];
    for (const [column, misplaced] of unused) {
      const index = known[column];
      if (misplaced && !isEmpty(reader.cell(row, index)) && !issues.hasFailed(reader.address(row, index!))) {
        issues.fail('inconsistent', reader.address(row, index!), `${column}: does not apply to a ${TARGET_KIND_WORDS[kind][0]} (${kind}) target`);
      }
    }
    task.target = target as unknown as Target;
  }

  const flags = reader.names(row, known.标记, '标记');
  set('flags', flags, known.标记);
  const cancelledOn = reader.date(row, known.取消日期, '取消日期');
  const reason = reader.text(row, known.取消原因, '取消原因');
  if (cancelledOn !== undefined) {
    task.cancelled = { on: cancelledOn, reason: reason ?? '' };
    from(known.取消日期, 'cancelled');
    from(known.取消日期, 'cancelled', 'on');
    from(known.取消原因, 'cancelled', 'reason');
  } else if (reason !== undefined) issues.fail('inconsistent', reader.address(row, known.取消原因!), '取消原因: given without a 取消日期');

  const observations: Observation[] = [];
  for (const period of columns.periods) {
    const cell = reader.cell(row, period.value);
    const note = reader.text(row, period.note, `${period.date} 备注`);
    if (isEmpty(cell)) {
      if (note !== undefined)
        issues.fail('inconsistent', reader.address(row, period.note!), `${period.date} 备注: a note without a value in column ${period.date}`);
      continue;
    }
    const address = reader.address(row, period.value);
    let observation: Observation | undefined;
    if (typeof cell === 'number') {
      const parsed = parseDecimal(cell);
      if (parsed !== undefined) observation = { asOf: period.date, value: parsed };
    } else if (typeof cell === 'string') {
      const split = numberAndUnit(cell);
      const parsed = split === undefined ? undefined : parseDecimal(split.number);
      if (split !== undefined && parsed !== undefined)
        observation = { asOf: period.date, value: parsed, ...(split.unit === undefined ? {} : { unit: split.unit }) };
    }
    if (observation === undefined) {
      issues.fail('invalid_decimal', address, `${period.date}: expected a number, optionally followed by its unit (10312人), got ${quote(cellText(cell))}`);
      continue;
    }
    issues.from(at('observations', observations.length), address);
    issues.from(at('observations', observations.length, 'value'), address);
    issues.from(at('observations', observations.length, 'unit'), address);
    if (period.note !== undefined) issues.from(at('observations', observations.length, 'note'), reader.address(row, period.note));
    observations.push(note === undefined ? observation : { ...observation, note });
  }
  if (observations.length > 0) {
    task.observations = observations;
    issues.from(at('observations'), reader.address(row, columns.periods.find((period) => !isEmpty(reader.cell(row, period.value)))!.value));
  }
  for (const { key, column } of columns.extensions) set(key, reader.extension(row, column, key), column);
  return task;
}

const NUMBER_PREFIX = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/;
const LINE_BREAK = /[\n\r\u2028\u2029]/;

/**
 * An observation cell's text split into its number and the unit after it
 * (`10312人`, ` 3.5 % `), in linear time: a number, then optional spaces and a
 * unit on one line, with spaces around. `undefined` when the text is not of that form.
 * (It replaces one regular expression whose nested `\s*` backtracked
 * quadratically: a 300 KB cell took a minute.)
 */
export function numberAndUnit(text: string): { number: string; unit: string | undefined } | undefined {
  // trim() removes exactly what \s matches.
  const trimmed = text.trim();
  const number = NUMBER_PREFIX.exec(trimmed)?.[0];
  if (number === undefined) return undefined;
  const unit = trimmed.slice(number.length).trimStart();
  if (LINE_BREAK.test(unit)) return undefined;
  return { number, unit: unit === '' ? undefined : unit };
}

/** The plan's tasks from a task table (header row found by 序号 and 任务内容). */
export function readTaskTable(table: Table, issues: CellIssues): { tasks: Record<string, unknown>[]; headerFound: boolean } {
  const headerRow = findHeaderRow(table);
  if (headerRow === undefined) {
    issues.fail('required', table.address(0, 0), 'no header row with the columns 序号 and 任务内容 in the first 20 rows');
    return { tasks: [], headerFound: false };
  }
  const columns = readHeader(table, headerRow, issues);
  const reader = new CellReader(table, issues);
  const tasks: Record<string, unknown>[] = [];
  for (let row = headerRow + 1; row < table.rows.length; row++) {
    if ((table.rows[row] ?? []).every((cell) => isEmpty(cell))) continue;
    tasks.push(readTask({ reader, row, columns, index: tasks.length, issues }));
  }
  return { tasks, headerFound: true };
}

/**
 * The 计划 sheet's 主要指标 cell, written as the CLI's --indicators: `rate`, `none` or
 * `category:ID[,ID]`; anything else is passed on as text for the plan's validation to name.
 */
function mainIndicatorsCell(text: string | undefined): unknown {
  const value = text?.trim();
  const match = value === undefined ? null : /^category:(.+)$/.exec(value);
  if (match === null) return value;
  return { categories: match[1]!.split(',').map((id) => id.trim()) };
}

/** The plan's keys from the 计划 sheet: rows of label and value. */
export function readMetaTable(table: Table, issues: CellIssues): Record<string, unknown> {
  const reader = new CellReader(table, issues);
  const plan: Record<string, unknown> = {};
  const period: Record<string, unknown> = {};
  table.rows.forEach((row, index) => {
    const label = typeof row[0] === 'string' ? row[0].trim() : row[0] === null || row[0] === undefined ? '' : cellText(row[0]);
    if (label === '' || (index === 0 && label === '项目')) {
      if (label === '' && !isEmpty(row[1] ?? null)) issues.fail('required', table.address(index, 1), 'a value without a label in column A');
      return;
    }
    const entry = PLAN_SHEET_ROWS.find(([name]) => name === label);
    const key = entry?.[1] ?? (label.startsWith('x-') ? label : undefined);
    if (key === undefined) {
      issues.fail(
        'unknown_key',
        table.address(index, 0),
        `unknown item ${quote(label)}; the items are ${PLAN_SHEET_ROWS.map(([name]) => name).join(', ')} and x-… keys`,
      );
      return;
    }
    const path = key === 'period.start' || key === 'period.end' ? ['period', key.slice(7)] : [key];
    issues.from(path, table.address(index, 1));
    const value =
      key === 'period.start' || key === 'period.end' || key === 'asOf'
        ? reader.date(index, 1, label)
        : key === 'mainIndicators'
          ? mainIndicatorsCell(reader.text(index, 1, label))
          : key === 'pace'
            ? reader.pace(index, 1, label)
            : key.startsWith('x-')
              ? reader.extension(index, 1, label)
              : key === 'id'
                ? reader.text(index, 1, label)?.trim()
                : reader.text(index, 1, label);
    if (value === undefined) return;
    if (path[0] === 'period') period[path[1]!] = value;
    else plan[key] = value;
  });
  if (Object.keys(period).length > 0) plan.period = period;
  return plan;
}

/** The categories from the 分类 sheet: header 编号, 名称 and x-… columns. */
export function readCategoryTable(table: Table, issues: CellIssues): Record<string, unknown>[] {
  const header = (table.rows[0] ?? []).map((cell) => (typeof cell === 'string' ? cell.trim() : cell === null ? '' : cellText(cell)));
  const idColumn = header.indexOf('编号');
  const titleColumn = header.indexOf('名称');
  if (idColumn < 0 || titleColumn < 0) {
    issues.fail('required', table.address(0, 0), 'the header row needs the columns 编号 and 名称');
    return [];
  }
  header.forEach((text, column) => {
    if (text !== '' && text !== '编号' && text !== '名称' && !text.startsWith('x-'))
      issues.fail('unknown_key', table.address(0, column), `unknown column ${quote(text)}; the columns are 编号, 名称 and x-…`);
  });
  const reader = new CellReader(table, issues);
  const categories: Record<string, unknown>[] = [];
  for (let row = 1; row < table.rows.length; row++) {
    if ((table.rows[row] ?? []).every((cell) => isEmpty(cell))) continue;
    const index = categories.length;
    issues.from(['categories', index], table.address(row, idColumn));
    issues.from(['categories', index, 'id'], table.address(row, idColumn));
    issues.from(['categories', index, 'title'], table.address(row, titleColumn));
    const category: Record<string, unknown> = { id: reader.text(row, idColumn, '编号')?.trim() ?? '', title: reader.text(row, titleColumn, '名称') ?? '' };
    header.forEach((text, column) => {
      if (!text.startsWith('x-')) return;
      const value = reader.extension(row, column, text);
      if (value !== undefined) {
        category[text] = value;
        issues.from(['categories', index, text], table.address(row, column));
      }
    });
    categories.push(category);
  }
  return categories;
}

/** Issues named `Sheet!B12` in reading order: sheet by sheet (in order of first mention), then row, then column; others keep their order. */
function inReadingOrder(issues: readonly DubanIssue[]): DubanIssue[] {
  const sheets: string[] = [];
  const key = (issue: DubanIssue): [number, number, number] | undefined => {
    const match = /^(.*)!([A-Z]+)(\d+)$/.exec(issue.path);
    if (match === null) return undefined;
    if (!sheets.includes(match[1]!)) sheets.push(match[1]!);
    const column = [...match[2]!].reduce((n, char) => n * 26 + char.charCodeAt(0) - 64, 0);
    return [sheets.indexOf(match[1]!), Number(match[3]), column];
  };
  const keyed = issues.map((issue, index) => ({ issue, index, key: key(issue) }));
  return keyed
    .sort((a, b) => {
      if (a.key === undefined || b.key === undefined) return a.index - b.index;
      return a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.key[2] - b.key[2] || a.index - b.index;
    })
    .map(({ issue }) => issue);
}

/** Validates plan JSON built from tables, naming every problem by its cell. */
export function finishPlan(json: Record<string, unknown>, issues: CellIssues, fallback: string | ((path: string) => string), source: string | undefined): Plan {
  const result = safeParsePlan(json);
  if (!result.success) issues.addPlanIssues(result.error.issues, fallback);
  if (issues.issues.length > 0 || !result.success) {
    const count = issues.issues.length;
    throw new DubanError(inputErrorCode('INVALID_PLAN', issues.issues), `${source ?? 'task table'}: ${count === 1 ? '1 problem' : `${count} problems`}`, {
      issues: inReadingOrder(issues.issues),
      ...(source === undefined ? {} : { source }),
    });
  }
  return result.data;
}

/** Plan keys other than the tasks, from a base plan. */
export function baseKeys(base: Plan): Record<string, unknown> {
  const { tasks: _tasks, ...rest } = base;
  return { ...rest };
}
