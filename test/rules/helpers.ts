// Shared helpers for the rule-tooling tests: the broken-rules corpus and random facts.
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { bundledRuleFileJson, parseRuleFile } from '../../src/index.js';
import type { BundledRuleSetId, RuleFile } from '../../src/index.js';

export const ROOT = new URL('../../', import.meta.url);
export const CORPUS = new URL('test/fixtures/broken-rules/', ROOT);

/** A problem planted in a corpus file, as its `x-planted` list says. */
export interface Planted {
  readonly kind: string;
  readonly path?: string;
  readonly region?: string;
  readonly preemptedBy?: readonly string[];
}

/** Every corpus file with its planted problems. */
export function corpus(): { name: string; json: Record<string, unknown>; ruleFile: RuleFile; planted: Planted[] }[] {
  return readdirSync(CORPUS)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const json = JSON.parse(readFileSync(new URL(name, CORPUS), 'utf8')) as Record<string, unknown>;
      return { name, json, ruleFile: parseRuleFile(json, { source: name }), planted: json['x-planted'] as Planted[] };
    });
}

export const bundled = (id: BundledRuleSetId): RuleFile => parseRuleFile(bundledRuleFileJson(id));

/** Numbers that sit on and around the bundled thresholds. */
const interesting = fc.constantFrom(-1, -0.5, -0.3, -0.30000000000000004, -0.2, 0, 0.2, 0.3, 0.49, 0.5, 0.51, 0.9, 1, 1.5, 2, 3, 4, -3);

/** Arbitrary facts, not only those a task can produce: for comparing two rule files that must agree everywhere. */
export const anyFacts = fc.record({
  kind: fc.constantFrom('cumulative', 'level', 'rate', 'milestones', 'binary'),
  cancelled: fc.boolean(),
  hasData: fc.boolean(),
  value: fc.option(interesting, { nil: null }),
  target: fc.option(interesting, { nil: null }),
  progress: fc.option(interesting, { nil: null }),
  expected: fc.option(interesting, { nil: null }),
  paceGap: fc.option(interesting, { nil: null }),
  paceRatio: fc.option(interesting, { nil: null }),
  met: fc.option(fc.boolean(), { nil: null }),
  onPace: fc.option(fc.boolean(), { nil: null }),
  margin: fc.option(interesting, { nil: null }),
  overdue: fc.boolean(),
  daysToDeadline: fc.integer({ min: -10, max: 10 }),
  overdueMilestones: fc.integer({ min: 0, max: 3 }),
  dataAgeDays: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
  dataCoversPeriod: fc.option(fc.boolean(), { nil: null }),
  flags: fc.subarray(['problem', 'other']),
});
