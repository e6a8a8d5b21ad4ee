import { DubanError } from '../errors.js';
import type { CalendarDate } from '../model/calendar-date.js';
import { kindOf } from '../model/check-arguments.js';
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
 * Internal: not exported from the package.
 */
// eslint-disable-next-line no-restricted-syntax -- the one clock read of the library: the default of an injectable argument, turned into a UTC+8 day number (zone-independent)
export function todayInChina(now: number = Date.now()): CalendarDate {
  if (typeof now !== 'number' || !Number.isFinite(now) || Math.abs(now) > 8.64e15) {
    throw new DubanError('INVALID_OPTION', 'now must be a time in milliseconds since 1970', {
      issues: [
        { code: 'invalid_type', path: 'now', keys: ['now'], message: `expected a finite number of milliseconds (a Date's getTime()), got ${kindOf(now)}` },
      ],
    });
  }
  return dateOfDayNumber(Math.floor((now + CHINA_OFFSET_MS) / DAY_MS));
}
