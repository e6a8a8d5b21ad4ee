// Writing a plan as cells: the task table, the plan sheet and the category table.
import { DubanError, jsonIssue, type DubanIssue } from '../errors.js';
import type { CalendarDate } from '../model/calendar-date.js';
import { parseDecimal } from '../model/decimal.js';
import { quote } from '../model/schema-kit.js';
import type { Category, Pace, Plan } from '../model/types.js';
import { splitNames } from '../report/text-kit.js';
import { type CellValue, TASK_TABLE_COLUMNS, TARGET_KIND_WORDS, RATE_BOUND_WORDS, PLAN_SHEET_ROWS, PACE_WORDS, JSON_PREFIX } from './plan-table-columns.js';

/** A decimal as a cell: a number when the number reads back as the same decimal, else text. */
function decimalCell(value: string, numbers: boolean): CellValue {
  return numbers && parseDecimal(Number(value)) === value ? Number(value) : value;
}

/** An `x-` value as a cell: strings as they are (unless empty, padded with spaces or starting with `json:`), anything else as `json:` + JSON. */
export function extensionCell(value: unknown): string {
  return typeof value === 'string' && value.trim() === value && value !== '' && !value.startsWith(JSON_PREFIX)
    ? value
    : `${JSON_PREFIX}${JSON.stringify(value)}`;
}

const extensionKeys = (object: object): string[] => Object.keys(object).filter((key) => key.startsWith('x-'));

/** Escapes a milestone title for the 节点 column: `\` and `|` get a backslash, line feeds and carriage returns become `\n` and `\r`. */
const escapeField = (text: string) => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\n/g, '\\n').replace(/\r/g, '\\r');

function paceText(pace: Pace): string {
  if (pace === 'monthly') return PACE_WORDS.monthly[0];
  if (pace === 'daily') return PACE_WORDS.daily[0];
  return pace.trajectory.map((point) => `${point.date}=${point.expected}`).join(';');
}

/** Checks that a list of names reads back as the same list once joined with 、. */
function namesProblem(names: readonly string[], path: PropertyKey[], problems: DubanIssue[]): void {
  const joined = names.join('、');
  if (JSON.stringify(splitNames(joined)) !== JSON.stringify(names)) {
    problems.push(
      jsonIssue(
        'unsupported',
        path,
        `${quote(names)} cannot be written as one cell of names separated by 、 and read back the same (a name is empty, has spaces at its ends, or holds 、,; outside brackets)`,
      ),
    );
  }
}

/** Collects the `x-` keys a table has no place for: every one below the task, except on categories and the plan. */
function nestedExtensions(plan: Plan, problems: DubanIssue[]): void {
  const check = (object: object | null | undefined, path: PropertyKey[]) => {
    if (object === null || object === undefined || typeof object !== 'object') return;
    for (const key of extensionKeys(object))
      problems.push(jsonIssue('unsupported', [...path, key], 'a task table keeps x- keys of the plan, its categories and its tasks only'));
  };
  check(plan.period, ['period']);
  if (typeof plan.pace === 'object') {
    check(plan.pace, ['pace']);
    plan.pace.trajectory.forEach((point, j) => check(point, ['pace', 'trajectory', j]));
  }
  plan.tasks.forEach((task, i) => {
    const at = (...rest: PropertyKey[]) => ['tasks', i, ...rest];
    check(task.owners, at('owners'));
    check(task.target, at('target'));
    check(task.cancelled, at('cancelled'));
    if (typeof task.pace === 'object') {
      check(task.pace, at('pace'));
      task.pace.trajectory.forEach((point, j) => check(point, at('pace', 'trajectory', j)));
    }
    if (task.target.kind === 'milestones') task.target.milestones.forEach((milestone, j) => check(milestone, at('target', 'milestones', j)));
    task.observations?.forEach((observation, j) => check(observation, at('observations', j)));
  });
}

