// Every load-time rejection of rule-sets.md: each names the JSON path, quotes
// the offending key or value and (where a rule is concerned) names the rule.
import { describe, expect, it } from 'vitest';
import { BUNDLED_RULE_SET_IDS, bundledRuleFileJson, MAX_CONDITION_DEPTH, parseRuleFile, safeParseRuleFile } from '../../src/index.js';
import { dubanErrorOf, ruleFileJson } from './helpers.js';

const RULE = '检查规则';
const QUOTED_RULE = JSON.stringify(RULE);
const leaf = (overrides: Record<string, unknown> = {}) => ({ fact: 'met', operator: 'equal', value: true, ...overrides });
const ruleWith = (overrides: Record<string, unknown>) => ({ name: RULE, priority: 10, conditions: { all: [leaf()] }, event: { type: 'a' }, ...overrides });
const withConditions = (conditions: unknown) => ruleFileJson([ruleWith({ conditions })]);
/** A one-leaf rule file, from JSON text so that keys such as `__proto__` stay own data keys. */
const withLeafFactText = (fact: string, where: 'fact' | 'value') =>
  JSON.parse(
    JSON.stringify(withConditions({ all: [where === 'fact' ? leaf({ fact: 'PLACEHOLDER' }) : leaf({ value: { fact: 'PLACEHOLDER' } })] })).replace(
      '"PLACEHOLDER"',
      JSON.stringify(fact),
    ),
  ) as unknown;

/** Conditions nested `levels` deep (a leaf inside `levels − 1` "all" nodes). */
function nested(levels: number): unknown {
  let node: unknown = leaf();
  for (let i = 1; i < levels; i++) node = { all: [node] };
  return node;
}

function issuesOf(input: unknown, options: Parameters<typeof parseRuleFile>[1] = {}, code = 'INVALID_RULE_FILE') {
  const error = dubanErrorOf(() => parseRuleFile(input, options));
  expect(error.code).toBe(code);
  return error.issues;
}

type Rejection = readonly [description: string, file: unknown, path: string, quoted: readonly string[]];

