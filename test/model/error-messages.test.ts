// Errors an analyst can act on (issue #12, item 3): Chinese first and English
// after ` / `, the task named by id and title, "did you mean" with the valid
// values, JSON syntax errors with line, column and a hint, every bad CSV row in
// one pass by line and column. Each case is one the issue names.
import { describe, expect, it } from 'vitest';
import { mergeObservations, parseObservationsCsv, parsePlan, safeParseRuleFile, TARGET_KINDS, type DubanIssue } from '../../src/index.js';
import { mergeObservationsCsv } from '../../src/model/parse-input.js';
import { TARGET_KIND_VALUES } from '../../src/model/schema-kit.js';
import { closestWord, editDistance, splitBilingual } from '../../src/model/suggest.js';
import { planError, planInput, task, thrownDubanError, type Json } from './plan-inputs.js';

const issueAt = (issues: readonly DubanIssue[], path: string): DubanIssue => {
  const found = issues.find((issue) => issue.path === path);
  if (found === undefined) throw new Error(`no issue at ${path}: ${JSON.stringify(issues)}`);
  return found;
};

/** A plan whose fourth task, B2, has a milestone due on a day that does not exist. */
const b2Plan = (): Json =>
  planInput([
    task('A1'),
    task('A2'),
    task('B1'),
    task('B2', { title: '出台实施方案', target: { kind: 'milestones', milestones: [{ title: '起草', due: '2024-02-30' }] } }),
  ]);

describe('plan errors', () => {
  it('name the task by id and title, keep the machine path, and say it in Chinese first', () => {
    const issue = issueAt(planError(b2Plan()).issues, '$.tasks[3].target.milestones[0].due');
    expect(issue.message).toBe(
      '任务 B2「出台实施方案」的 target.milestones[0].due：不是真实存在的日期（格式 YYYY-MM-DD）："2024-02-30" / task B2 "出台实施方案": target.milestones[0].due: not a real calendar date YYYY-MM-DD: "2024-02-30"',
    );
    expect(issue.task).toEqual({ id: 'B2', title: '出台实施方案' });
  });

  it('name a task without an id by its place', () => {
    const issue = issueAt(
      planError(planInput([{ title: '无编号', target: { kind: 'binary', completedOn: '2018-02-30' } }])).issues,
      '$.tasks[0].target.completedOn',
    );
    expect(issue.message).toMatch(/^第 1 项任务「无编号」的 target\.completedOn：/);
    expect(issue.message).toContain(' / task #1 "无编号": target.completedOn: not a real calendar date');
    expect(issue.task).toBeUndefined();
  });

  it('leave problems outside the tasks without a task', () => {
    const issue = issueAt(planError(planInput([task('T1')], { period: { start: '2018-01-01', end: '2018-02-30' } })).issues, '$.period.end');
    expect(issue.message).toBe('不是真实存在的日期（格式 YYYY-MM-DD）："2018-02-30" / not a real calendar date YYYY-MM-DD: "2018-02-30"');
    expect(issue.task).toBeUndefined();
  });

  it('suggest the kind for an unknown kind and list the kinds', () => {
    const issue = issueAt(planError(planInput([task('T1', { target: { kind: 'Binary', completedOn: null } })])).issues, '$.tasks[0].target.kind');
    expect(issue.message).toContain('未知的 kind "Binary"；是否想写 "binary"？可用的值：cumulative、level、rate、milestones、binary');
    expect(issue.message).toContain('unknown kind "Binary"; did you mean "binary"? Valid values: cumulative, level, rate, milestones, binary');
  });

  it('suggest a kind from its Chinese name', () => {
    const issue = issueAt(
      planError(planInput([task('T1', { target: { kind: '累计', measure: 'm', unit: '个', value: 1 } })])).issues,
      '$.tasks[0].target.kind',
    );
    expect(issue.message).toContain('did you mean "cumulative"?');
  });

  it('suggest the key for an unknown key and list the keys at that level', () => {
    const issue = issueAt(planError(planInput([task('T1', { deadine: '2018-06-30' })])).issues, '$.tasks[0].deadine');
    expect(issue.message).toContain(
      '未知的键 "deadine"；是否想写 "deadline"？可用的键：id、title、category、owners、leader、start、deadline、pace、target、observations、flags、cancelled',
    );
    expect(issue.message).toContain('/ task T1 "任务 T1": deadine: unknown key "deadine"; did you mean "deadline"? Valid keys: id, title,');
  });

  it('list the keys without a suggestion when none is close', () => {
    const issue = issueAt(planError(planInput([task('T1')], { 备注: 'x' })).issues, '$["备注"]');
    expect(issue.message).toBe(
      '未知的键 "备注"；可用的键：formatVersion、id、title、issuer、period、asOf、pace、categories、mainIndicators、tasks / unknown key "备注"; valid keys: formatVersion, id, title, issuer, period, asOf, pace, categories, mainIndicators, tasks',
    );
  });

  it('suggest a bound and a pace', () => {
    const bound = issueAt(
      planError(planInput([task('T1', { target: { kind: 'rate', measure: 'm', unit: '%', value: 8, bound: '不低于' } })])).issues,
      '$.tasks[0].target.bound',
    );
    expect(bound.message).toContain('did you mean "atLeast"?');
    const pace = issueAt(planError(planInput([task('T1', { pace: 'Monthly' })])).issues, '$.tasks[0].pace');
    expect(pace.message).toContain('no accepted form matches "Monthly"; did you mean "monthly"?');
  });

  it('suggest a category', () => {
    const issue = issueAt(
      planError(planInput([task('T1', { category: 'econ' })], { categories: [{ id: 'economy', title: '经济' }] })).issues,
      '$.tasks[0].category',
    );
    expect(issue.message).toContain('unknown category "econ"');
    expect(issue.message).toContain('可用的类别：economy');
  });

  it('say a limit in Chinese first too', () => {
    const issue = issueAt(planError(planInput([task('T1', { leader: 'x'.repeat(100_001) })])).issues, '$.tasks[0].leader');
    expect(issue.message).toMatch(/^字符串长 100001 个字符，超过上限 100000："x+" \/ string of 100001 characters is longer than the limit of 100000: "x+"$/);
  });

  it('keep the target kinds the messages suggest equal to TARGET_KINDS', () => {
    expect(TARGET_KIND_VALUES).toEqual(TARGET_KINDS);
  });
});

