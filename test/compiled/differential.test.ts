import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createClassifierAsBuilt } from '../../src/engine/classifier.js';
import { compileRuleFileAsBuilt } from '../../src/engine/compile-rule-file.js';
import {
  BUILT_IN_OPERATORS,
  BUNDLED_RULE_SET_IDS,
  bundledRuleFileJson,
  compileRuleFile,
  createClassifier,
  createFactComputer,
  evaluatePlan,
  FACT_CATALOGUE,
  factsForEngine,
  parsePlan,
  parseRuleFile,
  safeParseRuleFile,
  type Classification,
  type CustomOperator,
  type RuleFile,
} from '../../src/index.js';
import { readFileSync, readdirSync } from 'node:fs';

const FACTS = FACT_CATALOGUE.map((fact) => fact.name);
const STATUSES = ['a', 'b', 'c'];

const numbers = fc.oneof(
  fc.constantFrom(0, -0, 1, -1, 0.5, -0.3, 3, 1e300, -1e300, 5e-324, 1e-300, Number.MAX_SAFE_INTEGER),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -400, max: 400 }),
);
const strings = fc.constantFrom('cumulative', 'level', 'rate', 'milestones', 'binary', 'problem', '', '0.5', '12abc');
const scalars = fc.oneof(numbers, fc.boolean(), fc.constant(null), strings);
const values = fc.oneof(scalars, fc.array(fc.oneof(strings, numbers, fc.constant(null)), { maxLength: 3 }));

const leaf = fc
  .record({
    fact: fc.constantFrom(...FACTS),
    operator: fc.constantFrom(...BUILT_IN_OPERATORS),
    value: fc.oneof({ weight: 4, arbitrary: values }, { weight: 1, arbitrary: fc.record({ fact: fc.constantFrom(...FACTS) }) }),
  })
  .map((node) =>
    (node.operator === 'in' || node.operator === 'notIn') && !Array.isArray(node.value) && !(typeof node.value === 'object' && node.value !== null)
      ? { ...node, value: [node.value] }
      : node,
  );

const { condition } = fc.letrec((tie) => ({
  condition: fc.oneof({ maxDepth: 4, depthSize: 'small' }, leaf, tie('all'), tie('any'), tie('not')),
  all: fc.record({ all: fc.array(tie('condition'), { maxLength: 3 }) }),
  any: fc.record({ any: fc.array(tie('condition'), { minLength: 1, maxLength: 3 }) }),
  not: fc.record({ not: tie('condition') }),
}));
const topLevel = fc.oneof(
  fc.record({ all: fc.array(condition, { maxLength: 3 }) }),
  fc.record({ any: fc.array(condition, { minLength: 1, maxLength: 3 }) }),
  fc.record({ not: condition }),
);

/**
 * A generated rule file, validated. Values of the wrong type for their fact are
 * load errors, but a rule file built in code can still hold them and both
 * evaluators must then still agree: such a file is used as built, once every
 * other check has passed.
 */
function generatedRuleFile(document: Record<string, unknown>): RuleFile {
  const result = safeParseRuleFile(document);
  if (result.success) return result.data;
  const others = result.error.issues.filter((issue) => !issue.message.startsWith('规则「'));
  if (others.length > 0) throw new Error(`generated rule file is invalid: ${JSON.stringify(others)}`);
  return document as unknown as RuleFile;
}

const ruleFiles = fc
  .array(fc.record({ priority: fc.integer({ min: 1, max: 4 }), conditions: topLevel, type: fc.constantFrom(...STATUSES) }), { minLength: 1, maxLength: 6 })
  .map((rules) =>
    generatedRuleFile({
      formatVersion: 1,
      id: 'generated',
      title: 'generated',
      statuses: STATUSES.map((code) => ({ code, label: code.toUpperCase() })),
      rules: rules.map((rule, i) => ({ name: `r${i}`, priority: rule.priority, conditions: rule.conditions, event: { type: rule.type } })),
    }),
  );

const factSets = fc.record(Object.fromEntries(FACTS.map((name) => [name, values])) as Record<string, fc.Arbitrary<unknown>>);

type Outcome = { error: true } | { error: false; status: string | null; rule: string | null; matched: string[] };
const outcome = (classification: Classification): Outcome => ({
  error: false,
  status: classification.status?.code ?? null,
  rule: classification.rule?.name ?? null,
  matched: classification.matched.map((rule) => rule.name),
});

async function both(ruleFile: RuleFile, facts: Record<string, unknown>): Promise<[Outcome, Outcome]> {
  let compiled: Outcome;
  try {
    // As built: the boundary would refuse the files with type mistakes (see generatedRuleFile).
    const rules = compileRuleFileAsBuilt(ruleFile);
    compiled = outcome(rules.classify(facts));
    // decide() is classify() without the list of matches: the same winner, or the same failure.
    const decision = rules.decide(facts);
    if (compiled.error === false)
      expect({ status: decision?.status?.code ?? null, rule: decision?.rule.name ?? null }).toEqual({ status: compiled.status, rule: compiled.rule });
  } catch (error) {
    if (error instanceof Error && error.name === 'AssertionError') throw error;
    compiled = { error: true };
  }
  let reference: Outcome;
  try {
    reference = outcome(await createClassifierAsBuilt(ruleFile).classify(facts));
  } catch {
    reference = { error: true };
  }
  return [compiled, reference];
}

