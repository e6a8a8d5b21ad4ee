import Decimal from 'decimal.js';
import type { Worksheet } from 'exceljs';
import { ensureEvaluations } from '../engine/boundary.js';
import type { Evaluation } from '../engine/evaluate-plan.js';
import { ensurePlan } from '../model/boundary.js';
import { readOptions, stringOption } from '../model/check-arguments.js';
import type { Plan } from '../model/types.js';
import { actualText, countsSentence, listName, targetText } from '../report/bulletin-document.js';
import type { StatusTone } from '../report/status-tone.js';
import {
  SUMMARIZE_OPTIONS,
  summarizeOptions,
  type EvaluationSummary,
  type GroupTally,
  type SummarizeOptions,
  type TaskEntry,
} from '../report/summarize-evaluation.js';
import { summarizeTrend, type Trend } from '../report/trend.js';
import { newWorkbook, safeValues, sheetName, styleHeader, TONE_FILLS, workbookBytes } from './workbook-kit.js';

/**
 * Options for {@link writeEvaluationWorkbook}.
 *
 * @category Excel
 */
export interface EvaluationWorkbookOptions extends SummarizeOptions {
  /** The title on the first sheet; default `<plan title>落实情况`. */
  readonly title?: string | undefined;
}

const Exact = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_EVEN });

/** A fact's decimal string as a number for a cell: the last step, where binary floats are allowed. */
const number = (value: string | null): number | null => (value === null ? null : Number(value));
const points = (value: string | null): number | null => (value === null ? null : Number(new Exact(value).times(100).toString()));

const TASK_COLUMNS: readonly { title: string; width: number; format?: string }[] = [
  { title: '序号', width: 8 },
  { title: '任务内容', width: 40 },
  { title: '牵头单位', width: 16 },
  { title: '配合单位', width: 18 },
  { title: '牵头领导', width: 10 },
  { title: '状态', width: 12 },
  { title: '目标', width: 14 },
  { title: '实际', width: 14 },
  { title: '完成进度', width: 10, format: '0.0%' },
  { title: '序时进度', width: 10, format: '0.0%' },
  { title: '进度差(个百分点)', width: 12, format: '+0.0;-0.0;0' },
  { title: '余量', width: 10 },
  { title: '说明', width: 60 },
  { title: '规则', width: 14 },
];

function fill(tone: StatusTone) {
  return { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: TONE_FILLS[tone] } };
}

function taskSheet(sheet: Worksheet, entries: readonly TaskEntry[]): void {
  sheet.columns = TASK_COLUMNS.map((column) => ({
    header: column.title,
    width: column.width,
    ...(column.format === undefined ? {} : { style: { numFmt: column.format } }),
  }));
  for (const entry of entries) {
    const { facts } = entry.result;
    const row = sheet.addRow(
      safeValues([
        entry.task.id,
        entry.task.title,
        entry.lead.join('、'),
        entry.support.join('、'),
        entry.task.leader ?? '',
        entry.cancelled ? '取消' : (entry.result.label ?? '未判定'),
        targetText(entry),
        actualText(entry),
        number(facts.progress),
        number(facts.expected),
        points(facts.paceGap),
        number(facts.margin),
        entry.result.explanation,
        entry.result.rule ?? '',
      ]),
    );
    row.getCell(6).fill = fill(entry.tone);
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
    row.getCell(13).alignment = { wrapText: true, vertical: 'top' };
  }
  styleHeader(sheet, TASK_COLUMNS.length);
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: TASK_COLUMNS.length } };
  sheet.views = [{ state: 'frozen', xSplit: 2, ySplit: 1 }];
}

function tallyTable(sheet: Worksheet, summary: EvaluationSummary, heading: string, groups: readonly GroupTally[]): void {
  const shown = summary.overall.byStatus.filter((status) => status.count > 0);
  const tones = new Map(summary.byStatus.map((status) => [status.status, status.tone]));
  const header = [
    heading,
    '合计',
    ...shown.map((status) => status.label),
    ...(summary.overall.cancelled > 0 ? ['取消'] : []),
    ...(summary.overall.unclassified > 0 ? ['未判定'] : []),
  ];
  const start = sheet.rowCount + (sheet.rowCount > 0 ? 2 : 1);
  sheet.getRow(start).values = safeValues(header);
  styleHeader(sheet, header.length, start);
  sheet.views = [];
  groups.forEach((group, i) => {
    const counts = new Map(group.tally.byStatus.map((status) => [status.status, status.count]));
    const row = sheet.getRow(start + 1 + i);
    row.values = safeValues([
      group.title,
      group.tally.total,
      ...shown.map((status) => counts.get(status.status) ?? 0),
      ...(summary.overall.cancelled > 0 ? [group.tally.cancelled] : []),
      ...(summary.overall.unclassified > 0 ? [group.tally.unclassified] : []),
    ]);
    shown.forEach((status, j) => {
      if ((counts.get(status.status) ?? 0) > 0) row.getCell(3 + j).fill = fill(tones.get(status.status) ?? 'other');
    });
  });
}

