/**
 * Reads targets and reported figures from clauses. A clause is read in one of
 * two modes: `target` (the text states what is to be done) or `report` (the
 * text states what was done); explicit cues (预期目标, 任务为, 计划投入) make a
 * target in either mode.
 */
import type { CalendarDate } from '../model/calendar-date.js';
import type { DecimalString } from '../model/decimal.js';
import type { RateBound } from '../model/types.js';
import { abs, formatFraction, fromDecimal, mul } from '../pace/fraction.js';
import { deadlineIn } from './dates.js';
import type { Scope, Sentence, Span } from './document.js';
import {
  AMOUNT_ONLY_VERBS,
  CEILING_VERBS,
  CHANGE_MARKERS,
  COMPLETION_VERBS,
  COUNT_UNITS,
  CUMULATIVE_VERBS,
  EXCEED_VERBS,
  FALL_VERBS,
  GENERIC_MEASURES,
  GROWTH_VERBS,
  LEVEL_VERBS,
  MEASURE_PREFIXES,
  MEASURE_SUFFIXES,
  MONEY_WORDS,
  PER_UNIT_MARKERS,
  PLAN_NOT_CUE_BEFORE,
  RATE_UNITS,
  STAGE_WORDS,
  STOCK_WORDS,
  STOP_VERBS,
  TOPIC_PREFIXES,
  TOPIC_SUFFIXES,
  UNREADABLE_MARKERS,
  VERBS_NEEDING_BUILD,
} from './lexicon.js';
import { findQuantities, type Quantity } from './quantity.js';
import type { ReviewCode } from './review-codes.js';
import { containsWord, findWord, stripEnds, wordEndingAt, wordIndex, wordStartingAt, type WordIndex } from './words.js';

/** A problem found while reading, at a span of the text. */
export interface ReadNote {
  readonly code: ReviewCode;
  readonly message: string;
  readonly span: Span;
}

/** Tolerances for "左右". */
export interface AboutTolerance {
  /** For % and 个百分点: this many points either way. */
  readonly points: DecimalString;
  /** For other units: this share of the value either way. */
  readonly share: DecimalString;
}

/** A target read from the text. */
export interface FoundTarget {
  readonly measure: string;
  readonly title: Span;
  readonly titlePrefix: string;
  readonly kind: 'rate' | 'cumulative';
  readonly bound: RateBound | undefined;
  readonly tolerance: DecimalString | undefined;
  readonly value: DecimalString;
  readonly unit: string;
  /** A change (增长, 下降): only a change figure measures it. */
  readonly growth: boolean;
  readonly stage: string | undefined;
  readonly at: number;
  readonly sentence: Sentence;
  readonly scope: Scope;
  readonly notes: string[];
  readonly deadline: CalendarDate | undefined;
  /** Set when the text gives the observation in the same phrase (增长8.5%(预期目标8%)). */
  figure: FoundFigure | undefined;
  /** "完成全年目标560亿元的52%": the share the text states for the observation. */
  statedShare: DecimalString | undefined;
  /** The document's own verdict on the target (未达到序时进度, 低于目标1.2个百分点), kept to compare with duban's. */
  verdict?: string | undefined;
}

/** A figure reported in the text (what was done). */
export interface FoundFigure {
  readonly measure: string;
  readonly value: DecimalString;
  readonly unit: string;
  readonly growth: boolean;
  readonly stage: string | undefined;
  readonly at: number;
  readonly span: Span;
  readonly sentence: Sentence;
  readonly scope: Scope;
  readonly asOf: CalendarDate;
  /** "占年度计划19.2%": the share the text states, and whether it is of the year's plan. */
  share: { readonly value: DecimalString; readonly annual: boolean; readonly base: string; readonly span: Span } | undefined;
}

/** What the reader needs from the document and what it collects. */
export interface ReadContext {
  readonly text: string;
  readonly year: number;
  readonly about: AboutTolerance;
  readonly targets: FoundTarget[];
  readonly figures: FoundFigure[];
  readonly notes: ReadNote[];
}

/** What carries from one clause to the next inside a sentence. */
interface SentenceState {
  lastSubject: string;
  lastVerb: string | undefined;
  lastFigure: FoundFigure | undefined;
  previousClause: Span | undefined;
  /** Whether the previous clause gave a target: then it is a sibling, not a topic. */
  previousClauseRead: boolean;
  /** The sentence's deadline, replaced by a clause's own (9月底完成…,11月底新建…). */
  deadline: CalendarDate | undefined;
  readonly asOf: CalendarDate;
}

const CUMULATIVE = wordIndex(CUMULATIVE_VERBS);
const STOPS = wordIndex(STOP_VERBS);
const VERBS = wordIndex([...CUMULATIVE_VERBS, ...STOP_VERBS]);
const GROWTH = wordIndex(GROWTH_VERBS);
const FALL = wordIndex(FALL_VERBS);
const CEILING = wordIndex(CEILING_VERBS);
const LEVEL = wordIndex(LEVEL_VERBS);
const EXCEED = wordIndex(EXCEED_VERBS);
const COMPLETION = wordIndex(COMPLETION_VERBS);
const STAGES = wordIndex(STAGE_WORDS);
const CHANGES = wordIndex(CHANGE_MARKERS);
const PER_UNIT = wordIndex(PER_UNIT_MARKERS);
const UNREADABLE = wordIndex(UNREADABLE_MARKERS);
const STOCKS = wordIndex(STOCK_WORDS);
const MONEY = wordIndex(MONEY_WORDS);
const NOT_PLAN = wordIndex(PLAN_NOT_CUE_BEFORE);

/** Floors written before the value: 不少于, 不低于, 至少. */
const FLOOR_WORDS: ReadonlySet<string> = new Set(['不少于', '不低于', '不小于', '至少']);
/** Words naming a flow over the year (a count or amount added, brought in, paid in), not a stock. */
const FLOW =
  /^(?:新增|新建|新开工|新引进|引进|招引|招商引资|净增|实际到位|到位|实际到账|到账|实际利用|利用外资|完成|培育|建成|开工|改造|发放|培训|转移)|到位资金|到账|利用外资|引进/u;

/** Whether a subject names a flow (新增城镇就业, 引进项目, 实际到账), read as cumulative even after 不少于 or 达到. */
function isFlow(raw: string): boolean {
  const subject = raw.replace(/[\s*]/gu, '').replace(/^(?:全年|今年|年内|全市|全县|力争|确保|要|再)+/u, '');
  return FLOW.test(subject) && !containsWord(subject, 0, subject.length, STOCKS);
}

/** Nouns naming an amount over the year (固定资产投资, 一般公共预算收入, 社会消费品零售总额): with no verb, the amount after them is its target. */
const AMOUNT_NOUN = /(?:投资|收入|总额|零售额|产值|增加值|生产总值|出口额|销售额)$/u;

/** Inside a figure's measure: a count before its noun (230个重点项目) and the period of the figure (今年1-4月, 前10月, 前三季度). */
const FIGURE_NOISE =
  /[0-9]+个(?=[\u4e00-\u9fff])|(?:今年|本年)?(?:[1一][-—–~至][0-9一二三四五六七八九十]{1,2}月份?|前[0-9一二三四五六七八九十]{1,2}个?月份?|前三季度|上半年|一季度)(?:累计)?/gu;

/** How far back a verb may govern a quantity, in characters. */
const VERB_REACH = 40;
/** How far back anything is read before a quantity (subject, list, title). */
const SEGMENT_REACH = 60;
/** The longest measure kept. */
const MAX_MEASURE = 40;
/** The longest noun phrase read after a count. */
const MAX_NOUN = 30;

const isCjk = (c: string | undefined): boolean => c !== undefined && c >= '\u4e00' && c <= '\u9fff';
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/** The unit without its magnitude prefix. */
export function baseUnit(unit: string): string {
  let base = unit;
  while (base.length > 1 && '十百千万亿'.includes(base[0]!) && !base.startsWith('千瓦') && !base.startsWith('千克')) base = base.slice(1);
  return base;
}

const isCountUnit = (unit: string): boolean => COUNT_UNITS.has(baseUnit(unit));
const isRateUnit = (q: Quantity): boolean => q.ratio || RATE_UNITS.has(q.unit);

/** Deadlines and periods at the front of a measure: 9月底前, 年底前, 上半年. */
const LEADING_TIME =
  /^(?:截[至止](?:目前|(?:(?:19|20)[0-9]{2}年)?[0-9一二三四五六七八九十]{1,2}月(?:底|末|[0-9]{1,2}日)?)|[1一][-—–~至][0-9一二三四五六七八九十]{1,2}月份?|[0-9一二三四五六七八九十]{1,3}月(?:底|末|[0-9]{1,2}日)?(?:前|之前|以前)?|年底前|年内|上半年|下半年)/u;

/** A news lead (甘孜日报讯, 本报讯) and the place a report speaks for (我州, 全州): no part of a measure. */
const LEAD = /^(?:[\u4e00-\u9fff]{0,6}(?:日报|晚报|报|网))?讯|^(?:(?:19|20)\d{2}年度?)?(?:我|全)[州盟旗镇乡县区]|^我们(?:将|要|必须)?/u;

function clean(measure: string): string {
  // ●经济增长6%左右: list bullets are no part of the measure, nor a table cell's closing bar.
  const bare = measure
    // 1 地区生产总值增长6% 市发改委: a table row's number, separated from its task by a space.
    .replace(/^\s*[0-9]{1,3}[ \t]+(?=[\u4e00-\u9fff]|$)/u, '')
    .replace(/[\s*●•■◆▪|]/gu, '')
    // 民生实事:1.新建幼儿园5所: an item's number inside a line is no part of its measure.
    .replace(/^[0-9]{1,2}[.、](?![0-9])/u, '')
    .replace(LEADING_TIME, '')
    .replace(LEAD, '')
    .replace(LEAD, '');
  const stripped = stripEnds(bare, MEASURE_PREFIXES, MEASURE_SUFFIXES);
  return stripped.length > MAX_MEASURE ? stripped.slice(-MAX_MEASURE) : stripped;
}

