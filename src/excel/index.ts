/**
 * `duban/excel`: 任务分解表 workbooks and CSV task tables in and out of plans,
 * and evaluations as colour-coded workbooks. A separate entry point, so that the
 * core package never loads exceljs; exceljs itself is loaded on the first call
 * that reads or writes a workbook.
 *
 * @module duban/excel
 */
export { RATE_BOUND_WORDS, TARGET_KIND_WORDS, TASK_TABLE_COLUMNS } from './plan-table.js';
export { readPlanWorkbook, writePlanWorkbook } from './plan-workbook.js';
export type { ReadPlanWorkbookOptions } from './plan-workbook.js';
export { formatPlanCsv, parsePlanCsv } from './plan-csv.js';
export type { ParsePlanCsvOptions } from './plan-csv.js';
export { writeEvaluationWorkbook } from './evaluation-workbook.js';
export type { EvaluationWorkbookOptions } from './evaluation-workbook.js';