describe('JSON syntax errors', () => {
  /** A hand-edited plan with a full-width colon typed after a key on line 33. */
  const fullWidthColon = (): string => {
    const lines = JSON.stringify(planInput([task('T1'), task('T2'), task('T3'), task('T4'), task('T5')]), null, 2).split('\n');
    expect(lines[32]).toContain('": ');
    lines[32] = lines[32]!.replace('": ', '"：');
    return lines.join('\n');
  };

  it('name line and column and point at a full-width colon', () => {
    const text = fullWidthColon();
    const issue = thrownDubanError(() => parsePlan(text)).issues[0]!;
    const line = 33;
    const column = text.split('\n')[32]!.indexOf('：') + 1;
    expect(issue.path).toBe('$');
    expect(issue.message).toContain(`不是有效的 JSON：第 ${line} 行第 ${column} 列附近有全角冒号“：”，JSON 只能用半角标点（请改为 :）`);
    expect(issue.message).toContain(`/ not valid JSON at line ${line}, column ${column}: `);
    expect(issue.message).toContain(`a full-width colon "：" near line ${line}, column ${column}: JSON needs ASCII punctuation`);
  });

  it.each([
    ['a full-width comma', '{"formatVersion": 1，"id": "x"}', '全角逗号“，”', 'line 1, column 20'],
    ['full-width quotation marks', '{“formatVersion”: 1}', '全角引号““”', 'line 1, column 2'],
    ['a full-width bracket', '{"tasks": ［]}', '全角左方括号“［”', 'line 1, column 11'],
    ['a string closed with a full-width quotation mark', '{"id": "x”,\n"title": "t"}', '全角引号“””', 'line 1, column 10'],
  ])('point at %s', (_name, text, zh, where) => {
    const { message } = thrownDubanError(() => parsePlan(text)).issues[0]!;
    expect(message).toContain(zh);
    expect(message).toContain(`near ${where}: JSON needs ASCII punctuation`);
  });

  it.each([
    ['in an object', '{\n  "id": "x",\n}', '第 2 行第 12 列有多余的末尾逗号', 'a trailing comma at line 2, column 12: JSON allows no comma before }'],
    ['in an array', '{"tasks": [1, 2,\n]}', '第 1 行第 16 列有多余的末尾逗号', 'a trailing comma at line 1, column 16: JSON allows no comma before ]'],
  ])('point at a trailing comma %s', (_name, text, zh, en) => {
    const { message } = thrownDubanError(() => parsePlan(text)).issues[0]!;
    expect(message).toContain(zh);
    expect(message).toContain(en);
  });

  it('find the line and column where the parser gives no position', () => {
    const { message } = thrownDubanError(() => parsePlan('[1,2,]')).issues[0]!;
    expect(message).toContain('not valid JSON at line 1, column 6');
  });

  it('give the rule files the same hints', () => {
    const result = safeParseRuleFile('{"formatVersion"：1}');
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.issues[0]!.message).toContain('全角冒号“：”');
  });
});

