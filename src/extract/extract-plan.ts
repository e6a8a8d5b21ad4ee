import { DubanError, type DubanIssue } from '../errors.js';
import { isCalendarDate, type CalendarDate } from '../model/calendar-date.js';
import { compareDecimals, parseDecimal, type DecimalString } from '../model/decimal.js';
import { safeParsePlan } from '../model/parse-input.js';
import type { Category, Observation, Owners, Plan, Target, Task } from '../model/types.js';
import { unitConversionExponent } from '../model/units.js';
import { MAX_TASKS } from '../model/limits.js';
import { factsOf as computeFacts } from '../pace/compute-facts.js';
import { abs, compare, fraction, fromDecimal, mul, sub, type Fraction } from '../pace/fraction.js';
import { deadlineIn, endOfMonth, labelledDeadlineIn, periodMentions, reportDateIn } from './dates.js';
import { countBefore, readLayout, type Scope, type Sentence, type Span } from './document.js';
import { COUNT_CLASSIFIERS, REPORT_MARKERS, REPORT_OPENERS } from './lexicon.js';
import { normalizeText } from './normalize-text.js';
import { findQuantities } from './quantity.js';
import { readOwners, responsibleIn, subjectOwner, type FoundOwners } from './owners.js';
import { readTables, readTaskTableOwners, TABLE_ROW_NOTE } from './tables.js';
import { readCompletionRates } from './read-rates.js';
import { readCountsDone, readRatesThenTargets, readSharesOfStated, readShortfall, verdictList } from './read-shortfall.js';
import { namedTarget, pairedHeads, statedThenDone, statedYearTask, taskHeadSpans } from './stated-tasks.js';
import {
  baseUnit,
  figureFor,
  plainTarget,
  readSentence,
  reportsDone,
  type PastCarry,
  type FoundFigure,
  type FoundTarget,
  type ReadContext,
  type ReadNote,
} from './read-clauses.js';
import type { ReviewCode } from './review-codes.js';
import { wordIndex } from './words.js';

/**
 * The kinds of source document `extractPlan` reads: a 《政府工作报告》
 * (`report`), a 任务分解 notice (`decomposition`) or a 督查通报 (`bulletin`).
 *
 * @example
 * ```ts
 * extractPlan(text, { kind: DOCUMENT_KINDS[2] }); // read as a bulletin
 * ```
 * @category Extract
 */
export const DOCUMENT_KINDS = ['report', 'decomposition', 'bulletin'] as const;

/**
 * A kind of source document: `report` (政府工作报告: targets from the plan
 * year's part, the review of last year skipped), `decomposition` (任务分解:
 * every numbered task, with its 责任单位) or `bulletin` (督查通报: targets and
 * the figures reported against them, as observations).
 *
 * @category Extract
 */
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/**
 * Where in the source text something was read: the sentence and its offsets.
 * Offsets count UTF-16 code units, as JavaScript's `String.prototype.slice`
 * does, so `text.slice(start, end) === sentence`. A sentence longer than 400
 * characters is given as the 400-character window of it around what was read.
 *
 * @category Extract
 */
export interface SourceSpan {
  /** The sentence, exactly as in the text. */
  readonly sentence: string;
  /** Offset of its first character in the text. */
  readonly start: number;
  /** Offset after its last character. */
  readonly end: number;
}

/**
 * A sentence an analyst should check: it looks like a target but could not be
 * read, or what was read disagrees with itself.
 *
 * @category Extract
 */
export interface ReviewItem extends SourceSpan {
  /** Why, for programs. */
  readonly code: ReviewCode;
  /** Why, for people (Chinese). */
  readonly message: string;
  /** The 1-based line of the text the sentence starts on. */
  readonly line: number;
}

/**
 * The tolerance given to targets read from "左右" (about).
 *
 * @category Extract
 */
export interface AboutToleranceOptions {
  /** For `%` and `个百分点`: points either way, default `"0.5"` (增长7%左右 → 6.5 to 7.5). */
  readonly points?: DecimalString;
  /** For other units: the share of the value either way, default `"0.05"` (100万吨左右 → 95 to 105). */
  readonly share?: DecimalString;
}

/**
 * Options of {@link extractPlan}.
 *
 * @category Extract
 */
export interface ExtractOptions {
  /** The kind of document, when detection from the title and text is not wanted. */
  readonly kind?: DocumentKind;
  /** The plan's year, when the title and text do not give it. */
  readonly year?: number;
  /** The plan's as-of date; for a bulletin also the date of its figures (default: the period in its title, e.g. 一季度 → 03-31). */
  readonly asOf?: CalendarDate;
  /** The plan id (default `extracted-YEAR`). */
  readonly id?: string;
  /** The plan title (default: the document's title line). */
  readonly title?: string;
  /** The tolerance of "左右" targets. */
  readonly aboutTolerance?: AboutToleranceOptions;
  /** Whether numbered tasks with no number become `binary` tasks (default: true for a `decomposition`, false otherwise). */
  readonly qualitativeTasks?: boolean;
}

/**
 * What {@link extractPlan} returns.
 *
 * @category Extract
 */
export interface ExtractionResult {
  /** The drafted plan (format version 1): every task carries `x-source`, the review list is under `x-review`. */
  readonly plan: Plan;
  /** The sentences to check, also in `plan['x-review']`. */
  readonly review: readonly ReviewItem[];
  /** The kind of document read. */
  readonly kind: DocumentKind;
}

/** A sentence longer than this is quoted as a window of it around what was read (the offsets still slice it out). */
const MAX_SOURCE = 400;

/** The source of something read at `focus` in `sentence`: the sentence, or a window of it when it is very long. */
function sourceOf(original: string, sentence: Span, focus: number): SourceSpan {
  let { start, end } = sentence;
  if (end - start > MAX_SOURCE) {
    start = Math.max(start, Math.min(focus - 150, end - MAX_SOURCE));
    end = Math.min(end, start + MAX_SOURCE);
  }
  return { sentence: original.slice(start, end), start, end };
}

const DEFAULT_POINTS = '0.5';
const DEFAULT_SHARE = '0.05';
const OPENERS = wordIndex(REPORT_OPENERS);
const MARKERS = wordIndex(REPORT_MARKERS);

/** The score two measures need to be paired (character overlap, 0 to 1). */
const PAIR_THRESHOLD = 0.4;
/** The score enough when only one target of the scope has a compatible unit. */
const PAIR_THRESHOLD_UNIQUE = 0.25;
/** Pairing considers at most this many targets per figure, the nearest before it, so the work stays linear. */
const PAIR_WINDOW = 60;

function lineOf(offset: number, lineStarts: readonly number[]): number {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lineStarts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return low + 1;
}

const TITLE_WORDS = /报告|通报|情况|通知|意见|分解|分工|方案|公告|安排|公示|责任制|目标|简讯|快报|月报|进度|落实/u;
const NOT_TITLE = /^(?:发布|来源|当前位置|索引|信息|文\s*号|日期|时间|编辑|首页)/u;

/** The line starting at `start`: where its text begins and ends without surrounding white space, and where the line ends. */
function trimmedLine(text: string, start: number): { s: number; e: number; end: number } {
  let end = text.indexOf('\n', start);
  if (end < 0) end = text.length;
  let s = start;
  let e = end;
  while (s < e && /\s/u.test(text[s]!)) s++;
  while (e > s && /\s/u.test(text[e - 1]!)) e--;
  return { s, e, end };
}

function titleLine(text: string): Span | undefined {
  let start = 0;
  for (let n = 0; n < 15 && start < text.length; n++) {
    const { s, end } = trimmedLine(text, start);
    let { e } = trimmedLine(text, start);
    // 临沂市…推进情况表(1-9月份) |: a table's title line, closed by the bar of its cell.
    while (e > s && /[\s|]/u.test(text[e - 1]!)) e--;
    const line = text.slice(s, e);
    // 一、2019年国民经济和社会发展计划执行情况 is a section heading, not the document's title.
    if (
      line.length >= 4 &&
      line.length <= 100 &&
      !/[|>。,]/u.test(line) &&
      !NOT_TITLE.test(line) &&
      !/^[一二三四五六七八九十]{1,3}、/u.test(line) &&
      TITLE_WORDS.test(line)
    ) {
      // 关于分解落实2019年市政府工作报告 / 主要目标任务的通知: a title broken over two lines ends on the second.
      const next = trimmedLine(text, end + 1);
      const rest = text.slice(next.s, next.e);
      if (
        end < text.length &&
        rest.length <= 40 &&
        !/[|>。,,]/u.test(rest) &&
        /(?:通知|意见|方案|决定|办法)$/u.test(rest) &&
        !/(?:通知|意见|方案)$/u.test(line)
      )
        return { start: s, end: next.e };
      return { start: s, end: e };
    }
    start = end + 1;
  }
  return undefined;
}

/** A title that reports progress: 通报, 落实情况, a period (第一季度, 上半年, 1—9月, 前三季度). */
const BULLETIN_TITLE =
  /完成情况|落实情况|进展情况|执行情况|推进情况|通报|督查|进度|公示|[一二三四1-4]季度|上半年|[1一][-—–~至][0-9一二三四五六七八九十]{1,2}月|前[0-9一二三四五六七八九十]{1,2}个?月|[0-9]{1,2}月份/u;
/** A title that assigns work: 分解, 分工, 目标责任制, 下达…任务, 明确…重点工作责任单位, 任务清单, 关于落实…目标任务的通知. */
const DECOMPOSITION_TITLE =
  /分解|分工|责任制|下达|责任单位|目标责任|任务清单|责任清单|(?:目标任务|重点工作|工作任务)[^。\n]{0,6}?(?:落实)?的?(?:通知|方案|意见)$/u;
/** Body words of a progress report: what was checked against expected progress. */
const BULLETIN_BODY =
  /(?:落实|完成|进展|推进)情况(?:进行了|通报如下|汇报如下|报告如下|的通报)|现将[^。\n]{0,30}进度通报如下|计划进度[^\n]{0,30}实际进度|序时进度|时序进度|欠进度|超进度|时间进度|均衡进度|[1一元][-—–~至][0-9一二三四五六七八九十]{1,2}月份?[,,]?(?:全[市县区]|我[市县区])?(?:累计)?(?:完成|实现)|占年度(?:目标|计划)|(?:占|为|完成)(?:年度|全年|年)(?:投资)?(?:计划|目标)的?[0-9]|^[^\n]{0,40}截至[0-9一二三四五六七八九十]{1,2}月(?:底|末)[,,]已有/u;
/**
 * A line opening with the period its figures cover, after a news lead if any (1-9月份, / 2019年1-2月, /
 * 1月1日-9月4日, / 本报讯 (记者…)今年前三季度, / 截至5月底,): a progress report.
 */
