import { argumentIssue, DubanError, isDubanError } from '../errors.js';
import { ensurePlan } from '../model/boundary.js';
import type { CalendarDate } from '../model/calendar-date.js';
import {
  dateOption,
  finiteNumberOption,
  isPlainObject,
  kindOf,
  oneOfOption,
  operatorsOption,
  readOptions,
  stringListOption,
  type OptionSpec,
} from '../model/check-arguments.js';
import { recognise } from '../model/recognised.js';
import type { Plan, Task } from '../model/types.js';
import { quote } from '../model/schema-kit.js';
import { factComputer, type ExactFacts } from '../pace/compute-facts.js';
import { factsForEngineOf, factsToJsonOf, type FactsJson } from '../pace/fact-values.js';
import { todayInChina } from '../pace/today.js';
import { asOfWarnings, type AsOfSource, type EvaluationWarning } from './as-of-warnings.js';
import { ROUNDINGS, type Rounding } from './wording.js';
import { bundledRuleFileJson, isBundledRuleSetId, BUNDLED_RULE_SET_IDS, type BundledRuleSetId } from './bundled-rule-sets.js';
import { ensureRuleFile } from './boundary.js';
import type { Classification } from './classifier.js';
import { compileRuleFile, type CompiledRuleFile, type Decision } from './compile-rule-file.js';
import { explainTaskOf } from './explain-task.js';
import type { CustomOperator } from './operators.js';
import { parseRuleFile, type RuleFile } from './parse-rule-file.js';

/**
 * Options for {@link evaluatePlan}, {@link evaluatePlanSync} and {@link evaluatePlanStream}.
 *
 * @category Engine
 */
export interface EvaluateOptions {
  /** The as-of date; default the plan's `asOf`, else today in UTC+8. */
  readonly asOf?: CalendarDate | undefined;
  /** A bundled rule set id or a validated rule file; default `four-level`. */
  readonly rules?: BundledRuleSetId | RuleFile | undefined;
  /** Operators the application registers on purpose (their names must also be given to `parseRuleFile`). */
  readonly operators?: Readonly<Record<string, CustomOperator>> | undefined;
  /** The current time in ms since the epoch, for the default as-of date (default `Date.now()`). */
  readonly now?: number | undefined;
  /**
   * Which evaluator classifies: `"compiled"` (default; synchronous closures that
   * always agree with json-rules-engine, see `compileRuleFile`) or
   * `"json-rules-engine"` (the reference implementation, one `run()` per task).
   */
  readonly engine?: EngineChoice | undefined;
  /**
   * How the explanations round percentages: `half-up` (四舍五入, default) or
   * `half-even` (GB/T 8170 修约). The facts are exact and not affected.
   */
  readonly rounding?: Rounding | undefined;
  /**
   * Evaluate only the tasks with these ids, in the plan's order (an id given
   * twice counts once); the gaps, counts and warnings are those of these tasks.
   * An id the plan does not have is a {@link DubanError} `UNKNOWN_TASK`.
   * Default: every task.
   */
  readonly tasks?: readonly string[] | undefined;
}

/**
 * The evaluators duban can classify with.
 *
 * @category Engine
 */
export const ENGINE_CHOICES = ['compiled', 'json-rules-engine'] as const;

/**
 * An evaluator: `compiled` or `json-rules-engine`.
 *
 * @category Engine
 */
export type EngineChoice = (typeof ENGINE_CHOICES)[number];

/**
 * The evaluation of one task.
 *
 * @category Engine
 */
export interface TaskResult {
  /** The task id. */
  readonly taskId: string;
  /** The task's title. */
  readonly title: string;
  /** The status code, or `null` for a gap. */
  readonly status: string | null;
  /** The status label, or `null` for a gap. */
  readonly label: string | null;
  /** The name of the rule that decided, or `null` for a gap. */
  readonly rule: string | null;
  /** Every fact, written as in the JSON output. */
  readonly facts: FactsJson;
  /** A sentence in Chinese for a bulletin. */
  readonly explanation: string;
}

/**
 * A task that no rule matched: a gap in the rule file.
 *
 * @category Engine
 */
