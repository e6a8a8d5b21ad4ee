// Shared inputs for the report tests: the seed example plans with their rule
// sets and main indicators, and a small plan written in the test.
import { readFileSync } from 'node:fs';
import { evaluatePlan, parsePlan, type BundledRuleSetId, type Evaluation, type MainIndicators, type Plan } from '../../src/index.js';

/** The seed examples, each with the rule set and main-indicator choice its seed implies. */
export const SEED_EXAMPLES: Readonly<Record<string, { rules: BundledRuleSetId; indicators: MainIndicators }>> = {
  'jinzhou-2016-h1.plan.json': { rules: 'three-level', indicators: { categories: ['1'] } },
  'xuchang-2017-h1.plan.json': { rules: 'four-level', indicators: 'rate' },
  'xianning-2018-q1.plan.json': { rules: 'four-level', indicators: { categories: ['1-1'] } },
  'ezhou-2014.plan.json': { rules: 'four-level', indicators: 'rate' },
};

/** Reads an example plan. */
export function loadExample(name: string): Plan {
  return parsePlan(readFileSync(new URL(`../../examples/${name}`, import.meta.url), 'utf8'), { source: name });
}

/** An example plan and its evaluation with its rule set at the plan's asOf. */
export async function evaluatedExample(name: string): Promise<{ plan: Plan; evaluation: Evaluation }> {
  const plan = loadExample(name);
  return { plan, evaluation: await evaluatePlan(plan, { rules: SEED_EXAMPLES[name]!.rules }) };
}

/**
 * A 2018 plan written in the test: two rate indicators, quantitative work with
 * lead units and leaders, a cancelled task, a flagged task, a task without data.
 */
export function smallPlan(extra: Record<string, unknown> = {}): Plan {
  return parsePlan({
    formatVersion: 1,
    id: 'small-2018',
    title: '某市2018年重点工作',
    period: { start: '2018-01-01', end: '2018-12-31' },
    asOf: '2018-06-30',
    categories: [
      { id: 'A', title: '主要指标' },
      { id: 'B', title: '重点工作' },
    ],
    tasks: [
      {
        id: 'G1',
        title: '地区生产总值增长8%',
        category: 'A',
        target: { kind: 'rate', measure: '地区生产总值增长', unit: '%', value: 8 },
        observations: [
          { asOf: '2018-03-31', value: '7.5' },
          { asOf: '2018-06-30', value: '8.2' },
        ],
      },
      {
        id: 'G2',
        title: '居民消费价格涨幅控制在3%以内',
        category: 'A',
        target: { kind: 'rate', measure: '居民消费价格涨幅', unit: '%', value: 3, bound: 'atMost' },
        observations: [{ asOf: '2018-06-30', value: '3.4' }],
      },
      {
        id: 'W1',
        title: '新建保障性住房6000套',
        category: 'B',
        owners: { lead: ['市住建局'], support: ['市财政局'] },
        leader: '张三',
        target: { kind: 'cumulative', measure: '新建保障性住房', unit: '套', value: 6000 },
        observations: [
          { asOf: '2018-03-31', value: 1600 },
          { asOf: '2018-06-30', value: 3300 },
        ],
      },
      {
        id: 'W2',
        title: '城镇新增就业3万人',
        category: 'B',
        owners: { lead: ['市人社局', '市住建局'] },
        leader: '张三、李四',
        target: { kind: 'cumulative', measure: '城镇新增就业', unit: '万人', value: 3 },
        observations: [
          { asOf: '2018-03-31', value: 9000, unit: '人' },
          { asOf: '2018-06-30', value: 12000, unit: '人' },
        ],
      },
      {
        id: 'W3',
        title: '园林绿化养护市场化试点',
        category: 'B',
        target: { kind: 'binary', completedOn: null },
        cancelled: { on: '2018-05-01', reason: '因政策调整' },
      },
      { id: 'W4', title: '大气环境治理', category: 'B', owners: { lead: ['市环保局'] }, flags: ['problem'], target: { kind: 'binary', completedOn: null } },
      {
        id: 'W5',
        title: '农村环境整治100个村',
        category: 'B',
        owners: { lead: ['市农委'] },
        target: { kind: 'cumulative', measure: '完成整治的村', unit: '个', value: 100 },
      },
      { id: 'W6', title: '出台优化营商环境实施方案', owners: { lead: ['市发改委'] }, leader: '李四', target: { kind: 'binary', completedOn: '2018-04-15' } },
    ],
    ...extra,
  });
}

/** Splits a counts sentence `32项工作中,15项完成,7项部分完成` into its total and a label → count map. */
export function parseCounts(sentence: string): { total: number; counts: Map<string, number> } {
  const match = /^(\d+)项[^中]*中，(.*)$/.exec(sentence);
  if (match === null) throw new Error(`not a counts sentence: ${sentence}`);
  const counts = new Map<string, number>();
  for (const part of match[2]!.split('，')) {
    const item = /^(\d+)项(.+)$/.exec(part);
    if (item === null) throw new Error(`not a count: ${part}`);
    counts.set(item[2]!, Number(item[1]));
  }
  return { total: Number(match[1]), counts };
}
