/**
 * Reads the shortfall and surplus phrasing of bulletins, where the target is
 * not written but follows from the figure and the gap:
 *
 * - 地区生产总值(第1项):增长5.8%,低于目标1.2个百分点 → target 增长 ≥ 7%, figure 5.8%;
 * - 实际到资3.73亿美元,完成年度目标的53.3% → target 3.73 ÷ 53.3% ≈ 7 亿美元, figure 3.73;
 * - 完成投资600亿元,滞后序时进度9.5个百分点 → the share is the expected progress at the
 *   reporting date less 9.5 points, the target 600 ÷ that share (rounded, on the review list);
 *
 * and the verdict lists: 未达到序时进度的9项为:A、B、C…, whose items are targets
 * carrying the document's verdict.
 */
import type { CalendarDate } from '../model/calendar-date.js';
import { compareDecimals, parseDecimal, type DecimalString } from '../model/decimal.js';
import { unitConversionExponent } from '../model/units.js';
import { add, div, formatFraction, formatRounded, fraction, fromDecimal, mul, neg, type Fraction } from '../pace/fraction.js';
import { endOfMonth } from './dates.js';
import type { Scope, Sentence, Span } from './document.js';
import { FALL_VERBS, GROWTH_VERBS, MEASURE_PREFIXES, MEASURE_SUFFIXES } from './lexicon.js';
import { findQuantities, shiftDecimal, type Quantity } from './quantity.js';
import { figureFor, headingSentence, headingTitle, negate, plainTarget, type FoundTarget, type ReadContext } from './read-clauses.js';
import { stripEnds } from './words.js';

/** 低于目标1.2个百分点, 高于预期目标0.5个百分点, 高出目标2个百分点, 比年度目标低0.7个百分点 (比 only with the direction after 目标). */
const TARGET_GAP =
  /(低于|高于|超过|超出|高出|快于|慢于|落后于?|比)(?:年度|全年|预期|考核|计划)*目标(?:值)?(低|高|少|多|慢|快)?了?([0-9]+(?:\.[0-9]+)?)个?百分点/u;

/** A gap to the target in a sentence: where it is, its words, how many points and whether the figure is below the target. */
function targetGapIn(body: string): { index: number; words: string; points: string; below: boolean } | undefined {
  const match = TARGET_GAP.exec(body);
  if (match === null || (match[1] === '比') !== (match[2] !== undefined)) return undefined;
  return {
    index: match.index,
    words: match[0],
    points: match[3]!,
    below: /^(?:低于|慢于|落后于?)$/u.test(match[1]!) || /^(?:低|少|慢)$/u.test(match[2] ?? ''),
  };
}
/** 滞后序时进度9.5个百分点, 超时序进度4.2个百分点, 超过时间进度13.8个百分点. */
const PACE_GAP = /(滞后|落后于?|慢于|低于|超过?|快于|高于)(?:序时|时序|时间|均衡)进度([0-9]+(?:\.[0-9]+)?)个?百分点/u;
/** 完成年度目标的48.6%, 完成全年任务的60%, 占年度计划的97.2%. */
const SHARE = /(?:完成|占)(?:年度|全年)?(?:目标任务|目标|任务|计划|投资计划)的?([0-9]+(?:\.[0-9]+)?)%/u;
/** Words that open a figure's clause but name no measure. */
const FILLERS = /^(?:预计|实际|目前|截至[^,]{0,8}|上半年|前三季度|一季度|全年|今年|累计|共|已|完成|实现|达到)+$/u;

const GROWTH = [...GROWTH_VERBS].sort((a, b) => b.length - a.length);
const FALL = [...FALL_VERBS].sort((a, b) => b.length - a.length);

/** What a shortfall sentence gave. */
export interface Shortfall {
  readonly target: FoundTarget;
}

/** The verb right before `at` among `verbs`, if any. */
function verbBefore(text: string, at: number, verbs: readonly string[]): string | undefined {
  return verbs.find((verb) => text.endsWith(verb, at));
}

/**
 * The measure named before `end` in the sentence: the last clause that names something, without (第1项), fillers and
 * figures (完成3410.9亿元); when no clause does, the scope's heading sentence (（一）地区生产总值。) names it.
 */
