// Issue #14: JSON numbers changed value silently. JSON.parse reads every number
// as a double: 9007199254740993 became 9007199254740992, 30-digit integers
// rounded, 1e-400 became 0, and `rules compile` turned `> 1e400` into
// `"value": null` (exit 0), which then behaved like `> 0`. Each such number is
// now refused with its JSON path and the string to write instead.
import { describe, expect, it } from 'vitest';
import { compileDecisionTable, isDubanError, parseObservations, parsePlan, parseRuleFile, type DubanIssue } from '../../src/index.js';
import { parseLargeJson } from '../../src/cli/parse-large-json.js';
import { hasInexactNumber, inexactNumberIssues, isExactJsonNumber } from '../../src/model/json-numbers.js';

function issuesOf(run: () => unknown): DubanIssue[] {
  try {
    run();
  } catch (error) {
    expect(isDubanError(error)).toBe(true);
    return [...(error as { issues: DubanIssue[] }).issues];
  }
  throw new Error('expected a DubanError');
}

const planText = (observationValue: string, extra = '') =>
  `{"formatVersion":1,"id":"numbers","title":"数字","period":{"start":"2018-01-01","end":"2018-12-31"},${extra}"tasks":[{"id":"T1","title":"林业产值","target":{"kind":"cumulative","measure":"林业产值","unit":"亿元","value":"200"},"observations":[{"asOf":"2018-03-31","value":${observationValue}}]}]}`;

describe('isExactJsonNumber', () => {
  it('accepts numbers whose double reads back as the written decimal', () => {
    for (const token of ['0', '-0', '1', '1.50', '1e3', '0.1', '-3.5', '9007199254740992', '1E-7', '123456789012345', '2.5e-5'])
      expect(isExactJsonNumber(token), token).toBe(true);
  });
  it('refuses the ones that change value', () => {
    for (const token of [
      '9007199254740993',
      '123456789012345678901234567890',
      '1e400',
      '-1e400',
      '1e-400',
      '0.1000000000000000055511151231257827',
      '1' + '0'.repeat(400),
    ]) {
      expect(isExactJsonNumber(token), token).toBe(false);
    }
  });
});

describe('inexactNumberIssues', () => {
  it('names each inexact number by its JSON path and suggests the string', () => {
    const issues = inexactNumberIssues('{"a":[1,9007199254740993,{"b\\"c":1e400}],"d":"x:1e400, 9007199254740993","e":1e-400}');
    expect(issues).toEqual([
      {
        code: 'inexact_number',
        path: '$.a[1]',
        keys: ['a', 1],
        message:
          '数字 9007199254740993 无法精确表示，请写成字符串 "9007199254740993" / the number 9007199254740993 cannot be represented exactly; write it as a string "9007199254740993"',
      },
      {
        code: 'inexact_number',
        path: '$.a[2]["b\\"c"]',
        keys: ['a', 2, 'b"c'],
        message: expect.stringContaining('the number 1e400 cannot be represented exactly'),
      },
      { code: 'inexact_number', path: '$.e', keys: ['e'], message: expect.stringContaining('the number 1e-400 cannot') },
    ]);
  });
  it('finds a top-level number and numbers after white space', () => {
    expect(inexactNumberIssues(' 1e400 ').map((issue) => issue.path)).toEqual(['$']);
    expect(inexactNumberIssues('[\n  1,\n  -9007199254740993\n]').map((issue) => issue.path)).toEqual(['$[1]']);
  });
  it('ignores look-alikes inside strings, keys and escapes', () => {
    expect(inexactNumberIssues('{"k,1e400":"\\",9007199254740993","x":[",1e999"]}')).toEqual([]);
    expect(hasInexactNumber('{"k":"[1e400"}')).toBe(false);
  });
  it('lists at most 100 and counts the rest', () => {
    const issues = inexactNumberIssues(`[${Array(250).fill('1e400').join(',')}]`);
    expect(issues).toHaveLength(101);
    expect(issues[100]!.message).toContain('and 150 more numbers that cannot be represented exactly');
  });
});

describe('through the parse functions', () => {
  it('a plan with 9007199254740993 as an observation is refused, not rounded', () => {
    const issues = issuesOf(() => parsePlan(planText('9007199254740993')));
    expect(issues.map((issue) => issue.path)).toEqual(['$.tasks[0].observations[0].value']);
    expect(issues[0]!.message).toContain('write it as a string "9007199254740993"');
    // The string is read exactly.
    expect(parsePlan(planText('"9007199254740993"')).tasks[0]!.observations![0]!.value).toBe('9007199254740993');
  });
  it('30-digit integers and 1e-400 are refused; exact numbers still read', () => {
    expect(issuesOf(() => parsePlan(planText('123456789012345678901234567890')))[0]!.path).toBe('$.tasks[0].observations[0].value');
    expect(issuesOf(() => parsePlan(planText('1e-400')))[0]!.path).toBe('$.tasks[0].observations[0].value');
    expect(parsePlan(planText('1.5e3')).tasks[0]!.observations![0]!.value).toBe('1500');
  });
  it('observations files and rule files are checked too', () => {
    const observations = '{"formatVersion":1,"planId":"p","observations":[{"taskId":"T1","asOf":"2018-03-31","value":1e400}]}';
    expect(issuesOf(() => parseObservations(observations)).map((issue) => issue.path)).toEqual(['$.observations[0].value']);
    const rules =
      '{"formatVersion":1,"id":"r","title":"r","statuses":[{"status":"a","label":"A"}],"rules":[{"name":"n","priority":1,"conditions":{"all":[{"fact":"progress","operator":"greaterThan","value":1e400}]},"event":{"type":"a"}}]}';
    expect(issuesOf(() => parseRuleFile(rules))).toContainEqual(expect.objectContaining({ path: '$.rules[0].conditions.all[0].value' }));
  });
  it('a decision table cell "> 1e400" is refused instead of compiling to value null', () => {
    const table = {
      rows: [
        { progress: '> 1e400', status: 'ahead', priority: 2 },
        { status: 'other', priority: 1 },
      ],
    };
    const issues = issuesOf(() => compileDecisionTable(table));
    expect(issues).toContainEqual(expect.objectContaining({ message: expect.stringContaining('the number 1e400 cannot be represented exactly') }));
    expect(issuesOf(() => compileDecisionTable('progress,status,priority\n> 9007199254740993,ahead,2\n,other,1\n', { format: 'csv' }))).toContainEqual(
      expect.objectContaining({ message: expect.stringContaining('9007199254740993') }),
    );
    // And in a JSON table's text.
    expect(issuesOf(() => compileDecisionTable('{"rows":[{"progress":1e400,"status":"a","priority":1}]}'))).toContainEqual(
      expect.objectContaining({ path: '$.rows[0].progress' }),
    );
  });
  it('the large-file reader falls back (so the text parse reports the number with its path)', () => {
    const bytes = new TextEncoder().encode(planText('9007199254740993'));
    expect(parseLargeJson(bytes, 'tasks', 16)).toBeUndefined();
    expect(parseLargeJson(new TextEncoder().encode(planText('"9007199254740993"')), 'tasks', 16)).toBeDefined();
    expect(parseLargeJson(new TextEncoder().encode(planText('"1"', '"x-n":1e400,')), 'tasks', 16)).toBeUndefined();
  });
});
