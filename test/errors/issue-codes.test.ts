// Typed issues (issue #16, item 5): every issue code and every error code is produced by some
// input, with the code that says what failed; `path` and `keys` never disagree.
import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadEvaluationInputs, readBytes, readText, writeAtomically } from '../../src/cli/io.js';
import { loadDocx } from '../../src/docx/load-docx.js';
import { pathKeys } from '../../src/errors.js';
import { readPlanWorkbook } from '../../src/excel/index.js';
import {
  compileDecisionTable,
  createClassifier,
  DUBAN_ERROR_CODES,
  evaluatePlanSync,
  formatPath,
  isDubanError,
  ISSUE_CODES,
  MAX_ARRAY_LENGTH,
  MAX_INPUT_BYTES,
  MAX_JSON_DEPTH,
  MAX_STRING_LENGTH,
  parseObservations,
  parseObservationsCsv,
  parsePlan,
  parseRuleCases,
  parseRuleFile,
  safeParseObservations,
  safeParsePlan,
  safeParseRuleFile,
  type DubanError,
  type DubanErrorCode,
  type IssueCode,
} from '../../src/index.js';
import { day, workbookOf } from '../excel/helpers.js';
import { planInput, task, type Json } from '../model/plan-inputs.js';

/** What `run` threw (or the promise it returned rejected with), which must be a DubanError. */
async function errorOf(run: () => unknown): Promise<DubanError> {
  try {
    await run();
  } catch (error) {
    if (isDubanError(error)) return error;
    throw error;
  }
  throw new Error('expected a DubanError, but nothing was thrown');
}

const RULES = {
  formatVersion: 1,
  id: 'mine',
  title: 'mine',
  statuses: [{ code: 'ok', label: '正常' }],
  rules: [{ name: '正常', priority: 1, conditions: { all: [] }, event: { type: 'ok' } }],
};
const withCondition = (condition: unknown) => ({ ...RULES, rules: [{ ...RULES.rules[0], conditions: { all: [condition] } }] });
const nested = (levels: number): unknown => {
  let value: unknown = [];
  for (let i = 1; i < levels; i++) value = [value];
  return value;
};
const folder = () => mkdtempSync(join(tmpdir(), 'duban-issue-codes-'));
/** The 计划 sheet of a plan workbook. */
const WORKBOOK_META: readonly (readonly unknown[])[] = [
  ['项目', '内容'],
  ['编号', 'demo-2018'],
  ['标题', '某市2018年政府工作报告任务分解'],
  ['开始日期', day('2018-01-01')],
  ['结束日期', day('2018-12-31')],
];

/**
 * One input per issue code: the error code it must give, the code and place of
 * (at least) one of its issues. Each is the plainest input with that problem.
 */
