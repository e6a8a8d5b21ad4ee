/**
 * The year's task stated inside a progress report's sentence (bulletins only):
 *
 * - 村内道路建设年度任务是硬化道路350万平方米,上半年完成248万平方米 — the clauses from the
 *   year's task (年度任务是, 全年目标是, 今年…计划) up to the first clause that reports (上半年…,
 *   目前…, 已…) state targets; the rest of the sentence reports;
 * - 任务目标:对全市100个老旧小区……进行改造。……进展情况:实际…… — in a text laid out as pairs
 *   of 任务目标 and 进展情况 (政府承诺/政府办理, 【目标】/【完成情况】), what follows 任务目标: up to the
 *   next 进展情况: states targets;
 * - 新建农村公路200公里,已完成150公里 — a quantity stated plainly, then reported on in the next
 *   clause in the same unit: the plain clauses state the task.
 *
 * Pure functions over the decoded text; no state.
 */
import { type Sentence, type Span } from './document.js';
import { findQuantities } from './quantity.js';
import { baseUnit, reportsDone } from './read-clauses.js';
import { type WordIndex } from './words.js';

/**
 * 年度任务是, 年度任务(新建…), 全年目标是, 今年全省计划(新开工…), 年度计划(改造…): a cue naming the
 * year's task, not a share of it (完成年度任务的71%, 占年度目标) nor a stage plan.
 */
const YEAR_TASK = /(?:年度|全年|今年)[^,,。;;::0-9]{0,6}?(?:任务|目标|计划)(?:是|为)?/gu;

/** Where the year's task stated in `sentence` begins, if it names one: the end of its cue. */
function yearTaskCue(text: string, sentence: Span): number | undefined {
  const body = text.slice(sentence.start, sentence.end);
  for (const match of body.matchAll(YEAR_TASK)) {
    const before = body.slice(Math.max(0, match.index - 2), match.index);
    const after = body.slice(match.index + match[0].length, match.index + match[0].length + 24);
    // 完成年度任务的71%, 占全年目标, 为年度计划的44%: a share of the task, which reports.
    if (/(?:占|完成|超|为|达|的)$/u.test(before) || /^(?:任务)?的/u.test(after)) continue;
    // 年度计划投资307.05亿元, 年度投资计划647.4亿元, 竣工计划为500万套: the plan named right before its amount is read as such already.
    if (match[0].includes('投资') || /^投资/u.test(after) || /^[0-9]/u.test(after)) continue;
    // The task's quantity follows in the same clause (年度任务新建高清监控点40处).
    if (!/^[^,,。;;]{0,20}?[0-9]/u.test(after)) continue;
    return sentence.start + match.index + match[0].length;
  }
  return undefined;
}

/**
 * The part of a reporting sentence that states the year's task: from its cue to the clause before
 * the first one that reports (by `openers` or `markers`, or opening with the period), or undefined.
 */
export function statedYearTask(text: string, sentence: Sentence, openers: WordIndex, markers: WordIndex): Sentence | undefined {
  const cue = yearTaskCue(text, sentence);
  if (cue === undefined) return undefined;
  const clauses: Span[] = [];
  for (const clause of sentence.clauses) {
    if (clause.end <= cue) continue;
    const part = clause.start < cue ? { start: cue, end: clause.end } : clause;
    if (clauses.length > 0 && reportsDone(text, part, openers, markers)) break;
    // The cue's own clause may hold a word of progress after its quantity only if it is the task's (已 before the cue was skipped above).
    if (clauses.length === 0 && reportsDone(text, part, undefined, markers)) return undefined;
    clauses.push(part);
  }
  if (clauses.length === 0) return undefined;
  return { start: clauses[0]!.start, end: clauses[clauses.length - 1]!.end, clauses };
}

/** A clause that only opens the sentence: its period or place (一季度, 截至9月底, 全市), no quantity. */
const OPENING_CLAUSE = /^[^0-9]{0,12}$/u;
/** A clause that frames the sentence: 十件民生实事中, 从开工情况看, 民生方面 (no figure of its own, at most a count). */
const FRAMING_CLAUSE = /^[^0-9%]{2,30}(?:中|之中|方面|来看|看)$/u;
/** Words by which a clause reports rather than states: what is done (完成, 累计, 建成投用), a part (其中), a month's figure (当月), a comparison (比去年同期). */
const NOT_STATED = /完成|实现|累计|当月|本月|其中|已|正在|建成投用|同比|环比|比去年|比上年|较上年|较去年|同期/u;
/** Words by which a clause reports what is done of a task: 已完成, 实际开复工, 累计完成, 开工, 竣工. */
const DONE = /已|完成|实际|累计|开工|竣工|建成/u;
/** A clause opening with a comparison reports a change, not what is done: 比去年同期多80个, 增加9个. */
const COMPARISON = /^(?:比|较|同比|环比|增加|减少|多|少)/u;