function measureBefore(text: string, sentence: Span, end: number, heading?: Span): string {
  // 实际利用外资(第7项):实际到资3.73亿美元 — the item names its measure before (第N项).
  const named = /^(?:[0-9]{1,3}[.、])?([^,:,:()()]{2,30}?)[((]第[0-9]+项[))][::]/u.exec(text.slice(sentence.start, end));
  if (named !== null) return stripEnds(named[1]!.replace(/[\s*]/gu, ''), MEASURE_PREFIXES, MEASURE_SUFFIXES);
  const raw = text
    .slice(sentence.start, end)
    .replace(/[((][^()()]{0,20}[))]/gu, '')
    .replace(/^[0-9]{1,3}[.、]/u, '');
  const pieces = raw
    .split(/[,:,:;、]/u)
    // 全市地区生产总值完成560亿元: the amount the measure reached is no part of its name.
    .map((piece) => piece.replace(/(?<=[\u4e00-\u9fff]{2})(?:完成|实现|达到)[0-9][0-9.]*(?:万|亿)?[\u4e00-\u9fff]{0,2}\s*$/u, ''))
    .map((piece) => stripEnds(piece.replace(/[\s*]/gu, ''), MEASURE_PREFIXES, MEASURE_SUFFIXES, true));
  for (let i = pieces.length - 1; i >= 0; i--) {
    const piece = pieces[i]!;
    if (piece !== '' && !FILLERS.test(piece) && !FIGURE_PIECE.test(piece)) return piece.slice(-40);
  }
  return heading === undefined ? '' : headingTitle(text, heading);
}

/** A clause that is a figure, not a name: 完成3410.9亿元, 实现12.5亿元. */
const FIGURE_PIECE = /^(?:完成|实现|达到|累计完成)?[0-9][0-9.]*(?:万|亿)?(?:元|美元|人|个|吨|%)?$/u;

/** 规模以上工业增加值增长8%。: a short sentence stating one growth rate, its subject and value (the number and bullet before it dropped). */
function statedRate(text: string, heading: Span): { subject: string; value: string } | undefined {
  const quantities = findQuantities(text, heading.start, heading.end).filter((q) => q.unit === '%');
  if (quantities.length !== 1) return undefined;
  const rate = quantities[0]!;
  const verb = verbBefore(text, rate.start, GROWTH);
  if (verb === undefined) return undefined;
  const subject = text
    .slice(heading.start, rate.start - verb.length)
    .replace(/^\s*(?:[((][一二三四五六七八九十0-9]{1,3}[))]|[一二三四五六七八九十]{1,3}、|[0-9]{1,3}[.、]|第[0-9]{1,3}项[::]?)/u, '')
    .replace(/[\s*]/gu, '');
  return /^[\u4e00-\u9fff]{2,20}$/u.test(subject) ? { subject, value: formatFraction(fromDecimal(rate.value)) } : undefined;
}

/**
 * `value ÷ share%`, rounded half-even to `significantDigits` significant digits (at least 2), in the whole part too:
 * 346 ÷ 31.9% = 1084.6… → 1080, as docs/extract.md states (按占比的有效位数四舍五入).
 */
function divideByShare(value: DecimalString, share: Fraction, significantDigits: number): DecimalString | undefined {
  if (share.n <= 0n) return undefined;
  const quotient = div(mul(fromDecimal(value), fraction(100n)), share);
  if (quotient.n <= 0n) return undefined;
  const significant = Math.max(2, significantDigits);
  const whole = (quotient.n / quotient.d).toString();
  if (whole !== '0' && whole.length > significant) {
    const scale = 10n ** BigInt(whole.length - significant);
    const rounded = parseDecimal(formatRounded(div(quotient, fraction(scale)), 0, 0));
    return rounded === undefined ? undefined : parseDecimal((BigInt(rounded) * scale).toString());
  }
  const places = whole === '0' ? significant + 1 : significant - whole.length;
  return parseDecimal(formatRounded(quotient, places, places));
}

/** The expected progress, in percent, at `asOf` for a year of monthly pace (9月底 → 75). */
function expectedPercent(asOf: CalendarDate): Fraction {
  const month = Number(asOf.slice(5, 7));
  const day = Number(asOf.slice(8, 10));
  const days = Number(endOfMonth(Number(asOf.slice(0, 4)), month).slice(8));
  return fraction(BigInt(((month - 1) * days + day) * 100), BigInt(days * 12));
}

function quantityBefore(quantities: readonly Quantity[], at: number, accept: (q: Quantity) => boolean): Quantity | undefined {
  let found: Quantity | undefined;
  for (const q of quantities) {
    if (q.start >= at) break;
    if (accept(q)) found = q;
  }
  return found;
}

