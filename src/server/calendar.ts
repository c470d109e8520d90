// Calendar dates as Caravel stores them: 'YYYY-MM-DD' strings with no time zone. A night is
// the date of its check-in. Arithmetic counts whole days since 1970-01-01 through Date.UTC,
// which has no clock offset and no DST, so a stay never shifts by a day around DST or on a
// server abroad. (It replaced Temporal.PlainDate here, which the polyfill made the slowest
// part of pricing a quote; the tests check the two agree.)

export type CalendarDate = string;

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const dayMs = 86_400_000;

/** Days since 1970-01-01 of a 'YYYY-MM-DD' date (not checked: see isCalendarDate). */
function epochDay(date: CalendarDate): number {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day);
  return Math.round(utc.getTime() / dayMs);
}

function fromEpochDay(days: number): CalendarDate {
  return new Date(days * dayMs).toISOString().slice(0, 10);
}

/** True for a real calendar date in 'YYYY-MM-DD' form (2027-02-30 is not one). */
export function isCalendarDate(value: string): boolean {
  const match = datePattern.exec(value);
  if (!match) return false;
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  return fromEpochDay(epochDay(value)) === value;
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromEpochDay(epochDay(date) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return epochDay(to) - epochDay(from);
}

/** Every date from `from` to `to`, both included; empty when `to` is before `from`. */
export function datesFromTo(from: CalendarDate, to: CalendarDate): CalendarDate[] {
  const first = epochDay(from);
  const count = epochDay(to) - first + 1;
  const dates: CalendarDate[] = [];
  for (let i = 0; i < count; i += 1) dates.push(fromEpochDay(first + i));
  return dates;
}

/** The nights of a stay: check-in up to the night before check-out. */
export function nightsOfStay(checkIn: CalendarDate, checkOut: CalendarDate): CalendarDate[] {
  return datesFromTo(checkIn, addDays(checkOut, -1));
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: CalendarDate): number {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((epochDay(date) + 3) % 7) + 7) % 7) + 1;
}

/** Today's date in UTC, or of the instant given (tests pass their own). */
export function todayUtc(now: Date = new Date()): CalendarDate {
  return now.toISOString().slice(0, 10);
}
