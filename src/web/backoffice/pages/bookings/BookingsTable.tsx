// The bookings as a table: sortable columns, row selection for the export, badges for status,
// channel and required actions. Costs and margins only for staff (the API sends none to others).
import { Anchor, Badge, Checkbox, Group, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowsSort, IconArrowUp } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useFormat } from '../../../shared/i18n/format.ts';
import { type PagedQuery, PagedTable } from '../../../shared/ui/PagedTable.tsx';
import { ActionsBadge, ApprovalBadge, ChannelBadge, StatusBadge } from './badges.tsx';
import type { BookingSummary } from './booking-types.ts';
import type { Sort, SortField } from './list-params.ts';

interface BookingsTableProps {
  query: PagedQuery;
  rows: readonly BookingSummary[];
  showMargin: boolean;
  sort: Sort;
  onSort: (sort: Sort) => void;
  selected: ReadonlySet<string>;
  onSelect: (ids: string[], selected: boolean) => void;
  emptyText: string;
  /** The address the detail's "All bookings" link returns to. */
  listSearch: string;
}

export function BookingsTable(props: BookingsTableProps) {
  const { t } = useTranslation();
  const { rows, selected, showMargin } = props;
  const allSelected = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const someSelected = rows.some((r) => selected.has(r.id));
  const sortable = (field: SortField, label: string, align?: 'right') => (
    <SortableTh field={field} sort={props.sort} onSort={props.onSort} align={align}>
      {label}
    </SortableTh>
  );

  return (
    <PagedTable
      query={props.query}
      rowCount={rows.length}
      columnCount={showMargin ? 10 : 9}
      minWidth={showMargin ? 1140 : 1040}
      label={t('bookings.listLabel')}
      testId="bookings-table"
      emptyText={props.emptyText}
      head={
        <>
          <Table.Th w={36}>
            <Checkbox
              aria-label={t('bookings.selectAll')}
              checked={allSelected}
              indeterminate={someSelected && !allSelected}
              onChange={() =>
                props.onSelect(
                  rows.map((r) => r.id),
                  !allSelected,
                )
              }
              data-testid="select-all"
            />
          </Table.Th>
          {sortable('number', t('bookings.col.number'))}
          <Table.Th>{t('bookings.col.status')}</Table.Th>
          <Table.Th>{t('bookings.col.product')}</Table.Th>
          {sortable('from', t('bookings.col.departure'))}
          <Table.Th>{t('bookings.col.customer')}</Table.Th>
          <Table.Th>{t('bookings.col.actions')}</Table.Th>
          {sortable('total', t('bookings.col.total'), 'right')}
          {showMargin ? (
            <Table.Th style={{ textAlign: 'right' }}>{t('bookings.col.margin')}</Table.Th>
          ) : null}
          {sortable('createdAt', t('bookings.col.created'))}
        </>
      }
    >
      {rows.map((row) => (
        <BookingRow
          key={row.id}
          booking={row}
          showMargin={showMargin}
          selected={selected.has(row.id)}
          onSelect={(value) => props.onSelect([row.id], value)}
          listSearch={props.listSearch}
        />
      ))}
    </PagedTable>
  );
}

