import type { CalendarDate } from '../model/calendar-date.js';
import { ensurePlan, ensureTask } from '../model/boundary.js';
import { ensureDate, invalidOption, kindOf } from '../model/check-arguments.js';
import type { Plan, Task } from '../model/types.js';
import type { ExactFacts } from '../pace/compute-facts.js';
import { fillFactTexts, newFactTexts, type FactTexts } from '../pace/fact-values.js';
import { abs, formatFraction, type Fraction } from '../pace/fraction.js';
import { ensureFacts } from './boundary.js';
import { chineseDate, fullWidth, rateTargetText, rateValueText, ROUNDINGS, roundedText, type Rounding } from './wording.js';

/** A fraction as a percentage for people: at most two decimals, 四舍五入 by default, no trailing zeros (`0.2787…` → `27.87`). */
function percent(value: Fraction, rounding: Rounding = 'half-up'): string {
  return roundedText(value, 4, 2, rounding);
}

const amount = (value: Fraction): string => formatFraction(value);

/** The unit a difference of `unit` values is read in: 个百分点 for percentages. */
const differenceUnit = (unit: string): string => (unit === '%' ? '个百分点' : unit);

function paceClause(gap: Fraction, rounding: Rounding): string {
  if (gap.n === 0n) return '与序时进度持平';
  return `${gap.n > 0n ? '超前' : '落后'}${percent(abs(gap), rounding)}个百分点`;
}

/**
 * A sentence in Chinese, for a bulletin, that says what a task achieved against
 * what and why it stands where it does: the measure, the value, the target and
 * 序时进度, and the gap to it.
 *
 * @param plan - the plan
 * @param task - the task
 * @param facts - its exact facts at the as-of date
 * @param asOf - the as-of date the facts stand at
 * @param rounding - how percentages are rounded: `half-up` (四舍五入, the default) or `half-even` (GB/T 8170)
 * @returns the sentence, with full-width punctuation, e.g. `林业产值完成55亿元，为目标的27.5%，序时进度25%，超前2.5个百分点`
 * @example
 * ```ts
 * explainTask(plan, task, computeFacts(plan, task, '2018-03-31'), '2018-03-31');
 * ```
 * @category Engine
 */
export function explainTask(plan: Plan, task: Task, facts: ExactFacts, asOf: CalendarDate, rounding: Rounding = 'half-up'): string {
  const valid = ensurePlan(plan);
  const own = ensureTask(valid, task);
  const exact = ensureFacts(facts);
  const date = ensureDate(asOf);
  if (!ROUNDINGS.includes(rounding)) invalidOption('rounding', `expected ${ROUNDINGS.map((r) => `"${r}"`).join(' or ')}, got ${kindOf(rounding)}`);
  return explainTaskOf(valid, own, exact, date, rounding);
}

/** {@link explainTask} of a validated plan's task and its computed facts. Internal: not part of the package's API. */
export function explainTaskOf(plan: Plan, task: Task, facts: ExactFacts, asOf: CalendarDate, rounding: Rounding = 'half-up'): string {
  const texts = newFactTexts();
  fillFactTexts(texts, task, facts);
  return explainTaskWith(plan, task, facts, asOf, texts, rounding);
}

/** {@link explainTask} with the value's and margin's texts already worked out (see `FactTexts`). Internal. */
export function explainTaskWith(plan: Plan, task: Task, facts: ExactFacts, asOf: CalendarDate, texts: FactTexts, rounding: Rounding = 'half-up'): string {
  const { target } = task;
  const parts: string[] = [];
  const deadline = task.deadline ?? plan.period.end;
  // 序时进度 as a percentage: most tasks share their expected progress, and so its text.
  const expectedPercent = (): string => {
    if (rounding !== 'half-up' || texts.lastExpected !== facts.expected) return percent(facts.expected!, rounding);
    return (texts.lastExpectedPercent ??= percent(facts.expected!));
  };
  if (facts.cancelled && task.cancelled != null) {
    return fullWidth(`${task.title}已于${chineseDate(task.cancelled.on)}取消${task.cancelled.reason === '' ? '' : `（${task.cancelled.reason}）`}`);
  }
  switch (target.kind) {
    case 'cumulative':
    case 'level': {
      if (!facts.hasData || facts.value === null || facts.progress === null || facts.paceGap === null) {
        parts.push(`${target.measure}暂无报送数据`, `序时进度${expectedPercent()}%`);
        break;
      }
      const unit = target.unit;
      const value = texts.value ?? amount(facts.value);
      if (target.kind === 'cumulative') parts.push(`${target.measure}完成${value}${unit}`, `为目标的${percent(facts.progress, rounding)}%`);
      else
        parts.push(
          `${target.measure}为${value}${unit}（基数${target.baseline}${unit}，目标${target.value}${unit}）`,
          `完成进度${percent(facts.progress, rounding)}%`,
        );
      parts.push(`序时进度${expectedPercent()}%`, paceClause(facts.paceGap, rounding));
      if (facts.met === true) parts.push('已完成目标');
      if (facts.observation !== null && facts.dataAgeDays !== null && facts.dataAgeDays > 0) parts.push(`数据截至${chineseDate(facts.observation.asOf)}`);
      break;
    }
    case 'rate': {
      const bound = rateTargetText(target);
      if (!facts.hasData || facts.value === null || facts.margin === null) {
        parts.push(`${target.measure}暂无报送数据`, `目标${bound}`);
        break;
      }
      parts.push(rateValueText(target.measure, texts.value ?? amount(facts.value), target.unit), `目标${bound}`);
      // The margin's magnitude: its text without the sign.
      const signed = texts.margin ?? amount(facts.margin);
      const margin = `${signed.startsWith('-') ? signed.slice(1) : signed}${differenceUnit(target.unit)}`;
      parts.push(facts.met === true ? `达到目标${facts.margin.n === 0n ? '' : `，余量${margin}`}` : `未达到目标，差${margin}`);
      if (facts.observation !== null && facts.dataAgeDays !== null && facts.dataAgeDays > 0) parts.push(`数据截至${chineseDate(facts.observation.asOf)}`);
      break;
    }
    case 'milestones': {
      const done = target.milestones.filter((m) => m.done !== null && m.done <= asOf);
      parts.push(
        `${task.title}：共${target.milestones.length}个节点，已完成${done.length}个`,
        `按权重完成${percent(facts.progress!, rounding)}%`,
        `序时进度${expectedPercent()}%`,
        paceClause(facts.paceGap!, rounding),
      );
      if (facts.overdueMilestones > 0) parts.push(`${facts.overdueMilestones}个节点逾期未完成`);
      break;
    }
    case 'binary':
      if (facts.met === true) parts.push(`${task.title}：已于${chineseDate(target.completedOn!)}完成`);
      else if (facts.daysToDeadline > 0) parts.push(`${task.title}：尚未完成`, `完成时限为${chineseDate(deadline)}，剩余${facts.daysToDeadline}天`);
      else if (facts.daysToDeadline === 0) parts.push(`${task.title}：尚未完成`, `今日（${chineseDate(deadline)}）为完成时限`);
      else parts.push(`${task.title}：尚未完成`, `已超过完成时限（${chineseDate(deadline)}）${-facts.daysToDeadline}天`);
      break;
  }
  if (facts.overdue && target.kind !== 'binary') parts.push(`已超过完成时限（${chineseDate(deadline)}）`);
  if (facts.flags.includes('problem')) parts.push('被列为突出问题');
  // Titles and measures come from the plan, sometimes with ASCII punctuation.
  return fullWidth(parts.join('，'));
}
