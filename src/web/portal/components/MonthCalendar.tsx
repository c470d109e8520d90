// A month of a product's bookable arrival days or departures, each with its "from" price for
// the party; a day that cannot be booked is shown but cannot be chosen.
import { ActionIcon, Box, Group, Loader, SimpleGrid, Text, UnstyledButton } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCalendarFormat } from '../../shared/i18n/calendar-date.ts';
import { minorDigits } from '../../shared/i18n/format.ts';
import type { CalendarDay } from '../api/types.ts';

export function shiftMonth(month: string, by: number): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (m - 1) + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * A whole amount with its currency, e.g. "18 060 Kč". The space between the number and the
 * currency is an ordinary one, so a day's narrow cell on a phone puts "Kč" under "18 060"
 * instead of letting the price run into the next day; the number itself never breaks.
 */
export function compactMoney(minor: number, currency: string, locale: string): string {
  try {
    const parts = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      maximumFractionDigits: 0,
      minimumFractionDigits: 0,
    }).formatToParts(minor / 10 ** minorDigits(currency));
    return parts
      .map((part, i) =>
        part.type === 'literal' &&
        (parts[i - 1]?.type === 'currency' || parts[i + 1]?.type === 'currency')
          ? ' '
          : part.value,
      )
      .join('');
  } catch {
    return `${Math.round(minor / 10 ** minorDigits(currency))} ${currency}`;
  }
}

export function MonthCalendar({
  month,
  days,
  currency,
  selected,
  loading,
  minMonth,
  onMonthChange,
  onSelect,
}: {
  month: string;
  days: CalendarDay[];
  currency: string;
  selected: string | null;
  loading: boolean;
  minMonth: string;
  onMonthChange: (month: string) => void;
  onSelect: (day: CalendarDay) => void;
}) {
  const { t, i18n } = useTranslation();
  const format = useCalendarFormat();
  const locale = i18n.resolvedLanguage ?? 'en';
  const first = new Date(`${month}-01T00:00:00Z`);
  // Monday first: blanks before the 1st.
  const lead = (first.getUTCDay() + 6) % 7;
  const byDate = new Map(days.map((d) => [d.date, d]));
  const length = new Date(
    Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0),
  ).getUTCDate();
  const dates = Array.from({ length }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`);
  const cheapest = Math.min(
    ...days.filter((d) => d.bookable && d.price !== null).map((d) => d.price as number),
  );

  return (
    <Box data-testid="month-calendar">
      <Group justify="space-between" mb="xs">
        <ActionIcon
          variant="subtle"
          aria-label={t('portal.search.previousMonth')}
          onClick={() => onMonthChange(shiftMonth(month, -1))}
          disabled={month <= minMonth}
          data-testid="calendar-previous"
        >
          <IconChevronLeft size={18} />
        </ActionIcon>
        <Group gap="xs">
          <Text fw={600} tt="capitalize" data-testid="calendar-month">
            {format.month(month)}
          </Text>
          {loading ? <Loader size="xs" /> : null}
        </Group>
        <ActionIcon
          variant="subtle"
          aria-label={t('portal.search.nextMonth')}
          onClick={() => onMonthChange(shiftMonth(month, 1))}
          data-testid="calendar-next"
        >
          <IconChevronRight size={18} />
        </ActionIcon>
      </Group>
      <SimpleGrid cols={7} spacing={4} verticalSpacing={4}>
        {format.weekdays.map((name) => (
          <Text key={name} size="xs" c="dimmed" ta="center" fw={600}>
            {name}
          </Text>
        ))}
        {Array.from({ length: lead }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: blank cells have no identity
          <Box key={`lead-${i}`} />
        ))}
        {dates.map((date) => {
          const day = byDate.get(date);
          const bookable = Boolean(day?.bookable && day.price !== null);
          const isSelected = date === selected;
          const isCheapest = bookable && day?.price === cheapest;
          return (
            <UnstyledButton
              key={date}
              disabled={!bookable}
              onClick={() => day && onSelect(day)}
              data-testid={`calendar-day-${date}`}
              data-bookable={bookable || undefined}
              aria-pressed={isSelected}
              aria-label={
                bookable && day?.price != null
                  ? `${format.medium(date)}: ${compactMoney(day.price, currency, locale)}`
                  : format.medium(date)
              }
              style={{
                borderRadius: 8,
                padding: '6px 2px',
                minHeight: 52,
                textAlign: 'center',
                cursor: bookable ? 'pointer' : 'default',
                border: isSelected
                  ? '2px solid var(--mantine-color-teal-7)'
                  : '1px solid var(--mantine-color-gray-2)',
                background: isSelected
                  ? 'var(--mantine-color-teal-0)'
                  : bookable
                    ? 'white'
                    : 'var(--mantine-color-gray-0)',
                opacity: bookable ? 1 : 0.5,
              }}
            >
              <Text size="sm" fw={600} lh={1.2}>
                {Number(date.slice(8))}
              </Text>
              {bookable && day?.price != null ? (
                <Text
                  size="10px"
                  lh={1.3}
                  c={isCheapest ? 'teal.8' : 'dimmed'}
                  fw={isCheapest ? 700 : 400}
                >
                  {compactMoney(day.price, currency, locale)}
                </Text>
              ) : (
                <Text size="10px" lh={1.3} c="dimmed">
                  –
                </Text>
              )}
            </UnstyledButton>
          );
        })}
      </SimpleGrid>
    </Box>
  );
}
