import * as z from 'zod/mini';
import { lineIssue, type DubanIssue } from '../errors.js';
import type { ObservationsFile } from './types.js';
import { MAX_ARRAY_LENGTH } from './limits.js';
import { dateSchema, decimalSchema, describe, nonEmptyString, strictObject } from './schema-kit.js';

const observationsFileObject = strictObject({
  $schema: describe(z.optional(z.string()), 'JSON Schema 的路径或网址。', 'Path or URL of the JSON Schema.'),
  formatVersion: describe(z.literal(1), '格式版本,为 1。', 'Format version: 1.'),
  planId: describe(nonEmptyString(), '对应计划的 id。', 'The id of the plan these belong to.'),
  observations: describe(
    z.array(
      strictObject({
        taskId: describe(nonEmptyString(), '任务编号。', 'The task id.'),
        asOf: describe(dateSchema(), '数据截至日期。', 'The date the value stands at.'),
        value: describe(decimalSchema(), '数值;累计型为累计数。', 'The value; cumulative targets take the running total.'),
        unit: describe(z.optional(nonEmptyString()), '单位,默认为目标的单位。', "The unit, default the target's."),
        note: describe(z.optional(z.string()), '备注。', 'A note.'),
      }),
    ),
    '报送的数值,每条注明任务编号。',
    'The reported values, each naming its task.',
  ),
});

/**
 * The zod schema of a separate observations file:
 * `{ formatVersion: 1, planId, observations: [{ taskId, asOf, value, unit?, note? }] }`.
 *
 * @category Model
 */
export const observationsFileSchema: z.ZodMiniType<ObservationsFile> = observationsFileObject;

/** What the schema itself outputs, for test/types/ (it must agree with ObservationsFile both ways). */
export type ObservationsFileOutput = z.output<typeof observationsFileObject>;

/** The columns of an observations CSV file, in order. */
export const OBSERVATION_CSV_COLUMNS = ['taskId', 'asOf', 'value', 'unit', 'note'] as const;

/**
 * Splits CSV text (RFC 4180: comma separated, `"` quoting with `""` escapes,
 * CRLF or LF line ends) into rows of cells, each with its 1-based line number.
 * With `onRow`, each row is handed to it as it is read instead of being kept
 * (`rows` stays empty), so a file of millions of rows is never held twice.
 * A row of more than {@link MAX_ARRAY_LENGTH} cells (a line of 120 million
 * commas crashed V8) is reported and left out, read no further than its end.
 */
export function parseCsvRows(
  text: string,
  onRow?: (line: number, cells: string[]) => void,
): { rows: { line: number; cells: string[] }[]; issues: DubanIssue[] } {
  const rows: { line: number; cells: string[] }[] = [];
  const issues: DubanIssue[] = [];
  let cells: string[] = [];
  let line = 1;
  let rowLine = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  const endRow = () => {
    if (!(cells.length === 1 && cells[0] === '')) {
      if (onRow === undefined) rows.push({ line: rowLine, cells });
      else onRow(rowLine, cells);
    }
    cells = [];
  };
  // Cells are sliced from the text, never built a character at a time, so a huge cell costs one copy.
  while (i <= n) {
    let cell: string;
    if (text[i] === '"') {
      const parts: string[] = [];
      let from = i + 1;
      for (;;) {
        const quote = text.indexOf('"', from);
        if (quote === -1) {
          issues.push(lineIssue('csv_syntax', rowLine, '引号开始的单元格没有结束引号 / unterminated quoted cell'));
          return { rows, issues };
        }
        parts.push(text.slice(from, quote));
        if (text[quote + 1] === '"') {
          parts.push('"');
          from = quote + 2;
        } else {
          i = quote + 1;
          break;
        }
      }
      for (const part of parts) for (let k = part.indexOf('\n'); k !== -1; k = part.indexOf('\n', k + 1)) line++;
      // Text right after the closing quote is kept, as the cell's continuation.
      let j = i;
      while (j < n && text[j] !== ',' && text[j] !== '\n' && text[j] !== '\r') j++;
      parts.push(text.slice(i, j));
      i = j;
      cell = parts.join('');
    } else {
      let j = i;
      while (j < n && text[j] !== ',' && text[j] !== '\n' && text[j] !== '\r') j++;
      cell = text.slice(i, j);
      i = j;
    }
    cells.push(cell);
    if (cells.length > MAX_ARRAY_LENGTH) {
      issues.push(lineIssue('too_many', rowLine, `一行超过 ${MAX_ARRAY_LENGTH} 个单元格，整行未读 / a row of more than ${MAX_ARRAY_LENGTH} cells, left out`));
      cells = [];
      const next = text.indexOf('\n', i);
      if (next === -1) break;
      i = next + 1;
      line++;
      rowLine = line;
      continue;
    }
    if (i >= n) {
      endRow();
      break;
    }
    const ch = text[i];
    if (ch === ',') {
      i++;
      if (i === n) {
        cells.push('');
        endRow();
        break;
      }
    } else if (ch === '\n' || ch === '\r') {
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      endRow();
      line++;
      rowLine = line;
      if (i === n) break;
    }
  }
  return { rows, issues };
}
