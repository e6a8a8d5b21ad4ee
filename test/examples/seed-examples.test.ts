import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluatePlan, parsePlan, type BundledRuleSetId, type Plan } from '../../src/index.js';

const EXAMPLES: Record<string, BundledRuleSetId> = {
  'xianning-2018-q1.plan.json': 'four-level',
  'jinzhou-2016-h1.plan.json': 'three-level',
  'xuchang-2017-h1.plan.json': 'four-level',
  'ezhou-2014.plan.json': 'four-level',
};

const load = (name: string): Plan => parsePlan(readFileSync(new URL(`../../examples/${name}`, import.meta.url), 'utf8'), { source: name });

describe('seed examples', () => {
  for (const [name, rules] of Object.entries(EXAMPLES)) {
    it(`${name} evaluates with ${rules} and every task the seed classifies gets the seed's label`, async () => {
      const plan = load(name);
      const evaluation = await evaluatePlan(plan, { rules });
      expect(evaluation.gaps).toEqual([]);
      expect(evaluation.results.map((r) => r.taskId)).toEqual(plan.tasks.map((t) => t.id));
      const seeded = plan.tasks.filter((task) => typeof task['x-seed-status'] === 'string');
      for (const task of seeded) {
        const result = evaluation.results.find((r) => r.taskId === task.id);
        expect({ task: task.id, label: result?.label }).toEqual({ task: task.id, label: task['x-seed-status'] });
      }
    });
  }

  it('咸宁: 林业产值 55亿元 is 28% of the 200亿元 target against 25% 序时进度, as seed 003 states', async () => {
    const plan = load('xianning-2018-q1.plan.json');
    const result = (await evaluatePlan(plan, { asOf: '2018-03-31' })).results.find((r) => r.taskId === 'T09');
    expect(result?.facts.progress).toBe('0.275');
    expect(Math.round(Number(result?.facts.progress) * 100)).toBe(28);
    expect(result?.facts.expected).toBe('0.25');
    expect(result?.explanation).toBe('林业产值完成55亿元，为目标的27.5%，序时进度25%，超前2.5个百分点');
  });

  it('咸宁: 城镇新增就业 10312人 against 3.7万人 is converted to 万人 and is ahead of pace', async () => {
    const plan = load('xianning-2018-q1.plan.json');
    const result = (await evaluatePlan(plan, { asOf: '2018-03-31' })).results.find((r) => r.taskId === 'T25');
    expect(result?.facts.value).toBe('1.0312');
    expect(result?.facts.progress).toBe('0.2787027027027027027');
    expect(result?.facts.onPace).toBe(true);
  });

  it('锦州: the mid-year plan has 双过半 at 06-30 (expected 0.5 for calendar-year tasks) and one cancelled task', async () => {
    const plan = load('jinzhou-2016-h1.plan.json');
    const evaluation = await evaluatePlan(plan, { rules: 'three-level' });
    expect(evaluation.asOf).toBe('2016-06-30');
    const calendarYear = evaluation.results.filter((r) => {
      const task = plan.tasks.find((t) => t.id === r.taskId);
      return task?.start === undefined && task?.deadline === undefined && (task?.target.kind === 'cumulative' || task?.target.kind === 'level');
    });
    expect(calendarYear.length).toBeGreaterThan(0);
    for (const result of calendarYear) expect(result.facts.expected).toBe('0.5');
    expect(evaluation.summary.byStatus.find((s) => s.status === 'cancelled')?.count).toBe(1);
  });

  it('鄂州: 34 tasks in 9 categories, each with a lead unit, and no observations yet', () => {
    const plan = load('ezhou-2014.plan.json');
    expect(plan.tasks).toHaveLength(34);
    expect(plan.categories).toHaveLength(9);
    for (const task of plan.tasks) {
      expect(task.owners?.lead?.length ?? 0).toBeGreaterThan(0);
      expect(task.observations ?? []).toEqual([]);
    }
  });

  it('许昌: tasks carry their lead units and leaders, and the problem item is flagged', () => {
    const plan = load('xuchang-2017-h1.plan.json');
    expect(plan.tasks.some((task) => task.leader !== undefined)).toBe(true);
    expect(plan.tasks.filter((task) => task.flags?.includes('problem')).length).toBeGreaterThan(0);
  });
});
