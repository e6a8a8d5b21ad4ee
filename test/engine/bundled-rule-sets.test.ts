// Every row of the three bundled rule sets of rule-sets.md, decided by exactly
// that row: at fact level (createClassifier) and from small plans (evaluatePlan).
import { describe, expect, it } from 'vitest';
import { BUNDLED_RULE_SET_IDS, bundledRuleFileJson, compileRuleFile, ENGINE_CHOICES, evaluatePlan, isBundledRuleSetId } from '../../src/index.js';
import type { BundledRuleSetId } from '../../src/index.js';
import { bundled, bundledClassifier, cumulative, facts, noDataFacts, planWith, rate } from './helpers.js';
import type { EngineFactsInput, TaskInput } from './helpers.js';

/** The tables of rule-sets.md: priority, status code and label, in order of priority. */
const SPEC_TABLES: Record<BundledRuleSetId, readonly (readonly [number, string, string])[]> = {
  'three-level': [
    [100, 'cancelled', '取消'],
    [90, 'no-data', '未报送'],
    [50, 'completed', '完成'],
    [40, 'partial', '部分完成'],
    [1, 'not-completed', '未完成'],
  ],
  'four-level': [
    [100, 'cancelled', '取消'],
    [90, 'no-data', '未报送'],
    [80, 'done', '已完成'],
    [70, 'problem', '存在突出问题'],
    [65, 'problem', '存在突出问题'],
    [50, 'on-track', '有序推进'],
    [40, 'problem', '存在突出问题'],
    [1, 'needs-effort', '需要加大力度'],
  ],
  'traffic-light': [
    [100, 'cancelled', '取消'],
    [90, 'no-data', '未报送'],
    [80, 'green', '绿灯'],
    [70, 'red', '红灯'],
    [60, 'red', '红灯'],
    [55, 'yellow', '黄灯'],
    [50, 'green', '绿灯'],
    [1, 'yellow', '黄灯'],
  ],
};

describe('bundledRuleFileJson', () => {
  it.each(BUNDLED_RULE_SET_IDS)('%s has the rows of rule-sets.md, in order of priority, ending with an "always" row', (id) => {
    const file = bundled(id);
    const label = new Map(file.statuses.map((status) => [status.code, status.label]));
    expect(file.id).toBe(id);
    expect(file.rules.map((rule) => [rule.priority, rule.event.type, label.get(rule.event.type)])).toEqual(SPEC_TABLES[id]);
    expect(file.rules.at(-1)?.conditions).toEqual({ all: [] });
  });

  it('returns a fresh copy each call, so editing one does not change the bundled set', () => {
    const copy = bundledRuleFileJson('four-level') as { rules: unknown[] };
    copy.rules.length = 0;
    expect(bundled('four-level').rules).toHaveLength(8);
  });

  it.each([...BUNDLED_RULE_SET_IDS])('isBundledRuleSetId accepts %s', (id) => {
    expect(isBundledRuleSetId(id)).toBe(true);
  });

  it.each(['five-level', 'Four-Level', '', 'rules/four-level.json'])('isBundledRuleSetId rejects %j', (id) => {
    expect(isBundledRuleSetId(id)).toBe(false);
  });
});

type FactRow = readonly [description: string, facts: EngineFactsInput, code: string, label: string, rule: string];

const RATE_FACTS = { kind: 'rate', progress: null, expected: null, paceGap: null, paceRatio: null } as const;

