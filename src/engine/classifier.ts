import { Engine } from 'json-rules-engine';
import { DubanError } from '../errors.js';
import { operatorsOption, readOptions } from '../model/check-arguments.js';
import { ensureRuleFile } from './boundary.js';
import type { CustomOperator } from './operators.js';
import type { Rule, RuleFile, Status } from './parse-rule-file.js';

/**
 * The outcome of classifying one set of facts: the winning rule and its status,
 * or `null` status and rule for a gap (no rule matched, or the winning rule's
 * event names a status the rule file does not list).
 *
 * @category Engine
 */
export interface Classification {
  /** The status assigned, or `null` for a gap. */
  readonly status: Status | null;
  /** The rule that decided, or `null` for a gap (always together with a `null` status). */
  readonly rule: Rule | null;
  /** Every rule whose conditions held, in the order of the winner policy. */
  readonly matched: readonly Rule[];
}

/**
 * Options for {@link createClassifier}.
 *
 * @category Engine
 */
export interface ClassifierOptions {
  /** Operators the application registers on purpose (their names must be passed to `parseRuleFile` too). */
  readonly operators?: Readonly<Record<string, CustomOperator>>;
}

/**
 * A rule file made ready to classify facts with json-rules-engine.
 *
 * @category Engine
 */
export interface Classifier {
  /** The rule file it applies. */
  readonly ruleFile: RuleFile;
  /**
   * Classifies one set of facts.
   *
   * @param facts - a value for every fact the rules read
   * @returns the winner, or a gap
   */
  classify(facts: Readonly<Record<string, unknown>>): Promise<Classification>;
}

/**
 * Builds a classifier for a validated rule file. The status of a task is the
 * event of the matching rule with the highest `priority`; among equal
 * priorities, the rule that comes first in the file. The winner is chosen from
 * the engine's results, never from the order in which it reports events.
 *
 * @param ruleFile - a rule file validated by `parseRuleFile`
 * @param options - operators registered by the application
 * @returns a classifier
 * @throws {@link DubanError} with code `ENGINE_ERROR` if json-rules-engine rejects a rule
 * @example
 * ```ts
 * const classifier = createClassifier(parseRuleFile(json));
 * const { status } = await classifier.classify(factsForEngine(facts));
 * ```
 * @category Engine
 */
export function createClassifier(ruleFile: RuleFile, options: ClassifierOptions = {}): Classifier {
  options = readOptions<ClassifierOptions>(options, { operators: operatorsOption });
  return createClassifierAsBuilt(ensureRuleFile(ruleFile, options.operators), options);
}

/**
 * {@link createClassifier} without the boundary checks: for a rule file already
 * validated, or one built in code that the differential tests use as built.
 * Internal: not part of the package's API.
 */
export function createClassifierAsBuilt(ruleFile: RuleFile, options: ClassifierOptions = {}): Classifier {
  const engine = new Engine([], { allowUndefinedFacts: false });
  const order = new Map<string, number>();
  const byName = new Map<string, Rule>();
  try {
    for (const [name, operator] of Object.entries(options.operators ?? {})) engine.addOperator(name, operator);
    ruleFile.rules.forEach((rule, index) => {
      order.set(rule.name, index);
      byName.set(rule.name, rule);
      // json-rules-engine emits each event's type on an EventEmitter, where a type such as "error" would throw;
      // the winner is found by rule name, so every rule gets the same harmless event type.
      engine.addRule({
        name: rule.name,
        priority: rule.priority,
        conditions: JSON.parse(JSON.stringify(rule.conditions)) as never,
        event: { type: 'duban.matched' },
      });
    });
  } catch (cause) {
    throw new DubanError('ENGINE_ERROR', `json-rules-engine rejected rule file ${JSON.stringify(ruleFile.id)}`, { cause });
  }
  const statuses = new Map(ruleFile.statuses.map((status) => [status.code, status]));
  return {
    ruleFile,
    async classify(facts) {
      let result;
      try {
        result = await engine.run({ ...facts });
      } catch (cause) {
        throw new DubanError('ENGINE_ERROR', `json-rules-engine failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
      }
      const matched = result.results
        .map((ruleResult) => byName.get(String(ruleResult.name)))
        .filter((rule): rule is Rule => rule !== undefined)
        .sort((a, b) => b.priority - a.priority || (order.get(a.name) ?? 0) - (order.get(b.name) ?? 0));
      // A winner whose event names no listed status gives no status: status and rule are null together.
      const status = matched.length === 0 ? undefined : statuses.get(matched[0]!.event.type);
      return status === undefined ? { status: null, rule: null, matched } : { status, rule: matched[0]!, matched };
    },
  };
}
