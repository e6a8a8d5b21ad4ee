import { statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  BUNDLED_RULE_SET_IDS,
  ENGINE_CHOICES,
  EVALUATION_FORMATS,
  evaluatePlan,
  formatEvaluation,
  isCalendarDate,
  evaluatePlanStream,
  type EngineChoice,
  type EvaluateOptions,
  type Evaluation,
  type EvaluationFormat,
  type Gap,
  type Plan,
  type TaskResult,
  type EvaluationWarning,
  ROUNDINGS,
  type Rounding,
} from '../../index.js';
import { summarizeCounts } from '../../engine/evaluate-plan.js';
import { recognise } from '../../model/recognised.js';
import { evaluationJsonChunksOf } from '../../report/format-evaluation.js';
import { FLAT_RESULT_FIELDS, flatEvaluationJsonPieces, renderOutputPiece, startFlatEvaluation, type OutputPiece } from '../flat-layout.js';
import { checkOptions, loadEvaluationInputs, writeAtomically, type CliIo, type CommandLineProblem } from '../io.js';
import { startWriterThread, writeJsonPieces, writerThreadAvailable, type WriterThread } from '../json-writer.js';
import { clockOf, NO_PROGRESS, startProgress, type Progress } from '../progress.js';
import { warnAboutRuleFile } from './rule-warnings.js';

/**
 * Results per batch handed to the writer thread: small batches leave the main thread's young
 * generation emptier at each scavenge (measured on 100 000 tasks: 500 beat 250, 1000 and 2000).
 */
const FLAT_BATCH_SIZE = 500;

/** From this many tasks on, a writer thread renders and writes the JSON output (below, starting it costs more than it saves). */
const WRITER_THREAD_MIN_TASKS = 20_000;

/** Plan files from this size on (about 20 000 ordinary tasks) start the writer thread before they are read. */
const EARLY_WRITER_MIN_BYTES = 5 << 20;

