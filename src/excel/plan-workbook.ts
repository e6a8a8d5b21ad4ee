import type { Worksheet } from 'exceljs';
import { ensurePlan } from '../model/boundary.js';
import { invalidOption, isPlainObject, kindOf, readOptions, stringOption } from '../model/check-arguments.js';
import type { Plan } from '../model/types.js';
import {
  baseKeys,
  categoriesToTable,
  CellIssues,
  findHeaderRow,
  finishPlan,
  planToMetaRows,
  planToTaskTable,
  readCategoryTable,
  readMetaTable,
  readTaskTable,
  TASK_TABLE_COLUMNS,
} from './plan-table.js';
import { fillSheet, newWorkbook, readWorkbook, sheetTable, workbookBytes } from './workbook-kit.js';

/**
 * Options for {@link readPlanWorkbook}.
 *
 * @category Excel
 */
export interface ReadPlanWorkbookOptions {
  /** The file name, for messages. */
  readonly source?: string | undefined;
  /**
   * A plan whose id, title, period, categories and other keys are used where
   * the workbook has no 计划 or 分类 sheet (its tasks are ignored): for a
   * 任务分解表 that holds only the task table.
   */
  readonly base?: Plan | undefined;
}

const TASK_SHEET = '任务分解';
const PLAN_SHEET = '计划';
const CATEGORY_SHEET = '分类';
const README_SHEET = '说明';

const README = [
  ['duban 任务分解表', ''],
  ['工作表', '任务分解:每行一项任务;计划:计划的编号、标题、起止日期等;分类:类别编号与名称。其他工作表(如本表)导入时忽略。'],
  ['必填列', '序号(任务编号)、任务内容。'],
  [
    '类型',
    '累计(累计量,如新增就业3.7万人)、水平(由基数达到目标水平,需填基数)、比率(增速、比率等,需填目标方向)、节点(按节点推进)、事项(完成与否)。空白时:有节点为“节点”,无目标值为“事项”,否则须填写。',
  ],
  ['目标方向', '比率类:不低于、不高于(控制在……以内)、左右(需填允许偏差)。'],
  ['牵头单位、配合单位、标记', '多个名称用顿号“、”分隔;括号内的顿号不分隔,如“各县(市、区)”。也可只填“责任单位”一列:第一个为牵头单位,其余为配合单位。'],
  ['节点', '每行一个节点:节点名称|计划完成日期|实际完成日期|权重,后两项可省略(权重默认1)。'],
  ['序时进度', '按月(默认)、按日,或约定轨迹“2018-03-31=0.1;2018-06-30=0.4”。'],
  ['报送列', '每个报送日期一列,列名为日期,如 2018-03-31;单元格填累计数,单位与目标不同时写在数字后,如“10312人”。备注写在“2018-03-31 备注”列。'],
  ['x- 列', '以 x- 开头的列原样保留为任务的扩展字段;以“json:”开头的内容按 JSON 读取。'],
];

/**
 * Writes a plan as a 任务分解表 workbook (.xlsx): a 任务分解 sheet with one row
 * per task (the columns of {@link TASK_TABLE_COLUMNS}, one column per reporting
 * date, its note column where notes exist, `x-` columns), a 计划 sheet with the
 * plan's id, title, period and other keys, a 分类 sheet with the categories and
 * a 说明 sheet describing the layout. {@link readPlanWorkbook} reads it back to
 * the same plan (observations in date order; empty lists, `cancelled: null` and
 * empty optional texts come back absent). The same plan always gives the same bytes.
 *
 * @param plan - the validated plan
 * @returns the .xlsx bytes
 * @throws `DubanError` `INVALID_PLAN` when the plan holds what the table cannot keep: `x-` keys below a task, or names that 、 cannot separate
 * @example
 * ```ts
 * import { writePlanWorkbook } from 'duban/excel';
 * writeFileSync('任务分解表.xlsx', await writePlanWorkbook(plan));
 * ```
 * @category Excel
 */
export async function writePlanWorkbook(plan: Plan): Promise<Uint8Array> {
  plan = ensurePlan(plan);
  const tasks = planToTaskTable(plan, true);
  const workbook = await newWorkbook(plan.asOf ?? plan.period.start);
  const taskSheet = workbook.addWorksheet(TASK_SHEET);
  fillSheet(taskSheet, tasks.header, tasks.rows, { 任务内容: 40, 节点: 36, 序号: 8, 牵头单位: 16, 配合单位: 20 });
  taskSheet.views = [{ state: 'frozen', xSplit: 3, ySplit: 1 }];
  const planSheet = workbook.addWorksheet(PLAN_SHEET);
  fillSheet(planSheet, ['项目', '内容'], planToMetaRows(plan, true), { 项目: 12, 内容: 60 });
  if (plan.categories !== undefined) {
    const categories = categoriesToTable(plan.categories);
    fillSheet(workbook.addWorksheet(CATEGORY_SHEET), categories.header, categories.rows, { 编号: 10, 名称: 50 });
  }
  const readme: Worksheet = workbook.addWorksheet(README_SHEET);
  for (const row of README) readme.addRow(row);
  readme.getColumn(1).width = 24;
  readme.getColumn(2).width = 100;
  readme.getRow(1).font = { bold: true, size: 13 };
  readme.eachRow((row) => {
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
  });
  return workbookBytes(workbook);
}

