// One search result: picture, name and place, the stay (dates, nights, room, board), the
// cancellation terms, and the price per person and in total.
import { Badge, Button, Card, Grid, Group, Rating, Stack, Text, Title } from '@mantine/core';
import { IconCalendar, IconCircleCheck, IconMapPin, IconToolsKitchen2 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCalendarFormat } from '../../shared/i18n/calendar-date.ts';
import { useFormat } from '../../shared/i18n/format.ts';
import type { PortalOffer } from '../api/types.ts';
import { useCountryName } from '../country-name.ts';
import { ProductVisual } from './ProductVisual.tsx';

export function CancellationLine({
  nonRefundable,
  freeDays,
}: {
  nonRefundable: boolean;
  freeDays: number | null;
}) {
  const { t } = useTranslation();
  if (nonRefundable) {
    return (
      <Text size="sm" c="orange.8" data-testid="offer-cancellation">
        {t('portal.offer.nonRefundable')}
      </Text>
    );
  }
  if (freeDays === null) return null;
  return (
    <Group gap={4} wrap="nowrap" data-testid="offer-cancellation">
      <IconCircleCheck size={16} color="var(--mantine-color-teal-7)" aria-hidden />
      <Text size="sm" c="teal.8" fw={500}>
        {freeDays === 0
          ? t('portal.offer.freeCancellationAlways')
          : t('portal.offer.freeCancellation', { days: freeDays })}
      </Text>
    </Group>
  );
}

export function BoardBadge({ board }: { board: string | null }) {
  const { t } = useTranslation();
  if (!board) return null;
  const known = ['RO', 'BB', 'HB', 'FB', 'AI'].includes(board);
  return (
    <Badge variant="light" color="grape" leftSection={<IconToolsKitchen2 size={12} />}>
      {known ? t(`portal.board.${board as 'RO' | 'BB' | 'HB' | 'FB' | 'AI'}`) : board}
    </Badge>
  );
}

export function OfferCard({ offer, href }: { offer: PortalOffer; href: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const days = useCalendarFormat();
  const countryName = useCountryName();
  const place = [offer.place.city, countryName(offer.place.country)].filter(Boolean).join(', ');
  return (
    <Card withBorder radius="lg" padding="md" shadow="xs" data-testid="offer-card">
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <ProductVisual
            photo={offer.photo}
            place={offer.place.city}
            seed={offer.productId}
            height={190}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 5 }}>
          <Stack gap={6}>
            <Group gap="xs">
              <Badge variant="light">{t(`portal.offer.kind.${offer.kind}`)}</Badge>
              <BoardBadge board={offer.boardType} />
            </Group>
            <Title order={3} size="h4" data-testid="offer-name">
              {offer.name}
            </Title>
            <Group gap={6} c="dimmed">
              <IconMapPin size={14} aria-hidden />
              <Text size="sm">
                {offer.place.accommodation ? `${offer.place.accommodation} · ` : ''}
                {place}
              </Text>
              {offer.place.stars ? (
                <Rating value={offer.place.stars} count={offer.place.stars} readOnly size="xs" />
              ) : null}
            </Group>
            <Group gap={6}>
              <IconCalendar size={14} aria-hidden color="var(--mantine-color-gray-6)" />
              <Text size="sm">
                {days.weekday(offer.from)} – {days.weekday(offer.to)} ·{' '}
                {t('portal.offer.nights', { count: offer.nights })}
              </Text>
            </Group>
            {offer.rooms[0]?.name ? (
              <Text size="sm" c="dimmed">
                {offer.rooms.map((room) => room.name).join(', ')}
              </Text>
            ) : null}
            {offer.description ? (
              <Text size="sm" c="dimmed" lineClamp={2}>
                {offer.description}
              </Text>
            ) : null}
            <CancellationLine
              nonRefundable={offer.nonRefundable}
              freeDays={offer.freeCancellationDaysBefore}
            />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 3 }}>
          <Stack gap={4} align="flex-end" justify="flex-end" h="100%">
            <Text size="xs" c="dimmed">
              {t('portal.offer.perPerson')}
            </Text>
            <Text size="lg" fw={600} data-testid="offer-per-person">
              {format.money(offer.perPerson, offer.currency)}
            </Text>
            <Text size="xs" c="dimmed" mt={4}>
              {t('portal.offer.total')}
            </Text>
            <Text size="xl" fw={800} c="teal.8" data-testid="offer-total">
              {format.money(offer.total, offer.currency)}
            </Text>
            <Button component={Link} to={href} mt="sm" data-testid="offer-select">
              {t('portal.offer.details')}
            </Button>
          </Stack>
        </Grid.Col>
      </Grid>
    </Card>
  );
}