const ISSUE_CASES: Readonly<Record<IssueCode, { error: DubanErrorCode; path: string; run: () => unknown }>> = {
  json_syntax: { error: 'INVALID_PLAN', path: '$', run: () => parsePlan('{"formatVersion": 1,') },
  csv_syntax: { error: 'INVALID_OBSERVATIONS', path: 'line 1', run: () => parseObservationsCsv('taskId,asOf\nT1,2018-06-30\n', 'test-2018') },
  invalid_format: { error: 'INVALID_PLAN', path: '$', run: () => readPlanWorkbook(new TextEncoder().encode('not a zip')) },
  inexact_number: {
    error: 'INVALID_PLAN',
    path: '$.tasks[0].target.value',
    run: () => parsePlan(JSON.stringify(planInput()).replace('"value":"200"', '"value":9007199254740993')),
  },
  duplicate_key: {
    error: 'INVALID_PLAN',
    path: '$.title',
    run: () => parsePlan(JSON.stringify(planInput()).replace('"title":"测试计划"', '"title":"a","title":"b"')),
  },
  invalid_type: { error: 'INVALID_PLAN', path: '$.title', run: () => parsePlan(planInput([task('T1')], { title: 5 })) },
  required: { error: 'INVALID_PLAN', path: '$.tasks[0].title', run: () => parsePlan(planInput([{ id: 'T1', target: task('T1').target }])) },
  unknown_key: { error: 'INVALID_PLAN', path: '$.tasks[0].deadine', run: () => parsePlan(planInput([task('T1', { deadine: '2018-12-31' })])) },
  invalid_value: {
    error: 'INVALID_PLAN',
    path: '$.tasks[0].target.kind',
    run: () => parsePlan(planInput([task('T1', { target: { kind: '累计', measure: 'm', unit: '个', value: '1' } })])),
  },
  invalid_date: {
    error: 'INVALID_PLAN',
    path: '$.period.start',
    run: () => parsePlan(planInput([task('T1')], { period: { start: '2018-02-30', end: '2018-12-31' } })),
  },
  invalid_decimal: {
    error: 'INVALID_PLAN',
    path: '$.tasks[0].target.value',
    run: () => parsePlan(planInput([task('T1', { target: { kind: 'cumulative', measure: 'm', unit: '个', value: '1万' } })])),
  },
  too_small: {
    error: 'INVALID_PLAN',
    path: '$.tasks[0].target.value',
    run: () => parsePlan(planInput([task('T1', { target: { kind: 'cumulative', measure: 'm', unit: '个', value: '-5' } })])),
  },
  too_big: {
    error: 'INVALID_PLAN',
    path: '$.pace.trajectory[0].expected',
    run: () => parsePlan(planInput([task('T1')], { pace: { trajectory: [{ date: '2018-06-30', expected: '1.5' }] } })),
  },
  duplicate_id: { error: 'INVALID_PLAN', path: '$.tasks[1].id', run: () => parsePlan(planInput([task('T1'), task('T1')])) },
  unknown_reference: { error: 'INVALID_PLAN', path: '$.tasks[0].category', run: () => parsePlan(planInput([task('T1', { category: 'Z' })])) },
  inconsistent: {
    error: 'INVALID_PLAN',
    path: '$.period.end',
    run: () => parsePlan(planInput([task('T1')], { period: { start: '2018-12-31', end: '2018-01-01' } })),
  },
  unsupported: {
    error: 'INVALID_RULE_FILE',
    path: '$.rules[0].conditions.all[0].path',
    run: () => parseRuleFile(withCondition({ fact: 'cancelled', operator: 'equal', value: true, path: '$.x' })),
  },
  too_large: {
    error: 'LIMIT_EXCEEDED',
    path: '$',
    run: () => {
      // A sparse file one byte past MAX_INPUT_BYTES costs no disk: the CLI refuses it by its size before reading.
      const file = join(folder(), 'big.plan.json');
      writeFileSync(file, '');
      truncateSync(file, MAX_INPUT_BYTES + 1);
      return readText(file, () => '');
    },
  },
  too_long: { error: 'LIMIT_EXCEEDED', path: '$.title', run: () => parsePlan(planInput([task('T1')], { title: 'x'.repeat(MAX_STRING_LENGTH + 1) })) },
  too_many: {
    error: 'LIMIT_EXCEEDED',
    path: '$.categories',
    run: () =>
      parsePlan(planInput([task('T1')], { categories: Array.from({ length: MAX_ARRAY_LENGTH + 1 }, (_, i) => ({ id: `C${i}`, title: `类别 ${i}` })) })),
  },
  too_deep: {
    error: 'LIMIT_EXCEEDED',
    path: `$.x-deep${'[0]'.repeat(MAX_JSON_DEPTH - 1)}`,
    run: () => parsePlan(planInput([task('T1')], { 'x-deep': nested(MAX_JSON_DEPTH) })),
  },
  read_failed: { error: 'READ_FAILED', path: '$', run: () => readText(join(folder(), 'no-such-plan.json'), () => '') },
  write_failed: { error: 'WRITE_FAILED', path: '--out', run: () => writeAtomically(join(folder(), 'no-such-folder', 'plan.json'), '{}') },
  truncated: { error: 'INVALID_PLAN', path: '$', run: () => parsePlan(planInput(Array.from({ length: 1001 }, (_, i) => task(`T${i}`, { title: i })))) },
};