const FACT_ROWS: Record<BundledRuleSetId, readonly FactRow[]> = {
  'three-level': [
    ['cancelled (even on pace)', facts({ cancelled: true, onPace: true, progress: 0.6, paceGap: 0.1, paceRatio: 1.2 }), 'cancelled', '取消', '取消'],
    ['cancelled beats no data', noDataFacts({ cancelled: true }), 'cancelled', '取消', '取消'],
    ['no data', noDataFacts(), 'no-data', '未报送', '未报送'],
    ['on pace', facts({ onPace: true, progress: 0.6, paceGap: 0.1, paceRatio: 1.2 }), 'completed', '完成', '完成'],
    ['a rate target on pace (met)', facts({ ...RATE_FACTS, met: true, onPace: true, margin: 0.5 }), 'completed', '完成', '完成'],
    [
      'a met rate target on its deadline, on a figure covering the period',
      facts({ ...RATE_FACTS, met: true, onPace: true, margin: 0.5, daysToDeadline: 0, dataCoversPeriod: true }),
      'completed',
      '完成',
      '完成',
    ],
    [
      'a met rate target on its deadline, on an older figure, is only partial',
      facts({ ...RATE_FACTS, met: true, onPace: true, margin: 0.5, daysToDeadline: 0, dataAgeDays: 184 }),
      'partial',
      '部分完成',
      '部分完成',
    ],
    ['not on pace, some progress', facts(), 'partial', '部分完成', '部分完成'],
    ['not on pace, a little progress', facts({ progress: 0.001, paceGap: -0.499, paceRatio: 0.002 }), 'partial', '部分完成', '部分完成'],
    ['no progress', facts({ value: 0, progress: 0, paceGap: -0.5, paceRatio: 0 }), 'not-completed', '未完成', '未完成'],
    [
      'negative progress (a level moved the wrong way)',
      facts({ kind: 'level', progress: -0.2, paceGap: -0.7, paceRatio: -0.4 }),
      'not-completed',
      '未完成',
      '未完成',
    ],
    ['a rate target not met', facts({ ...RATE_FACTS, met: false, onPace: false, margin: -0.5 }), 'not-completed', '未完成', '未完成'],
    ['a rate target is never partial, whatever its progress fact', facts({ kind: 'rate', progress: 0.5 }), 'not-completed', '未完成', '未完成'],
  ],
  'four-level': [
    ['cancelled (even met, flagged and overdue)', facts({ cancelled: true, met: true, flags: ['problem'], overdue: true }), 'cancelled', '取消', '取消'],
    ['cancelled beats no data', noDataFacts({ cancelled: true }), 'cancelled', '取消', '取消'],
    ['no data (even flagged and overdue)', noDataFacts({ flags: ['problem'], overdue: true, daysToDeadline: -10 }), 'no-data', '未报送', '未报送'],
    ['met, not a rate', facts({ met: true, onPace: true, progress: 1, paceGap: 0.5, paceRatio: 2 }), 'done', '已完成', '已完成'],
    ['met beats a problem flag', facts({ met: true, onPace: true, progress: 1, flags: ['problem'] }), 'done', '已完成', '已完成'],
    [
      'a met rate target on its deadline, on a figure covering the period',
      facts({ ...RATE_FACTS, met: true, onPace: true, margin: 0.5, daysToDeadline: 0, dataCoversPeriod: true }),
      'done',
      '已完成',
      '已完成',
    ],
    [
      'a met rate target past its deadline, on a figure covering the period',
      facts({ ...RATE_FACTS, met: true, onPace: true, margin: 0.5, daysToDeadline: -30, dataAgeDays: 10, dataCoversPeriod: true }),
      'done',
      '已完成',
      '已完成',
    ],
    [
      'a met rate target on its deadline, on the half-year figure, is 有序推进',
      facts({ ...RATE_FACTS, met: true, onPace: true, margin: 0.5, daysToDeadline: 0, dataAgeDays: 184 }),
      'on-track',
      '有序推进',
      '有序推进',
    ],
    [
      'a met rate target past its deadline, on an older figure, is 有序推进',
      facts({ ...RATE_FACTS, met: true, onPace: true, margin: 0.5, daysToDeadline: -30, dataAgeDays: 214 }),
      'on-track',
      '有序推进',
      '有序推进',
    ],
    [
      'a met rate target with time left is not 已完成 but 有序推进',
      facts({ ...RATE_FACTS, met: true, onPace: true, margin: 0.5, daysToDeadline: 1 }),
      'on-track',
      '有序推进',
      '有序推进',
    ],
    ['flags ["problem"] beats onPace', facts({ onPace: true, progress: 0.6, flags: ['problem'] }), 'problem', '存在突出问题', '标记为突出问题'],
    ['a problem flag among others', facts({ flags: ['watch', 'problem'] }), 'problem', '存在突出问题', '标记为突出问题'],
    ['a problem flag beats overdue', facts({ overdue: true, daysToDeadline: -5, flags: ['problem'] }), 'problem', '存在突出问题', '标记为突出问题'],
    ['overdue', facts({ overdue: true, daysToDeadline: -5 }), 'problem', '存在突出问题', '超期未完成'],
    ['overdue beats onPace', facts({ overdue: true, onPace: true, daysToDeadline: -5 }), 'problem', '存在突出问题', '超期未完成'],
    ['on pace', facts({ onPace: true, progress: 0.6, paceGap: 0.1, paceRatio: 1.2 }), 'on-track', '有序推进', '有序推进'],
    ['another flag does not count as a problem', facts({ onPace: true, flags: ['watch'] }), 'on-track', '有序推进', '有序推进'],
    ['onPace beats a low paceRatio', facts({ onPace: true, paceRatio: 0.4 }), 'on-track', '有序推进', '有序推进'],
    ['paceRatio < 0.5', facts({ progress: 0.2, paceGap: -0.3, paceRatio: 0.4 }), 'problem', '存在突出问题', '进度严重滞后'],
    ['paceRatio 0', facts({ progress: 0, paceGap: -0.5, paceRatio: 0 }), 'problem', '存在突出问题', '进度严重滞后'],
    ['paceRatio exactly 0.5 is not < 0.5', facts({ progress: 0.25, paceGap: -0.25, paceRatio: 0.5 }), 'needs-effort', '需要加大力度', '需要加大力度'],
    [
      'paceRatio null (a rate target not met) does not trigger the < 0.5 row',
      facts({ ...RATE_FACTS, met: false, onPace: false, margin: -0.5 }),
      'needs-effort',
      '需要加大力度',
      '需要加大力度',
    ],
    [
      'paceRatio null (expected 0, negative progress) does not trigger the < 0.5 row',
      facts({ kind: 'level', progress: -0.1, expected: 0, paceGap: -0.1, paceRatio: null }),
      'needs-effort',
      '需要加大力度',
      '需要加大力度',
    ],
    ['behind pace, nothing else', facts(), 'needs-effort', '需要加大力度', '需要加大力度'],
  ],
  'traffic-light': [
    ['cancelled (even overdue)', facts({ cancelled: true, overdue: true, daysToDeadline: -5 }), 'cancelled', '取消', '取消'],
    ['no data (even overdue and flagged)', noDataFacts({ overdue: true, daysToDeadline: -5, flags: ['problem'] }), 'no-data', '未报送', '未报送'],
    ['met', facts({ met: true, onPace: true, progress: 1, paceGap: 0.5 }), 'green', '绿灯', '已达标'],
    ['met beats a problem flag', facts({ met: true, onPace: true, progress: 1, flags: ['problem'] }), 'green', '绿灯', '已达标'],
    ['a met rate target with time left', facts({ ...RATE_FACTS, met: true, onPace: true, margin: 0.5, daysToDeadline: 100 }), 'green', '绿灯', '已达标'],
    [
      'a met rate target on its deadline, on a figure covering the period',
      facts({ ...RATE_FACTS, met: true, onPace: true, margin: 0.5, daysToDeadline: 0, dataCoversPeriod: true }),
      'green',
      '绿灯',
      '已达标',
    ],
    [
      'a met rate target on its deadline, on the half-year figure, is yellow',
      facts({ ...RATE_FACTS, met: true, onPace: true, margin: 0.5, daysToDeadline: 0, dataAgeDays: 184 }),
      'yellow',
      '黄灯',
      '临期',
    ],
    ['overdue', facts({ overdue: true, daysToDeadline: -1 }), 'red', '红灯', '超期或突出问题'],
    ['overdue beats onPace', facts({ overdue: true, onPace: true, daysToDeadline: -1 }), 'red', '红灯', '超期或突出问题'],
    ['flagged as a problem, though on pace', facts({ onPace: true, flags: ['problem'] }), 'red', '红灯', '超期或突出问题'],
    ['paceGap < -0.3', facts({ progress: 0.1, paceGap: -0.4, paceRatio: 0.2 }), 'red', '红灯', '落后超过30个百分点'],
    ['paceGap < -0.3 beats daysToDeadline <= 3', facts({ progress: 0.1, paceGap: -0.31, daysToDeadline: 2 }), 'red', '红灯', '落后超过30个百分点'],
    ['paceGap exactly -0.3 is not < -0.3', facts({ progress: 0.2, paceGap: -0.3, paceRatio: 0.4 }), 'yellow', '黄灯', '落后序时进度'],
    ['paceGap null does not trigger the < -0.3 row', facts({ ...RATE_FACTS, met: false, onPace: false, margin: -0.5 }), 'yellow', '黄灯', '落后序时进度'],
    ['daysToDeadline 3 beats onPace', facts({ onPace: true, progress: 0.99, paceGap: 0.01, daysToDeadline: 3 }), 'yellow', '黄灯', '临期'],
    ['daysToDeadline 0', facts({ daysToDeadline: 0 }), 'yellow', '黄灯', '临期'],
    ['daysToDeadline 4 is not 临期', facts({ onPace: true, progress: 0.99, paceGap: 0.01, daysToDeadline: 4 }), 'green', '绿灯', '达到序时进度'],
    ['on pace', facts({ onPace: true, progress: 0.6, paceGap: 0.1, paceRatio: 1.2 }), 'green', '绿灯', '达到序时进度'],
    ['behind pace by up to 30 points', facts(), 'yellow', '黄灯', '落后序时进度'],
    [
      'a rate target not met, with time left',
      facts({ ...RATE_FACTS, met: false, onPace: false, margin: -0.5, daysToDeadline: 100 }),
      'yellow',
      '黄灯',
      '落后序时进度',
    ],
    [
      'a rate target not met, overdue',
      facts({ ...RATE_FACTS, met: false, onPace: false, margin: -0.5, daysToDeadline: -1, overdue: true }),
      'red',
      '红灯',
      '超期或突出问题',
    ],
  ],
};

