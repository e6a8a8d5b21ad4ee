// The winner policy (highest priority, then file order, never the engine's
// event order), gaps, custom operators and json-rules-engine's semantics.
import { Engine } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { compileRuleFile, createClassifier, ENGINE_CHOICES, evaluatePlan, isDubanError, parseRuleFile } from '../../src/index.js';
import type { CustomOperator } from '../../src/index.js';
import { cumulative, facts, planOf, rate, rejectedDubanError, ruleFileJson } from './helpers.js';

const always = { all: [] };
const when = (fact: string, value: unknown = true) => ({ all: [{ fact, operator: 'equal', value }] });
const rule = (name: string, priority: number, type: string, conditions: unknown = always) => ({ name, priority, conditions, event: { type } });

/** A fact whose value json-rules-engine computes late, so rules reading it finish after the others. */
const slow = (value: unknown) => () => new Promise((resolve) => setTimeout(() => resolve(value), 25));

/** json-rules-engine's semantics, quirks included (rule-sets.md): conditions, fact overrides, whether the rule matches. */
const SEMANTICS: readonly (readonly [string, unknown, Record<string, unknown>, boolean])[] = [
  ['a numeric operator is false when the fact is null', { all: [{ fact: 'paceRatio', operator: 'lessThan', value: 0.5 }] }, { paceRatio: null }, false],
  ['a numeric operator compares numbers', { all: [{ fact: 'paceRatio', operator: 'lessThan', value: 0.5 }] }, { paceRatio: 0.4 }, true],
  [
    'a null on the value side of a fact comparison counts as 0 for numeric operators',
    { all: [{ fact: 'progress', operator: 'greaterThan', value: { fact: 'expected' } }] },
    { progress: 0.1, expected: null },
    true,
  ],
  [
    'a fact comparison of numbers',
    { all: [{ fact: 'progress', operator: 'greaterThanInclusive', value: { fact: 'expected' } }] },
    { progress: 0.4, expected: 0.5 },
    false,
  ],
  ['contains looks into the flags list', { all: [{ fact: 'flags', operator: 'contains', value: 'problem' }] }, { flags: ['x', 'problem'] }, true],
  ['in checks list membership', { all: [{ fact: 'kind', operator: 'in', value: ['level', 'rate'] }] }, { kind: 'rate' }, true],
  ['notIn checks list non-membership', { all: [{ fact: 'kind', operator: 'notIn', value: ['level', 'rate'] }] }, { kind: 'rate' }, false],
  ['not negates', { not: { fact: 'met', operator: 'equal', value: true } }, { met: null }, true],
  [
    'any needs one',
    {
      any: [
        { fact: 'met', operator: 'equal', value: true },
        { fact: 'overdue', operator: 'equal', value: true },
      ],
    },
    { met: false, overdue: true },
    true,
  ],
];

