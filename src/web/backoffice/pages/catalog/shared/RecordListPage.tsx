// A catalog or price list screen described by its columns: header, filters, paged table with
// edit and archive per row, and the create/edit modal.
import { ActionIcon, Button, Group, Table, Tooltip } from '@mantine/core';
import { IconEdit, IconPlus } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PagedTable } from '../../../../shared/ui/PagedTable.tsx';
import { PageHeader } from '../../../../shared/ui/PageHeader.tsx';
import { ArchiveButton } from './ArchiveButton.tsx';
import { ArchivedBadge } from './ArchivedBadge.tsx';
import { type Resource, usePagedList } from './catalog-queries.ts';
import { ListToolbar } from './ListToolbar.tsx';
import { useListFilters } from './list-filters.ts';

export interface Column<T> {
  header: string;
  cell: (item: T) => ReactNode;
}

interface Props<T extends { id: string; archived: boolean }> {
  resource: Resource;
  title: string;
  description: string;
  newLabel: string;
  emptyText: string;
  searchable: boolean;
  columns: Column<T>[];
  nameOf: (item: T) => string;
  testId: string;
  /** The modal for a new record (null) or one to edit. */
  renderForm: (props: { opened: boolean; onClose: () => void; item: T | null }) => ReactNode;
}

export function RecordListPage<T extends { id: string; archived: boolean }>(props: Props<T>) {
  const { t } = useTranslation();
  const filters = useListFilters();
  const [editing, setEditing] = useState<{ item: T | null } | null>(null);
  const list = usePagedList<T>(props.resource, {
    ...(props.searchable ? { q: filters.q } : {}),
    archived: filters.archived,
  });
  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <PageHeader
        title={props.title}
        description={props.description}
        actions={
          <Button
            leftSection={<IconPlus size={18} stroke={1.5} />}
            onClick={() => setEditing({ item: null })}
            data-testid={`new-${props.testId}`}
          >
            {props.newLabel}
          </Button>
        }
      />
      <ListToolbar searchable={props.searchable} />
      <PagedTable
        query={list}
        rowCount={rows.length}
        columnCount={props.columns.length + 1}
        minWidth={720}
        label={props.title}
        testId={`${props.testId}-table`}
        emptyText={filters.q ? t('catalog.noMatch') : props.emptyText}
        head={
          <>
            {props.columns.map((column) => (
              <Table.Th key={column.header}>{column.header}</Table.Th>
            ))}
            <Table.Th w={90} />
          </>
        }
      >
        {rows.map((item) => (
          <Table.Tr key={item.id} data-testid={`${props.testId}-row`}>
            {props.columns.map((column, index) => (
              <Table.Td key={column.header}>
                {column.cell(item)}
                {index === 0 ? <ArchivedBadge archived={item.archived} /> : null}
              </Table.Td>
            ))}
            <Table.Td>
              <Group gap={4} justify="flex-end" wrap="nowrap">
                <Tooltip label={t('catalog.edit')} withArrow>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={`${t('catalog.edit')}: ${props.nameOf(item)}`}
                    onClick={() => setEditing({ item })}
                  >
                    <IconEdit size={18} stroke={1.5} />
                  </ActionIcon>
                </Tooltip>
                <ArchiveButton
                  resource={props.resource}
                  id={item.id}
                  archived={item.archived}
                  name={props.nameOf(item)}
                />
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </PagedTable>
      {props.renderForm({
        opened: editing !== null,
        onClose: () => setEditing(null),
        item: editing?.item ?? null,
      })}
    </>
  );
}
