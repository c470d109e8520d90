// The agency's accommodations: search, archive filter, and a new one.
import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCalendarStats, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PagedTable } from '../../../../shared/ui/PagedTable.tsx';
import { PageHeader } from '../../../../shared/ui/PageHeader.tsx';
import { ArchiveButton } from '../shared/ArchiveButton.tsx';
import { ArchivedBadge } from '../shared/ArchivedBadge.tsx';
import { usePagedList } from '../shared/catalog-queries.ts';
import type { Accommodation } from '../shared/catalog-types.ts';
import { ListToolbar } from '../shared/ListToolbar.tsx';
import { useListFilters } from '../shared/list-filters.ts';
import { RowLink } from '../shared/RowLink.tsx';
import { AccommodationFormModal } from './AccommodationFormModal.tsx';

export function AccommodationsPage() {
  const { t } = useTranslation();
  const filters = useListFilters();
  const [creating, createModal] = useDisclosure(false);
  const list = usePagedList<Accommodation>('accommodations', {
    q: filters.q,
    archived: filters.archived,
  });
  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <PageHeader
        title={t('catalog.accommodations.title')}
        description={t('catalog.accommodations.intro')}
        actions={
          <Button
            leftSection={<IconPlus size={18} stroke={1.5} />}
            onClick={createModal.open}
            data-testid="new-accommodation"
          >
            {t('catalog.accommodations.new')}
          </Button>
        }
      />
      <ListToolbar />
      <PagedTable
        query={list}
        rowCount={rows.length}
        columnCount={6}
        minWidth={760}
        label={t('catalog.accommodations.title')}
        testId="accommodations-table"
        emptyText={filters.q ? t('catalog.noMatch') : t('catalog.accommodations.empty')}
        head={
          <>
            <Table.Th>{t('catalog.name')}</Table.Th>
            <Table.Th>{t('catalog.accommodations.kind')}</Table.Th>
            <Table.Th>{t('catalog.place')}</Table.Th>
            <Table.Th>{t('catalog.accommodations.roomTypes')}</Table.Th>
            <Table.Th>{t('catalog.accommodations.board')}</Table.Th>
            <Table.Th w={110} />
          </>
        }
      >
        {rows.map((accommodation) => (
          <Table.Tr key={accommodation.id} data-testid="accommodation-row">
            <Table.Td>
              <RowLink
                to={`/catalog/accommodations/${accommodation.id}`}
                testId="accommodation-link"
              >
                {accommodation.name}
              </RowLink>
              {accommodation.stars ? (
                <Text
                  span
                  c="yellow.7"
                  ml={6}
                  aria-label={t('catalog.accommodations.starsCount', {
                    count: accommodation.stars,
                  })}
                >
                  {'★'.repeat(Math.floor(accommodation.stars))}
                </Text>
              ) : null}
              <ArchivedBadge archived={accommodation.archived} />
            </Table.Td>
            <Table.Td>{t(`catalog.accommodationKinds.${accommodation.kind}`)}</Table.Td>
            <Table.Td>
              {accommodation.city}, {accommodation.country}
            </Table.Td>
            <Table.Td>
              <Group gap={4}>
                {accommodation.roomTypes
                  .filter((room) => !room.archived)
                  .map((room) => (
                    <Badge key={room.id} variant="light" size="sm">
                      {room.code}
                    </Badge>
                  ))}
              </Group>
            </Table.Td>
            <Table.Td>{accommodation.boardTypes.join(', ')}</Table.Td>
            <Table.Td>
              <Group gap={4} justify="flex-end" wrap="nowrap">
                <Button
                  component={Link}
                  to={`/catalog/accommodations/${accommodation.id}/capacity`}
                  variant="subtle"
                  size="compact-sm"
                  leftSection={<IconCalendarStats size={16} stroke={1.5} />}
                >
                  {t('catalog.capacity.short')}
                </Button>
                <ArchiveButton
                  resource="accommodations"
                  id={accommodation.id}
                  archived={accommodation.archived}
                  name={accommodation.name}
                />
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </PagedTable>
      <AccommodationFormModal opened={creating} onClose={createModal.close} accommodation={null} />
    </>
  );
}
