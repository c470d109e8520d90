// What was booked: the trip, its dates and party, the offer it came under, notes, and the
// cancellation when there is one.
import { Alert, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconBan } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../../shared/i18n/format.ts';
import type { BookingView } from '../booking-types.ts';
import { SectionCard } from './SectionCard.tsx';

export function TripCard({ booking }: { booking: BookingView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { party } = booking;
  return (
    <SectionCard title={t('bookings.detail.trip')} testId="trip-card">
      <Stack gap="sm">
        {booking.cancellation ? (
          <Alert
            color="red"
            variant="light"
            icon={<IconBan aria-hidden />}
            data-testid="cancelled-note"
          >
            <Text size="sm" fw={500}>
              {t('bookings.detail.cancelledOn', {
                date: format.dateTime(booking.cancellation.at),
                name: booking.cancellation.by ?? t('bookings.detail.system'),
              })}
            </Text>
            {booking.cancellation.reason ? (
              <Text size="sm">{booking.cancellation.reason}</Text>
            ) : null}
            {booking.cancellation.fee !== null ? (
              <Text size="sm">
                {t('bookings.detail.cancelFee')}:{' '}
                {format.money(booking.cancellation.fee, booking.currency)}
              </Text>
            ) : null}
          </Alert>
        ) : null}
        <Text fw={600} size="lg">
          {booking.productName}
        </Text>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
          <Fact label={t('bookings.col.departure')}>
            {t('bookings.detail.dates', {
              from: format.date(booking.from),
              to: format.date(booking.to),
            })}
          </Fact>
          <Fact label={t('bookings.detail.travellers')}>
            {t('bookings.travellersCount', { count: party.adults + party.childAges.length })}
            {party.childAges.length > 0 ? (
              <Text span size="xs" c="dimmed">
                {' '}
                · {t('bookings.detail.childAges')}: {party.childAges.join(', ')}
              </Text>
            ) : null}
          </Fact>
          <Fact label={t('bookings.col.channel')}>{t(`bookings.channel.${booking.channel}`)}</Fact>
          {booking.offer ? (
            <Fact label={t('bookings.detail.offer')}>
              <Text span ff="monospace" size="sm">
                {booking.offer.code}
              </Text>{' '}
              · {booking.offer.name}
            </Fact>
          ) : null}
          {booking.variantId ? (
            <Fact label={t('bookings.detail.variant')}>
              {booking.variantName
                ? `${booking.variantId} · ${booking.variantName}`
                : booking.variantId}
            </Fact>
          ) : null}
          {booking.promoCode ? (
            <Fact label={t('bookings.detail.promoCode')}>{booking.promoCode}</Fact>
          ) : null}
        </SimpleGrid>
        {booking.notes ? (
          <Stack gap={2}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {t('bookings.detail.notes')}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {booking.notes}
            </Text>
          </Stack>
        ) : null}
      </Stack>
    </SectionCard>
  );
}

export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Group gap={4} wrap="wrap">
        <Text size="sm" component="div">
          {children}
        </Text>
      </Group>
    </Stack>
  );
}
