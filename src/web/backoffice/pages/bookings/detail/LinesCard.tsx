// The booking's price line by line; for staff also each line's cost, and the margin below.
import { Badge, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../../shared/i18n/format.ts';
import type { BookingView } from '../booking-types.ts';
import { SectionCard } from './SectionCard.tsx';

const supplierStatuses = ['requested', 'confirmed', 'refused', 'cancelled'] as const;
type SupplierStatus = (typeof supplierStatuses)[number];
const isSupplierStatus = (value: string): value is SupplierStatus =>
  (supplierStatuses as readonly string[]).includes(value);

const supplierColors: Record<string, string> = {
  requested: 'yellow',
  refused: 'red',
  cancelled: 'gray',
};

export function LinesCard({ booking, showCosts }: { booking: BookingView; showCosts: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const money = (minor: number | null | undefined) =>
    minor == null ? '—' : format.money(minor, booking.currency);
  const right = { textAlign: 'right' as const, whiteSpace: 'nowrap' as const };
  return (
    <SectionCard title={t('bookings.detail.lines')} testId="lines-card">
      <Table.ScrollContainer minWidth={showCosts ? 640 : 520}>
        <Table verticalSpacing="xs" data-testid="booking-lines">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('bookings.detail.line')}</Table.Th>
              <Table.Th style={right}>{t('bookings.detail.unitPrice')}</Table.Th>
              <Table.Th style={right}>{t('bookings.detail.quantity')}</Table.Th>
              <Table.Th style={right}>{t('bookings.detail.amount')}</Table.Th>
              {showCosts ? <Table.Th style={right}>{t('bookings.detail.cost')}</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {booking.lines.map((line) => (
              <Table.Tr key={line.position} data-testid="booking-line">
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm">{line.label}</Text>
                    {line.supplierStatus !== 'confirmed' ? (
                      <Badge
                        size="xs"
                        variant="light"
                        color={supplierColors[line.supplierStatus] ?? 'gray'}
                      >
                        {isSupplierStatus(line.supplierStatus)
                          ? t(`bookings.detail.supplier.${line.supplierStatus}`)
                          : line.supplierStatus}
                      </Badge>
                    ) : null}
                  </Group>
                  {line.from ? (
                    <Text size="xs" c="dimmed">
                      {t('bookings.detail.dates', {
                        from: format.date(line.from),
                        to: format.date(line.to ?? line.from),
                      })}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td style={right}>{money(line.unitPrice)}</Table.Td>
                <Table.Td style={right}>{format.number(line.quantity)}</Table.Td>
                <Table.Td style={right} fw={500}>
                  {money(line.amount)}
                </Table.Td>
                {showCosts ? (
                  <Table.Td style={right} c="dimmed">
                    {money(line.cost)}
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th colSpan={3}>{t('bookings.detail.total')}</Table.Th>
              <Table.Th style={right} data-testid="booking-total">
                {money(booking.total)}
              </Table.Th>
              {showCosts ? (
                <Table.Th style={right} c="dimmed" data-testid="booking-cost">
                  {money(booking.cost)}
                </Table.Th>
              ) : null}
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
      {showCosts ? (
        <Stack gap={2} mt="sm" align="flex-end">
          <Text size="sm" data-testid="booking-margin">
            {t('bookings.detail.margin')}:{' '}
            <Text span fw={600} c={booking.margin != null && booking.margin < 0 ? 'red' : 'teal.8'}>
              {money(booking.margin)}
            </Text>
            {booking.margin != null && booking.total > 0
              ? ` (${format.number(Math.round((booking.margin / booking.total) * 1000) / 10)} %)`
              : ''}
          </Text>
          {booking.priceOverride ? (
            <Text size="xs" c="dimmed">
              {t('bookings.detail.listTotal')}: {money(booking.listTotal)} ·{' '}
              {t('bookings.detail.priceOverride', { reason: booking.priceOverride.reason })}
            </Text>
          ) : null}
        </Stack>
      ) : null}
    </SectionCard>
  );
}
