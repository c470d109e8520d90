// Dates, numbers and currency names in the conventions of the chosen language.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { fallbackLanguage } from './languages.ts';

export interface Formatters {
  dateTime(iso: string): string;
  /** The time of day of an instant: "14:35". */
  time(iso: string): string;
  date(iso: string): string;
  number(value: number): string;
  /** `CZK` → "Czech koruna" in English, "česká koruna" in Czech. */
  currencyName(code: string): string;
  /** An amount in minor units (as the API sends money), e.g. 123450 CZK → "1 234,50 Kč". */
  money(minor: number, currency: string): string;
}

/** The currency's minor-unit digits (ISO 4217 as the browser knows it: CZK 2, JPY 0, BHD 3). */
export function minorDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits ?? 2
    );
  } catch {
    return 2;
  }
}

export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? fallbackLanguage;
  return useMemo(() => {
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
    const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
    // A calendar date (a night, a departure) has no time zone: read and written as UTC, it is
    // the same day wherever the browser is.
    const calendarDate = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    const number = new Intl.NumberFormat(locale);
    const currencies = new Intl.DisplayNames([locale], { type: 'currency', fallback: 'code' });
    return {
      dateTime: (iso) => dateTime.format(new Date(iso)),
      time: (iso) => time.format(new Date(iso)),
      date: (iso) =>
        /^\d{4}-\d{2}-\d{2}$/.test(iso)
          ? calendarDate.format(new Date(`${iso}T00:00:00Z`))
          : date.format(new Date(iso)),
      number: (value) => number.format(value),
      money: (minor, currency) => {
        const digits = minorDigits(currency);
        try {
          return new Intl.NumberFormat(locale, {
            style: 'currency',
            currency,
            minimumFractionDigits: digits,
            maximumFractionDigits: digits,
          }).format(minor / 10 ** digits);
        } catch {
          return `${(minor / 10 ** digits).toFixed(digits)} ${currency}`;
        }
      },
      currencyName: (code) => {
        try {
          return currencies.of(code) ?? code;
        } catch {
          // Not a well-formed ISO 4217 code; show it as the server sent it.
          return code;
        }
      },
    };
  }, [locale]);
}
