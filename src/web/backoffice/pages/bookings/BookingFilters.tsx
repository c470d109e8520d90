// The filter panel of the bookings list: every control writes straight to the address bar
// (through `onChange`), so what is on screen is always what a bookmark would bring back.
import {
  Button,
  Group,
  Indicator,
  MultiSelect,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
} from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCalendar, IconFilterOff, IconMapPin } from '@tabler/icons-react';
import { type ReactNode, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localDateFormatter } from '../../../shared/i18n/date-input.ts';
import {
  type ApprovalState,
  approvalStates,
  type BookingStatus,
  type BookingSummary,
  bookingStatuses,
  type Channel,
  channels,
} from './booking-types.ts';
import { useCustomer, useCustomerSearch, useOffers } from './bookings-queries.ts';
import { DebouncedTextInput } from './DebouncedTextInput.tsx';
import { activeFilterCount, type BookingFilters as Filters } from './list-params.ts';

interface BookingFiltersProps {
  filters: Filters;
  onChange: (change: Partial<Filters>) => void;
  onClear: () => void;
  /** Staff pick offers and customers from the API; a partner from its own bookings. */
  isStaff: boolean;
  /** The rows seen so far, for a partner's offer and variant choices. */
  rows: readonly BookingSummary[];
}

export function BookingFilters({ filters, onChange, onClear, isStaff, rows }: BookingFiltersProps) {
  const { t } = useTranslation();
  const offerOptions = useOfferOptions(isStaff, rows);
  const active = activeFilterCount(filters);

  const variantOptions = useMemo(() => {
    const chosen = offerOptions.offers.find((o) => o.id === filters.offerId);
    if (chosen?.variants.length) {
      return chosen.variants.map((v) => ({ value: v.code, label: `${v.code} · ${v.name}` }));
    }
    const seen = new Set(rows.map((r) => r.variantId).filter((v): v is string => v !== null));
    if (filters.variantId) seen.add(filters.variantId);
    return [...seen].sort().map((code) => ({ value: code, label: code }));
  }, [offerOptions.offers, filters.offerId, filters.variantId, rows]);

  return (
    <Paper withBorder radius="md" p="md" mb="md" data-testid="booking-filters">
      <Group justify="space-between" mb="sm">
        <Indicator label={active} size={16} disabled={active === 0} offset={-2}>
          <Text fw={600} size="sm" pr="xs">
            {t('bookings.filters')}
          </Text>
        </Indicator>
        {active > 0 ? (
          <Button
            variant="subtle"
            size="compact-sm"
            leftSection={<IconFilterOff size={14} />}
            onClick={onClear}
            data-testid="clear-filters"
          >
            {t('bookings.clearFilters')}
          </Button>
        ) : null}
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3, xl: 4 }} spacing="sm" verticalSpacing="sm">
        <MultiSelect
          label={t('bookings.filter.status')}
          data={bookingStatuses.map((s) => ({ value: s, label: t(`bookings.status.${s}`) }))}
          value={filters.status}
          onChange={(value) => onChange({ status: value as BookingStatus[] })}
          clearable
          data-testid="filter-status"
          comboboxProps={{ withinPortal: true }}
        />
        <MultiSelect
          label={t('bookings.filter.channel')}
          data={channels.map((c) => ({ value: c, label: t(`bookings.channel.${c}`) }))}
          value={filters.channel}
          onChange={(value) => onChange({ channel: value as Channel[] })}
          clearable
          data-testid="filter-channel"
        />
        <Labelled label={t('bookings.filter.origin')}>
          <SegmentedControl
            fullWidth
            size="sm"
            data-testid="filter-online"
            value={filters.online === undefined ? 'any' : String(filters.online)}
            onChange={(value) =>
              onChange({ online: value === 'any' ? undefined : value === 'true' })
            }
            data={[
              { value: 'any', label: t('bookings.filter.any') },
              { value: 'true', label: t('bookings.filter.online') },
              { value: 'false', label: t('bookings.filter.offline') },
            ]}
          />
        </Labelled>
        <Labelled label={t('bookings.filter.actions')}>
          <SegmentedControl
            fullWidth
            size="sm"
            data-testid="filter-actions"
            value={filters.actionDone === undefined ? 'any' : String(filters.actionDone)}
            onChange={(value) =>
              onChange({ actionDone: value === 'any' ? undefined : value === 'true' })
            }
            data={[
              { value: 'any', label: t('bookings.filter.any') },
              { value: 'false', label: t('bookings.filter.actionsOpen') },
              { value: 'true', label: t('bookings.filter.actionsDone') },
            ]}
          />
        </Labelled>
        <Select
          label={t('bookings.filter.offer')}
          placeholder={t('bookings.filter.offerPlaceholder')}
          data={offerOptions.options}
          value={filters.offerId ?? null}
          onChange={(value) => onChange({ offerId: value ?? undefined, variantId: undefined })}
          searchable
          clearable
          nothingFoundMessage={t('bookings.filter.nothingFound')}
          data-testid="filter-offer"
        />
        <Select
          label={t('bookings.filter.variant')}
          data={variantOptions}
          value={filters.variantId ?? null}
          onChange={(value) => onChange({ variantId: value ?? undefined })}
          searchable
          clearable
          disabled={variantOptions.length === 0}
          data-testid="filter-variant"
        />
        <Select
          label={t('bookings.filter.approval')}
          data={approvalStates.map((a) => ({ value: a, label: t(`bookings.approval.${a}`) }))}
          value={filters.approval ?? null}
          onChange={(value) => onChange({ approval: (value as ApprovalState) ?? undefined })}
          clearable
          data-testid="filter-approval"
        />
        {isStaff ? (
          <CustomerFilter
            value={filters.customerId}
            onChange={(customerId) => onChange({ customerId })}
          />
        ) : null}
        <DebouncedTextInput
          label={t('bookings.filter.destination')}
          placeholder={t('bookings.filter.destinationPlaceholder')}
          leftSection={<IconMapPin size={16} stroke={1.5} />}
          value={filters.destination}
          onCommit={(destination) => onChange({ destination })}
          data-testid="filter-destination"
        />
        <DatePickerInput
          type="range"
          label={t('bookings.filter.departure')}
          leftSection={<IconCalendar size={16} stroke={1.5} />}
          value={[filters.from ?? null, filters.to ?? null]}
          onChange={([from, to]) => {
            // A range is written once both ends are chosen (or both cleared).
            if ((from && to) || (!from && !to)) {
              onChange({ from: from ?? undefined, to: to ?? undefined });
            }
          }}
          clearable
          allowSingleDateInRange
          valueFormatter={localDateFormatter}
          data-testid="filter-departure"
        />
        <DatePickerInput
          type="range"
          label={t('bookings.filter.created')}
          leftSection={<IconCalendar size={16} stroke={1.5} />}
          value={[filters.createdFrom ?? null, filters.createdTo ?? null]}
          onChange={([from, to]) => {
            if ((from && to) || (!from && !to)) {
              onChange({ createdFrom: from ?? undefined, createdTo: to ?? undefined });
            }
          }}
          clearable
          allowSingleDateInRange
          valueFormatter={localDateFormatter}
          data-testid="filter-created"
        />
      </SimpleGrid>
    </Paper>
  );
}