describe('ISSUE_CODES', () => {
  it('has one case here per code, and no code twice', () => {
    expect(Object.keys(ISSUE_CASES).sort()).toEqual([...ISSUE_CODES].sort());
    expect(new Set(ISSUE_CODES).size).toBe(ISSUE_CODES.length);
  });

  it.each(ISSUE_CODES.map((code) => [code, ISSUE_CASES[code]] as const))(
    '%s is produced, at its place, with the error code that says what failed',
    async (code, item) => {
      const error = await errorOf(item.run);
      expect(error.code).toBe(item.error);
      expect(error.issues.filter((issue) => issue.code === code).map((issue) => issue.path)).toContain(item.path);
      for (const issue of error.issues) expect(ISSUE_CODES).toContain(issue.code);
    },
  );

  it('names the most specific code, not a neighbour: a bad date is invalid_date, a missing key required, an unknown key unknown_key', () => {
    const codes = (input: unknown) => {
      const result = safeParsePlan(input);
      return result.success ? [] : result.error.issues.map((issue) => issue.code);
    };
    expect(codes(planInput([task('T1', { deadline: '2018-02-30' })]))).toEqual(['invalid_date']);
    expect(codes(planInput([task('T1', { deadline: 20181231 })]))).toEqual(['invalid_type']);
    expect(codes(planInput([{ id: 'T1', title: 't' }]))).toEqual(['required']);
    expect(codes(planInput([task('T1', { target: { kind: 'cumulative', measure: 'm', unit: '个', value: '1', extra: 1 } })]))).toEqual(['unknown_key']);
    expect(codes(planInput([task('T1', { target: { kind: 'rate', measure: 'm', unit: '%', value: '5', bound: 'about' } })]))).toEqual(['required']);
    expect(codes(planInput([task('T1', { target: { kind: 'rate', measure: 'm', unit: '%', value: '5', tolerance: '1' } })]))).toEqual(['inconsistent']);
    expect(codes(planInput([task('T1', { observations: [{ asOf: '2018-06-30', value: '1', unit: '亩' }] })]))).toEqual(['inconsistent']);
  });

  it('gives the issues of rule files, observations, rule cases and decision tables their codes', async () => {
    const rule = async (condition: unknown) => (await errorOf(() => parseRuleFile(withCondition(condition)))).issues.map((issue) => issue.code);
    expect(await rule({ fact: 'onpace', operator: 'equal', value: true })).toEqual(['unknown_reference']);
    expect(await rule({ fact: 'cancelled', operator: 'equalz', value: true })).toEqual(['unknown_reference']);
    expect(await rule({ fact: 'cancelled', operator: 'equal' })).toEqual(['required']);
    expect(await rule({ fact: 'cancelled', operator: 'equal', value: 'true' })).toEqual(['invalid_type']);
    expect(
      (await errorOf(() => parseObservations({ formatVersion: 1, planId: 'p', observations: [{ taskId: 'T1', asOf: '2018-06-30', value: 'x' }] }))).issues,
    ).toEqual([expect.objectContaining({ code: 'invalid_decimal', path: '$.observations[0].value', keys: ['observations', 0, 'value'] })]);
    const cases = await errorOf(() => parseRuleCases({ formatVersion: 1, cases: [{ name: 'a', expected: null }] }));
    expect(cases.code).toBe('INVALID_RULE_CASES');
    expect(cases.issues.map((issue) => [issue.code, issue.path])).toEqual([['required', '$.cases[0]']]);
    const table = await errorOf(() => compileDecisionTable('status,label,paceRatio\nx,X,< big\n', { format: 'csv' }));
    expect(table.code).toBe('INVALID_DECISION_TABLE');
    expect(table.issues).toEqual([expect.objectContaining({ code: 'invalid_type', path: 'line 2, column "paceRatio"', keys: [2, 'paceRatio'] })]);
  });

  it('names a CSV cell by line and column number, and a workbook cell by sheet and address', async () => {
    const csv = await errorOf(() => parseObservationsCsv('taskId,asOf,value,unit,note\nT1,2018-02-30,1,,\n', 'test-2018'));
    expect(csv.issues).toEqual([expect.objectContaining({ code: 'invalid_date', path: 'line 2, column 2 (asOf)', keys: [2, 2] })]);
  });
});