/**
 * Reads a 任务分解表 workbook (.xlsx) into a plan: the task sheet (named 任务分解,
 * else the first sheet whose header row, within its first 20 rows, holds 序号 and
 * 任务内容), the 计划 sheet and the 分类 sheet (or the `base` plan's keys where
 * these are missing). Every bad cell is reported, named by sheet and cell
 * (`任务分解!D12`), together with every problem the plan format finds, each
 * traced back to its cell.
 *
 * @param data - the .xlsx bytes
 * @param options - the file name for messages, a base plan for a workbook without 计划 sheet
 * @returns the validated plan
 * @throws `DubanError` `INVALID_PLAN` (`LIMIT_EXCEEDED` for a workbook over a limit) listing every problem by sheet and cell
 * @example
 * ```ts
 * import { readPlanWorkbook } from 'duban/excel';
 * const plan = await readPlanWorkbook(readFileSync('任务分解表.xlsx'), { source: '任务分解表.xlsx' });
 * ```
 * @category Excel
 */
export async function readPlanWorkbook(data: Uint8Array | ArrayBuffer, options: ReadPlanWorkbookOptions = {}): Promise<Plan> {
  if (!(data instanceof Uint8Array) && !(data instanceof ArrayBuffer))
    invalidOption('data', `expected the bytes of a workbook (a Uint8Array or an ArrayBuffer), got ${kindOf(data)}`);
  const read = readOptions<ReadPlanWorkbookOptions>(options, {
    source: stringOption,
    base: (value) => (isPlainObject(value) ? undefined : `expected a plan, got ${kindOf(value)}`),
  });
  options = read.base === undefined ? read : { ...read, base: ensurePlan(read.base) };
  const workbook = await readWorkbook(data, options.source);
  const issues = new CellIssues();
  const tables = new Map(workbook.worksheets.map((sheet) => [sheet.name, sheetTable(sheet)]));
  const taskSheet = tables.has(TASK_SHEET) ? TASK_SHEET : workbook.worksheets.find((sheet) => findHeaderRow(tables.get(sheet.name)!.table) !== undefined)?.name;
  const fallback = `${taskSheet ?? TASK_SHEET}!A1`;
  if (taskSheet === undefined) {
    issues.fail(
      'required',
      fallback,
      `no sheet named ${TASK_SHEET} and no sheet with a header row holding ${TASK_TABLE_COLUMNS[0]} and ${TASK_TABLE_COLUMNS[2]}`,
    );
  }
  const used = [taskSheet, PLAN_SHEET, CATEGORY_SHEET];
  for (const name of used) {
    if (name !== undefined) for (const problem of tables.get(name)?.problems ?? []) issues.fail(problem.code, problem.path, problem.message);
  }
  const json: Record<string, unknown> = options.base === undefined ? {} : baseKeys(options.base);
  const planTable = tables.get(PLAN_SHEET)?.table;
  if (planTable !== undefined) {
    for (const key of ['id', 'title', 'issuer', 'period', 'asOf', 'pace', '$schema']) delete json[key];
    for (const key of Object.keys(json)) if (key.startsWith('x-')) delete json[key];
    Object.assign(json, readMetaTable(planTable, issues));
  } else if (options.base === undefined) {
    issues.fail('required', `${PLAN_SHEET}!A1`, `no sheet named ${PLAN_SHEET} (with the plan's 编号, 标题, 开始日期, 结束日期), and no base plan given`);
  }
  const categoryTable = tables.get(CATEGORY_SHEET)?.table;
  if (categoryTable !== undefined) json.categories = readCategoryTable(categoryTable, issues);
  const tasks = taskSheet === undefined ? [] : readTaskTable(tables.get(taskSheet)!.table, issues).tasks;
  const where = (path: string) => (path.startsWith('$.tasks') ? fallback : path.startsWith('$.categories') ? `${CATEGORY_SHEET}!A1` : `${PLAN_SHEET}!A1`);
  return finishPlan({ ...json, formatVersion: 1, tasks }, issues, where, options.source);
}
