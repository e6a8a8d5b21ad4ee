// The documented input limits (src/model/limits.ts) are enforced with clear
// messages at their exact boundaries, through every parse function, for JSON text
// and for objects alike; and a plan far larger than any real one still evaluates.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  evaluatePlan,
  formatEvaluation,
  isDubanError,
  MAX_CONDITION_DEPTH,
  MAX_INPUT_BYTES,
  MAX_JSON_DEPTH,
  MAX_STRING_LENGTH,
  MAX_TASKS,
  parseObservations,
  parseObservationsCsv,
  parsePlan,
  parseRuleFile,
} from '../../src/index.js';
import type { DubanError } from '../../src/index.js';
import { ROOT, requireBuiltCli } from './run-cli.js';

const PLAN = {
  formatVersion: 1,
  id: 'limits-2018',
  title: '限制测试',
  period: { start: '2018-01-01', end: '2018-12-31' },
  tasks: [{ id: 'T1', title: '出台方案', target: { kind: 'binary', completedOn: null } }],
};
const OBSERVATIONS = { formatVersion: 1, planId: 'limits-2018', observations: [{ taskId: 'T1', asOf: '2018-06-30', value: '1' }] };
const RULES = {
  formatVersion: 1,
  id: 'limits',
  title: '限制',
  statuses: [{ code: 'ok', label: '正常' }],
  rules: [{ name: '总是', priority: 1, conditions: { all: [] }, event: { type: 'ok' } }],
};

/** Calls `parse`, expecting duban's own error, and returns it. */
function rejected(parse: () => unknown): DubanError {
  let caught: unknown;
  try {
    parse();
  } catch (error) {
    caught = error;
  }
  expect(isDubanError(caught), `expected a DubanError, got ${String(caught)}`).toBe(true);
  return caught as DubanError;
}

/** An array nested `levels` deep: `[[...[]...]]` (built without recursion). */
function nestedArrays(levels: number): unknown {
  let value: unknown[] = [];
  for (let i = 1; i < levels; i++) value = [value];
  return value;
}

/** Both ways of giving an input: as a value and as its JSON text. */
const bothForms = (value: unknown) =>
  [
    ['object', value],
    ['text', JSON.stringify(value)],
  ] as const;

describe('MAX_STRING_LENGTH', () => {
  it('is 100 000 characters', () => expect(MAX_STRING_LENGTH).toBe(100_000));

  it.each(bothForms({ ...PLAN, title: 'x'.repeat(MAX_STRING_LENGTH) }))('accepts a title of exactly the limit (%s)', (_form, input) => {
    expect(parsePlan(input).title).toHaveLength(MAX_STRING_LENGTH);
  });

  it.each(bothForms({ ...PLAN, title: 'x'.repeat(MAX_STRING_LENGTH + 1) }))('rejects a title one character longer, naming the path (%s)', (_form, input) => {
    const error = rejected(() => parsePlan(input));
    expect(error.code).toBe('LIMIT_EXCEEDED');
    expect(error.issues).toEqual([
      {
        code: 'too_long',
        path: '$.title',
        keys: ['title'],
        message: expect.stringContaining(`string of ${MAX_STRING_LENGTH + 1} characters is longer than the limit of ${MAX_STRING_LENGTH}`),
      },
    ]);
  });

  it('rejects an over-long key, even an x- key, at the object holding it', () => {
    const input = { ...PLAN, tasks: [{ ...PLAN.tasks[0], [`x-${'k'.repeat(MAX_STRING_LENGTH)}`]: 1 }] };
    expect(rejected(() => parsePlan(input)).issues).toEqual([
      { code: 'too_long', path: '$.tasks[0]', keys: ['tasks', 0], message: expect.stringContaining(`key of ${MAX_STRING_LENGTH + 2} characters`) },
    ]);
  });

  it('applies to observations files and rule files', () => {
    const note = 'n'.repeat(MAX_STRING_LENGTH + 1);
    expect(
      rejected(() => parseObservations({ ...OBSERVATIONS, observations: [{ ...OBSERVATIONS.observations[0], note }] })).issues.map((issue) => issue.path),
    ).toEqual(['$.observations[0].note']);
    expect(rejected(() => parseRuleFile(JSON.stringify({ ...RULES, description: note }))).issues.map((issue) => issue.path)).toEqual(['$.description']);
  });

  it('applies to CSV cells, naming the line and column, at the exact boundary', () => {
    const csv = (note: string) => `taskId,asOf,value,unit,note\nT1,2018-06-30,1,,${note}\n`;
    expect(parseObservationsCsv(csv('n'.repeat(MAX_STRING_LENGTH)), 'limits-2018').observations[0]?.note).toHaveLength(MAX_STRING_LENGTH);
    const error = rejected(() => parseObservationsCsv(csv('n'.repeat(MAX_STRING_LENGTH + 1)), 'limits-2018'));
    expect(error.code).toBe('LIMIT_EXCEEDED');
    expect(error.issues).toEqual([
      { code: 'too_long', path: 'line 2, column 5 (note)', keys: [2, 5], message: expect.stringContaining('longer than the limit of 100000') },
    ]);
  });

  it('lists at most about a hundred limit problems, however many there are', () => {
    const long = 'x'.repeat(MAX_STRING_LENGTH + 1);
    const tasks = Array.from({ length: 1000 }, (_, i) => ({ ...PLAN.tasks[0], id: `T${i}`, title: long }));
    const error = rejected(() => parsePlan({ ...PLAN, tasks }));
    expect(error.issues.length).toBe(101);
    expect(error.issues.at(-1)?.message).toContain('not listed');
  });
});

