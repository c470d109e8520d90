// Calendar dates (YYYY-MM-DD: stays, departures) in the visitor's language. They are days,
// not instants, so they are formatted in UTC: a visitor west of Greenwich must not see
// their arrival a day early.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

export interface DayFormatters {
  /** 6 Jul 2027 */
  day(date: string): string;
  /** Sat 6 Jul */
  short(date: string): string;
  /** July 2027 */
  month(month: string): string;
  /** Mon, Tue… starting on Monday. */
  weekdays: string[];
  /** 14:35 */
  time(iso: string): string;
}

const utc = (date: string) => new Date(`${date}T00:00:00Z`);

export function useDayFormat(): DayFormatters {
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'en';
  return useMemo(() => {
    const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    const short = new Intl.DateTimeFormat(locale, {
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
    const weekday = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
    const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
    // 2024-01-01 was a Monday.
    const weekdays = Array.from({ length: 7 }, (_, i) => weekday.format(utc(`2024-01-0${i + 1}`)));
    return {
      day: (date) => day.format(utc(date)),
      short: (date) => short.format(utc(date)),
      month: (value) => month.format(utc(`${value}-01`)),
      weekdays,
      time: (iso) => time.format(new Date(iso)),
    };
  }, [locale]);
}
