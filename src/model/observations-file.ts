import * as z from 'zod';
import type { DubanIssue } from '../errors.js';
import type { ObservationsFile } from './types.js';
import { dateSchema, decimalSchema, describe, nonEmptyString, strictObject } from './schema-kit.js';

/**
 * The zod schema of a separate observations file:
 * `{ formatVersion: 1, planId, observations: [{ taskId, asOf, value, unit?, note? }] }`.
 *
 * @category Model
 */
export const observationsFileSchema: z.ZodType<ObservationsFile> = strictObject({
  $schema: describe(z.string().optional(), 'JSON Schema 的路径或网址。', 'Path or URL of the JSON Schema.'),
  formatVersion: describe(z.literal(1), '格式版本,为 1。', 'Format version: 1.'),
  planId: describe(nonEmptyString(), '对应计划的 id。', 'The id of the plan these belong to.'),
  observations: describe(z.array(
    strictObject({
      taskId: describe(nonEmptyString(), '任务编号。', 'The task id.'),
      asOf: describe(dateSchema(), '数据截至日期。', 'The date the value stands at.'),
      value: describe(decimalSchema(), '数值;累计型为累计数。', 'The value; cumulative targets take the running total.'),
      unit: describe(nonEmptyString().optional(), '单位,默认为目标的单位。', "The unit, default the target's."),
      note: describe(z.string().optional(), '备注。', 'A note.'),
    }),
  ), '报送的数值,每条注明任务编号。', 'The reported values, each naming its task.'),
});

/** The columns of an observations CSV file, in order. */
export const OBSERVATION_CSV_COLUMNS = ['taskId', 'asOf', 'value', 'unit', 'note'] as const;

/**
 * Splits CSV text (RFC 4180: comma separated, `"` quoting with `""` escapes,
 * CRLF or LF line ends) into rows of cells, each with its 1-based line number.
 */
export function parseCsvRows(text: string): { rows: { line: number; cells: string[] }[]; issues: DubanIssue[] } {
  const rows: { line: number; cells: string[] }[] = [];
  const issues: DubanIssue[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endRow = () => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0] === '')) rows.push({ line: rowLine, cells });
    cells = [];
    cell = '';
  };
  for (; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else cell += ch;
  }
  if (quoted) issues.push({ path: `line ${rowLine}`, message: 'unterminated quoted cell' });
  else if (cell !== '' || cells.length > 0) endRow();
  return { rows, issues };
}
