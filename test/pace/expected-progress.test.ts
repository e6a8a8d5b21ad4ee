import { describe, expect, it } from 'vitest';
import { computeFacts, expectedProgress, formatFraction, type Pace } from '../../src/index.js';
import { paceExpected, type TaskWindow, taskWindow } from '../../src/pace/expected-progress.js';
import { cumulative, planOf, taskAt, type Json } from './plans.js';

const year2018 = (pace: Pace): TaskWindow => ({ start: '2018-01-01', deadline: '2018-12-31', pace });
/** `n/d` in lowest terms, as duban keeps its fractions. */
function frac(n: number, d: number): { n: bigint; d: bigint } {
  let [a, b] = [Math.abs(n), d];
  while (b !== 0) [a, b] = [b, a % b];
  const g = n === 0 ? d : a;
  return { n: BigInt(n / g), d: BigInt(d / g) };
}
const trajectory = (...points: [string, string][]): Pace => ({ trajectory: points.map(([date, expected]) => ({ date, expected })) });

describe('paceExpected', () => {
  describe('monthly', () => {
    it.each<[string, number, number]>([
      ['2017-06-15', 0, 1],
      ['2017-12-31', 0, 1],
      ['2018-01-01', 1, 372],
      ['2018-01-31', 1, 12],
      ['2018-02-14', 1, 8],
      ['2018-02-28', 1, 6],
      ['2018-03-31', 1, 4],
      ['2018-06-30', 1, 2],
      ['2018-07-01', 187, 372],
      ['2018-12-31', 1, 1],
      ['2019-01-01', 1, 1],
      ['2030-06-30', 1, 1],
    ])('gives a calendar-year task %s → %i/%i', (asOf, n, d) => {
      expect(paceExpected(year2018('monthly'), asOf)).toEqual(frac(n, d));
    });

    it.each<[string, string]>([
      ['2018-02-14', '0.125'],
      ['2018-03-31', '0.25'],
      ['2018-06-30', '0.5'],
      ['2018-12-31', '1'],
      ['2017-12-31', '0'],
    ])('prints %s of a calendar-year task as %s', (asOf, text) => {
      expect(formatFraction(paceExpected(year2018('monthly'), asOf))).toBe(text);
    });

    it.each<[string, number, number]>([
      ['2016-02-14', 43, 348],
      ['2016-02-29', 1, 6],
      ['2016-03-01', 63, 372],
    ])('weighs February 2016 (29 days) like any month: %s → %i/%i', (asOf, n, d) => {
      expect(paceExpected({ start: '2016-01-01', deadline: '2016-12-31', pace: 'monthly' }, asOf)).toEqual(frac(n, d));
    });

    it.each<[string, number, number]>([
      ['2018-03-01', 0, 1],
      ['2018-03-14', 0, 1],
      ['2018-03-15', 1, 296],
      ['2018-03-31', 17, 296],
      ['2018-06-30', 55, 148],
      ['2018-12-31', 1, 1],
    ])('measures a task starting 2018-03-15 from the end of 2018-03-14: %s → %i/%i', (asOf, n, d) => {
      expect(paceExpected({ start: '2018-03-15', deadline: '2018-12-31', pace: 'monthly' }, asOf)).toEqual(frac(n, d));
    });

    it('spans a window across a year end', () => {
      const window: TaskWindow = { start: '2018-07-01', deadline: '2019-06-30', pace: 'monthly' };
      expect(paceExpected(window, '2018-12-31')).toEqual(frac(1, 2));
      expect(paceExpected(window, '2019-03-31')).toEqual(frac(3, 4));
    });

    it('gives a one-day window 0 the day before and 1 on that day', () => {
      const window: TaskWindow = { start: '2018-03-31', deadline: '2018-03-31', pace: 'monthly' };
      expect(paceExpected(window, '2018-03-30')).toEqual(frac(0, 1));
      expect(paceExpected(window, '2018-03-31')).toEqual(frac(1, 1));
    });
  });

  describe('daily', () => {
    it.each<[string, number, number]>([
      ['2017-12-31', 0, 1],
      ['2018-01-01', 1, 365],
      ['2018-03-31', 90, 365],
      ['2018-07-02', 183, 365],
      ['2018-12-31', 1, 1],
      ['2019-02-01', 1, 1],
    ])('gives a 2018 task %s → %i/%i', (asOf, n, d) => {
      expect(paceExpected(year2018('daily'), asOf)).toEqual(frac(n, d));
    });

    it('gives 2016-02-29 of a 2016 task 60/366', () => {
      expect(paceExpected({ start: '2016-01-01', deadline: '2016-12-31', pace: 'daily' }, '2016-02-29')).toEqual(frac(60, 366));
    });

    it('prints 90/365 rounded to 20 significant digits', () => {
      expect(formatFraction(paceExpected(year2018('daily'), '2018-03-31'))).toBe('0.24657534246575342466');
    });

    it('measures a task starting 2018-03-15 from the end of 2018-03-14', () => {
      const window: TaskWindow = { start: '2018-03-15', deadline: '2018-12-31', pace: 'daily' };
      expect(paceExpected(window, '2018-03-14')).toEqual(frac(0, 1));
      expect(paceExpected(window, '2018-03-31')).toEqual(frac(17, 292));
    });
  });

  describe('trajectory', () => {
    const curve = trajectory(['2018-03-31', '0.1'], ['2018-06-30', '0.4']);

    it.each<[string, string]>([
      ['2017-01-01', '0'],
      ['2017-12-31', '0'],
      ['2018-02-14', '0.05'],
      ['2018-03-31', '0.1'],
      ['2018-06-30', '0.4'],
      ['2018-09-30', '0.7'],
      ['2018-12-31', '1'],
      ['2019-03-01', '1'],
    ])('passes through 0 at the end of s⁻, the points and 1 at the end of t: %s → %s', (asOf, text) => {
      expect(formatFraction(paceExpected(year2018(curve), asOf))).toBe(text);
    });

    it.each<[string, number, number]>([
      ['2018-01-01', 1, 900],
      ['2018-05-15', 113, 455],
      ['2018-07-01', 371, 920],
    ])('is linear in days between neighbouring points: %s → %i/%i', (asOf, n, d) => {
      expect(paceExpected(year2018(curve), asOf)).toEqual(frac(n, d));
    });

    it('stays flat between two points of equal value', () => {
      expect(formatFraction(paceExpected(year2018(trajectory(['2018-03-31', '0.5'], ['2018-06-30', '0.5'])), '2018-05-15'))).toBe('0.5');
    });

    it('takes a point on the start day at the end of that day', () => {
      const window = year2018(trajectory(['2018-01-01', '0.2']));
      expect(formatFraction(paceExpected(window, '2018-01-01'))).toBe('0.2');
      expect(formatFraction(paceExpected(window, '2018-07-02'))).toBe('0.6');
    });
  });
});

