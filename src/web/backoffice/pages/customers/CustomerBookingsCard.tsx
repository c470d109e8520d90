// A customer's bookings, newest first (a company's include its employees'): number, dates,
// status and total, each opening the booking.
import { Anchor, Box, Button, Center, Group, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../shared/i18n/format.ts';
import { CenteredLoader } from '../../../shared/ui/CenteredLoader.tsx';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert.tsx';
import { StatusBadge } from '../bookings/badges.tsx';
import { SectionCard } from '../bookings/detail/SectionCard.tsx';
import type { Customer } from './customer-types.ts';
import { useCustomerBookings } from './customers-queries.ts';

export function CustomerBookingsCard({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const format = useFormat();
  const bookings = useCustomerBookings(customer.id);
  const rows = useMemo(
    () => bookings.data?.pages.flatMap((page) => page.items) ?? [],
    [bookings.data],
  );
  const count = bookings.hasNextPage
    ? t('customers.bookings.countMore', { count: rows.length })
    : t('customers.bookings.count', { count: rows.length });

  return (
    <SectionCard
      title={t('customers.bookings.title')}
      testId="customer-bookings"
      actions={
        bookings.isSuccess ? (
          <Anchor
            component={Link}
            to={`/bookings?customerId=${customer.id}`}
            size="sm"
            data-testid="customer-bookings-count"
            data-count={bookings.hasNextPage ? undefined : rows.length}
          >
            {count}
          </Anchor>
        ) : null
      }
    >
      {bookings.isPending ? (
        <CenteredLoader />
      ) : bookings.isError && rows.length === 0 ? (
        <ProblemAlert error={bookings.error} />
      ) : rows.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="customer-bookings-empty">
          {t('customers.bookings.empty')}
        </Text>
      ) : (
        <Stack gap={0} aria-label={t('customers.bookings.title')} role="list">
          {rows.map((booking, index) => (
            <Box
              key={booking.id}
              role="listitem"
              py={8}
              style={
                index > 0
                  ? { borderTop: '1px solid var(--mantine-color-default-border)' }
                  : undefined
              }
              data-testid="customer-booking-row"
              data-number={booking.number}
            >
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Anchor
                  component={Link}
                  to={`/bookings/${booking.id}`}
                  ff="monospace"
                  size="sm"
                  fw={600}
                >
                  {booking.number}
                </Anchor>
                <StatusBadge status={booking.status} />
              </Group>
              <Text size="sm" lineClamp={1} title={booking.productName}>
                {booking.customer.id === customer.id
                  ? booking.productName
                  : `${booking.customer.name} · ${booking.productName}`}
              </Text>
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Text size="xs" c="dimmed" data-testid="customer-booking-dates">
                  {t('customers.bookings.dateRange', {
                    from: format.date(booking.from),
                    to: format.date(booking.to),
                  })}
                </Text>
                <Text
                  size="sm"
                  fw={500}
                  style={{ whiteSpace: 'nowrap' }}
                  data-testid="customer-booking-total"
                >
                  {format.money(booking.total, booking.currency)}
                </Text>
              </Group>
            </Box>
          ))}
        </Stack>
      )}
      {bookings.hasNextPage ? (
        <Center mt="sm">
          <Button
            variant="light"
            size="compact-sm"
            onClick={() => void bookings.fetchNextPage()}
            loading={bookings.isFetchingNextPage}
          >
            {t('common.loadMore')}
          </Button>
        </Center>
      ) : null}
    </SectionCard>
  );
}