const PERIOD_LINE =
  /(?:^|\n)[ \t\u3000]*(?:[^\n,。]{0,30}(?:讯|获悉|了解到)[ \t\u3000]*(?:\([^)\n]{0,30}\))?[,,]?)?(?:今年|本年)?(?:(?:(?:19|20)\d{2}年)?[1一][-—–~至][0-9一二三四五六七八九十]{1,2}月份?|(?:19|20)\d{2}年[0-9]{1,2}月份?|1月1日[-—–~至][0-9]{1,2}月[0-9]{1,2}日|前三季度|上半年|第?[一二三1-3]季度|前[0-9一二三四五六七八九十]{1,2}个?月|截至[0-9一二三四五六七八九十]{1,2}月(?:底|末|[0-9]{1,2}日))(?:[,,]|(?<=[底末日])(?=[全我][省市县区州]))/u;
/**
 * A sentence opening with the period its figures cover, after at most a short lead clause (前三季度全区实现… /
 * 初步统计,前三季度蔬菜产量增长… / 根据地区生产总值统一核算结果,前三季度,…): a statistical release of the period's
 * figures, read as a progress report. A year before the period (2024年上半年) is a report's review, not this.
 */
const PERIOD_SENTENCE =
  /(?:^|[\n。;;])[ \t\u3000]*(?:[^\n,,。;;0-9年]{2,20}[,,])?(?:前三季度|上半年|第?[一二三1-3]季度|[1一][-—–~至][0-9一二三四五六七八九十]{1,2}月份?)(?:[,,]|全[市县区省州]|我[市县区省州])?[^\n。;;]{0,40}?(?:增长|下降)[0-9]/u;
/** A report's review of a year: 2019年是…(的一年|周年)。一年来, 回顾了2019年(的)?工作. */
const REVIEW_OF_YEAR = /((?:19|20)\d{2})年是[^。\n]{2,40}(?:的一年|周年)[^。\n]{0,4}[。,][^。\n]{0,6}(?:一年来|过去一年)|回顾(?:了|过去的)?((?:19|20)\d{2})年/u;
/** News of the people's congress in session: 【两会扫描】, 人民代表大会第二次会议……召开/开幕. */
const CONGRESS_NEWS = /两会(?:扫描|观察|特刊|专题|聚焦)|人民代表大会第[一二三四五六七八九十]{1,3}次会议[^。\n]{0,40}(?:召开|开幕|隆重举行)/u;
/** A line opening with the date its work is reported done by: 截止2019年12月31日,……全面完成 / 截至9月底,已…… */
const DONE_AS_OF = /(?:^|\n)[ \t\u3000]*截[至止](?:(?:19|20)\d{2}年)?[0-9]{1,2}月(?:底|末|[0-9]{1,2}日)[,,][^\n]{0,80}?(?:已|完成)/u;
/** The header of a progress table: a column of the plan's progress and one of what was done (8月计划进度 | 实际进度情况). */
const PROGRESS_TABLE = /计划进度[^\n]{0,30}实际进度/u;

/** Whether `at` lies past the first `|` of its line (ignoring the blanks and bars it opens with): a later cell of a table row. */
function afterFirstCell(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  let from = at;
  while (from < text.length && (text[from] === ' ' || text[from] === '|' || text[from] === '\u3000')) from++;
  const bar = text.indexOf('|', lineStart);
  return bar >= 0 && bar < from && /[^\s|]/u.test(text.slice(lineStart, bar));
}

/** A cell of a table written one cell per line: its text's span. */
interface Cell {
  readonly start: number;
  readonly end: number;
}

/** The rows of a table written one cell per line: the cell of what is to be done, the other cells, and the lead unit's cell. */
interface CellRow {
  readonly content: Cell;
  readonly others: readonly Cell[];
  readonly owner: string | undefined;
}

const CONTENT_HEADER = /^(?:项目内容|工作任务|目标任务|任务内容|建设内容|工作内容)$/u;
// 1-9月份工作情况: a progress column may name its period.
const PROGRESS_HEADER =
  /^(?:[0-9一二三四五六七八九十至—–~-]{1,8}月份?|[一二三四1-4]季度|上半年)?(?:当前进度|进展情况|完成情况|实际进度|进度情况|工作进度|工作情况)$/u;
const OWNER_HEADER = /^(?:牵头单位|责任单位)$/u;

/**
 * A table written one cell per line (序号 / 项目内容 / 当前进度 / 牵头单位 / 备注, then 1 / 新建公办园5所。 / 80% /
 * 县教育局 / …): the header names a content column and a progress column; each row runs from its number to the
 * next. The content cell holds the row's targets, the lead unit's cell its owner, the other cells report.
 */
function cellTable(text: string): CellRow[] {
  const lines: Cell[] = [];
  for (let start = 0; start < text.length;) {
    const { s, end } = trimmedLine(text, start);
    let { e } = trimmedLine(text, start);
    // 工作任务 |: a cell closed by its bar.
    while (e > s && /[\s|]/u.test(text[e - 1]!)) e--;
    if (e > s) lines.push({ start: s, end: e });
    start = end + 1;
  }
  const cell = (c: Cell) => text.slice(c.start, c.end);
  for (let i = 0; i < lines.length; i++) {
    if (cell(lines[i]!) !== '序号' && cell(lines[i]!) !== '编号') continue;
    const header: string[] = [];
    for (let j = i + 1; j < lines.length && header.length < 8 && !/^[0-9]+$/u.test(cell(lines[j]!)); j++)
      // 一、加强特殊困难群体关爱服务保障: a category row before the first row, not a column.
      if (!/^[一二三四五六七八九十]{1,3}、/u.test(cell(lines[j]!))) header.push(cell(lines[j]!));
      else header.push('');
    const content = header.findIndex((h) => CONTENT_HEADER.test(h));
    if (content < 0 || !header.some((h) => PROGRESS_HEADER.test(h))) continue;
    const owner = header.findIndex((h) => OWNER_HEADER.test(h));
    const rows: CellRow[] = [];
    let at = i + 1 + header.length;
    for (let n = 1; at < lines.length && cell(lines[at]!) === String(n); n++) {
      let next = at + 1;
      while (next < lines.length && cell(lines[next]!) !== String(n + 1)) next++;
      const cells = lines.slice(at + 1, next);
      if (cells[content] !== undefined)
        rows.push({
          content: cells[content],
          others: cells.filter((_, k) => k !== content),
          owner: owner >= 0 && cells[owner] !== undefined ? cell(cells[owner]) : undefined,
        });
      at = next;
    }
    return rows;
  }
  return [];
}

/** The clauses of `sentence` within `[start, end)`, cut at the ends; undefined when none is left. */
function clipSentence(sentence: Sentence, start: number, end: number): Sentence | undefined {
  const clauses = sentence.clauses
    .filter((c) => c.end > start && c.start < end)
    .map((c) => ({ start: Math.max(c.start, start), end: Math.min(c.end, end) }))
    .filter((c) => c.end > c.start);
  if (clauses.length === 0) return undefined;
  return { start: clauses[0]!.start, end: clauses[clauses.length - 1]!.end, clauses };
}

/** Body words of a decomposition: who carries out what. */
const DECOMPOSITION_BODY = /负责落实|牵头单位|责任分解|任务分解|分工方案|分解下达|目标责任制|分解到|[((][^()()\n]{2,80}牵头[;;,,][^()()\n]{2,300}配合[))]/u;

/**
 * The kind of a document, from its title and its opening text together: a title
 * naming a progress report (通报, 落实情况, 第一季度) makes a bulletin even when
 * its items name 责任单位; with no such title, the opening text decides.
 */
function detectKind(text: string, title: string): DocumentKind {
  // 2020年…计划执行情况及2021年…计划草案的报告: the plan report to the people's congress, though its title names the past year's 执行情况.
  if (/(?:计划草案|工作报告)(?:的报告)?$/u.test(title)) return 'report';
  // 关于下达金乡县2021年国民经济和社会发展计划的通知: the notice carries the year's plan itself, not a division of work.
  if (/国民经济和社会发展计划的通知$/u.test(title)) return 'report';
  if (BULLETIN_TITLE.test(title) && !/分解|分工/u.test(title)) return 'bulletin';
  if (DECOMPOSITION_TITLE.test(title)) return 'decomposition';
  if (/工作报告$|计划$|计划草案|预期目标/u.test(title)) return 'report';
  // 各位代表: a speech to the people's congress (a work or plan report), whatever progress it recounts.
  if (/各位代表[::]/u.test(text.slice(0, 300))) return 'report';
  // 【两会扫描】, 市第五届人民代表大会第二次会议……召开: news of the people's congress, reporting its work report.
  if (CONGRESS_NEWS.test(title) || CONGRESS_NEWS.test(text.slice(0, 1500))) return 'report';
  const head = text.slice(0, 3000);
  if (BULLETIN_BODY.test(head) || pairedHeads(head) || PERIOD_LINE.test(head) || PERIOD_SENTENCE.test(head) || DONE_AS_OF.test(head)) return 'bulletin';
  let owners = 0;
  for (let at = text.indexOf('责任单位'); at >= 0 && owners < 3; at = text.indexOf('责任单位', at + 4)) owners++;
  if (owners >= 3 || DECOMPOSITION_BODY.test(head)) return 'decomposition';
  return 'report';
}

interface YearFound {
  readonly year: number;
  readonly published: CalendarDate | undefined;
}

/** The latest year named in `text` (2019年), not counting horizons (到2025年) and ranges (2021—2025年). */
function latestYear(text: string): number | undefined {
  let latest: number | undefined;
  for (const match of text.matchAll(/((?:19|20)\d{2})年/gu)) {
    const before = text[match.index - 1] ?? '';
    // 到2025年, 2021—2025年, 将于2018年率先…: horizons, not the year spoken of.
    if (before === '到' || before === '至' || before === '—' || before === '-' || before === '~' || before === '于') continue;
    // 2001年至2019年: the start of a range is no more the year spoken of than its end.
    if (/^[至到—\-~–](?:19|20)\d{2}年/u.test(text.slice(match.index + match[0].length, match.index + match[0].length + 6))) continue;
    // 经济总量在2020年比2010年翻一番: a goal's horizon, compared with a base year.
    if (/^(?:比|较)(?:19|20)\d{2}年/u.test(text.slice(match.index + match[0].length, match.index + match[0].length + 6))) continue;
    const year = Number(match[1]);
    if (latest === undefined || year > latest) latest = year;
  }
  return latest;
}

