/**
 * The operators every rule file may use: json-rules-engine's built-in ones.
 * Decorated forms (`not:…`, `everyFact:…`) are not allowed.
 *
 * @category Engine
 */
export const BUILT_IN_OPERATORS = [
  'equal',
  'notEqual',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
] as const;

/**
 * A built-in operator name.
 *
 * @category Engine
 */
export type BuiltInOperator = (typeof BUILT_IN_OPERATORS)[number];

/**
 * An operator an application registers on purpose: called with the fact's
 * value and the condition's value, it returns whether the condition holds.
 *
 * @category Engine
 */
export type CustomOperator = (factValue: unknown, conditionValue: unknown) => boolean;