/**
 * Reads a bulletin sentence written as a shortfall or surplus (低于目标X个百分点,
 * 完成年度目标的X%, 滞后/超序时进度X个百分点): pushes the target with its figure
 * and the document's verdict, and returns true; false when the sentence is not so written.
 */
export function readShortfall(context: ReadContext, scope: Scope, sentence: Sentence, asOf: CalendarDate, deadline: CalendarDate | undefined): boolean {
  const { text } = context;
  const body = text.slice(sentence.start, sentence.end);
  const targetGap = targetGapIn(body);
  const paceGap = PACE_GAP.exec(body);
  const share = SHARE.exec(body);
  // A share alone (占年度计划19.2%) is read by the figure pairing; here only with a gap in the same sentence.
  if (targetGap === undefined && paceGap === null) return false;
  const quantities = findQuantities(text, sentence.start, sentence.end);
  const firstMark = Math.min(...[targetGap, paceGap ?? undefined, share ?? undefined].filter((m) => m !== undefined).map((m) => sentence.start + m.index));
  const verdict = targetGap?.words ?? paceGap?.[0];
  const base = { scope, sentence, deadline, stage: undefined, titlePrefix: '' };

  // An amount and the share of the year's target it is: the target follows.
  const amount = quantityBefore(quantities, firstMark, (q) => q.unit !== '%' && q.unit !== '个百分点' && !q.ratio);
  // 年度计划投资984.59亿元。前10月,累计完成投资1015.19亿元,超时序进度19.8个百分点: the plan is stated just before in the
  // paragraph, so the gap derives nothing; the figure is read and paired with that plan.
  const planBefore = context.targets.some(
    (t) => t.scope === scope && t.at < sentence.start && t.kind === 'cumulative' && /计划/u.test(t.measure) && amount !== undefined && t.unit === amount.unit,
  );
  if (targetGap === undefined && planBefore) return false;
  if (amount !== undefined && (share !== null || paceGap !== null)) {
    let shareValue: Fraction;
    let shareText: string;
    let derivedFrom: string;
    if (share !== null) {
      shareText = share[1]!;
      shareValue = fromDecimal(shareText);
      derivedFrom = share[0];
    } else {
      const gap = fromDecimal(paceGap![2]!);
      const ahead = /^(?:超|超过|快于|高于)$/u.test(paceGap![1]!);
      shareValue = add(expectedPercent(asOf), ahead ? gap : neg(gap));
      shareText = '';
      derivedFrom = `${paceGap![0]}(${asOf}的序时进度按${formatRounded(expectedPercent(asOf), 1, 1)}%计)`;
    }
    const value = divideByShare(amount.value, shareValue, share !== null ? shareText.replace('.', '').replace(/^0+/u, '').length : 3);
    if (value === undefined) return false;
    const measure = measureBefore(text, sentence, amount.start);
    if (measure === '') {
      context.notes.push({ code: 'unreadable', message: `“${body.slice(0, 40)}”没有写出指标名称,未收入,请人工填写`, span: sentence });
      return true;
    }
    const found: FoundTarget = {
      ...base,
      measure,
      title: { start: sentence.start, end: sentence.end },
      kind: 'cumulative',
      bound: undefined,
      tolerance: undefined,
      value,
      unit: amount.unit,
      growth: false,
      at: amount.start,
      notes: [`文件未写出年度目标;按“${derivedFrom}”由完成数${amount.value}${amount.unit}推算为${value}${amount.unit}`],
      figure: undefined,
      statedShare: share !== null ? shareText : undefined,
      verdict,
    };
    found.figure = figureFor(found, amount.value, amount.unit, { start: amount.start, end: amount.end }, asOf);
    context.targets.push(found);
    context.notes.push({ code: 'target-derived', message: `“${measure}”的年度目标${value}${amount.unit}由“${derivedFrom}”推算,请核对`, span: sentence });
    return true;
  }

  // A growth rate and how far it falls short of (or beats) the target.
  if (targetGap !== undefined) {
    const gapAt = sentence.start + targetGap.index;
    const rate = quantityBefore(
      quantities,
      gapAt,
      (q) => q.unit === '%' && (verbBefore(text, q.start, GROWTH) !== undefined || verbBefore(text, q.start, FALL) !== undefined),
    );
    if (rate === undefined) return false;
    const fall = verbBefore(text, rate.start, FALL);
    const verb = fall ?? verbBefore(text, rate.start, GROWTH)!;
    const observed = fall !== undefined ? negate(rate.value) : rate.value;
    const gap = targetGap.points;
    const below = targetGap.below;
    const value = formatFraction(add(fromDecimal(observed), below ? fromDecimal(gap) : neg(fromDecimal(gap))));
    const heading = headingSentence(scope, sentence);
    const stated = heading === undefined ? undefined : statedRate(text, heading);
    // 1.规模以上工业增加值增长8%。上半年增长6.2%,低于目标1.8个百分点: the item's own target, read already, takes the figure.
    const own =
      stated === undefined
        ? undefined
        : context.targets.find((t) => t.sentence.start === heading!.start && t.kind === 'rate' && t.unit === '%' && compareDecimals(t.value, value) === 0);
    if (own !== undefined && own.figure === undefined) {
      own.figure = figureFor(own, observed, '%', { start: rate.start, end: rate.end }, asOf);
      own.verdict = verdict;
      return true;
    }
    const subject = measureBefore(text, sentence, rate.start - verb.length, heading) || (stated !== undefined && stated.value === value ? stated.subject : '');
    if (subject === '') {
      context.notes.push({ code: 'unreadable', message: `“${body.slice(0, 40)}”没有写出指标名称,未收入,请人工填写`, span: sentence });
      return true;
    }
    const measure = `${subject}增长`;
    const found: FoundTarget = {
      ...base,
      measure,
      title: { start: sentence.start, end: sentence.end },
      kind: 'rate',
      bound: 'atLeast',
      tolerance: undefined,
      value,
      unit: '%',
      growth: true,
      at: rate.start,
      notes: [`文件未写出目标;按“${verb}${rate.value}%,${targetGap.words}”推算为${value}%`],
      figure: undefined,
      statedShare: undefined,
      verdict,
    };
    found.figure = figureFor(found, observed, '%', { start: rate.start, end: rate.end }, asOf);
    context.targets.push(found);
    return true;
  }
  return false;
}

