import fourLevel from '../../rules/four-level.json';
import threeLevel from '../../rules/three-level.json';
import trafficLight from '../../rules/traffic-light.json';
import { invalidOption, kindOf } from '../model/check-arguments.js';

/**
 * The ids of the bundled rule sets, as a closed list.
 *
 * @category Engine
 */
export const BUNDLED_RULE_SET_IDS = ['three-level', 'four-level', 'traffic-light'] as const;

/**
 * The id of a bundled rule set.
 *
 * @category Engine
 */
export type BundledRuleSetId = (typeof BUNDLED_RULE_SET_IDS)[number];

const FILES: Record<BundledRuleSetId, unknown> = { 'three-level': threeLevel, 'four-level': fourLevel, 'traffic-light': trafficLight };

/**
 * Whether a string is the id of a bundled rule set.
 *
 * @param id - a string
 * @returns `true` for `three-level`, `four-level` or `traffic-light`
 * @example
 * ```ts
 * isBundledRuleSetId('four-level'); // true
 * ```
 * @category Engine
 */
export function isBundledRuleSetId(id: string): id is BundledRuleSetId {
  return typeof id === 'string' && (BUNDLED_RULE_SET_IDS as readonly string[]).includes(id);
}

/**
 * The JSON of a bundled rule file, as shipped in `rules/<id>.json` (a fresh copy
 * each call, so callers may edit it).
 *
 * @param id - `three-level`, `four-level` or `traffic-light`
 * @returns the rule file's JSON, to be validated with `parseRuleFile`
 * @example
 * ```ts
 * const rules = parseRuleFile(bundledRuleFileJson('three-level'));
 * ```
 * @category Engine
 */
export function bundledRuleFileJson(id: BundledRuleSetId): unknown {
  if (!isBundledRuleSetId(id)) invalidOption('id', `expected one of ${BUNDLED_RULE_SET_IDS.join(', ')}, got ${kindOf(id)}`);
  return JSON.parse(JSON.stringify(FILES[id])) as unknown;
}
