import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeFacts,
  formatFraction,
  mergeObservations,
  parseObservations,
  parseObservationsCsv,
  parsePlan,
  safeParseObservations,
  type ObservationsFile,
  type Plan,
} from '../../src/index.js';
import { planInput, task, thrownDubanError, type Json } from './plan-inputs.js';

const HEADER = 'taskId,asOf,value,unit,note';

const file = (observations: Json[], extra: Json = {}): Json => ({ formatVersion: 1, planId: 'test-2018', observations, ...extra });

function issuesOf(fn: () => unknown): { path: string; message: string }[] {
  return thrownDubanError(fn).issues.map((issue) => ({ path: issue.path, message: issue.message }));
}

describe('parseObservations', () => {
  it('reads a valid file and normalises its decimals', () => {
    const parsed = parseObservations(
      file([
        { taskId: 'T1', asOf: '2018-03-31', value: 0.1 },
        { taskId: 'T1', asOf: '2018-06-30', value: '1e2', unit: '亿元', note: '半年' },
      ]),
    );
    expect(parsed).toEqual({
      formatVersion: 1,
      planId: 'test-2018',
      observations: [
        { taskId: 'T1', asOf: '2018-03-31', value: '0.1' },
        { taskId: 'T1', asOf: '2018-06-30', value: '100', unit: '亿元', note: '半年' },
      ],
    });
  });

  it('reads JSON text with a byte-order mark', () => {
    const parsed = parseObservations(`\uFEFF${JSON.stringify(file([{ taskId: 'T1', asOf: '2018-03-31', value: '55' }]))}`);
    expect(parsed.observations).toEqual([{ taskId: 'T1', asOf: '2018-03-31', value: '55' }]);
  });

  it.each<[string, unknown, string[]]>([
    ['an unknown key', file([{ taskId: 'T1', asOf: '2018-03-31', value: 1, vaule: 2 }]), ['$.observations[0].vaule']],
    ['an impossible date', file([{ taskId: 'T1', asOf: '2018-02-30', value: 1 }]), ['$.observations[0].asOf']],
    ['a value with a unit', file([{ taskId: 'T1', asOf: '2018-03-31', value: '55亿元' }]), ['$.observations[0].value']],
    ['an empty task id', file([{ taskId: '', asOf: '2018-03-31', value: 1 }]), ['$.observations[0].taskId']],
    ['a missing planId', { formatVersion: 1, observations: [] }, ['$.planId']],
    ['malformed JSON text', '{"formatVersion":1', ['$']],
  ])('rejects %s at its JSON path', (_name, input, paths) => {
    const error = thrownDubanError(() => parseObservations(input));
    expect(error.code).toBe('INVALID_OBSERVATIONS');
    expect(error.issues.map((issue) => issue.path)).toEqual(paths);
  });
});

describe('safeParseObservations', () => {
  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.string(), fc.json()), (input) => {
        const result = safeParseObservations(input);
        expect(typeof result.success).toBe('boolean');
        if (!result.success) expect(result.error.code).toBe('INVALID_OBSERVATIONS');
      }),
      { numRuns: 200 },
    );
  });
});

describe('parseObservationsCsv', () => {
  it('reads rows under the header, leaving empty unit and note out', () => {
    const parsed = parseObservationsCsv(`${HEADER}\nT09,2018-03-31,55,亿元,一季度\njobs,2018-03-31,10312,人,\ncost,2018-03-31,2.27,,\n`, 'xianning-2018');
    expect(parsed).toEqual({
      formatVersion: 1,
      planId: 'xianning-2018',
      observations: [
        { taskId: 'T09', asOf: '2018-03-31', value: '55', unit: '亿元', note: '一季度' },
        { taskId: 'jobs', asOf: '2018-03-31', value: '10312', unit: '人' },
        { taskId: 'cost', asOf: '2018-03-31', value: '2.27' },
      ],
    });
  });

  it('reads quoted cells with commas, doubled quotes and line breaks', () => {
    const parsed = parseObservationsCsv(`${HEADER}\r\n"T09","2018-03-31","55","亿元","一季度, 据""统计局""\n初步核算"\r\n`, 'p');
    expect(parsed.observations).toEqual([{ taskId: 'T09', asOf: '2018-03-31', value: '55', unit: '亿元', note: '一季度, 据"统计局"\n初步核算' }]);
  });

  it('ignores a byte-order mark and a missing final line break', () => {
    const parsed = parseObservationsCsv(`\uFEFF${HEADER}\nT09,2018-03-31,55,,`, 'p');
    expect(parsed.observations).toEqual([{ taskId: 'T09', asOf: '2018-03-31', value: '55' }]);
  });

  it('reads an empty body as no observations', () => {
    expect(parseObservationsCsv(`${HEADER}\n`, 'p').observations).toEqual([]);
  });

  it('reports every bad cell as "line N, column C (name)"', () => {
    const csv = `${HEADER}\nT1,2018-03-31,55,,\nT1,2018-02-30,55,,\nT2,2018-04-30,3.5%,,\n,2018-05-31,1,,\n`;
    expect(issuesOf(() => parseObservationsCsv(csv, 'p')).map((issue) => issue.path)).toEqual([
      'line 3, column 2 (asOf)',
      'line 4, column 3 (value)',
      'line 5, column 1 (taskId)',
    ]);
  });

  it('counts lines inside quoted cells when naming a bad cell', () => {
    const csv = `${HEADER}\nT1,2018-03-31,55,,"第一行\n第二行"\nT1,2018-13-01,56,,\n`;
    expect(issuesOf(() => parseObservationsCsv(csv, 'p')).map((issue) => issue.path)).toEqual(['line 4, column 2 (asOf)']);
  });

  it('quotes the offending cell in the message', () => {
    const [issue] = issuesOf(() => parseObservationsCsv(`${HEADER}\nT1,2018-03-31,3.5%,,\n`, 'p'));
    expect(issue?.message).toContain('3.5%');
  });

  it.each([
    ['a wrong header', 'task,asOf,value,unit,note\nT1,2018-03-31,1,,\n', ['line 1']],
    ['no header at all', '', ['line 1']],
    ['a row with too few cells', `${HEADER}\nT1,2018-03-31,1\n`, ['line 2']],
    ['an unterminated quoted cell', `${HEADER}\nT1,2018-03-31,1,,"open\n`, ['line 2']],
  ])('rejects %s', (_name, csv, paths) => {
    const error = thrownDubanError(() => parseObservationsCsv(csv, 'p'));
    expect(error.code).toBe('INVALID_OBSERVATIONS');
    expect(error.issues.map((issue) => issue.path)).toEqual(paths);
  });
});

