// The booking's documents (voucher, contract, departure instructions, e-tickets) and its
// invoices, each downloadable as a file, and sent again to the customer by e-mail.
import { ActionIcon, Button, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconDownload, IconFileTypePdf, IconFileTypeXml, IconMail } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../../shared/i18n/format.ts';
import { CenteredLoader } from '../../../../shared/ui/CenteredLoader.tsx';
import { ProblemAlert } from '../../../../shared/ui/ProblemAlert.tsx';
import type { BookingView } from '../booking-types.ts';
import { useBookingDocuments, useBookingInvoices } from '../bookings-queries.ts';
import { useFileDownload } from '../download.ts';
import { SectionCard } from './SectionCard.tsx';
import { SendDocumentsModal } from './SendDocumentsModal.tsx';

interface DocumentsCardProps {
  booking: BookingView;
  canReadInvoices: boolean;
  canSend: boolean;
}

export function DocumentsCard({ booking, canReadInvoices, canSend }: DocumentsCardProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const documents = useBookingDocuments(booking.id);
  const invoices = useBookingInvoices(booking.id, canReadInvoices);
  const [sending, setSending] = useState(false);
  const { downloading, download } = useFileDownload(t('bookings.detail.downloadFailed'));

  const files = (documents.data?.items ?? []).flatMap((doc) =>
    doc.lines?.length
      ? doc.lines.map((line) => ({
          key: `${doc.kind}-${line.position}`,
          title: `${doc.title}: ${line.label}`,
          url: line.url,
          kind: doc.kind,
        }))
      : [{ key: doc.kind, title: doc.title, url: doc.url, kind: doc.kind }],
  );

  return (
    <SectionCard
      title={t('bookings.detail.documents')}
      testId="documents-card"
      actions={
        canSend ? (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconMail size={14} />}
            onClick={() => setSending(true)}
            data-testid="resend-documents"
          >
            {t('bookings.detail.resend')}
          </Button>
        ) : null
      }
    >
      {documents.isPending ? <CenteredLoader /> : null}
      {documents.isError ? <ProblemAlert error={documents.error} /> : null}
      <Stack gap={4}>
        {documents.isSuccess && files.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('bookings.detail.noDocuments')}
          </Text>
        ) : null}
        {files.map((file) => (
          <Group key={file.key} justify="space-between" wrap="nowrap" data-testid="document-row">
            <Group gap={6} wrap="nowrap">
              <IconFileTypePdf
                size={18}
                stroke={1.5}
                color="var(--mantine-color-red-7)"
                aria-hidden
              />
              <Text size="sm">{file.title}</Text>
            </Group>
            <Tooltip label={t('bookings.detail.download')}>
              <ActionIcon
                variant="subtle"
                aria-label={`${t('bookings.detail.download')}: ${file.title}`}
                loading={downloading === file.url}
                onClick={() => void download(file.url, `${booking.number}-${file.kind}.pdf`)}
                data-testid={`download-${file.kind}`}
              >
                <IconDownload size={16} />
              </ActionIcon>
            </Tooltip>
          </Group>
        ))}
        {canReadInvoices && (invoices.data?.items.length ?? 0) > 0 ? (
          <>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600} mt="sm">
              {t('bookings.detail.invoices')}
            </Text>
            {invoices.data?.items.map((invoice) => (
              <Group
                key={invoice.id}
                justify="space-between"
                wrap="nowrap"
                data-testid="invoice-row"
              >
                <Stack gap={0}>
                  <Text size="sm">
                    {t(
                      invoice.kind === 'credit_note'
                        ? 'bookings.detail.creditNote'
                        : 'bookings.detail.invoice',
                    )}{' '}
                    <Text span ff="monospace" size="sm">
                      {invoice.number}
                    </Text>
                  </Text>
                  <Text size="xs" c="dimmed">
                    {format.date(invoice.issueDate)} ·{' '}
                    {format.money(invoice.gross, invoice.currency)}
                  </Text>
                </Stack>
                <Group gap={2} wrap="nowrap">
                  <ActionIcon
                    variant="subtle"
                    aria-label={`PDF ${invoice.number}`}
                    loading={downloading === `/api/v1/invoices/${invoice.id}.pdf`}
                    onClick={() =>
                      void download(`/api/v1/invoices/${invoice.id}.pdf`, `${invoice.number}.pdf`)
                    }
                  >
                    <IconFileTypePdf size={16} />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    aria-label={`XML ${invoice.number}`}
                    loading={downloading === `/api/v1/invoices/${invoice.id}.xml`}
                    onClick={() =>
                      void download(`/api/v1/invoices/${invoice.id}.xml`, `${invoice.number}.xml`)
                    }
                  >
                    <IconFileTypeXml size={16} />
                  </ActionIcon>
                </Group>
              </Group>
            ))}
          </>
        ) : null}
      </Stack>
      <SendDocumentsModal
        booking={booking}
        kinds={[
          ...new Set([
            ...files.map((f) => f.kind),
            ...((invoices.data?.items.length ?? 0) > 0 ? ['invoice'] : []),
          ]),
        ]}
        titles={Object.fromEntries((documents.data?.items ?? []).map((d) => [d.kind, d.title]))}
        opened={sending}
        onClose={() => setSending(false)}
      />
    </SectionCard>
  );
}
