import { parseArgs } from 'node:util';
import { parsePlan } from '../../index.js';
import { checkOptions, readBytes, readText, writeAtomically, type CliIo, type CommandLineProblem } from '../io.js';

export const IMPORT_EXCEL_HELP = `用法 Usage: duban import-excel BOOK.xlsx|TASKS.csv [options]

把任务分解表(Excel 工作簿或 CSV)读成计划文件(JSON)。版式见 docs/reports.md。
Reads a 任务分解表 (an .xlsx workbook or a CSV task table) into a plan file (JSON).
The layout is in docs/reports.md.

选项 Options:
  --base PLAN.json       基础计划:工作簿没有“计划”“分类”工作表时取其编号、标题、起止日期和分类;
                         CSV 必须给出(CSV 只含任务表)。其任务被忽略
                         a plan whose id, title, period and categories are used where the workbook
                         has no 计划 / 分类 sheet; required for CSV. Its tasks are ignored
  --out FILE             写入文件而非标准输出 / write there instead of stdout
  -h, --help             显示帮助 / show this help

退出码 Exit status:
  0  成功 / success
  2  输入错误:逐个列出有问题的单元格(如 任务分解!D12),不输出任何结果
     bad input: every bad cell is named (任务分解!D12); nothing written

示例 Examples:
  duban import-excel 任务分解表.xlsx --out plan.json
  duban import-excel tasks.csv --base plan.json --out plan.json
`;

/** `duban import-excel`: a 任务分解表 workbook or CSV task table to a plan file. */
export async function importExcelCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: { base: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help === true) {
    io.stdout(IMPORT_EXCEL_HELP);
    return 0;
  }
  const problems: CommandLineProblem[] = [];
  const file = positionals[0];
  if (positionals.length !== 1 || file === undefined)
    problems.push({
      code: positionals.length === 0 ? 'required' : 'too_many',
      message: positionals.length === 0 ? 'missing BOOK.xlsx or TASKS.csv' : `expected one file, got ${positionals.length}: ${positionals.join(' ')}`,
    });
  const kind = file === undefined ? undefined : /\.xlsx$/i.test(file) ? 'xlsx' : /\.csv$/i.test(file) ? 'csv' : undefined;
  if (file !== undefined && kind === undefined) problems.push({ code: 'invalid_value', message: `expected a .xlsx or .csv file, got ${JSON.stringify(file)}` });
  if (kind === 'csv' && values.base === undefined)
    problems.push({ code: 'required', message: '--base PLAN.json is needed for a CSV task table (it holds the tasks only)' });
  checkOptions(problems);
  const base = values.base === undefined ? undefined : parsePlan(readText(values.base, io.stdin), { source: values.base });
  const { parsePlanCsv, readPlanWorkbook } = await import('../../excel/index.js');
  const plan =
    kind === 'csv'
      ? parsePlanCsv(readText(file!, io.stdin), { base: base!, source: file })
      : await readPlanWorkbook(readBytes(file!), { source: file, ...(base === undefined ? {} : { base }) });
  const text = `${JSON.stringify(plan, null, 2)}\n`;
  if (values.out !== undefined) writeAtomically(values.out, text);
  else io.stdout(text);
  return 0;
}