function topic(text: string, span: Span | undefined): string {
  if (span === undefined) return '';
  // 总投资337.13亿元, 概算投资140.16亿元: a project's scale names no topic for the amount after it.
  if (/^\s*(?:项目)?(?:总(?:投资|规模)|概算(?:总)?投资)/u.test(text.slice(span.start, span.end))) return '';
  return stripEnds(
    text.slice(Math.max(span.start, span.end - 40), span.end).replace(/[\s*]/gu, ''),
    [...MEASURE_PREFIXES, ...TOPIC_PREFIXES],
    [...MEASURE_SUFFIXES, ...TOPIC_SUFFIXES],
  ).slice(-16);
}

/** Spans inside 《》 and inside quotes of at most 10 characters: names, not statements ("四个辽阳", "三品一标"). */
function nameSpans(text: string, from: number, to: number): Span[] {
  const spans: Span[] = [];
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (c !== '《' && c !== '“') continue;
    const close = c === '《' ? '》' : '”';
    let j = i + 1;
    while (j < to && text[j] !== close && j - i <= 200) j++;
    if (j < to && text[j] === close && (c === '《' || j - i - 1 <= 10)) spans.push({ start: i, end: j + 1 });
    i = j;
  }
  // 市五届六次人代会议, 十八届三中全会, 第六次会议: a meeting's ordinal, not a count.
  const slice = text.slice(from, to);
  for (const m of slice.matchAll(
    /第?[一二三四五六七八九十0-9]{1,4}届(?:人大|人民代表大会|政协)?[一二三四五六七八九十0-9]{0,3}[次中]?|第[一二三四五六七八九十0-9]{1,4}次(?=[^。,,;;\n]{0,8}(?:会议|全会|大会|人代会|党代会))/gu,
  ))
    spans.push({ start: from + m.index, end: from + m.index + m[0].length });
  // 每季度进行一次督查, 于年中和年末分别组织一次自查活动: how often, not a count (the span opens at the character before 一).
  for (const m of slice.matchAll(/[^第0-9一二三四五六七八九十百千万]一次/gu)) spans.push({ start: from + m.index, end: from + m.index + m[0].length });
  return spans.sort((a, b) => a.start - b.start);
}

/** Spans of parentheses naming owners, (责任单位:…), or defining a criterion, (进展情况占比低于50%…,下同). */
function ownerSpans(text: string, from: number, to: number): Span[] {
  const spans: Span[] = [];
  for (let i = from; i < to; i++) {
    if (text[i] !== '(') continue;
    let j = i + 1;
    while (j < to && text[j] !== ')' && j - i < 300) j++;
    const head = text.slice(i + 1, i + 6);
    const inner = text.slice(i + 1, j);
    // (依据区人代会目标设置,高于省、市7.5%平均水平): the grounds of a target, not targets.
    if (!/^(?:责任|牵头|配合|协办|主办|依据|根据|参照)/u.test(head) && !/下同$|^进展情况占比/u.test(inner)) continue;
    spans.push({ start: i, end: Math.min(j + 1, to) });
    i = j;
  }
  return spans;
}

/** The quantities not inside any of the spans (both lists in text order; one pass). */
function outside(quantities: readonly Quantity[], spans: readonly Span[]): Quantity[] {
  const kept: Quantity[] = [];
  let k = 0;
  for (const q of quantities) {
    while (k < spans.length && spans[k]!.end <= q.start) k++;
    const span = spans[k];
    if (span === undefined || !(q.start > span.start && q.start < span.end)) kept.push(q);
  }
  return kept;
}

/** The index of the first quantity starting at or after `at` (quantities in text order). */
function firstFrom(quantities: readonly Quantity[], at: number): number {
  let low = 0;
  let high = quantities.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (quantities[mid]!.start < at) low = mid + 1;
    else high = mid;
  }
  return low;
}

function suffixWord(text: string, end: number, from: number, index: WordIndex): { word: string; start: number } | undefined {
  const word = wordEndingAt(text, end, from, index);
  return word === undefined ? undefined : { word, start: end - word.length };
}

/** The rate verb right before a quantity, the longest of all the lists (不低于 before 低于; allowing 到/至 after growth verbs, and the bare 在/为/是). */
function rateVerb(
  text: string,
  end: number,
  from: number,
): { kind: 'growth' | 'fall' | 'ceiling' | 'level' | 'exceed'; word: string; start: number; to: boolean } | undefined {
  let at = end;
  while (at > from && text[at - 1] === ' ') at--;
  let best: { kind: 'growth' | 'fall' | 'ceiling' | 'level' | 'exceed'; word: string; start: number; to: boolean } | undefined;
  const consider = (kind: 'growth' | 'fall' | 'ceiling' | 'level' | 'exceed', found: { word: string; start: number } | undefined, to: boolean) => {
    if (found !== undefined && (best === undefined || found.start < best.start)) best = { kind, ...found, to };
  };
  consider('ceiling', suffixWord(text, at, from, CEILING), false);
  consider('level', suffixWord(text, at, from, LEVEL), false);
  consider('exceed', suffixWord(text, at, from, EXCEED), false);
  const to = text[at - 1] === '到' || text[at - 1] === '至';
  const stem = to ? at - 1 : at;
  const growth = suffixWord(text, stem, from, GROWTH);
  const fall = suffixWord(text, stem, from, FALL);
  consider(to ? 'level' : 'growth', growth === undefined ? undefined : { word: growth.word, start: growth.start }, to);
  consider(to ? 'ceiling' : 'fall', fall === undefined ? undefined : { word: fall.word, start: fall.start }, to);
  if (best !== undefined) return best;
  const last = text[at - 1];
  if (last === '在' || last === '为' || last === '是') return { kind: 'level', word: last, start: at - 1, to: false };
  return undefined;
}

/** The noun phrase after a count or an amount: up to the clause end, the next listed quantity or verb, or a closing bracket. */
function nounAfter(text: string, from: number, to: number): Span {
  let start = from;
  if (text[start] === '的') start++;
  if (!isCjk(text[start]) && text[start] !== '“') return { start, end: start };
  let end = start;
  let quotes = 0;
  while (end < to && end - start < MAX_NOUN) {
    const c = text[end]!;
    if (c === '“') quotes++;
    else if (c === '”') {
      if (quotes === 0) break;
      quotes--;
    } else if (c === '(' || c === ')' || c === ',' || c === ';' || c === '。') break;
    else if (c === '、' || c === '和' || c === '及' || c === '与') {
      const next = text[end + 1];
      if (isDigit(next) || (next !== undefined && '一二两三四五六七八九十百千'.includes(next))) break;
      if (c === '、' && wordStartingAt(text, end + 1, to, CUMULATIVE) !== undefined) break;
      // The next list item carries its own quantity: 10亿元以上项目10个、亿元以上项目100个.
      if (c === '、') {
        let stop = end + 1;
        while (stop < to && stop - end < 16 && text[stop] !== '、' && text[stop] !== ',') stop++;
        if (findQuantities(text, end + 1, stop).length > 0) break;
      }
    }
    end++;
  }
  return { start, end };
}

function hasMoney(measure: string): boolean {
  return containsWord(measure, 0, measure.length, MONEY);
}

/** Whether an amount is an attribute of a noun (10亿元以上项目, 超千亿元产业基地, 6亿元的项目, 百亿级集群), not a quantity to track. */
function isAttribute(text: string, q: Quantity, to: number): boolean {
  if (isRateUnit(q) || isCountUnit(q.unit)) return false;
  const next = text[q.end];
  const nextIsNoun = q.end < to && isCjk(next) && next !== '的' && next !== '等';
  if (q.bare && q.end < to && isCjk(next) && q.qualifier === undefined && !PEOPLE_AFTER.test(text.slice(q.end, Math.min(to, q.end + 12)))) return true;
  if (q.qualifier !== undefined && q.qualifier !== 'about' && q.end < to && (nextIsNoun || next === '的')) return true;
  if ((text[q.start - 1] === '超' || text[q.start - 1] === '过') && (nextIsNoun || next === '的' || next === '、')) return true;
  if (next === '的' && q.end + 1 < to && isCjk(text[q.end + 1])) return true;
  // 引进10亿元项目5个: an amount right before a noun whose things are counted after it describes them.
  if (nextIsNoun && /^[\u4e00-\u9fff]{1,8}[0-9]+(?:\.[0-9]+)?[个家项所座处批]/u.test(text.slice(q.end, Math.min(to, q.end + 16)))) return true;
  // 实施总投资35亿元的80项城建重点工程: the amount describes the projects counted after 的.
  if (next === '的' && /^的[0-9.]+[万千百]?[个项家所座条处批]/u.test(text.slice(q.end, Math.min(to, q.end + 8)))) return true;
  return false;
}

/** Whether the 400 characters before `at` (within the paragraph from `from`) name the year's plan (年计划, 年度投资计划). */
function namesYearPlan(text: string, from: number, at: number): boolean {
  return /(?:年度?|全年|当年)(?:投资)?计划/u.test(text.slice(Math.max(from, at - 400), at));
}

