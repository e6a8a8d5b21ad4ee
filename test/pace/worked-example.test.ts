import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeFacts, parsePlan, type FactsJson, type Plan } from '../../src/index.js';
import { factsToJson } from '../../src/pace/fact-values.js';

/** The 咸宁 2018 worked example of pace-and-facts.md, as a plan file. */
const plan: Plan = parsePlan(readFileSync(new URL('../fixtures/xianning-worked.plan.json', import.meta.url), 'utf8'), { source: 'xianning-worked.plan.json' });

function factsFor(taskId: string): FactsJson {
  const task = plan.tasks.find((candidate) => candidate.id === taskId);
  if (task === undefined) throw new Error(`no task ${taskId} in the fixture`);
  return factsToJson(computeFacts(plan, task, plan.asOf ?? 'missing asOf'));
}

describe('computeFacts', () => {
  describe('the 咸宁 2018 worked example, as of 2018-03-31, monthly pace', () => {
    it('stands at the plan asOf 2018-03-31', () => {
      expect(plan.asOf).toBe('2018-03-31');
    });

    it.each<[string, string, Partial<FactsJson>]>([
      [
        '林业产值',
        'T09',
        { value: '55', target: '200', expected: '0.25', progress: '0.275', paceGap: '0.025', paceRatio: '1.1', onPace: true, met: false, margin: null },
      ],
      [
        '城镇新增就业',
        'jobs',
        {
          value: '1.0312',
          target: '3.7',
          expected: '0.25',
          progress: '0.2787027027027027027',
          paceGap: '0.028702702702702702703',
          paceRatio: '1.1148108108108108108',
          onPace: true,
          met: false,
          margin: null,
        },
      ],
      [
        '降低企业成本',
        'cost',
        { value: '2.27', target: '10', expected: '0.25', progress: '0.227', paceGap: '-0.023', paceRatio: '0.908', onPace: false, met: false, margin: null },
      ],
      [
        '居民消费价格涨幅',
        'cpi',
        { value: '2.9', target: '3.5', expected: null, progress: null, paceGap: null, paceRatio: null, onPace: true, met: true, margin: '0.6' },
      ],
      [
        '规上工业能耗',
        'energy',
        { value: '-4.02', target: '-3.5', expected: null, progress: null, paceGap: null, paceRatio: null, onPace: true, met: true, margin: '0.52' },
      ],
    ])('gives the row %s (%s) of the table', (_measure, taskId, expected) => {
      const facts = factsFor(taskId);
      expect(facts).toMatchObject(expected);
      expect(facts).toMatchObject({
        cancelled: false,
        hasData: true,
        overdue: false,
        daysToDeadline: 275,
        overdueMilestones: 0,
        dataAgeDays: 0,
        dataCoversPeriod: false,
        flags: [],
      });
    });

    it('begins the non-terminating progress of 城镇新增就业 with 0.2787027027…', () => {
      expect(factsFor('jobs').progress?.startsWith('0.2787027027')).toBe(true);
      expect(factsFor('jobs').paceGap?.startsWith('0.0287')).toBe(true);
    });

    it('writes the facts of T09 exactly as the JSON output example of cli.md', () => {
      expect(factsFor('T09')).toStrictEqual({
        kind: 'cumulative',
        cancelled: false,
        hasData: true,
        value: '55',
        target: '200',
        progress: '0.275',
        expected: '0.25',
        paceGap: '0.025',
        paceRatio: '1.1',
        met: false,
        onPace: true,
        margin: null,
        overdue: false,
        daysToDeadline: 275,
        overdueMilestones: 0,
        dataAgeDays: 0,
        dataCoversPeriod: false,
        flags: [],
      });
    });

    it('serialises the T09 facts to the JSON text of cli.md', () => {
      const text =
        '{"kind":"cumulative","cancelled":false,"hasData":true,"value":"55","target":"200","progress":"0.275","expected":"0.25","paceGap":"0.025","paceRatio":"1.1","met":false,"onPace":true,"margin":null,"overdue":false,"daysToDeadline":275,"overdueMilestones":0,"dataAgeDays":0,"dataCoversPeriod":false,"flags":[]}';
      expect(JSON.stringify(factsFor('T09'))).toBe(text);
    });
  });
});