function Labelled({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} component="span">
        {label}
      </Text>
      {children}
    </Stack>
  );
}

interface OfferChoice {
  id: string;
  code: string;
  name: string;
  variants: Array<{ code: string; name: string }>;
}

/**
 * The offers to pick from, by code and name. Staff read the agency's offers; a partner, whom
 * the API does not let list offers, picks among those of the bookings it has seen (kept, so a
 * filter that hides them does not take them out of the list).
 */
function useOfferOptions(isStaff: boolean, rows: readonly BookingSummary[]) {
  const offers = useOffers(isStaff);
  const seen = useRef(new Map<string, OfferChoice>());
  for (const row of rows) {
    if (row.offerId && row.offerCode && !seen.current.has(row.offerId)) {
      seen.current.set(row.offerId, {
        id: row.offerId,
        code: row.offerCode,
        name: '',
        variants: [],
      });
    }
  }
  const list: OfferChoice[] = isStaff ? (offers.data ?? []) : [...seen.current.values()];
  return {
    offers: list,
    options: list.map((o) => ({ value: o.id, label: o.name ? `${o.code} · ${o.name}` : o.code })),
  };
}

export function CustomerFilter({
  value,
  onChange,
}: {
  value: string | undefined;
  onChange: (id: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const chosen = useCustomer(value, true);
  const found = useCustomerSearch(debounced, debounced.length >= 2);
  const options = useMemo(() => {
    const list = (found.data ?? []).map((c) => ({
      value: c.id,
      label: c.employerName ? `${c.name} (${c.employerName})` : c.name,
    }));
    if (chosen.data && !list.some((o) => o.value === chosen.data.id)) {
      list.unshift({ value: chosen.data.id, label: chosen.data.name });
    }
    return list;
  }, [found.data, chosen.data]);

  return (
    <Select
      label={t('bookings.filter.customer')}
      placeholder={t('bookings.filter.customerPlaceholder')}
      data={options}
      value={value ?? null}
      onChange={(id) => onChange(id ?? undefined)}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The server searches (accents and case folded); show what it found as it is.
      filter={({ options: all }) => all}
      clearable
      nothingFoundMessage={debounced.length >= 2 ? t('bookings.filter.nothingFound') : undefined}
      data-testid="filter-customer"
    />
  );
}
