import { parseArgs } from 'node:util';
import { checkOptions, loadEvaluationInputs, writeAtomically, type CliIo, type CommandLineProblem } from '../io.js';

export const EXPORT_EXCEL_HELP = `用法 Usage: duban export-excel PLAN.json [options]

把计划写成任务分解表:Excel 工作簿(任务分解、计划、分类、说明四个工作表)或 CSV 任务表。
duban import-excel 可原样读回。版式见 docs/reports.md。评估结果的工作簿用 duban report --format xlsx。
Writes a plan as a 任务分解表: an .xlsx workbook or a CSV task table, which
duban import-excel reads back to the same plan. For an evaluation's workbook,
use duban report --format xlsx.
PLAN.json 可为 - ,表示从标准输入读取。 PLAN.json may be - to read the plan from stdin.

选项 Options:
  --format xlsx|csv      默认按 --out 的扩展名;没有 --out 时为 csv(写到标准输出)
                         default: from --out's extension; csv (to stdout) without --out
  --observations FILE    先合并报送数据文件(JSON 或 CSV)/ merge observations first
  --out FILE             写入文件;xlsx 必须给出 / write there (required for xlsx)
  -h, --help             显示帮助 / show this help

退出码 Exit status:
  0  成功 / success
  2  输入错误,或计划含有表格无法保存的内容(不输出任何结果)
     bad input, or the plan holds what a table cannot keep (nothing written)

示例 Examples:
  duban export-excel examples/xianning-2018-q1.plan.json --out 任务分解表.xlsx
  duban export-excel plan.json --format csv > tasks.csv
`;

/** `duban export-excel`: a plan to a 任务分解表 workbook or CSV task table. */
export async function exportExcelCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: { format: { type: 'string' }, observations: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help === true) {
    io.stdout(EXPORT_EXCEL_HELP);
    return 0;
  }
  const problems: CommandLineProblem[] = [];
  if (positionals.length !== 1)
    problems.push({
      code: positionals.length === 0 ? 'required' : 'too_many',
      message: positionals.length === 0 ? 'missing PLAN.json' : `expected one plan file, got ${positionals.length}: ${positionals.join(' ')}`,
    });
  const fromExtension = values.out === undefined ? 'csv' : /\.xlsx$/i.test(values.out) ? 'xlsx' : /\.csv$/i.test(values.out) ? 'csv' : undefined;
  const format = values.format ?? fromExtension;
  if (format === undefined)
    problems.push({ code: 'invalid_value', message: `--out: expected a .xlsx or .csv file name, or give --format, got ${JSON.stringify(values.out)}` });
  else if (format !== 'xlsx' && format !== 'csv')
    problems.push({ code: 'invalid_value', message: `--format: expected xlsx or csv, got ${JSON.stringify(format)}` });
  if (format === 'xlsx' && values.out === undefined)
    problems.push({ code: 'required', message: '--format xlsx needs --out FILE.xlsx (a workbook is not written to the terminal)' });
  checkOptions(problems);
  const { plan } = loadEvaluationInputs({ plan: positionals[0] ?? '-', observations: values.observations }, io);
  const { formatPlanCsv, writePlanWorkbook } = await import('../../excel/index.js');
  if (format === 'xlsx') writeAtomically(values.out!, await writePlanWorkbook(plan));
  else {
    const text = formatPlanCsv(plan);
    if (values.out !== undefined) writeAtomically(values.out, text);
    else io.stdout(text);
  }
  return 0;
}