describe('MAX_JSON_DEPTH', () => {
  it('is 256 levels, enough for conditions nested to MAX_CONDITION_DEPTH', () => {
    expect(MAX_JSON_DEPTH).toBe(256);
    expect(MAX_CONDITION_DEPTH).toBe(64);
    // 64 levels of { "all": [ ... ] } take two JSON levels each, under rules[i].conditions.
    let conditions: unknown = { fact: 'met', operator: 'in', value: [true] };
    for (let i = 1; i < MAX_CONDITION_DEPTH; i++) conditions = { all: [conditions] };
    expect(() => parseRuleFile(JSON.stringify({ ...RULES, rules: [{ ...RULES.rules[0], conditions }] }))).not.toThrow();
  });

  // The plan object is level 1, so an x- value at level 2 may nest MAX_JSON_DEPTH - 1 deep.
  it.each(bothForms({ ...PLAN, 'x-deep': nestedArrays(MAX_JSON_DEPTH - 1) }))('accepts nesting up to the limit (%s)', (_form, input) => {
    expect(() => parsePlan(input)).not.toThrow();
  });

  it.each(bothForms({ ...PLAN, 'x-deep': nestedArrays(MAX_JSON_DEPTH) }))('rejects one level more, naming the path (%s)', (_form, input) => {
    const error = rejected(() => parsePlan(input));
    expect(error.issues).toEqual([
      {
        code: 'too_deep',
        path: `$.x-deep${'[0]'.repeat(MAX_JSON_DEPTH - 1)}`,
        keys: ['x-deep', ...new Array<number>(MAX_JSON_DEPTH - 1).fill(0)],
        message: `数组和对象嵌套超过 ${MAX_JSON_DEPTH} 层 / nested deeper than ${MAX_JSON_DEPTH} levels of arrays and objects`,
      },
    ]);
  });

  it('rejects 100 000 levels of nesting without overflowing the stack, in every input format', () => {
    const deep = nestedArrays(100_000);
    expect(rejected(() => parsePlan({ ...PLAN, title: deep })).issues[0]?.path).toMatch(/^\$\.title(\[0\])+$/);
    expect(rejected(() => parseObservations({ ...OBSERVATIONS, planId: deep })).issues[0]?.path).toMatch(/^\$\.planId(\[0\])+$/);
    expect(rejected(() => parsePlan(`{"x-deep":${'['.repeat(100_000)}${']'.repeat(100_000)}}`)).issues[0]?.message).toContain('nested deeper');
    expect(rejected(() => parseRuleFile(`{"title":${'['.repeat(100_000)}${']'.repeat(100_000)}}`)).issues[0]?.message).toContain('nested deeper');
  });

  it('rejects a rule file object nested 100 000 deep outside its conditions with a DubanError, not a RangeError', () => {
    expect(rejected(() => parseRuleFile({ ...RULES, title: nestedArrays(100_000) })).code).toBe('LIMIT_EXCEEDED');
  });

  it('rejects conditions nested 100 000 deep given as an object', () => {
    let conditions: unknown = { all: [] };
    for (let i = 0; i < 100_000; i++) conditions = { not: conditions };
    const error = rejected(() => parseRuleFile({ ...RULES, rules: [{ ...RULES.rules[0], conditions }] }));
    expect(error.issues[0]?.message).toContain(`nested deeper than ${MAX_CONDITION_DEPTH} levels`);
  });

  it('stops at a cycle in an object given to the library instead of looping', () => {
    const cyclic: Record<string, unknown> = { ...PLAN };
    cyclic['x-self'] = cyclic;
    expect(rejected(() => parsePlan(cyclic)).issues[0]?.message).toContain('nested deeper');
  });
});

