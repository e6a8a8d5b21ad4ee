import { describe, expect, it } from 'vitest';
import { computeFacts, factsForEngine } from '../../src/index.js';
import { latestObservation } from '../../src/pace/compute-facts.js';
import { factsToJson } from '../../src/pace/fact-values.js';
import { cumulative, factsOf, observations, planOf, show, taskAt, type Json } from './plans.js';

const level = (baseline: number | string, value: number | string, unit = '家'): Json => ({ kind: 'level', measure: '水平', unit, value, baseline });
const rate = (value: string, bound: string, tolerance?: string): Json => ({
  kind: 'rate',
  measure: '比率',
  unit: '%',
  value,
  bound,
  ...(tolerance === undefined ? {} : { tolerance }),
});

describe('computeFacts', () => {
  describe('cumulative progress and pace', () => {
    it.each<[string, string, string, string, boolean]>([
      // value, progress, paceGap, paceRatio, onPace  (target 200 亿元, as of 2018-03-31, monthly: expected 0.25)
      ['55', '0.275', '0.025', '1.1', true],
      ['50', '0.25', '0', '1', true],
      ['49.99', '0.24995', '-0.00005', '0.9998', false],
      ['0', '0', '-0.25', '0', false],
      ['250', '1.25', '1', '5', true],
    ])('turns %s of 200 at 2018-03-31 into progress %s (gap %s, ratio %s, onPace %s)', (value, progress, paceGap, paceRatio, onPace) => {
      const facts = factsOf({ target: cumulative(), observations: observations(['2018-03-31', value]) }, '2018-03-31');
      expect(show(facts.progress)).toBe(progress);
      expect(show(facts.expected)).toBe('0.25');
      expect(show(facts.paceGap)).toBe(paceGap);
      expect(show(facts.paceRatio)).toBe(paceRatio);
      expect(facts.onPace).toBe(onPace);
    });

    it.each<[string, boolean]>([
      ['199.99', false],
      ['200', true],
      ['200.01', true],
    ])('counts a cumulative target as met when the value %s reaches 200: %s', (value, met) => {
      expect(factsOf({ target: cumulative(), observations: observations(['2018-03-31', value]) }, '2018-03-31').met).toBe(met);
    });

    it('decides onPace exactly, where rounded values would tie', () => {
      // expected at 2018-01-01 is 1/372; a value of 1 out of 372 is exactly on pace.
      const exact = factsOf({ target: cumulative('372'), observations: observations(['2018-01-01', '1']) }, '2018-01-01');
      expect(exact.expected).toEqual({ n: 1n, d: 372n });
      expect(exact.progress).toEqual({ n: 1n, d: 372n });
      expect(show(exact.paceGap)).toBe('0');
      expect(exact.onPace).toBe(true);
      const short = factsOf({ target: cumulative('372'), observations: observations(['2018-01-01', '0.9999999999999999999999999']) }, '2018-01-01');
      expect(short.onPace).toBe(false);
      expect(show(short.paceGap)).toBe(`-0.${'0'.repeat(27)}26881720430107526882`);
    });

    it('decides onPace exactly when progress falls short of expected by less than a double can show', () => {
      const facts = factsOf({ target: cumulative(), observations: observations(['2018-03-31', '49.99999999999999999999']) }, '2018-03-31');
      expect(factsForEngine(facts).progress).toBe(0.25);
      expect(facts.onPace).toBe(false);
      expect(show(facts.paceGap)).toBe('-0.00000000000000000000005');
      const ahead = factsOf({ target: cumulative(), observations: observations(['2018-03-31', '50.00000000000000000001']) }, '2018-03-31');
      expect(ahead.onPace).toBe(true);
    });

    it('gives no paceRatio while expected is 0', () => {
      const facts = factsOf({ target: cumulative(), start: '2018-04-01', observations: observations(['2018-03-31', '1']) }, '2018-03-31');
      expect(show(facts.expected)).toBe('0');
      expect(facts.paceRatio).toBeNull();
      expect(show(facts.paceGap)).toBe('0.005');
      expect(facts.onPace).toBe(true);
    });
  });

  describe('level progress', () => {
    it.each<[string, string, number | string, number | string, string, boolean]>([
      ['a rising stock moving up', '175', 160, 220, '0.25', false],
      ['a rising stock at its target', '220', 160, 220, '1', true],
      ['a rising stock beyond its target', '230', 160, 220, '1.1666666666666666667', true],
      ['a rising stock moving the wrong way', '150', 160, 220, '-0.16666666666666666667', false],
      ['a falling stock (库存 100 → 80) moving down', '95', 100, 80, '0.25', false],
      ['a falling stock at its target', '80', 100, 80, '1', true],
      ['a falling stock below its target', '79', 100, 80, '1.05', true],
      ['a falling stock moving the wrong way', '105', 100, 80, '-0.25', false],
    ])('measures %s: value %s from %s to %s is progress %s, met %s', (_name, value, baseline, goal, progress, met) => {
      const facts = factsOf({ target: level(baseline, goal), observations: observations(['2018-03-31', value]) }, '2018-03-31');
      expect(show(facts.progress)).toBe(progress);
      expect(facts.met).toBe(met);
      expect(show(facts.target)).toBe(String(goal));
      expect(facts.onPace).toBe(Number(progress) >= 0.25);
      expect(facts.margin).toBeNull();
    });
  });

  describe('rate met, onPace and margin', () => {
    it.each<[string, string, string, string | undefined, string, boolean]>([
      ['8', '8.2', 'atLeast', undefined, '0.2', true],
      ['8', '8', 'atLeast', undefined, '0', true],
      ['8', '7.9', 'atLeast', undefined, '-0.1', false],
      ['3.5', '2.9', 'atMost', undefined, '0.6', true],
      ['3.5', '3.5', 'atMost', undefined, '0', true],
      ['3.5', '3.6', 'atMost', undefined, '-0.1', false],
      ['-3.5', '-4.02', 'atMost', undefined, '0.52', true],
      ['-3.5', '-3.1', 'atMost', undefined, '-0.4', false],
      ['8', '8.4', 'about', '0.5', '0.1', true],
      ['8', '7.5', 'about', '0.5', '0', true],
      ['8', '8.6', 'about', '0.5', '-0.1', false],
      ['8', '7.3', 'about', '0.5', '-0.2', false],
      ['8', '8', 'about', '0', '0', true],
    ])('judges target %s, value %s, %s (tolerance %s): margin %s, met %s', (goal, value, bound, tolerance, margin, met) => {
      const facts = factsOf({ target: rate(goal, bound, tolerance), observations: observations(['2018-03-31', value]) }, '2018-03-31');
      expect(show(facts.margin)).toBe(margin);
      expect(facts.met).toBe(met);
      expect(facts.onPace).toBe(met);
      expect(show(facts.value)).toBe(value);
      expect(show(facts.target)).toBe(goal);
    });

    it('treats a rate without a bound as atLeast', () => {
      const facts = factsOf(
        { target: { kind: 'rate', measure: 'GDP增速', unit: '%', value: '8' }, observations: observations(['2018-03-31', '7.5']) },
        '2018-03-31',
      );
      expect(show(facts.margin)).toBe('-0.5');
      expect(facts.met).toBe(false);
    });

    it('has no progress, expected, paceGap or paceRatio', () => {
      const facts = factsOf({ target: rate('3.5', 'atMost'), observations: observations(['2018-03-31', '2.9']) }, '2018-06-30');
      expect(facts).toMatchObject({ kind: 'rate', hasData: true, progress: null, expected: null, paceGap: null, paceRatio: null, dataAgeDays: 91 });
    });

    it('is overdue after its deadline only when not met', () => {
      expect(factsOf({ target: rate('8', 'atLeast'), observations: observations(['2018-12-31', '7']) }, '2019-01-31').overdue).toBe(true);
      expect(factsOf({ target: rate('8', 'atLeast'), observations: observations(['2018-12-31', '9']) }, '2019-01-31').overdue).toBe(false);
    });
  });

  describe('milestones', () => {
    const target: Json = {
      kind: 'milestones',
      milestones: [
        { title: '立项', due: '2018-03-31', done: '2018-03-20', weight: '1' },
        { title: '开工', due: '2018-06-30', done: '2018-07-15', weight: '2' },
        { title: '竣工', due: '2018-12-31', done: null, weight: '1' },
      ],
    };

    it.each<[string, string, string, boolean, number, boolean]>([
      // asOf, progress, expected, met, overdueMilestones, onPace
      ['2018-03-19', '0', '0', false, 0, true],
      ['2018-03-31', '0.25', '0.25', false, 0, true],
      ['2018-06-30', '0.25', '0.75', false, 0, false],
      ['2018-07-01', '0.25', '0.75', false, 1, false],
      ['2018-07-15', '0.75', '0.75', false, 0, true],
      ['2018-12-31', '0.75', '1', false, 0, false],
      ['2019-01-01', '0.75', '1', false, 1, false],
    ])('at %s: progress %s, expected %s, met %s, overdueMilestones %i, onPace %s', (asOf, progress, expected, met, overdueMilestones, onPace) => {
      const facts = factsOf({ target }, asOf);
      expect(show(facts.progress)).toBe(progress);
      expect(show(facts.expected)).toBe(expected);
      expect(facts.met).toBe(met);
      expect(facts.overdueMilestones).toBe(overdueMilestones);
      expect(facts.onPace).toBe(onPace);
    });

    it('is met when every milestone is done by the as-of date, and not overdue then', () => {
      const done: Json = {
        kind: 'milestones',
        milestones: [
          { title: '开工', due: '2018-06-30', done: '2018-06-01' },
          { title: '竣工', due: '2018-12-31', done: '2019-01-10' },
        ],
      };
      expect(factsOf({ target: done }, '2019-01-09')).toMatchObject({ met: false, overdue: true, overdueMilestones: 1 });
      expect(factsOf({ target: done }, '2019-01-10')).toMatchObject({ met: true, overdue: false, overdueMilestones: 0 });
    });

    it('always has data, but no value, target, margin or dataAgeDays', () => {
      expect(factsOf({ target }, '2018-03-31')).toMatchObject({ hasData: true, value: null, target: null, margin: null, dataAgeDays: null });
    });
  });

  describe('binary', () => {
    const binary = (completedOn: string | null): Json => ({ target: { kind: 'binary', completedOn }, deadline: '2018-06-30' });

    it.each<[string | null, string, string, string, boolean, boolean, string | null, boolean]>([
      // completedOn, asOf, progress, expected, met, overdue, paceRatio, onPace
      [null, '2018-03-31', '0', '0', false, false, null, true],
      [null, '2018-06-30', '0', '1', false, false, '0', false],
      [null, '2018-07-01', '0', '1', false, true, '0', false],
      ['2018-05-01', '2018-04-30', '0', '0', false, false, null, true],
      ['2018-05-01', '2018-05-01', '1', '0', true, false, null, true],
      ['2018-05-01', '2018-07-01', '1', '1', true, false, '1', true],
      ['2018-08-15', '2018-08-14', '0', '1', false, true, '0', false],
      ['2018-08-15', '2018-08-15', '1', '1', true, false, '1', true],
    ])('completed on %s, as of %s: progress %s, expected %s, met %s, overdue %s', (completedOn, asOf, progress, expected, met, overdue, paceRatio, onPace) => {
      const facts = factsOf(binary(completedOn), asOf);
      expect(show(facts.progress)).toBe(progress);
      expect(show(facts.expected)).toBe(expected);
      expect(facts.met).toBe(met);
      expect(facts.overdue).toBe(overdue);
      expect(show(facts.paceRatio)).toBe(paceRatio);
      expect(facts.onPace).toBe(onPace);
    });

    it('always has data, but no value, target, margin, dataAgeDays or overdue milestones', () => {
      expect(factsOf(binary(null), '2018-07-01')).toMatchObject({
        kind: 'binary',
        hasData: true,
        value: null,
        target: null,
        margin: null,
        dataAgeDays: null,
        overdueMilestones: 0,
      });
    });
  });

  describe('without data', () => {
    it('leaves the facts that need an observation null and computes the rest', () => {
      const facts = factsOf({ target: cumulative(), flags: ['problem'] }, '2018-03-31');
      expect(factsToJson(facts)).toEqual({
        kind: 'cumulative',
        cancelled: false,
        hasData: false,
        value: null,
        target: '200',
        progress: null,
        expected: '0.25',
        paceGap: null,
        paceRatio: null,
        met: null,
        onPace: null,
        margin: null,
        overdue: false,
        daysToDeadline: 275,
        overdueMilestones: 0,
        dataAgeDays: null,
        dataCoversPeriod: null,
        flags: ['problem'],
      });
    });

    it('is overdue after the deadline, since met is not true', () => {
      const facts = factsOf({ target: level(100, 80) }, '2019-01-10');
      expect(facts).toMatchObject({ hasData: false, met: null, overdue: true, daysToDeadline: -10 });
      expect(show(facts.expected)).toBe('1');
      expect(show(facts.target)).toBe('80');
    });

    it('is not overdue on the deadline itself', () => {
      expect(factsOf({ target: cumulative() }, '2018-12-31')).toMatchObject({ hasData: false, overdue: false, daysToDeadline: 0 });
    });

    it('keeps the target of a rate and its null expected', () => {
      const facts = factsOf({ target: rate('3.5', 'atMost') }, '2018-03-31');
      expect(facts).toMatchObject({ hasData: false, expected: null, margin: null, met: null, onPace: null });
      expect(show(facts.target)).toBe('3.5');
    });

    it('has no data when every observation is dated after the as-of date', () => {
      const facts = factsOf({ target: cumulative(), observations: observations(['2018-04-30', '70']) }, '2018-03-31');
      expect(facts.hasData).toBe(false);
      expect(facts.value).toBeNull();
      expect(facts.dataAgeDays).toBeNull();
    });
  });

  describe('observation selection', () => {
    const task: Json = {
      target: cumulative(),
      observations: observations(['2018-04-30', '70'], ['2018-01-31', '10'], ['2018-03-31', '55'], ['2018-02-28', '20']),
    };

    it.each<[string, string, number]>([
      ['2018-01-31', '10', 0],
      ['2018-02-27', '10', 27],
      ['2018-03-30', '20', 30],
      ['2018-03-31', '55', 0],
      ['2018-04-15', '55', 15],
      ['2018-12-31', '70', 245],
    ])('judges %s on the latest observation dated on or before it (%s, %i days old)', (asOf, value, age) => {
      const facts = factsOf(task, asOf);
      expect(show(facts.value)).toBe(value);
      expect(facts.dataAgeDays).toBe(age);
      expect(facts.observation?.asOf).toBe(
        asOf < '2018-02-28' ? '2018-01-31' : asOf < '2018-03-31' ? '2018-02-28' : asOf < '2018-04-30' ? '2018-03-31' : '2018-04-30',
      );
    });

    it('uses an observation dated before the task starts', () => {
      const facts = factsOf({ target: cumulative(), start: '2018-03-01', observations: observations(['2018-02-28', '0']) }, '2018-03-10');
      expect(facts.hasData).toBe(true);
      expect(show(facts.value)).toBe('0');
      expect(facts.dataAgeDays).toBe(10);
      expect(show(facts.progress)).toBe('0');
    });

    it.each<[string, string, string, string, string]>([
      ['10312', '人', '3.7', '万人', '1.0312'],
      ['250000000', '千瓦时', '10', '亿千瓦时', '2.5'],
      ['3', '亿千瓦时', '100000000', '万千瓦时', '30000'],
      ['5', '亿元', '100000', '万元', '50000'],
      ['1.5', '万亩', '15.4', '万亩', '1.5'],
    ])('converts %s %s to the unit of a target of %s %s: %s', (value, unit, goal, targetUnit, converted) => {
      const facts = factsOf({ target: cumulative(goal, targetUnit), observations: observations(['2018-03-31', value, unit]) }, '2018-03-31');
      expect(show(facts.value)).toBe(converted);
      expect(show(facts.target)).toBe(goal);
    });

    it('converts before computing progress (10312 人 of 3.7 万人)', () => {
      const facts = factsOf({ target: cumulative('3.7', '万人'), observations: observations(['2018-03-31', '10312', '人']) }, '2018-03-31');
      expect(facts.progress).toEqual({ n: 1289n, d: 4625n });
    });
  });

  describe('dataCoversPeriod', () => {
    const gdp = (...points: [string, string][]): Json => ({ target: rate('6.5', 'atLeast'), observations: observations(...points) });

    it.each<[string, Json, string, boolean]>([
      ['the half-year figure at year end', gdp(['2018-06-30', '6.8']), '2018-12-31', false],
      ['the half-year figure after the deadline', gdp(['2018-06-30', '6.8']), '2019-01-31', false],
      ['the full-year figure dated on the deadline', gdp(['2018-06-30', '6.8'], ['2018-12-31', '6.7']), '2018-12-31', true],
      ['the full-year figure a month on', gdp(['2018-12-31', '6.7']), '2019-01-31', true],
      ['a figure dated after the deadline', gdp(['2019-01-20', '6.7']), '2019-01-31', true],
      ['a figure dated the day before the deadline', gdp(['2018-12-30', '6.7']), '2018-12-31', false],
      ['a cumulative task on its March figure', { target: cumulative(), observations: observations(['2018-03-31', '55']) }, '2018-03-31', false],
    ])('is %s: %s', (_what, task, asOf, covers) => {
      const facts = factsOf(task, asOf);
      expect(facts.dataCoversPeriod).toBe(covers);
      expect(factsForEngine(facts).dataCoversPeriod).toBe(covers);
      expect(factsToJson(facts).dataCoversPeriod).toBe(covers);
    });

    it('is measured against the task’s own deadline', () => {
      const task = { target: cumulative(), deadline: '2018-06-30', observations: observations(['2018-06-30', '150']) };
      expect(factsOf(task, '2018-06-30').dataCoversPeriod).toBe(true);
      expect(factsOf({ ...task, deadline: '2018-07-01' }, '2018-06-30').dataCoversPeriod).toBe(false);
    });

    it('is null without data and for milestones and binary targets', () => {
      expect(factsOf({ target: rate('6.5', 'atLeast') }, '2018-12-31').dataCoversPeriod).toBeNull();
      expect(factsOf({ target: rate('6.5', 'atLeast'), observations: observations(['2019-01-20', '6.7']) }, '2018-12-31').dataCoversPeriod).toBeNull();
      expect(factsOf({ target: { kind: 'binary', completedOn: '2018-05-01' } }, '2018-12-31').dataCoversPeriod).toBeNull();
      expect(
        factsOf({ target: { kind: 'milestones', milestones: [{ title: '出台方案', due: '2018-05-31', done: '2018-05-20', weight: '1' }] } }, '2018-12-31')
          .dataCoversPeriod,
      ).toBeNull();
    });
  });

  describe('deadline, cancellation and flags', () => {
    it.each<[string, number]>([
      ['2018-03-31', 275],
      ['2018-12-31', 0],
      ['2019-01-01', -1],
      ['2017-12-31', 365],
    ])('counts the days from %s to the deadline: %i', (asOf, days) => {
      expect(factsOf({ target: cumulative() }, asOf).daysToDeadline).toBe(days);
    });

    it.each<[string, string, boolean]>([
      ['150', '2018-12-31', false],
      ['150', '2019-01-01', true],
      ['200', '2019-01-01', false],
    ])('with value %s is overdue at %s: %s', (value, asOf, overdue) => {
      expect(factsOf({ target: cumulative(), observations: observations(['2018-12-31', value]) }, asOf).overdue).toBe(overdue);
    });

    it.each<[string, boolean]>([
      ['2018-04-30', false],
      ['2018-05-01', true],
      ['2019-01-01', true],
    ])('is cancelled from cancelled.on (2018-05-01) on: at %s %s', (asOf, cancelled) => {
      expect(factsOf({ target: cumulative(), cancelled: { on: '2018-05-01', reason: '因政策调整' } }, asOf).cancelled).toBe(cancelled);
    });

    it('is not cancelled when cancelled is null or absent', () => {
      expect(factsOf({ target: cumulative(), cancelled: null }, '2018-12-31').cancelled).toBe(false);
      expect(factsOf({ target: cumulative() }, '2018-12-31').cancelled).toBe(false);
    });

    it('passes the flags through, and an empty list without flags', () => {
      expect(factsOf({ target: cumulative(), flags: ['problem', '重点'] }, '2018-03-31').flags).toEqual(['problem', '重点']);
      expect(factsOf({ target: cumulative() }, '2018-03-31').flags).toEqual([]);
    });

    it('reports no overdue milestones for other kinds', () => {
      expect(factsOf({ target: cumulative(), observations: observations(['2018-03-31', '1']) }, '2019-03-31').overdueMilestones).toBe(0);
    });
  });
});

