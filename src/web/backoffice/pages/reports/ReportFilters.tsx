// A report's filters: the period (or the day receivables are counted on), what the dates are,
// the grouping and the filters the report takes, each with a picker where the agency's lists
// exist. Every control writes straight to the address bar (through `onChange`). On a phone the
// form folds behind one button, so the chart and the table come first.
import {
  Badge,
  Button,
  Collapse,
  MultiSelect,
  Paper,
  Select,
  type SelectProps,
  SimpleGrid,
} from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconAdjustmentsHorizontal, IconCalendar } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { apiFetch } from '../../../shared/api.ts';
import { useCalendarFormat } from '../../../shared/i18n/calendar-date.ts';
import { localDateFormatter } from '../../../shared/i18n/date-input.ts';
import type { Page, User } from '../../../shared/identity.ts';
import { useSignedInUser } from '../../auth/signed-in-user.ts';
import { CustomerFilter } from '../bookings/BookingFilters.tsx';
import { channels } from '../bookings/booking-types.ts';
import { useAllItems, useRecord } from '../catalog/shared/catalog-queries.ts';
import type {
  Accommodation,
  ProductKind,
  Supplier,
  Tour,
} from '../catalog/shared/catalog-types.ts';
import { useLocalized } from '../catalog/shared/localized.ts';
import { useCountryOptions } from '../customers/country-options.ts';
import { useProductOptions } from '../prices/ProductSelect.tsx';
import type { ParamKey, ReportSpec } from './report-catalog.ts';
import {
  activeFilterCount,
  byChoices,
  dateBases,
  dimensionsOf,
  occupancyKinds,
  periods,
  productKinds,
  type ReportValues,
} from './report-params.ts';

interface ReportFiltersProps {
  spec: ReportSpec;
  values: ReportValues;
  onChange: (change: ReportValues) => void;
}

export function ReportFilters({ spec, values, onChange }: ReportFiltersProps) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 48em)');
  const [opened, { toggle }] = useDisclosure(false);
  const count = activeFilterCount(spec, values);
  const has = (key: ParamKey) => spec.params.includes(key);

  const fields = (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm" verticalSpacing="sm">
      {has('kind') ? (
        <Select
          label={t('reports.field.kind')}
          data={occupancyKinds.map((kind) => ({ value: kind, label: t(`reports.kinds.${kind}`) }))}
          value={values.kind ?? 'departures'}
          onChange={(kind) => onChange({ kind: kind ?? undefined })}
          allowDeselect={false}
          data-testid="filter-kind"
        />
      ) : null}
      {has('tourId') ? <TourFields values={values} onChange={onChange} /> : null}
      {has('from') ? (
        <DatePickerInput
          type="range"
          label={t('reports.field.dates')}
          leftSection={<IconCalendar size={16} stroke={1.5} />}
          value={[values.from ?? null, values.to ?? null]}
          onChange={([from, to]) => {
            // A range is written once both ends are chosen; cleared, the default returns.
            if (from && to) onChange({ from, to });
            else if (!from && !to) onChange({ from: undefined, to: undefined });
          }}
          clearable={spec.name === 'booking-curve'}
          allowSingleDateInRange
          valueFormatter={localDateFormatter}
          data-testid="filter-dates"
        />
      ) : null}
      {has('asOf') ? (
        <DatePickerInput
          label={t('reports.field.asOf')}
          leftSection={<IconCalendar size={16} stroke={1.5} />}
          value={values.asOf ?? null}
          onChange={(asOf) => onChange({ asOf: asOf ?? undefined })}
          valueFormatter={localDateFormatter}
          data-testid="filter-as-of"
        />
      ) : null}
      {has('dateBasis') ? (
        <Select
          label={t('reports.field.dateBasis')}
          data={dateBases.map((basis) => ({
            value: basis,
            label: t(`reports.dateBases.${basis}`),
          }))}
          value={values.dateBasis ?? 'booking'}
          onChange={(dateBasis) => onChange({ dateBasis: dateBasis ?? undefined })}
          allowDeselect={false}
          data-testid="filter-date-basis"
        />
      ) : null}
      {has('period') ? (
        <Select
          label={t('reports.field.period')}
          data={periods.map((period) => ({ value: period, label: t(`reports.periods.${period}`) }))}
          value={values.period ?? 'month'}
          onChange={(period) => onChange({ period: period ?? undefined })}
          allowDeselect={false}
          data-testid="filter-period"
        />
      ) : null}
      {has('by') && spec.name === 'sales' ? (
        <MultiSelect
          label={t('reports.field.by')}
          data={byChoices(spec.name).map((by) => ({
            value: by,
            label: t(`reports.dimensions.${by}` as 'reports.dimensions.product'),
          }))}
          // In the order chosen: the first one stacks the chart's bars.
          value={dimensionsOf(values.by)}
          onChange={(by) => onChange({ by: by.join(',') })}
          clearable
          data-testid="filter-by"
        />
      ) : has('by') ? (
        <Select
          label={t('reports.field.by')}
          data={byChoices(spec.name).map((by) => ({
            value: by,
            label: t(`reports.dimensions.${by}` as 'reports.dimensions.product'),
          }))}
          value={values.by ?? null}
          onChange={(by) => onChange({ by: by ?? undefined })}
          allowDeselect={false}
          data-testid="filter-by"
        />
      ) : null}
      {has('productKind') ? (
        <AnySelect
          label={t('reports.field.productKind')}
          data={productKinds.map((kind) => ({
            value: kind,
            label: t(`reports.productKinds.${kind}`),
          }))}
          value={values.productKind}
          onChange={(productKind) => onChange({ productKind })}
          testId="filter-product-kind"
        />
      ) : null}
      {has('productId') && values.kind !== 'pools' ? (
        <ProductFilter values={values} onChange={onChange} />
      ) : null}
      {has('country') ? <CountryFilter value={values.country} onChange={onChange} /> : null}
      {has('channel') ? (
        <AnySelect
          label={t('reports.field.channel')}
          data={channels.map((channel) => ({
            value: channel,
            label: t(`overview.channels.${channel}`),
          }))}
          value={values.channel}
          onChange={(channel) => onChange({ channel })}
          testId="filter-channel"
        />
      ) : null}
      {has('online') ? (
        <AnySelect
          label={t('reports.field.online')}
          data={(['true', 'false'] as const).map((online) => ({
            value: online,
            label: t(`reports.online.${online}`),
          }))}
          value={values.online}
          onChange={(online) => onChange({ online })}
          testId="filter-online"
        />
      ) : null}
      {has('soldBy') ? <SoldByFilter value={values.soldBy} onChange={onChange} /> : null}
      {has('customerId') ? (
        <CustomerFilter
          value={values.customerId}
          onChange={(customerId) => onChange({ customerId })}
        />
      ) : null}
      {has('currency') ? <CurrencyFilter value={values.currency} onChange={onChange} /> : null}
      {has('supplierId') ? <SupplierFilter value={values.supplierId} onChange={onChange} /> : null}
    </SimpleGrid>
  );

  if (!phone) {
    return (
      <Paper withBorder radius="md" p="md" mb="md" data-testid="report-filters">
        {fields}
      </Paper>
    );
  }
  return (
    <Paper withBorder radius="md" p="sm" mb="md" data-testid="report-filters">
      <Button
        variant="subtle"
        fullWidth
        justify="flex-start"
        leftSection={<IconAdjustmentsHorizontal size={16} stroke={1.5} />}
        rightSection={count > 0 ? <Badge size="sm">{count}</Badge> : null}
        onClick={toggle}
        aria-expanded={opened}
        data-testid="report-filters-toggle"
      >
        {t('reports.filters')}
      </Button>
      <Collapse in={opened}>
        <Paper pt="sm">{fields}</Paper>
      </Collapse>
    </Paper>
  );
}

