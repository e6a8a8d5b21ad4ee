import { computeFacts, formatFraction, parsePlan } from '../../src/index.js';
import { paceExpected } from '../../src/pace/expected-progress.js';
import { factsToJson } from '../../src/pace/fact-values.js';
import { todayInChina } from '../../src/pace/today.js';

const DATES = ['2017-12-31', '2018-01-01', '2018-02-14', '2018-03-31', '2018-06-30', '2018-12-31', '2019-01-01'];

/**
 * Everything the time-zone test compares: the facts of a plan at several dates,
 * monthly and daily paces, and todayInChina at fixed instants. Loaded both by the
 * test and by child processes started under other `TZ` values.
 */
export function tzSnapshot(planText: string): unknown {
  const plan = parsePlan(planText);
  return {
    facts: DATES.map((asOf) => plan.tasks.map((task) => factsToJson(computeFacts(plan, task, asOf)))),
    monthly: DATES.map((asOf) => formatFraction(paceExpected({ start: '2018-03-15', deadline: '2018-12-31', pace: 'monthly' }, asOf))),
    daily: DATES.map((asOf) => formatFraction(paceExpected({ start: '2016-01-01', deadline: '2018-12-31', pace: 'daily' }, asOf))),
    today: [Date.UTC(2018, 2, 31, 16, 30), Date.UTC(2018, 2, 31, 15, 59), Date.UTC(2016, 1, 28, 23, 59)].map((now) => todayInChina(now)),
  };
}