/** A share phrase: "占年度计划19.2%", "完成目标任务的32.30%", "占年度目标任务的28%". */
function shareOf(text: string, clause: Span, q: Quantity, scopeStart = clause.start): { annual: boolean; base: string } | undefined {
  if (q.unit !== '%') return undefined;
  let start = q.start;
  while (start > clause.start && q.start - start < 16 && text[start - 1] !== ',') start--;
  let lead = text.slice(start, q.start).replace(/\s/gu, '');
  // 占年度计划投资(184.08亿元)的121.79%: the plan's amount in brackets is no part of the share's base.
  const bracket = /[(][0-9]+(?:\.[0-9]+)?(?:亿|万)?元[)]的?$/u.exec(text.slice(Math.max(clause.start, q.start - 20), q.start));
  if (bracket !== null) {
    let open = q.start - bracket[0].length;
    while (open > clause.start && q.start - open < 36 && text[open - 1] !== ',') open--;
    lead = text.slice(open, q.start - bracket[0].length).replace(/\s/gu, '');
  }
  // 45个产业项目完成投资78亿元,投资完成率76%: the share of the group's year's investment plan, named as a rate.
  if (/^(?:年度|计划|年度计划)?投资完成率(?:为|达到?|达)?$/u.test(lead)) return { annual: true, base: '年度投资计划' };
  const match = /^(?:占|完成|为|达到)(.{0,14}?)的?$/u.exec(lead);
  if (match === null) return undefined;
  const base = match[1]!;
  // 占总任务的10.8%: a share of the count of tasks, not progress on one.
  if (/总任务|任务总数|总数/u.test(base)) return undefined;
  if (!/年度|全年|目标|任务|计划|总投资|总额|总量|预算/u.test(base)) return undefined;
  // 占前三季度目标任务78.5%: the share of a stage plan is not progress on the year's.
  const stage = /^(?:第?[一二三四1-4]季度|前三季度|上半年|[1一][-—–~至][0-9一二三四五六七八九十]{1,2}月|前[0-9一二三四五六七八九十]{1,2}个?月)/u.test(base);
  // 为年投资计划的74.1%, 为年计划的44%: 年 alone also names the year's plan.
  // 为年计划的95.6% … 分别占计划的102.4%: a bare 计划 is the year's when the paragraph has just named it.
  const bare = /^(?:投资)?计划(?:投资)?$/u.test(base) && namesYearPlan(text, scopeStart, q.start);
  // 完成年初计划的119.64%: the plan set at the start of the year is the year's.
  // 完成预算的52.3%: a budget is the year's.
  return { annual: !stage && (bare || /年度|全年|当年|本年|目标|任务|^年初?(?:投资)?计划|^(?:年初|年度)?预算$/u.test(base)), base };
}