describe('createClassifier', () => {
  it.each([
    ['the higher priority first in the file', [rule('高', 10, 'a'), rule('低', 5, 'b')], '高'],
    ['the higher priority last in the file', [rule('低', 5, 'b'), rule('高', 10, 'a')], '高'],
    ['three priorities out of order', [rule('中', 50, 'b'), rule('低', 1, 'c'), rule('高', 99, 'a')], '高'],
  ])('lets the highest matching priority win: %s', async (_description, rules, winner) => {
    const classifier = createClassifier(parseRuleFile(ruleFileJson(rules)));
    const result = await classifier.classify(facts());
    expect(result.rule?.name).toBe(winner);
    expect(result.matched.map((matched) => matched.priority)).toEqual([...rules.map((r) => r.priority)].sort((x, y) => y - x));
  });

  it('ignores a higher priority rule whose conditions do not hold', async () => {
    const classifier = createClassifier(parseRuleFile(ruleFileJson([rule('高', 10, 'a', when('met')), rule('低', 5, 'b')])));
    const result = await classifier.classify(facts({ met: false }));
    expect({ status: result.status?.code, rule: result.rule?.name, matched: result.matched.map((m) => m.name) }).toEqual({
      status: 'b',
      rule: '低',
      matched: ['低'],
    });
  });

  it.each([
    ['甲 first', [rule('甲', 10, 'a'), rule('乙', 10, 'b')], '甲', 'a', '甲'],
    ['乙 first', [rule('乙', 10, 'b'), rule('甲', 10, 'a')], '乙', 'b', '乙'],
  ])('among equal priorities lets the rule first in the file win (%s)', async (_description, rules, winner, code, label) => {
    const classifier = createClassifier(parseRuleFile(ruleFileJson(rules)));
    const result = await classifier.classify(facts());
    expect({ rule: result.rule?.name, code: result.status?.code, label: result.status?.label }).toEqual({ rule: winner, code, label });
    expect(result.matched.map((matched) => matched.name)).toEqual(rules.map((r) => r.name));
  });

  it.each([
    ['甲 first', 'a', 'b', '甲'],
    ['乙 first', 'b', 'a', '乙'],
  ])(
    'among equal priorities lets the first rule in the file win even when json-rules-engine reports the other first (%s)',
    async (_description, firstType, secondType, winner) => {
      const names: Record<string, string> = { a: '甲', b: '乙' };
      // The rule first in the file reads a fact that resolves late, so the engine finishes (and reports) the second rule first.
      const rules = [rule(names[firstType]!, 10, firstType, when('slowFact')), rule(names[secondType]!, 10, secondType, when('fastFact'))];
      const runtimeFacts = { ...facts(), slowFact: slow(true), fastFact: true };

      const engine = new Engine(rules.map((r) => ({ ...r, conditions: JSON.parse(JSON.stringify(r.conditions)) as never })));
      const reported = (await engine.run({ ...runtimeFacts })).results.map((result) => result.name);
      expect(reported, 'precondition: json-rules-engine reports the second rule first').toEqual([names[secondType], names[firstType]]);

      const classifier = createClassifier(parseRuleFile(ruleFileJson(rules), { facts: ['slowFact', 'fastFact'] }));
      const result = await classifier.classify(runtimeFacts);
      expect(result.rule?.name).toBe(winner);
      expect(result.status?.code).toBe(firstType);
    },
  );

  it('reports a gap when no rule matches: no status, no rule, nothing matched', async () => {
    const classifier = createClassifier(parseRuleFile(ruleFileJson([rule('达标', 10, 'a', when('met')), rule('有序', 5, 'b', when('onPace'))])));
    expect(await classifier.classify(facts({ met: false, onPace: false }))).toEqual({ status: null, rule: null, matched: [] });
  });

  it('uses an operator registered both when parsing and when classifying', async () => {
    const withinTen: CustomOperator = (factValue, conditionValue) => typeof factValue === 'number' && Math.abs(factValue - Number(conditionValue)) <= 10;
    const file = parseRuleFile(ruleFileJson([rule('接近', 10, 'a', { all: [{ fact: 'value', operator: 'withinTen', value: 100 }] }), rule('其他', 1, 'b')]), {
      operators: ['withinTen'],
    });
    const classifier = createClassifier(file, { operators: { withinTen } });
    expect((await classifier.classify(facts({ value: 95 }))).rule?.name).toBe('接近');
    expect((await classifier.classify(facts({ value: 80 }))).rule?.name).toBe('其他');
  });

  it('fails with ENGINE_ERROR when an operator is named at parse time but no function is registered', async () => {
    const file = parseRuleFile(ruleFileJson([rule('接近', 10, 'a', { all: [{ fact: 'value', operator: 'withinTen', value: 100 }] })]), {
      operators: ['withinTen'],
    });
    const error = await rejectedDubanError(createClassifier(file).classify(facts()));
    expect(error.code).toBe('ENGINE_ERROR');
    expect(error.message).toContain('withinTen');
  });

  it.each(SEMANTICS)('keeps json-rules-engine semantics: %s', async (_description, conditions, overrides, matches) => {
    const classifier = createClassifier(parseRuleFile(ruleFileJson([rule('条件', 10, 'a', conditions)])));
    const result = await classifier.classify(facts(overrides));
    expect(result.rule?.name ?? null).toBe(matches ? '条件' : null);
  });
});

describe('compileRuleFile', () => {
  it.each([
    ['甲 first', [rule('甲', 10, 'a'), rule('乙', 10, 'b'), rule('丙', 20, 'c', when('met'))], '甲', {}],
    ['乙 first', [rule('乙', 10, 'b'), rule('甲', 10, 'a'), rule('丙', 20, 'c', when('met'))], '乙', {}],
    ['the higher priority last', [rule('乙', 10, 'b'), rule('甲', 10, 'a'), rule('丙', 20, 'c', when('met'))], '丙', { met: true }],
  ] as const)('applies the same winner policy (%s)', (_description, rules, winner, overrides) => {
    expect(compileRuleFile(parseRuleFile(ruleFileJson(rules))).classify(facts(overrides)).rule?.name).toBe(winner);
  });

  it.each(SEMANTICS)('keeps json-rules-engine semantics: %s', async (_description, conditions, overrides, matches) => {
    const file = parseRuleFile(ruleFileJson([rule('条件', 10, 'a', conditions)]));
    expect(compileRuleFile(file).classify(facts(overrides)).rule?.name ?? null).toBe(matches ? '条件' : null);
    expect((await createClassifier(file).classify(facts(overrides))).rule?.name ?? null).toBe(matches ? '条件' : null);
  });

  it('reports a gap when no rule matches', () => {
    const compiled = compileRuleFile(parseRuleFile(ruleFileJson([rule('达标', 10, 'a', when('met'))])));
    expect(compiled.classify(facts({ met: false }))).toEqual({ status: null, rule: null, matched: [] });
  });
});

