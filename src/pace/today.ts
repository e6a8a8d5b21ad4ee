import type { CalendarDate } from '../model/calendar-date.js';
import { dateOfDayNumber } from './calendar.js';

const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;

/**
 * Today's calendar date in China Standard Time (UTC+8), the default as-of date
 * when neither the caller nor the plan gives one. Independent of the machine's
 * time zone.
 *
 * @param now - the current time in milliseconds since the epoch (default `Date.now()`), injectable for tests
 * @returns the date `YYYY-MM-DD` in UTC+8
 * @example
 * ```ts
 * todayInChina(Date.UTC(2018, 2, 31, 16, 30)); // '2018-04-01'
 * ```
 * @category Pace
 */
export function todayInChina(now: number = Date.now()): CalendarDate {
  return dateOfDayNumber(Math.floor((now + CHINA_OFFSET_MS) / DAY_MS));
}
