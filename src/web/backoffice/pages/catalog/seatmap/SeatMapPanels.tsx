// Beside the seat map: what its colours and marks mean, the seats per class on the map and in
// the inventory, and the bookings on the departure with their travellers and seats.
import {
  Anchor,
  Badge,
  Box,
  Group,
  Paper,
  Stack,
  Text,
  Title,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconDoor,
  IconSteeringWheel,
  IconToiletPaper,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { colourVar, seatStyle } from './SeatGrid.tsx';
import {
  bookingPalette,
  type ClassCount,
  countsDiffer,
  type MapSeat,
  type PaletteColour,
  type SeatedBooking,
} from './seat-map.ts';

const swatch = { width: 18, height: 18, borderRadius: '5px 5px 3px 3px', flex: 'none' } as const;

function sample(state: MapSeat['state']): MapSeat {
  return {
    seatId: state,
    label: '',
    classCode: '',
    deck: 0,
    row: 1,
    column: 1,
    properties: [],
    state,
    blocked: null,
    held: null,
    booking: null,
  };
}

export function Legend() {
  const { t } = useTranslation();
  const states = ['free', 'held', 'blocked'] as const;
  return (
    <Group
      gap="md"
      wrap="wrap"
      mt="md"
      data-testid="seat-legend"
      aria-label={t('catalog.seatMap.legend')}
      role="list"
    >
      <Group gap={6} role="listitem" wrap="nowrap">
        <Box
          style={{
            ...swatch,
            background: `linear-gradient(90deg, ${bookingPalette
              .slice(0, 4)
              .map((c) => colourVar(c))
              .join(', ')})`,
          }}
        />
        <Text size="sm">{t('catalog.seatMap.legendSold')}</Text>
      </Group>
      {states.map((state) => (
        <Group key={state} gap={6} role="listitem" wrap="nowrap">
          <Box style={{ ...swatch, ...seatStyle(sample(state), undefined) }} />
          <Text size="sm">{t(`catalog.seatMap.states.${state}`)}</Text>
        </Group>
      ))}
      <Group gap={6} role="listitem" wrap="nowrap">
        <Box
          style={{
            ...swatch,
            ...seatStyle(sample('free'), undefined),
            outline: '3px solid var(--mantine-color-yellow-5)',
            outlineOffset: 1,
          }}
        />
        <Text size="sm">{t('catalog.seatMap.legendPicked')}</Text>
      </Group>
      <Group gap={4} role="listitem" wrap="nowrap" c="dimmed">
        <IconSteeringWheel size={18} stroke={1.5} aria-hidden />
        <Text size="sm">{t('catalog.seatMap.blockReasons.driver')}</Text>
      </Group>
      <Group gap={4} role="listitem" wrap="nowrap" c="dimmed">
        <IconDoor size={18} stroke={1.5} aria-hidden />
        <Text size="sm">{t('catalog.seatMap.features.door')}</Text>
      </Group>
      <Group gap={4} role="listitem" wrap="nowrap" c="dimmed">
        <IconToiletPaper size={18} stroke={1.5} aria-hidden />
        <Text size="sm">{t('catalog.seatMap.features.toilet')}</Text>
      </Group>
    </Group>
  );
}

export function ClassCounts({ classes }: { classes: ClassCount[] }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={3} size="h5" mb="sm">
        {t('catalog.seatMap.counts')}
      </Title>
      <Stack gap="sm" data-testid="seat-class-counts">
        {classes.map((c) => (
          <Stack key={c.classCode} gap={2} data-testid="seat-class-row" data-class={c.classCode}>
            <Group gap={6} wrap="nowrap">
              <Badge variant="light" size="sm" style={{ flex: 'none' }}>
                {c.classCode}
              </Badge>
              <Text size="sm" fw={500} truncate>
                {c.name}
              </Text>
              {countsDiffer(c) ? (
                <Tooltip label={t('catalog.seatMap.countsDiffer')}>
                  <IconAlertTriangle
                    size={16}
                    color="var(--mantine-color-red-6)"
                    aria-label={t('catalog.seatMap.countsDiffer')}
                    style={{ flex: 'none' }}
                  />
                </Tooltip>
              ) : null}
            </Group>
            <Text size="sm" data-testid="seat-class-map">
              <Text span c="dimmed" size="sm">
                {t('catalog.seatMap.countsMap')}:{' '}
              </Text>
              {t('catalog.seatMap.mapValue', { ...c })}
            </Text>
            <Text size="sm">
              <Text span c="dimmed" size="sm">
                {t('catalog.seatMap.countsInventory')}:{' '}
              </Text>
              {t('catalog.seatMap.inventoryValue', {
                sold: c.inventorySold,
                capacity: c.capacity,
                quotes: c.inventoryHeld,
              })}
            </Text>
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}

interface BookingsListProps {
  bookings: SeatedBooking[];
  colours: Map<string, PaletteColour>;
  picked: string | null;
  focusBooking: string | null;
  onTraveller: (seatId: string) => void;
}

export function BookingsList({
  bookings,
  colours,
  picked,
  focusBooking,
  onTraveller,
}: BookingsListProps) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={3} size="h5" mb="sm">
        {t('catalog.seatMap.bookings', { n: bookings.length })}
      </Title>
      {bookings.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('catalog.seatMap.noBookings')}
        </Text>
      ) : null}
      <Stack gap="sm" data-testid="seat-bookings">
        {bookings.map((booking) => {
          const colour = colours.get(booking.id);
          return (
            <Box
              key={booking.id}
              data-testid="seat-booking"
              data-booking={booking.number}
              p={6}
              style={{
                borderLeft: `5px solid ${colour ? colourVar(colour) : 'transparent'}`,
                background:
                  focusBooking === booking.id ? 'var(--mantine-color-yellow-0)' : undefined,
                borderRadius: 4,
              }}
            >
              <Anchor
                component={Link}
                to={`/bookings/${booking.id}`}
                ff="monospace"
                fw={600}
                size="sm"
              >
                {booking.number}
              </Anchor>
              <Stack gap={2} mt={4}>
                {booking.travellers.map((traveller) => (
                  <UnstyledButton
                    key={traveller.seatId}
                    onClick={() => onTraveller(traveller.seatId)}
                    data-testid="seat-traveller"
                    data-seat={traveller.seatId}
                    aria-pressed={picked === traveller.seatId}
                    style={{
                      borderRadius: 4,
                      padding: '2px 4px',
                      background:
                        picked === traveller.seatId ? 'var(--mantine-color-yellow-2)' : undefined,
                    }}
                  >
                    <Group justify="space-between" gap="xs" wrap="nowrap">
                      <Text size="sm" truncate>
                        {traveller.name ??
                          t('catalog.seatMap.traveller', { n: traveller.travellerIndex + 1 })}
                        {traveller.child ? (
                          <Text span c="dimmed" size="xs">
                            {' '}
                            · {t('catalog.seatMap.child')}
                          </Text>
                        ) : null}
                      </Text>
                      <Badge
                        variant="filled"
                        color={colour ?? 'blue'}
                        size="sm"
                        style={{ flex: 'none' }}
                      >
                        {t('catalog.seatMap.seatShort', { label: traveller.label })}
                      </Badge>
                    </Group>
                  </UnstyledButton>
                ))}
              </Stack>
            </Box>
          );
        })}
      </Stack>
    </Paper>
  );
}