/** A filter whose empty choice is "all". */
function AnySelect({
  value,
  onChange,
  testId,
  ...props
}: Omit<SelectProps, 'value' | 'onChange'> & {
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Select
      placeholder={t('reports.any')}
      clearable
      value={value ?? null}
      onChange={(next) => onChange(next ?? undefined)}
      data-testid={testId}
      {...props}
    />
  );
}

/** The catalog's kind of a product kind filter (the same names). */
function productKindOf(kind: string | undefined): ProductKind | null {
  return (productKinds as readonly string[]).includes(kind ?? '') ? (kind as ProductKind) : null;
}

function ProductFilter({ values, onChange }: Pick<ReportFiltersProps, 'values' | 'onChange'>) {
  const { t } = useTranslation();
  // Occupancy of hotels is per accommodation; of departures per tour; sales per any product.
  const hotels = values.kind === 'hotels';
  const tourOnly = values.kind === 'departures';
  const products = useProductOptions(tourOnly ? 'tour' : productKindOf(values.productKind));
  const accommodations = useAllItems<Accommodation>('accommodations', { archived: 'all' });
  const data = hotels
    ? (accommodations.data ?? []).map((a) => ({ value: a.id, label: a.name }))
    : products.options;
  return (
    <AnySelect
      label={t('reports.field.product')}
      searchable
      nothingFoundMessage={t('reports.nothingFound')}
      data={data}
      value={values.productId}
      onChange={(productId) => onChange({ productId })}
      testId="filter-product"
    />
  );
}

function CountryFilter({
  value,
  onChange,
}: {
  value: string | undefined;
  onChange: (change: ReportValues) => void;
}) {
  const { t } = useTranslation();
  const options = useCountryOptions();
  return (
    <AnySelect
      label={t('reports.field.country')}
      searchable
      nothingFoundMessage={t('reports.nothingFound')}
      data={options}
      value={value}
      onChange={(country) => onChange({ country })}
      testId="filter-country"
    />
  );
}