describe('compileRuleFile', () => {
  it('gives the same status, rule, matched rules and gaps as json-rules-engine on 10 000 generated rule files and fact sets', async () => {
    let cases = 0;
    let gaps = 0;
    await fc.assert(
      fc.asyncProperty(ruleFiles, factSets, async (ruleFile, facts) => {
        cases++;
        const [compiled, reference] = await both(ruleFile, facts);
        if (!reference.error && reference.status === null) gaps++;
        expect(compiled).toEqual(reference);
      }),
      { numRuns: 10_000 },
    );
    expect(cases).toBe(10_000);
    // The generator must exercise gaps, not only matches.
    expect(gaps).toBeGreaterThan(100);
  }, 120_000);

  it('agrees with json-rules-engine on every bundled rule set for every task of every example at several dates', async () => {
    const examples = readdirSync(new URL('../../examples/', import.meta.url)).filter((name) => name.endsWith('.plan.json'));
    expect(examples.length).toBeGreaterThanOrEqual(4);
    for (const name of examples) {
      const plan = parsePlan(readFileSync(new URL(`../../examples/${name}`, import.meta.url), 'utf8'));
      for (const id of BUNDLED_RULE_SET_IDS) {
        for (const asOf of ['2014-03-31', '2016-06-30', '2017-06-30', '2018-03-31', '2018-12-31', '2019-01-15']) {
          const compiled = await evaluatePlan(plan, { rules: id, asOf });
          const reference = await evaluatePlan(plan, { rules: id, asOf, engine: 'json-rules-engine' });
          expect(JSON.stringify(compiled)).toBe(JSON.stringify(reference));
        }
      }
    }
  }, 120_000);

  it('calls registered operators as json-rules-engine does, including non-boolean results', async () => {
    // Deliberately not a boolean: json-rules-engine passes a custom operator's raw result through.
    const operators = { truthy: ((a: unknown) => (typeof a === 'number' ? a : 0)) as unknown as CustomOperator };
    const ruleFile = parseRuleFile(
      {
        formatVersion: 1,
        id: 'custom',
        title: 'custom',
        statuses: [{ code: 'a', label: 'A' }],
        rules: [
          { name: 'single', priority: 2, conditions: { all: [{ fact: 'progress', operator: 'truthy', value: 0 }] }, event: { type: 'a' } },
          { name: 'double', priority: 1, conditions: { all: [{ fact: 'progress', operator: 'truthy', value: 0 }, { all: [] }] }, event: { type: 'a' } },
        ],
      },
      { operators: ['truthy'] },
    );
    const facts = factsForEngine(
      createFactComputer(
        parsePlan({ formatVersion: 1, id: 'p', title: 'p', period: { start: '2018-01-01', end: '2018-12-31' }, tasks: [] }),
        '2018-03-31',
      )({ id: 't', title: 't', target: { kind: 'cumulative', measure: 'm', unit: '个', value: '10' }, observations: [{ asOf: '2018-03-31', value: '3' }] }),
    );
    const compiled = compileRuleFile(ruleFile, { operators }).classify(facts);
    const reference = await createClassifier(ruleFile, { operators }).classify(facts);
    // A single condition passes the operator's raw truthy result through; two are compared with `=== true`.
    expect(outcome(compiled)).toEqual(outcome(reference));
    expect(compiled.matched.map((rule) => rule.name)).toEqual(['single']);
  });

  it('calls an application operator that replaces a built-in one, as json-rules-engine does', async () => {
    // Always true, so a built-in lessThan (false here: progress 0.3 is not below 0) would give another answer.
    const operators = { lessThan: (() => true) as unknown as CustomOperator };
    const ruleFile = parseRuleFile({
      formatVersion: 1,
      id: 'replaced',
      title: 'replaced',
      statuses: [{ code: 'a', label: 'A' }],
      rules: [{ name: 'below', priority: 1, conditions: { all: [{ fact: 'progress', operator: 'lessThan', value: 0 }] }, event: { type: 'a' } }],
    });
    const facts = factsForEngine(
      createFactComputer(
        parsePlan({ formatVersion: 1, id: 'p', title: 'p', period: { start: '2018-01-01', end: '2018-12-31' }, tasks: [] }),
        '2018-03-31',
      )({ id: 't', title: 't', target: { kind: 'cumulative', measure: 'm', unit: '个', value: '10' }, observations: [{ asOf: '2018-03-31', value: '3' }] }),
    );
    const compiled = compileRuleFile(ruleFile, { operators });
    const reference = await createClassifier(ruleFile, { operators }).classify(facts);
    expect(outcome(compiled.classify(facts))).toEqual(outcome(reference));
    expect(compiled.decide(facts)?.rule.name).toBe('below');
    expect(compileRuleFile(ruleFile).decide(facts)).toBeNull();
  });

  it('compiles every bundled rule set', () => {
    for (const id of BUNDLED_RULE_SET_IDS) expect(compileRuleFile(parseRuleFile(bundledRuleFileJson(id))).ruleFile.id).toBe(id);
  });
});