/** Rejections inside a rule: each must name the rule (rule-sets.md: "Loading rejects, with the rule's name, the JSON path and the offending key or value quoted"). */
const RULE_REJECTIONS: readonly Rejection[] = [
  ['an unknown fact', withConditions({ all: [leaf({ fact: 'speed' })] }), '$.rules[0].conditions.all[0].fact', ['"speed"']],
  ['a fact in the wrong case', withConditions({ all: [leaf({ fact: 'OnPace' })] }), '$.rules[0].conditions.all[0].fact', ['"OnPace"']],
  [
    'an unknown fact in a { "fact": ... } value',
    withConditions({ all: [leaf({ value: { fact: 'speed' } })] }),
    '$.rules[0].conditions.all[0].value.fact',
    ['"speed"'],
  ],
  ['a fact named toString', withLeafFactText('toString', 'fact'), '$.rules[0].conditions.all[0].fact', ['"toString"']],
  ['a fact named __proto__', withLeafFactText('__proto__', 'fact'), '$.rules[0].conditions.all[0].fact', ['"__proto__"']],
  ['a fact named constructor', withLeafFactText('constructor', 'fact'), '$.rules[0].conditions.all[0].fact', ['"constructor"']],
  ['a value fact named toString', withLeafFactText('toString', 'value'), '$.rules[0].conditions.all[0].value.fact', ['"toString"']],
  ['a value fact named __proto__', withLeafFactText('__proto__', 'value'), '$.rules[0].conditions.all[0].value.fact', ['"__proto__"']],
  ['a value fact named constructor', withLeafFactText('constructor', 'value'), '$.rules[0].conditions.all[0].value.fact', ['"constructor"']],
  ['an unknown operator', withConditions({ all: [leaf({ operator: 'withinTen' })] }), '$.rules[0].conditions.all[0].operator', ['"withinTen"']],
  ['the decorated operator not:equal', withConditions({ all: [leaf({ operator: 'not:equal' })] }), '$.rules[0].conditions.all[0].operator', ['"not:equal"']],
  [
    'the decorated operator everyFact:contains',
    withConditions({ all: [leaf({ fact: 'flags', operator: 'everyFact:contains', value: 'problem' })] }),
    '$.rules[0].conditions.all[0].operator',
    ['"everyFact:contains"'],
  ],
  [
    'the decorated operator swap:greaterThan',
    withConditions({ all: [leaf({ fact: 'progress', operator: 'swap:greaterThan', value: 0.5 })] }),
    '$.rules[0].conditions.all[0].operator',
    ['"swap:greaterThan"'],
  ],
  ['an event type not in statuses', ruleFileJson([ruleWith({ event: { type: 'zzz' } })]), '$.rules[0].event.type', ['"zzz"']],
  ['a leaf without an operator', withConditions({ all: [{ fact: 'met', value: true }] }), '$.rules[0].conditions.all[0]', ['"operator"']],
  ['a leaf without a value', withConditions({ all: [{ fact: 'met', operator: 'equal' }] }), '$.rules[0].conditions.all[0]', ['"value"']],
  ['an empty "any"', withConditions({ any: [] }), '$.rules[0].conditions.any', ['"any"']],
  ['an empty "any" nested', withConditions({ all: [{ any: [] }] }), '$.rules[0].conditions.all[0].any', ['"any"']],
  ['"all" that is not a list', withConditions({ all: { fact: 'met' } }), '$.rules[0].conditions.all', ['"all"', '{"fact":"met"}']],
  ['a leaf at the top level', withConditions(leaf()), '$.rules[0].conditions', ['"fact":"met"']],
  ['"all" and "any" in one node', withConditions({ all: [], any: [leaf()] }), '$.rules[0].conditions', ['"all"', '"any"']],
  ['"any" and "not" in one nested node', withConditions({ all: [{ any: [leaf()], not: leaf() }] }), '$.rules[0].conditions.all[0]', ['"any"', '"not"']],
  ['a condition that is not an object', withConditions({ all: [42] }), '$.rules[0].conditions.all[0]', ['42']],
  ['"path" on a condition', withConditions({ all: [leaf({ path: '$.a' })] }), '$.rules[0].conditions.all[0].path', ['"path"']],
  ['"params" on a condition', withConditions({ all: [leaf({ params: { x: 1 } })] }), '$.rules[0].conditions.all[0].params', ['"params"']],
  ['a "condition" reference', withConditions({ all: [{ condition: 'shared' }] }), '$.rules[0].conditions.all[0].condition', ['"condition"']],
  ['a condition-level "priority" on a leaf', withConditions({ all: [leaf({ priority: 2 })] }), '$.rules[0].conditions.all[0].priority', ['"priority"']],
  ['a condition-level "priority" at the top', withConditions({ all: [leaf()], priority: 2 }), '$.rules[0].conditions.priority', ['"priority"']],
  ['an unknown key on a leaf', withConditions({ all: [leaf({ factt: 'x' })] }), '$.rules[0].conditions.all[0].factt', ['"factt"']],
  ['an unknown key on an "all" node', withConditions({ all: [leaf()], note: 'x' }), '$.rules[0].conditions.note', ['"note"']],
  [
    'an unknown key in a fact reference',
    withConditions({ all: [leaf({ value: { fact: 'met', path: '$.x' } })] }),
    '$.rules[0].conditions.all[0].value.path',
    ['"path"'],
  ],
  [
    '"in" with a non-list value',
    withConditions({ all: [leaf({ fact: 'kind', operator: 'in', value: 'rate' })] }),
    '$.rules[0].conditions.all[0].value',
    ['"in"', '"rate"'],
  ],
  [
    '"notIn" with a non-list value',
    withConditions({ all: [leaf({ fact: 'kind', operator: 'notIn', value: 3 })] }),
    '$.rules[0].conditions.all[0].value',
    ['"notIn"', '3'],
  ],
  ['a duplicate rule name', ruleFileJson([ruleWith({}), ruleWith({ priority: 5 })]), '$.rules[1].name', [QUOTED_RULE]],
  ['priority 0', ruleFileJson([ruleWith({ priority: 0 })]), '$.rules[0].priority', ['0']],
  ['priority 1.5', ruleFileJson([ruleWith({ priority: 1.5 })]), '$.rules[0].priority', ['1.5']],
  ['priority -1', ruleFileJson([ruleWith({ priority: -1 })]), '$.rules[0].priority', ['-1']],
  ['priority "10"', ruleFileJson([ruleWith({ priority: '10' })]), '$.rules[0].priority', ['"10"']],
  ['an unknown key on a rule', ruleFileJson([ruleWith({ salience: 3 })]), '$.rules[0].salience', ['"salience"']],
  ['an unknown key on an event', ruleFileJson([ruleWith({ event: { type: 'a', kind: 'x' } })]), '$.rules[0].event.kind', ['"kind"']],
];