/** 未达到序时进度的9项为:, 未达到序时进度11项、占比20.0%,为: the verdict and where its list starts. */
const VERDICT_LIST = /((?:未达到|未达|达到|超过?|滞后于?)(?:序时|时序|时间)?进度(?:要求)?)[^。;]{0,24}?[0-9]+项[^。;]{0,16}?(?:分别)?为[:]?/u;

/** The verdict a sentence states for the targets it lists after it, and the offset the list starts at. */
export function verdictList(text: string, sentence: Span): { verdict: string; start: number } | undefined {
  const match = VERDICT_LIST.exec(text.slice(sentence.start, sentence.end));
  if (match === null) return undefined;
  return { verdict: match[1]!, start: sentence.start + match.index + match[0].length };
}

/**
 * 2个嵌入式养老机构建设已完成1个(50%), 263场送戏进万村已送230场(87%), 其中24个计划新开工项目已开工21个,开工率87.5%:
 * the whole, what is done of it in the same classifier, and the share that is part ÷ whole, in brackets or as the
 * next clause's 开工率/完成率 (checked to the share's stated digits). Counts of tasks (项) are
 * statistics, not targets.
 */
const COUNT_DONE =
  /(?<![0-9.])([0-9]+(?:\.[0-9]+)?)(个|件|条|场|所|座|处|家|户|宗|台|套|辆|栋|公里|千米|米|亩|万亩|人|名|人次|村)([^0-9、,;。()]{2,30}?)(?:已经?|累计)(?:完成|建成|送|开工|实施|改造|治理|办结|发放|培训|安置|救助)?([0-9]+(?:\.[0-9]+)?)\2(?:[(]([0-9]+(?:\.[0-9]+)?)%[)]|[,,](?:开工|完成|建成|竣工|办结)率(?:达到?|为)?([0-9]+(?:\.[0-9]+)?)%)/gu;

/** 80个重点建设项目中79个开工建设,开工率达98.75%: N of the whole, the part done, the verb, and its rate (checked as part ÷ whole). */
const COUNT_OF =
  /(?<![0-9.])([0-9]+(?:\.[0-9]+)?)(个|件|条|所|座|处|家|户|宗|台|套)([^0-9、,;。()]{2,30}?)中[,,]?(?:已经?|已有|有)?([0-9]+(?:\.[0-9]+)?)\2(?:项目)?(开工|完工|建成|竣工|完成|开复工)(?:建设)?[,,](?:开工|完工|建成|竣工|完成|开复工)率(?:达到?|为)?([0-9]+(?:\.[0-9]+)?)%/gu;

