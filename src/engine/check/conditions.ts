// Rule conditions compiled for the checker: a flat list of leaves (each with
// its JSON path) and a tree per rule, plus an evaluator that mirrors
// json-rules-engine's operators exactly (same JavaScript comparisons, same
// fact-value validators), so that what the checker computes on a set of facts
// is what the engine would compute.
import { formatPath } from '../../model/schema-kit.js';
import { FACT_CATALOGUE } from '../../pace/fact-catalogue.js';
import { BUILT_IN_OPERATORS, type CustomOperator } from '../operators.js';
import type { Condition, Rule, RuleFile } from '../parse-rule-file.js';

/** One `{ fact, operator, value }` condition of a rule. */
export interface Leaf {
  /** Its position in the list of all leaves. */
  readonly index: number;
  /** The rule's name. */
  readonly rule: string;
  /** The JSON path of the condition in the rule file. */
  readonly path: string;
  readonly fact: string;
  readonly operator: string;
  /** The literal compared with (when `factRef` is undefined). */
  readonly value: unknown;
  /** The other fact, for a fact-to-fact comparison. */
  readonly factRef: string | undefined;
  /** Why the checker cannot decide this condition over whole regions of facts, or `undefined` when it can. */
  readonly inexact: string | undefined;
}

/** A condition tree whose leaves are indexes into the leaf list. */
export type Node = { readonly leaf: number } | { readonly all: readonly Node[] } | { readonly any: readonly Node[] } | { readonly not: Node };

/** A rule ready to evaluate. */
export interface CompiledRule {
  readonly rule: Rule;
  /** Its index in the file. */
  readonly index: number;
  readonly node: Node;
}

/** Everything the checker needs from a rule file. */
export interface CompiledRules {
  readonly leaves: readonly Leaf[];
  /** In file order. */
  readonly rules: readonly CompiledRule[];
}

const CATALOGUE = new Map(FACT_CATALOGUE.map((fact) => [fact.name as string, fact]));
const BUILT_IN = new Set<string>(BUILT_IN_OPERATORS);

/** The type of a catalogue fact, or `undefined` for a fact an application registered. */
export function factType(fact: string): 'string' | 'boolean' | 'number' | 'integer' | 'string[]' | undefined {
  return CATALOGUE.get(fact)?.type;
}

/** Whether a fact may be null. */
export function factNullable(fact: string): boolean {
  return CATALOGUE.get(fact)?.nullable ?? true;
}

function isFactRef(value: unknown): value is { fact: string } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.hasOwn(value, 'fact');
}

const NUMERIC = new Set(['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive']);

function inexactReason(fact: string, operator: string, value: unknown): string | undefined {
  if (!CATALOGUE.has(fact)) return `fact ${JSON.stringify(fact)} is registered by the application, so its values are unknown to the checker`;
  if (!BUILT_IN.has(operator)) return `operator ${JSON.stringify(operator)} is registered by the application`;
  if (isFactRef(value)) return `it compares fact ${JSON.stringify(fact)} with fact ${JSON.stringify(value.fact)}`;
  if (fact === 'flags' && NUMERIC.has(operator)) return `${operator} on the list fact "flags" depends on the flags' text`;
  return undefined;
}

/** Compiles a validated rule file's conditions. */
export function compileRules(ruleFile: RuleFile): CompiledRules {
  const leaves: Leaf[] = [];
  const compile = (condition: Condition, path: PropertyKey[], rule: string): Node => {
    if ('all' in condition) return { all: condition.all.map((child, i) => compile(child, [...path, 'all', i], rule)) };
    if ('any' in condition) return { any: condition.any.map((child, i) => compile(child, [...path, 'any', i], rule)) };
    if ('not' in condition) return { not: compile(condition.not, [...path, 'not'], rule) };
    const { fact, operator, value } = condition;
    const index = leaves.length;
    leaves.push({
      index,
      rule,
      path: formatPath(path),
      fact,
      operator,
      value,
      factRef: isFactRef(value) ? value.fact : undefined,
      inexact: inexactReason(fact, operator, value),
    });
    return { leaf: index };
  };
  const rules = ruleFile.rules.map((rule, index) => ({ rule, index, node: compile(rule.conditions, ['rules', index, 'conditions'], rule.name) }));
  return { leaves, rules };
}

const numberValidator = (value: unknown): boolean => Number.parseFloat(value as string).toString() !== 'NaN';

/* eslint-disable @typescript-eslint/no-explicit-any -- these are json-rules-engine's untyped comparisons, mirrored on purpose */
const OPERATORS: Record<string, (a: any, b: any) => boolean> = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  in: (a, b) => b.indexOf(a) > -1,
  notIn: (a, b) => b.indexOf(a) === -1,
  contains: (a, b) => Array.isArray(a) && a.indexOf(b) > -1,
  doesNotContain: (a, b) => Array.isArray(a) && a.indexOf(b) === -1,
  lessThan: (a, b) => numberValidator(a) && a < b,
  lessThanInclusive: (a, b) => numberValidator(a) && a <= b,
  greaterThan: (a, b) => numberValidator(a) && a > b,
  greaterThanInclusive: (a, b) => numberValidator(a) && a >= b,
};
/* eslint-enable @typescript-eslint/no-explicit-any */

/**
 * A leaf's result on concrete facts, exactly as json-rules-engine computes it;
 * `undefined` when it cannot be computed here (an application's operator that
 * was not passed in, a fact the facts do not hold, or a comparison that would
 * make the engine throw).
 */
export function evaluateLeaf(leaf: Leaf, facts: Readonly<Record<string, unknown>>, operators: Readonly<Record<string, CustomOperator>>): boolean | undefined {
  if (!Object.hasOwn(facts, leaf.fact)) return undefined;
  if (leaf.factRef !== undefined && !Object.hasOwn(facts, leaf.factRef)) return undefined;
  const left = facts[leaf.fact];
  const right = leaf.factRef === undefined ? leaf.value : facts[leaf.factRef];
  const operator = Object.hasOwn(OPERATORS, leaf.operator)
    ? OPERATORS[leaf.operator]
    : Object.hasOwn(operators, leaf.operator)
      ? operators[leaf.operator]
      : undefined;
  if (operator === undefined) return undefined;
  try {
    return operator(left, right) === true;
  } catch {
    return undefined;
  }
}

/** Three-valued (Kleene) evaluation of a condition tree: `undefined` is "unknown". */
export function evaluateNode(node: Node, leafValues: readonly (boolean | undefined)[]): boolean | undefined {
  if ('leaf' in node) return leafValues[node.leaf];
  if ('not' in node) {
    const inner = evaluateNode(node.not, leafValues);
    return inner === undefined ? undefined : !inner;
  }
  const wanted = 'any' in node;
  const children = 'any' in node ? node.any : node.all;
  let unknown = false;
  for (const child of children) {
    const value = evaluateNode(child, leafValues);
    if (value === wanted) return wanted;
    if (value === undefined) unknown = true;
  }
  return unknown ? undefined : !wanted;
}
