// Dates, numbers and currency names in the conventions of the chosen language.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { fallbackLanguage } from './languages.ts';

export interface Formatters {
  dateTime(iso: string): string;
  date(iso: string): string;
  number(value: number): string;
  /** `CZK` → "Czech koruna" in English, "česká koruna" in Czech. */
  currencyName(code: string): string;
}

export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? fallbackLanguage;
  return useMemo(() => {
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
    const number = new Intl.NumberFormat(locale);
    const currencies = new Intl.DisplayNames([locale], { type: 'currency', fallback: 'code' });
    return {
      dateTime: (iso) => dateTime.format(new Date(iso)),
      date: (iso) => date.format(new Date(iso)),
      number: (value) => number.format(value),
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