function detectYear(text: string, title: string): YearFound | undefined {
  const head = text.slice(0, 2000);
  const date =
    /(?:发布时间|发布日期|信息时间|成文日期|日期|时间)[::\s|]*((?:19|20)\d{2})[-年./](\d{1,2})[-月./](\d{1,2})/u.exec(head) ??
    /^[\s|]*((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日/mu.exec(head.slice(0, 300)) ??
    // A date line of a reprint: "2026-03-16 10:40:34 | 来源:…".
    /^\s*((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})(?=[\sT|])/mu.exec(head.slice(0, 1000)) ??
    // A time stamp inside a page's byline: "编辑:胡安坤2018-01-24 16:20内容来源:…".
    /((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})\s+\d{1,2}:\d{2}/u.exec(head.slice(0, 300));
  const published = date === null ? undefined : `${date[1]}-${date[2]!.padStart(2, '0')}-${date[3]!.padStart(2, '0')}`;
  const inTitle = /((?:19|20)\d{2})年/u.exec(title);
  if (inTitle !== null) return { year: Number(inTitle[1]), published };
  // 更新时间:2018-09-15 on a page whose text names only 2015年: a later repost's date, two years or more past every year the text names.
  const named = latestYear(text.slice(0, 3000));
  if (date !== null && (named === undefined || Number(date[1]) - named < 2)) return { year: Number(date[1]), published };
  const anywhere = latestYear(text.slice(0, 3000)) ?? latestYear(text.slice(0, 20_000)) ?? fiveYearPlanYear(head);
  return anywhere === undefined ? undefined : { year: anywhere, published: undefined };
}

/** Whether a report's paragraph only recounts what was done: words of completion, and none of the year ahead. */
function recountsOnly(paragraph: string): boolean {
  if (!/了|已经|已|成功|顺利/u.test(paragraph.replace(/为了|了解|除了|罢了/gu, ''))) return false;
  return !/今年|年内|全年|明年|新的一年|预期|目标|力争|确保|将|争取|(?:19|20)\d{2}\s?年/u.test(paragraph);
}

/**
 * A news headline on the first line that only restates the body (新改扩建50所中小学 建成15个重大医疗项目: no
 * sentence punctuation, every number in it found again below): its targets are the body's, read once there.
 */
function restatedHeadline(text: string): Span | undefined {
  const start = text.search(/\S/u);
  if (start < 0) return undefined;
  let end = text.indexOf('\n', start);
  if (end < 0) return undefined;
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  const line = text.slice(start, end);
  if (line.length > 60 || /[。,,;;::]/u.test(line)) return undefined;
  const numbers = line.match(/[0-9]+(?:\.[0-9]+)?/gu);
  if (numbers === null) return undefined;
  const body = text.slice(end, end + 20_000);
  return numbers.every((n) => body.includes(n)) ? { start, end } : undefined;
}

/**
 * The year a text names only through the five-year plan it falls in: 今年是“十四五”规划收官之年 (2025),
 * “十三五”开局之年 (2016). A calendar fact, not a guess: 十一五 is 2006–2010, each plan five years on.
 */
function fiveYearPlanYear(head: string): number | undefined {
  const match = /十([一二三四五六七八九])五[”"’]?(?:规划)?的?(收官之年|最后一年|开局之年|第一年|起步之年)/u.exec(head);
  if (match === null) return undefined;
  const start = 2006 + 5 * '一二三四五六七八九'.indexOf(match[1]!);
  return /收官|最后/u.test(match[2]!) ? start + 4 : start;
}

/**
 * The year a report's title says was completed (2021年 全县…目标任务高质量全面完成, 2024年成绩单), when the
 * text also names the year after it (the year the report is for); otherwise undefined.
 */
function reviewTitle(title: string, head: string): number | undefined {
  const done = /((?:19|20)\d{2})年[^。\n]{0,40}(?:全面完成|圆满完成|超额完成|成绩单|回顾|取得)/u.exec(title);
  if (done === null) return undefined;
  const year = Number(done[1]);
  return head.includes(`${year + 1}年`) ? year : undefined;
}

/** The core of a measure, for telling a restatement: without 全市, 全社会, 完成, 同口径, 比上年 and the like. */
function coreMeasure(measure: string): string {
  return measure.replace(/^(?:全市|全县|全区|全社会|全年|完成|实现)+/u, '').replace(/同口径|比上年|较上年/gu, '');
}

/** Whether `found` (its target `target`) restates, in another sentence of the same numbered task, the target of an earlier draft. */
/** How many earlier drafts of the same task and quantity a target is compared with to tell a restatement. */
const RESTATE_REACH = 8;

function restates(draft: Draft, found: FoundTarget, target: Target): boolean {
  const sameTask = draft.scope === found.scope || (draft.scope.item !== undefined && draft.scope.item === found.scope.item);
  if (!sameTask || draft.sentence.start === found.sentence.start) return false;
  const earlier = draft.target;
  if (earlier.kind !== target.kind || !('value' in earlier) || !('value' in target)) return false;
  if (earlier.unit !== target.unit || compareDecimals(earlier.value, target.value) !== 0) return false;
  if (earlier.kind === 'rate' && target.kind === 'rate' && earlier.bound !== target.bound) return false;
  const a = coreMeasure(earlier.measure);
  const b = coreMeasure(target.measure);
  return a.length > 0 && b.length > 0 && (a.includes(b) || b.includes(a));
}

function categoryOf(scope: Scope): { id: string; title: string } | undefined {
  const { section, subsection } = scope;
  if (subsection !== undefined) return { id: `${section?.number ?? 0}.${subsection.number}`, title: subsection.title };
  if (section !== undefined) return { id: String(section.number), title: section.title };
  return undefined;
}

function isPast(scope: Scope, year: number): boolean {
  const title = scope.section?.title ?? '';
  if (/回顾|过去|去年/u.test(title)) return true;
  const mentioned = /((?:19|20)\d{2})年/u.exec(title);
  return mentioned !== null && Number(mentioned[1]) < year;
}

function charDice(a: string, b: string): number {
  const clean = (s: string) => s.replace(/[\s“”"'、,()《》:;*的]/gu, '');
  const x = clean(a);
  const y = clean(b);
  if (x.length === 0 || y.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const c of x) counts.set(c, (counts.get(c) ?? 0) + 1);
  let common = 0;
  for (const c of y) {
    const n = counts.get(c) ?? 0;
    if (n > 0) {
      common++;
      counts.set(c, n - 1);
    }
  }
  return (2 * common) / (x.length + y.length);
}

/** The numbers and Latin tokens a measure names (10亿元以上项目 → 10; PM2.5 → PM2.5): two measures naming different ones differ. */
function tokens(measure: string): string {
  const normal = measure.replace(/(^|[^\d.])([万亿]元)/gu, '$11$2');
  return (normal.match(/[A-Za-z]+[\d.]*|\d+(?:\.\d+)?/gu) ?? []).sort().join(' ');
}

function unitsMatch(figure: string, target: string): 'same' | 'classifier' | undefined {
  if (unitConversionExponent(figure, target) !== undefined) return 'same';
  if (COUNT_CLASSIFIERS.has(baseUnit(figure)) && COUNT_CLASSIFIERS.has(baseUnit(target)) && baseUnit(figure) === figure && baseUnit(target) === target)
    return 'classifier';
  return undefined;
}

function stagesMatch(figure: string | undefined, target: string | undefined): boolean {
  if (figure === undefined || target === undefined) return true;
  return figure.startsWith(target) || target.startsWith(figure);
}

const percent = (value: Fraction): Fraction => mul(value, fraction(100n));

function decimalsOf(value: DecimalString): number {
  const point = value.indexOf('.');
  return point < 0 ? 0 : value.length - point - 1;
}

/** A fraction written with `digits` decimals, rounded half-even. */
function fixed(value: Fraction, digits: number): string {
  const scale = 10n ** BigInt(digits);
  const scaled = value.n * scale;
  let q = scaled / value.d;
  const r = scaled % value.d;
  const twice = 2n * (r < 0n ? -r : r);
  if (twice > value.d || (twice === value.d && q % 2n !== 0n)) q += scaled < 0n ? -1n : 1n;
  const negative = q < 0n;
  const digitsText = (negative ? -q : q).toString().padStart(digits + 1, '0');
  const text = digits === 0 ? digitsText : `${digitsText.slice(0, -digits)}.${digitsText.slice(-digits)}`;
  return negative ? `-${text}` : text;
}

interface Draft {
  readonly found: FoundTarget | undefined;
  readonly at: number;
  readonly scope: Scope;
  readonly sentence: Span;
  readonly title: string;
  readonly target: Target;
  readonly observation: FoundFigure | undefined;
  readonly notes: string[];
  readonly owners: FoundOwners | undefined;
  readonly deadline: CalendarDate | undefined;
}

/**
 * Drafts a plan (format version 1) from the text of a 《政府工作报告》, a 任务分解
 * notice or a 督查通报: numbered categories and tasks, targets read from
 * phrases such as 增长6.5%, 控制在3.5%以内, 新增就业1.6万人, 达到220家,
 * owners from (责任单位:…), leaders from 由X副市长牵头, deadlines such as
 * 9月底前, and, in a bulletin, the reported figures as observations dated at
 * the bulletin's period (一季度 → 03-31). Every task carries `x-source` (the
 * sentence and its offsets); sentences that look like targets but could not
 * be read, and stated shares that disagree with the arithmetic, are returned
 * as the review list. The result is a draft for an analyst to check: see
 * docs/extract.md for what is read and what is not. Deterministic and linear
 * in the length of the text.
 *
 * @param text - the document's text (already decoded; the CLI decodes UTF-8 or GB18030)
 * @param options - the document kind, year, as-of date, id, title and the tolerance of 左右
 * @returns the plan, the review list and the kind of document read
 * @throws {@link DubanError} `INVALID_OPTION` when an option is invalid or the year cannot be found (pass `year`)
 * @example
 * ```ts
 * const { plan, review } = extractPlan('全市经济发展的主要预期目标是:地区生产总值增长6.5%。', { year: 2017 });
 * plan.tasks[0]?.target; // { kind: 'rate', measure: '地区生产总值增长', unit: '%', value: '6.5', bound: 'atLeast' }
 * ```
 * @category Extract
 */
export function extractPlan(text: string, options: ExtractOptions = {}): ExtractionResult {
  if (typeof text !== 'string')
    throw new DubanError('INVALID_OPTION', 'extractPlan takes the document as text', {
      issues: [
        {
          code: 'invalid_type',
          path: 'text',
          keys: ['text'],
          message: `expected a string, got ${text === null ? 'null' : Array.isArray(text) ? 'an array' : typeof text}`,
        },
      ],
    });
  if (options === null || options === undefined) options = {};
  if (typeof options !== 'object' || Array.isArray(options))
    throw new DubanError('INVALID_OPTION', 'options must be an object', {
      issues: [
        {
          code: 'invalid_type',
          path: 'options',
          keys: ['options'],
          message: `expected an object, got ${Array.isArray(options) ? 'an array' : typeof options}`,
        },
      ],
    });
  checkExtractOptions(options);
  const normal = normalizeText(text);
  const titleSpan = titleLine(normal);
  const titleText = titleSpan === undefined ? '' : normal.slice(titleSpan.start, titleSpan.end);
  const kind = options.kind ?? detectKind(normal, titleText);
  let found = options.year === undefined ? detectYear(normal, titleText) : { year: options.year, published: undefined };
  // ——2016年1月29日在天长市第十五届人民代表大会第六次会议上: a report is made for the year it is delivered in (December: the next year), whatever its page title says.
  const delivered =
    kind === 'report' && options.year === undefined
      ? // The date may be spaced (—— 2013 年 1 月 16 日在…) and the line may break before 人民代表大会.
        /((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*\d{1,2}\s*日\s*在[^。\n]{0,30}\n?[^。\n]{0,20}人民代表大会/u.exec(normal.slice(0, 3000))
      : null;
  if (delivered !== null) found = { year: Number(delivered[1]) + (Number(delivered[2]) >= 11 ? 1 : 0), published: found?.published };
  else if (found !== undefined && options.year === undefined && kind === 'report' && reviewTitle(titleText, normal.slice(0, 3000)) === found.year)
    // 《政府工作报告》摘要:2021年 全县经济社会发展各项目标任务高质量全面完成, and 2022年的主要工作 in the text: the report is the next year's.
    found = { year: found.year + 1, published: found.published };
  else if (found !== undefined && options.year === undefined && kind !== 'bulletin' && !/((?:19|20)\d{2})年/u.test(titleText)) {
    const head = normal.slice(0, 3000);
    // 对32项…指标进行了分析和2021年度目标设定 (a page dated 2022), 2018年发展的主要预期目标, 对2018年政府工作的建议: the year the targets are for, over the page's date.
    const targetsFor = /((?:19|20)\d{2})年度?(?:(?:经济社会)?发展的?)?(?:目标|主要预期目标|预期目标|重点工作|工作任务|计划|政府工作(?:任务|的建议))/u.exec(
      head,
    );
    // 一、2024年工作回顾, 2024年……成绩单, 2016年,全市生产总值达到3157.7亿元 and no later year: a report for the year after.
    const reviewed =
      kind === 'report'
        ? // 2024年国民经济和社会发展计划执行情况 (a plan report's first part), 2015年,…全面完成…确定的主要预期目标: the past year's results too.
          /((?:19|20)\d{2})年(?:工作回顾|[^。\n]{0,40}成绩单|[,,](?:全市|全县|全区|全省|全国|我市|我县|我区)[^。\n,,;;]{0,12}?(?:达到|完成|实现)[0-9]|(?:国民经济和社会发展)?计划执行情况|[,,][^。\n]{0,120}?(?:全面|圆满|超额|较好(?:地|的)?)完成了?[^。\n]{0,20}?确定的[^。\n]{0,10}?目标)/u.exec(
            head,
          )
        : null;
    if (targetsFor !== null) found = { year: Number(targetsFor[1]), published: found.published };
    else if (reviewed !== null && Number(reviewed[1]) === found.year) found = { year: found.year + 1, published: found.published };
    // 2019年是新中国成立70周年。一年来,… / 市长回顾了2019年的工作: a review of the latest year named, the report being the next year's.
    // Not when the text speaks of the year ahead (今年, 2020年是…收官之年 with 2020年主要预期目标).
    else if (
      kind === 'report' &&
      REVIEW_OF_YEAR.exec(head)
        ?.slice(1)
        .find((y) => y !== undefined) === String(found.year) &&
      !/今年|新的一年|(?:19|20)\d{2}年(?:的)?(?:工作安排|主要目标|主要预期目标|预期目标|重点工作|工作任务|目标任务)/u.test(head)
    )
      found = { year: found.year + 1, published: found.published };
  }
  if (found === undefined) {
    throw new DubanError(
      'INVALID_OPTION',
      '找不到文件的年度:文中没有“2018年”这样的年份,请给出年度(year 选项,命令行 --year)。 / cannot find the year of the document: the text names no year (such as 2018年); pass the year (option year, --year).',
      {
        issues: [
          {
            code: 'required',
            path: 'options.year',
            keys: ['options', 'year'],
            message: '文中没有年份,请给出年度。 / the text names no year (such as 2018年); pass the year',
          },
        ],
      },
    );
  }
  let year = found.year;
  let asOf = options.asOf;
  if (asOf === undefined && kind === 'bulletin') {
    asOf = periodMentions(titleText, 0, titleText.length, year)[0]?.date;
    if (asOf !== undefined && options.year === undefined && found.published !== undefined && asOf > found.published && !/((?:19|20)\d{2})年/u.test(titleText)) {
      year -= 1;
      asOf = periodMentions(titleText, 0, titleText.length, year)[0]?.date;
    }
    // A title naming one month (2023年10月份) dates the bulletin at that month's end.
    const month = /(?:^|[^0-9])([0-9]{1,2})月份/u.exec(titleText);
    if (asOf === undefined && month !== null && Number(month[1]) >= 1 && Number(month[1]) <= 12) asOf = endOfMonth(year, Number(month[1]));
    // A progress table's column 8月计划进度 (against 实际进度) dates its figures at that month's end.
    const column = /(?:^|[^0-9])([0-9]{1,2})月(?:份)?计划进度[^\n]{0,30}实际进度/u.exec(normal.slice(0, 3000));
    if (asOf === undefined && column !== null && Number(column[1]) >= 1 && Number(column[1]) <= 12) asOf = endOfMonth(year, Number(column[1]));
    asOf ??= periodMentions(normal, 0, Math.min(normal.length, 5000), year)[0]?.date ?? found.published;
    if (asOf === undefined) {
      throw new DubanError(
        'INVALID_OPTION',
        '找不到通报的数据日期:标题和正文都没有写期间(一季度、上半年、1-6月),请给出数据日期(asOf 选项,命令行 --as-of)。 / cannot find the reporting date of the bulletin: the title names no period (一季度, 上半年, 1-6月); pass asOf (--as-of).',
        {
          issues: [
            {
              code: 'required',
              path: 'options.asOf',
              keys: ['options', 'asOf'],
              message: '标题没有写期间,请给出数据日期。 / the title names no period (一季度, 上半年, 1-6月); pass asOf',
            },
          ],
        },
      );
    }
  }
  const about = { points: options.aboutTolerance?.points ?? DEFAULT_POINTS, share: options.aboutTolerance?.share ?? DEFAULT_SHARE };
  const context: ReadContext = { text: normal, year, about, targets: [], figures: [], notes: [] };
  const layout = readLayout(normal);
  const ownersByScope = new Map<Scope, FoundOwners>();
  const ownersBySentence = new Map<number, FoundOwners>();
  const progressTable = kind === 'bulletin' && PROGRESS_TABLE.test(normal.slice(0, 3000));
  // 任务目标:……进展情况:……: what follows each 任务目标: states the tasks.
  const taskSpans = kind === 'bulletin' ? taskHeadSpans(normal) : [];
  const cellRows = kind === 'bulletin' ? cellTable(normal) : [];

  // ■ 2024年成绩单 … ■ 2025年主要预期目标: a short line naming an earlier year's results opens a part about the past, one naming the plan year closes it.
  let pastPart = false;
  // ●2023年广东地区生产总值达到13.57万亿元…; / ●广州经济总量突破3万亿元;: a bulleted item continues the past results of the item before it with the same bullet.
  let bulletPast: string | undefined;
  const headline = kind === 'report' ? restatedHeadline(normal) : undefined;
  for (const scope of layout.scopes) {
    if (titleSpan !== undefined && scope.start >= titleSpan.start && scope.end <= titleSpan.end) continue;
    if (headline !== undefined && scope.start >= headline.start && scope.end <= headline.end) continue;
    const bullet = kind === 'report' ? /^\s*([●◆■▲•★◇])/u.exec(normal.slice(scope.start, scope.end))?.[1] : undefined;
    const inherited = bullet !== undefined && bullet === bulletPast;
    bulletPast = undefined;
    if (kind === 'report') {
      const line = normal.slice(scope.start, scope.end).trim();
      const named = line.length <= 40 && !line.includes('。') ? [...line.matchAll(/((?:19|20)\d{2})年/gu)].map((m) => Number(m[1])) : [];
      const short = line.length <= 40 && !line.includes('。');
      if (named.some((y) => y >= year)) pastPart = false;
      else if (named.length > 0 && /成绩单|回顾|执行情况|完成情况|工作总结/u.test(line)) pastPart = true;
      // 辽宁亮点 / 2025年 / …results… / 辽宁落点 / 2026年 / …targets…: a line that is only an earlier year heads its results.
      else if (named.length === 1 && /^(?:19|20)\d{2}年$/u.test(line.replace(/[\s*■●◆]/gu, ''))) pastPart = true;
      // “十一五”经济社会发展回顾, 过去五年工作回顾: a review heading naming no year opens the past part too; 今年工作安排, 2011年主要目标 and the like close it.
      else if (short && named.length === 0 && /回顾$/u.test(line.replace(/[\s*■●◆]/gu, ''))) pastPart = true;
      else if (short && named.length === 0 && /今年|新的一年|预期目标|主要目标|工作安排|总体要求|重点工作|主要任务/u.test(line)) pastPart = false;
      if (pastPart || isPast(scope, year)) continue;
    }
    // 1.全年开展职业技能培训4.7万人次以上。 / 责任单位:市人力资源和社会保障局 / 完成情况:……: a bulletin's item may name its owners in a paragraph after it.
    if (scope.kind === 'item' || kind === 'decomposition' || (kind === 'bulletin' && scope.item !== undefined && scope.kind === 'paragraph'))
      ownersByScope.set(scope, readOwners(normal, scope));
    if (kind === 'decomposition') {
      for (const sentence of scope.sentences) {
        const owner = subjectOwner(normal, sentence) ?? responsibleIn(normal, sentence);
        if (owner !== undefined) ownersBySentence.set(sentence.start, owner);
      }
    }
    // A report's paragraph that recounts what was done (成功获批, 顺利开工, 签署了) and names nothing of the year ahead (今年, 年内, 预期, 目标, 力争, 确保, 将, a year): last year's results, not targets.
    if (kind === 'report' && recountsOnly(normal.slice(scope.start, scope.end))) continue;
    let reporting = kind === 'bulletin' && scope.kind !== 'item';
    const carry: PastCarry = { past: inherited };
    let previousEnd = scope.start;
    for (const sentence of scope.sentences) {
      let mode: 'target' | 'report' = 'target';
      if (kind === 'bulletin') {
        if (!reporting && reportsDone(normal, sentence, OPENERS, MARKERS)) reporting = true;
        mode = reporting ? 'report' : 'target';
      } else if (kind === 'report') {
        // 一、2020年工作和“十三五”发展回顾 inside a run-on line (a document library's page): the review heading opens the past part as a short line does, across paragraphs; 二、2021年… or 二、今年… closes it.
        for (const heading of normal.slice(sentence.start, sentence.end).matchAll(/(?:^|\s)[一二三四五六七八九十]{1,3}、([^。\n]{0,40})/gu)) {
          const named = [...heading[1]!.matchAll(/((?:19|20)\d{2})\s?年/gu)].map((m) => Number(m[1]));
          if (named.some((y) => y >= year) || /今年|新的一年/u.test(heading[1]!)) pastPart = false;
          else if (named.length > 0 && /回顾|执行情况|完成情况|工作总结/u.test(heading[1]!)) pastPart = true;
        }
        if (pastPart) continue;
        // “提出了2021年指标体系安排,具体为:…”: what follows the colon is the list of targets.
        const list = /(?:目标|指标|安排|任务)[^。:]{0,12}?(?:是|为|如下)[::]/u.exec(normal.slice(sentence.start, sentence.end));
        const judged = list === null ? sentence : { ...sentence, start: sentence.start + list.index + list[0].length };
        // 2009年…的主要预期目标:全省生产总值增长9%,完成灾后重建主要目标任务的72%: a list the sentence itself calls this year's expected targets is read as targets, whatever words of progress it holds.
        const expected = /^[^。]{0,40}?(?:主要预期目标|预期目标)(?:建议)?(?:是|为)?[::]/u.exec(normal.slice(sentence.start, sentence.end));
        const declared =
          expected !== null && !/完成|执行|实现|回顾/u.test(expected[0]) && ![...expected[0].matchAll(/((?:19|20)\d{2})年/gu)].some((m) => Number(m[1]) < year);
        mode = !declared && reportsDone(normal, judged, undefined, MARKERS) ? 'report' : 'target';
        // 全年实现地区生产总值增长4.5%,低于预期目标1.5个百分点; 高于计划目标0.7个百分点: a result measured against its target.
        if (
          /(?:高于|低于|超过|超出|高出|快于|慢于)(?:年初|年度|全年|计划|预期)*目标[0-9.]+个百分点|比(?:年初|年度|全年|计划|预期)*目标(?:低|高|少|多)了?[0-9.]+个百分点/u.test(
            normal.slice(sentence.start, sentence.end),
          )
        )
          mode = 'report';
      }
      // A progress table (项目内容 | 8月计划进度 | 实际进度情况 | 完成率 |): the targets are in a row's first cell, the other cells report.
      if (kind === 'bulletin' && mode === 'target' && progressTable && afterFirstCell(normal, sentence.start)) mode = 'report';
      // A table written one cell per line: its content cells hold targets (owned by the row's lead unit), its other cells report.
      if (cellRows.length > 0) {
        const inside = (c: Cell) => sentence.start >= c.start && sentence.start < c.end;
        const row = cellRows.find((r) => inside(r.content));
        if (row !== undefined) {
          mode = 'target';
          if (row.owner !== undefined) ownersBySentence.set(sentence.start, { lead: [row.owner], support: [], leader: undefined });
        } else if (cellRows.some((r) => r.others.some(inside))) mode = 'report';
      }
      // A bulletin clause opening with its period (上半年增长8.6%) reports a figure.
      if (
        kind === 'bulletin' &&
        mode === 'target' &&
        sentence.clauses.some((c) => periodMentions(normal, c.start, Math.min(c.end, c.start + 6), year)[0]?.start === c.start)
      )
        mode = 'report';
      const sentenceAsOf = kind === 'bulletin' ? (reportDateIn(normal, sentence.start, sentence.end, year) ?? asOf!) : (asOf ?? `${year}-12-31`);
      const deadline = deadlineIn(normal, sentence.start, sentence.end, year);
      let counted: readonly Span[] = [];
      let sharesOfStated: readonly Span[] = [];
      if (kind === 'bulletin') {
        // 2个嵌入式养老机构建设已完成1个(50%): the whole is the target, what is done its figure.
        counted = readCountsDone(context, scope, sentence, sentenceAsOf, deadline);
        // 夏邑县、睢阳区、民权县投资完成率……分别达到79.5%、79.2%、79%: each a share of its own year's plan.
        counted = [...counted, ...readCompletionRates(context, scope, sentence, sentenceAsOf)];
        // 新增城镇就业5620人,完成全年目标任务8000人的70.3%: the plan stated inside the share is the target.
        sharesOfStated = readSharesOfStated(context, scope, sentence, sentenceAsOf, deadline);
        counted = [...counted, ...sharesOfStated, ...readRatesThenTargets(context, scope, sentence, sentenceAsOf, deadline)];
        // 增长5.8%,低于目标1.2个百分点; 完成年度目标的48.6%; 滞后序时进度9.5个百分点.
        if (readShortfall(context, scope, sentence, sentenceAsOf, deadline)) continue;
        // 未达到序时进度的9项为:A、B、C — the listed items are targets with the document's verdict.
        const list = verdictList(normal, sentence);
        if (list !== undefined) {
          const before = context.targets.length;
          const head = { ...sentence, clauses: sentence.clauses.filter((c) => c.end <= list.start) };
          const tail = {
            ...sentence,
            clauses: sentence.clauses.filter((c) => c.end > list.start).map((c) => (c.start < list.start ? { start: list.start, end: c.end } : c)),
          };
          readSentence(context, scope, head, 'report', deadline, sentenceAsOf);
          readSentence(context, scope, tail, 'target', deadline, sentenceAsOf);
          for (const target of context.targets.slice(before)) target.verdict = list.verdict;
          continue;
        }
      }
      // 2016年,全市生产总值3212.2亿元,增长8%;一般公共预算收入260.5亿元,增长10.2%: the earlier year carries over the sentences of its paragraph.
      if (normal.slice(previousEnd, sentence.start).includes('\n')) carry.past = false;
      previousEnd = sentence.end;
      if (kind === 'bulletin') {
        // 任务目标:对全市100个老旧小区……进行改造。: the task's part of the sentence states targets.
        const task = taskSpans.find((t) => t.start < sentence.end && t.end > sentence.start);
        if (task !== undefined) {
          const part = clipSentence(sentence, task.start, task.end);
          if (part !== undefined) readSentence(context, scope, part, 'target', deadline, sentenceAsOf, false);
          continue;
        }
        // 村内道路建设年度任务是硬化道路350万平方米,上半年完成248万平方米: the year's task is stated, then reported on.
        // 新建农村公路200公里,已完成150公里: a quantity stated plainly, then reported on in the same unit.
        const yearTask = mode === 'report' ? statedYearTask(normal, sentence, OPENERS, MARKERS) : undefined;
        const thenDone = mode === 'report' && yearTask === undefined ? statedThenDone(normal, sentence, MARKERS) : undefined;
        const named = mode === 'report' && yearTask === undefined && thenDone === undefined ? namedTarget(normal, sentence) : undefined;
        const stated = yearTask ?? thenDone ?? named;
        if (stated !== undefined && sharesOfStated.length === 0) {
          const [targetsBefore, figuresBefore] = [context.targets.length, context.figures.length];
          for (const [part, partMode] of [
            [clipSentence(sentence, sentence.start, stated.start), 'report'],
            [stated, 'target'],
            [clipSentence(sentence, stated.end, sentence.end), 'report'],
          ] as const)
            if (part !== undefined) readSentence(context, scope, part, partMode, deadline, sentenceAsOf, false);
          doneOfStated(context, scope, sentence, stated, targetsBefore, figuresBefore, sentenceAsOf, deadline, thenDone !== undefined);
          continue;
        }
      }
      const [targetsBefore, figuresBefore] = [context.targets.length, context.figures.length];
      readSentence(context, scope, sentence, mode, deadline, sentenceAsOf, kind === 'report' ? carry : false);
      // 24个计划新开工项目已开工21个,开工率87.5%: read above as a whole and its figure, not again as a target 已开工21个.
      if (counted.length > 0) dropInside(context, targetsBefore, figuresBefore, counted);
    }
    if (bullet !== undefined && carry.past) bulletPast = bullet;
  }

  // 通川区 13.7% 59.4 43.4 35.9 82.7%: the rows of a bulletin's table under a header naming the year's plan.
  if (kind === 'bulletin' && asOf !== undefined) for (const [at, owners] of readTables(context, layout, asOf)) ownersBySentence.set(at, owners);
  // 1 地区生产总值增长6% 市发改委 市统计局 12月底: a decomposition's task table names each row's owners in its cells.
  if (kind === 'decomposition') for (const [at, owners] of readTaskTableOwners(normal, layout)) if (!ownersBySentence.has(at)) ownersBySentence.set(at, owners);
  const plan = buildPlan(text, normal, context, layout.scopes, ownersByScope, { kind, year, asOf, titleSpan, options, ownersBySentence });
  return plan;
}

/**
 * 新建农村公路200公里,已完成150公里: the clause right after the stated task reports what is done of it, so its figure in
 * the task's unit is the task's, whatever measure it names (完成, 已开工); when it gave none, its first quantity in that unit.
 * A stated clause the target reading passed over (开复工项目320个: no verb it knows) is the task all the same, the
 * report after it saying so: its words before the quantity are the measure.
 */
function doneOfStated(
  context: ReadContext,
  scope: Scope,
  sentence: Sentence,
  stated: Sentence,
  targetsBefore: number,
  figuresBefore: number,
  asOf: CalendarDate,
  deadline: CalendarDate | undefined,
  plain: boolean,
): void {
  let target = context.targets
    .slice(targetsBefore)
    .filter((t) => t.figure === undefined && t.kind === 'cumulative' && t.at >= stated.start && t.at < stated.end)
    .at(-1);
  if (target === undefined && plain && context.targets.length === targetsBefore) target = statedTarget(context, scope, sentence, stated, deadline);
  const clause = sentence.clauses.find((c) => c.start >= stated.end);
  if (target === undefined || clause === undefined) return;
  const inClause = (at: number) => at >= clause.start && at < clause.end;
  const figure = context.figures.slice(figuresBefore).find((f) => inClause(f.at) && unitsMatch(f.unit, target.unit) === 'same');
  if (figure !== undefined) {
    target.figure = figure;
    return;
  }
  const done = findQuantities(context.text, clause.start, clause.end).find((q) => !q.ratio && !q.bare && baseUnit(q.unit) === baseUnit(target.unit));
  if (done !== undefined) target.figure = figureFor(target, done.value, done.unit, { start: done.start, end: done.end }, asOf);
}

/** The stated clause's one quantity as a cumulative target named by the words before it (全市计划开复工项目320个). */
function statedTarget(context: ReadContext, scope: Scope, sentence: Sentence, stated: Sentence, deadline: CalendarDate | undefined): FoundTarget | undefined {
  const { text } = context;
  const quantity = findQuantities(text, stated.start, stated.end).find((q) => q.unit !== '%' && !q.ratio && !q.bare);
  if (quantity === undefined) return undefined;
  const measure = text
    .slice(stated.start, quantity.start)
    .replace(/[\s*]/gu, '')
    .replace(/^(?:其中|今年|全年|年内)?[,:]?/u, '');
  if (!/^[\u4e00-\u9fff“”"]{2,30}$/u.test(measure)) return undefined;
  const found = plainTarget({
    scope,
    sentence,
    deadline,
    measure,
    title: { start: stated.start, end: stated.end },
    value: quantity.value,
    unit: quantity.unit,
    at: quantity.start,
    notes: [],
  });
  context.targets.push(found);
  return found;
}

function checkExtractOptions(options: ExtractOptions): void {
  const issues: DubanIssue[] = [];
  if (options.kind !== undefined && !(DOCUMENT_KINDS as readonly string[]).includes(options.kind))
    issues.push({
      code: 'invalid_value',
      path: 'options.kind',
      keys: ['options', 'kind'],
      message: `expected one of ${DOCUMENT_KINDS.join(', ')}, got ${JSON.stringify(options.kind)}`,
    });
  if (options.year !== undefined && !(Number.isInteger(options.year) && options.year >= 1000 && options.year <= 9999))
    issues.push({
      code: 'invalid_value',
      path: 'options.year',
      keys: ['options', 'year'],
      message: `expected a four-digit year, got ${JSON.stringify(options.year)}`,
    });
  if (options.asOf !== undefined && !isCalendarDate(options.asOf))
    issues.push({
      code: 'invalid_date',
      path: 'options.asOf',
      keys: ['options', 'asOf'],
      message: `not a real calendar date YYYY-MM-DD: ${JSON.stringify(options.asOf)}`,
    });
  if (options.id !== undefined && (typeof options.id !== 'string' || options.id === ''))
    issues.push({ code: 'invalid_type', path: 'options.id', keys: ['options', 'id'], message: 'expected a non-empty string' });
  for (const key of ['points', 'share'] as const) {
    const value = options.aboutTolerance?.[key];
    if (value !== undefined && (parseDecimal(value) === undefined || value.startsWith('-')))
      issues.push({
        code: 'invalid_decimal',
        path: `options.aboutTolerance.${key}`,
        keys: ['options', 'aboutTolerance', key],
        message: `expected a decimal >= 0, got ${JSON.stringify(value)}`,
      });
  }
  if (issues.length > 0) throw new DubanError('INVALID_OPTION', 'invalid extract options', { issues });
}

interface BuildSettings {
  readonly kind: DocumentKind;
  readonly year: number;
  readonly asOf: CalendarDate | undefined;
  readonly titleSpan: Span | undefined;
  readonly options: ExtractOptions;
  /** Owners named as a sentence's subject (市住建局要…), by the sentence's start. */
  readonly ownersBySentence: ReadonlyMap<number, FoundOwners>;
}

function buildPlan(
  original: string,
  normal: string,
  context: ReadContext,
  scopes: readonly Scope[],
  ownersByScope: ReadonlyMap<Scope, FoundOwners>,
  settings: BuildSettings,
): ExtractionResult {
  const { kind, year, asOf, options } = settings;
  const period = { start: `${year}-01-01`, end: `${year}-12-31` };
  const notes: ReadNote[] = [...context.notes];

  const paired = pairFigures(context, notes);

  // In a decomposition or a bulletin, the first owners named in each numbered task's scopes, for the targets of its heading.
  const ownersByItem = new Map<NonNullable<Scope['item']>, FoundOwners>();
  if (kind === 'decomposition' || kind === 'bulletin')
    for (const [scope, found] of ownersByScope)
      if (scope.item !== undefined && found.lead.length > 0 && !ownersByItem.has(scope.item)) ownersByItem.set(scope.item, found);
  // The deadline a label names in a numbered task's text (完成时限:10月底), for its targets that name none.
  const labelled = new Map<Scope, CalendarDate | undefined>();
  const labelledDeadline = (scope: Scope): CalendarDate | undefined => {
    if (!labelled.has(scope)) labelled.set(scope, labelledDeadlineIn(normal, scope.start, scope.end, year));
    return labelled.get(scope);
  };
  const drafts: Draft[] = [];
  // The drafts of each numbered task (or scope) by quantity (kind, unit, value): where a restatement is looked for.
  const byQuantity = new Map<object, Map<string, Draft[]>>();
  const restatable = (found: FoundTarget, target: Target): Draft[] => {
    const task: object = found.scope.item ?? found.scope;
    let quantities = byQuantity.get(task);
    if (quantities === undefined) byQuantity.set(task, (quantities = new Map()));
    const key = `${target.kind}|${'unit' in target ? target.unit : ''}|${'value' in target ? target.value : ''}`;
    let list = quantities.get(key);
    if (list === undefined) quantities.set(key, (list = []));
    return list;
  };
  const slice = (span: Span) => original.slice(span.start, span.end).trim();
  const titleOf = (found: FoundTarget) => `${found.titlePrefix}${slice({ start: Math.max(found.title.start, found.title.end - 120), end: found.title.end })}`;
  for (const found of context.targets) {
    const target: Target =
      found.kind === 'rate'
        ? {
            kind: 'rate',
            measure: found.measure,
            unit: found.unit,
            value: found.value,
            bound: found.bound ?? 'atLeast',
            ...(found.tolerance === undefined ? {} : { tolerance: found.tolerance }),
          }
        : { kind: 'cumulative', measure: found.measure, unit: found.unit, value: found.value };
    if (found.kind === 'cumulative' && compareDecimals(found.value, '0') <= 0) continue;
    // 1.地区生产总值增长12%。全市生产总值达到3260亿元,增长12%。: a numbered task restating its heading's target in a later sentence is one task.
    // Only the last few drafts of the same task with the same quantity are compared, so a list with no end stays linear.
    const sameQuantity = kind === 'decomposition' ? restatable(found, target) : undefined;
    if (sameQuantity !== undefined && sameQuantity.slice(-RESTATE_REACH).some((d) => restates(d, found, target))) continue;
    // 1.地区生产总值增长12%。 / 全市生产总值达到3260亿元,增长12%。(市发改委): the heading's target has the owners its task names below it.
    const ownOwners = ownersByScope.get(found.scope);
    const scopeOwners = ownOwners?.lead.length !== 0 || found.scope.item === undefined ? ownOwners : (ownersByItem.get(found.scope.item) ?? ownOwners);
    const owners =
      settings.ownersBySentence.get(found.sentence.start) ??
      (scopeOwners !== undefined && scopeOwners.lead.length > 0 ? scopeOwners : undefined) ??
      scopeOwners;
    const draft: Draft = {
      found,
      at: found.at,
      scope: found.scope,
      sentence: found.sentence,
      title: titleOf(found),
      target,
      observation: found.figure,
      notes: found.notes,
      owners,
      // 1.新建农村公路200公里。(责任单位:市交通局;完成时限:10月底): a deadline labelled elsewhere in the item is the item's.
      deadline: found.deadline ?? (kind === 'report' ? undefined : labelledDeadline(found.scope)),
    };
    drafts.push(draft);
    sameQuantity?.push(draft);
  }

  // Figures stated as a share of the year's plan with no target to pair: the plan's percentage is the target.
  const shareTasks = new Set<string>();
  const shareDrafts: { measure: string; share: DecimalString; amount: string }[] = [];
  // 年度计划投资401.9亿元 … 已落实资金159.5亿元,为年度投资计划的39.7%: the plan is stated, so a share of it is no task of its own.
  const planWords = (measure: string) =>
    measure
      .replace(/的/gu, '')
      .replace(/计划投资/gu, '投资计划')
      .replace(/^(?:年度|全年|当年)/u, '');
  // A table row's plan is its place's (吉首市 | 57 | 82.5 |), not the plan a sentence's share is of (累计完成投资474.5亿元,为年投资计划的74.1%).
  // The plan is one stated before the figure in its own section, or one the share is value ÷ plan of: under
  // 二、市重点(B类)项目, 计划竣工项目完成投资X亿元,占年度投资计划的Y% is a share of that section's plan, which is not
  // stated, even though 一、省重点项目's was.
  const statedPlans = context.targets
    .filter((t) => t.kind === 'cumulative' && /计划|目标/u.test(t.measure) && !t.notes.includes(TABLE_ROW_NOTE))
    .map((t) => ({ target: t, plan: planWords(t.measure) }));
  const ofPlan = (figure: FoundFigure, target: FoundTarget) =>
    target.scope === figure.scope ||
    (target.at < figure.at && !SECTION_HEADING.test(normal.slice(target.at, figure.at))) ||
    (unitsMatch(figure.unit, target.unit) === 'same' && shareAgrees(figure, target));
  for (const figure of context.figures) {
    // 去年城镇新增就业5.2万人,完成年度目标的104%: in a report a share of a plan is last year's result, not a task.
    if (kind === 'report') break;
    if (figure.share === undefined || !figure.share.annual || paired.has(figure)) continue;
    const base = planWords(figure.share.base);
    const subject = figure.measure.replace(/^[\d.一二两三四五六七八九十百千]+[个家项户所座处条]/u, '');
    // 续建项目完成投资占年度计划81.75% after 重点项目年度计划投资X: a share of another group of projects' plan (the group's
    // own, not stated) is a task of its own; 完成投资占年度计划68% (no group), 落实资金… (no group of projects) or
    // 重点项目完成投资… is a share of the stated plan.
    const group = groupOf(subject);
    const ofProjects = /(?:项目|工程|片区)$/u.test(group);
    // A plan naming no group is the whole's: a group's share is of it only when it is value ÷ that plan (分行业看,工业项目完成投资32亿元,
    // 占年度计划的80% after 年度计划投资98亿元 is the industry's own plan).
    const sameGroup = (target: FoundTarget) => {
      const planGroup = groupOf(target.measure);
      return !ofProjects || group === planGroup || (planGroup === '' && shareAgrees(figure, target));
    };
    if (base !== '' && statedPlans.some(({ target, plan }) => plan.endsWith(base) && ofPlan(figure, target) && sameGroup(target))) continue;
    const measure = `${subject}占${figure.share.base}`;
    const key = `${measure}|${figure.share.value}`;
    if (shareTasks.has(key)) continue;
    // 摘要:大同全市省、市两级重点项目完成投资679.92亿元,完成全年任务的64.45% restated in the body without 大同: one task.
    const restated = (done: { measure: string; share: DecimalString; amount: string }) =>
      done.share === figure.share!.value &&
      done.amount === `${figure.value}${figure.unit}` &&
      (done.measure.includes(measure) || measure.includes(done.measure));
    if (shareDrafts.some(restated)) continue;
    shareTasks.add(key);
    shareDrafts.push({ measure, share: figure.share.value, amount: `${figure.value}${figure.unit}` });
    const observation: FoundFigure = { ...figure, value: figure.share.value, unit: '%', share: undefined };
    drafts.push({
      found: undefined,
      at: figure.at,
      scope: figure.scope,
      sentence: figure.sentence,
      title: slice({ start: Math.max(figure.span.start, figure.share.span.end - 120), end: figure.share.span.end }),
      target: { kind: 'cumulative', measure, unit: '%', value: '100' },
      observation,
      notes: [`文件只给出占${figure.share.base}的比例,未给出年度计划数;按完成比例建模(目标100%)`],
      owners: ownersByScope.get(figure.scope),
      deadline: undefined,
    });
  }

  // Qualitative numbered tasks.
  const qualitative = options.qualitativeTasks ?? kind === 'decomposition';
  if (qualitative) {
    const withTargets = new Set(drafts.map((draft) => draft.scope));
    for (const scope of scopes) {
      if (scope.kind !== 'item' || scope.item === undefined || withTargets.has(scope)) continue;
      const first = scope.sentences[0];
      if (first === undefined) continue;
      drafts.push({
        found: undefined,
        at: scope.start,
        scope,
        sentence: first,
        title: scope.item.title.slice(0, 120),
        target: { kind: 'binary', completedOn: null },
        observation: undefined,
        notes: ['定性任务:没有可读的数量目标'],
        owners: ownersByScope.get(scope),
        deadline: deadlineIn(normal, scope.start, scope.end, year),
      });
    }
  }
  drafts.sort((a, b) => a.at - b.at);

  // Share checks: the stated share against value ÷ target, computed by computeFacts.
  for (const draft of drafts) {
    const figure = draft.observation;
    const stated = (figure?.share?.annual === false ? undefined : figure?.share?.value) ?? draft.found?.statedShare;
    if (figure === undefined || stated === undefined || draft.target.kind !== 'cumulative' || draft.found === undefined) continue;
    const task: Task = { id: 'check', title: draft.title, target: draft.target, observations: [{ asOf: figure.asOf, value: figure.value, unit: figure.unit }] };
    const check: Plan = { formatVersion: 1, id: 'check', title: 'check', period, tasks: [task] };
    const progress = computeFacts(check, task, figure.asOf).progress;
    if (progress === null) continue;
    const digits = decimalsOf(stated);
    const difference = abs(sub(percent(progress), fromDecimal(stated)));
    if (compare(difference, fraction(5n, 10n ** BigInt(digits + 1))) > 0) {
      notes.push({
        code: 'share-mismatch',
        message: `原文称完成${stated}%,按${figure.value}${figure.unit}÷${draft.target.value}${draft.target.unit}计算为${fixed(percent(progress), Math.max(2, digits))}%,超出四舍五入误差`,
        span: figure.sentence,
      });
    }
  }

  // Categories and tasks.
  const categories: Category[] = [];
  const categoryIds = new Map<string, string>();
  const usedCategoryIds = new Set<string>();
  const categoryFor = (scope: Scope): string | undefined => {
    const category = categoryOf(scope);
    if (category === undefined) return undefined;
    const key = `${category.id}|${category.title}`;
    const known = categoryIds.get(key);
    if (known !== undefined) return known;
    let id = category.id;
    for (let n = 2; usedCategoryIds.has(id); n++) id = `${category.id}-${n}`;
    usedCategoryIds.add(id);
    categoryIds.set(key, id);
    categories.push({ id, title: category.title.slice(0, 200) || id });
    return id;
  };
  if (drafts.length > MAX_TASKS) {
    throw new DubanError('LIMIT_EXCEEDED', 'the text yields too many targets for one plan', {
      issues: [
        { code: 'too_many', path: '$', keys: [], message: `${drafts.length} targets read, more than the ${MAX_TASKS} tasks a plan may have; split the text` },
      ],
    });
  }
  const width = String(drafts.length).length < 2 ? 2 : String(drafts.length).length;
  const tasks: Task[] = drafts.map((draft, index) => {
    const sourceSpan = sourceOf(original, draft.sentence, draft.at);
    const category = categoryFor(draft.scope);
    const owners: Owners | undefined =
      draft.owners !== undefined && (draft.owners.lead.length > 0 || draft.owners.support.length > 0)
        ? {
            ...(draft.owners.lead.length > 0 ? { lead: draft.owners.lead } : {}),
            ...(draft.owners.support.length > 0 ? { support: draft.owners.support } : {}),
          }
        : undefined;
    const observations: Observation[] | undefined = draft.observation === undefined ? undefined : [observationOf(original, draft.observation)];
    const verdict = verdictOf(draft, kind);
    const task: Task = {
      id: `T${String(index + 1).padStart(width, '0')}`,
      title: draft.title !== '' ? draft.title : 'measure' in draft.target ? draft.target.measure : '定性任务',
      ...(category === undefined ? {} : { category }),
      ...(owners === undefined ? {} : { owners }),
      ...(draft.owners?.leader === undefined ? {} : { leader: draft.owners.leader }),
      ...(draft.deadline === undefined || draft.deadline < period.start || draft.deadline > period.end ? {} : { deadline: draft.deadline }),
      target: draft.target,
      ...(observations === undefined ? {} : { observations }),
      'x-source': sourceSpan,
      ...(draft.notes.length === 0 ? {} : { 'x-note': draft.notes.join(';') }),
      ...(verdict === undefined ? {} : { 'x-verdict': verdict }),
    };
    return task;
  });

  const lineStarts = [0];
  for (let i = 0; i < original.length; i++) if (original[i] === '\n') lineStarts.push(i + 1);
  const seen = new Set<string>();
  const review: ReviewItem[] = [];
  for (const note of notes) {
    const key = `${note.code}|${note.span.start}|${note.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const source = sourceOf(original, note.span, note.span.start);
    review.push({ code: note.code, message: note.message, ...source, line: lineOf(source.start, lineStarts) });
  }
  review.sort((a, b) => a.start - b.start || a.code.localeCompare(b.code));

  const title =
    options.title ?? (settings.titleSpan !== undefined ? original.slice(settings.titleSpan.start, settings.titleSpan.end) : reportTitle(normal, year, kind));
  const plan: Plan = {
    formatVersion: 1,
    id: options.id ?? `extracted-${year}`,
    title,
    period,
    ...(asOf === undefined ? {} : { asOf }),
    pace: 'monthly',
    ...(categories.length === 0 ? {} : { categories }),
    tasks,
    'x-extracted': {
      by: 'duban extract',
      kind,
      aboutTolerance: context.about,
      note: '自动提取的草稿,请逐项对照 x-source 核对;x-review 列出需要人工判断的句子。',
    },
    'x-review': review,
  };
  const checked = safeParsePlan(plan);
  if (checked.success) return { plan, review, kind };
  // A task the schema refuses (an empty measure, an odd value) never loses the document: it goes to review and the rest is kept.
  const refused = new Map<number, string[]>();
  for (const issue of checked.error.issues) {
    const match = /^\$\.tasks\[(\d+)\]/u.exec(issue.path);
    if (match === null) {
      throw new DubanError('INVALID_PLAN', 'the extracted plan does not pass the plan schema (a defect of duban extract)', {
        issues: checked.error.issues,
        cause: checked.error,
      });
    }
    const index = Number(match[1]);
    refused.set(index, [...(refused.get(index) ?? []), `${issue.path.slice(match[0].length) || '.'} ${issue.message}`]);
  }
  const kept = tasks.filter((_, index) => !refused.has(index));
  const added: ReviewItem[] = [...refused].map(([index, problems]) => {
    const source = tasks[index]!['x-source'] as SourceSpan;
    return {
      code: 'not-drafted',
      message: `读出的目标不能成为有效任务(${problems.join(';')}),未收入,请人工填写`,
      ...source,
      line: lineOf(source.start, lineStarts),
    };
  });
  const allReview = [...review, ...added].sort((a, b) => a.start - b.start || a.code.localeCompare(b.code));
  const usedCategories = new Set(kept.map((task) => task.category));
  const keptCategories = categories.filter((category) => usedCategories.has(category.id));
  const { categories: _dropped, ...withoutCategories } = plan;
  void _dropped;
  const repaired: Plan = { ...withoutCategories, ...(keptCategories.length === 0 ? {} : { categories: keptCategories }), tasks: kept, 'x-review': allReview };
  const again = safeParsePlan(repaired);
  if (!again.success) {
    throw new DubanError('INVALID_PLAN', 'the extracted plan does not pass the plan schema (a defect of duban extract)', {
      issues: again.error.issues,
      cause: again.error,
    });
  }
  return { plan: repaired, review: allReview, kind };
}

function reportTitle(text: string, year: number, kind: DocumentKind): string {
  const city = /在\s*([\u4e00-\u9fff]{2,6}?[市县区州盟])第?[\u4e00-\u9fff]{0,6}届人民代表大会/u.exec(text.slice(0, 2000))?.[1] ?? '';
  return kind === 'report' ? `${city}${year}年政府工作报告` : `${city}${year}年计划`;
}

function observationOf(original: string, figure: FoundFigure): Observation {
  const spanEnd = figure.share?.span.end ?? figure.span.end;
  const phrase = original.slice(figure.span.start, spanEnd).trim().slice(0, 60);
  return {
    asOf: figure.asOf,
    value: figure.value,
    unit: figure.unit,
    ...(phrase === '' ? {} : { note: phrase }),
    'x-source': sourceOf(original, figure.sentence, figure.at),
  };
}

/** A figure's measure that names nothing but that something is done (已完成, 已开工, 累计建成, or none). */
const BARE_DONE = /^(?:目前|截至[^,]{0,8})?(?:已经?|累计|实际|共)?(?:完成|开工|建成|竣工|完工|实施|改造|开复工)?$/u;

/** Pairs every unpaired target with the figure of its scope that measures it best; leftover close figures go to review. Returns the figures used. */
function pairFigures(context: ReadContext, notes: ReadNote[]): Set<FoundFigure> {
  const paired = new Set<FoundFigure>();
  // 1.减少农村扶贫对象6.76万人(责任单位:…) / 此项工作已完成。截至12月底,全市完成……7.497万人: a numbered item and the
  // paragraphs after it, up to the next item or heading, are one task's, so its figures pair across them.
  const taskOf = (scope: Scope): object => (scope.item !== undefined && scope.kind !== 'heading' ? scope.item : scope);
  const byScope = new Map<object, { targets: FoundTarget[]; figures: FoundFigure[] }>();
  for (const target of context.targets) {
    if (target.figure !== undefined) {
      paired.add(target.figure);
      continue;
    }
    const entry = byScope.get(taskOf(target.scope)) ?? { targets: [], figures: [] };
    entry.targets.push(target);
    byScope.set(taskOf(target.scope), entry);
  }
  for (const figure of context.figures) byScope.get(taskOf(figure.scope))?.figures.push(figure);

  for (const { targets, figures } of byScope.values()) {
    if (figures.length === 0) continue;
    const candidates: { target: FoundTarget; figure: FoundFigure; score: number; unit: 'same' | 'classifier'; shareOk: boolean }[] = [];
    let index = 0;
    for (const figure of figures) {
      while (index < targets.length && targets[index]!.at < figure.at) index++;
      const near = targets.slice(Math.max(0, index - PAIR_WINDOW), index + PAIR_WINDOW);
      const compatible = near.filter(
        (target) =>
          unitsMatch(figure.unit, target.unit) !== undefined &&
          target.growth === figure.growth &&
          stagesMatch(figure.stage, target.stage) &&
          tokens(target.measure) === tokens(figure.measure),
      );
      for (const target of compatible) {
        const score = charDice(target.measure, figure.measure);
        const threshold = compatible.length === 1 ? PAIR_THRESHOLD_UNIQUE : PAIR_THRESHOLD;
        // 年度计划投资307.05亿元,1-8月累计完成投资210.88亿元,完成年度计划的68.68%: a stated share equal to value ÷ target says what the figure measures.
        const shareSays = figure.share?.annual === true && target.kind === 'cumulative' && shareAgrees(figure, target);
        // 1.新改建农村公路300公里。进展情况:已完成210公里: a figure naming nothing but that it is done, after the task's only target in its unit.
        const bareDone = compatible.length === 1 && target.title.end <= figure.at && BARE_DONE.test(figure.measure);
        if (score < threshold && !shareSays && !bareDone && !followsPlan(target, figure, targets, figures)) continue;
        candidates.push({ target, figure, score, unit: unitsMatch(figure.unit, target.unit)!, shareOk: shareAgrees(figure, target) });
      }
    }
    // Equal measures (two 完成投资 targets in one paragraph): the figure nearest its target wins.
    const distance = (c: { target: FoundTarget; figure: FoundFigure }) => Math.abs(c.figure.at - c.target.at);
    candidates.sort((a, b) => Number(b.shareOk) - Number(a.shareOk) || b.score - a.score || distance(a) - distance(b) || a.figure.at - b.figure.at);
    for (const candidate of candidates) {
      const { target, figure } = candidate;
      if (paired.has(figure)) continue;
      if (target.figure !== undefined) {
        if (target.figure.asOf === figure.asOf && candidate.score >= 0.5) {
          paired.add(figure);
          const claimed =
            figure.share === undefined ? '' : `,原文称占${figure.share.base}${figure.share.value}%${shareAgrees(figure, target) ? '' : ',与目标值不符'}`;
          notes.push({
            code: 'figure-conflict',
            message: `同一目标“${target.measure}”还有一个数据 ${figure.value}${figure.unit}${claimed},未采用(已采用 ${target.figure.value}${target.figure.unit})`,
            span: figure.sentence,
          });
        }
        continue;
      }
      target.figure = candidate.unit === 'classifier' ? { ...figure, unit: target.unit } : figure;
      paired.add(figure);
      if (candidate.unit === 'classifier' && figure.unit !== target.unit) {
        notes.push({
          code: 'unit-assumed',
          message: `“${figure.measure}”以“${figure.unit}”计,目标以“${target.unit}”计,按同一数量记入,请核对`,
          span: figure.sentence,
        });
      }
    }
  }
  pairWithPlansBefore(context, paired);
  return paired;
}

/** The part of a target's sentence before it, from the last ; or 。 (the text is normalised, so ； is ;): 省重点项目67个,年度计划投资377亿元 → 省重点项目67个,. */
function groupBefore(text: string, target: FoundTarget): string {
  const part = text.slice(target.sentence.start, target.at);
  return part.slice(Math.max(part.lastIndexOf(';'), part.lastIndexOf('。')) + 1);
}

/** How far back (in characters) a figure left unpaired looks for a plan stated in an earlier paragraph. */
const PLAN_REACH = 1500;

/**
 * 全市共确定重大项目1107个,年度计划完成投资1408亿元…… / 截至7月底,1107个重大项目累计完成投资1033亿元: a figure its own
 * paragraph left unpaired is done against a year's plan (a cumulative target naming 计划) stated in an earlier paragraph
 * of the same section, at most {@link PLAN_REACH} characters before: the plan of the same group (省重点项目 and
 * 67个省重点项目累计完成投资; a count opening the figure must be the group's count where the plan is stated), or, when the
 * figure names no group (1-12月份,完成投资77.57亿元), the only plan in reach.
 */
function pairWithPlansBefore(context: ReadContext, paired: Set<FoundFigure>): void {
  const plans = context.targets.filter((t) => t.figure === undefined && t.kind === 'cumulative' && /计划/u.test(t.measure)).sort((a, b) => a.at - b.at);
  if (plans.length === 0) return;
  for (const figure of context.figures) {
    if (paired.has(figure)) continue;
    // The plans within reach before the figure, found by binary search and at most PAIR_WINDOW of them, so the work stays linear.
    const low = countBefore(plans, figure.at, (plan) => plan.at);
    const inReach = plans
      .slice(Math.max(0, low - PAIR_WINDOW), low)
      .filter(
        (target) =>
          target.figure === undefined &&
          target.scope !== figure.scope &&
          figure.at - target.at <= PLAN_REACH &&
          target.scope.section === figure.scope.section &&
          unitsMatch(figure.unit, target.unit) === 'same' &&
          target.growth === figure.growth,
      );
    const group = groupOf(figure.measure);
    const count = /^([0-9]+)个/u.exec(figure.measure)?.[1];
    const alike = inReach.filter((target) => {
      const planGroup = groupOf(target.measure);
      if (group === '') return inReach.length === 1;
      if (planGroup === '' || !(planGroup.includes(group) || group.includes(planGroup))) return false;
      return count === undefined || groupBefore(context.text, target).includes(`${count}个`);
    });
    const target = alike.at(-1);
    if (target === undefined) continue;
    target.figure = figure;
    paired.add(figure);
  }
}

/** The group a plan or figure is of: its measure without a leading count and the words of planning and doing (省重点项目). */
function groupOf(measure: string): string {
  return measure
    .replace(/^(?:其中|——|—)*(?:全[省市州县区盟旗]|我[省市州县区])?[0-9]*个?/u, '')
    .replace(/(?:年度|全年|当年|今年|本年)?(?:计划)?(?:累计)?(?:完成)?(?:投资)?(?:计划)?$/u, '');
}

/**
 * 工业项目年度计划投资440.07亿元,前10月累计完成投资469.13亿元;服务业项目……: a figure right after a plan in one
 * sentence, with no other target or figure between them and the plan's noun (投资) ending the figure's measure, is
 * done against that plan even when several such pairs share the sentence.
 */
function followsPlan(target: FoundTarget, figure: FoundFigure, targets: readonly FoundTarget[], figures: readonly FoundFigure[]): boolean {
  if (target.kind !== 'cumulative' || target.sentence.start !== figure.sentence.start || target.at >= figure.at) return false;
  const plan = /计划(?:完成)?投资$|投资计划$/u.test(target.measure);
  if (!plan || !figure.measure.endsWith('投资')) return false;
  const between = (at: number) => at > target.at && at < figure.at;
  return !targets.some((t) => between(t.at)) && !figures.some((f) => between(f.at));
}

/** A line opening a section of the first level: 二、市重点(B类)项目. */
const SECTION_HEADING = /\n[ \t\u3000]*[一二三四五六七八九十]{1,3}、/u;

/** 三、进展滞后的任务 / (二)未达到序时进度的指标: a bulletin's heading that gives its items a verdict. */
const VERDICT_HEADING = /进展滞后|进度滞后|滞后于?序时|未达到?序时进度|未达序时|进度缓慢|推进缓慢|未完成|需要加大力度|需加大力度|存在突出问题|差距较大/u;

/**
 * The document's own verdict on a draft: the one its sentence states (低于目标1.2个百分点), else the one its heading
 * states for the items under it in a bulletin (三、进展滞后的任务). Undefined when the document gives none.
 */
function verdictOf(draft: Draft, kind: DocumentKind): string | undefined {
  if (draft.found === undefined) return undefined;
  if (draft.found.verdict !== undefined || kind !== 'bulletin') return draft.found.verdict;
  for (const heading of [draft.scope.subsection, draft.scope.section]) {
    const words = heading === undefined ? null : VERDICT_HEADING.exec(heading.title);
    if (words !== null) return words[0];
  }
  return undefined;
}

/** Drops the targets and figures read since the given counts whose quantity lies inside one of the spans. */
function dropInside(context: ReadContext, targetsFrom: number, figuresFrom: number, spans: readonly Span[]): void {
  const inside = (at: number) => spans.some((span) => at >= span.start && at < span.end);
  const keptTargets = context.targets.slice(targetsFrom).filter((target) => !inside(target.at));
  context.targets.splice(targetsFrom, context.targets.length - targetsFrom, ...keptTargets);
  const keptFigures = context.figures.slice(figuresFrom).filter((figure) => !inside(figure.at));
  context.figures.splice(figuresFrom, context.figures.length - figuresFrom, ...keptFigures);
}

/** Whether a figure's stated share agrees with value ÷ target (true when it states none). */
function shareAgrees(figure: FoundFigure, target: FoundTarget): boolean {
  // A share of a stage plan (占前三季度目标任务78.5%) claims nothing about the year's target.
  const stated = figure.share?.annual === false ? undefined : figure.share?.value;
  if (stated === undefined || target.kind !== 'cumulative') return true;
  const exponent = unitConversionExponent(figure.unit, target.unit) ?? 0;
  const value = fromDecimal(figure.value);
  const scaled = exponent >= 0 ? mul(value, fraction(10n ** BigInt(exponent))) : mul(value, fraction(1n, 10n ** BigInt(-exponent)));
  const progress = mul(scaled, fraction(fromDecimal(target.value).d, fromDecimal(target.value).n));
  const digits = decimalsOf(stated);
  return compare(abs(sub(percent(progress), fromDecimal(stated))), fraction(5n, 10n ** BigInt(digits + 1))) <= 0;
}
