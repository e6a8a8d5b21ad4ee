// No workbook duban writes holds a formula (or a hyperlink) made from user text:
// titles, units, owners, leaders, labels, rule names, notes that look like formulas
// are written as text and kept literally. Checked in the sheet XML itself
// (unzipped here with node:zlib) and by reading the workbook back with exceljs.
import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readPlanWorkbook, writeEvaluationWorkbook, writePlanWorkbook } from '../../src/excel/index.js';
import { evaluatePlan, parseRuleFile } from '../../src/index.js';
import { openWorkbook, zipTextEntries } from './helpers.js';
import { formulaPlan, HYPERLINK_TITLE } from './hostile-text.js';

/** A rule file whose status labels and rule names look like formulas. */
const formulaRules = parseRuleFile({
  formatVersion: 1,
  id: 'formula-rules',
  title: '=规则集',
  statuses: [
    { code: 'ok', label: '=正常' },
    { code: 'other', label: '@其他\u0007' },
  ],
  rules: [
    { name: '-按序时', priority: 2, conditions: { all: [{ fact: 'onPace', operator: 'equal', value: true }] }, event: { type: 'ok' } },
    { name: '+其余', priority: 1, conditions: { all: [] }, event: { type: 'other' } },
  ],
});

/** Checks the workbook's XML: no sheet holds a formula or a hyperlink, and the formula-like texts are there as text. */
function expectNoFormulaXml(bytes: Uint8Array, texts: readonly string[]): void {
  const entries = zipTextEntries(bytes);
  const sheets = [...entries].filter(([name]) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name));
  expect(sheets.length).toBeGreaterThan(1);
  for (const [name, xml] of sheets) {
    expect({ name, formulas: xml.match(/<f[\s>/]/g) ?? [] }).toEqual({ name, formulas: [] });
    expect({ name, hyperlinks: xml.match(/<hyperlink/g) ?? [] }).toEqual({ name, hyperlinks: [] });
  }
  expect(entries.has('xl/calcChain.xml')).toBe(false);
  // Characters XML cannot hold are escaped (_x0007_), so Excel opens the file at all.
  // eslint-disable-next-line no-control-regex -- exactly the characters XML 1.0 forbids
  for (const [name, xml] of entries) expect({ name, bad: xml.match(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g) ?? [] }).toEqual({ name, bad: [] });
  const strings = entries.get('xl/sharedStrings.xml') ?? '';
  const everything = `${strings}${sheets.map(([, xml]) => xml).join('')}`;
  const asXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  for (const text of texts) expect(everything.includes(text) || everything.includes(asXml(text)), text).toBe(true);
}

/** Every cell of every sheet, read back with exceljs: none is a formula or a hyperlink. */
function expectNoFormulaCells(workbook: ExcelJS.Workbook): string[] {
  const strings: string[] = [];
  for (const sheet of workbook.worksheets) {
    sheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const value = cell.value as unknown;
        expect({ at: `${sheet.name}!${cell.address}`, formula: cell.formula, hyperlink: cell.hyperlink }).toEqual({
          at: `${sheet.name}!${cell.address}`,
          formula: undefined,
          hyperlink: undefined,
        });
        if (typeof value === 'object' && value !== null && !(value instanceof Date))
          throw new Error(`${sheet.name}!${cell.address} holds an object: ${JSON.stringify(value)}`);
        if (typeof value === 'string') strings.push(value);
      });
    });
  }
  return strings;
}

describe('writePlanWorkbook (duban export-excel --out FILE.xlsx)', () => {
  it('writes formula-like text as text, with no formula in any sheet, and reads it back to the same plan', async () => {
    const plan = formulaPlan();
    const bytes = await writePlanWorkbook(plan);
    expectNoFormulaXml(bytes, [HYPERLINK_TITLE, '=1+1', '@市政府', '=SUM(A1:A9)', '-张三', '=市发改委', '+经济发展', '-5个百分点']);
    const strings = expectNoFormulaCells(await openWorkbook(bytes));
    expect(strings).toEqual(
      expect.arrayContaining([
        HYPERLINK_TITLE,
        '=1+1',
        '@市政府',
        '=SUM(A1:A9)',
        '-张三',
        '=市发改委',
        '+市财政局、@市统计局',
        '=problem',
        '+经济发展',
        '=A1',
        '-2+3',
        "'=already quoted",
        '+因政策调整',
        "'普通的撇号",
      ]),
    );
    expect(await readPlanWorkbook(bytes)).toEqual(plan);
  });
});

describe('writeEvaluationWorkbook (duban report --format xlsx)', () => {
  it('writes formula-like titles, owners, labels, rule names and explanations as text, with no formula in any sheet', async () => {
    const plan = formulaPlan();
    const evaluations = [await evaluatePlan(plan, { rules: formulaRules, asOf: '2018-03-31' }), await evaluatePlan(plan, { rules: formulaRules })];
    const bytes = await writeEvaluationWorkbook(plan, evaluations, { title: '=HYPERLINK("http://evil.example/","通报")' });
    const labels = evaluations[1]!.results.map((result) => result.label!);
    expect(new Set(labels)).toEqual(new Set(['=正常', '@其他\u0007']));
    expectNoFormulaXml(bytes, [HYPERLINK_TITLE, '=市发改委', '-张三', '=正常', '@其他_x0007_', '+其余']);
    const strings = expectNoFormulaCells(await openWorkbook(bytes));
    expect(strings).toEqual(
      expect.arrayContaining([
        '=HYPERLINK("http://evil.example/","通报")',
        HYPERLINK_TITLE,
        '-5个百分点',
        '=市发改委',
        '+市财政局、@市统计局',
        '-张三',
        '=正常',
        '@其他\u0007',
        '+其余',
        ...evaluations[1]!.results.map((result) => result.explanation),
      ]),
    );
    // The counts sentence names the labels too, and keeps them whole (exceljs alone dropped the U+0007).
    expect(strings.filter((text) => text.startsWith('从督查情况看'))).toEqual([expect.stringContaining('@其他\u0007')]);
  });
});
