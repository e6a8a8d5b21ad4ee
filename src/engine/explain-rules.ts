import { Engine } from 'json-rules-engine';
import { DubanError } from '../errors.js';
import { invalidOption, isPlainObject, kindOf, operatorsOption, readOptions } from '../model/check-arguments.js';
import { ensureRuleFile } from './boundary.js';
import type { CustomOperator } from './operators.js';
import type { Condition, RuleFile } from './parse-rule-file.js';

/**
 * The result of one condition: `true`, `false`, or `not-evaluated` when
 * json-rules-engine did not evaluate it.
 *
 * @category Engine
 */
export type ConditionOutcome = 'true' | 'false' | 'not-evaluated';

/**
 * How one condition node came out, with its children for `all`, `any` and `not`.
 *
 * @category Engine
 */
export interface ConditionExplanation {
  /** `all`, `any`, `not` or `leaf`. */
  readonly node: 'all' | 'any' | 'not' | 'leaf';
  /** The JSON path of the node in the rule file. */
  readonly path: string;
  /** For a leaf: the fact compared. */
  readonly fact: string | null;
  /** For a leaf: the fact's value as the engine read it. */
  readonly factValue: unknown;
  /** For a leaf: the operator. */
  readonly operator: string | null;
  /** For a leaf: the value as written (a literal, or `{ fact }`). */
  readonly value: unknown;
  /** For a leaf: the value compared with (the other fact's value for `{ fact }`). */
  readonly valueResult: unknown;
  /** The node's result. */
  readonly result: ConditionOutcome;
  /** The child nodes (empty for a leaf). */
  readonly children: readonly ConditionExplanation[];
}

/**
 * How one rule came out.
 *
 * @category Engine
 */
export interface RuleExplanation {
  /** The rule's name. */
  readonly name: string;
  /** Its priority. */
  readonly priority: number;
  /** Its position in the file (0-based). */
  readonly index: number;
  /** The status code it assigns. */
  readonly status: string;
  /** That status's label. */
  readonly label: string;
  /** Whether its conditions held. */
  readonly matched: boolean;
  /** Whether it decided the status. */
  readonly winner: boolean;
  /** Its conditions, node by node. */
  readonly conditions: ConditionExplanation;
}

/**
 * Why a set of facts gets its status: every rule in the order the winner is
 * chosen (priority, then file order), each condition's values and result, and
 * the reason in Chinese and English.
 *
 * @category Engine
 */
export interface RulesExplanation {
  /** The rule file's id. */
  readonly ruleSet: string;
  /** The facts explained, as the engine read them. */
  readonly facts: Readonly<Record<string, unknown>>;
  /** Every rule, highest priority first, ties in file order. */
  readonly rules: readonly RuleExplanation[];
  /** The winning rule's name, or `null` for a gap. */
  readonly winner: string | null;
  /** The status code, or `null` for a gap. */
  readonly status: string | null;
  /** The status label, or `null` for a gap. */
  readonly label: string | null;
  /** Why the winner won (or why there is none), in Chinese. */
  readonly reasonZh: string;
  /** The same in English. */
  readonly reason: string;
}

/**
 * Options for {@link explainRules}.
 *
 * @category Engine
 */
export interface ExplainRulesOptions {
  /** Operators the application registers on purpose. */
  readonly operators?: Readonly<Record<string, CustomOperator>> | undefined;
}

interface EngineNode {
  readonly all?: EngineNode[];
  readonly any?: EngineNode[];
  readonly not?: EngineNode;
  readonly factResult?: unknown;
  readonly valueResult?: unknown;
  readonly result?: boolean;
}

const outcome = (result: boolean | undefined): ConditionOutcome => (result === undefined ? 'not-evaluated' : result ? 'true' : 'false');

function explainNode(ours: Condition, theirs: EngineNode | undefined, path: string): ConditionExplanation {
  const base = { fact: null, factValue: null, operator: null, value: null, valueResult: null };
  if ('all' in ours) {
    return {
      ...base,
      node: 'all',
      path,
      result: outcome(theirs?.result),
      children: ours.all.map((child, i) => explainNode(child, theirs?.all?.[i], `${path}.all[${i}]`)),
    };
  }
  if ('any' in ours) {
    return {
      ...base,
      node: 'any',
      path,
      result: outcome(theirs?.result),
      children: ours.any.map((child, i) => explainNode(child, theirs?.any?.[i], `${path}.any[${i}]`)),
    };
  }
  if ('not' in ours) return { ...base, node: 'not', path, result: outcome(theirs?.result), children: [explainNode(ours.not, theirs?.not, `${path}.not`)] };
  const evaluated = theirs?.result !== undefined;
  return {
    node: 'leaf',
    path,
    fact: ours.fact,
    factValue: evaluated ? (theirs.factResult ?? null) : null,
    operator: ours.operator,
    value: ours.value,
    valueResult: evaluated ? (theirs.valueResult ?? null) : null,
    result: outcome(theirs?.result),
    children: [],
  };
}

/**
 * Explains how a rule file classifies a set of facts: runs json-rules-engine
 * and reads back, for every rule, each condition's fact value, operator, value
 * and result (`not-evaluated` where the engine skipped a condition — with
 * duban's grammar every condition has the same priority, and the engine then
 * evaluates all conditions of an `all` or `any` together, so this shows only
 * when the engine really did not evaluate one). Rules are listed in the order
 * the winner is chosen: highest priority first, ties in file order.
 *
 * @param ruleFile - a validated rule file
 * @param facts - a value for every fact the rules read (see `factsForEngine`)
 * @param options - registered operators
 * @returns the explanation
 * @throws {@link DubanError} `ENGINE_ERROR` if json-rules-engine fails
 * @example
 * ```ts
 * const why = await explainRules(ruleFile, factsForEngine(computeFacts(plan, task, '2018-03-31')));
 * console.log(why.reasonZh);
 * ```
 * @category Engine
 */
