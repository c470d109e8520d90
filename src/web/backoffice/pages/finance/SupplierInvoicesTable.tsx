// The supplier invoices as a table: supplier and number (linking to the invoice's page), its
// dates, its amount in its own currency, expected against invoiced cost in the base currency
// with the variance, the review flag, and whether it is paid.
import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../shared/i18n/format.ts';
import { type PagedQuery, PagedTable } from '../../../shared/ui/PagedTable.tsx';
import type { SupplierInvoice } from './finance-types.ts';
import { useSignedPercent } from './percent.ts';

interface SupplierInvoicesTableProps {
  query: PagedQuery;
  rows: readonly SupplierInvoice[];
  emptyText: string;
}

export function SupplierInvoicesTable({ query, rows, emptyText }: SupplierInvoicesTableProps) {
  const { t } = useTranslation();
  const right = { textAlign: 'right' } as const;
  return (
    <PagedTable
      query={query}
      rowCount={rows.length}
      columnCount={8}
      minWidth={1000}
      label={t('finance.supplier.listLabel')}
      testId="supplier-invoices-table"
      emptyText={emptyText}
      head={
        <>
          <Table.Th>{t('finance.supplier.col.invoice')}</Table.Th>
          <Table.Th>{t('finance.supplier.col.invoiceDate')}</Table.Th>
          <Table.Th>{t('finance.supplier.col.dueDate')}</Table.Th>
          <Table.Th style={right}>{t('finance.supplier.col.amount')}</Table.Th>
          <Table.Th style={right}>{t('finance.supplier.col.expected')}</Table.Th>
          <Table.Th style={right}>{t('finance.supplier.col.actual')}</Table.Th>
          <Table.Th style={right}>{t('finance.supplier.col.variance')}</Table.Th>
          <Table.Th>{t('finance.supplier.col.status')}</Table.Th>
        </>
      }
    >
      {rows.map((invoice) => (
        <SupplierInvoiceRow key={invoice.id} invoice={invoice} />
      ))}
    </PagedTable>
  );
}

export function FlagBadge({ flagged }: { flagged: boolean }) {
  const { t } = useTranslation();
  if (!flagged) return null;
  return (
    <Badge color="red" variant="light" size="sm" data-testid="flag-badge">
      {t('finance.supplier.toReview')}
    </Badge>
  );
}

export function StatusBadge({ invoice }: { invoice: SupplierInvoice }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={invoice.status === 'paid' ? 'teal' : 'gray'}
      variant="light"
      size="sm"
      data-testid="status-badge"
      data-status={invoice.status}
    >
      {t(`finance.supplier.status.${invoice.status}`)}
    </Badge>
  );
}

/** A variance in red when billed more than expected, green when less, plain when none. */
export function varianceColor(variance: number): string | undefined {
  if (variance > 0) return 'red';
  if (variance < 0) return 'teal';
  return undefined;
}

function SupplierInvoiceRow({ invoice }: { invoice: SupplierInvoice }) {
  const { t } = useTranslation();
  const format = useFormat();
  const percent = useSignedPercent();
  const base = invoice.baseCurrency;
  const cell = { textAlign: 'right', whiteSpace: 'nowrap' } as const;
  return (
    <Table.Tr
      data-testid="supplier-invoice-row"
      data-id={invoice.id}
      data-number={invoice.number}
      data-flagged={invoice.flagged}
      data-status={invoice.status}
    >
      <Table.Td maw={280} style={{ minWidth: 180 }}>
        <Text size="sm" lineClamp={2} title={invoice.supplier.name}>
          {invoice.supplier.name}
        </Text>
        <Anchor
          component={Link}
          to={`/finance/supplier-invoices/${invoice.id}`}
          size="sm"
          fw={600}
          ff="monospace"
          style={{ whiteSpace: 'nowrap' }}
          data-testid="supplier-invoice-link"
        >
          {invoice.number}
        </Anchor>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.date(invoice.invoiceDate)}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.date(invoice.dueDate)}</Table.Td>
      <Table.Td style={cell}>
        <Text size="sm" fw={500} data-testid="supplier-invoice-amount">
          {format.money(invoice.amount, invoice.currency)}
        </Text>
        {invoice.unmatched !== 0 ? (
          <Text size="xs" c="orange" data-testid="supplier-invoice-unmatched">
            {t('finance.supplier.unmatched', {
              amount: format.money(invoice.unmatched, invoice.currency),
            })}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td style={cell} data-testid="supplier-invoice-expected">
        {format.money(invoice.expectedCost, base)}
      </Table.Td>
      <Table.Td style={cell} data-testid="supplier-invoice-actual">
        {format.money(invoice.actualCost, base)}
      </Table.Td>
      <Table.Td style={cell}>
        <Text
          size="sm"
          fw={500}
          c={varianceColor(invoice.variance)}
          data-testid="supplier-invoice-variance"
        >
          {format.money(invoice.variance, base)}
        </Text>
        {invoice.variancePct !== null ? (
          <Text size="xs" c="dimmed">
            {percent(invoice.variancePct)}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td>
        {/* Badges clip their words when squeezed: they wrap under each other instead. */}
        <Group gap={4} wrap="wrap" style={{ minWidth: 110 }}>
          <StatusBadge invoice={invoice} />
          <FlagBadge flagged={invoice.flagged} />
        </Group>
        {invoice.paidOn ? (
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {format.date(invoice.paidOn)}
          </Text>
        ) : null}
      </Table.Td>
    </Table.Tr>
  );
}