export interface Gap {
  /** The task id. */
  readonly taskId: string;
  /** The task's title. */
  readonly title: string;
  /** The facts no rule matched. */
  readonly facts: FactsJson;
}

/**
 * How many tasks got one status.
 *
 * @category Engine
 */
export interface StatusCount {
  /** The status code. */
  readonly status: string;
  /** Its label. */
  readonly label: string;
  /** The number of tasks. */
  readonly count: number;
}

/**
 * How many tasks got each status.
 *
 * @category Engine
 */
export interface Summary {
  /** All tasks, cancelled ones too. */
  readonly total: number;
  /** Every status of the rule file, in its order, zeros included. */
  readonly byStatus: readonly StatusCount[];
}

/**
 * The evaluation of a plan: exactly the JSON output of `duban evaluate --format json`.
 *
 * @category Engine
 */
export interface Evaluation {
  /** The plan's id. */
  readonly planId: string;
  /** The as-of date used. */
  readonly asOf: CalendarDate;
  /** The rule file's id. */
  readonly ruleSet: string;
  /** One result per task, in the plan's order. */
  readonly results: readonly TaskResult[];
  /** The tasks no rule matched. */
  readonly gaps: readonly Gap[];
  /** The counts per status. */
  readonly summary: Summary;
  /** What may make the results unfit for a bulletin: an as-of date nobody chose, outside the plan's period, or far past its latest figures. */
  readonly warnings: readonly EvaluationWarning[];
}

/** Where the as-of date comes from: the option, else the plan's, else today in UTC+8. */
function asOfSource(plan: Plan, options: EvaluateOptions): AsOfSource {
  return options.asOf !== undefined ? 'option' : plan.asOf !== undefined ? 'plan' : 'today';
}

/**
 * The checks of the {@link EvaluateOptions} that `reportPlan` shares (all but
 * `tasks`); `rules` is validated in full by {@link resolveRules}.
 */
export const EVALUATE_OPTIONS: OptionSpec = {
  asOf: dateOption,
  rules: (value) => (typeof value === 'string' || isPlainObject(value) ? undefined : `expected a bundled rule set id or a rule file, got ${kindOf(value)}`),
  operators: operatorsOption,
  now: finiteNumberOption,
  engine: oneOfOption(ENGINE_CHOICES),
  rounding: oneOfOption(ROUNDINGS),
};

const PLAN_EVALUATE_OPTIONS: OptionSpec = { ...EVALUATE_OPTIONS, tasks: stringListOption };

/**
 * The arguments of an evaluation, checked at the boundary: the plan as
 * `ensurePlan` accepts it (a parsed plan at once), the options by
 * {@link EVALUATE_OPTIONS} and `tasks` (null and undefined are `{}`). With
 * `tasks`, the plan is narrowed to those tasks. Internal.
 */
export function evaluationArguments(plan: unknown, options: unknown): { plan: Plan; options: EvaluateOptions } {
  const checked = ensurePlan(plan);
  const read = readOptions<EvaluateOptions>(options, PLAN_EVALUATE_OPTIONS);
  return { plan: read.tasks === undefined ? checked : selectTasks(checked, read.tasks), options: read };
}

/** The plan with only the tasks of these ids, in its order; an unknown id is UNKNOWN_TASK. */
function selectTasks(plan: Plan, ids: readonly string[]): Plan {
  const known = new Set(plan.tasks.map((task) => task.id));
  const unknown = ids.flatMap((id, i) =>
    known.has(id)
      ? []
      : [
          argumentIssue(
            'unknown_reference',
            ['tasks', i],
            `计划 ${quote(plan.id)} 中没有编号为 ${quote(id)} 的任务 / no task with id ${quote(id)} in plan ${quote(plan.id)}`,
          ),
        ],
  );
  if (unknown.length > 0) {
    const first = ids.find((id) => !known.has(id))!;
    const message =
      unknown.length === 1
        ? `没有编号为 ${quote(first)} 的任务 / no task with id ${quote(first)}`
        : `${unknown.length} 个任务编号不在计划中，第一个是 ${quote(first)} / ${unknown.length} task ids not in the plan, the first ${quote(first)}`;
    throw new DubanError('UNKNOWN_TASK', message, { issues: unknown });
  }
  const wanted = new Set(ids);
  // Some tasks of a validated plan are a validated plan.
  return recognise('plan', { ...plan, tasks: plan.tasks.filter((task) => wanted.has(task.id)) });
}

