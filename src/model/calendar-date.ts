import { isExists } from 'date-fns';

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
  if (typeof value !== 'string') return false;
  const match = DATE_PATTERN.exec(value);
  if (match === null) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1000 || month < 1 || month > 12 || day < 1) return false;
  if (day <= 28) return true;
  // date-fns' isExists takes a zero-based month.
  return isExists(year, month - 1, day);
}
