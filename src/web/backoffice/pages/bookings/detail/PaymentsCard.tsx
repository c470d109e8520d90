// The booking's money: total, paid, balance, the payment plan's instalments and every
// payment or refund; cashiers record a new one here.
import { Badge, Box, Button, Divider, Group, Stack, Table, Text } from '@mantine/core';
import { IconCash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../../shared/i18n/format.ts';
import { Figure, FigureRow } from '../../../../shared/ui/Figure.tsx';
import type { BookingView } from '../booking-types.ts';
import { RecordPaymentModal } from './RecordPaymentModal.tsx';
import { SectionCard } from './SectionCard.tsx';

export function PaymentsCard({ booking, canRecord }: { booking: BookingView; canRecord: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [recording, setRecording] = useState(false);
  const money = (minor: number) => format.money(minor, booking.currency);
  const methodLabel = (method: string) =>
    method === 'card' ||
    method === 'bank_transfer' ||
    method === 'cash' ||
    method === 'voucher' ||
    method === 'marketplace'
      ? t(`bookings.detail.paymentMethod.${method}`)
      : method;

  return (
    <SectionCard
      title={t('bookings.detail.payments')}
      testId="payments-card"
      actions={
        canRecord && booking.status !== 'cancelled' ? (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconCash size={14} />}
            onClick={() => setRecording(true)}
            data-testid="record-payment"
          >
            {t('bookings.detail.recordPayment')}
          </Button>
        ) : null
      }
    >
      <Box mb="sm">
        <FigureRow>
          <Figure
            label={t('bookings.detail.total')}
            value={money(booking.total)}
            testId="payments-total"
          />
          <Figure
            label={t('bookings.detail.paid')}
            value={money(booking.paid)}
            testId="booking-paid"
          />
          <Figure
            label={t('bookings.detail.balance')}
            value={booking.balance <= 0 ? t('bookings.detail.settled') : money(booking.balance)}
            color={booking.balance > 0 ? 'orange.8' : 'teal.8'}
            testId="booking-balance"
          />
        </FigureRow>
      </Box>
      {booking.instalments.length > 0 ? (
        <>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600} mb={4}>
            {t('bookings.detail.instalments')}
          </Text>
          <Stack gap={4} mb="sm">
            {booking.instalments.map((instalment) => (
              <Group
                key={`${instalment.label}-${instalment.dueDate}`}
                justify="space-between"
                gap="xs"
              >
                <Text size="sm">
                  {t(`bookings.detail.instalment.${instalment.label}`)}{' '}
                  <Text span size="xs" c="dimmed">
                    {t('bookings.detail.due', { date: format.date(instalment.dueDate) })}
                  </Text>
                </Text>
                <Group gap={6}>
                  <Text size="sm">{money(instalment.amount)}</Text>
                  {instalment.paid ? (
                    <Badge size="xs" color="teal" variant="light">
                      {t('bookings.detail.paidBadge')}
                    </Badge>
                  ) : instalment.overdue ? (
                    <Badge size="xs" color="red" variant="filled">
                      {t('bookings.detail.overdue')}
                    </Badge>
                  ) : null}
                </Group>
              </Group>
            ))}
          </Stack>
        </>
      ) : null}
      <Divider mb="xs" />
      {booking.payments.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('bookings.detail.noPayments')}
        </Text>
      ) : (
        <Table verticalSpacing={4} fz="sm">
          <Table.Tbody>
            {booking.payments.map((payment, index) => (
              <Table.Tr key={payment.id ?? index} data-testid="payment-row">
                <Table.Td>
                  <Text size="sm">{methodLabel(payment.method)}</Text>
                  <Text size="xs" c="dimmed">
                    {payment.receivedAt ? format.date(payment.receivedAt) : '—'}
                    {payment.reference ? ` · ${payment.reference}` : ''}
                  </Text>
                </Table.Td>
                <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
                  <Text size="sm" fw={500} c={payment.kind === 'refund' ? 'red' : undefined}>
                    {payment.kind === 'refund' ? '−' : ''}
                    {format.money(payment.amount, payment.currency)}
                  </Text>
                  {payment.status && payment.status !== 'succeeded' ? (
                    <Badge
                      size="xs"
                      color={payment.status === 'failed' ? 'red' : 'yellow'}
                      variant="light"
                    >
                      {t(`bookings.detail.paymentStatus.${payment.status}`)}
                    </Badge>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <RecordPaymentModal
        booking={booking}
        opened={recording}
        onClose={() => setRecording(false)}
      />
    </SectionCard>
  );
}
