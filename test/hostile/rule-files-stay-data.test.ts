// Rule files stay data: nothing in a rule file runs as code, reaches JSONPath or
// touches JavaScript's object internals, with either evaluator. The library-level
// half of the hostile corpus (the CLI half is corpus.test.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bundledRuleFileJson, ENGINE_CHOICES, evaluatePlan, isDubanError, parsePlan, parseRuleFile, safeParseRuleFile } from '../../src/index.js';
import type { DubanError, Plan, RuleFile } from '../../src/index.js';
import { ROOT } from './run-cli.js';

const CORPUS = join(ROOT, 'test/hostile/corpus');
const corpusText = (file: string) => readFileSync(join(CORPUS, file), 'utf8');
const basePlan: Plan = parsePlan(corpusText('base.plan.json'));
const OBJECT_INTERNALS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__defineGetter__',
  '__lookupSetter__',
];

/** A one-rule file that assigns `status` when `conditions` hold. */
function ruleFile(conditions: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    formatVersion: 1,
    id: 'stays-data',
    title: '规则即数据',
    statuses: [{ code: 'ok', label: '正常' }],
    rules: [{ name: '唯一规则', priority: 1, conditions, event: { type: 'ok' } }],
    ...extra,
  };
}

/** The error of an input that must be rejected, asserting it is duban's own. */
function rejection(input: unknown): DubanError {
  const result = safeParseRuleFile(input);
  expect(result.success, 'the rule file should be rejected').toBe(false);
  if (result.success) throw new Error('unreachable');
  expect(isDubanError(result.error)).toBe(true);
  expect(result.error.code).toBe('INVALID_RULE_FILE');
  return result.error;
}

const pathsOf = (error: DubanError) => error.issues.map((issue) => issue.path);

afterEach(() => {
  expect(({} as Record<string, unknown>).polluted, 'Object.prototype was polluted').toBeUndefined();
  expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
  expect((globalThis as Record<string, unknown>).__dubanPwned, 'code in a rule file ran').toBeUndefined();
});

describe('facts, operators and fact references named after object internals', () => {
  it.each(OBJECT_INTERNALS)('rejects a fact named %s', (name) => {
    for (const input of [
      ruleFile({ all: [{ fact: name, operator: 'equal', value: true }] }),
      JSON.stringify(ruleFile({ all: [{ fact: name, operator: 'equal', value: true }] })),
    ]) {
      const error = rejection(input);
      expect(error.issues).toContainEqual({
        code: 'unknown_reference',
        path: '$.rules[0].conditions.all[0].fact',
        keys: ['rules', 0, 'conditions', 'all', 0, 'fact'],
        message: expect.stringMatching(
          new RegExp(
            `/ rule "唯一规则": unknown fact ${JSON.stringify(name).replace(/[$]/g, '\\$&')}(; did you mean "[A-Za-z]+"\\?)?[;.]? [Vv]alid facts: kind,`,
          ),
        ),
      });
    }
  });

  it.each(OBJECT_INTERNALS)('rejects an operator named %s', (name) => {
    const error = rejection(ruleFile({ all: [{ fact: 'met', operator: name, value: true }] }));
    expect(error.issues).toContainEqual({
      code: 'unknown_reference',
      path: '$.rules[0].conditions.all[0].operator',
      keys: ['rules', 0, 'conditions', 'all', 0, 'operator'],
      message: expect.stringContaining(`/ rule "唯一规则": unknown operator ${JSON.stringify(name)}; valid operators: equal,`),
    });
  });

  it.each(OBJECT_INTERNALS)('rejects a fact reference { "fact": "%s" }', (name) => {
    const error = rejection(ruleFile({ all: [{ fact: 'progress', operator: 'greaterThan', value: { fact: name } }] }));
    expect(pathsOf(error)).toContain('$.rules[0].conditions.all[0].value.fact');
  });

  it('rejects facts that an application would have to register, even toString, unless it does', () => {
    expect(pathsOf(rejection(ruleFile({ all: [{ fact: 'toString', operator: 'equal', value: 'x' }] })))).toEqual(['$.rules[0].conditions.all[0].fact']);
  });
});

describe('JSONPath', () => {
  it.each([
    ['a condition', { all: [{ fact: 'progress', operator: 'greaterThan', value: 0.5, path: '$.value' }] }, '$.rules[0].conditions.all[0].path'],
    [
      'a fact reference',
      { all: [{ fact: 'progress', operator: 'greaterThan', value: { fact: 'expected', path: '$..constructor' } }] },
      '$.rules[0].conditions.all[0].value.path',
    ],
    ['a nested condition', { any: [{ not: { fact: 'met', operator: 'equal', value: true, path: '$' } }] }, '$.rules[0].conditions.any[0].not.path'],
  ])('rejects "path" in %s', (_where, conditions, path) => {
    const error = rejection(ruleFile(conditions));
    expect(error.issues).toContainEqual(
      expect.objectContaining({ code: 'unsupported', path, message: expect.stringContaining('JSONPath is not accepted') as unknown }),
    );
  });

  it('treats a JSONPath expression as a fact name, which is unknown', () => {
    expect(pathsOf(rejection(ruleFile({ all: [{ fact: '$.progress', operator: 'greaterThan', value: 0 }] })))).toEqual(['$.rules[0].conditions.all[0].fact']);
  });
});

