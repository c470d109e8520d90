// The date pickers in the chosen language: month and weekday names from dayjs's locale, Monday
// first, and every picked date written in the language's own pattern (date-input.ts).
import 'dayjs/locale/cs';
import 'dayjs/locale/pl';
import 'dayjs/locale/tr';
import 'dayjs/locale/zh-cn';
import { DatesProvider } from '@mantine/dates';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { dayjsLocaleOf } from '../i18n/date-input.ts';
import { fallbackLanguage } from '../i18n/languages.ts';

export function LocalDatesProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const locale = dayjsLocaleOf(i18n.resolvedLanguage ?? fallbackLanguage);
  return <DatesProvider settings={{ locale, firstDayOfWeek: 1 }}>{children}</DatesProvider>;
}
