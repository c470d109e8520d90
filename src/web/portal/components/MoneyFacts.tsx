// A booking's money at a glance: total, paid, still to pay, and the instalments with their
// due dates (the deposit at booking, the balance before departure).
import { Badge, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCalendarFormat } from '../../shared/i18n/calendar-date.ts';
import { useFormat } from '../../shared/i18n/format.ts';
import { Figure, FigureRow } from '../../shared/ui/Figure.tsx';
import type { PortalBooking } from '../api/types.ts';

export function MoneyFacts({ booking }: { booking: PortalBooking }) {
  const { t } = useTranslation();
  const format = useFormat();
  const days = useCalendarFormat();
  const money = (amount: number) => format.money(amount, booking.currency);
  return (
    <Stack gap="xs">
      <FigureRow>
        <Figure
          label={t('portal.account.total')}
          value={money(booking.total)}
          testId="booking-total"
        />
        <Figure
          label={t('portal.account.paid')}
          value={money(booking.paid)}
          color="teal.8"
          testId="booking-paid"
        />
        <Figure
          label={t('portal.account.balance')}
          value={money(booking.balance)}
          color={booking.balance > 0 ? 'orange.8' : undefined}
          testId="booking-balance"
        />
      </FigureRow>
      {booking.instalments.length > 1 ? (
        <Group gap="xs">
          {booking.instalments.map((instalment) => (
            <Badge
              key={`${instalment.label}-${instalment.dueDate}`}
              variant="light"
              color={instalment.paid ? 'teal' : instalment.overdue ? 'red' : 'gray'}
              tt="none"
            >
              {t(
                instalment.label === 'deposit'
                  ? 'portal.account.deposit'
                  : instalment.label === 'balance'
                    ? 'portal.account.rest'
                    : 'portal.account.full',
              )}{' '}
              {money(instalment.amount)} · {days.medium(instalment.dueDate)}
              {instalment.paid ? ` ✓` : ''}
            </Badge>
          ))}
        </Group>
      ) : null}
    </Stack>
  );
}