/** Resolves the as-of date: the option, else the plan's, else today in UTC+8. */
function resolveAsOf(plan: Plan, options: EvaluateOptions): CalendarDate {
  if (options.asOf !== undefined) return options.asOf;
  return plan.asOf ?? todayInChina(options.now);
}

function resolveRules(options: EvaluateOptions): RuleFile {
  const rules = options.rules ?? 'four-level';
  if (typeof rules !== 'string') return ensureRuleFile(rules, options.operators);
  if (!isBundledRuleSetId(rules)) {
    throw new DubanError('INVALID_OPTION', `unknown rule set ${quote(rules)}`, {
      issues: [
        { code: 'unknown_reference', path: 'rules', keys: ['rules'], message: `unknown rule set ${quote(rules)}; bundled: ${BUNDLED_RULE_SET_IDS.join(', ')}` },
      ],
    });
  }
  return parseRuleFile(bundledRuleFileJson(rules), { source: `rules/${rules}.json` });
}

function toResult(
  plan: Plan,
  task: Task,
  asOf: CalendarDate,
  facts: ExactFacts,
  decision: Pick<Classification, 'status' | 'rule'> | null,
  rounding: Rounding,
): TaskResult {
  return {
    taskId: task.id,
    title: task.title,
    status: decision?.status?.code ?? null,
    label: decision?.status?.label ?? null,
    rule: decision?.rule?.name ?? null,
    facts: factsToJsonOf(facts),
    explanation: explainTaskOf(plan, task, facts, asOf, rounding),
  };
}

function resolveEngine(options: EvaluateOptions): EngineChoice {
  const engine = options.engine ?? 'compiled';
  if (!(ENGINE_CHOICES as readonly string[]).includes(engine)) {
    throw new DubanError('INVALID_OPTION', `unknown engine ${quote(engine)}`, {
      issues: [
        { code: 'invalid_value', path: 'engine', keys: ['engine'], message: `unknown engine ${quote(engine)}; expected ${ENGINE_CHOICES.join(' or ')}` },
      ],
    });
  }
  return engine;
}

/**
 * Everything an evaluation needs, resolved once: the as-of date, the rule file,
 * the compiled classifier and a fact computer whose caches are shared by all tasks.
 * Internal.
 */
export interface Prepared {
  readonly asOf: CalendarDate;
  readonly ruleFile: RuleFile;
  readonly facts: (task: Task) => ExactFacts;
  readonly warnings: readonly EvaluationWarning[];
  readonly rounding: Rounding;
}

function resolveRounding(options: EvaluateOptions): Rounding {
  const { rounding } = options;
  if (rounding === undefined) return 'half-up';
  if (!ROUNDINGS.includes(rounding)) {
    throw new DubanError('INVALID_OPTION', `unknown rounding ${quote(rounding)}`, {
      issues: [{ code: 'invalid_value', path: 'rounding', keys: ['rounding'], message: `expected one of ${ROUNDINGS.join(', ')}, got ${quote(rounding)}` }],
    });
  }
  return rounding;
}

function prepare(plan: Plan, options: EvaluateOptions): Prepared {
  const asOf = resolveAsOf(plan, options);
  const rounding = resolveRounding(options);
  return { asOf, ruleFile: resolveRules(options), facts: factComputer(plan, asOf), warnings: asOfWarnings(plan, asOf, asOfSource(plan, options)), rounding };
}

function* generate(plan: Plan, prepared: Prepared, compiled: CompiledRuleFile): Generator<TaskResult, void, undefined> {
  for (const task of plan.tasks) {
    const exact = prepared.facts(task);
    yield toResult(plan, task, prepared.asOf, exact, decideSafely(compiled, exact), prepared.rounding);
  }
}

/**
 * The prepared evaluation and the compiled rules of a synchronous evaluation.
 * Internal: also for the CLI's flat output layout (src/cli/flat-layout.ts).
 */
