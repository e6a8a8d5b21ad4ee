import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePlanCsv } from '../../src/excel/index.js';
import { numberAndUnit } from '../../src/excel/plan-table.js';
import { parsePlan } from '../../src/index.js';
import { issuesOf } from './helpers.js';

const base = parsePlan({ formatVersion: 1, id: 'demo', title: '演示', period: { start: '2018-01-01', end: '2018-12-31' }, tasks: [] });
const csv = (cell: string) => `序号,任务内容,类型,指标,目标值,单位,2018-06-30\nT1,任务一,累计,投资,100,亿元,"${cell.replace(/"/g, '""')}"\n`;

/** The regular expression the observation cells were read with before (it backtracks quadratically). */
const FORMER = /^\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)\s*(\S(?:.*\S)?)?\s*$/;

describe('numberAndUnit', () => {
  it('splits exactly as the former regular expression did', () => {
    const text = fc.string({
      unit: fc.constantFrom('1', '0', '.', 'e', 'E', '+', '-', ' ', '\t', '\n', '\r', '\u2028', '\u3000', '人', '%', 'x'),
      maxLength: 12,
    });
    fc.assert(
      fc.property(text, (cell) => {
        const match = FORMER.exec(cell);
        expect(numberAndUnit(cell)).toEqual(match === null ? undefined : { number: match[1], unit: match[2] });
      }),
      { numRuns: 5000 },
    );
  });

  it('reads a number with its unit', () => {
    expect(numberAndUnit(' 10312 人 ')).toEqual({ number: '10312', unit: '人' });
    expect(numberAndUnit('3.5%')).toEqual({ number: '3.5', unit: '%' });
    expect(numberAndUnit('-1e3')).toEqual({ number: '-1e3', unit: undefined });
    expect(numberAndUnit('10 人\n次')).toBeUndefined();
  });
});

describe('parsePlanCsv on adversarial observation cells', () => {
  // Each of these took the former expression about a minute at 300 KB (quadratic backtracking); now milliseconds.
  it.each([
    ['spaces, a unit, then a second line', `1${' '.repeat(300_000)}x\ny`],
    ['spaces around a number, then a second line', `${' '.repeat(150_000)}1${' '.repeat(150_000)}!\n!`],
  ])('refuses a 300 KB cell of %s, naming the cell', async (_, cell) => {
    const { code, issues } = await issuesOf(() => parsePlanCsv(csv(cell), { base, source: 'tasks.csv' }));
    expect(code).toBe('INVALID_PLAN');
    expect(issues[0]?.path).toBe('line 2, column 2018-06-30');
    expect(issues[0]?.message).toMatch(/^2018-06-30: expected a number, optionally followed by its unit/);
  });

  it('reads a 300 KB cell of spaces around a number and its unit', () => {
    const plan = parsePlanCsv(csv(`${' '.repeat(150_000)}3300${' '.repeat(150_000)}亿元`), { base });
    expect(plan.tasks[0]?.observations).toEqual([{ asOf: '2018-06-30', value: '3300', unit: '亿元' }]);
  });
});
