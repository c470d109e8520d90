// A booking's money at a glance: total, paid, still to pay, and the instalments with their
// due dates (the deposit at booking, the balance before departure).
import { Badge, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCalendarFormat } from '../../shared/i18n/calendar-date.ts';
import { useFormat } from '../../shared/i18n/format.ts';
import type { PortalBooking } from '../api/types.ts';

export function MoneyFacts({ booking }: { booking: PortalBooking }) {
  const { t } = useTranslation();
  const format = useFormat();
  const days = useCalendarFormat();
  const money = (amount: number) => format.money(amount, booking.currency);
  return (
    <Stack gap="xs">
      <SimpleGrid cols={3} spacing="xs">
        <Stack gap={0}>
          <Text size="xs" c="dimmed">
            {t('portal.account.total')}
          </Text>
          <Text fw={700} data-testid="booking-total">
            {money(booking.total)}
          </Text>
        </Stack>
        <Stack gap={0}>
          <Text size="xs" c="dimmed">
            {t('portal.account.paid')}
          </Text>
          <Text fw={700} c="teal.8" data-testid="booking-paid">
            {money(booking.paid)}
          </Text>
        </Stack>
        <Stack gap={0}>
          <Text size="xs" c="dimmed">
            {t('portal.account.balance')}
          </Text>
          <Text
            fw={700}
            c={booking.balance > 0 ? 'orange.8' : undefined}
            data-testid="booking-balance"
          >
            {money(booking.balance)}
          </Text>
        </Stack>
      </SimpleGrid>
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
