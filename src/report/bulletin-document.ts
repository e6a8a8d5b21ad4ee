import type { StatusCount } from '../engine/evaluate-plan.js';
import type { CalendarDate } from '../model/calendar-date.js';
import type { Plan } from '../model/types.js';
import type { StatusTone } from './status-tone.js';
import type { EvaluationSummary, GroupTally, Tally, TaskEntry, WorkGroup } from './summarize-evaluation.js';
import { fullWidth, type Rounding } from '../engine/wording.js';
import { chineseDate, chineseNumber, joinNames, percentText } from './text-kit.js';
import type { Trend } from './trend.js';

/** A run of text, plain or emphasised. */
export type Inline = string | { readonly strong: string };

/** A table cell; a tone colours it in HTML. */
export interface Cell {
  readonly text: string;
  readonly tone?: StatusTone | undefined;
}

/** A column of a table. */
export interface Column {
  readonly title: string;
  readonly align: 'left' | 'right';
}

/** One bar of the status distribution. */
export interface StatusBar {
  readonly label: string;
  readonly count: number;
  readonly tone: StatusTone;
}

/** One row of a bullet chart of progress against 序时进度. */
export interface ProgressRow {
  readonly taskId: string;
  readonly title: string;
  readonly label: string;
  readonly progress: string;
  readonly expected: string;
  readonly tone: StatusTone;
}

/** One row of a chart of a rate against its target. */
export interface IndicatorRow {
  readonly taskId: string;
  readonly title: string;
  readonly label: string;
  readonly value: string;
  readonly target: string;
  readonly unit: string;
  readonly targetText: string;
  /** For `about` targets, the tolerance. */
  readonly tolerance: string | null;
  readonly tone: StatusTone;
}

/** One task's actual and expected values over the dates of a trend. */
export interface TrendSeries {
  readonly taskId: string;
  readonly title: string;
  /** `progress`: progress against 序时进度 (fractions); `rate`: the value against its target (in `unit`). */
  readonly mode: 'progress' | 'rate';
  readonly unit: string;
  readonly dates: readonly CalendarDate[];
  readonly actual: readonly (string | null)[];
  readonly expected: readonly (string | null)[];
  readonly tone: StatusTone;
}

/** A chart, drawn only in HTML. */
export type Chart =
  | { readonly type: 'status-bars'; readonly bars: readonly StatusBar[]; readonly total: number }
  | { readonly type: 'progress-bullets'; readonly rows: readonly ProgressRow[] }
  | { readonly type: 'indicator-bullets'; readonly rows: readonly IndicatorRow[] }
  | { readonly type: 'trend-lines'; readonly series: readonly TrendSeries[] };

/** A piece of a bulletin. Sections are numbered 一、二、… by the renderer, counting only those it renders. */
export type Block = (
  | { readonly kind: 'section'; readonly title: string }
  | { readonly kind: 'subheading'; readonly text: string }
  | { readonly kind: 'paragraph'; readonly content: readonly Inline[] }
  | { readonly kind: 'list'; readonly items: readonly (readonly Inline[])[] }
  | { readonly kind: 'table'; readonly caption?: string | undefined; readonly columns: readonly Column[]; readonly rows: readonly (readonly Cell[])[] }
  | { readonly kind: 'chart'; readonly chart: Chart }
) & { readonly htmlOnly?: boolean | undefined };

/** The 落款 of a bulletin: the issuing body and the date, set right under the text (GB/T 9704 §7.3.5). */
export interface Signature {
  readonly issuer: string;
  /** The date in Chinese form, `2018年3月31日`. */
  readonly date: string;
}

/** A bulletin before it is written out in one format. */
export interface BulletinDocument {
  readonly title: string;
  readonly meta: string;
  readonly blocks: readonly Block[];
  /** The 落款, when an issuer is known (the option, else the plan's `issuer`). */
  readonly signature: Signature | null;
  /** How the renderers round the percentages they write themselves (charts). */
  readonly rounding: Rounding;
}

