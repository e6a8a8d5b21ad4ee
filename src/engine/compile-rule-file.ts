import { DubanError } from '../errors.js';
import { operatorsOption, readOptions } from '../model/check-arguments.js';
import { ensureRuleFile } from './boundary.js';
import type { Classification } from './classifier.js';
import type { CustomOperator } from './operators.js';
import type { Condition, Rule, RuleFile, Status } from './parse-rule-file.js';

/** A compiled condition: returns what json-rules-engine's evaluation would resolve to (usually a boolean). */
type Compiled = (facts: Readonly<Record<string, unknown>>) => unknown;

type Evaluator = (factValue: unknown, conditionValue: unknown) => unknown;

/** json-rules-engine's fact-value validator for its numeric operators, reproduced exactly. */
const isNumberLike = (value: unknown): boolean =>
  // For a number, parseFloat reads back its own string: NaN for NaN, a number (±Infinity included) otherwise.
  typeof value === 'number' ? !Number.isNaN(value) : Number.parseFloat(value as string).toString() !== 'NaN';

/**
 * The built-in operators with json-rules-engine's exact semantics (7.3.1,
 * `engine-default-operators.js`): the validator runs first, then the comparison.
 */
const BUILT_IN: Readonly<Record<string, Evaluator>> = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  in: (a, b) => (b as unknown[]).indexOf(a) > -1,
  notIn: (a, b) => (b as unknown[]).indexOf(a) === -1,
  contains: (a, b) => Array.isArray(a) && a.indexOf(b) > -1,
  doesNotContain: (a, b) => Array.isArray(a) && a.indexOf(b) === -1,
  lessThan: (a, b) => isNumberLike(a) && (a as number) < (b as number),
  lessThanInclusive: (a, b) => isNumberLike(a) && (a as number) <= (b as number),
  greaterThan: (a, b) => isNumberLike(a) && (a as number) > (b as number),
  greaterThanInclusive: (a, b) => isNumberLike(a) && (a as number) >= (b as number),
};

type Facts = Readonly<Record<string, unknown>>;

function undefinedFact(name: string): never {
  throw new DubanError('ENGINE_ERROR', `Undefined fact: ${name}`);
}

function readFact(facts: Facts, name: string): unknown {
  if (!Object.hasOwn(facts, name)) undefinedFact(name);
  return facts[name];
}

/**
 * A reader per fact duban computes, each a load of one named property: every
 * condition reading a computed fact stays fast, where one shared keyed read
 * would see every fact name. Same behaviour as {@link readFact}.
 */
const READERS: Readonly<Record<string, (facts: Facts) => unknown>> = {
  kind: (f) => (Object.hasOwn(f, 'kind') ? f.kind : undefinedFact('kind')),
  cancelled: (f) => (Object.hasOwn(f, 'cancelled') ? f.cancelled : undefinedFact('cancelled')),
  hasData: (f) => (Object.hasOwn(f, 'hasData') ? f.hasData : undefinedFact('hasData')),
  value: (f) => (Object.hasOwn(f, 'value') ? f.value : undefinedFact('value')),
  target: (f) => (Object.hasOwn(f, 'target') ? f.target : undefinedFact('target')),
  progress: (f) => (Object.hasOwn(f, 'progress') ? f.progress : undefinedFact('progress')),
  expected: (f) => (Object.hasOwn(f, 'expected') ? f.expected : undefinedFact('expected')),
  paceGap: (f) => (Object.hasOwn(f, 'paceGap') ? f.paceGap : undefinedFact('paceGap')),
  paceRatio: (f) => (Object.hasOwn(f, 'paceRatio') ? f.paceRatio : undefinedFact('paceRatio')),
  met: (f) => (Object.hasOwn(f, 'met') ? f.met : undefinedFact('met')),
  onPace: (f) => (Object.hasOwn(f, 'onPace') ? f.onPace : undefinedFact('onPace')),
  margin: (f) => (Object.hasOwn(f, 'margin') ? f.margin : undefinedFact('margin')),
  overdue: (f) => (Object.hasOwn(f, 'overdue') ? f.overdue : undefinedFact('overdue')),
  daysToDeadline: (f) => (Object.hasOwn(f, 'daysToDeadline') ? f.daysToDeadline : undefinedFact('daysToDeadline')),
  overdueMilestones: (f) => (Object.hasOwn(f, 'overdueMilestones') ? f.overdueMilestones : undefinedFact('overdueMilestones')),
  dataAgeDays: (f) => (Object.hasOwn(f, 'dataAgeDays') ? f.dataAgeDays : undefinedFact('dataAgeDays')),
  dataCoversPeriod: (f) => (Object.hasOwn(f, 'dataCoversPeriod') ? f.dataCoversPeriod : undefinedFact('dataCoversPeriod')),
  flags: (f) => (Object.hasOwn(f, 'flags') ? f.flags : undefinedFact('flags')),
};

