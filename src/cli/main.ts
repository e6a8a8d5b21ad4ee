import { readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  BUNDLED_RULE_SET_IDS,
  DubanError,
  EVALUATION_FORMATS,
  evaluatePlan,
  formatEvaluation,
  isBundledRuleSetId,
  isCalendarDate,
  isDubanError,
  mergeObservations,
  parseObservations,
  parseObservationsCsv,
  parsePlan,
  parseRuleFile,
  type BundledRuleSetId,
  type EvaluationFormat,
  type RuleFile,
} from '../index.js';
import { version } from '../../package.json';

const MAIN_HELP = `duban ${version} — 政府工作报告目标督办 / tracking the targets of government work reports

用法 Usage:
  duban evaluate PLAN.json [options]   评估计划中的每项任务 / classify every task of a plan
  duban --help                         显示帮助 / show this help
  duban --version                      显示版本 / show the version

运行 duban evaluate --help 查看评估选项。 Run duban evaluate --help for its options.
文档 Docs: https://github.com/duban-dev/duban#readme
`;

const EVALUATE_HELP = `用法 Usage: duban evaluate PLAN.json [options]

按序时进度评估计划中的每项任务,并用规则集判定状态。
Computes every task's facts at the as-of date and classifies them with a rule set.
PLAN.json 可为 - ,表示从标准输入读取。 PLAN.json may be - to read the plan from stdin.

选项 Options:
  --as-of YYYY-MM-DD     评估日期;默认取计划的 asOf,否则为北京时间今天
                         the as-of date (default: the plan's asOf, else today in UTC+8)
  --rules ID_OR_FILE     内置规则集 ${BUNDLED_RULE_SET_IDS.join(' | ')},或规则文件路径;默认 four-level
                         a bundled rule set id or a rule file's path (default four-level)
  --observations FILE    合并报送数据文件(JSON 或 CSV:taskId,asOf,value,unit,note)
                         merge observations from a JSON or CSV file
  --format FORMAT        ${EVALUATION_FORMATS.join(' | ')};默认 table(终端表格)
                         output format (default table)
  --out FILE             写入文件而非标准输出 / write there instead of stdout
  -h, --help             显示帮助 / show this help

退出码 Exit status:
  0  成功 / success
  1  有任务未被任何规则匹配(仍输出结果并列出缺口)/ some task matched no rule (output still written, gaps listed)
  2  输入错误:计划、报送数据或规则文件无效,日期或选项无效(不输出任何结果)
     bad input: invalid plan, observations or rule file, date or option (nothing written)

示例 Examples:
  duban evaluate examples/xianning-2018-q1.plan.json --as-of 2018-03-31
  duban evaluate plan.json --rules three-level --format json --out result.json
  duban evaluate plan.json --observations q2.csv --rules ./my-rules.json --format markdown
`;

/** A usage problem: reported like invalid input, exit 2. */
function usage(message: string): DubanError {
  return new DubanError('INVALID_OPTION', message, { issues: [{ path: 'options', message }], source: 'command line' });
}

function readText(file: string, stdin: () => string): string {
  try {
    return file === '-' ? stdin() : readFileSync(file, 'utf8');
  } catch (cause) {
    const code = (cause as { code?: string }).code;
    throw new DubanError('INVALID_OPTION', `cannot read ${file}`, {
      issues: [{ path: '$', message: code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a directory' : `cannot read (${code ?? String(cause)})` }],
      source: file,
      cause,
    });
  }
}

function loadRules(spec: string | undefined, read: (file: string) => string): RuleFile | undefined {
  if (spec === undefined || isBundledRuleSetId(spec)) return undefined;
  if (!/[\\/]|\.json$/i.test(spec)) throw usage(`unknown rule set ${JSON.stringify(spec)}; bundled: ${BUNDLED_RULE_SET_IDS.join(', ')}, or give a rule file's path`);
  return parseRuleFile(read(spec), { source: spec });
}

/** Writes a file atomically: to a temporary file beside it, then renamed, so a failure leaves nothing half-written. */
function writeAtomically(file: string, text: string): void {
  const temporary = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, file);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // nothing to clean up
    }
    throw error;
  }
}