/** The task table of a plan: header and rows, with numbers as numbers when `numbers` (workbooks) or all text (CSV). */
export function planToTaskTable(plan: Plan, numbers: boolean): { header: string[]; rows: CellValue[][] } {
  const problems: DubanIssue[] = [];
  nestedExtensions(plan, problems);
  const dates = [...new Set(plan.tasks.flatMap((task) => (task.observations ?? []).map((observation) => observation.asOf)))].sort();
  const noted = new Set(
    plan.tasks.flatMap((task) => (task.observations ?? []).filter((observation) => observation.note !== undefined).map((observation) => observation.asOf)),
  );
  const extensions = [...new Set(plan.tasks.flatMap((task) => extensionKeys(task)))];
  const periodHeaders = dates.flatMap((date) => (noted.has(date) ? [date, `${date} 备注`] : [date]));
  const header = [...TASK_TABLE_COLUMNS, ...periodHeaders, ...extensions];
  const date = (value: CalendarDate | null | undefined): CellValue => (value === null || value === undefined ? null : numbers ? { date: value } : value);
  const rows = plan.tasks.map((task, i): CellValue[] => {
    const { target } = task;
    if (task.owners?.lead !== undefined) namesProblem(task.owners.lead, ['tasks', i, 'owners', 'lead'], problems);
    if (task.owners?.support !== undefined) namesProblem(task.owners.support, ['tasks', i, 'owners', 'support'], problems);
    if (task.flags !== undefined) namesProblem(task.flags, ['tasks', i, 'flags'], problems);
    const quantity = target.kind === 'cumulative' || target.kind === 'level' || target.kind === 'rate' ? target : null;
    const cells: Record<(typeof TASK_TABLE_COLUMNS)[number], CellValue> = {
      序号: task.id,
      分类: task.category ?? null,
      任务内容: task.title,
      类型: TARGET_KIND_WORDS[target.kind][0]!,
      指标: quantity?.measure ?? null,
      目标值: quantity === null ? null : decimalCell(quantity.value, numbers),
      目标方向: target.kind === 'rate' ? RATE_BOUND_WORDS[target.bound][0]! : null,
      允许偏差: target.kind === 'rate' && target.tolerance !== undefined ? decimalCell(target.tolerance, numbers) : null,
      基数: target.kind === 'level' ? decimalCell(target.baseline, numbers) : null,
      单位: quantity?.unit ?? null,
      牵头单位: task.owners?.lead?.join('、') ?? null,
      配合单位: task.owners?.support?.join('、') ?? null,
      牵头领导: task.leader ?? null,
      开始日期: date(task.start),
      完成时限: date(task.deadline),
      完成日期: target.kind === 'binary' ? date(target.completedOn) : null,
      节点:
        target.kind === 'milestones'
          ? target.milestones
              .map((m) => [escapeField(m.title), m.due, m.done ?? '', ...(m.weight === '1' ? [] : [m.weight])].join('|').replace(/\|+$/, ''))
              .join('\n')
          : null,
      序时进度: task.pace === undefined ? null : paceText(task.pace),
      标记: task.flags?.join('、') ?? null,
      取消日期: date(task.cancelled?.on),
      取消原因: task.cancelled == null ? null : task.cancelled.reason,
    };
    const byDate = new Map((task.observations ?? []).map((observation) => [observation.asOf, observation]));
    const period = dates.flatMap((d) => {
      const observation = byDate.get(d);
      const value: CellValue =
        observation === undefined ? null : observation.unit === undefined ? decimalCell(observation.value, numbers) : `${observation.value}${observation.unit}`;
      return noted.has(d) ? [value, observation?.note ?? null] : [value];
    });
    const record = task as unknown as Record<string, unknown>;
    return [
      ...TASK_TABLE_COLUMNS.map((column) => cells[column]),
      ...period,
      ...extensions.map((key) => (Object.hasOwn(record, key) ? extensionCell(record[key]) : null)),
    ];
  });
  if (problems.length > 0) throw new DubanError('INVALID_PLAN', `plan ${quote(plan.id)} cannot be written as a task table`, { issues: problems });
  return { header, rows };
}

/** The rows of the 计划 sheet: label and value. */
export function planToMetaRows(plan: Plan, numbers: boolean): [string, CellValue][] {
  const date = (value: CalendarDate | undefined): CellValue => (value === undefined ? null : numbers ? { date: value } : value);
  const values: Record<(typeof PLAN_SHEET_ROWS)[number][1], CellValue> = {
    id: plan.id,
    title: plan.title,
    issuer: plan.issuer ?? null,
    'period.start': date(plan.period.start),
    'period.end': date(plan.period.end),
    asOf: date(plan.asOf),
    pace: plan.pace === undefined ? null : paceText(plan.pace),
    mainIndicators:
      plan.mainIndicators === undefined
        ? null
        : typeof plan.mainIndicators === 'string'
          ? plan.mainIndicators
          : `category:${plan.mainIndicators.categories.join(',')}`,
    $schema: plan.$schema ?? null,
  };
  const record = plan as unknown as Record<string, unknown>;
  return [
    ...PLAN_SHEET_ROWS.filter(([, key]) => values[key] !== null).map(([label, key]): [string, CellValue] => [label, values[key]]),
    ...extensionKeys(plan).map((key): [string, CellValue] => [key, extensionCell(record[key])]),
  ];
}

/** The 分类 sheet: header and one row per category. */
export function categoriesToTable(categories: readonly Category[]): { header: string[]; rows: CellValue[][] } {
  const extensions = [...new Set(categories.flatMap((category) => extensionKeys(category)))];
  return {
    header: ['编号', '名称', ...extensions],
    rows: categories.map((category) => {
      const record = category as unknown as Record<string, unknown>;
      return [category.id, category.title, ...extensions.map((key) => (Object.hasOwn(record, key) ? extensionCell(record[key]) : null))];
    }),
  };
}