/** Options the document builder takes. */
export interface DocumentOptions {
  readonly title?: string | undefined;
  /** The issuing body of the 落款; default the plan's `issuer`, none without one. */
  readonly issuer?: string | undefined;
  /** The date of the 落款 (成文日期); default the as-of date. */
  readonly date?: CalendarDate | undefined;
  /** How percentages are rounded: `half-up` (四舍五入, default) or `half-even` (GB/T 8170). */
  readonly rounding?: Rounding | undefined;
}

const count = (n: number, label: string) => `${n}项${label}`;

/**
 * A task's name in a list of names: its title up to the first 。 when the title
 * goes on after it (seed 004's tasks are paragraphs that open with a heading
 * sentence, `全面激发市场活力。建立…`), else the whole title.
 */
export function listName(title: string): string {
  const end = title.indexOf('。');
  return fullWidth(end > 0 && end < title.length - 1 ? title.slice(0, end) : title);
}

const names = (entries: readonly TaskEntry[]) => joinNames(entries.map((entry) => listName(entry.task.title)));

function cancellationText(entry: TaskEntry): string {
  const cancelled = entry.task.cancelled;
  if (cancelled == null) return listName(entry.task.title);
  return `${listName(entry.task.title)}（${cancelled.reason === '' ? '' : `${cancelled.reason}，`}自${chineseDate(cancelled.on)}起）`;
}

/** The counts sentence of seed 001: `131项工作中，47项已完成，79项有序推进，1项存在突出问题，4项需要加大力度`. */
export function countsSentence(total: number, tally: Tally, noun = '工作'): string {
  const parts = tally.byStatus.filter((status) => status.count > 0).map((status) => count(status.count, status.label));
  if (tally.cancelled > 0) parts.push(count(tally.cancelled, '取消'));
  if (tally.unclassified > 0) parts.push(count(tally.unclassified, '未判定'));
  return `${total}项${noun}中，${parts.length === 0 ? '无' : parts.join('，')}`;
}

/** The sentence of seed 000 for the main indicators: `8项主要经济发展指标中，3项完成进度（…），5项未完成进度（…）`. */
function indicatorSentence(group: WorkGroup): string {
  const parts: string[] = [];
  const add = (entries: readonly TaskEntry[], label: string) => {
    if (entries.length > 0) parts.push(`${count(entries.length, label)}（${names(entries)}）`);
  };
  add(group.onPace, '完成进度');
  add(group.behind, '未完成进度');
  add(group.noData, '暂无数据');
  if (group.cancelled.length > 0) parts.push(`${count(group.cancelled.length, '取消')}（${names(group.cancelled)}）`);
  return `${group.tasks.length}项${group.title}中，${parts.join('，')}`;
}

/** The sentence of seed 000 for the other work: cancelled first, then every status, naming the tasks behind. */
function otherWorkSentence(group: WorkGroup, summary: EvaluationSummary): string {
  const parts: string[] = [];
  if (group.cancelled.length > 0) parts.push(`${count(group.cancelled.length, '取消')}（${names(group.cancelled)}）`);
  for (const status of summary.byStatus) {
    const members = group.tasks.filter((entry) => !entry.cancelled && entry.result.status === status.status);
    if (members.length === 0) continue;
    const named = status.tone === 'warn' || status.tone === 'bad' || status.tone === 'none';
    parts.push(named ? `${count(members.length, status.label)}（${names(members)}）` : count(members.length, status.label));
  }
  if (group.tally.unclassified > 0)
    parts.push(`${count(group.tally.unclassified, '未判定')}（${names(group.tasks.filter((entry) => !entry.cancelled && entry.result.status === null))}）`);
  return `${group.tasks.length}项${group.title}中，${parts.join('，')}`;
}

/** `由石迎军牵头，市发改委负责，市工信委、市统计局配合`, or what of it is known. */
export function ownersSentence(entry: TaskEntry): string {
  const parts: string[] = [];
  if (entry.leaders.length > 0) parts.push(`由${joinNames(entry.leaders)}牵头`);
  parts.push(entry.lead.length > 0 ? `${joinNames(entry.lead)}负责` : '未明确牵头单位');
  if (entry.support.length > 0) parts.push(`${joinNames(entry.support)}配合`);
  return fullWidth(parts.join('，'));
}

