// Recording what a supplier billed: supplier, number, dates, amount with its VAT and, when
// the agency's own rate should not apply, the rate into the base currency. Left empty, the
// due date follows the supplier's payment terms and the currency is the supplier's. Amounts
// are typed in major units and sent in minor units; one Idempotency-Key per opening.
import {
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../shared/api.ts';
import { minorDigits } from '../../../shared/i18n/format.ts';
import { useSignedInUser } from '../../auth/signed-in-user.ts';
import { useAllItems } from '../catalog/shared/catalog-queries.ts';
import type { Supplier } from '../catalog/shared/catalog-types.ts';
import { FormProblem } from '../catalog/shared/FormProblem.tsx';
import { todayIso } from '../catalog/shared/fields.ts';
import { useRecordSupplierInvoice } from './finance-queries.ts';
import type { SupplierInvoice } from './finance-types.ts';
import {
  emptySupplierInvoice,
  type SupplierInvoiceValues,
  supplierInvoiceFields,
  toMinor,
  toSupplierInvoiceBody,
} from './supplier-invoice-form.ts';

/** A hint under its input, so the inputs of a row line up whether they have one or not. */
const belowInput: ('label' | 'input' | 'description' | 'error')[] = [
  'label',
  'input',
  'description',
  'error',
];

interface RecordSupplierInvoiceModalProps {
  opened: boolean;
  onClose: () => void;
  onRecorded: (invoice: SupplierInvoice) => void;
}

export function RecordSupplierInvoiceModal({
  opened,
  onClose,
  onRecorded,
}: RecordSupplierInvoiceModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('finance.supplier.form.title')} size="lg">
      {/* A fresh form (and Idempotency-Key) each time the dialog opens. */}
      {opened ? <RecordForm onClose={onClose} onRecorded={onRecorded} /> : null}
    </Modal>
  );
}

function RecordForm({ onClose, onRecorded }: Omit<RecordSupplierInvoiceModalProps, 'opened'>) {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const baseCurrency = me.agency.baseCurrency;
  const suppliers = useAllItems<Supplier>('suppliers');
  const [key] = useState(() => crypto.randomUUID());
  const record = useRecordSupplierInvoice();
  const form = useForm<SupplierInvoiceValues>({
    mode: 'controlled',
    initialValues: emptySupplierInvoice(todayIso()),
    validate: {
      supplierId: (value) => (value ? null : t('finance.supplier.form.required')),
      number: (value) => (value.trim() ? null : t('finance.supplier.form.required')),
      invoiceDate: (value) => (value ? null : t('finance.supplier.form.required')),
      dueDate: (value, values) =>
        value && value < values.invoiceDate ? t('finance.supplier.form.dueDateBefore') : null,
      currency: (value) =>
        value.trim() === '' || /^[A-Za-z]{3}$/.test(value.trim())
          ? null
          : t('finance.supplier.form.currencyHint'),
      amount: (value) =>
        toMinor(value, 2) !== null && Number(value) >= 0
          ? null
          : t('finance.supplier.form.amountHint'),
      vat: (value, values) =>
        value === '' || Number(value) <= Number(values.amount)
          ? null
          : t('finance.supplier.form.vatHint'),
    },
  });
  const supplier = suppliers.data?.find((s) => s.id === form.values.supplierId);
  const currency = (form.values.currency.trim() || supplier?.currency || '').toUpperCase();
  const digits = minorDigits(currency || baseCurrency);
  const suffix = currency ? ` ${currency}` : undefined;

  const submit = (values: SupplierInvoiceValues) =>
    record.mutate(
      { key, body: toSupplierInvoiceBody(values, digits) },
      {
        onSuccess: (invoice) => {
          notifications.show({
            color: 'teal',
            message: t('finance.supplier.form.recorded', { number: invoice.number }),
          });
          onClose();
          onRecorded(invoice);
        },
        onError: (error) => form.setErrors(fieldErrors(error)),
      },
    );

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate data-testid="supplier-invoice-form">
      <Stack>
        <Select
          label={t('finance.supplier.form.supplier')}
          placeholder={t('finance.supplier.form.supplierPlaceholder')}
          searchable
          required
          nothingFoundMessage={t('catalog.nothingFound')}
          data={(suppliers.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
          data-autofocus
          data-testid="si-supplier"
          {...form.getInputProps('supplierId')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('finance.supplier.form.number')}
            required
            maxLength={100}
            data-testid="si-number"
            {...form.getInputProps('number')}
          />
          <TextInput
            label={t('finance.supplier.form.currency')}
            description={
              supplier
                ? t('finance.supplier.form.currencyDefault', { currency: supplier.currency })
                : t('finance.supplier.form.currencyDefaultAny')
            }
            placeholder={supplier?.currency}
            maxLength={3}
            inputWrapperOrder={belowInput}
            data-testid="si-currency"
            {...form.getInputProps('currency')}
            // Codes are capitals: typed "eur" reads EUR at once, as the amounts' suffix does.
            onChange={(event) =>
              form.setFieldValue('currency', event.currentTarget.value.toUpperCase())
            }
          />
          <TextInput
            type="date"
            label={t('finance.supplier.form.invoiceDate')}
            required
            data-testid="si-invoiceDate"
            {...form.getInputProps('invoiceDate')}
          />
          <TextInput
            type="date"
            label={t('finance.supplier.form.dueDate')}
            description={
              supplier
                ? t('finance.supplier.form.dueDateDefault', { count: supplier.paymentTermsDays })
                : t('finance.supplier.form.dueDateDefaultAny')
            }
            inputWrapperOrder={belowInput}
            data-testid="si-dueDate"
            {...form.getInputProps('dueDate')}
          />
          <NumberInput
            label={t('finance.supplier.form.amount')}
            required
            min={0}
            decimalScale={digits}
            allowNegative={false}
            thousandSeparator=" "
            suffix={suffix}
            data-testid="si-amount"
            {...form.getInputProps('amount')}
          />
          <NumberInput
            label={t('finance.supplier.form.vat')}
            description={t('finance.supplier.form.vatDescription')}
            inputWrapperOrder={belowInput}
            min={0}
            decimalScale={digits}
            allowNegative={false}
            thousandSeparator=" "
            suffix={suffix}
            data-testid="si-vat"
            {...form.getInputProps('vat')}
          />
        </SimpleGrid>
        <TextInput
          label={t('finance.supplier.form.rate', { base: baseCurrency })}
          description={t('finance.supplier.form.rateHint', { base: baseCurrency })}
          inputMode="decimal"
          maxLength={30}
          data-testid="si-rate"
          {...form.getInputProps('rate')}
        />
        <Textarea
          label={t('finance.supplier.form.note')}
          autosize
          minRows={2}
          maxLength={2000}
          data-testid="si-note"
          {...form.getInputProps('note')}
        />
        <FormProblem
          error={record.error}
          fields={supplierInvoiceFields}
          title={t('finance.supplier.form.failed')}
          testId="si-error"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={record.isPending} data-testid="si-submit">
            {t('finance.supplier.form.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
