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
  if (year < 1000) return false;
  // date-fns' isExists takes a zero-based month.
  return isExists(year, Number(match[2]) - 1, Number(match[3]));
}
