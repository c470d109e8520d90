// The supplier invoice list's filters: supplier, review flag, open or paid, invoice dates.
// Every control writes straight to the address bar (through `onChange`).
import { Paper, SegmentedControl, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { localDateFormatter } from '../../../shared/i18n/date-input.ts';
import { useAllItems } from '../catalog/shared/catalog-queries.ts';
import type { Supplier } from '../catalog/shared/catalog-types.ts';
import type { SupplierInvoiceStatus } from './finance-types.ts';
import type { SupplierInvoiceFilters as Filters } from './supplier-invoice-params.ts';

interface SupplierInvoiceFiltersProps {
  filters: Filters;
  onChange: (change: Partial<Filters>) => void;
}

export function SupplierInvoiceFilters({ filters, onChange }: SupplierInvoiceFiltersProps) {
  const { t } = useTranslation();
  // Archived suppliers too: their invoices are still in the books.
  const suppliers = useAllItems<Supplier>('suppliers', { archived: 'all' });
  const review =
    filters.flagged === undefined ? 'all' : filters.flagged ? 'flagged' : 'withinTolerance';

  return (
    <Paper withBorder radius="md" p="md" mb="md" data-testid="supplier-invoice-filters">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm" verticalSpacing="sm">
        <Select
          label={t('finance.supplier.filters.supplier')}
          placeholder={t('finance.supplier.filters.allSuppliers')}
          searchable
          clearable
          nothingFoundMessage={t('catalog.nothingFound')}
          data={(suppliers.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
          value={filters.supplierId ?? null}
          onChange={(value) => onChange({ supplierId: value ?? undefined })}
          data-testid="filter-supplier"
        />
        <Labelled label={t('finance.supplier.filters.review')}>
          <SegmentedControl
            fullWidth
            data-testid="filter-flagged"
            value={review}
            onChange={(value) =>
              onChange({ flagged: value === 'all' ? undefined : value === 'flagged' })
            }
            data={[
              { value: 'all', label: t('finance.supplier.filters.all') },
              { value: 'flagged', label: t('finance.supplier.toReview') },
              { value: 'withinTolerance', label: t('finance.supplier.filters.withinTolerance') },
            ]}
          />
        </Labelled>
        <Labelled label={t('finance.supplier.filters.status')}>
          <SegmentedControl
            fullWidth
            data-testid="filter-status"
            value={filters.status ?? 'all'}
            onChange={(value) =>
              onChange({ status: value === 'all' ? undefined : (value as SupplierInvoiceStatus) })
            }
            data={[
              { value: 'all', label: t('finance.supplier.filters.all') },
              { value: 'open', label: t('finance.supplier.status.open') },
              { value: 'paid', label: t('finance.supplier.status.paid') },
            ]}
          />
        </Labelled>
        <DatePickerInput
          type="range"
          label={t('finance.supplier.filters.dates')}
          placeholder={t('finance.supplier.filters.allDates')}
          leftSection={<IconCalendar size={16} stroke={1.5} />}
          value={[filters.from ?? null, filters.to ?? null]}
          onChange={([from, to]) => {
            // A range is written once both ends are chosen; clearing it means every date.
            if (from && to) onChange({ from, to });
            else if (!from && !to) onChange({ from: undefined, to: undefined });
          }}
          clearable
          allowSingleDateInRange
          valueFormatter={localDateFormatter}
          data-testid="filter-invoice-dates"
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
