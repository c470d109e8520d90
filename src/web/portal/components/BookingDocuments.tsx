// A booking's documents: the voucher page (the same the QR code opens) and the PDFs —
// voucher, travel contract and departure instructions — in the visitor's language.
import { Button, Group } from '@mantine/core';
import { IconExternalLink, IconFileTypePdf } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { PortalBooking } from '../api/types.ts';

export function BookingDocuments({ booking }: { booking: PortalBooking }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" data-testid="booking-documents">
      {booking.voucherCode ? (
        <Button
          component="a"
          href={`/v/${booking.voucherCode}`}
          variant="light"
          size="xs"
          leftSection={<IconExternalLink size={14} />}
          data-testid="voucher-link"
        >
          {t('portal.documents.voucherPage')}
        </Button>
      ) : null}
      {booking.documents.map((document) => (
        <Button
          key={document.kind}
          component="a"
          href={document.url}
          target="_blank"
          rel="noopener"
          variant="default"
          size="xs"
          leftSection={<IconFileTypePdf size={14} />}
          data-testid={`document-${document.kind}`}
        >
          {t(`portal.documents.${document.kind}`)}
        </Button>
      ))}
    </Group>
  );
}