describe('MAX_TASKS', () => {
  it('is 1 000 000 and a plan with one more task is rejected before its tasks are validated', () => {
    expect(MAX_TASKS).toBe(1_000_000);
    const error = rejected(() => parsePlan({ ...PLAN, tasks: new Array(MAX_TASKS + 1).fill(0) }));
    expect(error.issues).toEqual([
      {
        code: 'too_many',
        path: '$.tasks',
        keys: ['tasks'],
        message: `${MAX_TASKS + 1} 项任务，超过上限 ${MAX_TASKS} / ${MAX_TASKS + 1} tasks, more than the limit of ${MAX_TASKS}`,
      },
    ]);
  });
});

describe('MAX_INPUT_BYTES', () => {
  it('is 256 MiB, and text one character longer is rejected by every parse function', () => {
    expect(MAX_INPUT_BYTES).toBe(256 * 1024 * 1024);
    const text = ' '.repeat(MAX_INPUT_BYTES + 1);
    const expected = [
      {
        code: 'too_large',
        path: '$',
        keys: [],
        message: `输入长 ${MAX_INPUT_BYTES + 1} 个字符，超过上限 ${MAX_INPUT_BYTES}（256 MiB） / input is ${MAX_INPUT_BYTES + 1} characters long, more than the limit of ${MAX_INPUT_BYTES} (256 MiB)`,
      },
    ];
    expect(rejected(() => parsePlan(text)).issues).toEqual(expected);
    expect(rejected(() => parseObservations(text)).issues).toEqual(expected);
    expect(rejected(() => parseRuleFile(text)).issues).toEqual(expected);
    expect(rejected(() => parseObservationsCsv(text, 'limits-2018')).issues).toEqual(expected);
  });
});

describe('large plans', () => {
  const TASKS = 20_000;
  const kinds = [
    { kind: 'cumulative', measure: '新增就业', unit: '万人', value: '3.7' },
    { kind: 'level', measure: '高新技术企业', unit: '家', value: '220', baseline: '160' },
    { kind: 'rate', measure: '地区生产总值增长', unit: '%', value: '8' },
    {
      kind: 'milestones',
      milestones: [
        { title: '开工', due: '2018-03-31', done: '2018-03-20' },
        { title: '竣工', due: '2018-11-30', done: null },
      ],
    },
    { kind: 'binary', completedOn: null },
  ];
  const tasks = Array.from({ length: TASKS }, (_, i) => ({
    id: `T${i}`,
    title: `第${i + 1}项`,
    target: kinds[i % 5],
    ...(i % 5 < 3 && i % 7 !== 0 ? { observations: [{ asOf: '2018-06-30', value: String(160 + (i % 90)) }] } : {}),
  }));

  it(`evaluates a ${TASKS}-task plan, every task exactly once, and formats it`, async () => {
    const plan = parsePlan(JSON.stringify({ ...PLAN, tasks }));
    const evaluation = await evaluatePlan(plan, { asOf: '2018-07-31', rules: 'traffic-light' });
    expect(evaluation.results).toHaveLength(TASKS);
    expect(evaluation.results.map((result) => result.taskId)).toEqual(tasks.map((task) => task.id));
    expect(evaluation.summary.total).toBe(TASKS);
    expect(evaluation.summary.byStatus.reduce((sum, entry) => sum + entry.count, 0) + evaluation.gaps.length).toBe(TASKS);
    for (const format of ['json', 'csv', 'markdown', 'table'] as const) expect(formatEvaluation(evaluation, format).length).toBeGreaterThan(TASKS * 10);
  });

  // In a main thread, as the CLI runs (vitest's worker threads have a larger stack that hides the problem).
  it('formats a 200 000-task evaluation in every format without overflowing the stack', () => {
    requireBuiltCli();
    const script = `
      import { evaluatePlanSync, formatEvaluation, parsePlan } from ${JSON.stringify(pathToFileURL(join(ROOT, 'dist/index.js')).href)};
      const small = evaluatePlanSync(parsePlan(${JSON.stringify(JSON.stringify(PLAN))}), { asOf: '2018-06-30' });
      const large = { ...small, results: new Array(200000).fill(small.results[0]), summary: { ...small.summary, total: 200000 } };
      for (const format of ['table', 'markdown', 'csv', 'json']) {
        try { formatEvaluation(large, format); console.log(format, 'ok'); } catch (error) { console.log(format, String(error)); }
      }`;
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(output.trim().split('\n')).toEqual(['table ok', 'markdown ok', 'csv ok', 'json ok']);
  });
});
