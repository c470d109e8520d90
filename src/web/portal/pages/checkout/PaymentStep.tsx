// Step three of the checkout: the booking is reserved under its number; pay the deposit the
// agency's terms ask now, or the whole price, by card — or later from "My bookings".
import { Alert, Anchor, Card, Radio, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCalendarFormat } from '../../../shared/i18n/calendar-date.ts';
import { useFormat } from '../../../shared/i18n/format.ts';
import type { PortalBooking } from '../../api/types.ts';
import { PaymentForm } from '../../components/PaymentForm.tsx';
import { usePortal } from '../../portal-context.ts';

/** What is due now: the first unpaid instalment (the deposit), or the whole balance. */
export function amountsDue(booking: PortalBooking) {
  const next = booking.instalments.find((i) => !i.paid);
  const deposit =
    next && next.amount < booking.balance && booking.instalments.length > 1 ? next : null;
  return { deposit, balance: booking.balance };
}

export function PaymentStep({ booking, onDone }: { booking: PortalBooking; onDone: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const days = useCalendarFormat();
  const { slug } = usePortal();
  const { deposit, balance } = amountsDue(booking);
  const [choice, setChoice] = useState<'deposit' | 'full'>(deposit ? 'deposit' : 'full');
  const amount = choice === 'deposit' && deposit ? deposit.amount : balance;
  const rest = booking.instalments.find((i) => i !== deposit && !i.paid && deposit);

  return (
    <Stack gap="lg">
      <Alert
        color="teal"
        variant="light"
        icon={<IconCircleCheck />}
        title={t('portal.checkout.reserved', { number: booking.number })}
        data-testid="booking-reserved"
      >
        <Text size="sm">{t('portal.checkout.reservedText', { email: booking.email ?? '' })}</Text>
      </Alert>
      <Card withBorder radius="lg">
        <Title order={2} size="h4" mb="sm">
          {t('portal.checkout.payTitle')}
        </Title>
        <Radio.Group value={choice} onChange={(value) => setChoice(value as 'deposit' | 'full')}>
          <Stack gap="xs" mb="md">
            {deposit ? (
              <Radio
                value="deposit"
                data-testid="pay-deposit"
                label={t('portal.checkout.payDeposit', {
                  amount: format.money(deposit.amount, booking.currency),
                })}
                description={
                  rest
                    ? t('portal.checkout.restDue', {
                        amount: format.money(balance - deposit.amount, booking.currency),
                        date: days.medium(rest.dueDate),
                      })
                    : undefined
                }
              />
            ) : null}
            <Radio
              value="full"
              data-testid="pay-full"
              label={t('portal.checkout.payFull', {
                amount: format.money(balance, booking.currency),
              })}
            />
          </Stack>
        </Radio.Group>
        <PaymentForm
          agency={slug}
          bookingId={booking.id}
          amount={amount}
          currency={booking.currency}
          onPaid={onDone}
        />
      </Card>
      <Anchor
        component={Link}
        to={`/portal/${slug}/bookings/${booking.id}/confirmation`}
        size="sm"
        ta="center"
        data-testid="pay-later"
      >
        {t('portal.checkout.payLater')}
      </Anchor>
    </Stack>
  );
}