describe('mergeObservations', () => {
  const plan = (): Plan =>
    parsePlan(
      planInput([
        task('T1', { observations: [{ asOf: '2018-01-31', value: '10' }] }),
        task('jobs', { target: { kind: 'cumulative', measure: '城镇新增就业', unit: '万人', value: '3.7' } }),
        task('M', { target: { kind: 'milestones', milestones: [{ title: '开工', due: '2018-06-30' }] } }),
      ]),
    );

  it('adds the observations to their tasks and keeps the existing ones', () => {
    const merged = mergeObservations(
      plan(),
      parseObservations(
        file([
          { taskId: 'T1', asOf: '2018-03-31', value: '55', note: '一季度' },
          { taskId: 'jobs', asOf: '2018-03-31', value: '10312', unit: '人' },
        ]),
      ),
    );
    expect(merged.tasks[0]?.observations).toEqual([
      { asOf: '2018-01-31', value: '10' },
      { asOf: '2018-03-31', value: '55', note: '一季度' },
    ]);
    expect(merged.tasks[1]?.observations).toEqual([{ asOf: '2018-03-31', value: '10312', unit: '人' }]);
    expect(merged.tasks[2]?.observations).toBeUndefined();
    const jobs = merged.tasks[1];
    if (jobs === undefined) throw new Error('missing task');
    expect(formatFraction(computeFacts(merged, jobs, '2018-03-31').value ?? { n: -1n, d: 1n })).toBe('1.0312');
  });

  it('merges observations read from CSV', () => {
    const merged = mergeObservations(plan(), parseObservationsCsv(`${HEADER}\nT1,2018-03-31,55,亿元,\n`, 'test-2018'));
    expect(merged.tasks[0]?.observations?.at(-1)).toEqual({ asOf: '2018-03-31', value: '55', unit: '亿元' });
  });

  it('does not change the plan or the observations file it is given', () => {
    const original = plan();
    const observations = parseObservations(file([{ taskId: 'T1', asOf: '2018-03-31', value: '55' }]));
    const planBefore = structuredClone(original);
    const fileBefore = structuredClone(observations);
    const merged = mergeObservations(original, observations);
    expect(original).toEqual(planBefore);
    expect(observations).toEqual(fileBefore);
    expect(merged).not.toBe(original);
    expect(merged.tasks[0]?.observations).toHaveLength(2);
    expect(original.tasks[0]?.observations).toHaveLength(1);
  });

  it.each<[string, Json, string[]]>([
    ['an unknown task id', file([{ taskId: 'T99', asOf: '2018-03-31', value: 1 }]), ['$.observations[0].taskId']],
    ['a planId of another plan', file([{ taskId: 'T1', asOf: '2018-03-31', value: 1 }], { planId: 'other-2018' }), ['$.planId']],
    ['an asOf the task already has', file([{ taskId: 'T1', asOf: '2018-01-31', value: 1 }]), ['$.observations[0].asOf']],
    [
      'the same task and asOf twice in the file',
      file([
        { taskId: 'T1', asOf: '2018-03-31', value: 1 },
        { taskId: 'T1', asOf: '2018-03-31', value: 2 },
      ]),
      ['$.observations[1].asOf'],
    ],
    ['an incompatible unit', file([{ taskId: 'jobs', asOf: '2018-03-31', value: 1, unit: '亿元' }]), ['$.observations[0].unit']],
    ['an observation for a milestones target', file([{ taskId: 'M', asOf: '2018-03-31', value: 1 }]), ['$.observations[0].taskId']],
    [
      'several problems at once',
      file(
        [
          { taskId: 'T99', asOf: '2018-03-31', value: 1 },
          { taskId: 'T1', asOf: '2018-01-31', value: 1 },
        ],
        { planId: 'other-2018' },
      ),
      ['$.planId', '$.observations[0].taskId', '$.observations[1].asOf'],
    ],
  ])('rejects %s', (_name, input, paths) => {
    const observations: ObservationsFile = parseObservations(input);
    const error = thrownDubanError(() => mergeObservations(plan(), observations));
    expect(error.code).toBe('INVALID_OBSERVATIONS');
    expect(error.issues.map((issue) => issue.path)).toEqual(paths);
  });

  it('names the unknown task id in the message', () => {
    const [issue] = issuesOf(() => mergeObservations(plan(), parseObservations(file([{ taskId: 'T99', asOf: '2018-03-31', value: 1 }]))));
    expect(issue?.message).toContain('T99');
  });
});
