// Crediting an invoice: its lines with what is not credited yet (read afresh from the API),
// each chosen with an amount, all of it by default; the credit note's total is shown before
// anything is issued, with the reason the credit note carries.
import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  Stack,
  Table,
  Text,
  Textarea,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../shared/api.ts';
import { minorDigits, useFormat } from '../../../shared/i18n/format.ts';
import { CenteredLoader } from '../../../shared/ui/CenteredLoader.tsx';
import { Figure, FigureRow } from '../../../shared/ui/Figure.tsx';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert.tsx';
import {
  type CreditRow,
  creditRequestLines,
  creditRowsOf,
  creditTotal,
  rowErrors,
  signedMinor,
} from './credit-plan.ts';
import { useInvoice, useIssueCreditNote } from './finance-queries.ts';
import type { Invoice } from './finance-types.ts';

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
      size="lg"
    >
      {invoice ? <FreshCreditForm key={invoice.id} id={invoice.id} onClose={onClose} /> : null}
    </Modal>
  );
}

function FreshCreditForm({ id, onClose }: { id: string; onClose: () => void }) {
  const invoice = useInvoice(id);
  // Once issued, the dialog fades out showing what it issued, not the refreshed invoice.
  const shown = useRef<Invoice | null>(null);
  shown.current ??= invoice.data ?? null;
  if (invoice.isError) return <ProblemAlert error={invoice.error} />;
  if (!shown.current) return <CenteredLoader />;
  return <CreditForm invoice={shown.current} onClose={onClose} />;
}

interface CreditValues {
  reason: string;
  rows: CreditRow[];
}

function CreditForm({ invoice, onClose }: { invoice: Invoice; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const currency = invoice.currency;
  const digits = minorDigits(currency);
  const credit = useIssueCreditNote();
  const left = invoice.creditable ?? 0;
  const form = useForm<CreditValues>({
    initialValues: { reason: '', rows: creditRowsOf(invoice, digits) },
    validate: {
      reason: (value) => (value.trim().length >= 3 ? null : t('finance.credit.reasonHint')),
      rows: {
        amount: (_value, values, path) => {
          const row = values.rows[Number(path.split('.')[1])];
          if (!row?.chosen || signedMinor(row, digits) !== null) return null;
          return t('finance.credit.amountRange', {
            amount: format.money(Math.abs(row.left), currency),
          });
        },
      },
    },
  });
  const total = creditTotal(form.values.rows, digits);
  const nothingChosen = !form.values.rows.some((row) => row.chosen);
  const shownAtFields = Object.keys(form.errors).some(
    (field) => field === 'reason' || field.startsWith('rows.'),
  );

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        const { lines, rowOfLine } = creditRequestLines(values.rows, digits);
        if (lines.length === 0) return;
        credit.mutate(
          { invoice, reason: values.reason.trim(), lines },
          {
            onSuccess: (note) => {
              notifications.show({
                color: 'teal',
                message: t('finance.credit.issued', { number: note.number }),
              });
              onClose();
            },
            onError: (error) => form.setErrors(rowErrors(fieldErrors(error), rowOfLine)),
          },
        );
      })}
    >
      <Stack>
        <Alert color={left !== 0 ? 'orange' : 'gray'} variant="light" data-testid="credit-preview">
          <FigureRow>
            <Figure
              label={t('finance.credit.invoiceTotal')}
              value={format.money(invoice.gross, currency)}
            />
            <Figure
              label={t('finance.credit.left')}
              value={format.money(left, currency)}
              testId="credit-left"
            />
            <Figure
              label={t('finance.credit.amount')}
              value={format.money(-total || 0, currency)}
              color={total !== 0 ? 'red' : undefined}
              testId="credit-amount"
            />
          </FigureRow>
          {left === 0 ? t('finance.credit.nothingLeft') : t('finance.credit.explain')}
        </Alert>
        {form.values.rows.length > 0 ? (
          <Table verticalSpacing={4} data-testid="credit-lines">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={32} />
                <Table.Th>{t('finance.credit.line')}</Table.Th>
                <Table.Th ta="right">{t('finance.credit.left')}</Table.Th>
                <Table.Th w={170}>{t('finance.credit.toCredit')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {form.values.rows.map((row, index) => (
                <Table.Tr key={row.position} data-testid="credit-line" data-position={row.position}>
                  <Table.Td>
                    <Checkbox
                      aria-label={t('finance.credit.choose', { line: row.description })}
                      data-testid="credit-line-chosen"
                      {...form.getInputProps(`rows.${index}.chosen`, { type: 'checkbox' })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{row.description}</Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Text size="sm">{format.money(row.left, currency)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <NumberInput
                      size="xs"
                      aria-label={`${t('finance.credit.toCredit')}: ${row.description}`}
                      decimalScale={digits}
                      fixedDecimalScale
                      min={0}
                      allowNegative={false}
                      thousandSeparator=" "
                      suffix={` ${currency}`}
                      disabled={!row.chosen}
                      data-testid="credit-line-amount"
                      {...form.getInputProps(`rows.${index}.amount`)}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : null}
        {left !== 0 && nothingChosen ? (
          <Text size="sm" c="red" data-testid="credit-none-chosen">
            {t('finance.credit.noneChosen')}
          </Text>
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
            disabled={left === 0 || nothingChosen}
            data-testid="credit-confirm"
          >
            {total > 0
              ? t('finance.credit.confirm', { amount: format.money(total, currency) })
              : t('finance.credit.confirmPlain')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
