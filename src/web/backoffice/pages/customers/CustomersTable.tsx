// The customers as a table: who, person or company, how to reach them, their language and
// when they were added. A row opens the customer; the name is a real link (new tabs work).
import { Anchor, Badge, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useFormat } from '../../../shared/i18n/format.ts';
import { languageName } from '../../../shared/i18n/languages.ts';
import { type PagedQuery, PagedTable } from '../../../shared/ui/PagedTable.tsx';
import { ArchivedBadge, KindBadge } from './badges.tsx';
import type { Customer } from './customer-types.ts';

interface CustomersTableProps {
  query: PagedQuery;
  rows: readonly Customer[];
  emptyText: string;
  /** The address the detail's way back returns to. */
  listSearch: string;
}

export function CustomersTable({ query, rows, emptyText, listSearch }: CustomersTableProps) {
  const { t } = useTranslation();
  return (
    <PagedTable
      query={query}
      rowCount={rows.length}
      columnCount={6}
      minWidth={900}
      label={t('customers.listLabel')}
      testId="customers-table"
      emptyText={emptyText}
      head={
        <>
          <Table.Th>{t('customers.col.name')}</Table.Th>
          <Table.Th>{t('customers.col.kind')}</Table.Th>
          <Table.Th>{t('customers.col.email')}</Table.Th>
          <Table.Th>{t('customers.col.phone')}</Table.Th>
          <Table.Th>{t('customers.col.language')}</Table.Th>
          <Table.Th>{t('customers.col.created')}</Table.Th>
        </>
      }
    >
      {rows.map((customer) => (
        <CustomerRow key={customer.id} customer={customer} listSearch={listSearch} />
      ))}
    </PagedTable>
  );
}

function CustomerRow({ customer, listSearch }: { customer: Customer; listSearch: string }) {
  const format = useFormat();
  const navigate = useNavigate();
  const to = `/customers/${customer.id}`;
  const state = { listSearch };
  const sideLine = customer.kind === 'person' ? customer.employerName : customer.vatId;
  return (
    <Table.Tr
      data-testid="customer-row"
      data-id={customer.id}
      data-name={customer.name}
      style={{ cursor: 'pointer' }}
      onClick={(event) => {
        // The links in the row do their own thing.
        if ((event.target as HTMLElement).closest('a, button')) return;
        void navigate(to, { state });
      }}
    >
      <Table.Td maw={320}>
        <Stack gap={2}>
          <Group gap={4} wrap="nowrap">
            <Anchor component={Link} to={to} state={state} fw={600} size="sm" lineClamp={1}>
              {customer.name}
            </Anchor>
            <ArchivedBadge archived={customer.archived} />
          </Group>
          {sideLine ? (
            <Text size="xs" c="dimmed" lineClamp={1}>
              {sideLine}
            </Text>
          ) : null}
        </Stack>
      </Table.Td>
      <Table.Td>
        <KindBadge kind={customer.kind} />
      </Table.Td>
      <Table.Td maw={260}>
        {customer.email ? (
          <Anchor href={`mailto:${customer.email}`} size="sm" lineClamp={1}>
            {customer.email}
          </Anchor>
        ) : (
          <Text size="sm" c="dimmed">
            —
          </Text>
        )}
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Text size="sm">{customer.phone ?? '—'}</Text>
      </Table.Td>
      <Table.Td>
        <Badge variant="outline" color="gray" size="sm" tt="none">
          {languageName(customer.locale)}
        </Badge>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Text size="sm" c="dimmed">
          {format.date(customer.createdAt)}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}