describe('latestObservation', () => {
  it('returns the observation with the latest asOf on or before the date, whatever their order', () => {
    const plan = planOf([{ target: cumulative(), observations: observations(['2018-06-30', '98'], ['2018-03-31', '55']) }]);
    expect(latestObservation(taskAt(plan), '2018-05-01')).toEqual({ asOf: '2018-03-31', value: '55' });
    expect(latestObservation(taskAt(plan), '2018-06-30')).toEqual({ asOf: '2018-06-30', value: '98' });
    expect(latestObservation(taskAt(plan), '2018-03-30')).toBeNull();
  });
});

describe('factsForEngine', () => {
  it('gives each fact as the JavaScript number nearest to its exact value', () => {
    const plan = planOf([
      { target: cumulative('3.7', '万人'), observations: observations(['2018-03-31', '10312', '人']) },
      { target: rate('-3.5', 'atMost'), observations: observations(['2018-03-31', '-4.02']) },
    ]);
    const jobs = factsForEngine(computeFacts(plan, taskAt(plan, 0), '2018-03-31'));
    expect(jobs.progress).toBe(1289 / 4625);
    expect(jobs.value).toBe(1.0312);
    expect(jobs.expected).toBe(0.25);
    expect(jobs.paceGap).toBe(531 / 18500);
    expect(jobs.daysToDeadline).toBe(275);
    const energy = factsForEngine(computeFacts(plan, taskAt(plan, 1), '2018-03-31'));
    expect(energy.margin).toBe(0.52);
    expect(energy.value).toBe(-4.02);
    expect(energy.progress).toBeNull();
  });
});