/** The explanation without a leading `title:` it may repeat. */
function explanationOf(entry: TaskEntry): string {
  const { explanation } = entry.result;
  const prefix = `${fullWidth(entry.task.title)}：`;
  return explanation.startsWith(prefix) ? explanation.slice(prefix.length) : explanation;
}

function unitOf(entry: TaskEntry): string {
  const { target } = entry.task;
  return target.kind === 'cumulative' || target.kind === 'level' || target.kind === 'rate' ? target.unit : '';
}

/** The target as a bulletin writes it: `≥8%`, `≤3.5%`, `10个月左右（±1）`, `200亿元`, `220家（基数160家）`, `3个节点`, `完成`. */
export function targetText(entry: TaskEntry): string {
  const { target } = entry.task;
  switch (target.kind) {
    case 'rate':
      if (target.bound === 'atMost') return `≤${target.value}${target.unit}`;
      if (target.bound === 'about') return `${target.value}${target.unit}左右（±${target.tolerance ?? '0'}）`;
      return `≥${target.value}${target.unit}`;
    case 'cumulative':
      return `${target.value}${target.unit}`;
    case 'level':
      return `${target.value}${target.unit}（基数${target.baseline}${target.unit}）`;
    case 'milestones':
      return `${target.milestones.length}个节点`;
    case 'binary':
      return '完成';
  }
}

/** The observed value with its unit, or 未报送. */
export function actualText(entry: TaskEntry, rounding: Rounding = 'half-up'): string {
  const { facts } = entry.result;
  if (facts.kind === 'milestones' || facts.kind === 'binary') return facts.progress === null ? '—' : percentText(facts.progress, rounding);
  return facts.value === null ? '未报送' : `${facts.value}${unitOf(entry)}`;
}

function tallyColumns(summary: EvaluationSummary): { columns: Column[]; cells: (tally: Tally) => Cell[] } {
  const shown = summary.overall.byStatus.filter((status) => status.count > 0);
  const tones = new Map(summary.byStatus.map((status) => [status.status, status.tone]));
  const columns: Column[] = [{ title: '合计', align: 'right' }, ...shown.map((status) => ({ title: status.label, align: 'right' as const }))];
  const showCancelled = summary.overall.cancelled > 0;
  const showGaps = summary.overall.unclassified > 0;
  if (showCancelled) columns.push({ title: '取消', align: 'right' });
  if (showGaps) columns.push({ title: '未判定', align: 'right' });
  const cells = (tally: Tally): Cell[] => {
    const byCode = new Map(tally.byStatus.map((status) => [status.status, status.count]));
    const out: Cell[] = [{ text: String(tally.total) }];
    for (const status of shown) {
      const n = byCode.get(status.status) ?? 0;
      out.push(n > 0 ? { text: String(n), tone: tones.get(status.status) } : { text: '0' });
    }
    if (showCancelled) out.push({ text: String(tally.cancelled) });
    if (showGaps) out.push({ text: String(tally.unclassified) });
    return out;
  };
  return { columns, cells };
}

function groupTable(summary: EvaluationSummary, heading: string, groups: readonly GroupTally[]): Block {
  const { columns, cells } = tallyColumns(summary);
  return {
    kind: 'table',
    columns: [{ title: heading, align: 'left' }, ...columns],
    rows: groups.map((group) => [{ text: fullWidth(group.title) }, ...cells(group.tally)]),
  };
}

function taskTable(entries: readonly TaskEntry[], rounding: Rounding): Block {
  return {
    kind: 'table',
    columns: [
      { title: '任务', align: 'left' },
      { title: '状态', align: 'left' },
      { title: '完成进度', align: 'right' },
      { title: '序时进度', align: 'right' },
      { title: '说明', align: 'left' },
    ],
    rows: entries.map((entry) => [
      { text: listName(entry.task.title) },
      { text: entry.cancelled ? '取消' : (entry.result.label ?? '未判定'), tone: entry.tone },
      { text: entry.result.facts.progress === null ? '—' : percentText(entry.result.facts.progress, rounding) },
      { text: entry.result.facts.expected === null ? '—' : percentText(entry.result.facts.expected, rounding) },
      { text: entry.result.explanation },
    ]),
  };
}