describe('createClassifier', () => {
  describe.each(BUNDLED_RULE_SET_IDS)('with the bundled %s rule set', (id) => {
    const classifier = bundledClassifier(id);

    it.each(FACT_ROWS[id])('%s → %s', async (_description, input, code, label, rule) => {
      const result = await classifier.classify(input);
      expect({ code: result.status?.code, label: result.status?.label, rule: result.rule?.name }).toEqual({ code, label, rule });
      expect(result.matched[0]).toBe(result.rule);
    });

    it('decides each row by its own conditions: every rule is the winner of some row above', async () => {
      const winners = new Set<string>();
      for (const [, input] of FACT_ROWS[id]) winners.add((await classifier.classify(input)).rule?.name ?? '');
      expect([...winners].sort()).toEqual(classifier.ruleFile.rules.map((rule) => rule.name).sort());
    });
  });
});

describe('compileRuleFile', () => {
  describe.each(BUNDLED_RULE_SET_IDS)('with the bundled %s rule set', (id) => {
    const compiled = compileRuleFile(bundled(id));

    it.each(FACT_ROWS[id])('%s → %s, as json-rules-engine decides', async (_description, input, code, label, rule) => {
      const result = compiled.classify(input);
      expect({ code: result.status?.code, label: result.status?.label, rule: result.rule?.name }).toEqual({ code, label, rule });
      expect(result.matched.map((matched) => matched.name)).toEqual((await bundledClassifier(id).classify(input)).matched.map((matched) => matched.name));
    });
  });
});