export async function explainRules(ruleFile: RuleFile, facts: Readonly<Record<string, unknown>>, options: ExplainRulesOptions = {}): Promise<RulesExplanation> {
  options = readOptions<ExplainRulesOptions>(options, { operators: operatorsOption });
  ruleFile = ensureRuleFile(ruleFile, options.operators);
  if (!isPlainObject(facts)) invalidOption('facts', `expected an object of facts (see factsForEngine), got ${kindOf(facts)}`);
  const engine = new Engine([], { allowUndefinedFacts: false });
  let run;
  try {
    for (const [name, operator] of Object.entries(options.operators ?? {})) engine.addOperator(name, operator);
    for (const rule of ruleFile.rules)
      engine.addRule({
        name: rule.name,
        priority: rule.priority,
        conditions: JSON.parse(JSON.stringify(rule.conditions)) as never,
        event: { type: rule.event.type },
      });
    run = await engine.run({ ...facts });
  } catch (cause) {
    throw new DubanError('ENGINE_ERROR', `json-rules-engine failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
  const byName = new Map<string, EngineNode>();
  for (const result of [...run.results, ...run.failureResults]) {
    // The engine's condition objects carry each node's result (its toJSON drops them on all/any/not);
    // the top node's result is recorded on the rule, not on the node.
    const { conditions, result: passed } = result as unknown as { conditions: EngineNode; result: boolean | null };
    byName.set(String(result.name), { ...conditions, all: conditions.all, any: conditions.any, not: conditions.not, result: passed === true } as EngineNode);
  }
  const labels = new Map(ruleFile.statuses.map((status) => [status.code, status.label]));
  const ordered = ruleFile.rules.map((rule, index) => ({ rule, index })).sort((a, b) => b.rule.priority - a.rule.priority || a.index - b.index);
  const explained = ordered.map(({ rule, index }) => {
    const conditions = explainNode(rule.conditions, byName.get(rule.name), `$.rules[${index}].conditions`);
    return {
      name: rule.name,
      priority: rule.priority,
      index,
      status: rule.event.type,
      label: labels.get(rule.event.type) ?? rule.event.type,
      matched: conditions.result === 'true',
      winner: false,
      conditions,
    };
  });
  const firstMatched = explained.find((rule) => rule.matched);
  // A first match whose event names no listed status decides nothing: no winner, status and label null, as evaluation gives.
  const winnerAt = firstMatched !== undefined && labels.has(firstMatched.status) ? explained.indexOf(firstMatched) : -1;
  const rules = explained.map((rule, i) => (i === winnerAt ? { ...rule, winner: true } : rule));
  const winner = rules[winnerAt];
  let reasonZh: string;
  let reason: string;
  if (winner === undefined && firstMatched !== undefined) {
    reasonZh = `规则“${firstMatched.name}”的条件成立,但它给出的状态 ${firstMatched.status} 不在规则文件的 statuses 中:任务没有状态。`;
    reason = `Rule ${JSON.stringify(firstMatched.name)} matches first, but its status ${JSON.stringify(firstMatched.status)} is not in the rule file's statuses, so the task gets no status.`;
  } else if (winner === undefined) {
    reasonZh = '没有任何规则的条件成立:这是规则文件的漏判,任务没有状态。';
    reason = 'No rule matched: a gap in the rule file, so the task gets no status.';
  } else {
    const higher = rules.slice(0, winnerAt);
    const tied = rules.slice(winnerAt + 1).filter((rule) => rule.matched && rule.priority === winner.priority);
    const lower = rules.slice(winnerAt + 1).filter((rule) => rule.matched && rule.priority < winner.priority);
    reasonZh = `规则“${winner.name}”(优先级 ${winner.priority})胜出,状态为 ${winner.label}(${winner.status}):它的条件成立${higher.length === 0 ? ',且没有优先级更高的规则' : `,而优先级更高的 ${higher.length} 条规则(${higher.map((rule) => `“${rule.name}”`).join('、')})的条件都不成立`}${tied.length === 0 ? '' : `;同为优先级 ${winner.priority} 的${tied.map((rule) => `“${rule.name}”`).join('、')}也成立,但在文件中排在后面`}${lower.length === 0 ? '' : `;优先级较低的${lower.map((rule) => `“${rule.name}”`).join('、')}虽也成立,但不起作用`}。`;
    reason = `Rule ${JSON.stringify(winner.name)} (priority ${winner.priority}) wins with status ${winner.status}: its conditions hold${higher.length === 0 ? ' and no rule has a higher priority' : `, and none of the ${higher.length} higher-priority rule(s) (${higher.map((rule) => JSON.stringify(rule.name)).join(', ')}) match`}${tied.length === 0 ? '' : `; ${tied.map((rule) => JSON.stringify(rule.name)).join(', ')} of the same priority match too but come later in the file`}${lower.length === 0 ? '' : `; lower-priority ${lower.map((rule) => JSON.stringify(rule.name)).join(', ')} match too but do not count`}.`;
  }
  return {
    ruleSet: ruleFile.id,
    facts: { ...facts },
    rules,
    winner: winner?.name ?? null,
    status: winner?.status ?? null,
    label: winner?.label ?? null,
    reasonZh,
    reason,
  };
}