export const EVALUATE_HELP = `用法 Usage: duban evaluate PLAN.json [options]

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
  --engine ENGINE        compiled(默认,编译后的同步规则)或 json-rules-engine(参照实现,逐项运行)
                         compiled (default) or json-rules-engine (the reference, one run per task)
  --rounding RULE        百分数的舍入：half-up(四舍五入,默认)或 half-even(GB/T 8170 修约)
                         how percentages are rounded: half-up (default) or half-even (GB/T 8170)
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

/** `duban evaluate`: classify every task of a plan. */
export async function evaluateCommand(args: string[], io: CliIo): Promise<number> {
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
      engine: { type: 'string' },
      rounding: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help === true) {
    io.stdout(EVALUATE_HELP);
    return 0;
  }
  const problems: CommandLineProblem[] = [];
  if (positionals.length !== 1)
    problems.push({
      code: positionals.length === 0 ? 'required' : 'too_many',
      message: positionals.length === 0 ? 'missing PLAN.json' : `expected one plan file, got ${positionals.length}: ${positionals.join(' ')}`,
    });
  const asOf = values['as-of'];
  if (asOf !== undefined && !isCalendarDate(asOf))
    problems.push({ code: 'invalid_date', message: `--as-of: not a real calendar date YYYY-MM-DD: ${JSON.stringify(asOf)}` });
  const format = (values.format ?? 'table') as EvaluationFormat;
  if (!(EVALUATION_FORMATS as readonly string[]).includes(format))
    problems.push({ code: 'invalid_value', message: `--format: expected one of ${EVALUATION_FORMATS.join(', ')}, got ${JSON.stringify(values.format)}` });
  const engine = (values.engine ?? 'compiled') as EngineChoice;
  if (!(ENGINE_CHOICES as readonly string[]).includes(engine))
    problems.push({ code: 'invalid_value', message: `--engine: expected one of ${ENGINE_CHOICES.join(', ')}, got ${JSON.stringify(values.engine)}` });
  const rounding = values.rounding as Rounding | undefined;
  if (rounding !== undefined && !ROUNDINGS.includes(rounding))
    problems.push({ code: 'invalid_value', message: `--rounding: expected one of ${ROUNDINGS.join(', ')}, got ${JSON.stringify(rounding)}` });
  checkOptions(problems);
  const planFile = positionals[0] ?? '-';
  // For a plan file large enough to want the writer thread, it starts now: its start-up overlaps with reading the plan.
  const early =
    format === 'json' && engine === 'compiled' && values.out !== undefined && writerThreadAvailable() && sizeOf(planFile) >= EARLY_WRITER_MIN_BYTES
      ? startWriterThread()
      : undefined;
  try {
    return await evaluateWith(planFile, { asOf, format, engine, rounding, out: values.out, rules: values.rules, observations: values.observations }, early, io);
  } finally {
    await early?.worker.terminate();
  }
}

/** The rest of `duban evaluate`, once the options are checked. */
async function evaluateWith(
  planFile: string,
  values: {
    asOf: string | undefined;
    format: EvaluationFormat;
    engine: EngineChoice;
    rounding: Rounding | undefined;
    out: string | undefined;
    rules: string | undefined;
    observations: string | undefined;
  },
  early: WriterThread | undefined,
  io: CliIo,
): Promise<number> {
  const { asOf, format, engine, rounding } = values;
  const startedAt = clockOf(io)();
  const { plan, rules } = loadEvaluationInputs({ plan: planFile, rules: values.rules, observations: values.observations }, io);
  const options = { asOf, rules, engine, rounding, ...(io.now === undefined ? {} : { now: io.now }) };
  const gaps: string[] = [];
  const warnings: EvaluationWarning[] = [];
  let ruleSet: string;
  const streamed = format === 'json' && engine === 'compiled';
  // On a terminal, a long run shows its progress on stderr (never between the lines of JSON streamed to that terminal).
  const progress = streamed && values.out === undefined && io.stdoutIsTTY === true ? NO_PROGRESS : startProgress(io, plan.tasks.length, startedAt);
  try {
    if (streamed) {
      // Stream: each task is evaluated as it is written, so very large plans need little memory.
      // Results come flat (arrays, not objects): cheapest to hand to the writer thread.
      const stream = startFlatEvaluation(plan, options, FLAT_BATCH_SIZE);
      ruleSet = stream.ruleFile.id;
      warnings.push(...stream.warnings);
      const unmatched: Gap[] = [];
      const pieces = counted(flatEvaluationJsonPieces(stream, unmatched), progress);
      // A large plan's output is rendered and written by a second thread while this one evaluates.
      if (values.out !== undefined)
        await writeJsonPieces(values.out, pieces, early ?? (plan.tasks.length >= WRITER_THREAD_MIN_TASKS && writerThreadAvailable()));
      else for (const piece of pieces) io.stdout(renderOutputPiece(piece));
      gaps.push(...unmatched.map((gap) => gap.taskId));
    } else {
      const evaluation = engine === 'compiled' ? evaluateCounted(plan, options, progress) : await evaluatePlan(plan, options);
      progress.end();
      ruleSet = evaluation.ruleSet;
      warnings.push(...evaluation.warnings);
      gaps.push(...evaluation.gaps.map((gap) => gap.taskId));
      // JSON in pieces: a very large evaluation's text would not fit in one string.
      const chunks = format === 'json' ? evaluationJsonChunksOf(evaluation) : [formatEvaluation(evaluation, format, plan)];
      if (values.out !== undefined) writeAtomically(values.out, chunks);
      else for (const chunk of chunks) io.stdout(chunk);
    }
  } finally {
    progress.end();
  }
  warnAboutRuleFile(rules, values.rules, io);
  for (const warning of warnings) io.stderr(`duban: 警告 / warning: ${warning.message}\n`);
  for (const taskId of gaps) io.stderr(`duban: rule gap: task ${JSON.stringify(taskId)} matched no rule in ${JSON.stringify(ruleSet)}\n`);
  return gaps.length > 0 ? 1 : 0;
}

/** The JSON output's pieces, counting the tasks of each batch of results as done. */
function* counted(pieces: Iterable<OutputPiece>, progress: Progress): Generator<OutputPiece, void, undefined> {
  for (const piece of pieces) {
    if (typeof piece !== 'string' && 'flat' in piece) progress.advance(piece.flat.length / FLAT_RESULT_FIELDS);
    yield piece;
  }
}

/** Tasks counted in steps of this many: the clock is read once a step. */
const PROGRESS_STEP = 256;

/**
 * The evaluation `evaluatePlanSync` gives, made from `evaluatePlanStream`'s
 * results one at a time so that they can be counted as they come.
 */
export function evaluateCounted(plan: Plan, options: EvaluateOptions, progress: Progress): Evaluation {
  const stream = evaluatePlanStream(plan, options);
  const results: TaskResult[] = [];
  const counts = new Map<string | null, number>();
  for (const result of stream.results) {
    counts.set(result.status, (counts.get(result.status) ?? 0) + 1);
    if (results.push(result) % PROGRESS_STEP === 0) progress.advance(PROGRESS_STEP);
  }
  progress.advance(results.length % PROGRESS_STEP);
  const gaps: Gap[] = results.filter((result) => result.status === null).map(({ taskId, title, facts }) => ({ taskId, title, facts }));
  // Built here from duban's own results: recognised, so formatting it does not check its shape again.
  return recognise('evaluation', {
    planId: stream.planId,
    asOf: stream.asOf,
    ruleSet: stream.ruleFile.id,
    results,
    gaps,
    summary: summarizeCounts(stream.ruleFile, counts),
    warnings: stream.warnings,
  });
}

/** The size of a file in bytes, or -1 (stdin, or not there: reading it reports the problem). */
function sizeOf(file: string): number {
  if (file === '-') return -1;
  try {
    return statSync(file).size;
  } catch {
    return -1;
  }
}