/** Whether `share`% is `part` ÷ `whole` to the rounding of its digits. */
function isShareOf(part: DecimalString, whole: DecimalString, share: string): boolean {
  const digits = share.includes('.') ? share.length - share.indexOf('.') - 1 : 0;
  const wholeValue = fromDecimal(whole);
  if (wholeValue.n <= 0n) return false;
  const actual = div(mul(fromDecimal(part), fraction(100n)), wholeValue);
  const gap = add(actual, neg(fromDecimal(share)));
  const tolerance = fraction(5n, 10n ** BigInt(digits + 1));
  return gap.n * tolerance.d <= tolerance.n * gap.d && -gap.n * tolerance.d <= tolerance.n * gap.d;
}

/** Reads the items of a bulletin sentence written as the whole then what is done of it (2个X已完成1个(50%)); returns the spans read. */
export function readCountsDone(context: ReadContext, scope: Scope, sentence: Sentence, asOf: CalendarDate, deadline: CalendarDate | undefined): Span[] {
  const { text } = context;
  const body = text.slice(sentence.start, sentence.end);
  const read: Span[] = [];
  const matches = [
    ...[...body.matchAll(COUNT_DONE)].map((match) => ({ match, parts: [match[1]!, match[2]!, match[3]!, match[4]!, (match[5] ?? match[6])!] })),
    // 80个重点建设项目中79个开工建设,开工率达98.75%: the part named out of the whole, then its share.
    ...[...body.matchAll(COUNT_OF)].map((match) => ({ match, parts: [match[1]!, match[2]!, `${match[3]!}${match[5]!}`, match[4]!, match[6]!] })),
  ];
  for (const { match, parts } of matches) {
    const [whole, unit, noun, part, share] = parts as [string, string, string, string, string];
    if (!isShareOf(part, whole, share)) continue;
    const measure = stripEnds(noun.replace(/[\s*]/gu, ''), MEASURE_PREFIXES, MEASURE_SUFFIXES);
    if (measure.length < 2) continue;
    const value = parseDecimal(whole);
    const done = parseDecimal(part);
    if (value === undefined || done === undefined) continue;
    const at = sentence.start + match.index + (match[0].length - match[0].trimStart().length) + (/^[、,;]/u.test(match[0]) ? 1 : 0);
    const end = sentence.start + match.index + match[0].length;
    const found = plainTarget({
      scope,
      sentence,
      deadline,
      measure,
      title: { start: at, end },
      value,
      unit,
      at,
      notes: [`原文先写总数${whole}${unit},再写已完成${part}${unit}(${share}%):总数为目标,已完成数为观测值`],
    });
    found.statedShare = share;
    found.figure = figureFor(found, done, unit, { start: at, end }, asOf);
    context.targets.push(found);
    read.push({ start: at, end });
  }
  return read;
}

/** 完成全年目标任务8000人的70.3%, 占年度任务3万亩的60%, 完成年度计划投资112亿元的76.4%: the cue before a plan's quantity inside a share phrase. */
const SHARE_OF_STATED_CUE = /(?:完成|占|为|达到)了?(?:全年|年度|本年度?|今年)?(?:目标任务|计划任务|目标|任务|计划投资|投资计划|计划)(?:数)?$/u;

/**
 * 新增城镇就业5620人,完成全年目标任务8000人的70.3% / 已完成人工造林1.8万亩,占年度任务3万亩的60%: the share phrase
 * states the year's plan itself, so that quantity is the target and the amount before it (same base unit, the share
 * checked as amount ÷ plan to its stated digits) its figure. Returns the spans read.
 */
