// The invoice list's filters: kind, issue-date range with quick months, and search. Every
// control writes straight to the address bar (through `onChange`).
import { Group, Paper, SegmentedControl, SimpleGrid, Stack, Text } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconCalendar, IconSearch } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { localDateFormatter } from '../../../shared/i18n/date-input.ts';
import { DebouncedTextInput } from '../bookings/DebouncedTextInput.tsx';
import type { InvoiceKind } from './finance-types.ts';
import {
  datesOfPreset,
  type InvoiceFilters as Filters,
  type PeriodPreset,
  presetOf,
} from './invoice-params.ts';

interface InvoiceFiltersProps {
  filters: Filters;
  today: string;
  onChange: (change: Partial<Filters>) => void;
}

export function InvoiceFilters({ filters, today, onChange }: InvoiceFiltersProps) {
  const { t } = useTranslation();
  const preset = presetOf(filters, today);
  const presets: PeriodPreset[] = ['thisMonth', 'previousMonth', 'all'];

  return (
    <Paper withBorder radius="md" p="md" mb="md" data-testid="invoice-filters">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm" verticalSpacing="sm">
        <DebouncedTextInput
          label={t('finance.invoices.search')}
          placeholder={t('finance.invoices.searchPlaceholder')}
          leftSection={<IconSearch size={16} stroke={1.5} />}
          value={filters.q}
          onCommit={(q) => onChange({ q })}
          data-testid="invoice-search"
          type="search"
        />
        <Labelled label={t('finance.invoices.kind')}>
          <SegmentedControl
            fullWidth
            data-testid="filter-kind"
            value={filters.kind ?? 'all'}
            onChange={(value) =>
              onChange({ kind: value === 'all' ? undefined : (value as InvoiceKind) })
            }
            data={[
              { value: 'all', label: t('finance.invoices.kindAll') },
              { value: 'invoice', label: t('finance.kinds.invoice') },
              { value: 'credit_note', label: t('finance.kinds.credit_note') },
            ]}
          />
        </Labelled>
        <DatePickerInput
          type="range"
          label={t('finance.invoices.issueDates')}
          placeholder={t('finance.invoices.allDates')}
          leftSection={<IconCalendar size={16} stroke={1.5} />}
          value={[filters.from ?? null, filters.to ?? null]}
          onChange={([from, to]) => {
            // A range is written once both ends are chosen; clearing it means every date.
            if (from && to) onChange({ from, to, allDates: false });
            else if (!from && !to) onChange({ from: undefined, to: undefined, allDates: true });
          }}
          clearable
          allowSingleDateInRange
          valueFormatter={localDateFormatter}
          data-testid="filter-issue-dates"
        />
        <Labelled label={t('finance.invoices.period')}>
          <Group gap="xs" wrap="nowrap">
            <SegmentedControl
              fullWidth
              style={{ flex: 1 }}
              data-testid="filter-period"
              value={preset}
              onChange={(value) => {
                const dates = datesOfPreset(value as PeriodPreset, today);
                if (dates) onChange(dates);
              }}
              data={presets.map((p) => ({ value: p, label: t(`finance.invoices.presets.${p}`) }))}
            />
            {preset === 'custom' ? (
              <Text size="sm" c="dimmed" data-testid="period-custom">
                {t('finance.invoices.presets.custom')}
              </Text>
            ) : null}
          </Group>
        </Labelled>
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
