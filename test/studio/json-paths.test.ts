// The studio shows each problem duban finds at its place in the JSON text: locateJson must give,
// for every JSON path parseRuleFile names, the span of exactly that value.
import { describe, expect, it } from 'vitest';
import { bundledRuleFileJson, isDubanError, parseRuleFile } from '../../src/index.js';
import { locateJson, pathKey, spanOf } from '../../studio/src/json-paths.js';
import { parsePath } from '../../studio/src/table-view.js';

function issuesOf(text: string): { path: string }[] {
  try {
    parseRuleFile(text);
  } catch (error) {
    if (isDubanError(error)) return [...error.issues];
    throw error;
  }
  return [];
}

describe('locateJson', () => {
  it('finds the value of every path parseRuleFile names, as it is written', () => {
    const file = structuredClone(bundledRuleFileJson('four-level')) as {
      rules: { priority: unknown; conditions: { all: { fact: unknown; value: unknown }[] } }[];
    };
    file.rules[6]!.conditions.all[0]!.value = '0.5';
    file.rules[2]!.conditions.all[0]!.fact = 'mett';
    file.rules[4]!.priority = 0;
    const text = JSON.stringify(file, null, 2);
    const issues = issuesOf(text);
    expect(issues.map((issue) => issue.path).sort()).toEqual([
      '$.rules[2].conditions.all[0].fact',
      '$.rules[4].priority',
      '$.rules[6].conditions.all[0].value',
    ]);
    const spans = locateJson(text);
    const shown = Object.fromEntries(issues.map((issue) => [issue.path, text.slice(spanOf(spans, issue.path)!.from, spanOf(spans, issue.path)!.to)]));
    expect(shown).toEqual({ '$.rules[2].conditions.all[0].fact': '"mett"', '$.rules[4].priority': '0', '$.rules[6].conditions.all[0].value': '"0.5"' });
  });

  it('writes and reads paths as duban does, keys that are not identifiers quoted', () => {
    expect(pathKey(pathKey(pathKey('$', 'rules'), 3), 'x-备注')).toBe('$.rules[3]["x-备注"]');
    expect(parsePath('$.rules[3]["x-备注"].conditions.all[0]')).toEqual(['rules', 3, 'x-备注', 'conditions', 'all', 0]);
    const text = '{"rules": [{"x-备注": {"a": [1, "two", null]}}]}';
    const spans = locateJson(text);
    const at = (path: string) => text.slice(spans.get(path)!.from, spans.get(path)!.to);
    expect(at('$.rules[0]["x-备注"].a[1]')).toBe('"two"');
    expect(at('$.rules[0]["x-备注"].a')).toBe('[1, "two", null]');
  });

  it('gives the places read before a syntax error, and the nearest one read for a path past it', () => {
    const text = '{"formatVersion": 1, "rules": [ {"name": "a", ';
    const spans = locateJson(text);
    expect(spans.get('$.formatVersion')).toEqual({ from: 18, to: 19, keyFrom: 1 });
    expect(spanOf(spans, '$.rules[0].priority')).toBeUndefined();
    expect(spanOf(locateJson('{"a": {"b": 1}}'), '$.a.c')).toEqual({ from: 6, to: 14, keyFrom: 1 });
  });
});
