import { parseArgs } from 'node:util';
import {
  BULLETIN_FORMATS,
  BUNDLED_RULE_SET_IDS,
  evaluatePlan,
  formatBulletin,
  isCalendarDate,
  reportingDates,
  type BulletinFormat,
  type Evaluation,
  type MainIndicators,
  ROUNDINGS,
  type Rounding,
} from '../../index.js';
import { checkOptions, loadEvaluationInputs, writeAtomically, type CliIo, type CommandLineProblem } from '../io.js';
import { warnAboutRuleFile } from './rule-warnings.js';

export const REPORT_HELP = `用法 Usage: duban report PLAN.json [options]

生成督查通报:总体情况(各状态项数及名单)、主要指标、进度滞后和存在问题的工作、
分类/分单位/分领导统计;给出多个评估日期时另附进度变化。
Writes a 督查 bulletin: overall counts and names per status, main indicators,
the tasks behind 序时进度 or with problems, counts per category, lead unit and
leader; with several as-of dates, each task's status history.
PLAN.json 可为 - ,表示从标准输入读取。 PLAN.json may be - to read the plan from stdin.

选项 Options:
  --as-of DATE           评估日期,可重复给出多个(以最后一个为通报日期,其余用于进度变化);
                         all 表示所有报送日期及计划的 asOf。默认取计划的 asOf,否则为北京时间今天
                         the as-of date; repeat it for a trend (the latest is reported);
                         "all" means every observation date plus the plan's asOf
  --rules ID_OR_FILE     内置规则集 ${BUNDLED_RULE_SET_IDS.join(' | ')},或规则文件路径;默认 four-level
                         a bundled rule set id or a rule file's path (default four-level)
  --observations FILE    合并报送数据文件(JSON 或 CSV:taskId,asOf,value,unit,note)
                         merge observations from a JSON or CSV file
  --format FORMAT        ${BULLETIN_FORMATS.join(' | ')} | xlsx | docx;默认 markdown。html 为带图表的单个自包含网页;
                         xlsx 为带状态颜色的工作簿(总体情况、每类一张表、分单位统计),须给出 --out;
                         docx 为按 GB/T 9704 公文格式排版的 Word 文档,须给出 --out
                         output format (default markdown); html is one self-contained page with
                         charts; xlsx is a colour-coded workbook (needs --out); docx is a Word
                         document in the GB/T 9704 layout (needs --out)
  --indicators WHICH     主要指标:rate(比率类目标)、none(不单列)、category:ID[,ID](这些类别的任务);
                         默认按计划的 mainIndicators,计划未写时为 rate
                         the main indicators: rate, none, or category:ID[,ID]; default what
                         the plan's mainIndicators says, else rate
  --rounding RULE        百分数的舍入：half-up(四舍五入,默认)或 half-even(GB/T 8170 修约)
                         how percentages are rounded: half-up (default) or half-even (GB/T 8170)
  --title TEXT           通报标题;默认为“<计划名称>落实情况通报” / the bulletin's title
  --out FILE             写入文件而非标准输出 / write there instead of stdout
  -h, --help             显示帮助 / show this help

退出码 Exit status:
  0  成功 / success
  1  有任务未被任何规则匹配(仍输出通报,列为“未判定”)/ some task matched no rule (bulletin still written)
  2  输入错误(不输出任何结果)/ bad input (nothing written)

示例 Examples:
  duban report examples/xuchang-2017-h1.plan.json
  duban report examples/jinzhou-2016-h1.plan.json --rules three-level --indicators category:1 --format text
  duban report plan.json --as-of 2018-03-31 --as-of 2018-06-30 --format html --out bulletin.html
  duban report plan.json --as-of all --format html --out trend.html
  duban report plan.json --format xlsx --out result.xlsx
  duban report plan.json --format docx --out 通报.docx
`;

function parseIndicators(value: string | undefined, problems: CommandLineProblem[]): MainIndicators | undefined {
  if (value === undefined || value === 'rate' || value === 'none') return value;
  const match = /^category:(.+)$/.exec(value);
  const ids =
    match?.[1]
      ?.split(',')
      .map((id) => id.trim())
      .filter((id) => id !== '') ?? [];
  if (ids.length === 0) {
    problems.push({ code: 'invalid_value', message: `--indicators: expected rate, none or category:ID[,ID], got ${JSON.stringify(value)}` });
    return undefined;
  }
  return { categories: ids };
}

