import { describe, expect, it } from 'vitest';
import { evaluatePlan, parsePlan, reportingDates, summarizeTrend } from '../../src/index.js';
import { loadExample, smallPlan } from './helpers.js';

describe('reportingDates', () => {
  it.each([
    ['xuchang-2017-h1.plan.json', ['2017-05-30', '2017-05-31', '2017-06-20', '2017-06-30']],
    ['xianning-2018-q1.plan.json', ['2018-03-31']],
    ['ezhou-2014.plan.json', ['2014-01-28']],
  ])('lists every distinct observation date of %s and its asOf, sorted', (name, dates) => {
    expect(reportingDates(loadExample(name))).toEqual(dates);
  });

  it('is empty for a plan with neither observations nor asOf', () => {
    expect(reportingDates(parsePlan({ formatVersion: 1, id: 'x', title: '计划', period: { start: '2018-01-01', end: '2018-12-31' }, tasks: [] }))).toEqual([]);
  });
});

describe('summarizeTrend', () => {
  it('puts the evaluations in date order and gives each task its status at every date', async () => {
    const plan = smallPlan();
    const june = await evaluatePlan(plan, { asOf: '2018-06-30' });
    const march = await evaluatePlan(plan, { asOf: '2018-03-31' });
    const trend = summarizeTrend(plan, [june, march]);
    expect(trend.dates).toEqual(['2018-03-31', '2018-06-30']);
    expect(trend.summaries.map((summary) => summary.asOf)).toEqual(trend.dates);
    expect(trend.tasks.map((task) => [task.task.id, task.points.map((point) => point.result.status), task.changed])).toEqual([
      ['G1', ['needs-effort', 'on-track'], true],
      ['G2', ['no-data', 'needs-effort'], true],
      ['W1', ['on-track', 'on-track'], false],
      ['W2', ['on-track', 'needs-effort'], true],
      ['W3', ['on-track', 'cancelled'], true],
      ['W4', ['problem', 'problem'], false],
      ['W5', ['no-data', 'no-data'], false],
      ['W6', ['on-track', 'done'], true],
    ]);
    expect(trend.tasks[2]!.points.map((point) => [point.result.facts.progress, point.result.facts.expected])).toEqual([
      ['0.26666666666666666667', '0.25'],
      ['0.55', '0.5'],
    ]);
  });
});