type PlanRow = readonly [description: string, task: TaskInput, asOf: string, code: string, label: string, rule: string];

const CANCELLED = { cancelled: { on: '2018-03-01', reason: '因政策调整' } };

const MILESTONES_BEHIND: TaskInput = {
  id: 'M1',
  title: '建设物流园',
  target: {
    kind: 'milestones',
    milestones: [
      { title: '立项', due: '2018-02-28', done: '2018-02-20' },
      { title: '开工', due: '2018-04-30', done: null },
      { title: '主体完工', due: '2018-06-30', done: null },
      { title: '竣工', due: '2018-12-31', done: null },
    ],
  },
};

const LEVEL_WRONG_WAY: TaskInput = {
  id: 'L1',
  title: '高新技术企业达到220家',
  target: { kind: 'level', measure: '高新技术企业', unit: '家', value: 220, baseline: 160 },
  observations: [{ asOf: '2018-06-30', value: 150 }],
};

const binary = (completedOn: string | null, extra: TaskInput = {}): TaskInput => ({
  id: 'B1',
  title: '出台实施方案',
  target: { kind: 'binary', completedOn },
  ...extra,
});

const PLAN_ROWS: Record<BundledRuleSetId, readonly PlanRow[]> = {
  'three-level': [
    ['a cancelled task', cumulative(60, CANCELLED), '2018-06-30', 'cancelled', '取消', '取消'],
    ['a task cancelled without data', cumulative(null, CANCELLED), '2018-06-30', 'cancelled', '取消', '取消'],
    [
      'a task cancelled after the as-of date is not cancelled yet',
      cumulative(60, { cancelled: { on: '2018-09-01', reason: '因政策调整' } }),
      '2018-06-30',
      'completed',
      '完成',
      '完成',
    ],
    ['a task without observations', cumulative(null), '2018-06-30', 'no-data', '未报送', '未报送'],
    ['a task whose only observation is after the as-of date', cumulative(60, {}, '2018-07-15'), '2018-06-30', 'no-data', '未报送', '未报送'],
    ['60 of 100 at 时间过半', cumulative(60), '2018-06-30', 'completed', '完成', '完成'],
    ['exactly 50 of 100 at 时间过半 (progress = expected)', cumulative(50), '2018-06-30', 'completed', '完成', '完成'],
    ['a rate target met', rate(8.5), '2018-06-30', 'completed', '完成', '完成'],
    ['a rate target met on the full-year figure at year end', rate(8.5, {}, {}, '2018-12-31'), '2018-12-31', 'completed', '完成', '完成'],
    ['a rate target met on the half-year figure at year end is only partial', rate(8.5), '2018-12-31', 'partial', '部分完成', '部分完成'],
    ['30 of 100 at 时间过半', cumulative(30), '2018-06-30', 'partial', '部分完成', '部分完成'],
    ['milestones behind, one done', MILESTONES_BEHIND, '2018-06-30', 'partial', '部分完成', '部分完成'],
    ['0 of 100 at 时间过半', cumulative(0), '2018-06-30', 'not-completed', '未完成', '未完成'],
    ['a level moved the wrong way', LEVEL_WRONG_WAY, '2018-06-30', 'not-completed', '未完成', '未完成'],
    ['a rate target not met', rate(7), '2018-06-30', 'not-completed', '未完成', '未完成'],
  ],
  'four-level': [
    ['a cancelled, flagged task', cumulative(20, { ...CANCELLED, flags: ['problem'] }), '2018-06-30', 'cancelled', '取消', '取消'],
    ['a flagged task without data', cumulative(null, { flags: ['problem'] }), '2018-06-30', 'no-data', '未报送', '未报送'],
    ['100 of 100', cumulative(100), '2018-06-30', 'done', '已完成', '已完成'],
    ['120 of 100, flagged', cumulative(120, { flags: ['problem'] }), '2018-06-30', 'done', '已完成', '已完成'],
    ['a binary task completed after its deadline', binary('2018-08-01', { deadline: '2018-06-30' }), '2018-09-30', 'done', '已完成', '已完成'],
    ['a met rate target with time left is 有序推进, not 已完成', rate(8.5), '2018-06-30', 'on-track', '有序推进', '有序推进'],
    ['a met rate target on its deadline', rate(8.5, {}, {}, '2018-12-31'), '2018-12-31', 'done', '已完成', '已完成'],
    ['a met rate target after its deadline', rate(8.5, {}, {}, '2018-12-31'), '2019-01-31', 'done', '已完成', '已完成'],
    [
      'a rate target met on the half-year figure (184 days old) at year end is 有序推进, not 已完成',
      rate(8.5),
      '2018-12-31',
      'on-track',
      '有序推进',
      '有序推进',
    ],
    ['a rate target met on the half-year figure, a month after its deadline, is 有序推进', rate(8.5), '2019-01-31', 'on-track', '有序推进', '有序推进'],
    ['a flagged task on pace', cumulative(60, { flags: ['problem'] }), '2018-06-30', 'problem', '存在突出问题', '标记为突出问题'],
    ['a cumulative task past its deadline', cumulative(60, { deadline: '2018-03-31' }), '2018-06-30', 'problem', '存在突出问题', '超期未完成'],
    ['a binary task not done by its deadline', binary(null, { deadline: '2018-03-31' }), '2018-06-30', 'problem', '存在突出问题', '超期未完成'],
    ['60 of 100 at 时间过半', cumulative(60), '2018-06-30', 'on-track', '有序推进', '有序推进'],
    ['20 of 100 at 时间过半 (paceRatio 0.4)', cumulative(20), '2018-06-30', 'problem', '存在突出问题', '进度严重滞后'],
    ['25 of 100 at 时间过半 (paceRatio exactly 0.5)', cumulative(25), '2018-06-30', 'needs-effort', '需要加大力度', '需要加大力度'],
    ['a rate target not met (paceRatio null)', rate(7), '2018-06-30', 'needs-effort', '需要加大力度', '需要加大力度'],
    ['40 of 100 at 时间过半', cumulative(40), '2018-06-30', 'needs-effort', '需要加大力度', '需要加大力度'],
  ],
  'traffic-light': [
    ['a cancelled task', cumulative(10, CANCELLED), '2018-06-30', 'cancelled', '取消', '取消'],
    ['a task without observations', cumulative(null), '2018-06-30', 'no-data', '未报送', '未报送'],
    ['100 of 100', cumulative(100), '2018-06-30', 'green', '绿灯', '已达标'],
    ['a met rate target with time left', rate(8.5), '2018-06-30', 'green', '绿灯', '已达标'],
    ['a rate target met on the full-year figure at year end', rate(8.5, {}, {}, '2018-12-31'), '2018-12-31', 'green', '绿灯', '已达标'],
    ['a rate target met on the half-year figure at year end is yellow', rate(8.5), '2018-12-31', 'yellow', '黄灯', '临期'],
    ['a task past its deadline (超期)', cumulative(90, { deadline: '2018-03-31' }), '2018-06-30', 'red', '红灯', '超期或突出问题'],
    ['a flagged task on pace', cumulative(60, { flags: ['problem'] }), '2018-06-30', 'red', '红灯', '超期或突出问题'],
    ['10 of 100 at 时间过半 (40 points behind)', cumulative(10), '2018-06-30', 'red', '红灯', '落后超过30个百分点'],
    ['20 of 100 at 时间过半 (exactly 30 points behind)', cumulative(20), '2018-06-30', 'yellow', '黄灯', '落后序时进度'],
    ['on pace, 3 days to the deadline (临期)', cumulative(99, { deadline: '2018-07-03' }), '2018-06-30', 'yellow', '黄灯', '临期'],
    ['on pace, 4 days to the deadline', cumulative(99, { deadline: '2018-07-04' }), '2018-06-30', 'green', '绿灯', '达到序时进度'],
    ['60 of 100 at 时间过半', cumulative(60), '2018-06-30', 'green', '绿灯', '达到序时进度'],
    ['40 of 100 at 时间过半', cumulative(40), '2018-06-30', 'yellow', '黄灯', '落后序时进度'],
    ['a rate target not met, with time left, is yellow', rate(7), '2018-06-30', 'yellow', '黄灯', '落后序时进度'],
    ['a rate target not met, a day before its deadline, is yellow (临期)', rate(7), '2018-12-30', 'yellow', '黄灯', '临期'],
    ['a rate target not met, once overdue, is red', rate(7, {}, {}, '2018-12-31'), '2019-01-31', 'red', '红灯', '超期或突出问题'],
  ],
};

describe('evaluatePlan', () => {
  describe.each(ENGINE_CHOICES.flatMap((engine) => BUNDLED_RULE_SET_IDS.map((id) => [engine, id] as const)))(
    'with engine %s and the bundled %s rule set',
    (engine, id) => {
      it.each(PLAN_ROWS[id])('%s (as of %s) → %s', async (_description, task, asOf, code, label, rule) => {
        const evaluation = await evaluatePlan(planWith(task), { asOf, rules: id, engine });
        expect(evaluation.results).toHaveLength(1);
        const [result] = evaluation.results;
        expect({ status: result?.status, label: result?.label, rule: result?.rule }).toEqual({ status: code, label, rule });
        expect(evaluation.gaps).toEqual([]);
      });
    },
  );
});