describe('rule file errors', () => {
  const ruleFile = (condition: Json, type = 'on-track'): Json => ({
    formatVersion: 1,
    id: 'r',
    title: 'r',
    statuses: [
      { code: 'on-track', label: '有序推进' },
      { code: 'behind', label: '需要加大力度' },
    ],
    rules: [{ name: '超前', priority: 1, conditions: { all: [condition] }, event: { type } }],
  });
  const issuesOf = (input: Json): DubanIssue[] => {
    const result = safeParseRuleFile(input);
    if (result.success) throw new Error('expected the rule file to be rejected');
    return [...result.error.issues];
  };

  it('suggest progress for the fact 完成进度, naming the rule in Chinese first', () => {
    const issue = issueAt(issuesOf(ruleFile({ fact: '完成进度', operator: 'greaterThan', value: 0.5 })), '$.rules[0].conditions.all[0].fact');
    expect(issue.message).toMatch(/^规则「超前」：未知的事实 "完成进度"；是否想写 "progress"？可用的事实：kind、/);
    expect(issue.message).toContain(' / rule "超前": unknown fact "完成进度"; did you mean "progress"? Valid facts: kind, cancelled,');
  });

  it.each([
    ['progres', 'progress'],
    ['序时进度', 'expected'],
    ['是否已超期未完成', 'overdue'],
    ['PaceGap', 'paceGap'],
  ])('suggest a fact for %s', (fact, suggested) => {
    const issue = issueAt(issuesOf(ruleFile({ fact, operator: 'equal', value: 1 })), '$.rules[0].conditions.all[0].fact');
    expect(issue.message).toContain(`did you mean ${JSON.stringify(suggested)}?`);
  });

  it.each([
    ['>=', 'greaterThanInclusive'],
    ['≥', 'greaterThanInclusive'],
    ['<=', 'lessThanInclusive'],
    ['≤', 'lessThanInclusive'],
    ['>', 'greaterThan'],
    ['<', 'lessThan'],
    ['=', 'equal'],
    ['==', 'equal'],
    ['!=', 'notEqual'],
    ['大于', 'greaterThan'],
    ['小于', 'lessThan'],
    ['等于', 'equal'],
    ['不低于', 'greaterThanInclusive'],
    ['greaterThenInclusive', 'greaterThanInclusive'],
    ['equals', 'equal'],
  ])('suggest the operator for %s and list the operators', (operator, suggested) => {
    const issue = issueAt(issuesOf(ruleFile({ fact: 'progress', operator, value: 0.5 })), '$.rules[0].conditions.all[0].operator');
    expect(issue.message).toContain(`未知的运算符 ${JSON.stringify(operator)}；是否想写 ${JSON.stringify(suggested)}？可用的运算符：equal、notEqual、`);
    expect(issue.message).toContain(
      `unknown operator ${JSON.stringify(operator)}; did you mean ${JSON.stringify(suggested)}? Valid operators: equal, notEqual,`,
    );
  });

  it('suggest a status code, also for its label, and list the codes', () => {
    const byLabel = issueAt(issuesOf(ruleFile({ fact: 'met', operator: 'equal', value: true }, '有序推进')), '$.rules[0].event.type');
    expect(byLabel.message).toBe(
      '规则「超前」：状态 "有序推进" 不在 statuses 中；是否想写 "on-track"？可用的状态代码：on-track、behind / rule "超前": event type "有序推进" is not in statuses; did you mean "on-track"? Valid status codes: on-track, behind',
    );
    const typo = issueAt(issuesOf(ruleFile({ fact: 'met', operator: 'equal', value: true }, 'on-trak')), '$.rules[0].event.type');
    expect(typo.message).toContain('did you mean "on-track"?');
  });

  it('suggest a key in a condition', () => {
    const issue = issueAt(issuesOf(ruleFile({ fact: 'met', operator: 'equal', valeu: true, value: true })), '$.rules[0].conditions.all[0].valeu');
    expect(issue.message).toContain('unknown key "valeu"; did you mean "value"?');
  });

  it('say shape problems in Chinese first too', () => {
    const input = ruleFile({ fact: 'met', operator: 'equal', value: true });
    (input.rules as Json[])[0]!.priority = 1.5;
    expect(issueAt(issuesOf(input), '$.rules[0].priority').message).toBe(
      '规则「超前」：priority 必须是整数：1.5 / rule "超前": priority must be a whole number: 1.5',
    );
  });
});

