import { argumentIssue, DubanError, inputErrorCode, jsonIssue, lineIssue, type DubanIssue, type IssueCode } from '../errors.js';
import { oneOfOption, readOptions, stringOption } from '../model/check-arguments.js';
import { parseCsvRows } from '../model/observations-file.js';
import { inexactNumberMessage, isExactJsonNumber } from '../model/json-numbers.js';
import { parseJsonText } from '../model/parse-input.js';
import { quote } from '../model/schema-kit.js';
import { FACT_CATALOGUE } from '../pace/fact-catalogue.js';
import { safeParseRuleFile } from './parse-rule-file.js';

/**
 * Options for {@link compileDecisionTable}.
 *
 * @category Engine
 */
export interface CompileDecisionTableOptions {
  /** `json` (default) or `csv`. */
  readonly format?: 'json' | 'csv' | undefined;
  /** The rule set id (a CSV table has no place for it; default `decision-table`). Overrides the table's own. */
  readonly id?: string | undefined;
  /** The rule set title (default: the id). Overrides the table's own. */
  readonly title?: string | undefined;
  /** The file name, for error messages. */
  readonly source?: string | undefined;
}

/** The columns of a decision table that are not facts. */
export const DECISION_TABLE_COLUMNS = ['status', 'label', 'priority', 'name', 'note'] as const;

const FACTS = new Set(FACT_CATALOGUE.map((fact) => fact.name as string));
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

type Leaf = { fact: string; operator: string; value: unknown };

/** A number in a cell that no JavaScript number holds exactly (`> 1e400` would become `> null`). */
class InexactNumber extends Error {
  constructor(readonly text: string) {
    super(text);
  }
}

/** Reads one value of a cell: `true`, `false`, `null`, a number, `"quoted text"` or bare text. */
function literal(text: string): unknown {
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (text === 'null') return null;
  if (NUMBER.test(text)) {
    if (!isExactJsonNumber(text)) throw new InexactNumber(text);
    return Number(text);
  }
  if (text.length >= 2 && text.startsWith('"') && text.endsWith('"')) return text.slice(1, -1);
  return text;
}

const COMPARISONS: ReadonlyArray<[string, string]> = [
  ['<=', 'lessThanInclusive'],
  ['>=', 'greaterThanInclusive'],
  ['!=', 'notEqual'],
  ['<', 'lessThan'],
  ['>', 'greaterThan'],
  ['=', 'equal'],
];

/**
 * The conditions of one cell. Syntax: `-` or empty (any value), `true`,
 * `false`, `null`, a value (equal), `= v`, `!= v`, `< n`, `<= n`, `> n`,
 * `>= n`, `in a|b|c`, `not in a|b`, `contains s`, `not contains s`, and
 * several of these joined with ` and `.
 */
function cellConditions(fact: string, cell: unknown): { leaves: Leaf[]; error?: CellError } {
  try {
    return readCell(fact, cell);
  } catch (error) {
    if (error instanceof InexactNumber) return { leaves: [], error: { code: 'inexact_number', message: inexactNumberMessage(error.text) } };
    throw error;
  }
}

/** What is wrong with a cell. */
interface CellError {
  readonly code: IssueCode;
  readonly message: string;
}

function readCell(fact: string, cell: unknown): { leaves: Leaf[]; error?: CellError } {
  if (cell === null || typeof cell === 'boolean' || typeof cell === 'number') return { leaves: [{ fact, operator: 'equal', value: cell }] };
  if (typeof cell !== 'string')
    return { leaves: [], error: { code: 'invalid_type', message: `a cell must be text, a number, true, false or null, got ${quote(cell)}` } };
  const text = cell.trim();
  if (text === '' || text === '-') return { leaves: [] };
  const leaves: Leaf[] = [];
  for (const clause of text.split(/\s+and\s+/)) {
    const part = clause.trim();
    const word = /^(not\s+in|in|not\s+contains|contains)\s+(.+)$/.exec(part);
    if (word !== null) {
      const keyword = word[1]!.replace(/\s+/, ' ');
      const rest = word[2]!.trim();
      if (keyword === 'in' || keyword === 'not in')
        leaves.push({ fact, operator: keyword === 'in' ? 'in' : 'notIn', value: rest.split('|').map((item) => literal(item.trim())) });
      else leaves.push({ fact, operator: keyword === 'contains' ? 'contains' : 'doesNotContain', value: literal(rest) });
      continue;
    }
    const comparison = COMPARISONS.find(([symbol]) => part.startsWith(symbol));
    if (comparison !== undefined) {
      const value = literal(part.slice(comparison[0].length).trim());
      if (['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'].includes(comparison[1]) && typeof value !== 'number') {
        return { leaves: [], error: { code: 'invalid_type', message: `${comparison[0]} needs a number, got ${quote(part)}` } };
      }
      leaves.push({ fact, operator: comparison[1], value });
      continue;
    }
    if (/^[<>!=]/.test(part)) return { leaves: [], error: { code: 'invalid_value', message: `cannot read ${quote(part)}` } };
    leaves.push({ fact, operator: 'equal', value: literal(part) });
  }
  return { leaves };
}

