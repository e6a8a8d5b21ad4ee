import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain ES module without types
import { generatePlan } from '../../bench/generate-plan.mjs';
import { computeFacts, createFactComputer, expectedProgress, parsePlan, type Plan } from '../../src/index.js';

const examples = readdirSync(new URL('../../examples/', import.meta.url))
  .filter((name) => name.endsWith('.plan.json'))
  .map((name) => parsePlan(readFileSync(new URL(`../../examples/${name}`, import.meta.url), 'utf8')));
const DATES = ['2017-12-31', '2018-01-01', '2018-03-20', '2018-03-31', '2018-05-20', '2018-06-30', '2018-09-30', '2018-12-31', '2019-01-01'];

/** Every task's facts from one shared computer equal computeFacts', and `expected` is expectedProgress. */
function agree(plan: Plan, asOf: string): void {
  const factsOf = createFactComputer(plan, asOf);
  for (const task of plan.tasks) {
    const shared = factsOf(task);
    expect(shared).toEqual(computeFacts(plan, task, asOf));
    expect(shared.expected).toEqual(expectedProgress(plan, task, asOf));
  }
}

describe('the fact computer’s shortcuts', () => {
  it('agree with computeFacts and expectedProgress on every example at several dates', () => {
    for (const plan of examples) for (const asOf of DATES) agree(plan, asOf);
  });

  it('agree on generated plans (every kind of target, milestones and binary deadlines included)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.constantFrom(...DATES), (seed, asOf) => {
        agree(parsePlan((generatePlan as (n: number, seed: number) => unknown)(60, seed)), asOf);
      }),
      { numRuns: 100 },
    );
  });
});
