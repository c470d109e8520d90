// How the date pickers write a chosen date: in the language's own pattern, as every other date
// of the app (useFormat, useCalendarFormat), never an English pattern filled with translated
// month names ("srpen 8, 2027", "19 čvn 2027").
import type { DateFormatter } from '@mantine/dates';

/** The dayjs locale of a language of the app: dayjs calls Chinese `zh-cn`. */
export function dayjsLocaleOf(language: string): string {
  return language === 'zh' ? 'zh-cn' : language;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function formatOf(locale: string): Intl.DateTimeFormat {
  let format = formats.get(locale);
  if (!format) {
    // A picked date is a calendar date: written as UTC, the same day wherever the browser is.
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    formats.set(locale, format);
  }
  return format;
}

/** One picked value ("2027-08-08", or a Date) in `locale`'s medium date: "8. 8. 2027". */
export function pickedDate(value: string | Date, locale: string): string {
  const day = typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);
  return formatOf(locale).format(new Date(`${day}T00:00:00Z`));
}

/** Mantine's `valueFormatter` for every DatePickerInput: single dates, ranges, lists. */
export const localDateFormatter: DateFormatter = ({ type, date, locale, labelSeparator }) => {
  const one = (value: unknown) =>
    typeof value === 'string' || value instanceof Date ? pickedDate(value, locale) : '';
  if (type === 'multiple') return Array.isArray(date) ? date.map(one).join(', ') : '';
  if (type === 'range') {
    if (!Array.isArray(date) || !date[0]) return '';
    return date[1]
      ? `${one(date[0])} ${labelSeparator} ${one(date[1])}`
      : `${one(date[0])} ${labelSeparator} `;
  }
  return date && !Array.isArray(date) ? one(date) : '';
};
