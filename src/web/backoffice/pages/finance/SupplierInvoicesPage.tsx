// What suppliers billed: the agency's supplier invoices filtered by supplier, review flag,
// open or paid and invoice dates (all in the address bar), each with its expected and actual
// cost in the base currency and the variance; recording a new one opens its page to match it.
import { Button, Group, Loader, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { PageHeader } from '../../../shared/ui/PageHeader.tsx';
import { useSupplierInvoices } from './finance-queries.ts';
import { RecordSupplierInvoiceModal } from './RecordSupplierInvoiceModal.tsx';
import { SupplierInvoiceFilters } from './SupplierInvoiceFilters.tsx';
import { SupplierInvoicesTable } from './SupplierInvoicesTable.tsx';
import {
  type SupplierInvoiceFilters as Filters,
  isFiltered,
  parseSupplierInvoiceFilters,
  supplierInvoiceFilterParams,
} from './supplier-invoice-params.ts';

export function SupplierInvoicesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => parseSupplierInvoiceFilters(searchParams), [searchParams]);
  const invoices = useSupplierInvoices(filters);
  const rows = useMemo(
    () => invoices.data?.pages.flatMap((page) => page.items) ?? [],
    [invoices.data],
  );
  const [recording, setRecording] = useState(false);

  // The address bar, not this render's copy of it, is the state: two quick changes (the
  // router renders in a transition) must not undo each other.
  const update = (change: Partial<Filters>) => {
    const current = parseSupplierInvoiceFilters(new URLSearchParams(window.location.search));
    setSearchParams(supplierInvoiceFilterParams({ ...current, ...change }), { replace: true });
  };

  return (
    <>
      <PageHeader
        title={t('finance.supplier.title')}
        description={t('finance.supplier.intro')}
        actions={
          <Button
            leftSection={<IconPlus size={16} stroke={1.5} />}
            onClick={() => setRecording(true)}
            data-testid="supplier-invoice-new"
          >
            {t('finance.supplier.record')}
          </Button>
        }
      />
      <SupplierInvoiceFilters filters={filters} onChange={update} />
      <Group gap="sm" mb="xs">
        <Text size="sm" c="dimmed" data-testid="supplier-invoices-count">
          {invoices.hasNextPage
            ? t('finance.supplier.shownMore', { count: rows.length })
            : t('finance.supplier.shown', { count: rows.length })}
        </Text>
        {invoices.isFetching && !invoices.isFetchingNextPage ? <Loader size="xs" /> : null}
      </Group>
      <SupplierInvoicesTable
        query={invoices}
        rows={rows}
        emptyText={
          isFiltered(filters) ? t('finance.supplier.emptyFiltered') : t('finance.supplier.empty')
        }
      />
      <RecordSupplierInvoiceModal
        opened={recording}
        onClose={() => setRecording(false)}
        onRecorded={(invoice) => void navigate(`/finance/supplier-invoices/${invoice.id}`)}
      />
    </>
  );
}
