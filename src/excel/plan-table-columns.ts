// The column layout of the task table, the plan sheet and the category table: the
// cells duban writes and reads (write-plan-table.ts, read-plan-table.ts).
import type { CalendarDate } from '../model/calendar-date.js';
import type { RateBound, TargetKind } from '../model/types.js';

/** A date in a cell (a date-formatted cell in a workbook). */
export interface DateCell {
  readonly date: CalendarDate;
}

/** What a cell holds, once read: text, a number, a boolean, a date, or nothing. */
export type CellValue = string | number | boolean | DateCell | null;

/** A table as read from a sheet or a CSV file: rows of cells, and how to name a cell in a message. */
export interface Table {
  /** The rows, top to bottom; a missing cell is `null`. */
  readonly rows: readonly (readonly CellValue[])[];
  /** The name of the cell at a 0-based row and column, e.g. `任务分解!D12` or `line 12, column 目标值`. */
  readonly address: (row: number, column: number) => string;
}

/**
 * The columns of the task table (任务分解表), in the order they are written. A
 * workbook or CSV file may hold them in any order and leave any out except
 * 序号 and 任务内容; it may add one column per reporting date (`2018-03-31`),
 * one note column per date (`2018-03-31 备注`) and `x-…` columns.
 *
 * @category Excel
 */
export const TASK_TABLE_COLUMNS = [
  '序号',
  '分类',
  '任务内容',
  '类型',
  '指标',
  '目标值',
  '目标方向',
  '允许偏差',
  '基数',
  '单位',
  '牵头单位',
  '配合单位',
  '牵头领导',
  '开始日期',
  '完成时限',
  '完成日期',
  '节点',
  '序时进度',
  '标记',
  '取消日期',
  '取消原因',
] as const;

/**
 * The words the 类型 column takes for each target kind: the first is written,
 * all are read (the English kind too).
 *
 * @category Excel
 */
export const TARGET_KIND_WORDS: Readonly<Record<TargetKind, readonly string[]>> = {
  cumulative: ['累计', '累计型'],
  level: ['水平', '存量', '达到'],
  rate: ['比率', '比率型', '增速'],
  milestones: ['节点', '里程碑'],
  binary: ['事项', '完成与否'],
};

/**
 * The words the 目标方向 column takes for each bound of a rate target: the
 * first is written, all are read (the English bound too).
 *
 * @category Excel
 */
export const RATE_BOUND_WORDS: Readonly<Record<RateBound, readonly string[]>> = {
  atLeast: ['不低于', '以上', '≥', '>='],
  atMost: ['不高于', '以内', '以下', '≤', '<='],
  about: ['左右', '约'],
};

/** The rows of the 计划 sheet: label → plan key. */
export const PLAN_SHEET_ROWS = [
  ['编号', 'id'],
  ['标题', 'title'],
  ['发布单位', 'issuer'],
  ['开始日期', 'period.start'],
  ['结束日期', 'period.end'],
  ['评估日期', 'asOf'],
  ['序时进度', 'pace'],
  ['主要指标', 'mainIndicators'],
  ['$schema', '$schema'],
] as const;

/** The words of the 序时进度 column for the two built-in paces (the first is written). */
export const PACE_WORDS = { monthly: ['按月', 'monthly'], daily: ['按日', 'daily'] } as const;

/** A reporting date's column header. */
export const DATE_HEADER = /^(\d{4}-\d{2}-\d{2})$/;
/** The header of the note column beside a reporting date's. */
export const NOTE_HEADER = /^(\d{4}-\d{2}-\d{2})\s*备注$/;
/** The prefix of an extension cell written as JSON. */
export const JSON_PREFIX = 'json:';
