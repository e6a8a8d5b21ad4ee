// Fuzzing the evaluator: evaluating never changes its inputs (they are deeply
// frozen, so a write throws), and the same inputs always give the same output,
// byte for byte, in every format and with either evaluator.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ENGINE_CHOICES, evaluatePlan, evaluatePlanSync, EVALUATION_FORMATS, formatEvaluation, parsePlan, parseRuleFile } from '../../src/index.js';
import type { EngineChoice, EvaluateOptions, Plan, RuleFile } from '../../src/index.js';
import { date2018, deepFreeze, planDocument, ruleFileDocument } from './arbitraries.js';

const RUNS = { numRuns: 150 };
const rulesChoice = fc.oneof(
  fc.constantFrom('three-level', 'four-level', 'traffic-light') as fc.Arbitrary<EvaluateOptions['rules']>,
  ruleFileDocument.map((document) => parseRuleFile(document)),
);
const engine = fc.constantFrom(...ENGINE_CHOICES) as fc.Arbitrary<EngineChoice>;

describe('evaluatePlan and evaluatePlanSync', () => {
  it('never mutate the plan, the rule file or the options (all deeply frozen)', async () => {
    await fc.assert(
      fc.asyncProperty(planDocument, rulesChoice, date2018, engine, async (document, rules, asOf, engineChoice) => {
        const plan = parsePlan(document);
        const before = structuredClone({ plan, rules });
        const options = deepFreeze({ asOf, rules, engine: engineChoice });
        deepFreeze(plan);
        const evaluation = await evaluatePlan(plan, options);
        const task = plan.tasks[0]!;
        await evaluatePlan(plan, { ...options, tasks: [task.id] });
        if (engineChoice === 'compiled') evaluatePlanSync(plan, options);
        expect({ plan, rules }).toEqual(before);
        expect(evaluation.results).toHaveLength(plan.tasks.length);
      }),
      RUNS,
    );
  });

  it('give identical output for identical inputs: twice, and from a deep copy, in every format', async () => {
    await fc.assert(
      fc.asyncProperty(planDocument, rulesChoice, date2018, engine, async (document, rules, asOf, engineChoice) => {
        const plan = parsePlan(document);
        const copy: Plan = parsePlan(structuredClone(document));
        const rulesCopy = typeof rules === 'string' ? rules : (structuredClone(rules) as RuleFile);
        const first = await evaluatePlan(plan, { asOf, rules, engine: engineChoice });
        const second = await evaluatePlan(plan, { asOf, rules, engine: engineChoice });
        const third = await evaluatePlan(copy, { asOf, rules: rulesCopy, engine: engineChoice });
        const json = JSON.stringify(first);
        expect(JSON.stringify(second)).toBe(json);
        expect(JSON.stringify(third)).toBe(json);
        for (const format of EVALUATION_FORMATS) expect(formatEvaluation(third, format)).toBe(formatEvaluation(first, format));
      }),
      RUNS,
    );
  });

  it('give the same output with either evaluator', async () => {
    await fc.assert(
      fc.asyncProperty(planDocument, rulesChoice, date2018, async (document, rules, asOf) => {
        const plan = parsePlan(document);
        const outputs = await Promise.all(ENGINE_CHOICES.map((choice) => evaluatePlan(plan, { asOf, rules, engine: choice })));
        for (const output of outputs) expect(JSON.stringify(output)).toBe(JSON.stringify(outputs[0]));
      }),
      RUNS,
    );
  });

  it('evaluatePlan with tasks: [id] gives exactly the result evaluatePlan gives for that task', async () => {
    await fc.assert(
      fc.asyncProperty(planDocument, rulesChoice, date2018, async (document, rules, asOf) => {
        const plan = parsePlan(document);
        const evaluation = await evaluatePlan(plan, { asOf, rules });
        for (const [i, task] of plan.tasks.entries())
          expect((await evaluatePlan(plan, { asOf, rules, tasks: [task.id] })).results).toEqual([evaluation.results[i]]);
      }),
      { numRuns: 60 },
    );
  });
});
