// Calendar dates (YYYY-MM-DD, no time zone: a night, a departure) in the chosen language.
// Read as UTC and written as UTC, so "2030-07-06" is the 6th wherever the browser is; the
// instants of useFormat().date would show the 5th west of Greenwich.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { fallbackLanguage } from './languages.ts';

export interface CalendarFormat {
  /** "6 Jul 2030" */
  medium(date: string): string;
  /** "6/7" — for chart axes. */
  short(date: string): string;
  /** "Saturday, 6 July 2030": a day named in a sentence (its pattern ends in no dot). */
  full(date: string): string;
  /** "Sat 6 Jul" — the weekday matters when planning a day. */
  weekday(date: string): string;
  /** "July 2030", of a YYYY-MM month. */
  month(month: string): string;
  /** The weekdays' short names, Monday first: a calendar's column heads. */
  weekdays: string[];
}

export function useCalendarFormat(): CalendarFormat {
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? fallbackLanguage;
  return useMemo(() => {
    const at = (date: string) => new Date(`${date}T00:00:00Z`);
    const medium = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    const full = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' });
    const short = new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'numeric',
      timeZone: 'UTC',
    });
    const weekday = new Intl.DateTimeFormat(locale, {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      timeZone: 'UTC',
    });
    const month = new Intl.DateTimeFormat(locale, {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    const weekdayName = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
    return {
      medium: (date) => medium.format(at(date)),
      full: (date) => full.format(at(date)),
      short: (date) => short.format(at(date)),
      weekday: (date) => weekday.format(at(date)),
      month: (value) => month.format(at(`${value}-01`)),
      // 2024-01-01 was a Monday.
      weekdays: Array.from({ length: 7 }, (_, i) => weekdayName.format(at(`2024-01-0${i + 1}`))),
    };
  }, [locale]);
}