export function prepareCompiled(plan: Plan, options: EvaluateOptions): { prepared: Prepared; compiled: CompiledRuleFile } {
  if (resolveEngine(options) !== 'compiled') {
    throw new DubanError('INVALID_OPTION', 'synchronous evaluation needs engine "compiled"', {
      issues: [{ code: 'unsupported', path: 'engine', keys: ['engine'], message: 'use evaluatePlan for engine "json-rules-engine"' }],
    });
  }
  const prepared = prepare(plan, options);
  return { prepared, compiled: compileRuleFile(prepared.ruleFile, options.operators === undefined ? {} : { operators: options.operators }) };
}

/**
 * An evaluation in progress: what is known before the first task, and the task
 * results as a lazy sequence (see {@link evaluatePlanStream}).
 *
 * @category Engine
 */
export interface EvaluationStream {
  /** The plan's id. */
  readonly planId: string;
  /** The as-of date used. */
  readonly asOf: CalendarDate;
  /** The rule file used. */
  readonly ruleFile: RuleFile;
  /** The evaluation's warnings (see {@link Evaluation}). */
  readonly warnings: readonly EvaluationWarning[];
  /** One result per task, in the plan's order, computed as they are read. */
  readonly results: Iterable<TaskResult>;
}

/**
 * Evaluates a plan as a stream: synchronously, with the compiled rules, each
 * task's result computed when it is read, so a plan of a million tasks can be
 * written out without holding every result in memory. The results are those
 * of {@link evaluatePlanSync}, in the plan's order; a result with
 * `status: null` is a gap. Options are checked at once, before the first result.
 *
 * @param plan - a validated plan
 * @param options - as-of date, rule set, registered operators, tasks (`engine` must be `"compiled"` or absent)
 * @returns the stream
 * @throws {@link DubanError} as {@link evaluatePlan}
 * @example
 * ```ts
 * const stream = evaluatePlanStream(plan, { rules: 'traffic-light' });
 * for (const chunk of formatEvaluationJsonChunks(stream)) out.write(chunk);
 * for (const result of evaluatePlanStream(plan, { asOf: '2018-06-30' }).results) out.write(JSON.stringify(result));
 * ```
 * @category Engine
 */
export function evaluatePlanStream(plan: Plan, options: EvaluateOptions = {}): EvaluationStream {
  ({ plan, options } = evaluationArguments(plan, options));
  const { prepared, compiled } = prepareCompiled(plan, options);
  return recognise('evaluation stream', {
    planId: plan.id,
    asOf: prepared.asOf,
    ruleFile: prepared.ruleFile,
    warnings: prepared.warnings,
    results: { [Symbol.iterator]: () => generate(plan, prepared, compiled) },
  });
}