/**
 * 新建农村公路200公里,已完成150公里 / 全市计划开复工项目320个,实际开复工286个: in a reporting sentence, one clause
 * that states a quantity plainly (one quantity, not a share nor a count of 项), right before a clause that reports what
 * is done (已完成, 实际, 累计, 开工) in the same base unit (`markers` are the words of progress the stated clause must not hold) — the task, then what is done of it. Undefined otherwise.
 */
export function statedThenDone(text: string, sentence: Sentence, markers: WordIndex): Sentence | undefined {
  const counted = (span: Span) => findQuantities(text, span.start, span.end).filter((q) => q.unit !== '%' && q.unit !== '个百分点' && !q.ratio && !q.bare);
  const clauses = sentence.clauses;
  let i = 0;
  // 市政府确定的十件民生实事中, / 从开工情况看,: a clause framing what follows opens the sentence, whatever count it names.
  const opening = (clause: Span) => {
    const body = text.slice(clause.start, clause.end).trim();
    return (counted(clause).length === 0 && OPENING_CLAUSE.test(body)) || FRAMING_CLAUSE.test(body);
  };
  while (i < clauses.length && opening(clauses[i]!)) i++;
  const [stated, done] = [clauses[i], clauses[i + 1]];
  if (stated === undefined || done === undefined) return undefined;
  const body = text.slice(stated.start, stated.end);
  const quantities = counted(stated);
  if (quantities.length !== 1 || NOT_STATED.test(body) || baseUnit(quantities[0]!.unit) === '项' || reportsDone(text, stated, undefined, markers))
    return undefined;
  const report = text.slice(done.start, done.end).trim();
  if (!DONE.test(report) || COMPARISON.test(report)) return undefined;
  if (!counted(done).some((q) => baseUnit(q.unit) === baseUnit(quantities[0]!.unit))) return undefined;
  return { start: stated.start, end: stated.end, clauses: [stated] };
}

/** 任务目标: / 目标任务: / 政府承诺: / 【目标】 (normalised to [目标]) opening what is to be done; 进展情况: / 政府办理: / 【完成情况】 opening what was done. */
const TASK_HEAD = /(?:任务目标|目标任务|政府承诺)[::]|\[目标(?:任务)?\]/gu;
const PROGRESS_HEADS = /(?:进展|完成|落实)情况[::]|政府办理[::]|\[(?:进展|完成|落实)情况\]/gu;

/** Heads in the text: where each of a kind starts and ends, in order. */
const headsOf = (text: string, heads: RegExp) => [...text.matchAll(heads)].map((match) => ({ start: match.index, end: match.index + match[0].length }));

/** Whether the text is laid out as 任务目标:… 进展情况:… pairs: a task head with a progress head at most 400 characters after it. */
export function pairedHeads(text: string): boolean {
  const progress = headsOf(text, PROGRESS_HEADS);
  let p = 0;
  for (const head of headsOf(text, TASK_HEAD)) {
    while (p < progress.length && progress[p]!.start < head.end) p++;
    if (p < progress.length && progress[p]!.start - head.end <= 400) return true;
  }
  return false;
}

/**
 * In a text laid out as 任务目标:… 进展情况:… pairs, the spans that state the tasks: from each
 * 任务目标: to the next 进展情况: (or the next 任务目标:, or the end of the text). One pass over the
 * heads of each kind, so the time is linear in the text.
 */
export function taskHeadSpans(text: string): Span[] {
  const heads = headsOf(text, TASK_HEAD);
  const progress = headsOf(text, PROGRESS_HEADS).map((head) => head.start);
  const spans: Span[] = [];
  let p = 0;
  heads.forEach((head, i) => {
    while (p < progress.length && progress[p]! < head.end) p++;
    const next = heads[i + 1]?.start ?? text.length;
    spans.push({ start: head.end, end: Math.min(next, progress[p] ?? text.length) });
  });
  return spans;
}

/** 确定地区生产总值增长7%的目标, 新增城镇就业1.2万人的年度目标: a quantity a clause calls the target after it. */
const NAMED_TARGET = /(?<![0-9.])[0-9]{1,12}(?:\.[0-9]{1,12})?(?:%|[万亿]?[\u4e00-\u9fff]{1,2})(?:左右|以上|以内)?的(?:年度|全年|预期|奋斗|工作)?目标/u;

/**
 * 今年我市确定地区生产总值增长7%的目标。: in a reporting sentence, the clause whose quantity it calls the target (…的目标)
 * states a task, whatever words of progress the sentence holds. Undefined when no clause does.
 */
export function namedTarget(text: string, sentence: Sentence): Sentence | undefined {
  for (const clause of sentence.clauses) {
    const match = NAMED_TARGET.exec(text.slice(clause.start, clause.end));
    if (match === null) continue;
    // The clause up to 的…目标: what it names is before the quantity, not the words calling it the target.
    const end = clause.start + match.index + match[0].lastIndexOf('的');
    const part = { start: clause.start, end };
    return { start: part.start, end: part.end, clauses: [part] };
  }
  return undefined;
}