describe('code in a rule file', () => {
  const CODE = 'globalThis.__dubanPwned = 1';
  const everywhere: Record<string, unknown> = {
    formatVersion: 1,
    id: CODE,
    title: `\${${CODE}}`,
    description: `<script>${CODE}</script>`,
    statuses: [
      { code: 'ok', label: `(() => { ${CODE} })()`, description: `function () { ${CODE} }` },
      { code: CODE, label: '代码' },
    ],
    rules: [
      {
        name: `eval("${CODE}")`,
        priority: 2,
        conditions: { all: [{ fact: 'flags', operator: 'contains', value: CODE }] },
        event: { type: CODE, params: { run: CODE, toString: CODE, valueOf: CODE } },
      },
      {
        name: 'new Function()',
        priority: 1,
        conditions: { all: [{ fact: 'flags', operator: 'doesNotContain', value: `require('child_process').execSync('${CODE}')` }] },
        event: { type: 'ok', params: { script: `<script>${CODE}</script>` } },
      },
    ],
  };

  it.each(ENGINE_CHOICES)('is only ever compared or passed through as text (%s)', async (engine) => {
    const rules = parseRuleFile(everywhere);
    expect(rules.rules[0]!.event.params).toEqual({ run: CODE, toString: CODE, valueOf: CODE });
    const evaluation = await evaluatePlan(basePlan, { rules, engine });
    expect(evaluation.ruleSet).toBe(CODE);
    expect(evaluation.results.map((result) => result.rule)).toEqual(basePlan.tasks.map(() => 'new Function()'));
    expect(evaluation.summary.byStatus.find((entry) => entry.status === CODE)?.count).toBe(0);
  });

  it('rejects code as a fact or operator name (the corpus file rules-code-in-names.json)', () => {
    expect(pathsOf(rejection(corpusText('rules-code-in-names.json')))).toEqual([
      '$.rules[0].conditions.all[0].fact',
      '$.rules[1].conditions.all[0].operator',
      '$.rules[2].conditions.all[0].fact',
      '$.rules[3].conditions.all[0].value.fact',
    ]);
  });
});

describe('__proto__ and other internals as keys', () => {
  it('rejects event params holding __proto__ (no field of a rule file reaches object internals) and pollutes nothing', () => {
    const error = rejection(corpusText('rules-event-params-proto.json'));
    expect(pathsOf(error)).toEqual(['$.rules[0].event.params.__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['the file', '$.__proto__'],
    ['a rule', '$.rules[0].__proto__'],
    ['a status', '$.statuses[0].__proto__'],
    ['an event', '$.rules[0].event.__proto__'],
  ])('reports an own __proto__ key in %s as an unknown key', (_where, path) => {
    const error = rejection(corpusText('rules-proto-keys.json'));
    expect(error.issues).toContainEqual(
      expect.objectContaining({ code: 'unknown_key', path, message: expect.stringContaining('unknown key "__proto__"') as unknown }),
    );
  });

  it('reports constructor and prototype keys as unknown keys', () => {
    const error = rejection(JSON.stringify(ruleFile({ all: [] }, { constructor: {}, prototype: {} })));
    expect(pathsOf(error).sort()).toEqual(['$.constructor', '$.prototype']);
  });
});

describe('status codes and rule names that are event names or internals', () => {
  const NAMES = ['error', 'newListener', 'removeListener', 'success', 'failure', '*', '__proto__', 'constructor', 'hasOwnProperty', 'toString'];
  for (const engine of ENGINE_CHOICES) {
    it.each(NAMES)(`are plain data to the %s status (${engine})`, async (name) => {
      const rules: RuleFile = parseRuleFile({
        formatVersion: 1,
        id: 'event-names',
        title: '事件名',
        statuses: [{ code: name, label: '标签' }],
        rules: [{ name, priority: 1, conditions: { all: [] }, event: { type: name } }],
      });
      const evaluation = await evaluatePlan(basePlan, { rules, engine });
      expect(evaluation.results.map((result) => [result.status, result.rule])).toEqual(basePlan.tasks.map(() => [name, name]));
      expect(evaluation.summary.byStatus).toEqual([{ status: name, label: '标签', count: basePlan.tasks.length }]);
    });
  }
});

describe('the bundled rule sets', () => {
  it('are themselves free of path, decorated operators and internals', () => {
    for (const id of ['three-level', 'four-level', 'traffic-light'] as const) {
      const text = JSON.stringify(bundledRuleFileJson(id));
      expect(text).not.toMatch(/"path"|"__proto__"|"constructor"|"prototype"|"operator":"[a-zA-Z]+:/);
      expect(() => parseRuleFile(bundledRuleFileJson(id))).not.toThrow();
    }
  });
});