/** The process's streams and exit, injectable for tests. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly stdin: () => string;
  readonly now?: number;
}

async function evaluateCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      'as-of': { type: 'string' },
      rules: { type: 'string' },
      observations: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help === true) {
    io.stdout(EVALUATE_HELP);
    return 0;
  }
  const problems: string[] = [];
  if (positionals.length !== 1) problems.push(positionals.length === 0 ? 'missing PLAN.json' : `expected one plan file, got ${positionals.length}: ${positionals.join(' ')}`);
  const asOf = values['as-of'];
  if (asOf !== undefined && !isCalendarDate(asOf)) problems.push(`--as-of: not a real calendar date YYYY-MM-DD: ${JSON.stringify(asOf)}`);
  const format = (values.format ?? 'table') as EvaluationFormat;
  if (!(EVALUATION_FORMATS as readonly string[]).includes(format)) problems.push(`--format: expected one of ${EVALUATION_FORMATS.join(', ')}, got ${JSON.stringify(values.format)}`);
  if (problems.length > 0) {
    throw new DubanError('INVALID_OPTION', 'invalid command line', { issues: problems.map((message) => ({ path: 'options', message })), source: 'command line' });
  }
  const planFile = positionals[0] ?? '-';
  const read = (file: string) => readText(file, io.stdin);

  // Load everything first and collect every input error before writing anything.
  const errors: DubanError[] = [];
  const attempt = <T>(load: () => T): T | undefined => {
    try {
      return load();
    } catch (error) {
      if (!isDubanError(error)) throw error;
      errors.push(error);
      return undefined;
    }
  };
  let plan = attempt(() => parsePlan(read(planFile), { source: planFile === '-' ? 'stdin' : planFile }));
  const rules = attempt(() => loadRules(values.rules, read));
  const observationsFile = values.observations;
  if (observationsFile !== undefined) {
    const observations = attempt(() => {
      const text = read(observationsFile);
      if (/\.csv$/i.test(observationsFile)) return parseObservationsCsv(text, plan?.id ?? '', { source: observationsFile });
      return parseObservations(text, { source: observationsFile });
    });
    if (plan !== undefined && observations !== undefined) {
      const base = plan;
      plan = attempt(() => mergeObservations(base, observations, { source: observationsFile }));
    }
  }
  if (errors.length > 0 || plan === undefined) throw errors.length === 1 ? errors[0]! : new AggregateError(errors);

  const evaluation = await evaluatePlan(plan, {
    asOf,
    rules: rules ?? (values.rules as BundledRuleSetId | undefined),
    ...(io.now === undefined ? {} : { now: io.now }),
  });
  const text = formatEvaluation(evaluation, format);
  if (values.out !== undefined) writeAtomically(values.out, text);
  else io.stdout(text);
  for (const gap of evaluation.gaps) io.stderr(`duban: rule gap: task ${JSON.stringify(gap.taskId)} matched no rule in ${JSON.stringify(evaluation.ruleSet)}\n`);
  return evaluation.gaps.length > 0 ? 1 : 0;
}

/** Formats input errors as one line per problem: `file: path: message`. */
function reportErrors(error: unknown, io: CliIo): boolean {
  const list = error instanceof AggregateError ? (error.errors as unknown[]) : [error];
  if (!list.every(isDubanError)) return false;
  for (const item of list) {
    const source = item.source ?? 'input';
    if (item.issues.length === 0) io.stderr(`duban: ${source}: ${item.message}\n`);
    for (const issue of item.issues) io.stderr(`duban: ${source}: ${issue.path}: ${issue.message}\n`);
  }
  return true;
}

/**
 * Runs the `duban` command with its arguments and returns the exit status.
 *
 * @param argv - the arguments after the program name
 * @param io - where to write and read
 * @returns 0 on success, 1 for rule gaps, 2 for bad input
 */
export async function main(argv: string[], io: CliIo): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.stdout(MAIN_HELP);
      return command === undefined ? 2 : 0;
    }
    if (command === '--version' || command === '-v') {
      io.stdout(`${version}\n`);
      return 0;
    }
    if (command === 'evaluate') return await evaluateCommand(rest, io);
    throw usage(`unknown command ${JSON.stringify(command)}; run duban --help`);
  } catch (error) {
    if (reportErrors(error, io)) return 2;
    const code = (error as { code?: string }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`duban: command line: ${(error as Error).message}\n`);
      return 2;
    }
    io.stderr(`duban: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 3;
  }
}