/** The compiled rules' decision on a task's facts; a failure of a rule (an application's operator) is an ENGINE_ERROR. Internal. */
export function decideSafely(compiled: CompiledRuleFile, facts: ExactFacts): Decision | null {
  try {
    return compiled.decide(factsForEngineOf(facts));
  } catch (cause) {
    if (isDubanError(cause)) throw cause;
    throw new DubanError('ENGINE_ERROR', `rule evaluation failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

/**
 * Collects task results into an {@link Evaluation}: the gaps and the summary.
 *
 * @param plan - the plan evaluated
 * @param asOf - the as-of date used
 * @param ruleFile - the rule file used
 * @param results - one result per task, in the plan's order
 * @param warnings - the as-of warnings
 * @returns the evaluation
 */
function assemble(plan: Plan, asOf: CalendarDate, ruleFile: RuleFile, results: TaskResult[], warnings: readonly EvaluationWarning[]): Evaluation {
  const gaps: Gap[] = results.filter((result) => result.status === null).map(({ taskId, title, facts }) => ({ taskId, title, facts }));
  return recognise('evaluation', {
    planId: plan.id,
    asOf,
    ruleSet: ruleFile.id,
    results,
    gaps,
    summary: summarizeCounts(ruleFile, countStatuses(results)),
    warnings,
  });
}

/**
 * Evaluates every task of a plan synchronously with the compiled rules; the same
 * result as {@link evaluatePlan}, without a promise per task.
 *
 * @param plan - a validated plan (see `parsePlan`)
 * @param options - as-of date, rule set and registered operators
 * @returns the evaluation
 * @throws {@link DubanError} as {@link evaluatePlan}
 * @example
 * ```ts
 * const evaluation = evaluatePlanSync(plan, { asOf: '2018-03-31', rules: 'three-level' });
 * ```
 * @category Engine
 */
export function evaluatePlanSync(plan: Plan, options: EvaluateOptions = {}): Evaluation {
  ({ plan, options } = evaluationArguments(plan, options));
  return evaluateCompiled(plan, options);
}

/** {@link evaluatePlanSync} of checked arguments. */
function evaluateCompiled(plan: Plan, options: EvaluateOptions): Evaluation {
  const { prepared, compiled } = prepareCompiled(plan, options);
  return assemble(plan, prepared.asOf, prepared.ruleFile, [...generate(plan, prepared, compiled)], prepared.warnings);
}

/**
 * Evaluates every task of a plan at an as-of date: computes its facts,
 * classifies them with the rule file (the highest priority wins, then file
 * order) and explains the result in Chinese. Tasks no rule matches are listed in
 * `gaps` with their facts, never given a default status. The result is the JSON
 * output of `duban evaluate --format json`, and the same inputs always give the
 * same output. By default the rules run compiled (see `compileRuleFile`); pass
 * `engine: "json-rules-engine"` to run json-rules-engine itself, task by task.
 *
 * @param plan - a validated plan (see `parsePlan`)
 * @param options - as-of date, rule set, registered operators, engine, rounding and the tasks to evaluate
 * @returns the evaluation
 * @throws {@link DubanError} `INVALID_OPTION` for a bad as-of date, rule set id or engine, `UNKNOWN_TASK` for an id in `tasks` the plan does not have, `ENGINE_ERROR` if rule evaluation fails
 * @example
 * ```ts
 * const evaluation = await evaluatePlan(parsePlan(json), { asOf: '2018-03-31', rules: 'four-level' });
 * for (const result of evaluation.results) console.log(result.taskId, result.label, result.explanation);
 * const [t09] = (await evaluatePlan(plan, { asOf: '2018-03-31', tasks: ['T09'] })).results;
 * ```
 * @category Engine
 */
export async function evaluatePlan(plan: Plan, options: EvaluateOptions = {}): Promise<Evaluation> {
  ({ plan, options } = evaluationArguments(plan, options));
  if (resolveEngine(options) === 'compiled') return evaluateCompiled(plan, options);
  const { asOf, ruleFile, facts, warnings, rounding } = prepare(plan, options);
  // json-rules-engine (and its dependencies) only when asked for: an app's bundler makes this
  // import a chunk loaded on demand, so the default engine does not bring it along.
  const { createClassifier } = await import('./classifier.js');
  const classifier = createClassifier(ruleFile, options.operators === undefined ? {} : { operators: options.operators });
  const results: TaskResult[] = [];
  for (const task of plan.tasks) {
    const exact = facts(task);
    results.push(toResult(plan, task, asOf, exact, await classifier.classify(factsForEngineOf(exact)), rounding));
  }
  return assemble(plan, asOf, ruleFile, results, warnings);
}

function countStatuses(results: readonly Pick<TaskResult, 'status'>[]): Map<string | null, number> {
  const counts = new Map<string | null, number>();
  for (const result of results) counts.set(result.status, (counts.get(result.status) ?? 0) + 1);
  return counts;
}

/**
 * The counts per status of a rule file, in the order of its `statuses`, zeros
 * included, from counts per status code (`null` for gaps); `total` counts every
 * task. Internal: an evaluation's `summary`.
 */
export function summarizeCounts(ruleFile: RuleFile, counts: ReadonlyMap<string | null, number>): Summary {
  let total = 0;
  for (const count of counts.values()) total += count;
  return { total, byStatus: ruleFile.statuses.map(({ code, label }) => ({ status: code, label, count: counts.get(code) ?? 0 })) };
}
