// The agency's flights, trains and buses, with how many departures each has ahead.
import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PagedTable } from '../../../../shared/ui/PagedTable.tsx';
import { PageHeader } from '../../../../shared/ui/PageHeader.tsx';
import { ArchiveButton } from '../shared/ArchiveButton.tsx';
import { ArchivedBadge } from '../shared/ArchivedBadge.tsx';
import { usePagedList } from '../shared/catalog-queries.ts';
import type { Transport } from '../shared/catalog-types.ts';
import { todayIso } from '../shared/fields.ts';
import { ListToolbar } from '../shared/ListToolbar.tsx';
import { useListFilters } from '../shared/list-filters.ts';
import { RowLink } from '../shared/RowLink.tsx';
import { TransportFormModal } from './TransportFormModal.tsx';

export function TransportListPage() {
  const { t } = useTranslation();
  const filters = useListFilters();
  const [creating, createModal] = useDisclosure(false);
  const list = usePagedList<Transport>('transport', { q: filters.q, archived: filters.archived });
  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];
  const today = todayIso();
  return (
    <>
      <PageHeader
        title={t('catalog.transport.title')}
        description={t('catalog.transport.intro')}
        actions={
          <Button
            leftSection={<IconPlus size={18} stroke={1.5} />}
            onClick={createModal.open}
            data-testid="new-transport"
          >
            {t('catalog.transport.new')}
          </Button>
        }
      />
      <ListToolbar />
      <PagedTable
        query={list}
        rowCount={rows.length}
        columnCount={5}
        minWidth={720}
        label={t('catalog.transport.title')}
        testId="transport-table"
        emptyText={filters.q ? t('catalog.noMatch') : t('catalog.transport.empty')}
        head={
          <>
            <Table.Th>{t('catalog.name')}</Table.Th>
            <Table.Th>{t('catalog.transport.kind')}</Table.Th>
            <Table.Th>{t('catalog.transport.route')}</Table.Th>
            <Table.Th>{t('catalog.transport.upcoming')}</Table.Th>
            <Table.Th w={60} />
          </>
        }
      >
        {rows.map((item) => (
          <Table.Tr key={item.id} data-testid="transport-row">
            <Table.Td>
              <RowLink to={`/catalog/transport/${item.id}`} testId="transport-link">
                {item.code}
              </RowLink>
              <Text size="xs" c="dimmed">
                {item.name}
                {item.carrier ? ` · ${item.carrier}` : ''}
              </Text>
              <ArchivedBadge archived={item.archived} />
            </Table.Td>
            <Table.Td>
              <Badge variant="light" size="sm">
                {t(`catalog.transport.kinds.${item.kind}`)}
              </Badge>
            </Table.Td>
            <Table.Td>
              {item.stops[0]?.city ?? item.stops[0]?.name} →{' '}
              {item.stops[item.stops.length - 1]?.city ?? item.stops[item.stops.length - 1]?.name}
            </Table.Td>
            <Table.Td>{item.departures.filter((d) => d.date >= today).length}</Table.Td>
            <Table.Td>
              <Group justify="flex-end">
                <ArchiveButton
                  resource="transport"
                  id={item.id}
                  archived={item.archived}
                  name={item.code}
                />
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </PagedTable>
      <TransportFormModal opened={creating} onClose={createModal.close} transport={null} />
    </>
  );
}
