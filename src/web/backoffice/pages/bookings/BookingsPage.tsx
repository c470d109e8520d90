// The bookings list staff live in: every channel's bookings in one table, filtered, searched
// and sorted through the address bar, with rows picked for a CSV export. A partner sees the
// same screen over the bookings of its own offers, without costs or customer look-ups.
import { Button, Group, Loader, Paper, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconDownload,
  IconFileSpreadsheet,
  IconPlus,
  IconSearch,
  IconX,
} from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../../../shared/ui/PageHeader.tsx';
import { problemText } from '../../../shared/ui/ProblemAlert.tsx';
import { useSignedInUser } from '../../auth/signed-in-user.ts';
import { BookingFilters } from './BookingFilters.tsx';
import { BookingsTable } from './BookingsTable.tsx';
import { useBookings } from './bookings-queries.ts';
import { DebouncedTextInput } from './DebouncedTextInput.tsx';
import { downloadFile } from './download.ts';
import {
  activeFilterCount,
  type BookingFilters as Filters,
  filterParams,
  parseFilters,
} from './list-params.ts';
import { permissionsOf } from './permissions.ts';

export function BookingsPage() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const can = permissionsOf(me.role);
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => parseFilters(searchParams), [searchParams]);
  const bookings = useBookings(filters);
  const rows = useMemo(
    () => bookings.data?.pages.flatMap((page) => page.items) ?? [],
    [bookings.data],
  );
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const exporting = useExport();

  // The address bar, not this render's copy of it, is the state: two changes in quick
  // succession (the router renders in a transition) must not undo each other.
  const update = (change: Partial<Filters>) => {
    const current = parseFilters(new URLSearchParams(window.location.search));
    setSearchParams(filterParams({ ...current, ...change }), { replace: true });
  };
  const narrowed = activeFilterCount(filters) > 0 || filters.q !== undefined;
  const listSearch = searchParams.toString();

  const select = (ids: string[], value: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      for (const id of ids) {
        if (value) next.add(id);
        else next.delete(id);
      }
      return next;
    });

  return (
    <>
      <PageHeader
        title={t('bookings.title')}
        description={
          can.isStaff
            ? undefined
            : me.role === 'approver'
              ? t('bookings.approverIntro')
              : me.role === 'partner'
                ? t('bookings.partnerIntro')
                : t('bookings.customerIntro')
        }
        actions={
          can.markActions ? (
            <Button
              component={Link}
              to="/bookings/new"
              leftSection={<IconPlus size={18} stroke={1.5} />}
              data-testid="new-booking"
            >
              {t('bookings.newBooking')}
            </Button>
          ) : null
        }
      />
      <DebouncedTextInput
        aria-label={t('bookings.searchLabel')}
        placeholder={t('bookings.searchPlaceholder')}
        leftSection={<IconSearch size={16} stroke={1.5} />}
        value={filters.q}
        onCommit={(q) => update({ q })}
        size="md"
        mb="md"
        autoFocus
        data-testid="booking-search"
        type="search"
      />
      <BookingFilters
        filters={filters}
        onChange={update}
        onClear={() =>
          setSearchParams(
            filterParams({
              ...parseFilters(new URLSearchParams()),
              q: filters.q,
              sort: filters.sort,
            }),
            { replace: true },
          )
        }
        isStaff={can.isStaff}
        rows={rows}
      />
      <Paper withBorder radius="md" px="md" py="xs" mb="sm" data-testid="bookings-toolbar">
        <Group justify="space-between" gap="sm">
          <Group gap="sm">
            <Text size="sm" c="dimmed" data-testid="bookings-count">
              {bookings.hasNextPage
                ? t('bookings.shownMore', { count: rows.length })
                : t('bookings.shown', { count: rows.length })}
            </Text>
            {bookings.isFetching && !bookings.isFetchingNextPage ? <Loader size="xs" /> : null}
            {selected.size > 0 ? (
              <>
                <Text size="sm" fw={600} data-testid="selected-count">
                  {t('bookings.selected', { count: selected.size })}
                </Text>
                <Button
                  variant="subtle"
                  size="compact-sm"
                  color="gray"
                  leftSection={<IconX size={14} />}
                  onClick={() => setSelected(new Set())}
                >
                  {t('bookings.clearSelection')}
                </Button>
              </>
            ) : null}
          </Group>
          <Group gap="xs">
            <Button
              variant="light"
              leftSection={<IconFileSpreadsheet size={16} stroke={1.5} />}
              disabled={selected.size === 0}
              loading={exporting.isPending && exporting.variables?.kind === 'selected'}
              onClick={() => exporting.mutate({ kind: 'selected', ids: [...selected] })}
              data-testid="export-selected"
            >
              {t('bookings.exportSelected')}
            </Button>
            <Button
              variant="default"
              leftSection={<IconDownload size={16} stroke={1.5} />}
              loading={exporting.isPending && exporting.variables?.kind === 'filtered'}
              onClick={() => exporting.mutate({ kind: 'filtered', filters })}
              data-testid="export-filtered"
            >
              {t('bookings.exportAll')}
            </Button>
          </Group>
        </Group>
      </Paper>
      <BookingsTable
        query={bookings}
        rows={rows}
        showMargin={can.isStaff}
        sort={filters.sort}
        onSort={(sort) => update({ sort })}
        selected={selected}
        onSelect={select}
        emptyText={narrowed ? t('bookings.empty') : t('bookings.emptyAll')}
        listSearch={listSearch}
      />
    </>
  );
}

type ExportRequest = { kind: 'selected'; ids: string[] } | { kind: 'filtered'; filters: Filters };

function useExport() {
  const { t } = useTranslation();
  return useMutation({
    mutationFn: (request: ExportRequest) => {
      const name = `bookings-${new Date().toISOString().slice(0, 10)}.csv`;
      if (request.kind === 'selected') {
        // In the body: thousands of ids do not fit in an address.
        return downloadFile('/api/v1/bookings/export.csv', name, {
          method: 'POST',
          body: { ids: request.ids.join(',') },
        });
      }
      const params = filterParams(request.filters);
      return downloadFile(`/api/v1/bookings/export.csv?${params}`, name);
    },
    onError: (error) =>
      notifications.show({
        color: 'red',
        title: t('bookings.exportFailed'),
        message: problemText(error, t('errors.unreachable'), t('errors.unexpected')),
      }),
  });
}
