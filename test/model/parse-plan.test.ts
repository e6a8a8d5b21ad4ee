import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDubanError, parsePlan, safeParsePlan } from '../../src/index.js';
import { cumulativeTarget, issuePaths, planError, planInput, task, thrownDubanError, type Json } from './plan-inputs.js';

const rate = (extra: Json = {}): Json => ({ kind: 'rate', measure: '居民消费价格涨幅', unit: '%', value: '3.5', ...extra });
const level = (extra: Json = {}): Json => ({ kind: 'level', measure: '高新技术企业', unit: '家', value: '220', baseline: '160', ...extra });
const milestones: Json = { kind: 'milestones', milestones: [{ title: '开工', due: '2018-06-30' }] };
const binary: Json = { kind: 'binary', completedOn: null };
const trajectory = (...points: [string, unknown][]): Json => ({ trajectory: points.map(([date, expected]) => ({ date, expected })) });

describe('parsePlan', () => {
  it('accepts a minimal plan with no tasks', () => {
    const plan = parsePlan({ formatVersion: 1, id: 'p', title: 'P', period: { start: '2018-01-01', end: '2018-12-31' }, tasks: [] });
    expect(plan.id).toBe('p');
    expect(plan.tasks).toEqual([]);
    expect(plan.period).toEqual({ start: '2018-01-01', end: '2018-12-31' });
  });

  it('accepts every optional key of the format', () => {
    const plan = parsePlan(
      planInput(
        [
          task('T09', {
            category: '1',
            owners: { lead: ['市林业局'], support: ['市发改委'] },
            leader: '王志宏',
            start: '2018-01-01',
            deadline: '2018-12-31',
            pace: 'daily',
            observations: [{ asOf: '2018-03-31', value: '55', unit: '亿元', note: '一季度' }],
            flags: ['problem'],
            cancelled: null,
          }),
          task('T10', { cancelled: { on: '2018-05-01', reason: '因政策调整' } }),
        ],
        { $schema: './plan.schema.json', issuer: '咸宁市人民政府', asOf: '2018-03-31', pace: 'monthly', categories: [{ id: '1', title: '经济' }] },
      ),
    );
    expect(plan.tasks.map((t) => t.id)).toEqual(['T09', 'T10']);
    expect(plan.tasks[0]?.observations).toEqual([{ asOf: '2018-03-31', value: '55', unit: '亿元', note: '一季度' }]);
    expect(plan.tasks[1]?.cancelled).toEqual({ on: '2018-05-01', reason: '因政策调整' });
  });

  it('fills in the documented defaults', () => {
    const plan = parsePlan(planInput([task('R', { target: rate() }), task('M', { target: milestones }), task('B', { target: { kind: 'binary' } })]));
    const [r, m, b] = plan.tasks.map((t) => t.target);
    expect(r).toMatchObject({ kind: 'rate', bound: 'atLeast' });
    expect(m).toEqual({ kind: 'milestones', milestones: [{ title: '开工', due: '2018-06-30', done: null, weight: '1' }] });
    expect(b).toEqual({ kind: 'binary', completedOn: null });
  });

  it('keeps keys starting with x- at every level', () => {
    const plan = parsePlan(
      planInput(
        [task('T1', { 'x-source': '第3页', target: { ...cumulativeTarget, 'x-note': 1 }, observations: [{ asOf: '2018-03-31', value: 1, 'x-by': '统计局' }] })],
        {
          'x-editor': { name: 'analyst' },
          period: { start: '2018-01-01', end: '2018-12-31', 'x-fiscal': true },
        },
      ),
    ) as unknown as Json & { tasks: Json[]; period: Json };
    expect(plan['x-editor']).toEqual({ name: 'analyst' });
    expect(plan.period['x-fiscal']).toBe(true);
    const first = plan.tasks[0] as Json & { target: Json; observations: Json[] };
    expect(first['x-source']).toBe('第3页');
    expect(first.target['x-note']).toBe(1);
    expect(first.observations[0]?.['x-by']).toBe('统计局');
  });

  it.each([
    ['8.5', '8.5'],
    ['-3.5', '-3.5'],
    ['1e3', '1000'],
    ['8.50', '8.5'],
    ['0.000', '0'],
    ['2.5E-3', '0.0025'],
  ])('normalises the decimal string %j to %j', (written, normalised) => {
    const plan = parsePlan(planInput([task('T1', { target: rate({ value: written }) })]));
    expect(plan.tasks[0]?.target).toMatchObject({ value: normalised });
  });

  it.each([
    [0.1, '0.1'],
    [0.30000000000000004, '0.30000000000000004'],
    [8.5, '8.5'],
    [-3.5, '-3.5'],
    [1e21, '1000000000000000000000'],
    [1e-7, '0.0000001'],
    [123456789.123, '123456789.123'],
  ])('reads the JSON number %j as the shortest decimal that round-trips to it, %j', (number, text) => {
    const plan = parsePlan(planInput([task('T1', { target: rate({ value: number }) })]));
    expect(plan.tasks[0]?.target).toMatchObject({ value: text });
  });

  it('reads a JSON number in JSON text as its shortest round-trip decimal', () => {
    const text = JSON.stringify(planInput([task('T1', { target: rate({ value: 0 }) })])).replace('"value":0', '"value":0.1');
    expect(text).toContain('"value":0.1');
    expect(parsePlan(text).tasks[0]?.target).toMatchObject({ value: '0.1' });
  });

  it('reads JSON text, with or without a UTF-8 byte-order mark', () => {
    const text = JSON.stringify(planInput());
    expect(parsePlan(text).id).toBe('test-2018');
    expect(parsePlan(`\uFEFF${text}`).id).toBe('test-2018');
  });

  it('throws a DubanError with code INVALID_PLAN, the source and every issue', () => {
    const error = thrownDubanError(() => parsePlan(planInput([task('T1', { deadine: '2018-06-30' })]), { source: 'plan.json' }));
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe('INVALID_PLAN');
    expect(error.source).toBe('plan.json');
    expect(error.message).toContain('plan.json');
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]?.message).toContain('deadine');
  });

  describe('rejections, each at its JSON path', () => {
    const cases: [string, unknown, string[]][] = [
      // unknown keys
      ['an unknown task key (a typo of deadline)', planInput([task('T1', { deadine: '2018-06-30' })]), ['$.tasks[0].deadine']],
      ['an unknown top-level key', planInput([task('T1')], { titel: 'x' }), ['$.titel']],
      ['an unknown target key', planInput([task('T1', { target: { ...cumulativeTarget, units: '亿元' } })]), ['$.tasks[0].target.units']],
      [
        'an unknown observation key',
        planInput([task('T1', { observations: [{ asOf: '2018-03-31', value: 1, vlaue: 2 }] })]),
        ['$.tasks[0].observations[0].vlaue'],
      ],
      [
        'an unknown trajectory point key',
        planInput([task('T1')], { pace: { trajectory: [{ date: '2018-03-31', expected: '0.1', expcted: '0.2' }] } }),
        ['$.pace.trajectory[0].expcted'],
      ],
      ['an unknown period key', planInput([], { period: { start: '2018-01-01', end: '2018-12-31', middle: '2018-06-30' } }), ['$.period.middle']],
      // impossible or malformed dates
      ['2018-02-30', planInput([task('T1', { deadline: '2018-02-30' })]), ['$.tasks[0].deadline']],
      ['2018-13-01', planInput([task('T1', { observations: [{ asOf: '2018-13-01', value: 1 }] })]), ['$.tasks[0].observations[0].asOf']],
      ['2019-02-29 (not a leap year)', planInput([], { period: { start: '2019-01-01', end: '2019-02-29' } }), ['$.period.end']],
      ['a date with a time', planInput([], { asOf: '2018-03-31T00:00:00+08:00' }), ['$.asOf']],
      [
        'a date without zero padding',
        planInput([task('T1', { target: { ...milestones, milestones: [{ title: '开工', due: '2018-6-30' }] } })]),
        ['$.tasks[0].target.milestones[0].due'],
      ],
      // inexact decimals
      ['NaN', planInput([task('T1', { target: { ...cumulativeTarget, value: Number.NaN } })]), ['$.tasks[0].target.value']],
      ['Infinity', planInput([task('T1', { target: { ...cumulativeTarget, value: Number.POSITIVE_INFINITY } })]), ['$.tasks[0].target.value']],
      ['the string "NaN"', planInput([task('T1', { target: rate({ value: 'NaN' }) })]), ['$.tasks[0].target.value']],
      ['the string "Infinity"', planInput([task('T1', { target: rate({ value: 'Infinity' }) })]), ['$.tasks[0].target.value']],
      ['an empty string', planInput([task('T1', { target: { ...cumulativeTarget, value: '' } })]), ['$.tasks[0].target.value']],
      ['a string with a unit, "3.5%"', planInput([task('T1', { target: rate({ value: '3.5%' }) })]), ['$.tasks[0].target.value']],
      ['a string with spaces', planInput([task('T1', { observations: [{ asOf: '2018-03-31', value: ' 55' }] })]), ['$.tasks[0].observations[0].value']],
      ['a string with a thousands separator', planInput([task('T1', { target: { ...cumulativeTarget, value: '1,000' } })]), ['$.tasks[0].target.value']],
      ['a missing target value', planInput([task('T1', { target: { kind: 'cumulative', measure: 'm', unit: '亿元' } })]), ['$.tasks[0].target.value']],
      // ids and references
      ['duplicate task ids', planInput([task('T1'), task('T2'), task('T1')]), ['$.tasks[2].id']],
      [
        'duplicate category ids',
        planInput([], {
          categories: [
            { id: '1', title: 'a' },
            { id: '1', title: 'b' },
          ],
        }),
        ['$.categories[1].id'],
      ],
      ['an unknown category', planInput([task('T1', { category: '9' })], { categories: [{ id: '1', title: 'a' }] }), ['$.tasks[0].category']],
      ['a category when the plan has none', planInput([task('T1', { category: '1' })]), ['$.tasks[0].category']],
      // date order
      ['start after deadline', planInput([task('T1', { start: '2018-07-01', deadline: '2018-06-30' })]), ['$.tasks[0].deadline']],
      ['start after the default deadline', planInput([task('T1', { start: '2019-01-01' })]), ['$.tasks[0].deadline']],
      ['period start after end', planInput([], { period: { start: '2018-12-31', end: '2018-01-01' } }), ['$.period.end']],
      // targets
      ['a cumulative value of 0', planInput([task('T1', { target: { ...cumulativeTarget, value: 0 } })]), ['$.tasks[0].target.value']],
      ['a negative cumulative value', planInput([task('T1', { target: { ...cumulativeTarget, value: '-5' } })]), ['$.tasks[0].target.value']],
      ['a level baseline equal to the value', planInput([task('T1', { target: level({ baseline: '220' }) })]), ['$.tasks[0].target.baseline']],
      [
        'a level baseline equal to the value in another spelling',
        planInput([task('T1', { target: level({ baseline: 2.2e2, value: '220.00' }) })]),
        ['$.tasks[0].target.baseline'],
      ],
      ['a rate "about" without tolerance', planInput([task('T1', { target: rate({ bound: 'about' }) })]), ['$.tasks[0].target.tolerance']],
      ['a negative tolerance', planInput([task('T1', { target: rate({ bound: 'about', tolerance: '-0.5' }) })]), ['$.tasks[0].target.tolerance']],
      ['an unknown bound', planInput([task('T1', { target: rate({ bound: 'below' }) })]), ['$.tasks[0].target.bound']],
      ['an unknown target kind', planInput([task('T1', { target: { kind: 'percent', value: 1 } })]), ['$.tasks[0].target.kind']],
      [
        'a milestone weight of 0',
        planInput([task('T1', { target: { kind: 'milestones', milestones: [{ title: '开工', due: '2018-06-30', weight: 0 }] } })]),
        ['$.tasks[0].target.milestones[0].weight'],
      ],
      ['an empty milestone list', planInput([task('T1', { target: { kind: 'milestones', milestones: [] } })]), ['$.tasks[0].target.milestones']],
      // observations
      [
        'observations on a milestones target',
        planInput([task('T1', { target: milestones, observations: [{ asOf: '2018-03-31', value: 1 }] })]),
        ['$.tasks[0].observations'],
      ],
      [
        'observations on a binary target',
        planInput([task('T1', { target: binary, observations: [{ asOf: '2018-03-31', value: 1 }] })]),
        ['$.tasks[0].observations'],
      ],
      [
        'two observations with the same asOf',
        planInput([
          task('T1', {
            observations: [
              { asOf: '2018-03-31', value: 1 },
              { asOf: '2018-04-30', value: 2 },
              { asOf: '2018-03-31', value: 3 },
            ],
          }),
        ]),
        ['$.tasks[0].observations[2].asOf'],
      ],
      [
        'an observation unit of another base unit',
        planInput([task('T1', { observations: [{ asOf: '2018-03-31', value: 10312, unit: '人' }] })]),
        ['$.tasks[0].observations[0].unit'],
      ],
      [
        '个百分点 against a target in %',
        planInput([task('T1', { target: rate(), observations: [{ asOf: '2018-03-31', value: 1, unit: '个百分点' }] })]),
        ['$.tasks[0].observations[0].unit'],
      ],
      // trajectories
      [
        'trajectory dates that repeat',
        planInput([task('T1')], { pace: trajectory(['2018-03-31', '0.1'], ['2018-03-31', '0.2']) }),
        ['$.pace.trajectory[1].date'],
      ],
      [
        'trajectory dates that go back',
        planInput([task('T1')], { pace: trajectory(['2018-06-30', '0.1'], ['2018-03-31', '0.2']) }),
        ['$.pace.trajectory[1].date'],
      ],
      [
        'trajectory values that decrease',
        planInput([task('T1', { pace: trajectory(['2018-03-31', '0.4'], ['2018-06-30', '0.3']) })]),
        ['$.tasks[0].pace.trajectory[1].expected'],
      ],
      ['a trajectory value above 1', planInput([task('T1')], { pace: trajectory(['2018-03-31', '1.01']) }), ['$.pace.trajectory[0].expected']],
      ['a trajectory value below 0', planInput([task('T1')], { pace: trajectory(['2018-03-31', -0.1]) }), ['$.pace.trajectory[0].expected']],
      ['an empty trajectory', planInput([task('T1')], { pace: { trajectory: [] } }), ['$.pace.trajectory']],
      ['an unknown pace name', planInput([task('T1', { pace: 'weekly' })]), ['$.tasks[0].pace']],
      [
        'a task trajectory point on the deadline',
        planInput([task('T1', { deadline: '2018-06-30', pace: trajectory(['2018-03-31', '0.1'], ['2018-06-30', '0.5']) })]),
        ['$.tasks[0].pace.trajectory[1].date'],
      ],
      [
        'a task trajectory point before the start',
        planInput([task('T1', { start: '2018-04-01', pace: trajectory(['2018-03-31', '0.1']) })]),
        ['$.tasks[0].pace.trajectory[0].date'],
      ],
      [
        'a plan trajectory point before a task start',
        planInput([task('T1'), task('T2', { start: '2018-04-01' })], { pace: trajectory(['2018-03-31', '0.2']) }),
        ['$.tasks[1].start'],
      ],
      // task details
      ['a cancellation without a reason', planInput([task('T1', { cancelled: { on: '2018-05-01' } })]), ['$.tasks[0].cancelled.reason']],
      ['an impossible cancellation date', planInput([task('T1', { cancelled: { on: '2018-04-31', reason: '因政策调整' } })]), ['$.tasks[0].cancelled.on']],
      ['an empty lead unit', planInput([task('T1', { owners: { lead: [''] } })]), ['$.tasks[0].owners.lead[0]']],
      ['a flag that is not a string', planInput([task('T1', { flags: ['problem', 3] })]), ['$.tasks[0].flags[1]']],
      // the top level
      ['formatVersion 2', planInput([], { formatVersion: 2 }), ['$.formatVersion']],
      ['a missing title', { formatVersion: 1, id: 'p', period: { start: '2018-01-01', end: '2018-12-31' }, tasks: [] }, ['$.title']],
      ['an empty id', planInput([], { id: '' }), ['$.id']],
      ['missing tasks', { formatVersion: 1, id: 'p', title: 'P', period: { start: '2018-01-01', end: '2018-12-31' } }, ['$.tasks']],
      ['a plan that is not an object', 42, ['$']],
      ['malformed JSON text', '{ "formatVersion": 1, ', ['$']],
      ['JSON text with a trailing comma', '{ "formatVersion": 1, }', ['$']],
    ];

    it.each(cases)('rejects %s', (_name, input, paths) => {
      const error = planError(input);
      expect(error.code).toBe('INVALID_PLAN');
      expect(error.issues.map((issue) => issue.path)).toEqual(paths);
      for (const issue of error.issues) expect(issue.message).not.toBe('');
    });
  });

  it('quotes the offending key or value in the message', () => {
    expect(planError(planInput([task('T1', { deadine: '2018-06-30' })])).issues[0]?.message).toContain('"deadine"');
    expect(planError(planInput([task('T1', { deadline: '2018-02-30' })])).issues[0]?.message).toContain('2018-02-30');
    expect(planError(planInput([task('T1', { target: rate({ value: '3.5%' }) })])).issues[0]?.message).toContain('3.5%');
  });

  it('names the task whose window does not contain a plan trajectory point', () => {
    const error = planError(
      planInput([task('T1'), task('早到期', { deadline: '2018-05-31' })], { pace: trajectory(['2018-03-31', '0.2'], ['2018-06-30', '0.5']) }),
    );
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]?.path).toMatch(/^\$\.tasks\[1\]/);
    expect(error.issues[0]?.message).toContain('早到期');
    expect(error.issues[0]?.message).toContain('2018-06-30');
  });

  it('does not hold a task with its own pace to the plan trajectory', () => {
    const plan = parsePlan(planInput([task('T1', { start: '2018-05-01', pace: 'monthly' })], { pace: trajectory(['2018-03-31', '0.1']) }));
    expect(plan.tasks[0]?.pace).toBe('monthly');
  });

  it('accepts a plan trajectory whose points all lie in [start, deadline) of every task', () => {
    const plan = parsePlan(
      planInput([task('T1'), task('T2', { start: '2018-03-31', deadline: '2018-07-01' })], { pace: trajectory(['2018-03-31', '0.2'], ['2018-06-30', '0.5']) }),
    );
    expect(plan.pace).toEqual({
      trajectory: [
        { date: '2018-03-31', expected: '0.2' },
        { date: '2018-06-30', expected: '0.5' },
      ],
    });
  });

  it('reports problems of the shape in different tasks together', () => {
    const input = planInput([
      task('T1', { deadine: '2018-06-30' }),
      task('T2', { start: '2018-02-30' }),
      task('T3', { target: { ...cumulativeTarget, value: '3.5%' } }),
      { id: 'T4', target: cumulativeTarget },
    ]);
    expect(issuePaths(input).sort()).toEqual(['$.tasks[0].deadine', '$.tasks[1].start', '$.tasks[2].target.value', '$.tasks[3].title'].sort());
  });

  it('reports every cross-reference problem of a plan together', () => {
    const input = planInput(
      [
        task('T1', { category: '2' }),
        task('T1', { start: '2018-09-01', deadline: '2018-08-31' }),
        task('T3', { target: level({ baseline: 220 }) }),
        task('T4', {
          target: rate({ bound: 'about' }),
          observations: [
            { asOf: '2018-03-31', value: 1 },
            { asOf: '2018-03-31', value: 2 },
          ],
        }),
        task('T5', { target: binary, observations: [{ asOf: '2018-03-31', value: 1 }] }),
      ],
      {
        categories: [
          { id: '1', title: 'a' },
          { id: '1', title: 'b' },
        ],
      },
    );
    expect(issuePaths(input).sort()).toEqual(
      [
        '$.categories[1].id',
        '$.tasks[0].category',
        '$.tasks[1].id',
        '$.tasks[1].deadline',
        '$.tasks[2].target.baseline',
        '$.tasks[3].target.tolerance',
        '$.tasks[3].observations[1].asOf',
        '$.tasks[4].observations',
      ].sort(),
    );
  });
});

describe('safeParsePlan', () => {
  it('returns the data of a valid plan', () => {
    const result = safeParsePlan(planInput());
    expect(result.success).toBe(true);
    expect(result.success && result.data.tasks[0]?.id).toBe('T1');
  });

  it('returns the error of an invalid plan instead of throwing', () => {
    const result = safeParsePlan('not json');
    expect(result.success).toBe(false);
    expect(!result.success && result.error.issues.map((issue) => issue.path)).toEqual(['$']);
    expect(!result.success && isDubanError(result.error)).toBe(true);
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.string(),
          fc.json(),
          fc.jsonValue().map((value) => planInput([task('T1', { target: value as Json })])),
        ),
        (input) => {
          const result = safeParsePlan(input);
          if (!result.success) {
            expect(result.error.code).toBe('INVALID_PLAN');
            expect(result.error.issues.length).toBeGreaterThan(0);
            for (const issue of result.error.issues) expect(issue.path.startsWith('$')).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