interface Row {
  readonly where: string;
  readonly cells: Readonly<Record<string, unknown>>;
  /** An issue at one of the row's cells (JSON path, or CSV line and column). */
  readonly cellIssue: (code: IssueCode, column: string, message: string) => DubanIssue;
}

function readJsonTable(input: unknown, issues: DubanIssue[]): { rows: Row[]; meta: Record<string, unknown> } {
  const table = Array.isArray(input) ? { rows: input } : input;
  if (typeof table !== 'object' || table === null || !Array.isArray((table as { rows?: unknown }).rows)) {
    issues.push(
      jsonIssue('invalid_type', [], 'a decision table is a list of rows, or { "rows": [...] } with optional "id", "title", "description", "statuses"'),
    );
    return { rows: [], meta: {} };
  }
  const { rows, ...meta } = table as { rows: unknown[] } & Record<string, unknown>;
  const prefix = Array.isArray(input) ? [] : ['rows'];
  for (const key of Object.keys(meta)) {
    if (!['$schema', 'formatVersion', 'id', 'title', 'description', 'statuses'].includes(key) && !key.startsWith('x-'))
      issues.push(jsonIssue('unknown_key', [key], `unknown key ${quote(key)}`));
  }
  const out: Row[] = [];
  rows.forEach((row, i) => {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      issues.push(jsonIssue('invalid_type', [...prefix, i], `a row must be an object of cells, got ${quote(row)}`));
      return;
    }
    out.push({
      where: `row ${i + 1}`,
      cells: row as Record<string, unknown>,
      cellIssue: (code, column, message) => jsonIssue(code, [...prefix, i, column], message),
    });
  });
  return { rows: out, meta };
}

function readCsvTable(text: string, issues: DubanIssue[]): Row[] {
  const parsed = parseCsvRows(text);
  for (const item of parsed.issues) issues.push(item);
  const [header, ...body] = parsed.rows;
  if (header === undefined) {
    issues.push(lineIssue('csv_syntax', 1, 'the table is empty: expected a header row of fact names and "status"'));
    return [];
  }
  const columns = header.cells.map((cell) => cell.trim());
  return body.map((row) => {
    if (row.cells.length !== columns.length)
      issues.push(lineIssue('csv_syntax', row.line, `expected ${columns.length} cells like the header, got ${row.cells.length}`));
    return {
      where: `line ${row.line}`,
      cells: Object.fromEntries(columns.map((column, i) => [column, row.cells[i] ?? ''])),
      cellIssue: (code: IssueCode, column: string, message: string) => ({
        code,
        path: `line ${row.line}, column ${quote(column)}`,
        keys: [row.line, column],
        message,
      }),
    };
  });
}

/**
 * Compiles a decision table into a rule file. One column per fact, one
 * `status` column, and optional `label`, `priority`, `name` and `note`
 * columns; the first row that matches wins, so the rows get strictly
 * descending priorities (given ones must already descend). Cells read `-` (any
 * value), `true`, `false`, `null`, `< 0.5`, `>= 0`, `!= rate`, `in a|b`,
 * `contains problem`, and combinations joined with ` and `. The result is a
 * rule file that `parseRuleFile` accepts, ready for `checkRuleFile`.
 *
 * @param input - the table: JSON text or value (a list of rows, or `{ id, title, description, statuses, rows }`), or CSV text
 * @param options - the format, id, title and file name
 * @returns the rule file's JSON
 * @throws {@link DubanError} `INVALID_DECISION_TABLE` (`LIMIT_EXCEEDED` over a limit) naming every bad cell (JSON path, or CSV line and column)
 * @example
 * ```ts
 * const json = compileDecisionTable('status,label,cancelled\ncancelled,取消,true\nother,其他,-\n', { format: 'csv', id: 'mine' });
 * const ruleFile = parseRuleFile(json);
 * ```
 * @category Engine
 */