/** Rejections outside any rule. */
const FILE_REJECTIONS: readonly Rejection[] = [
  [
    'a duplicate status code',
    ruleFileJson([ruleWith({})], {
      statuses: [
        { code: 'a', label: '甲' },
        { code: 'a', label: '乙' },
      ],
    }),
    '$.statuses[1].code',
    ['"a"'],
  ],
  ['an unknown key on a status', ruleFileJson([ruleWith({})], { statuses: [{ code: 'a', label: '甲', colour: 'red' }] }), '$.statuses[0].colour', ['"colour"']],
  ['an unknown key at the top', ruleFileJson([ruleWith({})], { version: 2 }), '$.version', ['"version"']],
];

describe('parseRuleFile', () => {
  it.each(BUNDLED_RULE_SET_IDS)('accepts the bundled %s rule file', (id) => {
    expect(parseRuleFile(bundledRuleFileJson(id)).id).toBe(id);
  });

  it('accepts JSON text as well as parsed JSON', () => {
    expect(parseRuleFile(JSON.stringify(bundledRuleFileJson('three-level')))).toEqual(parseRuleFile(bundledRuleFileJson('three-level')));
  });

  it('rejects JSON text that does not parse, at $', () => {
    expect(issuesOf('{ "formatVersion": 1,')[0]?.path).toBe('$');
  });

  it('accepts "always" as { "all": [] }, "not", nested "any" and fact-to-fact comparisons', () => {
    const file = parseRuleFile(
      ruleFileJson([
        ruleWith({
          name: '甲',
          conditions: { any: [{ not: leaf() }, { all: [leaf({ fact: 'progress', operator: 'greaterThanInclusive', value: { fact: 'expected' } })] }] },
        }),
        ruleWith({ name: '乙', priority: 1, conditions: { all: [] } }),
      ]),
    );
    expect(file.rules.map((rule) => rule.name)).toEqual(['甲', '乙']);
  });

  it('accepts keys starting with x- at every level and drops them from the result', () => {
    const file = parseRuleFile({
      ...ruleFileJson([
        {
          ...ruleWith({ conditions: { all: [{ ...leaf(), 'x-note': '说明' }], 'x-why': 1 } }),
          'x-author': '督查室',
          event: { type: 'a', 'x-colour': 'red' },
        },
      ]),
      'x-generated': true,
      statuses: [{ code: 'a', label: '甲', 'x-order': 1 }],
    });
    expect(file.rules[0]?.name).toBe(RULE);
    expect(file.statuses).toHaveLength(1);
  });

  it('accepts event params and passes them through', () => {
    const file = parseRuleFile(ruleFileJson([ruleWith({ event: { type: 'a', params: { colour: 'red' } } })]));
    expect(file.rules[0]?.event).toEqual({ type: 'a', params: { colour: 'red' } });
  });

  it.each(RULE_REJECTIONS)('rejects %s with its path, the offending key or value quoted, and the rule named', (_description, file, path, quoted) => {
    const issues = issuesOf(file);
    const issue = issues.find((candidate) => candidate.path === path);
    expect(issue, `no issue at ${path}: ${JSON.stringify(issues)}`).toBeDefined();
    for (const text of [...quoted, QUOTED_RULE]) expect(issue?.message).toContain(text);
  });

  it.each(FILE_REJECTIONS)('rejects %s with its path and the offending key or value quoted', (_description, file, path, quoted) => {
    const issues = issuesOf(file);
    const issue = issues.find((candidate) => candidate.path === path);
    expect(issue, `no issue at ${path}: ${JSON.stringify(issues)}`).toBeDefined();
    for (const text of quoted) expect(issue?.message).toContain(text);
  });

  it('accepts conditions nested exactly MAX_CONDITION_DEPTH deep', () => {
    expect(parseRuleFile(withConditions(nested(MAX_CONDITION_DEPTH))).rules).toHaveLength(1);
  });

  it('rejects conditions nested deeper than MAX_CONDITION_DEPTH, naming the rule and the limit', () => {
    const issues = issuesOf(withConditions(nested(MAX_CONDITION_DEPTH + 1)), {}, 'LIMIT_EXCEEDED');
    expect(issues).toHaveLength(1);
    expect(issues[0]?.code).toBe('too_deep');
    expect(issues[0]?.path).toBe(`$.rules[0].conditions${'.all[0]'.repeat(MAX_CONDITION_DEPTH)}`);
    expect(issues[0]?.message).toContain(String(MAX_CONDITION_DEPTH));
    expect(issues[0]?.message).toContain(QUOTED_RULE);
  });

  it('rejects absurdly deep conditions with an issue, not a stack overflow', () => {
    const issues = issuesOf(withConditions(nested(100_000)), {}, 'LIMIT_EXCEEDED');
    expect(issues.map((issue) => issue.message.includes(String(MAX_CONDITION_DEPTH)))).toEqual([true]);
  });

  it('reports every problem of a file together, not only the first', () => {
    const file = ruleFileJson(
      [
        ruleWith({ name: '甲', conditions: { all: [leaf({ fact: 'speed' }), leaf({ operator: 'not:equal' })] } }),
        ruleWith({ name: '乙', priority: 0, event: { type: 'zzz' } }),
        ruleWith({ name: '甲', conditions: { any: [] } }),
      ],
      {
        statuses: [
          { code: 'a', label: '甲' },
          { code: 'a', label: '乙' },
        ],
        colour: 'red',
      },
    );
    const paths = issuesOf(file).map((issue) => issue.path);
    expect(new Set(paths)).toEqual(
      new Set([
        '$.colour',
        '$.statuses[1].code',
        '$.rules[0].conditions.all[0].fact',
        '$.rules[0].conditions.all[1].operator',
        '$.rules[1].priority',
        '$.rules[1].event.type',
        '$.rules[2].name',
        '$.rules[2].conditions.any',
      ]),
    );
  });

  it('keeps the source name on the error', () => {
    const error = dubanErrorOf(() => parseRuleFile(ruleFileJson([ruleWith({ priority: 0 })]), { source: 'my-rules.json' }));
    expect(error.source).toBe('my-rules.json');
    expect(error.message).toContain('my-rules.json');
  });

  it('rejects an operator the application has not registered', () => {
    const issues = issuesOf(withConditions({ all: [leaf({ fact: 'value', operator: 'withinTen', value: 100 })] }));
    expect(issues).toEqual([
      {
        code: 'unknown_reference',
        path: '$.rules[0].conditions.all[0].operator',
        keys: ['rules', 0, 'conditions', 'all', 0, 'operator'],
        message: expect.stringContaining('"withinTen"') as unknown,
      },
    ]);
  });

  it('accepts an operator registered with { operators }', () => {
    const file = parseRuleFile(withConditions({ all: [leaf({ fact: 'value', operator: 'withinTen', value: 100 })] }), { operators: ['withinTen'] });
    expect(file.rules[0]?.conditions).toEqual({ all: [{ fact: 'value', operator: 'withinTen', value: 100 }] });
  });

  it('still rejects decorated forms of a registered operator', () => {
    const issues = issuesOf(withConditions({ all: [leaf({ operator: 'not:withinTen' })] }), { operators: ['withinTen'] });
    expect(issues.map((issue) => issue.path)).toEqual(['$.rules[0].conditions.all[0].operator']);
  });

  it('accepts a fact registered with { facts } and rejects it without', () => {
    const file = withConditions({ all: [leaf({ fact: 'region', value: '咸安区' })] });
    expect(parseRuleFile(file, { facts: ['region'] }).rules).toHaveLength(1);
    expect(issuesOf(file).map((issue) => issue.path)).toEqual(['$.rules[0].conditions.all[0].fact']);
  });
});

describe('safeParseRuleFile', () => {
  it('returns the issues instead of throwing', () => {
    const result = safeParseRuleFile(withConditions({ all: [leaf({ fact: 'speed' })] }));
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.issues.map((issue) => issue.path)).toEqual(['$.rules[0].conditions.all[0].fact']);
  });

  it('returns the same data as parseRuleFile for a valid file', () => {
    expect(safeParseRuleFile(bundledRuleFileJson('four-level'))).toEqual({ success: true, data: parseRuleFile(bundledRuleFileJson('four-level')) });
  });
});