/** The booking currencies the browser knows (ISO 4217), each with its name. */
function CurrencyFilter({
  value,
  onChange,
}: {
  value: string | undefined;
  onChange: (change: ReportValues) => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'en';
  const data = useMemo(() => {
    const names = new Intl.DisplayNames([locale], { type: 'currency', fallback: 'code' });
    return Intl.supportedValuesOf('currency').map((code) => ({
      value: code,
      label: `${code} · ${names.of(code) ?? code}`,
    }));
  }, [locale]);
  return (
    <AnySelect
      label={t('reports.field.currency')}
      searchable
      nothingFoundMessage={t('reports.nothingFound')}
      data={data}
      value={value}
      onChange={(currency) => onChange({ currency })}
      testId="filter-currency"
    />
  );
}

/**
 * The seller: an admin picks any user of the agency (only admins may list them); anyone else
 * may narrow the report to their own sales.
 */
function SoldByFilter({
  value,
  onChange,
}: {
  value: string | undefined;
  onChange: (change: ReportValues) => void;
}) {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const users = useQuery({
    queryKey: ['users', 'all-for-reports'],
    queryFn: () => apiFetch<Page<User>>('/api/v1/users?limit=200').then((page) => page.items),
    enabled: me.role === 'admin',
    staleTime: 60_000,
  });
  const data =
    me.role === 'admin' && users.data
      ? users.data.map((user) => ({ value: user.id, label: user.name }))
      : [{ value: me.id, label: me.name }];
  return (
    <AnySelect
      label={t('reports.field.soldBy')}
      searchable
      nothingFoundMessage={t('reports.nothingFound')}
      data={data}
      value={value}
      onChange={(soldBy) => onChange({ soldBy })}
      testId="filter-sold-by"
    />
  );
}

function SupplierFilter({
  value,
  onChange,
}: {
  value: string | undefined;
  onChange: (change: ReportValues) => void;
}) {
  const { t } = useTranslation();
  const suppliers = useAllItems<Supplier>('suppliers', { archived: 'all' });
  return (
    <AnySelect
      label={t('reports.field.supplier')}
      searchable
      nothingFoundMessage={t('reports.nothingFound')}
      data={(suppliers.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
      value={value}
      onChange={(supplierId) => onChange({ supplierId })}
      testId="filter-supplier"
    />
  );
}

/** The booking curve's tour, one of its departures (or all in the dates) and the comparison. */
function TourFields({ values, onChange }: Pick<ReportFiltersProps, 'values' | 'onChange'>) {
  const { t } = useTranslation();
  const local = useLocalized();
  const dates = useCalendarFormat();
  const tours = useAllItems<Tour>('tours', { archived: 'all' });
  const tour = useRecord<Tour>('tours', values.tourId);
  const departures = useMemo(
    () =>
      [...(tour.data?.departures ?? [])]
        .sort((a, b) => a.startDate.localeCompare(b.startDate))
        .map((d) => ({ value: d.id, label: dates.medium(d.startDate) })),
    [tour.data, dates],
  );
  return (
    <>
      <Select
        label={t('reports.field.tour')}
        searchable
        nothingFoundMessage={t('reports.nothingFound')}
        data={(tours.data ?? []).map((x) => ({
          value: x.id,
          label: `${x.code} · ${local(x.name)}`,
        }))}
        value={values.tourId ?? null}
        onChange={(tourId) => onChange({ tourId: tourId ?? undefined })}
        data-testid="filter-tour"
      />
      <DepartureSelect
        label={t('reports.field.departure')}
        placeholder={t('reports.allDepartures')}
        departures={departures}
        value={values.departureId}
        onChange={(departureId) => onChange({ departureId })}
        testId="filter-departure"
      />
      <Select
        label={t('reports.field.compare')}
        data={[
          { value: 'none', label: t('reports.compare.none') },
          { value: 'lastYear', label: t('reports.compare.lastYear') },
          ...(departures.length > 0
            ? [
                {
                  group: t('reports.compare.departures'),
                  items: departures
                    .filter((d) => d.value !== values.departureId)
                    .map((d) => ({ value: d.value, label: d.label })),
                },
              ]
            : []),
        ]}
        value={values.compareDepartureId ?? values.compare ?? 'none'}
        onChange={(choice) =>
          onChange(
            choice === 'lastYear'
              ? { compare: 'lastYear', compareDepartureId: undefined }
              : choice && choice !== 'none'
                ? { compareDepartureId: choice, compare: undefined }
                : { compare: undefined, compareDepartureId: undefined },
          )
        }
        allowDeselect={false}
        data-testid="filter-compare"
      />
    </>
  );
}

function DepartureSelect(props: {
  label: string;
  placeholder: string;
  departures: Array<{ value: string; label: string }>;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  testId: string;
}): ReactNode {
  return (
    <Select
      label={props.label}
      placeholder={props.placeholder}
      clearable
      data={props.departures}
      value={props.value ?? null}
      onChange={(value) => props.onChange(value ?? undefined)}
      disabled={props.departures.length === 0}
      data-testid={props.testId}
    />
  );
}