describe('DUBAN_ERROR_CODES', () => {
  const plan = () => parsePlan(planInput());
  const CASES: Readonly<Record<DubanErrorCode, () => unknown>> = {
    INVALID_PLAN: () => parsePlan(planInput([task('T1')], { title: 5 })),
    INVALID_OBSERVATIONS: () => parseObservations({ formatVersion: 1, planId: 'p' }),
    INVALID_RULE_FILE: () => parseRuleFile({ ...RULES, statuses: [] }),
    INVALID_RULE_CASES: () => parseRuleCases({ formatVersion: 1, cases: [] }),
    INVALID_DECISION_TABLE: () => compileDecisionTable([]),
    INVALID_OPTION: () => evaluatePlanSync(plan(), { rounding: 'up' as never }),
    UNKNOWN_TASK: () => evaluatePlanSync(plan(), { tasks: ['T404'] }),
    READ_FAILED: () => readText(folder(), () => ''),
    WRITE_FAILED: () => writeAtomically(join(folder(), 'no-such-folder', 'x.json'), '{}'),
    LIMIT_EXCEEDED: () => parsePlan(planInput([task('T1')], { 'x-deep': nested(MAX_JSON_DEPTH) })),
    ENGINE_ERROR: () =>
      createClassifier(parseRuleFile(withCondition({ fact: 'progress', operator: 'withinTen', value: 1 }), { operators: ['withinTen'] })).classify({} as never),
    MISSING_DEPENDENCY: () => loadDocx(() => Promise.reject(Object.assign(new Error("Cannot find package 'docx'"), { code: 'ERR_MODULE_NOT_FOUND' }))),
  };

  it.each(DUBAN_ERROR_CODES.map((code) => [code, CASES[code]] as const))('%s is produced', async (code, run) => {
    expect((await errorOf(run)).code).toBe(code);
  });

  it('a plan path that does not exist, or is a folder, is READ_FAILED (it was INVALID_OPTION)', async () => {
    const dir = folder();
    for (const file of [join(dir, 'missing.plan.json'), dir]) {
      const error = await errorOf(() => loadEvaluationInputs({ plan: file }, { stdout: () => undefined, stderr: () => undefined, stdin: () => '' }));
      expect(error.code).toBe('READ_FAILED');
      expect(error.issues).toEqual([expect.objectContaining({ code: 'read_failed', path: '$', keys: [] })]);
    }
    expect((await errorOf(() => readBytes(join(dir, 'missing.xlsx')))).code).toBe('READ_FAILED');
  });

  it('a file that is not UTF-8 is READ_FAILED with invalid_format, not INVALID_OPTION', async () => {
    const file = join(folder(), 'gbk.json');
    writeFileSync(file, new Uint8Array([0x7b, 0xc4, 0xe3, 0x7d]));
    const error = await errorOf(() => readText(file, () => ''));
    expect([error.code, error.issues[0]?.code]).toEqual(['READ_FAILED', 'invalid_format']);
  });

  it('an array of MAX_ARRAY_LENGTH + 1 items is LIMIT_EXCEEDED (it was INVALID_PLAN), one of MAX_ARRAY_LENGTH is not', async () => {
    const categories = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `C${i}`, title: `类别 ${i}` }));
    const over = await errorOf(() => parsePlan(planInput([task('T1')], { categories: categories(MAX_ARRAY_LENGTH + 1) })));
    expect(over.code).toBe('LIMIT_EXCEEDED');
    expect(over.issues).toEqual([expect.objectContaining({ code: 'too_many', path: '$.categories', keys: ['categories'] })]);
    expect(() => parsePlan(planInput([task('T1')], { categories: categories(MAX_ARRAY_LENGTH) }))).not.toThrow();
  });

  it('a bad option stays INVALID_OPTION, naming the option in path and keys', async () => {
    const error = await errorOf(() => evaluatePlanSync(parsePlan(planInput()), { asOf: '2018-02-30' }));
    expect(error.code).toBe('INVALID_OPTION');
    expect(error.issues).toEqual([expect.objectContaining({ code: 'invalid_date', path: 'asOf', keys: ['asOf'] })]);
  });
});

