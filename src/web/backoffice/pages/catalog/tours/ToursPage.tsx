// The agency's tours: fixed departures or sold by days, each built on an accommodation.
import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../../shared/i18n/format.ts';
import { PagedTable } from '../../../../shared/ui/PagedTable.tsx';
import { PageHeader } from '../../../../shared/ui/PageHeader.tsx';
import { ArchiveButton } from '../shared/ArchiveButton.tsx';
import { ArchivedBadge } from '../shared/ArchivedBadge.tsx';
import { usePagedList } from '../shared/catalog-queries.ts';
import type { Tour } from '../shared/catalog-types.ts';
import { todayIso } from '../shared/fields.ts';
import { ListToolbar } from '../shared/ListToolbar.tsx';
import { useListFilters } from '../shared/list-filters.ts';
import { useLocalized } from '../shared/localized.ts';
import { RowLink } from '../shared/RowLink.tsx';
import { TourFormModal } from './TourFormModal.tsx';

export function ToursPage() {
  const { t } = useTranslation();
  const local = useLocalized();
  const format = useFormat();
  const filters = useListFilters();
  const [creating, createModal] = useDisclosure(false);
  const list = usePagedList<Tour>('tours', { q: filters.q, archived: filters.archived });
  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];
  const today = todayIso();
  return (
    <>
      <PageHeader
        title={t('catalog.tours.title')}
        description={t('catalog.tours.intro')}
        actions={
          <Button
            leftSection={<IconPlus size={18} stroke={1.5} />}
            onClick={createModal.open}
            data-testid="new-tour"
          >
            {t('catalog.tours.new')}
          </Button>
        }
      />
      <ListToolbar />
      <PagedTable
        query={list}
        rowCount={rows.length}
        columnCount={5}
        minWidth={720}
        label={t('catalog.tours.title')}
        testId="tours-table"
        emptyText={filters.q ? t('catalog.noMatch') : t('catalog.tours.empty')}
        head={
          <>
            <Table.Th>{t('catalog.name')}</Table.Th>
            <Table.Th>{t('catalog.tours.mode')}</Table.Th>
            <Table.Th>{t('catalog.tours.nextDeparture')}</Table.Th>
            <Table.Th>{t('catalog.tours.departures')}</Table.Th>
            <Table.Th w={60} />
          </>
        }
      >
        {rows.map((tour) => {
          const next = tour.departures.find((d) => d.startDate >= today && d.status === 'open');
          return (
            <Table.Tr key={tour.id} data-testid="tour-row">
              <Table.Td>
                <RowLink to={`/catalog/tours/${tour.id}`} testId="tour-link">
                  {local(tour.name)}
                </RowLink>
                <Text size="xs" c="dimmed">
                  {tour.code}
                </Text>
                <ArchivedBadge archived={tour.archived} />
              </Table.Td>
              <Table.Td>
                <Badge variant="light" size="sm">
                  {t(`catalog.tours.modes.${tour.mode}`)}
                </Badge>
              </Table.Td>
              <Table.Td>{next ? format.date(next.startDate) : '—'}</Table.Td>
              <Table.Td>
                {tour.mode === 'fixed_departures' ? tour.departures.length : tour.seasons.length}
              </Table.Td>
              <Table.Td>
                <Group justify="flex-end">
                  <ArchiveButton
                    resource="tours"
                    id={tour.id}
                    archived={tour.archived}
                    name={tour.code}
                  />
                </Group>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </PagedTable>
      <TourFormModal opened={creating} onClose={createModal.close} tour={null} />
    </>
  );
}