describe.each(ENGINE_CHOICES)('evaluatePlan with engine %s', (engine) => {
  const gapRules = () => parseRuleFile(ruleFileJson([rule('达标', 10, 'a', when('met')), rule('有序', 5, 'b', when('onPace'))]));

  it('lists a task no rule matches as a gap with its facts, never defaulting its status', async () => {
    const plan = planOf([cumulative(60, { id: 'on' }), cumulative(40, { id: 'behind', title: '落后任务' }), cumulative(100, { id: 'met' })]);
    const evaluation = await evaluatePlan(plan, { asOf: '2018-06-30', rules: gapRules(), engine });
    const behind = evaluation.results[1];
    expect(evaluation.results.map((result) => [result.taskId, result.status, result.label, result.rule])).toEqual([
      ['on', 'b', '乙', '有序'],
      ['behind', null, null, null],
      ['met', 'a', '甲', '达标'],
    ]);
    expect(evaluation.gaps).toEqual([{ taskId: 'behind', title: '落后任务', facts: behind?.facts }]);
    expect(evaluation.gaps[0]?.facts).toMatchObject({ kind: 'cumulative', value: '40', progress: '0.4', expected: '0.5', onPace: false, met: false });
  });

  it.each([
    ['甲 first', [rule('甲', 10, 'a'), rule('乙', 10, 'b')], '甲'],
    ['乙 first', [rule('乙', 10, 'b'), rule('甲', 10, 'a')], '乙'],
  ])('lets the first of two matching equal-priority rules decide every task (%s)', async (_description, rules, winner) => {
    const evaluation = await evaluatePlan(planOf([cumulative(60, { id: 'x' }), rate(7, { id: 'y' })]), {
      asOf: '2018-06-30',
      rules: parseRuleFile(ruleFileJson(rules)),
      engine,
    });
    expect(evaluation.results.map((result) => result.rule)).toEqual([winner, winner]);
  });

  it('counts a gap in the total but under no status', async () => {
    const plan = planOf([cumulative(40, { id: 'g1' }), rate(7, { id: 'g2' }), cumulative(60, { id: 'on' })]);
    const evaluation = await evaluatePlan(plan, { asOf: '2018-06-30', rules: gapRules(), engine });
    expect(evaluation.gaps.map((gap) => gap.taskId)).toEqual(['g1', 'g2']);
    expect(evaluation.summary).toEqual({
      total: 3,
      byStatus: [
        { status: 'a', label: '甲', count: 0 },
        { status: 'b', label: '乙', count: 1 },
        { status: 'c', label: '丙', count: 0 },
      ],
    });
  });

  it('applies a registered operator given in its options', async () => {
    const withinTen: CustomOperator = (factValue, conditionValue) => typeof factValue === 'number' && Math.abs(factValue - Number(conditionValue)) <= 10;
    const rules = parseRuleFile(ruleFileJson([rule('接近', 10, 'a', { all: [{ fact: 'value', operator: 'withinTen', value: 100 }] }), rule('其他', 1, 'b')]), {
      operators: ['withinTen'],
    });
    const plan = planOf([cumulative(95, { id: 'near' }), cumulative(80, { id: 'far' })]);
    const evaluation = await evaluatePlan(plan, { asOf: '2018-06-30', rules, operators: { withinTen }, engine });
    expect(evaluation.results.map((result) => result.rule)).toEqual(['接近', '其他']);
  });

  it('fails with ENGINE_ERROR, not a silent gap, when a parsed custom operator has no function', async () => {
    const rules = parseRuleFile(ruleFileJson([rule('接近', 10, 'a', { all: [{ fact: 'value', operator: 'withinTen', value: 100 }] })]), {
      operators: ['withinTen'],
    });
    const caught = await evaluatePlan(planOf([cumulative(95)]), { asOf: '2018-06-30', rules, engine }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(isDubanError(caught) && caught.code).toBe('ENGINE_ERROR');
  });
});
