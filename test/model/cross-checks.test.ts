import { describe, expect, it } from 'vitest';
import { safeParsePlan } from '../../src/index.js';

const period = { start: '2018-01-01', end: '2018-12-31' };
const cumulative = { kind: 'cumulative', measure: 'm', unit: '亿元', value: '10' };
const paths = (input: unknown) => {
  const result = safeParsePlan(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.path);
};

describe('safeParsePlan cross-checks', () => {
  it('reports references and duplicates together with a shape error elsewhere in the file', () => {
    const plan = {
      formatVersion: 1,
      id: 'p',
      title: 'p',
      period,
      categories: [{ id: 'a', title: 'A' }],
      tasks: [
        { id: 'T1', title: 't', category: 'zz', target: cumulative },
        { id: 'T1', title: 't', target: { ...cumulative, value: '3.5%' } },
      ],
    };
    expect(paths(plan)).toEqual(expect.arrayContaining(['$.tasks[1].target.value', '$.tasks[0].category', '$.tasks[1].id']));
  });

  it('does not report a follow-on deadline error when the start date itself is invalid', () => {
    const plan = { formatVersion: 1, id: 'p', title: 'p', period, tasks: [{ id: 'T1', title: 't', start: '2018-13-01', target: cumulative }] };
    expect(paths(plan)).toEqual(['$.tasks[0].start']);
  });

  it("checks a task's own trajectory against its window whatever its kind", () => {
    const plan = {
      formatVersion: 1,
      id: 'p',
      title: 'p',
      period,
      tasks: [
        {
          id: 'B',
          title: 'b',
          deadline: '2018-02-01',
          pace: { trajectory: [{ date: '2018-03-31', expected: '0.1' }] },
          target: { kind: 'binary', completedOn: null },
        },
      ],
    };
    expect(paths(plan)).toEqual(['$.tasks[0].pace.trajectory[0].date']);
  });

  it("applies a plan-level trajectory's window check only to tasks that use a pace", () => {
    const plan = {
      formatVersion: 1,
      id: 'p',
      title: 'p',
      period,
      pace: { trajectory: [{ date: '2018-06-30', expected: '0.4' }] },
      tasks: [
        { id: 'R', title: 'r', deadline: '2018-03-31', target: { kind: 'rate', measure: 'm', unit: '%', value: '8' } },
        { id: 'C', title: 'c', deadline: '2018-03-31', target: cumulative },
      ],
    };
    expect(paths(plan)).toEqual(['$.tasks[1].start']);
  });
});

describe('safeParsePlan and __proto__ keys', () => {
  it('reports a __proto__ key as unknown wherever it is, and leaves Object.prototype alone', () => {
    const text =
      '{"formatVersion":1,"id":"p","title":"p","period":{"start":"2018-01-01","end":"2018-12-31"},"__proto__":{"polluted":1},"tasks":[{"id":"a","title":"a","__proto__":"x","target":{"kind":"binary","completedOn":null}}]}';
    expect(paths(JSON.parse(text))).toEqual(['$.__proto__', '$.tasks[0].__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