export function readSharesOfStated(context: ReadContext, scope: Scope, sentence: Sentence, asOf: CalendarDate, deadline: CalendarDate | undefined): Span[] {
  const { text } = context;
  const quantities = findQuantities(text, sentence.start, sentence.end);
  const read: Span[] = [];
  for (let i = 1; i + 1 < quantities.length; i++) {
    const [plan, share] = [quantities[i]!, quantities[i + 1]!];
    if (share.unit !== '%' || plan.unit === '%' || plan.ratio || plan.bare || !/^\s*的\s*$/u.test(text.slice(plan.end, share.start))) continue;
    const cue = SHARE_OF_STATED_CUE.exec(text.slice(Math.max(sentence.start, plan.start - 12), plan.start).replace(/\s/gu, ''));
    if (cue === null) continue;
    // The amount is among the few quantities right before the plan (a sentence of thousands stays linear).
    const amount = quantities
      .slice(Math.max(0, i - 4), i)
      .reverse()
      .find((q) => q.unit !== '%' && !q.ratio && !q.bare && unitConversionExponent(q.unit, plan.unit) !== undefined);
    if (amount === undefined || (read.length > 0 && amount.start < read[read.length - 1]!.end)) continue;
    const done = shiftDecimal(amount.value, unitConversionExponent(amount.unit, plan.unit)!);
    if (!isShareOf(done, plan.value, share.value)) continue;
    // The measure is named within the few clauses before the amount (a sentence of thousands stays linear).
    const measure = measureBefore(text, { start: Math.max(sentence.start, amount.start - 80), end: sentence.end }, amount.start);
    if (measure === '') continue;
    const span = { start: amount.start, end: share.end };
    const found = plainTarget({
      scope,
      sentence,
      deadline,
      measure,
      title: { start: clauseStart(text, sentence, amount.start), end: share.end },
      value: plan.value,
      unit: plan.unit,
      at: amount.start,
      notes: [`原文在占比中写明年度目标${plan.value}${plan.unit}:完成数${amount.value}${amount.unit}为观测值`],
    });
    found.statedShare = share.value;
    found.figure = figureFor(found, amount.value, amount.unit, span, asOf);
    context.targets.push(found);
    read.push(span);
  }
  return read;
}

/** 增长6.2%,年度目标为7% / 增长5.8%(目标7%): a growth rate, then the target it is measured against. */
const RATE_THEN_TARGET =
  /(?<![0-9.])(-?[0-9]{1,12}(?:\.[0-9]{1,12})?)%(?:[,,]|[((])(?:年度|全年|预期|年初)?目标(?:值)?(?:为|是)?(-?[0-9]{1,12}(?:\.[0-9]{1,12})?)%(?:左右|以上)?[))]?/gu;

/**
 * 规上工业增加值增长6.2%,年度目标为7% / 地区生产总值增长5.8%(目标7%): a bulletin's growth rate followed by the
 * target it is measured against — the target is the rate named after it, the growth rate its figure. Returns the spans read.
 */
export function readRatesThenTargets(context: ReadContext, scope: Scope, sentence: Sentence, asOf: CalendarDate, deadline: CalendarDate | undefined): Span[] {
  const { text } = context;
  const body = text.slice(sentence.start, sentence.end);
  const read: Span[] = [];
  for (const match of body.matchAll(RATE_THEN_TARGET)) {
    const rateAt = sentence.start + match.index;
    const fall = verbBefore(text, rateAt, FALL);
    const verb = fall ?? verbBefore(text, rateAt, GROWTH);
    if (verb === undefined) continue;
    const start = clauseStart(text, sentence, rateAt);
    const subject = measureBefore(text, { start, end: sentence.end }, rateAt - verb.length, headingSentence(scope, sentence));
    if (subject === '') continue;
    const [rateText, targetText] = [parseDecimal(match[1]!), parseDecimal(match[2]!)];
    if (rateText === undefined || targetText === undefined) continue;
    const observed = fall !== undefined ? negate(rateText) : rateText;
    const stated = fall !== undefined ? negate(targetText) : targetText;
    const end = rateAt + match[0].length;
    const found: FoundTarget = {
      scope,
      sentence,
      deadline,
      stage: undefined,
      titlePrefix: '',
      measure: `${subject}${fall !== undefined ? '' : '增长'}`,
      title: { start, end },
      kind: 'rate',
      bound: fall !== undefined ? 'atMost' : 'atLeast',
      tolerance: undefined,
      value: stated,
      unit: '%',
      growth: true,
      at: rateAt,
      notes: [`原文先写完成${verb}${match[1]!}%,再写目标${match[2]!}%`],
      figure: undefined,
      statedShare: undefined,
    };
    found.figure = figureFor(found, observed, '%', { start: rateAt, end }, asOf);
    context.targets.push(found);
    read.push({ start, end });
  }
  return read;
}

/**
 * Where the clause holding `at` starts: back to the last , ; or : within 60 characters (a long run without marks stays
 * linear, and a title read from it stays short).
 */
function clauseStart(text: string, sentence: Span, at: number): number {
  const from = Math.max(sentence.start, at - 60);
  const lead = text.slice(from, at);
  return from + Math.max(0, ...[...lead.matchAll(/[,;:]/gu)].map((mark) => mark.index + 1));
}