function SortableTh({
  field,
  sort,
  onSort,
  align,
  children,
}: {
  field: SortField;
  sort: Sort;
  onSort: (sort: Sort) => void;
  align?: 'right';
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const active = sort.field === field;
  const Icon = active ? (sort.descending ? IconArrowDown : IconArrowUp) : IconArrowsSort;
  return (
    <Table.Th
      aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}
      style={align ? { textAlign: align } : undefined}
    >
      <UnstyledButton
        onClick={() =>
          // First click on a new column: newest or largest first, as staff usually want.
          onSort({ field, descending: active ? !sort.descending : field !== 'number' })
        }
        aria-label={t('bookings.sortBy', { column: children })}
        data-testid={`sort-${field}`}
      >
        <Group gap={4} wrap="nowrap" justify={align === 'right' ? 'flex-end' : undefined}>
          <Text fw={700} size="sm" c={active ? undefined : 'inherit'}>
            {children}
          </Text>
          <Icon size={14} stroke={1.5} opacity={active ? 1 : 0.4} aria-hidden />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

function BookingRow({
  booking,
  showMargin,
  selected,
  onSelect,
  listSearch,
}: {
  booking: BookingSummary;
  showMargin: boolean;
  selected: boolean;
  onSelect: (selected: boolean) => void;
  listSearch: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const to = `/bookings/${booking.id}`;
  const state = { listSearch };
  return (
    <Table.Tr
      data-testid="booking-row"
      data-number={booking.number}
      data-id={booking.id}
      bg={selected ? 'var(--mantine-color-indigo-light)' : undefined}
      style={{ cursor: 'pointer' }}
      onClick={(event) => {
        // Clicks on the checkbox and the link do their own thing.
        if ((event.target as HTMLElement).closest('a, input, button, label')) return;
        void navigate(to, { state });
      }}
    >
      <Table.Td>
        <Checkbox
          aria-label={t('bookings.selectRow', { number: booking.number })}
          checked={selected}
          onChange={(event) => onSelect(event.currentTarget.checked)}
          data-testid="select-row"
        />
      </Table.Td>
      <Table.Td>
        <Stack gap={2}>
          <Anchor
            component={Link}
            to={to}
            state={state}
            fw={600}
            size="sm"
            ff="monospace"
            style={{ whiteSpace: 'nowrap' }}
          >
            {booking.number}
          </Anchor>
          {booking.pnr ? (
            <Text size="xs" c="dimmed" ff="monospace">
              {booking.pnr}
            </Text>
          ) : null}
        </Stack>
      </Table.Td>
      {/* Badges clip their words when squeezed: this column keeps room for the longest. */}
      <Table.Td style={{ whiteSpace: 'nowrap', minWidth: 175 }}>
        <Stack gap={4} align="flex-start">
          <StatusBadge status={booking.status} />
          <ChannelBadge channel={booking.channel} online={booking.online} />
          <ApprovalBadge state={booking.approval} />
        </Stack>
      </Table.Td>
      <Table.Td maw={300} style={{ minWidth: 200 }}>
        <Text size="sm" lineClamp={1} title={booking.productName}>
          {booking.productName}
        </Text>
        <Group gap={6} wrap="nowrap">
          <Text size="xs" c="dimmed" truncate>
            {booking.destination ?? ''}
          </Text>
          {booking.offerCode ? (
            <Badge
              size="xs"
              variant="outline"
              color="grape"
              tt="none"
              ff="monospace"
              data-testid="offer-badge"
            >
              {booking.variantId
                ? `${booking.offerCode} · ${booking.variantId}`
                : booking.offerCode}
            </Badge>
          ) : null}
        </Group>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Text size="sm">{format.date(booking.from)}</Text>
        <Text size="xs" c="dimmed">
          {format.date(booking.to)}
        </Text>
      </Table.Td>
      <Table.Td maw={220} style={{ minWidth: 140 }}>
        <Text size="sm" lineClamp={1}>
          {booking.customer.name}
        </Text>
        <Text size="xs" c="dimmed" lineClamp={1}>
          {booking.leadTraveller && booking.leadTraveller !== booking.customer.name
            ? `${booking.leadTraveller} · `
            : ''}
          {t('bookings.travellersCount', { count: booking.travellerCount })}
        </Text>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap', minWidth: 110 }}>
        <ActionsBadge open={booking.openActions} />
      </Table.Td>
      <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
        <Text size="sm" fw={500}>
          {format.money(booking.total, booking.currency)}
        </Text>
      </Table.Td>
      {showMargin ? (
        <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }} data-testid="margin-cell">
          <Text size="sm" c={booking.margin != null && booking.margin < 0 ? 'red' : 'dimmed'}>
            {booking.margin == null ? '—' : format.money(booking.margin, booking.currency)}
          </Text>
        </Table.Td>
      ) : null}
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Text size="sm" c="dimmed">
          {format.date(booking.createdAt)}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}