function trendSheet(sheet: Worksheet, trend: Trend): void {
  sheet.columns = [
    { header: '序号', width: 8 },
    { header: '任务内容', width: 40 },
    ...trend.dates.map((date) => ({ header: date, width: 13 })),
    { header: '变化', width: 6 },
  ];
  trend.tasks.forEach((task, i) => {
    const row = sheet.addRow(
      safeValues([
        task.task.id,
        task.task.title,
        ...task.points.map((point, j) => (trend.summaries[j]!.tasks[i]!.cancelled ? '取消' : (point.result.label ?? '未判定'))),
        task.changed ? '是' : '',
      ]),
    );
    trend.summaries.forEach((summary, j) => {
      row.getCell(3 + j).fill = fill(summary.tasks[i]!.tone);
    });
  });
  styleHeader(sheet, trend.dates.length + 3);
  sheet.views = [{ state: 'frozen', xSplit: 2, ySplit: 1 }];
}

/**
 * Writes an evaluation as an .xlsx workbook for analysts: a 总体情况 sheet with
 * the counts (the sentence of the bulletin, a table per status in traffic-light
 * colours, and the counts per category), one sheet per category with its tasks
 * (status coloured, target, actual, progress, 序时进度, explanation), and a
 * 分单位统计 sheet with the counts per lead unit. Given evaluations at several
 * as-of dates, the latest is written and a 进度变化 sheet holds each task's
 * status at every date. The same input always gives the same bytes.
 *
 * @param plan - the validated plan
 * @param evaluations - its evaluation, or evaluations at several as-of dates
 * @param options - title, main indicators, tones
 * @returns the .xlsx bytes
 * @throws `DubanError` `INVALID_OPTION` when the evaluations are not of this plan or cannot form a trend
 * @example
 * ```ts
 * import { writeEvaluationWorkbook } from 'duban/excel';
 * writeFileSync('result.xlsx', await writeEvaluationWorkbook(plan, await evaluatePlan(plan)));
 * ```
 * @category Excel
 */
export async function writeEvaluationWorkbook(
  plan: Plan,
  evaluations: Evaluation | readonly Evaluation[],
  options: EvaluationWorkbookOptions = {},
): Promise<Uint8Array> {
  plan = ensurePlan(plan);
  options = readOptions<EvaluationWorkbookOptions>(options, { ...SUMMARIZE_OPTIONS, title: stringOption });
  const trend = summarizeTrend(plan, ensureEvaluations(evaluations), summarizeOptions(options));
  const summary = trend.summaries.at(-1)!;
  const workbook = await newWorkbook(summary.asOf);
  const taken = new Set<string>();
  const overview = workbook.addWorksheet(sheetName('总体情况', taken));
  overview.getColumn(1).width = 36;
  overview.addRow(safeValues([options.title ?? `${plan.title}落实情况`])).font = { bold: true, size: 14 };
  overview.addRow(safeValues([`截至 ${summary.asOf} · 规则集 ${summary.ruleSet} · 计划 ${plan.id}`]));
  overview.addRow(safeValues([`从督查情况看，${countsSentence(summary.overall.total, summary.overall)}。`]));
  overview.addRow([]);
  overview.addRow(['状态', '项数']);
  styleHeader(overview, 2, 5);
  overview.views = [];
  const statusRows: [string, number, StatusTone][] = [
    ...summary.byStatus.filter((status) => status.count > 0).map((status): [string, number, StatusTone] => [status.label, status.count, status.tone]),
    ...(summary.cancelled.length > 0 ? [['取消', summary.cancelled.length, 'off'] as [string, number, StatusTone]] : []),
    ...(summary.unclassified.length > 0 ? [['未判定', summary.unclassified.length, 'other'] as [string, number, StatusTone]] : []),
  ];
  for (const [label, count, tone] of statusRows) overview.addRow(safeValues([label, count])).getCell(1).fill = fill(tone);
  overview.addRow(['合计', summary.overall.total]).font = { bold: true };
  const categorised = summary.byCategory.some((group) => group.key !== '');
  if (categorised) tallyTable(overview, summary, '类别', summary.byCategory);

  if (categorised) {
    for (const group of summary.byCategory)
      taskSheet(workbook.addWorksheet(sheetName(group.key === '' ? '未分类' : `${group.key} ${listName(group.title)}`, taken)), group.tasks);
  } else {
    taskSheet(workbook.addWorksheet(sheetName('全部任务', taken)), summary.tasks);
  }
  const units = workbook.addWorksheet(sheetName('分单位统计', taken));
  units.getColumn(1).width = 24;
  tallyTable(units, summary, '牵头单位', summary.byLeadUnit);
  if (trend.dates.length > 1) trendSheet(workbook.addWorksheet(sheetName('进度变化', taken)), trend);
  return workbookBytes(workbook);
}