describe('path and keys', () => {
  const key = fc.oneof(fc.nat({ max: 50 }), fc.string({ maxLength: 6 }), fc.constantFrom('x-注', 'a.b', 'a[0]', '"', '\\', '0', '$', 'tasks'));

  it('pathKeys reads back what formatPath wrote', () => {
    fc.assert(
      fc.property(fc.array(key, { maxLength: 6 }), (keys) => {
        expect(pathKeys(formatPath(keys))).toEqual(keys);
      }),
    );
    expect(formatPath(['tasks', 3, 'target', 'value'])).toBe('$.tasks[3].target.value');
    expect(formatPath([])).toBe('$');
  });

  /** A valid plan, rule file or observations file with one value somewhere replaced by another JSON value. */
  const mutated = (base: Json) =>
    fc.tuple(fc.array(fc.nat({ max: 20 }), { minLength: 1, maxLength: 5 }), fc.jsonValue({ maxDepth: 2 })).map(([route, value]) => {
      const copy = JSON.parse(JSON.stringify(base)) as Json;
      let at: Record<string, unknown> = copy;
      for (const [i, step] of route.entries()) {
        const keys = Object.keys(at);
        if (keys.length === 0) break;
        const name = keys[step % keys.length]!;
        const child = at[name];
        if (i === route.length - 1 || typeof child !== 'object' || child === null) {
          at[name] = value;
          break;
        }
        at = child as Record<string, unknown>;
      }
      return copy;
    });
  const PLAN = planInput([task('T1', { observations: [{ asOf: '2018-06-30', value: '5' }] }), task('T2', { category: 'A' })], {
    categories: [{ id: 'A', title: '甲' }],
    pace: { trajectory: [{ date: '2018-06-30', expected: '0.5' }] },
  });
  const OBSERVATIONS = { formatVersion: 1, planId: 'test-2018', observations: [{ taskId: 'T1', asOf: '2018-06-30', value: '5', unit: '亿元' }] };

  it.each([
    ['a plan', PLAN, (input: unknown) => safeParsePlan(input)],
    ['an observations file', OBSERVATIONS, (input: unknown) => safeParseObservations(input)],
    ['a rule file', withCondition({ fact: 'cancelled', operator: 'equal', value: true }), (input: unknown) => safeParseRuleFile(input)],
  ] as const)('agree for every issue of %s with one value changed, as a value and as text', (_what, base, parse) => {
    let failures = 0;
    fc.assert(
      fc.property(mutated(base as Json), fc.boolean(), (input, asText) => {
        const result = parse(asText ? JSON.stringify(input) : input);
        if (result.success) return;
        failures++;
        for (const issue of result.error.issues) {
          expect(issue.path).toBe(formatPath(issue.keys));
          expect(ISSUE_CODES).toContain(issue.code);
        }
      }),
      { numRuns: 300 },
    );
    // The mutations must reach the checks, or the property says nothing.
    expect(failures).toBeGreaterThan(100);
  });

  it('an issue inside a workbook names the sheet and the cell in its keys', async () => {
    const bytes = await workbookOf(
      [
        '任务分解',
        [
          ['序号', '任务内容', '完成时限'],
          ['T1', '任务', '2018-13-01'],
        ],
      ],
      ['计划', WORKBOOK_META],
    );
    const error = await errorOf(() => readPlanWorkbook(bytes));
    expect(error.issues).toEqual([expect.objectContaining({ code: 'invalid_date', path: '任务分解!C2', keys: ['任务分解', 'C2'] })]);
  });
});
