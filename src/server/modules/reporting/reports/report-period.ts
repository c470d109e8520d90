// The period a report covers: `from` and `to` as asked (inclusive), the current calendar year
// (UTC) by default, at most two years, `to` not before `from`.
import { type CalendarDate, daysBetween, todayUtc } from '../../../calendar.ts';
import { Invalid } from '../../../errors.ts';

/** The longest period one report covers: two years of days. */
export const maxPeriodDays = 731;

export function reportPeriod(
  query: { from?: CalendarDate; to?: CalendarDate },
  now: Date = new Date(),
): { from: CalendarDate; to: CalendarDate } {
  const year = todayUtc(now).slice(0, 4);
  const from = query.from ?? (query.to ? `${query.to.slice(0, 4)}-01-01` : `${year}-01-01`);
  const to = query.to ?? `${from.slice(0, 4)}-12-31`;
  if (to < from) throw Invalid.field('/to', `must be on or after from (${from})`);
  if (daysBetween(from, to) >= maxPeriodDays) {
    throw Invalid.field('/to', `must be less than ${maxPeriodDays} days after from`);
  }
  return { from, to };
}
