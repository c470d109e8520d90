// The booking's transport legs for staff: each traveller's seat there, and the way to the
// departure's seat map with this booking standing out.
import { Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconArmchair } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { apiFetch } from '../../../../shared/api.ts';
import { useFormat } from '../../../../shared/i18n/format.ts';
import type { BookingView } from '../booking-types.ts';
import { bookingKeys } from '../bookings-queries.ts';
import { SectionCard } from './SectionCard.tsx';

/** `GET /api/v1/bookings/{id}/seats`, the part this card reads. */
interface BookingSeats {
  legs: {
    leg: 'outbound' | 'return';
    departureId: string;
    date: string;
    classCode: string;
    seats: { travellerIndex: number; seatId: string; label: string }[];
    map: { name: string } | null;
  }[];
}

export function SeatsCard({ booking }: { booking: BookingView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const seats = useQuery({
    queryKey: [...bookingKeys.detail(booking.id), 'seats'],
    queryFn: () => apiFetch<BookingSeats>(`/api/v1/bookings/${booking.id}/seats`),
  });
  // Nothing to say for a booking without transport, or when the seats cannot be read.
  if (!seats.data || seats.data.legs.length === 0) return null;
  return (
    <SectionCard title={t('catalog.seatMap.legsTitle')} testId="seats-card">
      <Stack gap="md">
        {seats.data.legs.map((leg) => {
          const seatOf = new Map(leg.seats.map((s) => [s.travellerIndex, s.label]));
          const nameOf = new Map(
            booking.travellers.map((p) => [p.position, `${p.firstName} ${p.lastName}`]),
          );
          // Travellers entered and travellers seated: a party's names may come later.
          const indices = [...new Set([...nameOf.keys(), ...seatOf.keys()])].sort((a, b) => a - b);
          return (
            <Stack
              key={`${leg.leg}-${leg.departureId}`}
              gap={4}
              data-testid="seats-leg"
              data-leg={leg.leg}
            >
              <Group justify="space-between" gap="xs">
                <Text fw={600} size="sm">
                  {t(`catalog.seatMap.legs.${leg.leg}`)} · {format.date(leg.date)} · {leg.classCode}
                </Text>
                {leg.map ? (
                  <Button
                    component={Link}
                    to={`/catalog/transport-departures/${leg.departureId}/seats?booking=${booking.id}`}
                    size="xs"
                    variant="light"
                    leftSection={<IconArmchair size={16} stroke={1.5} />}
                    data-testid="open-leg-seat-map"
                  >
                    {t('catalog.seatMap.open')}
                  </Button>
                ) : null}
              </Group>
              {leg.map ? (
                <Table verticalSpacing={2} withRowBorders={false}>
                  <Table.Tbody>
                    {indices.map((index) => (
                      <Table.Tr key={index} data-testid="seats-traveller">
                        <Table.Td>
                          <Text size="sm">
                            {nameOf.get(index) ?? t('catalog.seatMap.traveller', { n: index + 1 })}
                          </Text>
                        </Table.Td>
                        <Table.Td ta="right">
                          <Text size="sm" fw={500} c={seatOf.has(index) ? undefined : 'dimmed'}>
                            {seatOf.has(index)
                              ? t('catalog.seatMap.seatShort', { label: seatOf.get(index) })
                              : t('catalog.seatMap.noSeat')}
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('catalog.seatMap.noSeatMap')}
                </Text>
              )}
            </Stack>
          );
        })}
      </Stack>
    </SectionCard>
  );
}