describe('observations CSV errors', () => {
  const plan = parsePlan(planInput([task('T09'), task('T10'), task('B2', { title: '出台实施方案', target: { kind: 'binary', completedOn: null } })]));
  const csv = [
    'taskId,asOf,value,unit,note',
    'T09,2018-02-30,5,,',
    'T09,2018-03-31,5,,',
    'T99,2018-03-31,5,,',
    'T10,2018-03-31,5,吨,',
    'B2,2018-03-31,1,,',
    'T10,2018-04-30,5%,,',
  ].join('\n');

  it('name every bad row in one pass, reading and merging, by line and column', () => {
    const error = thrownDubanError(() => mergeObservationsCsv(plan, csv, { source: 'q1.csv' }));
    expect(error.code).toBe('INVALID_OBSERVATIONS');
    expect(error.issues.map((issue) => issue.path)).toEqual([
      'line 2, column 2 (asOf)',
      'line 4, column 1 (taskId)',
      'line 5, column 4 (unit)',
      'line 6, column 1 (taskId)',
      'line 7, column 3 (value)',
    ]);
    expect(issueAt(error.issues, 'line 4, column 1 (taskId)').message).toBe(
      '计划中没有任务 id "T99"；是否想写 "T09"？ / unknown task id "T99"; did you mean "T09"?',
    );
    expect(issueAt(error.issues, 'line 6, column 1 (taskId)').task).toEqual({ id: 'B2', title: '出台实施方案' });
  });

  it('name CSV lines, not JSON paths, when parseObservationsCsv and mergeObservations are used apart', () => {
    const good = ['taskId,asOf,value,unit,note', 'T09,2018-03-31,5,,', 'T99,2018-03-31,5,,'].join('\n');
    const error = thrownDubanError(() => mergeObservations(plan, parseObservationsCsv(good, plan.id)));
    expect(error.issues.map((issue) => issue.path)).toEqual(['line 3, column 1 (taskId)']);
  });

  it('merge a good file', () => {
    const merged = mergeObservationsCsv(plan, 'taskId,asOf,value,unit,note\nT09,2018-03-31,5,,\n');
    expect(merged?.tasks[0]?.observations).toEqual([{ asOf: '2018-03-31', value: '5' }]);
  });
});

describe('suggest', () => {
  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('deadine', 'deadline')).toBe(1);
    expect(editDistance('lavel', 'level')).toBe(1);
    expect(editDistance('mtee', 'mete')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('suggests nothing far away', () => {
    expect(closestWord('xyz', ['progress', 'expected'])).toBeUndefined();
    expect(closestWord('toString', ['kind', 'value'])).toBeUndefined();
    expect(closestWord('constructor', [], {})).toBeUndefined();
  });

  it('splits a message at the separator outside quoted values', () => {
    expect(splitBilingual('未知的键 "a / b" / unknown key "a / b"')).toEqual({ zh: '未知的键 "a / b"', en: 'unknown key "a / b"' });
    expect(splitBilingual('English only')).toEqual({ zh: undefined, en: 'English only' });
  });
});