function statusLine(label: string, entries: readonly TaskEntry[], describe: (entry: TaskEntry) => string = (entry) => listName(entry.task.title)): Inline[] {
  return [{ strong: `${count(entries.length, label)}。` }, `${entries.length === 1 ? '即' : '分别是'}：${joinNames(entries.map(describe))}。`];
}

function overview(plan: Plan, summary: EvaluationSummary): Block[] {
  const blocks: Block[] = [{ kind: 'section', title: '总体情况' }];
  blocks.push({
    kind: 'paragraph',
    content: [`对“${fullWidth(plan.title)}”中的${summary.overall.total}项工作截至${chineseDate(summary.asOf)}的落实情况进行了督查。现将有关情况通报如下：`],
  });
  blocks.push({ kind: 'paragraph', content: [`从督查情况看，${countsSentence(summary.overall.total, summary.overall)}。`] });
  const { mainIndicators, otherWork } = summary;
  if (mainIndicators.tasks.length > 0 && otherWork.tasks.length > 0) {
    blocks.push({ kind: 'paragraph', content: [`其中，${indicatorSentence(mainIndicators)}；${otherWorkSentence(otherWork, summary)}。`] });
  }
  blocks.push({
    kind: 'chart',
    htmlOnly: true,
    chart: {
      type: 'status-bars',
      total: summary.overall.total,
      bars: [
        ...summary.byStatus.filter((status) => status.count > 0).map((status) => ({ label: status.label, count: status.count, tone: status.tone })),
        ...(summary.cancelled.length > 0 ? [{ label: '取消', count: summary.cancelled.length, tone: 'off' as const }] : []),
        ...(summary.unclassified.length > 0 ? [{ label: '未判定', count: summary.unclassified.length, tone: 'other' as const }] : []),
      ],
    },
  });
  for (const status of summary.byStatus) if (status.count > 0) blocks.push({ kind: 'paragraph', content: statusLine(status.label, status.tasks) });
  if (summary.cancelled.length > 0) blocks.push({ kind: 'paragraph', content: statusLine('取消', summary.cancelled, cancellationText) });
  if (summary.unclassified.length > 0) {
    blocks.push({ kind: 'paragraph', content: [...statusLine('未判定', summary.unclassified), '规则集没有为这些任务给出状态（规则缺口）。'] });
  }
  return blocks;
}

function indicatorsSection(summary: EvaluationSummary, rounding: Rounding): Block[] {
  const group = summary.mainIndicators;
  if (group.tasks.length === 0) return [];
  const rows: IndicatorRow[] = group.tasks.flatMap((entry) => {
    const { target } = entry.task;
    const { value } = entry.result.facts;
    if (target.kind !== 'rate' || value === null) return [];
    return [
      {
        taskId: entry.task.id,
        title: listName(entry.task.title),
        label: entry.result.label ?? '未判定',
        value,
        target: target.value,
        unit: target.unit,
        targetText: targetText(entry),
        tolerance: target.bound === 'about' ? (target.tolerance ?? '0') : null,
        tone: entry.tone,
      },
    ];
  });
  return [
    { kind: 'section', title: `${group.title}完成情况` },
    {
      kind: 'table',
      columns: [
        { title: '指标', align: 'left' },
        { title: '目标', align: 'right' },
        { title: '实际', align: 'right' },
        { title: '状态', align: 'left' },
        { title: '说明', align: 'left' },
      ],
      rows: group.tasks.map((entry) => [
        { text: listName(entry.task.title) },
        { text: targetText(entry) },
        { text: actualText(entry, rounding) },
        { text: entry.cancelled ? '取消' : (entry.result.label ?? '未判定'), tone: entry.tone },
        { text: entry.result.explanation },
      ]),
    },
    ...(rows.length > 0 ? [{ kind: 'chart' as const, htmlOnly: true, chart: { type: 'indicator-bullets' as const, rows } }] : []),
  ];
}

