// Crediting an invoice in full: the amount it would credit (the invoice less the credit notes
// issued of it already, read afresh from the booking's documents) is shown before anything is
// issued, with the reason the credit note carries.
import { Alert, Button, Group, Modal, SimpleGrid, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../shared/api.ts';
import { useFormat } from '../../../shared/i18n/format.ts';
import { CenteredLoader } from '../../../shared/ui/CenteredLoader.tsx';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert.tsx';
import { Figure } from './Figure.tsx';
import { useCreditInFull, useInvoicesOfBooking } from './finance-queries.ts';
import type { Invoice } from './finance-types.ts';
import { leftToCredit } from './period-totals.ts';

interface CreditNoteModalProps {
  /** The invoice to credit, kept while the dialog fades out after closing. */
  invoice: Invoice | null;
  opened: boolean;
  onClose: () => void;
}

export function CreditNoteModal({ invoice, opened, onClose }: CreditNoteModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened && invoice !== null}
      onClose={onClose}
      title={invoice ? t('finance.credit.title', { number: invoice.number }) : ''}
      size="md"
    >
      {invoice ? <CreditForm key={invoice.id} invoice={invoice} onClose={onClose} /> : null}
    </Modal>
  );
}

function CreditForm({ invoice, onClose }: { invoice: Invoice; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const documents = useInvoicesOfBooking(invoice.bookingId, true);
  const credit = useCreditInFull();
  const form = useForm({
    initialValues: { reason: '' },
    validate: {
      reason: (value) => (value.trim().length >= 3 ? null : t('finance.credit.reasonHint')),
    },
  });
  // Once issued, the dialog fades out showing what it issued, not the refreshed "nothing left".
  const shownLeft = useRef<number | null>(null);
  if (documents.data && !credit.isSuccess) {
    shownLeft.current = leftToCredit(invoice, documents.data.items);
  }
  const left = shownLeft.current;
  const shownAtFields = Object.keys(fieldErrors(credit.error)).includes('reason');

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) =>
        credit.mutate(
          { invoice, reason: values.reason.trim() },
          {
            onSuccess: (note) => {
              notifications.show({
                color: 'teal',
                message: t('finance.credit.issued', { number: note.number }),
              });
              onClose();
            },
            onError: (error) => form.setErrors(fieldErrors(error)),
          },
        ),
      )}
    >
      <Stack>
        {documents.isPending ? <CenteredLoader /> : null}
        {documents.isError ? <ProblemAlert error={documents.error} /> : null}
        {left !== null ? (
          <Alert color={left > 0 ? 'orange' : 'gray'} variant="light" data-testid="credit-preview">
            <SimpleGrid cols={2} spacing="xs">
              <Figure
                label={t('finance.credit.invoiceTotal')}
                value={format.money(invoice.gross, invoice.currency)}
              />
              <Figure
                label={t('finance.credit.amount')}
                value={format.money(-left || 0, invoice.currency)}
                color={left > 0 ? 'red' : undefined}
                testId="credit-amount"
              />
            </SimpleGrid>
            {left <= 0 ? t('finance.credit.nothingLeft') : t('finance.credit.explain')}
          </Alert>
        ) : null}
        <Textarea
          label={t('finance.credit.reason')}
          description={t('finance.credit.reasonHint')}
          required
          autosize
          minRows={2}
          maxLength={1000}
          data-autofocus
          data-testid="credit-reason"
          {...form.getInputProps('reason')}
        />
        {credit.isError && !shownAtFields ? (
          <ProblemAlert error={credit.error} title={t('finance.credit.failed')} />
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            type="submit"
            color="orange"
            loading={credit.isPending}
            disabled={left === null || left <= 0}
            data-testid="credit-confirm"
          >
            {left !== null && left > 0
              ? t('finance.credit.confirm', { amount: format.money(left, invoice.currency) })
              : t('finance.credit.confirmPlain')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
