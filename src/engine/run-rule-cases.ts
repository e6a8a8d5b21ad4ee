import { DubanError, inputErrorCode, jsonIssue, type DubanIssue } from '../errors.js';
import type { CalendarDate } from '../model/calendar-date.js';
import { invalidOption, kindOf, operatorsOption, readOptions, stringOption } from '../model/check-arguments.js';
import { parseJsonText, safeParsePlan } from '../model/parse-input.js';
import { isRecognised, recognise } from '../model/recognised.js';
import { ruleCasesSchema } from '../model/rule-cases.js';
import { toDubanIssues } from '../model/schema-kit.js';
import type { Plan } from '../model/types.js';
import { computeFacts } from '../pace/compute-facts.js';
import { FACT_CATALOGUE } from '../pace/fact-catalogue.js';
import { factsForEngine } from '../pace/fact-values.js';
import { factConstraintViolations } from './check/fact-model.js';
import { ensureRuleFile } from './boundary.js';
import { createClassifier } from './classifier.js';
import type { CustomOperator } from './operators.js';
import type { RuleFile } from './parse-rule-file.js';

/**
 * The task of a task case: a plan holding only that task, and the as-of date
 * its facts were computed at.
 *
 * @category Engine
 */
export interface RuleCaseTask {
  /** The plan (the case file's period and pace, and the one task). */
  readonly plan: Plan;
  /** The as-of date. */
  readonly asOf: CalendarDate;
}

/**
 * One validated test case: the facts to classify (given, or computed from a
 * task at an as-of date) and the status expected.
 *
 * @category Engine
 */
export interface RuleCase {
  /** The case's name. */
  readonly name: string;
  /** Every fact, as the rules engine reads them. */
  readonly facts: Readonly<Record<string, unknown>>;
  /** For a task case: the plan (holding only that task) and the as-of date its facts were computed at. */
  readonly task: RuleCaseTask | null;
  /** The expected status code, or `null` when a gap is expected. */
  readonly expected: string | null;
  /** The rule expected to decide, if the case names one. */
  readonly rule: string | null;
}

/**
 * A validated case file.
 *
 * @category Engine
 */
export interface RuleCases {
  /** The rule set the cases are written for, if the file says. */
  readonly ruleSet: string | null;
  /** The cases, in file order. */
  readonly cases: readonly RuleCase[];
}

/**
 * Options for {@link parseRuleCases}.
 *
 * @category Engine
 */
export interface ParseRuleCasesOptions {
  /** The file name, for error messages. */
  readonly source?: string;
}

/**
 * The outcome of one case.
 *
 * @category Engine
 */
export interface RuleCaseResult {
  /** The case's name. */
  readonly name: string;
  /** Whether the status (and the rule, if the case names one) came out as expected. */
  readonly passed: boolean;
  /** The expected status code (`null`: a gap). */
  readonly expected: string | null;
  /** The status code the rules gave (`null`: no rule matched). */
  readonly actual: string | null;
  /** The rule that decided, or `null`. */
  readonly rule: string | null;
  /** Why it failed, in English (`null` when it passed). */
  readonly message: string | null;
  /** Remarks that do not fail the case: for instance, facts that no real task can produce. */
  readonly warnings: readonly string[];
}

/**
 * The outcome of a case file.
 *
 * @category Engine
 */
export interface RuleCasesResult {
  /** The rule file's id. */
  readonly ruleSet: string;
  /** How many cases passed. */
  readonly passed: number;
  /** How many failed. */
  readonly failed: number;
  /** One result per case, in file order. */
  readonly results: readonly RuleCaseResult[];
}

/**
 * Options for {@link runRuleCases}.
 *
 * @category Engine
 */
export interface RunRuleCasesOptions {
  /** Operators the application registers on purpose. */
  readonly operators?: Readonly<Record<string, CustomOperator>> | undefined;
}

const FACT_NAMES = FACT_CATALOGUE.map((fact) => fact.name as string);

/**
 * Validates a rule test case file. A case gives either `facts` (merged over
 * the file's `defaultFacts`; every fact must then be present) or a `task` (as
 * in a plan, within the file's `period` and `pace`) with an `asOf` date, and
 * the `expected` status code (`null` to expect a gap).
 *
 * @param input - the case file as parsed JSON, or its JSON text
 * @param options - the file name for messages
 * @returns the cases, with every task case's facts computed
 * @throws {@link DubanError} `INVALID_RULE_CASES` (`LIMIT_EXCEEDED` over a limit) listing every problem with its JSON path
 * @example
 * ```ts
 * const cases = parseRuleCases(readFileSync('rules/four-level.cases.json', 'utf8'));
 * ```
 * @category Engine
 */