/** The reader of a fact: its own for a computed fact, else a keyed read. */
const reader = (name: string): ((facts: Facts) => unknown) => (Object.hasOwn(READERS, name) ? READERS[name]! : (facts) => readFact(facts, name));

/**
 * A condition on a literal with a built-in operator, as one closure without
 * the call through the operator table; `undefined` for anything else.
 */
function builtInCondition(read: (facts: Facts) => unknown, operator: string, value: unknown): Compiled | undefined {
  switch (operator) {
    case 'equal':
      return (facts) => read(facts) === value;
    case 'notEqual':
      return (facts) => read(facts) !== value;
    case 'lessThan':
      return (facts) => {
        const fact = read(facts);
        return isNumberLike(fact) && (fact as number) < (value as number);
      };
    case 'lessThanInclusive':
      return (facts) => {
        const fact = read(facts);
        return isNumberLike(fact) && (fact as number) <= (value as number);
      };
    case 'greaterThan':
      return (facts) => {
        const fact = read(facts);
        return isNumberLike(fact) && (fact as number) > (value as number);
      };
    case 'greaterThanInclusive':
      return (facts) => {
        const fact = read(facts);
        return isNumberLike(fact) && (fact as number) >= (value as number);
      };
    default:
      return undefined;
  }
}

function compileCondition(condition: Condition, operators: ReadonlyMap<string, Evaluator>): Compiled {
  if ('all' in condition || 'any' in condition) {
    const isAll = 'all' in condition;
    const children = (isAll ? condition.all : condition.any).map((child) => compileCondition(child, operators));
    // json-rules-engine: an empty list is true, a single condition passes its result through,
    // several are all evaluated (no short-circuit) and compared with `=== true`.
    if (children.length === 0) return () => true;
    if (children.length === 1) return children[0]!;
    return isAll
      ? (facts) => {
          let passed = true;
          for (const child of children) if (child(facts) !== true) passed = false;
          return passed;
        }
      : (facts) => {
          let passed = false;
          for (const child of children) if (child(facts) === true) passed = true;
          return passed;
        };
  }
  if ('not' in condition) {
    const child = compileCondition(condition.not, operators);
    return (facts) => !child(facts);
  }
  const { fact, operator, value } = condition;
  const evaluate = operators.get(operator);
  if (evaluate === undefined) throw new DubanError('ENGINE_ERROR', `Unknown operator: ${operator}`);
  const read = reader(fact);
  if (typeof value === 'object' && value !== null && Object.hasOwn(value, 'fact')) {
    const readOther = reader((value as { fact: string }).fact);
    return (facts) => {
      const right = readOther(facts);
      return evaluate(read(facts), right);
    };
  }
  // A built-in operator the application has not replaced: straight to the comparison.
  const direct = Object.hasOwn(BUILT_IN, operator) && evaluate === BUILT_IN[operator] ? builtInCondition(read, operator, value) : undefined;
  return direct ?? ((facts) => evaluate(read(facts), value));
}

/**
 * Options for {@link compileRuleFile}.
 *
 * @category Engine
 */
export interface CompileOptions {
  /** Operators the application registers on purpose, called exactly as json-rules-engine calls them. */
  readonly operators?: Readonly<Record<string, CustomOperator>> | undefined;
}

/**
 * A rule file compiled into synchronous closures.
 *
 * @category Engine
 */
