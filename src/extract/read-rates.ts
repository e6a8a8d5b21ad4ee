/**
 * Reads the completion rates a key-project bulletin gives place by place or
 * kind by kind, with no amount of the year's plan:
 *
 * - 夏邑县、睢阳区、民权县投资完成率比率较高,分别达到79.5%、79.2%、79% — the names, then their rates in order;
 * - 11个市完成率由高到低分别为:长治124.9%、忻州86.3%、晋城82.1% — each name with its rate.
 *
 * An investment completion rate (投资完成率, 年度投资完成率) is the share of the
 * year's plan done, so each is read as a target of 100 % with the rate as its
 * figure, as "占年度计划的X%" is (docs/extract.md). A bare 完成率 counts only in
 * a sentence about investment (完成投资).
 */
import type { CalendarDate } from '../model/calendar-date.js';
import { parseDecimal } from '../model/decimal.js';
import type { Scope, Sentence, Span } from './document.js';
import { figureFor, plainTarget, type ReadContext } from './read-clauses.js';

/** Names, then their rates in order: A、B和C(的)投资完成率(比率)较高,分别达到X%、Y%和Z%. */
const NAMES_THEN_RATES =
  /([\u4e00-\u9fff]{2,12}(?:[、和及与][\u4e00-\u9fff]{2,12})+?)的?((?:年度)?投资完成率|完成率)(?:比率)?(?:较高|较低|较快|最高|最快|居前|靠前)?[,,]?分别(?:达到?|为|是)[::]?((?:[0-9]+(?:\.[0-9]+)?%[、和及与]?)+)/gu;

/** Each name with its rate: (投资)完成率(由高到低)分别为:长治124.9%、忻州86.3%. */
const RATES_BY_NAME =
  /((?:年度)?投资完成率|完成率)(?:由高到低|从高到低|由低到高)?(?:分别|依次)(?:为|是)[::]((?:[\u4e00-\u9fff]{2,8}[ \u3000]?[0-9]+(?:\.[0-9]+)?%[、,,]?)+)/gu;

const NAME_RATE = /([\u4e00-\u9fff]{2,8})[ \u3000]?([0-9]+(?:\.[0-9]+)?)%/gu;

/** One group of projects and its rate: 全市重点项目投资完成率达到52.5%, 省重点项目年度投资完成率为60%. */
const PROJECTS_RATE = /([\u4e00-\u9fff“”"]{0,16}项目)的?((?:年度|计划)?投资完成率)(?:达到?|为|是)?([0-9]+(?:\.[0-9]+)?)%/gu;

/** Reads the completion rates of a bulletin sentence given name by name; returns the spans read. */
export function readCompletionRates(context: ReadContext, scope: Scope, sentence: Sentence, asOf: CalendarDate): Span[] {
  const { text } = context;
  const body = text.slice(sentence.start, sentence.end);
  const read: Span[] = [];
  const investment = (rate: string) => rate.includes('投资') || body.includes('完成投资');
  const push = (name: string, rate: string, value: string, start: number, end: number) => {
    const share = parseDecimal(value);
    if (share === undefined) return;
    const measure = `${name}${rate}`;
    const found = plainTarget({
      scope,
      sentence,
      deadline: undefined,
      measure,
      title: { start, end },
      value: '100',
      unit: '%',
      at: start,
      notes: [`文件只给出${rate}${value}%,未给出年度计划数;按完成比例建模(目标100%)`],
    });
    found.figure = figureFor(found, share, '%', { start, end }, asOf);
    context.targets.push(found);
  };
  for (const match of body.matchAll(NAMES_THEN_RATES)) {
    const names = match[1]!.split(/[、和及与]/u);
    const values = match[3]!.match(/[0-9]+(?:\.[0-9]+)?(?=%)/gu) ?? [];
    let rate = match[2]!;
    // 民权县投资完成率: the last name took 投资 from the rate.
    const last = names.at(-1)!;
    if (/^(?:年度)?投资$/u.test(last.slice(-2)) && last.length >= 4) {
      names[names.length - 1] = last.slice(0, -2);
      rate = `投资${rate}`;
    }
    if (!investment(rate) || names.length !== values.length) continue;
    const start = sentence.start + match.index;
    const end = start + match[0].length;
    names.forEach((name, i) => push(name, rate, values[i]!, start, end));
    read.push({ start, end });
  }
  for (const match of body.matchAll(RATES_BY_NAME)) {
    const rate = match[1]!;
    const pairs = [...match[2]!.matchAll(NAME_RATE)];
    if (!investment(rate) || pairs.length < 2) continue;
    const start = sentence.start + match.index;
    const end = start + match[0].length;
    for (const pair of pairs) push(pair[1]!, rate, pair[2]!, start, end);
    read.push({ start, end });
  }
  // 全市重点项目投资完成率达到52.5%: one group's rate, when the paragraph has stated no plan in 元 before it (今年计划投资2000亿元,…投资完成率73.8%
  // is that plan's share, and its figure pairs with it).
  // Looked up once for the sentence, and only when it has such a rate, so a text of thousands of rates stays linear.
  let planAt: number | undefined;
  let stated: boolean | undefined;
  const planBefore = (at: number): boolean => {
    planAt ??= body.search(/计划投资|投资计划|年度计划/u);
    stated ??= statedInScope(context, scope, sentence.start);
    return stated || (planAt >= 0 && planAt < at);
  };
  const readBefore = read.length;
  for (const match of body.matchAll(PROJECTS_RATE)) {
    const start = sentence.start + match.index;
    if (planBefore(match.index)) break;
    // The spans read above come before this reader's, in text order: only they can overlap.
    if (read.slice(0, readBefore).some((span) => start < span.end && span.start < start + match[0].length)) continue;
    const name = match[1]!.replace(/^(?:全市|全县|全区|全省|其中)/u, '');
    if (name.length < 3) continue;
    const end = start + match[0].length;
    push(name, match[2]!, match[3]!, start, end);
    read.push({ start, end });
  }
  return read;
}

/** Whether the scope states a plan in 元 before `at`: its targets are the last ones read, so the search stops at the first of another scope. */
function statedInScope(context: ReadContext, scope: Scope, at: number): boolean {
  for (let i = context.targets.length - 1; i >= 0; i--) {
    const t = context.targets[i]!;
    if (t.scope !== scope) return false;
    if (t.at < at && t.kind === 'cumulative' && t.unit.endsWith('元')) return true;
  }
  return false;
}
