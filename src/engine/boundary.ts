/*
 * The engine's side of the library's boundary (see model/boundary.ts): rule
 * files, evaluations and facts handed to exported functions are recognised
 * when duban returned them, and validated otherwise.
 */
import { argumentIssue, type DubanIssue } from '../errors.js';
import { invalidOption, isPlainObject, kindOf, refuse } from '../model/check-arguments.js';
import { isCalendarDate } from '../model/calendar-date.js';
import { isRecognised } from '../model/recognised.js';
import type { ExactFacts } from '../pace/compute-facts.js';
import type { CustomOperator } from './operators.js';
import type { Evaluation } from './evaluate-plan.js';
import { safeParseRuleFile, type RuleFile } from './parse-rule-file.js';

/**
 * A rule file: one `parseRuleFile` returned, at once; else the value is
 * validated as `parseRuleFile` validates it (with the names of the operators
 * the caller registers), so a rule file straight from `JSON.parse` gets the
 * same load errors as from a file. With `typeMistakes: 'keep'` (for
 * checkRuleFile, which reports them) a file whose only load errors are type
 * mistakes (a value that can never match its fact) is taken as built.
 *
 * @throws DubanError `INVALID_RULE_FILE` with every issue
 */
export function ensureRuleFile(value: unknown, operators?: Readonly<Record<string, CustomOperator>>, typeMistakes: 'refuse' | 'keep' = 'refuse'): RuleFile {
  if (isRecognised('rule file', value)) return value as RuleFile;
  if (!isPlainObject(value))
    refuse('INVALID_RULE_FILE', [
      { code: 'invalid_type', path: '$', keys: [], message: `expected a rule file object (see parseRuleFile), got ${kindOf(value)}` },
    ]);
  const result = safeParseRuleFile(value, operators === undefined ? {} : { operators: Object.keys(operators) });
  if (result.success) return result.data;
  // Type mistakes are the only messages that start with the rule's name in Chinese (parse-rule-file.ts).
  if (typeMistakes === 'keep' && result.error.issues.every((issue) => issue.message.startsWith('规则「'))) return value as unknown as RuleFile;
  throw result.error;
}

/** Facts of one task: the ones `computeFacts` (or a fact computer) returned. */
export function ensureFacts(value: unknown, path = 'facts'): ExactFacts {
  if (isRecognised('facts', value)) return value as ExactFacts;
  return invalidOption(path, `expected facts computed by computeFacts or createFactComputer, got ${kindOf(value)}`);
}

type Check = (value: unknown) => boolean;
const isString: Check = (value) => typeof value === 'string';
const orNull =
  (check: Check): Check =>
  (value) =>
    value === null || check(value);
const isBoolean: Check = (value) => typeof value === 'boolean';
const isInteger: Check = (value) => Number.isSafeInteger(value);
const isCount: Check = (value) => Number.isSafeInteger(value) && (value as number) >= 0;

/** The facts of a result as the JSON output writes them. */
const FACTS_JSON: Readonly<Record<string, Check>> = {
  kind: isString,
  cancelled: isBoolean,
  hasData: isBoolean,
  value: orNull(isString),
  target: orNull(isString),
  progress: orNull(isString),
  expected: orNull(isString),
  paceGap: orNull(isString),
  paceRatio: orNull(isString),
  met: orNull(isBoolean),
  onPace: orNull(isBoolean),
  margin: orNull(isString),
  overdue: isBoolean,
  daysToDeadline: isInteger,
  overdueMilestones: isCount,
  dataAgeDays: orNull(isInteger),
  dataCoversPeriod: orNull(isBoolean),
  flags: (value) => Array.isArray(value) && value.every(isString),
};

const RESULT: Readonly<Record<string, Check>> = {
  taskId: isString,
  title: isString,
  status: orNull(isString),
  label: orNull(isString),
  rule: orNull(isString),
  explanation: isString,
};
const GAP: Readonly<Record<string, Check>> = { taskId: isString, title: isString };
const STATUS_COUNT: Readonly<Record<string, Check>> = { status: isString, label: isString, count: isCount };

type Where = [string, ...PropertyKey[]];

function checkFields(value: unknown, fields: Readonly<Record<string, Check>>, path: Where, issues: DubanIssue[]): value is Record<string, unknown> {
  if (!isPlainObject(value)) {
    issues.push(argumentIssue('invalid_type', path, `expected an object, got ${kindOf(value)}`));
    return false;
  }
  for (const [key, check] of Object.entries(fields)) {
    if (!check(value[key]))
      issues.push(
        argumentIssue(
          Object.hasOwn(value, key) ? 'invalid_type' : 'required',
          [...path, key],
          `${Object.hasOwn(value, key) ? 'wrong type' : 'missing'}: got ${kindOf(value[key])}`,
        ),
      );
  }
  return true;
}

function checkList(value: unknown, path: Where, issues: DubanIssue[], each: (item: unknown, path: Where) => void): void {
  if (!Array.isArray(value)) {
    issues.push(argumentIssue('invalid_type', path, `expected a list, got ${kindOf(value)}`));
    return;
  }
  for (let i = 0; i < value.length && issues.length < 100; i++) each(value[i], [...path, i]);
}

/**
 * An evaluation: one `evaluatePlan` (or `evaluatePlanSync`) returned, at once;
 * else its shape is checked (the JSON output of `duban evaluate --format json`,
 * read back, passes) so that the report functions never meet a wrong type.
 *
 * @throws DubanError `INVALID_OPTION` naming every field of the wrong type (at most 100)
 */
export function ensureEvaluation(value: unknown, where: readonly [string, ...PropertyKey[]] = ['evaluation']): Evaluation {
  if (isRecognised('evaluation', value)) return value as Evaluation;
  const issues: DubanIssue[] = [];
  const at = (path: PropertyKey[]): Where => [...where, ...path];
  if (checkFields(value, { planId: isString, asOf: isCalendarDate, ruleSet: isString }, at([]), issues)) {
    const facts = (item: Record<string, unknown>, path: Where) => checkFields(item.facts, FACTS_JSON, [...path, 'facts'], issues);
    checkList(value.results, at(['results']), issues, (item, path) => {
      if (checkFields(item, RESULT, path, issues)) facts(item, path);
    });
    checkList(value.gaps, at(['gaps']), issues, (item, path) => {
      if (checkFields(item, GAP, path, issues)) facts(item, path);
    });
    if (checkFields(value.summary, { total: isCount }, at(['summary']), issues)) {
      checkList((value.summary as Record<string, unknown>).byStatus, at(['summary', 'byStatus']), issues, (item, path) =>
        checkFields(item, STATUS_COUNT, path, issues),
      );
    }
  }
  if (issues.length > 0) refuse('INVALID_OPTION', issues);
  return value as Evaluation;
}

/** One evaluation or a non-empty list of them, each checked by {@link ensureEvaluation}. */
export function ensureEvaluations(value: unknown): readonly Evaluation[] {
  if (!Array.isArray(value)) return [ensureEvaluation(value)];
  if (value.length === 0) invalidOption('evaluations', 'give at least one evaluation', 'too_small');
  return value.map((item, i) => ensureEvaluation(item, ['evaluations', i]));
}