export interface CompiledRuleFile {
  /** The rule file it applies. */
  readonly ruleFile: RuleFile;
  /**
   * Classifies one set of facts synchronously, with the same result as json-rules-engine.
   *
   * @param facts - a value for every fact the rules read
   * @returns the winner, every matching rule, or a gap
   */
  classify(facts: Readonly<Record<string, unknown>>): Classification;
  /**
   * The winner alone: the same status and rule as {@link CompiledRuleFile.classify}
   * (every rule is still evaluated), without the list of every matching rule
   * and without a new object per call; `null` for a gap (also when the winning
   * rule's event names a status the rule file does not list).
   *
   * @param facts - a value for every fact the rules read
   * @returns the winning rule and its status, or `null`
   */
  decide(facts: Readonly<Record<string, unknown>>): Decision | null;
}

/**
 * The winning rule and its status (see {@link CompiledRuleFile.decide}).
 *
 * @category Engine
 */
export interface Decision {
  /** The status the rule's event names. */
  readonly status: Status;
  /** The rule that decided. */
  readonly rule: Rule;
}

/**
 * Compiles a validated rule file into plain synchronous JavaScript closures
 * (no `eval`, no `new Function`: it runs under a strict Content-Security-Policy).
 * Every condition form and operator duban accepts is covered, with
 * json-rules-engine's semantics reproduced exactly — its quirks included (numeric
 * operators are false on non-numbers, `in` uses `indexOf`, a single condition
 * passes its raw result through). Differential property tests check that it
 * always gives the same status, rule and gap as json-rules-engine.
 *
 * @param ruleFile - a rule file validated by `parseRuleFile`
 * @param options - operators registered by the application
 * @returns the compiled rule file
 * @throws {@link DubanError} `ENGINE_ERROR` for an operator that is not registered
 * @example
 * ```ts
 * const compiled = compileRuleFile(parseRuleFile(bundledRuleFileJson('four-level')));
 * compiled.classify(factsForEngine(facts)).status?.label; // '有序推进'
 * ```
 * @category Engine
 */
export function compileRuleFile(ruleFile: RuleFile, options: CompileOptions = {}): CompiledRuleFile {
  options = readOptions<CompileOptions>(options, { operators: operatorsOption });
  return compileRuleFileAsBuilt(ensureRuleFile(ruleFile, options.operators), options);
}

/**
 * {@link compileRuleFile} without the boundary checks: for a rule file already
 * validated, or one built in code that the differential tests use as built.
 * Internal: not part of the package's API.
 */
export function compileRuleFileAsBuilt(ruleFile: RuleFile, options: CompileOptions = {}): CompiledRuleFile {
  const operators = new Map<string, Evaluator>(Object.entries(BUILT_IN));
  for (const [name, operator] of Object.entries(options.operators ?? {})) operators.set(name, operator);
  const statuses = new Map(ruleFile.statuses.map((status) => [status.code, status]));
  // The winner policy: highest priority, then file order. Sorting is stable, so file order is kept.
  const ordered = ruleFile.rules
    .map((rule) => ({ rule, test: compileCondition(rule.conditions, operators) }))
    .sort((a, b) => b.rule.priority - a.rule.priority);
  // A winner whose event names no listed status (a rule file that did not go through parseRuleFile) gives no status,
  // so status, label and rule are all null together, as for a task no rule matched.
  const decisions: readonly (Decision | null)[] = ordered.map(({ rule }) => {
    const status = statuses.get(rule.event.type);
    return status === undefined ? null : { status, rule };
  });
  return {
    ruleFile,
    classify(facts) {
      // Like json-rules-engine, every rule is evaluated (an error anywhere fails the run).
      const matched: Rule[] = [];
      for (const { rule, test } of ordered) if (test(facts)) matched.push(rule);
      const status = matched.length === 0 ? undefined : statuses.get(matched[0]!.event.type);
      return status === undefined ? { status: null, rule: null, matched } : { status, rule: matched[0]!, matched };
    },
    decide(facts) {
      let first = -1;
      for (let i = 0; i < ordered.length; i++) if (ordered[i]!.test(facts) && first < 0) first = i;
      return first < 0 ? null : decisions[first]!;
    },
  };
}