/** `duban report`: write a bulletin. */
export async function reportCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      'as-of': { type: 'string', multiple: true },
      rules: { type: 'string' },
      observations: { type: 'string' },
      format: { type: 'string' },
      indicators: { type: 'string' },
      rounding: { type: 'string' },
      title: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help === true) {
    io.stdout(REPORT_HELP);
    return 0;
  }
  const problems: CommandLineProblem[] = [];
  if (positionals.length !== 1)
    problems.push({
      code: positionals.length === 0 ? 'required' : 'too_many',
      message: positionals.length === 0 ? 'missing PLAN.json' : `expected one plan file, got ${positionals.length}: ${positionals.join(' ')}`,
    });
  const asOf = values['as-of'] ?? [];
  const all = asOf.includes('all');
  if (all && asOf.length > 1) problems.push({ code: 'inconsistent', message: '--as-of all cannot be combined with other dates' });
  for (const date of asOf)
    if (date !== 'all' && !isCalendarDate(date))
      problems.push({ code: 'invalid_date', message: `--as-of: not a real calendar date YYYY-MM-DD: ${JSON.stringify(date)}` });
  const format = (values.format ?? 'markdown') as BulletinFormat | 'xlsx' | 'docx';
  if (format !== 'xlsx' && format !== 'docx' && !(BULLETIN_FORMATS as readonly string[]).includes(format))
    problems.push({
      code: 'invalid_value',
      message: `--format: expected one of ${BULLETIN_FORMATS.join(', ')}, xlsx, docx, got ${JSON.stringify(values.format)}`,
    });
  if (format === 'xlsx' && values.out === undefined)
    problems.push({ code: 'required', message: '--format xlsx needs --out FILE.xlsx (a workbook is not written to the terminal)' });
  if (format === 'docx' && values.out === undefined)
    problems.push({
      code: 'required',
      message:
        '--format docx 须给出 --out 文件名.docx(Word 文档不输出到终端) / --format docx needs --out FILE.docx (a Word document is not written to the terminal)',
    });
  const mainIndicators = parseIndicators(values.indicators, problems);
  if (values.title !== undefined && values.title.trim() === '') problems.push({ code: 'required', message: '--title must not be empty' });
  const rounding = values.rounding as Rounding | undefined;
  if (rounding !== undefined && !ROUNDINGS.includes(rounding))
    problems.push({ code: 'invalid_value', message: `--rounding: expected one of ${ROUNDINGS.join(', ')}, got ${JSON.stringify(rounding)}` });
  checkOptions(problems);

  const { plan, rules } = loadEvaluationInputs({ plan: positionals[0] ?? '-', rules: values.rules, observations: values.observations }, io);
  const dates: (string | undefined)[] = all ? reportingDates(plan) : asOf.length > 0 ? [...new Set(asOf)].sort() : [undefined];
  if (dates.length === 0) checkOptions([{ code: 'required', message: `--as-of all: plan ${JSON.stringify(plan.id)} has no observations and no asOf` }]);
  const evaluations: Evaluation[] = [];
  for (const date of dates) evaluations.push(await evaluatePlan(plan, { asOf: date, rules, rounding, ...(io.now === undefined ? {} : { now: io.now }) }));
  if (format === 'xlsx') {
    const { writeEvaluationWorkbook } = await import('../../excel/index.js');
    writeAtomically(values.out!, await writeEvaluationWorkbook(plan, evaluations, { title: values.title, mainIndicators }));
  } else if (format === 'docx') {
    const { writeBulletinDocx } = await import('../../docx/index.js');
    writeAtomically(values.out!, await writeBulletinDocx(plan, evaluations, { title: values.title, mainIndicators, rounding }));
  } else {
    const text = formatBulletin(plan, evaluations, { format, title: values.title, mainIndicators, rounding });
    if (values.out !== undefined) writeAtomically(values.out, text);
    else io.stdout(text);
  }
  warnAboutRuleFile(rules, values.rules, io);
  // The bulletin stands at the latest date: its warnings are the ones that matter.
  for (const warning of evaluations.at(-1)?.warnings ?? []) io.stderr(`duban: 警告 / warning: ${warning.message}\n`);
  let gaps = 0;
  for (const evaluation of evaluations) {
    for (const gap of evaluation.gaps)
      io.stderr(`duban: rule gap: task ${JSON.stringify(gap.taskId)} matched no rule in ${JSON.stringify(evaluation.ruleSet)} as of ${evaluation.asOf}\n`);
    gaps += evaluation.gaps.length;
  }
  return gaps > 0 ? 1 : 0;
}
