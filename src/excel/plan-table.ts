// The plan as tables of cells, shared by the workbook (plan-workbook.ts) and the
// CSV file (plan-csv.ts): the column layout (plan-table-columns.ts), writing
// (write-plan-table.ts) and reading (read-plan-table.ts).
export { type DateCell, type CellValue, type Table, TASK_TABLE_COLUMNS, TARGET_KIND_WORDS, RATE_BOUND_WORDS, PLAN_SHEET_ROWS } from './plan-table-columns.js';
export { extensionCell, planToTaskTable, planToMetaRows, categoriesToTable } from './write-plan-table.js';
export { CellIssues, findHeaderRow, numberAndUnit, readTaskTable, readMetaTable, readCategoryTable, finishPlan, baseKeys } from './read-plan-table.js';
