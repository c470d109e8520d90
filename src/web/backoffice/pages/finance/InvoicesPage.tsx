// The invoice book: the agency's invoices and credit notes filtered by kind, issue dates and
// search (all in the address bar), with the period's totals per currency, each document's PDF
// and e-invoice, a credit note in full for those who issue, and the period as CSV.
import { Button, Group, Loader, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../../shared/ui/PageHeader.tsx';
import { problemText } from '../../../shared/ui/ProblemAlert.tsx';
import { useSignedInUser } from '../../auth/signed-in-user.ts';
import { downloadFile, useFileDownload } from '../bookings/download.ts';
import { todayIso } from '../catalog/shared/fields.ts';
import { CreditNoteModal } from './CreditNoteModal.tsx';
import { useInvoices } from './finance-queries.ts';
import type { Invoice } from './finance-types.ts';
import { InvoiceFilters } from './InvoiceFilters.tsx';
import { InvoicesTable } from './InvoicesTable.tsx';
import {
  type InvoiceFilters as Filters,
  invoiceApiParams,
  invoiceFilterParams,
  parseInvoiceFilters,
} from './invoice-params.ts';
import { PeriodTotals } from './PeriodTotals.tsx';
import { financePermissionsOf } from './permissions.ts';

export function InvoicesPage() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const can = financePermissionsOf(me.role);
  const today = todayIso();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => parseInvoiceFilters(searchParams, today), [searchParams, today]);
  const invoices = useInvoices(filters);
  const rows = useMemo(
    () => invoices.data?.pages.flatMap((page) => page.items) ?? [],
    [invoices.data],
  );
  const [crediting, setCrediting] = useState<{ invoice: Invoice | null; opened: boolean }>({
    invoice: null,
    opened: false,
  });
  const { downloading, download } = useFileDownload(t('finance.invoices.downloadFailed'));
  const [loadingAll, setLoadingAll] = useState(false);
  const exporting = useExport();

  // The address bar, not this render's copy of it, is the state: two quick changes (the
  // router renders in a transition) must not undo each other.
  const update = (change: Partial<Filters>) => {
    const current = parseInvoiceFilters(new URLSearchParams(window.location.search), today);
    setSearchParams(invoiceFilterParams({ ...current, ...change }), { replace: true });
  };

  const loadAll = async () => {
    setLoadingAll(true);
    try {
      let result = await invoices.fetchNextPage();
      while (result.hasNextPage && !result.isError) result = await invoices.fetchNextPage();
    } finally {
      setLoadingAll(false);
    }
  };

  const complete =
    invoices.isSuccess &&
    !invoices.hasNextPage &&
    !invoices.isPlaceholderData &&
    !invoices.isFetchingNextPage;

  return (
    <>
      <PageHeader
        title={t('finance.invoices.title')}
        description={t('finance.invoices.intro')}
        actions={
          <Button
            variant="default"
            leftSection={<IconFileSpreadsheet size={16} stroke={1.5} />}
            loading={exporting.isPending}
            onClick={() => exporting.mutate(filters)}
            data-testid="export-csv"
          >
            {t('finance.invoices.exportCsv')}
          </Button>
        }
      />
      <InvoiceFilters filters={filters} today={today} onChange={update} />
      <Group gap="sm" mb="xs">
        <Text size="sm" c="dimmed" data-testid="invoices-count">
          {invoices.hasNextPage
            ? t('finance.invoices.shownMore', { count: rows.length })
            : t('finance.invoices.shown', { count: rows.length })}
        </Text>
        {invoices.isFetching && !invoices.isFetchingNextPage ? <Loader size="xs" /> : null}
      </Group>
      {invoices.isSuccess ? (
        <PeriodTotals
          rows={rows}
          complete={complete}
          loadingAll={loadingAll}
          onLoadAll={() => void loadAll()}
        />
      ) : null}
      <InvoicesTable
        query={invoices}
        rows={rows}
        emptyText={t('finance.invoices.empty')}
        canCredit={can.issueCreditNotes}
        downloading={downloading}
        onDownload={(url, name) => void download(url, name)}
        onCredit={(invoice) => setCrediting({ invoice, opened: true })}
      />
      <CreditNoteModal
        invoice={crediting.invoice}
        opened={crediting.opened}
        onClose={() => setCrediting((current) => ({ ...current, opened: false }))}
      />
    </>
  );
}

/** The period's invoice book as CSV, with the filters on screen. */
function useExport() {
  const { t } = useTranslation();
  return useMutation({
    mutationFn: (filters: Filters) => {
      const period = filters.allDates
        ? 'all'
        : [filters.from, filters.to].filter(Boolean).join('_to_');
      return downloadFile(
        `/api/v1/invoices/export.csv?${invoiceApiParams(filters)}`,
        `invoices-${period}.csv`,
      );
    },
    onError: (error) =>
      notifications.show({
        color: 'red',
        title: t('finance.invoices.exportFailed'),
        message: problemText(error, t('errors.unreachable'), t('errors.unexpected')),
      }),
  });
}