function attentionSection(summary: EvaluationSummary): Block[] {
  const blocks: Block[] = [{ kind: 'section', title: '进度滞后和存在问题的工作' }];
  const groups: { label: string; entries: TaskEntry[] }[] = [];
  for (const status of summary.byStatus) {
    const entries = summary.attention.filter((entry) => entry.result.status === status.status);
    if (entries.length > 0) groups.push({ label: status.label, entries });
  }
  const gaps = summary.attention.filter((entry) => entry.result.status === null);
  if (gaps.length > 0) groups.push({ label: '未判定', entries: gaps });
  if (groups.length === 0 && summary.noData.length === 0) {
    blocks.push({ kind: 'paragraph', content: ['所有工作均已完成或按序时进度推进，没有进度滞后或存在问题的工作。'] });
    return blocks;
  }
  if (summary.attention.length > 0) blocks.push({ kind: 'paragraph', content: [`${summary.attention.length}项工作落后于序时进度或存在问题，情况如下。`] });
  let n = 0;
  for (const group of groups) {
    n++;
    blocks.push({ kind: 'subheading', text: `（${chineseNumber(n)}）${group.label}（${group.entries.length}项）` });
    blocks.push({
      kind: 'list',
      items: group.entries.map((entry) => [{ strong: listName(entry.task.title) }, `：${explanationOf(entry)}。${ownersSentence(entry)}。`]),
    });
  }
  if (summary.noData.length > 0) {
    n++;
    blocks.push({ kind: 'subheading', text: `（${chineseNumber(n)}）暂无报送数据（${summary.noData.length}项）` });
    blocks.push({ kind: 'list', items: summary.noData.map((entry) => [{ strong: listName(entry.task.title) }, `：${ownersSentence(entry)}。`]) });
  }
  return blocks;
}

function progressSection(summary: EvaluationSummary): Block[] {
  const rows: ProgressRow[] = summary.tasks.flatMap((entry) => {
    const { progress, expected, kind } = entry.result.facts;
    if (entry.cancelled || progress === null || expected === null || (kind !== 'cumulative' && kind !== 'level' && kind !== 'milestones')) return [];
    return [{ taskId: entry.task.id, title: listName(entry.task.title), label: entry.result.label ?? '未判定', progress, expected, tone: entry.tone }];
  });
  if (rows.length === 0) return [];
  return [
    { kind: 'section', title: '各项工作完成进度与序时进度', htmlOnly: true },
    { kind: 'paragraph', htmlOnly: true, content: ['条形为完成进度，竖线为序时进度；颜色为状态。'] },
    { kind: 'chart', htmlOnly: true, chart: { type: 'progress-bullets', rows } },
  ];
}

function groupSections(summary: EvaluationSummary, rounding: Rounding): Block[] {
  const blocks: Block[] = [];
  if (summary.byCategory.some((group) => group.key !== '')) {
    blocks.push({ kind: 'section', title: '分类统计' }, groupTable(summary, '类别', summary.byCategory));
  }
  blocks.push({ kind: 'section', title: '分单位统计' });
  blocks.push({ kind: 'paragraph', content: ['按牵头单位统计；一项工作有多个牵头单位的，每个单位各计一次。'] });
  blocks.push(groupTable(summary, '牵头单位', summary.byLeadUnit));
  for (const unit of summary.byLeadUnit) {
    blocks.push(
      { kind: 'subheading', text: `${fullWidth(unit.title)}（${unit.tasks.length}项）`, htmlOnly: true },
      { ...taskTable(unit.tasks, rounding), htmlOnly: true },
    );
  }
  if (summary.byLeader.length > 0) {
    blocks.push({ kind: 'section', title: '分领导统计' }, groupTable(summary, '牵头领导', summary.byLeader));
  }
  return blocks;
}

