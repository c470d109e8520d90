// Calendar dates as Caravel stores them: 'YYYY-MM-DD' strings with no time zone. A night is
// the date of its check-in. Arithmetic goes through Temporal.PlainDate, which has no clock
// and no time zone, so a stay never shifts by a day around DST or on a server abroad.
import { Temporal } from '@js-temporal/polyfill';

export type CalendarDate = string;

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar date in 'YYYY-MM-DD' form (2027-02-30 is not one). */
export function isCalendarDate(value: string): boolean {
  if (!datePattern.test(value)) return false;
  try {
    return Temporal.PlainDate.from(value, { overflow: 'reject' }).toString() === value;
  } catch {
    return false;
  }
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return Temporal.PlainDate.from(date).add({ days }).toString();
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Temporal.PlainDate.from(from).until(Temporal.PlainDate.from(to)).days;
}

/** Every date from `from` to `to`, both included; empty when `to` is before `from`. */
export function datesFromTo(from: CalendarDate, to: CalendarDate): CalendarDate[] {
  const count = daysBetween(from, to) + 1;
  const dates: CalendarDate[] = [];
  let current = Temporal.PlainDate.from(from);
  for (let i = 0; i < count; i += 1) {
    dates.push(current.toString());
    current = current.add({ days: 1 });
  }
  return dates;
}

/** The nights of a stay: check-in up to the night before check-out. */
export function nightsOfStay(checkIn: CalendarDate, checkOut: CalendarDate): CalendarDate[] {
  return datesFromTo(checkIn, addDays(checkOut, -1));
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: CalendarDate): number {
  return Temporal.PlainDate.from(date).dayOfWeek;
}

/** Today's date in UTC, or of the instant given (tests pass their own). */
export function todayUtc(now: Date = new Date()): CalendarDate {
  return now.toISOString().slice(0, 10);
}