/** 7个省重点项目完成年度投资计划的81%: the subject and the year's plan of a share that opens its clause (a count of projects first). */
function leadingShare(text: string, clause: Span, q: Quantity): { subject: string; base: string } | undefined {
  if (q.unit !== '%' || q.start - clause.start > 60) return undefined;
  const match = /^(?:[0-9]+个)?([\u4e00-\u9fff“”"]{2,30}?项目)(?:完成|占)((?:年度|全年|年)(?:投资)?计划)的?$/u.exec(
    text.slice(clause.start, q.start).replace(/\s/gu, ''),
  );
  if (match === null) return undefined;
  return { subject: clean(match[1]!), base: match[2]! };
}

/**
 * 6个新农村建设项目完成投资93.3亿元,54个产业发展项目完成投资268.1亿元,…,分别占计划的102.4%、80.8%:
 * a clause of shares opening with 分别 gives each amount of its sentence, in order, its share (as many shares as amounts).
 */
function readRespectiveShares(context: ReadContext, scope: Scope, sentence: Sentence, clause: Span, quantities: readonly Quantity[]): boolean {
  const { text } = context;
  // Only the clause's opening is read: a long clause costs no more per share.
  if (!text.startsWith('分别', clause.start)) return false;
  const head = /^分别(?:占|为|完成)((?:年度|全年|年)?(?:投资)?(?:计划|目标任务|任务|目标))的?/u.exec(
    text.slice(clause.start, Math.min(clause.end, clause.start + 20)).replace(/\s/gu, ''),
  );
  if (head === null || !(/年/u.test(head[1]!) || namesYearPlan(text, scope.start, clause.start))) return false;
  const shares = quantities.filter((q) => q.start >= clause.start && q.end <= clause.end && q.unit === '%');
  if (shares.length < 2) return false;
  // The amounts of this sentence before the clause, newest first; one more than the shares is enough to refuse (and keeps this linear).
  const amounts: FoundFigure[] = [];
  for (let i = context.figures.length - 1; i >= 0 && amounts.length <= shares.length; i--) {
    const figure = context.figures[i]!;
    // An amount that already has its share closes the run of amounts this clause speaks of.
    if (figure.sentence.start !== sentence.start || figure.share !== undefined) break;
    if (figure.at < clause.start && figure.unit !== '%' && !isCountUnit(figure.unit)) amounts.unshift(figure);
  }
  if (shares.length !== amounts.length) return false;
  amounts.forEach((figure, i) => {
    const q = shares[i]!;
    figure.share = { value: q.value, annual: true, base: head[1]!, span: { start: q.start, end: q.end } };
  });
  return true;
}

/** An explicit cue right before a quantity: 任务14处, 任务为25.11万亩, 全年目标560亿元, 计划组建8个, 计划投入资金94.65亿元. */
function cueBefore(text: string, from: number, q: Quantity): { start: number; verb: string | undefined; verbEnd: number; plan?: string } | undefined {
  let at = q.start;
  if (text[at - 1] === '为' || text[at - 1] === '是') at--;
  // 主要经济指标任务10项: a count of tasks, not a task.
  if (baseUnit(q.unit) === '项' && (text.endsWith('任务', at) || text.endsWith('目标', at))) return undefined;
  // 今年保障房的竣工计划为500万套: this year's plan, named so (not 计划 of a stage or a next step).
  const thisYear = /今年|全年|年内|本年|年度/u.test(text.slice(from, at));
  if (text.endsWith('任务', at) || text.endsWith('目标', at) || (at < q.start && thisYear && text.endsWith('计划', at))) {
    const start = at - 2;
    if (start >= from) return { start, verb: undefined, verbEnd: at };
  }
  // 年度计划投资401.9亿元, 年度投资计划647.4亿元, 当年计划投资63.27亿元, 今年计划投资2000亿元: the year's plan is the target (the words stay in the measure).
  const plan = /(?:年度|全年|当年|今年|本年)(?:计划投资|投资计划)(?=[(]?$)/u.exec(text.slice(Math.max(from, at - 7), at));
  if (plan !== null) return { start: at, verb: undefined, verbEnd: at, plan: plan[0] };
  // 今年全国将开建保障房700万套: what this year is to do (not 预计将完成…, a forecast, nor a next step with no year).
  for (let i = q.start - 2; i >= Math.max(from, q.start - 12); i--) {
    if (text[i] !== '将' || !thisYear || text[i - 1] === '即' || /预计|预期|有望/u.test(text.slice(Math.max(from, i - 4), i))) continue;
    const verb = wordStartingAt(text, i + 1, q.start, CUMULATIVE);
    if (verb !== undefined && q.start - (i + 1 + verb.length) <= 8) return { start: i, verb, verbEnd: i + 1 + verb.length };
  }
  for (let i = q.start - 2; i >= Math.max(from, q.start - 12); i--) {
    if (!text.startsWith('计划', i)) continue;
    if (wordEndingAt(text, i, Math.max(from, i - 4), NOT_PLAN) !== undefined) return undefined;
    const verb = wordStartingAt(text, i + 2, q.start, CUMULATIVE);
    if (verb === undefined || q.start - (i + 2 + verb.length) > 6) return undefined;
    // 221个计划竣工项目完成投资1016.8亿元: 计划竣工 names a kind of project; what they did (完成投资) is a figure.
    const rest = text.slice(i + 2 + verb.length, q.start);
    if (/^类?项目/u.test(rest) && /完成|累计/u.test(rest)) return undefined;
    return { start: i, verb, verbEnd: i + 2 + verb.length };
  }
  return undefined;
}

/**
 * 全省2021年新增40万亩国土绿化任务: the year's task named after its amount — a verb of the list right before the
 * amount, the clause naming the plan year (2021年, 今年, 全年, 年度) and the amount's noun ending in 任务. The verb
 * and the noun make the measure (新增国土绿化任务).
 */
function cueAfter(context: ReadContext, from: number, q: Quantity, clause: Span): ReturnType<typeof cueBefore> {
  const { text } = context;
  if (q.unit === '%' || !/^[\u4e00-\u9fff“”"]{1,12}?任务(?![\u4e00-\u9fff])/u.test(text.slice(q.end, Math.min(clause.end, q.end + 14)))) return undefined;
  const verb = wordEndingAt(text, q.start, from, CUMULATIVE);
  if (verb === undefined) return undefined;
  const verbStart = q.start - verb.length;
  const before = text.slice(from, verbStart);
  if (!before.includes(`${context.year}年`) && !/今年|全年|年度|本年/u.test(before)) return undefined;
  return { start: verbStart, verb, verbEnd: q.start };
}

/** The paren target of "增长8.5%(预期目标8%)", "下降4.02%(省定目标为下降3.5%)", "2.9%(预期目标3.5%以内)". */
function parenTargetAt(text: string, open: number, to: number): { inner: Span; close: number } | undefined {
  let close = open + 1;
  while (close < to && text[close] !== ')' && close - open < 40) close++;
  if (text[close] !== ')') return undefined;
  const inner = text.slice(open + 1, close);
  if (!/^(?:预期|省定|市定|年度|全年|计划)?目标/u.test(inner)) return undefined;
  return { inner: { start: open + 1, end: close }, close };
}

/** Reads every clause of one sentence. */
export function readSentence(
  context: ReadContext,
  scope: Scope,
  sentence: Sentence,
  mode: 'target' | 'report',
  deadline: CalendarDate | undefined,
  asOf: CalendarDate,
  pastAware: boolean | PastCarry = false,
): void {
  const state: SentenceState = {
    lastSubject: '',
    lastVerb: undefined,
    lastFigure: undefined,
    previousClause: undefined,
    previousClauseRead: false,
    deadline,
    asOf,
  };
  let past = typeof pastAware === 'object' && pastAware.past;
  for (const clause of sentence.clauses) {
    const own = deadlineIn(context.text, clause.start, clause.end, context.year);
    if (own !== undefined) state.deadline = own;
    // In a report, a clause about an earlier year (2022年郑州全市生产总值预计增长2%左右) reports, and so do the clauses after it until one names the plan year.
    const said = context.text.slice(clause.start, clause.end);
    if (pastAware !== false) past = pastAfter(said, context.year, past);
    const before = context.targets.length;
    // 生产总值年均增长11%左右: an average over a plan period, not the year's target.
    readClause(context, scope, sentence, clause, past || (pastAware !== false && /年均/u.test(said)) ? 'report' : mode, state);
    state.previousClause = clause;
    state.previousClauseRead = context.targets.length > before;
  }
  if (typeof pastAware === 'object') pastAware.past = past;
}

/**
 * Whether a report speaks of an earlier year after this clause, given whether it did before it.
 * An earlier year (2016年, 去年, 上年) starts the past; the plan year or a later one, 今年, 新的一年 or a
 * list of 预期目标 ends it. 比2010年, 较去年同期: a base of comparison, not the year spoken of.
 */
export function pastAfter(clause: string, year: number, past: boolean): boolean {
  // 今后五年…的主要目标是, “十三五”发展目标, 到2025年: a plan period's goals, not the plan year's, whatever 主要目标 follows.
  if (PLAN_PERIOD.test(clause) || [...clause.matchAll(/(?:^|[^0-9])[到至]((?:19|20)\d{2})年/gu)].some((m) => Number(m[1]) > year)) return true;
  // 今年以来,……前三季度,全市实现生产总值461.8亿元: the year so far (a report is given before or at the start of its plan year) recounts results.
  if (SO_FAR.test(clause)) return true;
  const years = [...clause.matchAll(/(^|[^比较与于以自从到至])((?:19|20)\d{2})年/gu)].map((m) => Number(m[2]));
  // 2023年主要预期目标完成情况: the targets' results, not a list of targets.
  if (years.some((y) => y >= year) || /今年|明年|新的一年|(?:预期目标|主要目标)(?!完成|执行|实现)/u.test(clause)) return false;
  if (years.some((y) => y < year) || /(^|[^比较同与于])(?:去年|上年|上一年)(?!同期)/u.test(clause) || PAST_PERIOD.test(clause)) return true;
  return past;
}

/** Words that open a plan period longer than the year: 今后五年, 未来五年, “十四五”时期, “十三五”发展目标. */
const PLAN_PERIOD = /今后五年|未来五年|十[一二三四五]五[”"’]?(?:时期|期间|末|发展目标|规划目标|目标)/u;
/** Words that speak of results already had: 过去五年, 五年来, 这几年, 过去的一年, 据统计, 初步核算, 预计地区生产总值超过…(the estimate of the year just ended). */
const PAST_PERIOD = /过去(?:的)?(?:五|一|两|三)年|(?:五|一|两|三)年来|这几年|据统计|初步核算|初步统计|预计(?!今年|明年|到|至|将)/u;

/** A clause opening with the year so far: 今年以来, 年初以来, 前三季度, 上半年, 1—11月. */
const SO_FAR = /^\s*(?:今年以来|年初以来|前三季度|上半年|[1一][-—–~至][0-9一二三四五六七八九十]{1,2}月份?)(?:[,,]|\s*$)/u;

/** Whether the sentences read so far in a paragraph of a report speak of an earlier year; {@link readSentence} updates it. */
export interface PastCarry {
  past: boolean;
}

function readClause(context: ReadContext, scope: Scope, sentence: Sentence, clause: Span, mode: 'target' | 'report', state: SentenceState): void {
  const { text } = context;
  const names = nameSpans(text, clause.start, clause.end);
  const owners = ownerSpans(text, clause.start, clause.end);
  const quantities = outside(outside(findQuantities(text, clause.start, clause.end), names), owners);
  const quoteTask = /”的(?:建设)?(?:任务|目标)/u.test(text.slice(clause.start, clause.end));
  const targetMode = mode === 'target' || quoteTask;
  if (targetMode && containsWord(text, clause.start, clause.end, UNREADABLE)) {
    context.notes.push({ code: 'unreadable', message: '目标值无法读成数字(翻番、两位数等),请人工填写', span: sentence });
  }
  if (quantities.length === 0) return;
  const consumed = new Set<Quantity>();

  // Paren targets give a target and its observation in one phrase.
  for (let i = clause.start; i < clause.end; i++) {
    if (text[i] !== '(') continue;
    const paren = parenTargetAt(text, i, clause.end);
    if (paren === undefined) continue;
    const innerAt = firstFrom(quantities, paren.inner.start);
    const inner = quantities[innerAt] !== undefined && quantities[innerAt]!.start < paren.inner.end ? quantities[innerAt] : undefined;
    const before = quantities[firstFrom(quantities, i) - 1];
    const outer = before !== undefined && before.end <= i && !consumed.has(before) ? before : undefined;
    if (inner === undefined || outer === undefined) continue;
    consumed.add(inner);
    consumed.add(outer);
    readParenTarget(context, scope, sentence, clause, outer, inner, paren.inner, state);
    i = paren.close;
  }

  if (targetMode && containsWord(text, clause.start, clause.end, PER_UNIT) && quantities.some((q) => !consumed.has(q))) {
    context.notes.push({ code: 'per-unit', message: '按单位计的目标(每个…),无法汇总为全市数量,请人工确定', span: sentence });
    return;
  }
  let segment = clause.start;
  let covered = clause.start;
  for (const q of quantities) {
    if (consumed.has(q) || q.start < covered) continue;
    const before = text[q.start - 1];
    // 建成A、B等15个重大医疗项目 as a target: the count after 等 totals the names listed; in a report of progress it is a statistic.
    const listTotal = before === '等' && targetMode && isCountUnit(q.unit);
    if (before === '第' || (before === '等' && !listTotal) || before === '前' || isAttribute(text, q, clause.end)) continue;
    const share = shareOf(text, clause, q, scope.start);
    if (share !== undefined) {
      const figure = state.lastFigure;
      if (figure !== undefined && figure.share === undefined)
        figure.share = { value: q.value, annual: share.annual, base: share.base, span: { start: q.start, end: q.end } };
      segment = q.end;
      continue;
    }
    // 分别占计划的102.4%、80.8%: the shares of the amounts before, in order.
    if (q.unit === '%' && readRespectiveShares(context, scope, sentence, clause, quantities)) return;
    // 7个省重点项目完成年度投资计划的81%: a share with no amount before it in its sentence.
    const subjectShare = state.lastFigure === undefined ? leadingShare(text, clause, q) : undefined;
    if (subjectShare !== undefined) {
      context.figures.push({
        measure: subjectShare.subject,
        value: q.value,
        unit: '%',
        growth: false,
        stage: undefined,
        at: q.start,
        span: { start: clause.start, end: q.end },
        sentence,
        scope,
        asOf: state.asOf,
        share: { value: q.value, annual: true, base: subjectShare.base, span: { start: q.start, end: q.end } },
      });
      segment = q.end;
      continue;
    }
    // Nothing reaches back further than SEGMENT_REACH characters, so each quantity costs constant work.
    const near = Math.max(segment, clause.start, q.start - SEGMENT_REACH);
    const cue = cueBefore(text, near, q) ?? cueAfter(context, near, q, clause);
    if (targetMode || cue !== undefined) {
      const end = readTarget({ context, scope, sentence, clause, q, segment: near, cue, state, quantities, consumed, targetMode });
      if (end !== undefined) {
        segment = end;
        covered = end;
        continue;
      }
      if (targetMode) continue;
    }
    readFigure(context, scope, sentence, clause, q, near, state);
    segment = Math.max(segment, q.end);
  }
}

function toleranceFor(context: ReadContext, value: DecimalString, unit: string): DecimalString {
  if (unit === '%' || unit === '个百分点') return context.about.points;
  return formatFraction(mul(abs(fromDecimal(value)), fromDecimal(context.about.share)));
}

/** The decimal with its sign turned (8 → -8, -0.9 → 0.9; 0 stays 0). */
export function negate(value: DecimalString): DecimalString {
  return value.startsWith('-') ? value.slice(1) : value === '0' ? value : `-${value}`;
}

/** 15万贫困人口脱贫, 5.6万建档立卡贫困人口: people counted by a bare magnitude before the noun naming them. */
const PEOPLE_AFTER = /^(?:建档立卡)?(?:农村)?(?:贫困)?(?:人口|群众|农民|居民|劳动力|困难群众)/u;

function unitFor(q: Quantity, measure: string, text: string): string {
  if (q.bare && PEOPLE_AFTER.test(text.slice(q.end, q.end + 12))) return `${q.unit}人`;
  return q.bare && hasMoney(measure) ? `${q.unit}元` : q.unit;
}

function boundFrom(q: Quantity, fallback: RateBound): RateBound {
  return q.qualifier ?? fallback;
}

/** Measures of the world economy (国际货币基金组织调高全球经济增速至3.7%): an outlook, never the document's target. */
const EXTERNAL = /全球|世界经济|国际货币基金组织|IMF/u;

function pushTarget(context: ReadContext, target: Omit<FoundTarget, 'figure' | 'statedShare' | 'notes'> & { notes?: string[] }): FoundTarget {
  const found: FoundTarget = { ...target, notes: target.notes ?? [], figure: undefined, statedShare: undefined };
  if (!EXTERNAL.test(found.measure)) context.targets.push(found);
  return found;
}

/** Where a target read outside the clause reader stands, what it measures and its quantity. */
export interface PlainTarget {
  readonly scope: Scope;
  readonly sentence: Sentence;
  readonly deadline: CalendarDate | undefined;
  readonly measure: string;
  readonly title: Span;
  readonly value: DecimalString;
  readonly unit: string;
  readonly at: number;
  readonly notes: string[];
}

/**
 * A cumulative target with no bound, stage or figure yet, as the readers of tables, shares and
 * counts done build it (`at` is where its quantity stands).
 */
export function plainTarget(target: PlainTarget): FoundTarget {
  return {
    ...target,
    stage: undefined,
    titlePrefix: '',
    kind: 'cumulative',
    bound: undefined,
    tolerance: undefined,
    growth: false,
    figure: undefined,
    statedShare: undefined,
  };
}

/** The figure a target's own sentence reports for it: `value unit` at `span`, dated `asOf` (its measure, nature, sentence and scope are the target's). */
export function figureFor(target: FoundTarget, value: DecimalString, unit: string, span: Span, asOf: CalendarDate): FoundFigure {
  const { measure, growth, sentence, scope } = target;
  return { measure, value, unit, growth, stage: undefined, at: span.start, span, sentence, scope, asOf, share: undefined };
}

/** The heading clause before a colon that read no target ("人均地区生产总值:增长6%左右"): it names the measure of the clauses after it. */
function headingBefore(context: ReadContext, state: SentenceState): string {
  const clause = state.previousClause;
  if (clause === undefined || state.previousClauseRead || !/^[::]/u.test(context.text.slice(clause.end, clause.end + 1))) return '';
  return topic(context.text, clause);
}

/** A subject that names its own context: 占…比重, 与…比重 and one- or two-character measures borrow the previous subject or topic. */
function withContext(context: ReadContext, measure: string, raw: string, state: SentenceState): string {
  if (/^(?:占|与|比)/u.test(raw) || raw === '') {
    const inherited = clean((state.lastSubject !== '' ? state.lastSubject : headingBefore(context, state)) + raw);
    if (inherited !== '' || raw !== '' || state.previousClause === undefined) return inherited;
    // 城镇居民人均可支配收入比上年增加1530元,达到21200元: the previous clause names what reaches the amount, before its change.
    const previous = context.text.slice(state.previousClause.start, state.previousClause.end);
    const named = /^([\u4e00-\u9fff]{2,16}?)(?:同比|比上年|较上年|比去年|较去年)/u.exec(previous.replace(/[\s*]/gu, ''));
    return named === null ? '' : clean(named[1]!);
  }
  if (GENERIC_MEASURES.has(measure)) {
    const previous = state.lastSubject !== '' ? state.lastSubject : topic(context.text, state.previousClause);
    // 战略新兴产业产值:产值增长16% — the topic already ends with the measure.
    return clean(previous.endsWith(measure) ? previous : previous + measure);
  }
  return measure;
}

function readParenTarget(
  context: ReadContext,
  scope: Scope,
  sentence: Sentence,
  clause: Span,
  outer: Quantity,
  inner: Quantity,
  paren: Span,
  state: SentenceState,
): void {
  const { text } = context;
  const verb = rateVerb(text, outer.start, Math.max(clause.start, outer.start - SEGMENT_REACH));
  const innerVerb = rateVerb(text, inner.start, paren.start);
  const subjectEnd = verb?.start ?? outer.start;
  const subjectStart = Math.max(clause.start, outer.start - SEGMENT_REACH);
  const subject = clean(text.slice(subjectStart, subjectEnd));
  const kind = innerVerb?.kind === 'fall' || innerVerb?.kind === 'growth' ? innerVerb.kind : (verb?.kind ?? 'level');
  const growth = kind === 'growth' || kind === 'fall';
  const measure = kind === 'growth' ? `${subject}${verb?.word === '增长' || verb === undefined ? '增长' : verb.word}` : subject;
  const rate = isRateUnit(inner) || isRateUnit(outer);
  let value = inner.value;
  let observed = outer.value;
  if (kind === 'fall') {
    value = negate(value);
    if (verb?.kind === 'fall') observed = negate(observed);
  }
  const fallback: RateBound = kind === 'fall' || kind === 'ceiling' ? 'atMost' : 'atLeast';
  const bound = kind === 'ceiling' || kind === 'fall' ? 'atMost' : boundFrom(inner, fallback);
  const unit = unitFor(inner, measure, text);
  const target = pushTarget(context, {
    measure,
    title: { start: subjectStart, end: paren.end + 1 },
    titlePrefix: '',
    kind: rate ? 'rate' : 'cumulative',
    bound: rate ? bound : undefined,
    tolerance: rate && bound === 'about' ? toleranceFor(context, value, unit) : undefined,
    value,
    unit,
    growth,
    stage: undefined,
    at: inner.start,
    sentence,
    scope,
    deadline: state.deadline,
    notes: kind === 'fall' ? [`“下降${inner.value}${inner.unit}”写作 ${value}(atMost)`] : [],
  });
  target.figure = figureFor(target, observed, unitFor(outer, measure, text), { start: outer.start, end: outer.end }, state.asOf);
  state.lastSubject = subject;
}

/** Where a target is read: the quantity, its clause and sentence, how far back its phrase may reach, and what the sentence carries. */
interface TargetSite {
  readonly context: ReadContext;
  readonly scope: Scope;
  readonly sentence: Sentence;
  readonly clause: Span;
  /** The quantity read as a target. */
  readonly q: Quantity;
  /** Where the quantity's phrase may start: after the previous phrase of the clause. */
  readonly segment: number;
  /** An explicit cue before the quantity (任务为, 计划投入), if any. */
  readonly cue: ReturnType<typeof cueBefore>;
  readonly state: SentenceState;
  /** Every quantity of the clause, in text order. */
  readonly quantities: readonly Quantity[];
  /** Quantities already used by another phrase (a stated share joins the target it qualifies). */
  readonly consumed: Set<Quantity>;
  /** Whether the clause states what is to be done, not only that a cue names a target. */
  readonly targetMode: boolean;
}

/** What the readers of one site share: how far back a verb is looked for, the fields of every target read there, and its notes. */
interface SiteReading extends TargetSite {
  readonly from: number;
  readonly base: {
    readonly sentence: Sentence;
    readonly scope: Scope;
    readonly at: number;
    readonly deadline: CalendarDate | undefined;
    readonly stage: string | undefined;
  };
  readonly notes: string[];
}

/** A reader's answer: where the target's phrase ends, `'not-a-target'`, or undefined when the reader does not apply and the next one is asked. */
type Reading = number | 'not-a-target' | undefined;

/** The governing verb of an amount: the one written before it, or the one a list inherits from its first item. */
interface GoverningVerb {
  readonly word: string;
  readonly start: number;
  readonly end: number;
  readonly inherited: boolean;
}

/** Reads a target at a quantity; returns where its phrase ends, or undefined when the quantity is not a target. */
function readTarget(site: TargetSite): number | undefined {
  const { context, q, segment, clause } = site;
  const notes: string[] = [];
  if (q.high !== undefined) notes.push(`原文为区间 ${q.value}—${q.high}${q.unit},取下限`);
  if (q.ratio) notes.push(`原文为比例 ${q.value}:1,读作 ${q.value} 倍`);
  const reading: SiteReading = {
    ...site,
    from: Math.max(segment, q.start - VERB_REACH, clause.start),
    base: { sentence: site.sentence, scope: site.scope, at: q.start, deadline: site.state.deadline, stage: undefined },
    notes,
  };
  // 今后一个时期, 一个阶段, 一种现象: an idiom, not a count.
  if (q.chinese && q.value === '1' && (q.unit === '种' || /^(?:时期|阶段|过程)/u.test(context.text.slice(q.end, q.end + 2)))) return undefined;
  if (isRateUnit(q)) return readRateTarget(reading);
  // 计划新开工项目157项,总投资506.08亿元: the count of a group of projects whose scale follows, not a target.
  if (isCountUnit(q.unit) && /^\s*[,,]\s*(?:项目)?(?:总投资|概算(?:总)?投资)/u.test(context.text.slice(q.end, q.end + 12))) return undefined;
  const answer = readBoundedAmount(reading) ?? readCountOrAmount(reading);
  return answer === 'not-a-target' || answer === undefined ? undefined : answer;
}

/** A rate (%, 个百分点, a ratio): 增长6.5%, 下降3.6%, 控制在4.5%以内, 占…比重18%, 覆盖率85%. */
function readRateTarget(site: SiteReading): number {
  const { context, q, from, segment, clause, state, notes, base } = site;
  const { text } = context;
  const verb = rateVerb(text, q.start, from);
  const subjectRaw = text.slice(from, verb?.start ?? q.start);
  // 数字1:6.5%左右 — a label of a news explainer, not a measure; 6.5%左右的增速可以实现… — a rate spoken of, not a share to reach.
  const lineStart = text.lastIndexOf('\n', q.start - 1) + 1;
  const lineHead = q.start - lineStart <= 12 ? text.slice(lineStart, q.start) : '';
  if (verb === undefined && /^\s*[\u4e00-\u9fff]{1,4}[0-9一二三四五六七八九十]{1,2}[::]\s*$/u.test(lineHead)) return q.end;
  if (verb === undefined && /^(?:左右|以上|以下)?的(?:增速|增长|增幅|涨幅|速度)/u.test(text.slice(q.end, q.end + 8))) return q.end;
  let subject = withContext(context, clean(subjectRaw), subjectRaw.replace(/[\s*]/gu, ''), state);
  let kind = verb?.kind;
  let bound: RateBound;
  let value = q.value;
  let growth = false;
  let end = q.end;
  if (verb === undefined) {
    const noun = nounAfter(text, q.end, clause.end);
    if (noun.end > noun.start && isCjk(text[noun.start])) {
      subject = `${clean(text.slice(noun.start, noun.end))}比例`;
      end = noun.end;
      bound = boundFrom(q, 'atLeast');
    } else if (q.qualifier !== undefined) {
      bound = q.qualifier;
    } else if (/(?:比重|占比|比例|覆盖率|普及率|优良率|达标率|合格率)$/u.test(subject)) {
      // 高技术产业投资占固定资产投资比重18%: a share to reach.
      bound = 'atLeast';
      notes.push('未写上下限,比重类指标按下限(atLeast)读');
    } else if (/浓度(?:均值)?$/u.test(subject)) {
      // PM2.5浓度37微克/立方米: a concentration to stay under.
      bound = 'atMost';
      notes.push('未写上下限,浓度按上限(atMost)读');
    } else {
      context.notes.push({
        code: 'bound-unclear',
        message: `“${text.slice(Math.max(from, q.start - 12), q.end)}”未说明是上限还是下限,未收入`,
        span: site.sentence,
      });
      return q.end;
    }
    kind = 'level';
  } else if (kind === 'growth') {
    growth = true;
    subject = `${subject}${verb.word === '增速' || verb.word === '增幅' ? '增长' : verb.word}`;
    bound = q.qualifier === 'about' ? 'about' : q.qualifier === 'atMost' ? 'atMost' : 'atLeast';
  } else if (kind === 'fall') {
    growth = true;
    value = negate(value);
    bound = q.qualifier === 'about' ? 'about' : 'atMost';
    notes.push(`“${verb.word}${q.value}${q.unit}”写作 ${value}(atMost)`);
  } else if (kind === 'ceiling') {
    bound = 'atMost';
    if (q.qualifier === 'about') notes.push('“控制在…左右”按上限(atMost)读');
  } else {
    bound = boundFrom(q, 'atLeast');
  }
  const pair = /^(.{2,16}率)[和与及、](.{2,16}率)$/u.exec(subject);
  // 城镇居民人均可支配收入和农民人均纯收入增长8%: two measures with one head noun (收入), the verb shared.
  const verbTail = /(?:增长|下降|提高|降低)$/u.exec(subject)?.[0] ?? '';
  const twin = /^(.{4,18}?)[和与及](.{4,18})$/u.exec(subject.slice(0, subject.length - verbTail.length));
  const twins = twin !== null && twin[1]!.slice(-2) === twin[2]!.slice(-2) ? [`${twin[1]}${verbTail}`, `${twin[2]}${verbTail}`] : undefined;
  const measures = /(?:均|都|分别)\s*$/u.test(subjectRaw) ? splitMeasure(subject) : pair !== null ? [pair[1]!, pair[2]!] : (twins ?? [subject]);
  const values = [value];
  // 城镇和农村居民人均可支配收入分别增长8%和8.5%左右: one value for each measure, the last one's 左右/以上 for both.
  const second =
    measures.length === 2 && /分别\s*$/u.test(subjectRaw)
      ? site.quantities.find((o) => o.start > q.end && !site.consumed.has(o) && /^[和、与及]$/u.test(text.slice(q.end, o.start)) && o.unit === q.unit)
      : undefined;
  if (second !== undefined) {
    site.consumed.add(second);
    values.push(kind === 'fall' ? negate(second.value) : second.value);
    end = second.end;
    if (q.qualifier === undefined && second.qualifier !== undefined && (kind === 'growth' || kind === 'fall'))
      bound = second.qualifier === 'about' ? 'about' : second.qualifier === 'atMost' ? 'atMost' : bound;
  }
  measures.forEach((measure, i) => {
    const own = values[Math.min(i, values.length - 1)]!;
    pushTarget(context, {
      ...base,
      measure,
      title: { start: segmentStart(text, segment, clause), end },
      titlePrefix: '',
      kind: 'rate',
      bound,
      tolerance: bound === 'about' ? toleranceFor(context, own, q.unit) : undefined,
      value: own,
      unit: q.unit,
      growth,
      notes: [...notes],
    });
  });
  state.lastSubject = clean(subjectRaw);
  return end;
}

/** A count or amount after a bound word: 新增城镇就业不少于1.6万人 (a floor on a flow), 达到200家, 控制在…以内, 超过1000亿元. */
function readBoundedAmount(site: SiteReading): Reading {
  const { context, q, from, segment, clause, state, notes, base } = site;
  const { text } = context;
  const level = rateVerb(text, q.start, from);
  if (level === undefined) return undefined;
  const raw = text.slice(from, level.start);
  const measure = withContext(context, clean(raw), raw.replace(/[\s*]/gu, ''), state);
  const unit = unitFor(q, measure, text);
  const read = (kind: 'rate' | 'cumulative', bound: RateBound | undefined, tolerance: DecimalString | undefined): number => {
    pushTarget(context, {
      ...base,
      measure,
      title: { start: segmentStart(text, segment, clause), end: q.end },
      titlePrefix: '',
      kind,
      bound,
      tolerance,
      value: q.value,
      unit,
      growth: false,
      notes,
    });
    state.lastSubject = clean(raw);
    return q.end;
  };
  // 新增城镇就业不少于1.6万人, 引进项目不少于3个, 到位资金达1.2亿美元: a floor on a flow is a cumulative target.
  // 达到 keeps its stock reading (引进基金公司达到200家 is how many there are) except for money paid in (实际到账达1.2亿美元).
  const reaches = (level.word === '达' || level.word === '达到') && /到位|到账|利用外资/u.test(raw);
  if ((FLOOR_WORDS.has(level.word) && isFlow(raw)) || reaches) return read('cumulative', undefined, undefined);
  if ((level.kind === 'level' || level.kind === 'ceiling') && level.word !== '为' && level.word !== '是' && level.word !== '在') {
    const bound: RateBound =
      level.kind === 'ceiling'
        ? 'atMost'
        : q.qualifier === 'about'
          ? 'about'
          : level.word === '稳定在' && q.qualifier === undefined
            ? 'atLeast'
            : boundFrom(q, 'atLeast');
    return read('rate', bound, bound === 'about' ? toleranceFor(context, q.value, unit) : undefined);
  }
  if (level.kind === 'exceed') {
    const stock = containsWord(measure, 0, measure.length, STOCKS);
    return read(stock ? 'rate' : 'cumulative', stock ? 'atLeast' : undefined, undefined);
  }
  return undefined;
}

/** A count or amount with no bound word: after a cue, after a noun naming a flow, after its governing verb, or before a completion word. */
function readCountOrAmount(site: SiteReading): Reading {
  const { context, q, clause } = site;
  const { text } = context;
  // 11.5万贫困人口脱贫: people counted by a bare 万 are counted as 67178人脱贫 is.
  const people = q.bare && PEOPLE_AFTER.test(text.slice(q.end, q.end + 12));
  const count = isCountUnit(q.unit) || people;
  const noun = count || isCjk(text[q.end]) ? nounAfter(text, q.end, clause.end) : { start: q.end, end: q.end };
  if (site.cue !== undefined) return readCuedAmount(site, site.cue, noun);
  const named = readNamedFlow(site, count);
  if (named !== undefined) return named;
  const verb = governingVerb(site);
  if (verb === 'stop') return 'not-a-target';
  const between = stripEnds(text.slice(site.segment, q.start), MEASURE_PREFIXES, [], true);
  if (verb === undefined) return readVerblessAmount(site, between, count, noun);
  return readGovernedAmount(site, verb, count, noun);
}

/** The sentence before `sentence` in its scope when it is a short heading naming a measure (（一）地区生产总值。). */
export function headingSentence(scope: Scope, sentence: Sentence): Span | undefined {
  // A clipped part of a sentence is found by where it starts.
  const index = scope.sentences.findIndex((s) => s.start <= sentence.start && sentence.start < s.end);
  const previous = index > 0 ? scope.sentences[index - 1] : undefined;
  return previous !== undefined && previous.end - previous.start <= 24 ? previous : undefined;
}

/** What a short heading names, without its number and closing stop ((一)地区生产总值。 → 地区生产总值), or ''. */
export function headingTitle(text: string, heading: Span): string {
  const title = text
    .slice(heading.start, heading.end)
    .replace(/^\s*(?:[((][一二三四五六七八九十0-9]{1,3}[))]|[一二三四五六七八九十]{1,3}、|[0-9]{1,3}[.、])/u, '')
    .replace(/[。.:\s]+$/u, '');
  return /^[\u4e00-\u9fff]{2,16}$/u.test(title) ? title : '';
}

/** Words that only say the amount is the year's plan (年度, 全年目标): no measure. */
const PLAN_WORDS_ONLY = /^(?:年度|全年|今年|本年度?|年内|目标|计划)+$/u;

/** 任务14处, 任务为25.11万亩, 全年目标560亿元, 计划投入资金94.65亿元: an explicit cue names the target. */
function readCuedAmount(site: SiteReading, cue: NonNullable<ReturnType<typeof cueBefore>>, noun: Span): number {
  const { context, q, from, segment, clause, state, notes, base, quantities, consumed } = site;
  const { text } = context;
  const nounText = text.slice(noun.start, noun.end);
  const raw = text.slice(from, cue.start);
  let subject = raw;
  for (const word of ['下达', '安排', '要求']) {
    const at = subject.lastIndexOf(word);
    if (at >= 0) subject = subject.slice(at + word.length);
  }
  const object = cue.verb === undefined ? '' : text.slice(cue.verbEnd, q.start);
  let core = cue.verb === undefined ? clean(subject) : clean(`${cue.verb}${object}${nounText}`);
  if (cue.verb !== undefined && GENERIC_MEASURES.has(clean(`${object}${nounText}`)) && !state.previousClauseRead)
    core = clean(`${topic(text, state.previousClause)}${core}`);
  // 农村危房改造:年度任务2000户, 高标准农田建设:目标任务10万亩: words of the plan alone name nothing; what the clause before the colon names is the measure.
  const planWordsOnly = cue.verb === undefined && PLAN_WORDS_ONLY.test(core);
  let measure =
    cue.verb === undefined
      ? planWordsOnly
        ? clean(
            text
              .slice(Math.max(base.scope.start, from - 40), from)
              .replace(/^.*[,;。\n]/su, '')
              .replace(/[::]\s*$/u, ''),
          ) ||
          withContext(context, core, '', state) ||
          headingTitle(text, headingSentence(base.scope, base.sentence) ?? { start: 0, end: 0 })
        : withContext(context, core, raw.replace(/[\s*]/gu, ''), state)
      : core;
  // 150个省市重点项目已全部开工,已完成投资224.17亿元,占年度计划投资(184.08亿元)的121.79%: the plan in brackets is
  // the plan of the projects the sentence counted before it.
  const bracketed = cue.plan !== undefined && text[q.start - 1] === '(' ? lastCountedProjects(text.slice(base.sentence.start, cue.start)) : undefined;
  if (bracketed !== undefined) measure = `${bracketed}${cue.plan!}`;
  // 共安排重点项目196项,年度计划投资401.9亿元: the plan of what the clause before it names.
  else if (cue.plan !== undefined) {
    const head = measure.endsWith(cue.plan) ? measure.slice(0, -cue.plan.length) : measure;
    measure = clean(
      `${
        head === ''
          ? topic(text, state.previousClause)
              .replace(/^.*?(?:安排|共有|共)/u, '')
              .replace(/[0-9]+(?:\.[0-9]+)?[个项]?$/u, '')
          : head
      }${cue.plan}`,
    );
  }
  const unit = unitFor(q, measure, text);
  const share = statedShare(text, q, quantities);
  const end = Math.max(q.end, noun.end, share?.end ?? 0);
  const found = pushTarget(context, {
    ...base,
    measure,
    title: { start: segmentStart(text, segment, clause), end },
    titlePrefix: '',
    kind: 'cumulative',
    bound: undefined,
    tolerance: undefined,
    value: q.value,
    unit,
    growth: false,
    notes,
  });
  if (share !== undefined) {
    found.statedShare = share.value;
    consumed.add(share);
  }
  state.lastSubject = measure;
  return end;
}

/** The projects a sentence last counts (150个省市重点项目 → 省市重点项目), or undefined. */
function lastCountedProjects(before: string): string | undefined {
  const counted = [...before.matchAll(/[0-9]+个([^0-9,,;;。:()]{2,12}?项目)/gu)];
  return counted.at(-1)?.[1];
}

/** 实际利用外资7亿美元: a flow named by a noun right before the amount (利用 is no verb here). */
function readNamedFlow(site: SiteReading, count: boolean): number | undefined {
  const { context, q, from, segment, clause, state, notes, base } = site;
  const { text } = context;
  const named = text.slice(Math.max(segment, from), q.start).replace(/[\s*]/gu, '');
  if (!/(?:利用外资|到位资金|到账资金|到位外资)$/u.test(named) || count) return undefined;
  const measure = clean(named);
  pushTarget(context, {
    ...base,
    measure,
    title: { start: segmentStart(text, segment, clause), end: q.end },
    titlePrefix: '',
    kind: 'cumulative',
    bound: undefined,
    tolerance: undefined,
    value: q.value,
    unit: unitFor(q, measure, text),
    growth: false,
    notes,
  });
  state.lastSubject = measure;
  return q.end;
}

/** The verb governing the quantity, the one the list inherits, `'stop'` when a stop verb governs it (nothing to read), or undefined. */
function governingVerb(site: SiteReading): GoverningVerb | 'stop' | undefined {
  const { context, q, from, segment, state } = site;
  const { text } = context;
  for (let end = q.start; end > from; end--) {
    // A verb before a list separator governs the list only through the list's first item, except for a count of the listed names (A、B两个, A、B等15个).
    if (text[end - 1] === '、' && !q.chinese && text[q.start - 1] !== '等') break;
    const word = wordEndingAt(text, end, from, VERBS);
    if (word === undefined) continue;
    if (wordStartingAt(text, end - word.length, end, STOPS) === word) return 'stop';
    return { word, start: end - word.length, end, inherited: false };
  }
  const between = stripEnds(text.slice(segment, q.start), MEASURE_PREFIXES, [], true);
  if (state.lastVerb !== undefined && between.length <= 12 && !containsWord(between, 0, between.length, VERBS))
    return { word: state.lastVerb, start: segment, end: segment, inherited: true };
  return undefined;
}

/** An amount with no verb: 粮食产量180万吨以上 (a level with its bound), 固定资产投资162亿元 in a target list, 67178人脱贫 (a count before its completion word). */
function readVerblessAmount(site: SiteReading, between: string, count: boolean, noun: Span): Reading {
  const { context, q, segment, clause, state, notes, base } = site;
  const { text } = context;
  const title = { start: segmentStart(text, segment, clause), end: q.end };
  // 招商引资到位固定资产投资15亿元以上: a floor on a flow is a cumulative target (the amount of a flow, below), not a level.
  const flowFloor = q.qualifier !== undefined && q.qualifier !== 'about' && isFlow(between) && AMOUNT_NOUN.test(between);
  if (q.qualifier !== undefined && !flowFloor && !count && between !== '' && between.length <= 20 && !/[、,]/u.test(between)) {
    // 粮食产量1.4万亿斤左右, 粮食产量180万吨以上: a level with its bound, no verb.
    const measure = withContext(context, clean(between), between, state);
    const unit = unitFor(q, measure, text);
    pushTarget(context, {
      ...base,
      measure,
      title,
      titlePrefix: '',
      kind: 'rate',
      bound: q.qualifier,
      tolerance: q.qualifier === 'about' ? toleranceFor(context, q.value, unit) : undefined,
      value: q.value,
      unit,
      growth: false,
      notes,
    });
    state.lastSubject = measure;
    return q.end;
  }
  // 粮食产量1270万吨 in a list of targets: a year's output with no bound word, read as a floor (like 人均 levels below).
  const output = !count && site.targetMode && /产量$/u.test(between) && q.unit !== '%';
  if (
    (output || (!count && site.targetMode && AMOUNT_NOUN.test(between) && !/总(?:投资|规模)/u.test(between))) &&
    between.length <= 20 &&
    !/[、,]/u.test(between)
  ) {
    // 固定资产投资162亿元 in a list of targets: the amount of a flow named by its noun; 人均社会消费品零售总额3.84万元 is a level per person.
    const measure = withContext(context, clean(between), between, state);
    const perHead = measure.startsWith('人均') || output;
    pushTarget(context, {
      ...base,
      measure,
      title,
      titlePrefix: '',
      kind: perHead ? 'rate' : 'cumulative',
      bound: perHead ? 'atLeast' : undefined,
      tolerance: undefined,
      value: q.value,
      unit: unitFor(q, measure, text),
      growth: false,
      notes: perHead ? [...notes, output ? '产量未写上下限,按下限(atLeast)读' : '人均水平未写上下限,按下限(atLeast)读'] : notes,
    });
    state.lastSubject = measure;
    return q.end;
  }
  // A count of things to be done or built, its measure and the end of its title given.
  const countTarget = (measure: string, end: number) => ({
    ...base,
    measure,
    title: { start: title.start, end },
    titlePrefix: '',
    kind: 'cumulative' as const,
    bound: undefined,
    tolerance: undefined,
    value: q.value,
    unit: unitFor(q, measure, text),
    growth: false,
    notes,
  });
  // 对全市100个老旧小区的二次管网进行改造, 对A、B10处路口进行渠化改造: the count of what is to be done, its verb after 进行.
  if (count && site.targetMode && /^对[^,,。;;]{0,20}$/u.test(between)) {
    const done = /^([^,,。;;]{1,30}?)进行([\u4e00-\u9fff]{0,3}?(?:改造提升|改造|维修|整治|治理|修缮|加固))/u.exec(text.slice(noun.start, clause.end));
    if (done !== null) {
      const end = noun.start + done[0].length;
      const measure = clean(`${done[1]!}${done[2]!}`);
      pushTarget(context, countTarget(measure, end));
      state.lastSubject = measure;
      return end;
    }
  }
  // 67178人脱贫, 48个贫困村出列, 57个污水处理厂全部建成.
  if (between === '' && count) {
    const completion = findWord(text, noun.start, noun.end, COMPLETION);
    // 1500家村级农贸综合服务站建设工程 where targets are read: the count of what is to be built.
    const built = completion === undefined && site.targetMode ? /^[^,,。;;、]{2,30}?建设(?=工程|项目|$)/u.exec(text.slice(noun.start, noun.end)) : null;
    const end = built !== null ? noun.start + built[0].length : completion === undefined ? noun.start : completion.at + completion.word.length;
    if (end > noun.start) {
      const measure = clean(text.slice(noun.start, end).replace(/全部|全面/gu, ''));
      pushTarget(context, { ...countTarget(measure, end), stage: stageOf(text, noun.start, end) });
      return end;
    }
  }
  return 'not-a-target';
}

/** An amount its verb governs: 新增城镇就业3.7万人, 新建保障性住房6300套, 新增A、B、C示范基地各30个. */
function readGovernedAmount(site: SiteReading, verb: GoverningVerb, count: boolean, noun: Span): Reading {
  const { context, q, segment, clause, state, notes, base, quantities, consumed } = site;
  const { text } = context;
  const nounText = text.slice(noun.start, noun.end);
  if (VERBS_NEEDING_BUILD.has(verb.word) && !/建设$/u.test(nounText)) return 'not-a-target';
  // 减少农村贫困人口6.76万人, 减少贫困户1.2万户: people or households to lift out are a count to reach, unlike other counts after 减少.
  const people = verb.word === '减少' && /^(?:万|千)?(?:人|户)$/u.test(q.unit);
  if (AMOUNT_ONLY_VERBS.has(verb.word) && (count || q.unit === '%') && verb.word !== '实现' && !people) return 'not-a-target';
  const { inherited } = verb;
  const subjectRaw = inherited ? '' : text.slice(segment, verb.start);
  const subject = clean(subjectRaw);
  let object = inherited ? text.slice(segment, q.start) : text.slice(verb.end, q.start);
  // A count written after a list of names counts those names: 打造A、B两个基地, 建成A、B等15个重大医疗项目.
  if ((object.includes('、') && q.chinese) || text[q.start - 1] === '等') object = '';
  object = object.replace(/[\s*]/gu, '').replace(/^[、和及,]+/u, '');
  const verbWord = verb.word === '实现' ? '' : verb.word;
  let core: string;
  // 开工建设165个,年内完成153个: a count done (完成) with no noun keeps its verb, or it would take the measure of the count before it.
  const doneCount = verb.word === '完成' && count && !inherited;
  if (object === '' && nounText === '') core = clean(`${subject}${(verb.word === '完成' && !doneCount) || verb.word === '实现' ? '' : verbWord}`);
  else {
    // A short subject, or one naming a quoted campaign (“交通建设提升年”活动), stays in the measure.
    const campaign = /^“[^”]{2,12}”[\u4e00-\u9fff]{0,4}$/u.test(subject);
    const keepSubject = subject !== '' && (campaign || (subject.length <= 8 && !containsWord(subject, 0, subject.length, VERBS)));
    core = clean(`${keepSubject ? subject : ''}${verbWord}${object}${nounText}`);
  }
  let measure = withContext(context, core, core, state);
  if (verbWord !== '' && core.startsWith(verbWord) && GENERIC_MEASURES.has(core.slice(verbWord.length)) && !state.previousClauseRead)
    measure = clean(`${topic(text, state.previousClause)}${measure}`);
  // 高新技术企业数:新增10家以上 — the verb alone names nothing; the heading before the colon does.
  if (verbWord !== '' && core === verbWord) {
    const heading = headingBefore(context, state);
    if (heading !== '') measure = clean(`${verbWord}${heading}`);
  }
  const unit = unitFor(q, measure, text);
  const end = Math.max(q.end, noun.end);
  const title: Span = { start: segmentStart(text, inherited ? segment : Math.min(segment, verb.start), clause), end };
  const common = {
    ...base,
    titlePrefix: inherited ? verb.word : '',
    kind: 'cumulative' as const,
    bound: undefined,
    tolerance: undefined,
    value: q.value,
    unit,
    growth: false,
    stage: stageOf(text, verb.start, end),
    notes,
  };
  // 新增A、B、C示范基地各30个: one target per listed name.
  const items = object.endsWith('各') ? listItems(object.slice(0, -1)) : undefined;
  if (items !== undefined && items.names.length > 1) {
    for (const name of items.names) pushTarget(context, { ...common, measure: clean(`${verbWord}${name}${items.suffix}`), title });
  } else {
    const share = statedShare(text, q, quantities);
    const found = pushTarget(context, { ...common, measure, title: share === undefined ? title : { start: title.start, end: Math.max(title.end, share.end) } });
    if (share !== undefined) {
      found.statedShare = share.value;
      consumed.add(share);
    }
  }
  state.lastVerb = verb.word;
  state.lastSubject = measure;
  return end;
}

/** "完成全年目标560亿元的52%": the 52% is the share the text claims for the observation. */
function statedShare(text: string, q: Quantity, quantities: readonly Quantity[]): Quantity | undefined {
  if (text[q.end] !== '的') return undefined;
  const next = quantities[firstFrom(quantities, q.end + 1)];
  return next !== undefined && next.start === q.end + 1 && next.unit === '%' ? next : undefined;
}

function segmentStart(text: string, segment: number, clause: Span): number {
  let start = Math.max(segment, clause.start);
  while (start < clause.end && (text[start] === '、' || text[start] === ' ' || text[start] === '*')) start++;
  return start;
}

/** The stage a phrase names: the first stage word of a target (建成投运 → 建成), the last one before a figure (已开工…已建成 → 建成). */
function stageOf(text: string, from: number, to: number, last = false): string | undefined {
  let stage: string | undefined;
  for (let i = from; i < to; i++) {
    const word = wordStartingAt(text, i, to, STAGES);
    if (word !== undefined) {
      if (!last) return word;
      stage = word;
      i += word.length - 1;
    }
  }
  return stage;
}

/** “A”“B”“C”示范基地 or A、B、C示范基地 → the names and the shared suffix. */
function listItems(object: string): { names: string[]; suffix: string } | undefined {
  const quoted = /^((?:“[^”]{1,20}”)+)(.*)$/u.exec(object);
  if (quoted !== null) {
    const names = quoted[1]!
      .split('”')
      .filter((part) => part !== '')
      .map((part) => `${part}”`);
    return { names, suffix: quoted[2]! };
  }
  if (object.includes('、')) {
    const parts = object.split('、');
    return { names: parts, suffix: '' };
  }
  return undefined;
}

/** 城乡常住居民人均可支配收入均增长 → the 城镇 and the 农村 measure. */
function splitMeasure(subject: string): string[] {
  if (subject.startsWith('城乡')) return [`城镇${subject.slice(2)}`, `农村${subject.slice(2)}`];
  const list = /^(.+?)[、和及与](.+)$/u.exec(subject);
  if (list === null) return [subject];
  // 城镇和农村居民人均可支配收入: the two places share what follows the second.
  const place = /^(?:城镇|农村|城市|乡村)/u.exec(list[2]!);
  if (place !== null && /^(?:城镇|农村|城市|乡村)$/u.test(list[1]!)) return [`${list[1]}${list[2]!.slice(place[0].length)}`, list[2]!];
  // 规模以上工业增加值和固定资产投资均增长10%: the verb (增长) is shared.
  const verb = /(增长|下降|提高|降低)$/u.exec(list[2]!)?.[1] ?? '';
  return [`${list[1]}${verb}`, list[2]!];
}

function readFigure(context: ReadContext, scope: Scope, sentence: Sentence, clause: Span, q: Quantity, segment: number, state: SentenceState): void {
  const { text } = context;
  if (q.approx) return;
  const from = Math.max(segment, clause.start);
  const beforeRaw = text.slice(from, q.start);
  if (containsWord(text, from, q.start, CHANGES)) return;
  const before = clean(beforeRaw);
  // 总投资337.13亿元, 概算投资140.16亿元: the projects' scale, not progress on anything.
  if (/^(?:项目)?(?:总(?:投资|规模)|概算(?:总)?投资)/u.test(before)) return;
  const count = isCountUnit(q.unit);
  const noun = count ? nounAfter(text, q.end, clause.end) : { start: q.end, end: q.end };
  // A count that opens its clause is its subject (9个项目完成投资8亿元), not a figure.
  if (before === '' && noun.end > noun.start) return;
  const verb = rateVerb(text, q.start, from);
  const growth = verb !== undefined && (verb.kind === 'growth' || verb.kind === 'fall');
  const value = verb?.kind === 'fall' && q.unit === '%' ? negate(q.value) : q.value;
  // 全市230个重点项目今年1-4月累计完成投资: the count of projects and the period say nothing of what is measured.
  let measure = clean(`${before}${text.slice(noun.start, noun.end)}`.replace(FIGURE_NOISE, ''));
  if (measure.length <= 2) measure = clean(`${state.lastSubject}${measure}`);
  // 产业发展项目172个,完成投资295.9亿元: the count in the clause before names what the amount was done for.
  const counted = state.lastFigure;
  if (
    /^(?:累计)?(?:完成|实现)/u.test(measure) &&
    counted !== undefined &&
    state.previousClause !== undefined &&
    counted.at >= state.previousClause.start &&
    counted.at < state.previousClause.end &&
    isCountUnit(counted.unit) &&
    /项目$/u.test(counted.measure)
  )
    measure = clean(`${counted.measure}${measure}`);
  const figure: FoundFigure = {
    measure,
    value,
    unit: unitFor(q, measure, text),
    growth,
    stage: stageOf(text, from, q.start, true),
    at: q.start,
    span: { start: from, end: q.end },
    sentence,
    scope,
    asOf: state.asOf,
    share: undefined,
  };
  context.figures.push(figure);
  state.lastFigure = figure;
  if (measure.length > 2) state.lastSubject = clean(beforeRaw.replace(/(?:达到|达|为|是|实现|完成)$/u, ''));
}

/** Whether a sentence reads as a report of what was done: its opener or a marker word. */
export function reportsDone(text: string, sentence: Span, openers: WordIndex | undefined, markers: WordIndex): boolean {
  if (openers !== undefined) {
    let at = sentence.start;
    while (at < sentence.end && (text[at] === ' ' || text[at] === '*')) at++;
    if (wordStartingAt(text, at, sentence.end, openers) !== undefined) return true;
    if ((text[at] === '1' || text[at] === '一') && /^[-—–~至]/u.test(text[at + 1] ?? '')) return true;
  }
  for (let i = sentence.start; i < sentence.end; i++) {
    const word = wordStartingAt(text, i, sentence.end, markers);
    if (word !== undefined) return true;
    if (text[i] === '了' && !'为除罢'.includes(text[i - 1] ?? '') && text[i + 1] !== '解') return true;
  }
  return false;
}