function trendSection(trend: Trend): Block[] {
  if (trend.dates.length < 2) return [];
  const last = trend.summaries.at(-1)!;
  const countAt = (s: EvaluationSummary, code: string) => s.overall.byStatus.find((status) => status.status === code)?.count ?? 0;
  const shown: readonly StatusCount[] = last.overall.byStatus.filter((status) => trend.summaries.some((s) => countAt(s, status.status) > 0));
  const anyCancelled = trend.summaries.some((s) => s.overall.cancelled > 0);
  const blocks: Block[] = [{ kind: 'section', title: '进度变化' }];
  blocks.push({ kind: 'paragraph', content: [`按${trend.dates.map(chineseDate).join('、')}${trend.dates.length}个时点分别评估，各时点状态分布如下。`] });
  blocks.push({
    kind: 'table',
    columns: [
      { title: '截至', align: 'left' },
      { title: '合计', align: 'right' },
      ...shown.map((status) => ({ title: status.label, align: 'right' as const })),
      ...(anyCancelled ? [{ title: '取消', align: 'right' as const }] : []),
    ],
    rows: trend.summaries.map((s) => [
      { text: s.asOf },
      { text: String(s.overall.total) },
      ...shown.map((status) => ({ text: String(countAt(s, status.status)) })),
      ...(anyCancelled ? [{ text: String(s.overall.cancelled) }] : []),
    ]),
  });
  const changed = trend.tasks.filter((task) => task.changed).length;
  blocks.push({ kind: 'paragraph', content: [`${changed}项工作的状态在各时点之间发生变化。各项工作的状态：`] });
  blocks.push({
    kind: 'table',
    columns: [{ title: '任务', align: 'left' }, ...trend.dates.map((date) => ({ title: date, align: 'left' as const })), { title: '变化', align: 'left' }],
    rows: trend.tasks.map((task, i) => [
      { text: listName(task.task.title) },
      ...task.points.map((point, j) => {
        const entry = trend.summaries[j]!.tasks[i]!;
        return { text: entry.cancelled ? '取消' : (point.result.label ?? '未判定'), tone: entry.tone };
      }),
      { text: task.changed ? '是' : '' },
    ]),
  });
  const series: TrendSeries[] = trend.tasks.flatMap((task, i): TrendSeries[] => {
    const { target } = task.task;
    const tone = last.tasks[i]!.tone;
    const base = { taskId: task.task.id, title: listName(task.task.title), dates: trend.dates, tone };
    if (target.kind === 'rate') {
      if (task.points.every((point) => point.result.facts.value === null)) return [];
      return [
        {
          ...base,
          mode: 'rate',
          unit: target.unit,
          actual: task.points.map((point) => point.result.facts.value),
          expected: task.points.map(() => target.value),
        },
      ];
    }
    if (target.kind === 'binary') return [];
    if (task.points.every((point) => point.result.facts.progress === null)) return [];
    return [
      {
        ...base,
        mode: 'progress',
        unit: '',
        actual: task.points.map((point) => point.result.facts.progress),
        expected: task.points.map((point) => point.result.facts.expected),
      },
    ];
  });
  if (series.length > 0) {
    blocks.push({ kind: 'subheading', text: '各项量化工作实际与序时进度', htmlOnly: true });
    blocks.push({ kind: 'paragraph', htmlOnly: true, content: ['实线为实际（完成进度，比率类为实际值），虚线为序时进度（比率类为目标值）。'] });
    blocks.push({ kind: 'chart', htmlOnly: true, chart: { type: 'trend-lines', series } });
  }
  return blocks;
}

/** Builds the bulletin of the latest summary of a trend, in the structure of seeds 000 and 001. */
export function buildBulletin(plan: Plan, trend: Trend, options: DocumentOptions = {}): BulletinDocument {
  const summary = trend.summaries.at(-1)!;
  const issuer = options.issuer ?? plan.issuer;
  const rounding = options.rounding ?? 'half-up';
  const dates = trend.dates.length > 1 ? `${chineseDate(trend.dates[0]!)}至${chineseDate(summary.asOf)}` : `截至${chineseDate(summary.asOf)}`;
  return {
    title: options.title ?? `${fullWidth(plan.title)}落实情况通报`,
    meta: dates,
    blocks: [
      ...overview(plan, summary),
      ...indicatorsSection(summary, rounding),
      ...attentionSection(summary),
      ...progressSection(summary),
      ...groupSections(summary, rounding),
      ...trendSection(trend),
    ],
    signature: issuer === undefined || issuer === '' ? null : { issuer: fullWidth(issuer), date: chineseDate(options.date ?? summary.asOf) },
    rounding,
  };
}