describe('expectedProgress', () => {
  const milestones: Json = {
    kind: 'milestones',
    milestones: [
      { title: '立项', due: '2018-03-31', weight: '1' },
      { title: '开工', due: '2018-06-30', weight: 2 },
      { title: '竣工', due: '2018-12-31' },
    ],
  };

  it.each<[string, string]>([
    ['2018-03-30', '0'],
    ['2018-03-31', '0.25'],
    ['2018-06-29', '0.25'],
    ['2018-06-30', '0.75'],
    ['2018-12-31', '1'],
    ['2019-06-30', '1'],
  ])('weighs the milestones due by the as-of date, ignoring the pace: %s → %s', (asOf, text) => {
    const plan = planOf([{ target: milestones, pace: 'daily' }]);
    expect(formatFraction(expectedProgress(plan, taskAt(plan), asOf) ?? { n: -1n, d: 1n })).toBe(text);
  });

  it.each<[string, string]>([
    ['2017-12-01', '0'],
    ['2018-06-29', '0'],
    ['2018-06-30', '1'],
    ['2018-07-01', '1'],
  ])('gives a binary target 0 before its deadline and 1 from it: %s → %s', (asOf, text) => {
    const plan = planOf([{ target: { kind: 'binary', completedOn: null }, deadline: '2018-06-30' }]);
    expect(formatFraction(expectedProgress(plan, taskAt(plan), asOf) ?? { n: -1n, d: 1n })).toBe(text);
  });

  it('gives a rate target no expected progress', () => {
    const plan = planOf([{ target: { kind: 'rate', measure: 'GDP增速', unit: '%', value: 8 } }]);
    expect(expectedProgress(plan, taskAt(plan), '2018-06-30')).toBeNull();
  });

  it('applies the pace to a level target', () => {
    const plan = planOf([{ target: { kind: 'level', measure: '高新技术企业', unit: '家', value: 220, baseline: 160 }, pace: 'daily' }]);
    expect(expectedProgress(plan, taskAt(plan), '2018-03-31')).toEqual(frac(18, 73));
  });

  it('applies a plan-level trajectory to every task without its own pace', () => {
    const plan = planOf(
      [
        { target: cumulative() },
        { target: cumulative(), pace: 'monthly' },
        { target: cumulative(), pace: 'daily' },
        { target: cumulative(), start: '2018-02-01', deadline: '2018-09-30' },
      ],
      { pace: trajectory(['2018-03-31', '0.1'], ['2018-06-30', '0.4']) },
    );
    const at = (i: number) => formatFraction(computeFacts(plan, taskAt(plan, i), '2018-03-31').expected ?? { n: -1n, d: 1n });
    expect(at(0)).toBe('0.1');
    expect(at(1)).toBe('0.25');
    expect(at(2)).toBe(formatFraction(frac(90, 365)));
    expect(at(3)).toBe('0.1');
    expect(formatFraction(computeFacts(plan, taskAt(plan, 3), '2018-08-15').expected ?? { n: -1n, d: 1n })).toBe('0.7');
  });

  it('applies a plan-level daily pace unless the task says otherwise', () => {
    const plan = planOf([{ target: cumulative() }, { target: cumulative(), pace: 'monthly' }], { pace: 'daily' });
    expect(expectedProgress(plan, taskAt(plan, 0), '2018-03-31')).toEqual(frac(18, 73));
    expect(expectedProgress(plan, taskAt(plan, 1), '2018-03-31')).toEqual(frac(1, 4));
  });
});

describe('taskWindow', () => {
  it('defaults to the plan period and the monthly pace', () => {
    const plan = planOf([{ target: cumulative() }, { target: cumulative(), start: '2018-03-15', deadline: '2018-10-31', pace: 'daily' }]);
    expect(taskWindow(plan, taskAt(plan, 0))).toEqual({ start: '2018-01-01', deadline: '2018-12-31', pace: 'monthly' });
    expect(taskWindow(plan, taskAt(plan, 1))).toEqual({ start: '2018-03-15', deadline: '2018-10-31', pace: 'daily' });
  });
});
