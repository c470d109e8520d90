// The capacity calendar of an accommodation: its room types × the nights of a month, one
// month at a time (?month=YYYY-MM), with a bulk edit of the selected block.
import { ActionIcon, Badge, Button, Group, Paper, Text, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronLeft, IconChevronRight, IconEdit } from '@tabler/icons-react';
import { useQueries } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { apiFetch } from '../../../../shared/api.ts';
import { fallbackLanguage } from '../../../../shared/i18n/languages.ts';
import { CenteredLoader } from '../../../../shared/ui/CenteredLoader.tsx';
import { PageHeader } from '../../../../shared/ui/PageHeader.tsx';
import { ProblemAlert } from '../../../../shared/ui/ProblemAlert.tsx';
import { BackLink } from '../shared/BackLink.tsx';
import { catalogKeys, useRecord } from '../shared/catalog-queries.ts';
import type { Accommodation, AvailabilityDay } from '../shared/catalog-types.ts';
import { todayIso } from '../shared/fields.ts';
import { BulkEditModal } from './BulkEditModal.tsx';
import { CapacityGrid, type GridSelection } from './CapacityGrid.tsx';
import { nightsOf, parseMonth, shiftMonth } from './capacity-plan.ts';

export function CapacityCalendarPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const today = todayIso();
  const month = parseMonth(params.get('month'), today);
  const nights = useMemo(() => nightsOf(month), [month]);
  const from = nights[0] ?? `${month}-01`;
  const to = nights[nights.length - 1] ?? from;
  const accommodation = useRecord<Accommodation>('accommodations', id);
  const roomTypes = (accommodation.data?.roomTypes ?? []).filter((room) => !room.archived);
  const [selection, setSelection] = useState<GridSelection | null>(null);
  const [anchor, setAnchor] = useState<{ roomTypeId: string; date: string } | null>(null);
  const [editing, editModal] = useDisclosure(false);

  const availability = useQueries({
    queries: roomTypes.map((room) => ({
      queryKey: catalogKeys.availability(room.id, from, to),
      queryFn: () =>
        apiFetch<{ items: AvailabilityDay[] }>(
          `/api/v1/room-types/${room.id}/availability?from=${from}&to=${to}`,
        ),
    })),
  });
  const days = new Map<string, Map<string, AvailabilityDay>>();
  roomTypes.forEach((room, index) => {
    const items = availability[index]?.data?.items ?? [];
    days.set(room.id, new Map(items.map((day) => [day.date, day])));
  });
  const failed = availability.find((query) => query.isError);

  const locale = i18n.resolvedLanguage ?? fallbackLanguage;
  const monthLabel = new Intl.DateTimeFormat(locale, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${month}-01T00:00:00Z`));
  const goTo = (next: string) => {
    setSelection(null);
    setParams((current) => {
      const updated = new URLSearchParams(current);
      updated.set('month', next);
      return updated;
    });
  };

  function select(roomTypeId: string, date: string, extend: boolean) {
    if (extend && anchor) {
      const indexes = [
        roomTypes.findIndex((r) => r.id === anchor.roomTypeId),
        roomTypes.findIndex((r) => r.id === roomTypeId),
      ].sort((a, b) => a - b) as [number, number];
      setSelection({
        roomTypeIds: roomTypes.slice(indexes[0], indexes[1] + 1).map((r) => r.id),
        from: anchor.date < date ? anchor.date : date,
        to: anchor.date < date ? date : anchor.date,
      });
      return;
    }
    setAnchor({ roomTypeId, date });
    setSelection({ roomTypeIds: [roomTypeId], from: date, to: date });
  }

  if (accommodation.isPending) return <CenteredLoader />;
  if (accommodation.isError) return <ProblemAlert error={accommodation.error} />;

  const selectedNights = selection
    ? nights.filter((n) => n >= selection.from && n <= selection.to).length
    : 0;

  return (
    <>
      <BackLink to={`/catalog/accommodations/${id}`} label={accommodation.data.name} />
      <PageHeader
        title={t('catalog.capacity.titleOf', { name: accommodation.data.name })}
        description={t('catalog.capacity.intro')}
        actions={
          <Button
            leftSection={<IconEdit size={18} stroke={1.5} />}
            onClick={editModal.open}
            data-testid="bulk-edit"
            disabled={roomTypes.length === 0}
          >
            {selection ? t('catalog.capacity.editSelection') : t('catalog.capacity.bulkEdit')}
          </Button>
        }
      />
      <Paper withBorder radius="md" p="sm">
        <Group justify="space-between" mb="sm" wrap="wrap">
          <Group gap="xs">
            <Tooltip label={t('catalog.capacity.previousMonth')} withArrow>
              <ActionIcon
                variant="default"
                size="lg"
                aria-label={t('catalog.capacity.previousMonth')}
                onClick={() => goTo(shiftMonth(month, -1))}
                data-testid="month-prev"
              >
                <IconChevronLeft size={18} />
              </ActionIcon>
            </Tooltip>
            <Text fw={600} w={170} ta="center" data-testid="month-label" tt="capitalize">
              {monthLabel}
            </Text>
            <Tooltip label={t('catalog.capacity.nextMonth')} withArrow>
              <ActionIcon
                variant="default"
                size="lg"
                aria-label={t('catalog.capacity.nextMonth')}
                onClick={() => goTo(shiftMonth(month, 1))}
                data-testid="month-next"
              >
                <IconChevronRight size={18} />
              </ActionIcon>
            </Tooltip>
            <Button variant="subtle" size="compact-sm" onClick={() => goTo(today.slice(0, 7))}>
              {t('catalog.capacity.thisMonth')}
            </Button>
          </Group>
          <Group gap="xs" wrap="wrap">
            <Legend
              color="var(--mantine-color-teal-0)"
              label={t('catalog.capacity.kinds.allotment')}
            />
            <Legend
              color="var(--mantine-color-indigo-0)"
              label={t('catalog.capacity.kinds.on_request')}
            />
            <Legend color="var(--mantine-color-red-2)" label={t('catalog.capacity.stopSale')} />
            <Legend color="var(--mantine-color-orange-1)" label={t('catalog.capacity.soldOut')} />
            <Legend color="var(--mantine-color-gray-1)" label={t('catalog.capacity.noCapacity')} />
          </Group>
        </Group>
        {failed ? <ProblemAlert error={failed.error} /> : null}
        {roomTypes.length === 0 ? (
          <Text c="dimmed" ta="center" py="lg">
            {t('catalog.roomTypes.empty')}
          </Text>
        ) : availability.some((query) => query.isPending) ? (
          <CenteredLoader />
        ) : (
          <CapacityGrid
            roomTypes={roomTypes}
            nights={nights}
            days={days}
            selection={selection}
            onSelect={select}
            onSelectRow={(roomTypeId) => {
              setAnchor({ roomTypeId, date: from });
              setSelection({ roomTypeIds: [roomTypeId], from, to });
            }}
            onSelectNight={(date) => {
              setAnchor({ roomTypeId: roomTypes[0]?.id ?? '', date });
              setSelection({ roomTypeIds: roomTypes.map((r) => r.id), from: date, to: date });
            }}
            today={today}
          />
        )}
        <Group justify="space-between" mt="sm">
          <Text size="xs" c="dimmed">
            {t('catalog.capacity.selectHint')}
          </Text>
          {selection ? (
            <Badge variant="light" data-testid="selection-summary">
              {t('catalog.capacity.selectionSummary', {
                rooms: selection.roomTypeIds.length,
                nights: selectedNights,
              })}
            </Badge>
          ) : null}
        </Group>
      </Paper>
      <BulkEditModal
        opened={editing}
        onClose={editModal.close}
        roomTypes={roomTypes}
        selection={selection}
      />
    </>
  );
}

function Legend({ color, label }: { color: string; label: string }) {
  return (
    <Group gap={4}>
      <span
        style={{
          width: 12,
          height: 12,
          borderRadius: 3,
          background: color,
          display: 'inline-block',
          border: '1px solid var(--mantine-color-default-border)',
        }}
      />
      <Text size="xs">{label}</Text>
    </Group>
  );
}