export function compileDecisionTable(input: unknown, options: CompileDecisionTableOptions = {}): Record<string, unknown> {
  options = readOptions<CompileDecisionTableOptions>(options, {
    format: oneOfOption(['json', 'csv']),
    id: stringOption,
    title: stringOption,
    source: stringOption,
  });
  const issues: DubanIssue[] = [];
  const fail = () =>
    new DubanError(
      inputErrorCode('INVALID_DECISION_TABLE', issues),
      `${options.source ?? 'decision table'}: ${issues.length === 1 ? '1 problem' : `${issues.length} problems`}`,
      {
        issues,
        ...(options.source === undefined ? {} : { source: options.source }),
      },
    );
  let rows: Row[];
  let meta: Record<string, unknown> = {};
  if (options.format === 'csv') {
    if (typeof input !== 'string')
      throw new DubanError('INVALID_OPTION', 'a CSV decision table must be given as text', {
        issues: [argumentIssue('invalid_type', ['input'], 'expected CSV text')],
      });
    rows = readCsvTable(input, issues);
  } else {
    let data = input;
    if (typeof input === 'string') {
      const parsed = parseJsonText(input);
      if (!parsed.ok) {
        for (const item of parsed.issues) issues.push(item);
        throw fail();
      }
      data = parsed.value;
    }
    ({ rows, meta } = readJsonTable(data, issues));
  }
  if (rows.length === 0 && issues.length === 0) issues.push(jsonIssue('too_small', [], 'the table has no rows'));

  const statuses = new Map<string, string | undefined>();
  const rules: Record<string, unknown>[] = [];
  let previous = Infinity;
  rows.forEach((row, i) => {
    const leaves: Leaf[] = [];
    for (const [column, cell] of Object.entries(row.cells)) {
      const name = column.trim();
      if ((DECISION_TABLE_COLUMNS as readonly string[]).includes(name) || name.startsWith('x-')) continue;
      if (!FACTS.has(name)) {
        if (i === 0 || options.format !== 'csv')
          issues.push(
            row.cellIssue(
              'unknown_key',
              column,
              `unknown column ${quote(name)}: columns are facts (${[...FACTS].join(', ')}) and ${DECISION_TABLE_COLUMNS.join(', ')}`,
            ),
          );
        continue;
      }
      const result = cellConditions(name, cell);
      if (result.error !== undefined) issues.push(row.cellIssue(result.error.code, column, result.error.message));
      for (const item of result.leaves) leaves.push(item);
    }
    const status = row.cells.status;
    if (typeof status !== 'string' || status.trim() === '') {
      issues.push(row.cellIssue('required', 'status', `${row.where}: missing status`));
      return;
    }
    const code = status.trim();
    const label = typeof row.cells.label === 'string' && row.cells.label.trim() !== '' ? row.cells.label.trim() : undefined;
    const known = statuses.get(code);
    if (known !== undefined && label !== undefined && known !== label)
      issues.push(row.cellIssue('inconsistent', 'label', `status ${quote(code)} is labelled ${quote(known)} in an earlier row, ${quote(label)} here`));
    if (!statuses.has(code) || known === undefined) statuses.set(code, label);
    let priority = (rows.length - i) * 10;
    const given = row.cells.priority;
    if (given !== undefined && given !== '' && given !== '-') {
      const number = typeof given === 'number' ? given : Number(String(given).trim());
      if (!Number.isInteger(number) || number < 1)
        issues.push(
          row.cellIssue(Number.isInteger(number) ? 'too_small' : 'invalid_type', 'priority', `priority must be a whole number >= 1, got ${quote(given)}`),
        );
      else if (number >= previous)
        issues.push(
          row.cellIssue('inconsistent', 'priority', `priority ${number} does not descend (the row above has ${previous}): the first matching row must win`),
        );
      else priority = number;
    }
    previous = priority;
    const named = typeof row.cells.name === 'string' && row.cells.name.trim() !== '' ? row.cells.name.trim() : `${label ?? code}(第${i + 1}行)`;
    rules.push({ name: named, priority, conditions: { all: leaves }, event: { type: code } });
  });

  let declared: unknown = meta.statuses;
  if (declared === undefined) {
    declared = [...statuses].map(([code, label]) => {
      if (label === undefined)
        issues.push(jsonIssue('required', [], `status ${quote(code)} has no label: fill the "label" column in one of its rows, or list "statuses"`));
      return { code, label: label ?? code };
    });
  }
  const id = options.id ?? (typeof meta.id === 'string' ? meta.id : 'decision-table');
  const json: Record<string, unknown> = {
    formatVersion: 1,
    id,
    title: options.title ?? (typeof meta.title === 'string' ? meta.title : id),
    ...(typeof meta.description === 'string' ? { description: meta.description } : {}),
    statuses: declared,
    rules,
  };
  if (issues.length > 0) throw fail();
  const checked = safeParseRuleFile(json, options.source === undefined ? {} : { source: options.source });
  if (!checked.success) {
    for (const item of checked.error.issues) issues.push(item);
    throw fail();
  }
  return json;
}
