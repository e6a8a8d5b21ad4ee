// Issue #14: small files with many elements or many problems. A 3 MB plan with a
// million `{}` observations ended in an internal error; ~120 000 problems
// overflowed the stack (in zod and in `push(...issues)`), so parsePlan threw a
// raw RangeError; a CSV row of 120 million commas crashed V8; 4 000 000 bad
// rows printed 363 MB to stderr. Arrays are now bounded (MAX_ARRAY_LENGTH),
// long arrays are validated in slices that stop after MAX_ISSUES problems, CSV
// rows have at most MAX_ARRAY_LENGTH cells, and errors list at most MAX_ISSUES.
import { describe, expect, it } from 'vitest';
import {
  DubanError,
  isDubanError,
  MAX_ARRAY_LENGTH,
  MAX_ISSUES,
  parseObservations,
  parseObservationsCsv,
  parsePlan,
  type DubanIssue,
} from '../../src/index.js';

const PLAN = { formatVersion: 1, id: 'many', title: '很多问题', period: { start: '2018-01-01', end: '2018-12-31' } };
const TASK = { id: 'T1', title: '林业产值', target: { kind: 'cumulative', measure: '林业产值', unit: '亿元', value: '200' } };

function issuesOf(run: () => unknown): readonly DubanIssue[] {
  try {
    run();
  } catch (error) {
    if (!isDubanError(error)) throw error;
    return error.issues;
  }
  throw new Error('expected a DubanError');
}

describe('many elements', () => {
  it('a task with more than MAX_ARRAY_LENGTH observations is refused at once, with the path', () => {
    const plan = { ...PLAN, tasks: [{ ...TASK, observations: Array.from({ length: 200_000 }, () => ({})) }] };
    expect(issuesOf(() => parsePlan(plan))).toEqual([
      {
        code: 'too_many',
        path: '$.tasks[0].observations',
        keys: ['tasks', 0, 'observations'],
        message: `数组有 200000 个元素，超过上限 ${MAX_ARRAY_LENGTH} / array of 200000 elements, more than the limit of ${MAX_ARRAY_LENGTH}`,
      },
    ]);
    // As JSON text (3 bytes an element), too.
    const text = JSON.stringify({ ...PLAN, tasks: [{ ...TASK, observations: [] }] }).replace(
      '"observations":[]',
      `"observations":[${Array(200_000).fill('{}').join(',')}]`,
    );
    expect(issuesOf(() => parsePlan(text)).map((issue) => issue.path)).toEqual(['$.tasks[0].observations']);
  });

  it('exactly MAX_ARRAY_LENGTH elements are accepted, and x- extensions are not limited', () => {
    const day = (i: number) => new Date(Date.UTC(1990, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    const observations = Array.from({ length: MAX_ARRAY_LENGTH }, (_, i) => ({ asOf: day(i), value: String(i) }));
    expect(parsePlan({ ...PLAN, tasks: [{ ...TASK, observations }] }).tasks[0]!.observations).toHaveLength(MAX_ARRAY_LENGTH);
    expect(
      issuesOf(() => parsePlan({ ...PLAN, tasks: [{ ...TASK, observations: [...observations, { asOf: '2018-12-31', value: '1' }] }] })).map(
        (issue) => issue.path,
      ),
    ).toEqual(['$.tasks[0].observations']);
    expect(parsePlan({ ...PLAN, 'x-data': Array.from({ length: MAX_ARRAY_LENGTH * 3 }, (_, i) => i), tasks: [TASK] }).tasks).toHaveLength(1);
  });
});

describe('many problems', () => {
  it('60 000 empty tasks (180 000 problems) give a DubanError with at most MAX_ISSUES, not a RangeError', () => {
    const issues = issuesOf(() => parsePlan({ ...PLAN, tasks: Array.from({ length: 60_000 }, () => ({})) }));
    expect(issues.length).toBeLessThanOrEqual(MAX_ISSUES + 2);
    expect(issues[0]!.path).toBe('$.tasks[0].id');
    expect(issues.some((issue) => /^以及另外 \d+ 个问题 \/ and \d+ more problems$/.test(issue.message))).toBe(true);
    expect(issues.at(-1)!.message).toMatch(/stopped after \d+ problems: elements from index \d+ on \(of 60000\) were not checked/);
  });

  it('problems of later slices keep their real task index', () => {
    const tasks = Array.from({ length: 30_000 }, (_, i) => ({ ...TASK, id: `T${i}` }));
    tasks[25_000] = { ...tasks[25_000]!, title: 5 as unknown as string };
    const issues = issuesOf(() => parsePlan({ ...PLAN, tasks, 'x-force-slow-path': undefined, categories: 'not-a-list' }));
    expect(issues.map((issue) => issue.path)).toEqual(expect.arrayContaining(['$.categories', '$.tasks[25000].title']));
    // And a valid long plan that the fast path leaves to zod is still returned whole.
    expect(parsePlan({ ...PLAN, tasks: tasks.map((task, i) => (i === 25_000 ? { ...task, title: '好' } : task)) }).tasks).toHaveLength(30_000);
  });

  it('an observations file with 50 000 bad observations is capped too', () => {
    const issues = issuesOf(() => parseObservations({ formatVersion: 1, planId: 'p', observations: Array.from({ length: 50_000 }, () => ({})) }));
    expect(issues.length).toBeLessThanOrEqual(MAX_ISSUES + 2);
    expect(issues[0]!.path).toBe('$.observations[0].taskId');
  });

  it('DubanError keeps at most MAX_ISSUES and counts the rest', () => {
    const error = new DubanError('INVALID_PLAN', 'x', {
      issues: Array.from({ length: 5000 }, (_, i) => ({ code: 'invalid_type' as const, path: `$[${i}]`, keys: [i], message: 'bad' })),
    });
    expect(error.issues).toHaveLength(MAX_ISSUES + 1);
    expect(error.issues.at(-1)).toEqual({ code: 'truncated', path: '$', keys: [], message: '以及另外 4000 个问题 / and 4000 more problems' });
  });
});

describe('CSV', () => {
  const HEADER = 'taskId,asOf,value,unit,note\n';

  it('a row with more than MAX_ARRAY_LENGTH cells is refused, the rows after it still read', () => {
    const text = `${HEADER}${','.repeat(2_000_000)}\nT1,2018-03-31,5,,\n`;
    const issues = issuesOf(() => parseObservationsCsv(`${text}bad\n`, 'p'));
    expect(issues.map((issue) => issue.path)).toEqual(['line 2', 'line 4']);
    expect(issues[0]!.message).toBe(`一行超过 ${MAX_ARRAY_LENGTH} 个单元格，整行未读 / a row of more than ${MAX_ARRAY_LENGTH} cells, left out`);
    expect(parseObservationsCsv(text.replace(/^,+\n/m, ''), 'p').observations).toHaveLength(1);
  });

  it('200 000 bad rows list MAX_ISSUES of them and count the rest', () => {
    const issues = issuesOf(() => parseObservationsCsv(HEADER + 'x\n'.repeat(200_000), 'p'));
    expect(issues).toHaveLength(MAX_ISSUES + 1);
    expect(issues[0]!.path).toBe('line 2');
    expect(issues.at(-1)!.message).toBe(`以及另外 ${200_000 - MAX_ISSUES} 个问题 / and ${200_000 - MAX_ISSUES} more problems`);
  });
});
