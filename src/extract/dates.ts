import type { CalendarDate } from '../model/calendar-date.js';

const CHINESE_SMALL_NUMBERS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 元: 1 };

/** Reads a month or day number written in digits or Chinese (1 to 31) at `at`; returns it and where it ends. */
export function smallNumberAt(text: string, at: number): { n: number; end: number } | undefined {
  let i = at;
  let n = 0;
  while (i < text.length && i - at < 2 && text[i]! >= '0' && text[i]! <= '9') n = n * 10 + Number(text[i++]);
  if (i > at) return n > 0 ? { n, end: i } : undefined;
  // 十, 十二, 二十, 二十一, 三十一
  let value = 0;
  let digit = 0;
  for (; i < text.length && i - at < 3; i++) {
    const c = text[i]!;
    if (c === '十') {
      value += (digit === 0 ? 1 : digit) * 10;
      digit = 0;
    } else if (c in CHINESE_SMALL_NUMBERS) {
      digit = CHINESE_SMALL_NUMBERS[c]!;
    } else {
      break;
    }
  }
  value += digit;
  return i > at && value > 0 ? { n: value, end: i } : undefined;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** The last day of a month. */
export function endOfMonth(year: number, month: number): CalendarDate {
  const days = month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return `${year}-${pad(month)}-${pad(days)}`;
}

/** A real date from parts, or undefined (2月30日 is not a date). */
export function dateOf(year: number, month: number, day: number): CalendarDate | undefined {
  if (month < 1 || month > 12 || day < 1) return undefined;
  const last = Number(endOfMonth(year, month).slice(8));
  return day <= last ? `${year}-${pad(month)}-${pad(day)}` : undefined;
}

const QUARTER_ENDS: Readonly<Record<string, number>> = { 一: 3, '1': 3, 二: 6, '2': 6, 三: 9, '3': 9, 四: 12, '4': 12 };
const DASHES = new Set(['-', '—', '–', '~', '至', '到']);

/** A reporting period named in the text and where it ends. */
export interface PeriodMention {
  /** The last day of the period. */
  readonly date: CalendarDate;
  /** Offset of the mention. */
  readonly start: number;
  /** Offset after the mention. */
  readonly end: number;
}

/**
 * The reporting periods in `text[from, to)`: 一季度 (03-31), 上半年 (06-30),
 * 前三季度 (09-30), 1—5月 / 1-6月份 / 一至五月 (end of that month), 1月1日-9月4日
 * (that day), 全年 (12-31).
 */
export function periodMentions(text: string, from: number, to: number, year: number): PeriodMention[] {
  const found: PeriodMention[] = [];
  for (let i = from; i < to; i++) {
    const c = text[i]!;
    if (c === '季' && text[i + 1] === '度') {
      const q = text[i - 1] ?? '';
      if (q in QUARTER_ENDS) {
        const start = text[i - 2] === '第' || text[i - 2] === '前' ? i - 2 : i - 1;
        found.push({ date: endOfMonth(year, QUARTER_ENDS[q]!), start, end: i + 2 });
      }
    } else if (c === '上' && text.startsWith('上半年', i)) {
      found.push({ date: endOfMonth(year, 6), start: i, end: i + 3 });
      i += 2;
    } else if (c === '前' && text[i + 1] !== '三') {
      // 前8月, 前八个月: the first N months.
      const month = smallNumberAt(text, i + 1);
      const at = month === undefined ? -1 : text[month.end] === '个' ? month.end + 1 : month.end;
      if (month !== undefined && month.n >= 2 && month.n <= 12 && text[at] === '月') {
        found.push({ date: endOfMonth(year, month.n), start: i, end: at + 1 });
        i = at;
      }
    } else if (c === '截' && (text[i + 1] === '至' || text[i + 1] === '止')) {
      // 截至9月底, 截至10月31日, 截止2019年12月31日 (the year's own).
      const named = text.startsWith(`${year}年`, i + 2);
      const month = smallNumberAt(text, named ? i + 7 : i + 2);
      if (month !== undefined && month.n <= 12 && text[month.end] === '月') {
        const k = month.end + 1;
        const day = smallNumberAt(text, k);
        const date =
          text[k] === '底' || text[k] === '末'
            ? endOfMonth(year, month.n)
            : day !== undefined && (text[day.end] === '日' || text[day.end] === '号')
              ? dateOf(year, month.n, day.n)
              : undefined;
        if (date !== undefined) {
          found.push({ date, start: i, end: k + 1 });
          i = k;
        }
      }
    } else if (c === '1' && text.startsWith('月1日', i + 1) && DASHES.has(text[i + 4] ?? '') && (i === from || !(text[i - 1]! >= '0' && text[i - 1]! <= '9'))) {
      // 1月1日-9月4日, 1月1日至7月27日: from the year's start to that day.
      const month = smallNumberAt(text, i + 5);
      const day = month !== undefined && text[month.end] === '月' ? smallNumberAt(text, month.end + 1) : undefined;
      const date = month !== undefined && day !== undefined && (text[day.end] === '日' || text[day.end] === '号') ? dateOf(year, month.n, day.n) : undefined;
      if (date !== undefined) {
        found.push({ date, start: i, end: day!.end + 1 });
        i = day!.end;
      }
    } else if ((c === '1' || c === '一') && DASHES.has(text[i + 1] ?? '') && (i === from || !(text[i - 1]! >= '0' && text[i - 1]! <= '9'))) {
      const month = smallNumberAt(text, i + 2);
      if (month !== undefined && month.n >= 1 && month.n <= 12 && text[month.end] === '月') {
        const end = text[month.end + 1] === '份' ? month.end + 2 : month.end + 1;
        found.push({ date: endOfMonth(year, month.n), start: i, end });
        i = end - 1;
      }
    }
  }
  return found;
}

/**
 * A deadline in `text[from, to)`: "9月底前", "9月末前", "9月前", "9月25日前",
 * "9月底", "年底前" is the plan's end and not returned.
 */
export function deadlineIn(text: string, from: number, to: number, year: number): CalendarDate | undefined {
  const labelled = labelledDeadlineIn(text, from, to, year);
  if (labelled !== undefined) return labelled;
  for (let i = from; i < to; i++) {
    if (text[i] !== '月') continue;
    // Find the month number just before 月.
    let start = i - 1;
    while (start > from && i - start < 2 && ((text[start - 1]! >= '0' && text[start - 1]! <= '9') || text[start - 1]! in CHINESE_SMALL_NUMBERS)) start--;
    const month = smallNumberAt(text, start);
    if (month === undefined || month.end !== i || month.n > 12) continue;
    if (start > from && DASHES.has(text[start - 1] ?? '')) continue; // 1—5月 is a period, not a deadline
    let j = i + 1;
    let date: CalendarDate | undefined;
    if (text[j] === '底' || text[j] === '末') {
      date = endOfMonth(year, month.n);
      j++;
    } else {
      const day = smallNumberAt(text, j);
      if (day !== undefined && (text[day.end] === '日' || text[day.end] === '号')) {
        date = dateOf(year, month.n, day.n);
        j = day.end + 1;
      } else {
        date = endOfMonth(year, month.n);
      }
    }
    if (date !== undefined && (text[j] === '前' || text.startsWith('之前', j) || text.startsWith('以前', j))) return date;
    // 在8月底完成, 11月底新建: a month's end opening what is to be done (not 截至6月底, 到9月底的).
    if (date !== undefined && (text[i + 1] === '底' || text[i + 1] === '末') && isDeadlineOpening(text, start, j, from)) return date;
  }
  return undefined;
}

/** 完成时限:2023年12月底, 完成时间:10月, 时间节点:9月30日: the deadline a label names in `text[from, to)` (in the plan's year), if any. */
export function labelledDeadlineIn(text: string, from: number, to: number, year: number): CalendarDate | undefined {
  const labelled = /(?:完成时限|完成时间|时间节点|时限要求)[::]\s*(?:(?:19|20)[0-9]{2}年)?([0-9]{1,2})月(?:底|末|([0-9]{1,2})[日号])?/u.exec(
    text.slice(from, to),
  );
  if (labelled === null) return undefined;
  const month = Number(labelled[1]);
  if (month < 1 || month > 12) return undefined;
  return labelled[2] === undefined ? endOfMonth(year, month) : (dateOf(year, month, Number(labelled[2])) ?? endOfMonth(year, month));
}

/** Whether "X月底" at [start, end) opens an action: after 在/于/要 or a clause start, before a verb, and not after 截至/到/至. */
function isDeadlineOpening(text: string, start: number, end: number, from: number): boolean {
  const before = start > from ? text[start - 1]! : ',';
  const earlier = text.slice(Math.max(from, start - 2), start);
  if (/截至|截止|到|至|止/u.test(earlier)) return false;
  if (!/[在于要,:;,。 ]/u.test(before) && start > from) return false;
  const next = text[end];
  return next !== undefined && next >= '\u4e00' && next <= '\u9fff' && !'的时止前后已'.includes(next);
}

/** The date a report sentence stands at: "截至5月30日", "截至6月末", "1—5月"; undefined when it names none. */
export function reportDateIn(text: string, from: number, to: number, year: number): CalendarDate | undefined {
  for (let i = from; i < to; i++) {
    if (!(text.startsWith('截至', i) || text.startsWith('截止', i))) continue;
    let j = i + 2;
    if (text.startsWith('目前', j)) return undefined;
    if (text.startsWith(`${year}年`, j)) j += 5;
    const month = smallNumberAt(text, j);
    if (month === undefined || text[month.end] !== '月' || month.n > 12) continue;
    const k = month.end + 1;
    if (text[k] === '底' || text[k] === '末') return endOfMonth(year, month.n);
    const day = smallNumberAt(text, k);
    if (day !== undefined && (text[day.end] === '日' || text[day.end] === '号')) return dateOf(year, month.n, day.n);
    return endOfMonth(year, month.n);
  }
  // 占前三季度目标任务78.5%: a stage plan the share is of, not the date of the figure.
  const period = periodMentions(text, from, to, year).find(
    (m) => !(/[占为]$/u.test(text.slice(Math.max(from, m.start - 1), m.start)) && /^(?:目标|计划|投资计划|任务)/u.test(text.slice(m.end, m.end + 4))),
  );
  return period?.date;
}
