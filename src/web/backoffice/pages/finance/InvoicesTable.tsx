// The invoices and credit notes as a table: number, kind, dates, buyer, booking, total and VAT
// (a credit note's negative), with the PDF and the e-invoice to download and, for those who
// issue, a credit note of an invoice in full.
import { ActionIcon, Anchor, Badge, Group, Table, Text, ThemeIcon, Tooltip } from '@mantine/core';
import {
  IconFileTypePdf,
  IconFileTypeXml,
  IconReceiptOff,
  IconReceiptRefund,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../shared/i18n/format.ts';
import { type PagedQuery, PagedTable } from '../../../shared/ui/PagedTable.tsx';
import type { Invoice, InvoiceKind } from './finance-types.ts';
import { signedAmount } from './period-totals.ts';

interface InvoicesTableProps {
  query: PagedQuery;
  rows: readonly Invoice[];
  emptyText: string;
  canCredit: boolean;
  /** The URL being downloaded now, its button spinning. */
  downloading: string | null;
  onDownload: (url: string, name: string) => void;
  onCredit: (invoice: Invoice) => void;
}

export function fileUrl(invoice: Invoice, type: 'pdf' | 'xml'): string {
  return `/api/v1/invoices/${invoice.id}.${type}`;
}

export function InvoicesTable(props: InvoicesTableProps) {
  const { t } = useTranslation();
  return (
    <PagedTable
      query={props.query}
      rowCount={props.rows.length}
      columnCount={9}
      minWidth={980}
      label={t('finance.invoices.listLabel')}
      testId="invoices-table"
      emptyText={props.emptyText}
      head={
        <>
          <Table.Th>{t('finance.invoices.col.number')}</Table.Th>
          <Table.Th>{t('finance.invoices.col.kind')}</Table.Th>
          <Table.Th>{t('finance.invoices.col.issueDate')}</Table.Th>
          <Table.Th>{t('finance.invoices.col.dueDate')}</Table.Th>
          <Table.Th>{t('finance.invoices.col.buyer')}</Table.Th>
          <Table.Th>{t('finance.invoices.col.booking')}</Table.Th>
          <Table.Th style={{ textAlign: 'right' }}>{t('finance.invoices.col.total')}</Table.Th>
          <Table.Th style={{ textAlign: 'right' }}>{t('finance.invoices.col.vat')}</Table.Th>
          <Table.Th style={{ textAlign: 'right' }}>{t('finance.invoices.col.files')}</Table.Th>
        </>
      }
    >
      {props.rows.map((invoice) => (
        <InvoiceRow key={invoice.id} invoice={invoice} {...props} />
      ))}
    </PagedTable>
  );
}

const kindColors: Record<InvoiceKind, string> = { invoice: 'blue', credit_note: 'orange' };

export function KindBadge({ kind }: { kind: InvoiceKind }) {
  const { t } = useTranslation();
  return (
    <Badge color={kindColors[kind]} variant="light" size="sm" data-testid="kind-badge">
      {t(`finance.kinds.${kind}`)}
    </Badge>
  );
}

function InvoiceRow({
  invoice,
  canCredit,
  downloading,
  onDownload,
  onCredit,
}: InvoicesTableProps & { invoice: Invoice }) {
  const { t } = useTranslation();
  // From the API: what credit notes left of the invoice, wherever they are listed.
  const creditedInFull = invoice.creditable === 0;
  const creditedInPart =
    invoice.creditable !== null && invoice.creditable !== 0 && invoice.creditable !== invoice.gross;
  const format = useFormat();
  const gross = signedAmount(invoice, invoice.gross);
  const vat = signedAmount(invoice, invoice.vat);
  const pdf = fileUrl(invoice, 'pdf');
  const xml = fileUrl(invoice, 'xml');
  return (
    <Table.Tr
      data-testid="invoice-row"
      data-number={invoice.number}
      data-id={invoice.id}
      data-kind={invoice.kind}
    >
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Text fw={600} size="sm" ff="monospace">
          {invoice.number}
        </Text>
        {invoice.creditedInvoice ? (
          <Text size="xs" c="dimmed">
            {t('finance.invoices.credits', { number: invoice.creditedInvoice.number })}
          </Text>
        ) : null}
      </Table.Td>
      {/* Badges clip their words when squeezed: this column keeps room for the longest. */}
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <KindBadge kind={invoice.kind} />
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.date(invoice.issueDate)}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.date(invoice.dueDate)}</Table.Td>
      <Table.Td maw={260} style={{ minWidth: 140 }}>
        <Text size="sm" lineClamp={2} title={invoice.customer.name}>
          {invoice.customer.name}
        </Text>
        {invoice.customer.vatId ? (
          <Text size="xs" c="dimmed" ff="monospace">
            {invoice.customer.vatId}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td>
        <Anchor
          component={Link}
          to={`/bookings/${invoice.bookingId}`}
          size="sm"
          ff="monospace"
          style={{ whiteSpace: 'nowrap' }}
          data-testid="invoice-booking"
        >
          {invoice.bookingNumber}
        </Anchor>
      </Table.Td>
      <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
        <Text size="sm" fw={500} c={gross < 0 ? 'red' : undefined} data-testid="invoice-total">
          {format.money(gross, invoice.currency)}
        </Text>
        {creditedInPart && invoice.creditable !== null ? (
          <Text size="xs" c="orange" data-testid="invoice-left-to-credit">
            {t('finance.invoices.leftToCredit', {
              amount: format.money(invoice.creditable, invoice.currency),
            })}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
        <Text size="sm" data-testid="invoice-vat">
          {format.money(vat, invoice.currency)}
        </Text>
        {invoice.vatScheme === 'margin' ? (
          <Tooltip label={t('finance.invoices.marginSchemeHint')}>
            <Text size="xs" c="dimmed">
              {t('finance.invoices.marginScheme')}
            </Text>
          </Tooltip>
        ) : null}
      </Table.Td>
      <Table.Td>
        <Group gap={4} justify="flex-end" wrap="nowrap">
          <Tooltip label={t('finance.invoices.downloadPdf')}>
            <ActionIcon
              variant="subtle"
              aria-label={`PDF ${invoice.number}`}
              loading={downloading === pdf}
              onClick={() => onDownload(pdf, `${invoice.number}.pdf`)}
              data-testid="invoice-pdf"
            >
              <IconFileTypePdf size={18} stroke={1.5} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={t('finance.invoices.downloadXml')}>
            <ActionIcon
              variant="subtle"
              aria-label={`XML ${invoice.number}`}
              loading={downloading === xml}
              onClick={() => onDownload(xml, `${invoice.number}.xml`)}
              data-testid="invoice-xml"
            >
              <IconFileTypeXml size={18} stroke={1.5} />
            </ActionIcon>
          </Tooltip>
          {canCredit && invoice.kind === 'invoice' && creditedInFull ? (
            <Tooltip label={t('finance.invoices.creditedInFull')}>
              <ThemeIcon
                variant="transparent"
                color="gray"
                role="img"
                aria-label={t('finance.invoices.creditedInFull')}
                data-testid="invoice-credited"
              >
                <IconReceiptOff size={18} stroke={1.5} />
              </ThemeIcon>
            </Tooltip>
          ) : null}
          {canCredit && invoice.kind === 'invoice' && !creditedInFull ? (
            <Tooltip label={t('finance.invoices.credit')}>
              <ActionIcon
                variant="subtle"
                color="orange"
                aria-label={`${t('finance.invoices.credit')} ${invoice.number}`}
                onClick={() => onCredit(invoice)}
                data-testid="invoice-credit"
              >
                <IconReceiptRefund size={18} stroke={1.5} />
              </ActionIcon>
            </Tooltip>
          ) : null}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