export function parseRuleCases(input: unknown, options: ParseRuleCasesOptions = {}): RuleCases {
  options = readOptions<ParseRuleCasesOptions>(options, { source: stringOption });
  const fail = (issues: DubanIssue[]) =>
    new DubanError(
      inputErrorCode('INVALID_RULE_CASES', issues),
      `${options.source ?? 'rule cases'}: ${issues.length === 1 ? '1 problem' : `${issues.length} problems`}`,
      {
        issues,
        ...(options.source === undefined ? {} : { source: options.source }),
      },
    );
  let data = input;
  if (typeof input === 'string') {
    const parsed = parseJsonText(input);
    if (!parsed.ok) throw fail(parsed.issues);
    data = parsed.value;
  }
  const shape = ruleCasesSchema.safeParse(data);
  if (!shape.success) throw fail(toDubanIssues(shape.error, data));
  const file = shape.data;
  const issues: DubanIssue[] = [];
  const cases: RuleCase[] = [];
  const raw = (data as { cases: unknown[] }).cases;
  file.cases.forEach((item, i) => {
    const at = (...path: PropertyKey[]) => ['cases', i, ...path];
    const base = { name: item.name, expected: item.expected, rule: item.rule ?? null };
    if ((item.facts === undefined) === (item.task === undefined)) {
      issues.push(
        jsonIssue(
          item.facts === undefined ? 'required' : 'inconsistent',
          at(),
          `case ${JSON.stringify(item.name)}: give either "facts" or "task", not ${item.facts === undefined ? 'neither' : 'both'}`,
        ),
      );
      return;
    }
    if (item.facts !== undefined) {
      if (item.asOf !== undefined) issues.push(jsonIssue('inconsistent', at('asOf'), `case ${JSON.stringify(item.name)}: "asOf" applies only to a task case`));
      const facts: Record<string, unknown> = { ...file.defaultFacts, ...item.facts };
      const missing = FACT_NAMES.filter((fact) => !Object.hasOwn(facts, fact));
      if (missing.length > 0)
        issues.push(
          jsonIssue(
            'required',
            at('facts'),
            `case ${JSON.stringify(item.name)}: missing facts ${missing.join(', ')} (give them in the case or in "defaultFacts")`,
          ),
        );
      else cases.push({ ...base, facts: Object.fromEntries(FACT_NAMES.map((fact) => [fact, facts[fact]])), task: null });
      return;
    }
    if (item.asOf === undefined) issues.push(jsonIssue('required', at('asOf'), `case ${JSON.stringify(item.name)}: a task case needs "asOf"`));
    if (file.period === undefined) {
      issues.push(jsonIssue('required', ['period'], 'task cases need the plan "period"'));
      return;
    }
    const rawTask = (raw[i] as { task: unknown }).task;
    const plan = safeParsePlan({
      formatVersion: 1,
      id: 'rule-cases',
      title: 'rule cases',
      period: file.period,
      ...((data as { pace?: unknown }).pace === undefined ? {} : { pace: (data as { pace?: unknown }).pace }),
      tasks: [rawTask],
    });
    if (!plan.success) {
      for (const issue of plan.error.issues)
        issues.push(
          jsonIssue(
            issue.code,
            issue.keys[0] === 'tasks' && issue.keys[1] === 0 ? at('task', ...issue.keys.slice(2)) : issue.keys,
            `case ${JSON.stringify(item.name)}: ${issue.message}`,
          ),
        );
      return;
    }
    if (item.asOf === undefined) return;
    const task = plan.data.tasks[0]!;
    cases.push({ ...base, facts: { ...factsForEngine(computeFacts(plan.data, task, item.asOf)) }, task: { plan: plan.data, asOf: item.asOf } });
  });
  if (issues.length > 0) throw fail(issues);
  return recognise('rule cases', { ruleSet: file.ruleSet ?? null, cases });
}

/**
 * Runs test cases against a rule file, like a test runner: each case's facts
 * are classified by json-rules-engine (see `createClassifier`) and its status
 * (and rule, if named) compared with the expected one. Facts that no real task
 * can produce do not fail a case but are reported in its `warnings`.
 *
 * @param ruleFile - a validated rule file
 * @param cases - cases from `parseRuleCases`
 * @param options - registered operators
 * @returns one result per case and the counts
 * @throws {@link DubanError} `ENGINE_ERROR` if json-rules-engine fails
 * @example
 * ```ts
 * const result = await runRuleCases(parseRuleFile(rulesJson), parseRuleCases(casesJson));
 * console.log(`${result.passed} passed, ${result.failed} failed`);
 * ```
 * @category Engine
 */
export async function runRuleCases(ruleFile: RuleFile, cases: RuleCases, options: RunRuleCasesOptions = {}): Promise<RuleCasesResult> {
  options = readOptions<RunRuleCasesOptions>(options, { operators: operatorsOption });
  ruleFile = ensureRuleFile(ruleFile, options.operators);
  if (!isRecognised('rule cases', cases)) invalidOption('cases', `expected rule cases returned by parseRuleCases, got ${kindOf(cases)}`);
  const classifier = createClassifier(ruleFile, options.operators === undefined ? {} : { operators: options.operators });
  const codes = new Set(ruleFile.statuses.map((status) => status.code));
  const results: RuleCaseResult[] = [];
  for (const item of cases.cases) {
    const { status, rule } = await classifier.classify(item.facts);
    const actual = status?.code ?? null;
    const problems: string[] = [];
    if (item.expected !== null && !codes.has(item.expected))
      problems.push(`expected status ${JSON.stringify(item.expected)} is not in the rule file's statuses`);
    if (actual !== item.expected)
      problems.push(
        `expected ${item.expected === null ? 'no status (a gap)' : JSON.stringify(item.expected)}, got ${actual === null ? 'no status (a gap)' : JSON.stringify(actual)}${rule === null ? '' : ` from rule ${JSON.stringify(rule.name)}`}`,
      );
    if (item.rule !== null && rule?.name !== item.rule)
      problems.push(`expected rule ${JSON.stringify(item.rule)} to decide, got ${rule === null ? 'none' : JSON.stringify(rule.name)}`);
    const violations = item.task === null ? factConstraintViolations(item.facts) : [];
    results.push({
      name: item.name,
      passed: problems.length === 0,
      expected: item.expected,
      actual,
      rule: rule?.name ?? null,
      message: problems.length === 0 ? null : problems.join('; '),
      warnings: violations.map((violation) => `no real task has these facts: ${violation}`),
    });
  }
  const passed = results.filter((result) => result.passed).length;
  return { ruleSet: ruleFile.id, passed, failed: results.length - passed, results };
}
