import { isExists } from 'date-fns/isExists';

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** JSON Schema `pattern` for a calendar date. */
export const CALENDAR_DATE_PATTERN = DATE_PATTERN.source;

/**
 * A calendar date written `YYYY-MM-DD`. It means that whole day, with no time
 * and no time zone, so comparing two dates never depends on where the code runs.
 * Two valid dates compare correctly as strings.
 *
 * @category Model
 */
export type CalendarDate = string;

/** The number written by the ASCII digits `text[from..to)`, or -1 if any is not a digit. */
function digits(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * Whether a string is a real calendar date `YYYY-MM-DD` (`"2018-02-30"` is not).
 *
 * @param value - the string to check
 * @returns `true` for a real date between years 1000 and 9999
 * @example
 * ```ts
 * isCalendarDate('2016-02-29'); // true
 * isCalendarDate('2019-02-29'); // false
 * ```
 * @category Model
 */
export function isCalendarDate(value: unknown): value is CalendarDate {
  // The shape of DATE_PATTERN, read without a regular expression: this runs for every date of a plan.
  if (typeof value !== 'string' || value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false;
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 7);
  const day = digits(value, 8, 10);
  if (year < 1000 || month < 1 || month > 12 || day < 1) return false;
  if (day <= 28) return true;
  if (month !== 2) return day <= 30 || (day === 31 && (month <= 7 ? month % 2 === 1 : month % 2 === 0));
  // 29 February: a leap-year question. date-fns' isExists takes a zero-based month.
  return isExists(year, month - 1, day);
}
