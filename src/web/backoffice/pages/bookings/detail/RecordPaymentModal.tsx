// Recording money received (or given back) for a booking. The amount is typed in major units
// and sent in minor units; one Idempotency-Key per opening, so a double click records once.
import {
  Button,
  Group,
  Modal,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../../shared/api.ts';
import { minorDigits } from '../../../../shared/i18n/format.ts';
import { ProblemAlert } from '../../../../shared/ui/ProblemAlert.tsx';
import { type BookingView, paymentMethods } from '../booking-types.ts';
import { useRecordPayment } from '../bookings-queries.ts';

interface PaymentValues {
  kind: 'payment' | 'refund';
  amount: number | string;
  method: string;
  reference: string;
  note: string;
}

export function RecordPaymentModal({
  booking,
  opened,
  onClose,
}: {
  booking: BookingView;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const digits = minorDigits(booking.currency);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const record = useRecordPayment(booking.id);
  const form = useForm<PaymentValues>({
    initialValues: {
      kind: 'payment',
      amount: booking.balance > 0 ? booking.balance / 10 ** digits : '',
      method: 'bank_transfer',
      reference: '',
      note: '',
    },
    validate: {
      amount: (value) => (Number(value) > 0 ? null : t('bookings.detail.paymentAmount')),
    },
  });
  const close = () => {
    form.reset();
    record.reset();
    setKey(crypto.randomUUID());
    onClose();
  };
  const shownAtFields = Object.keys(fieldErrors(record.error)).length > 0;

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('bookings.detail.recordTitle', { number: booking.number })}
    >
      <form
        onSubmit={form.onSubmit((values) =>
          record.mutate(
            {
              key,
              kind: values.kind,
              amount: Math.round(Number(values.amount) * 10 ** digits),
              method: values.method,
              reference: values.reference.trim() || undefined,
              note: values.note.trim() || undefined,
            },
            {
              onSuccess: () => {
                notifications.show({ color: 'teal', message: t('bookings.detail.recorded') });
                close();
              },
              onError: (error) => form.setErrors(fieldErrors(error)),
            },
          ),
        )}
      >
        <Stack>
          <SegmentedControl
            data={[
              { value: 'payment', label: t('bookings.detail.payment') },
              { value: 'refund', label: t('bookings.detail.refund') },
            ]}
            {...form.getInputProps('kind')}
          />
          <NumberInput
            label={t('bookings.detail.paymentAmount')}
            suffix={` ${booking.currency}`}
            decimalScale={digits}
            min={0}
            thousandSeparator=" "
            required
            data-autofocus
            data-testid="payment-amount"
            {...form.getInputProps('amount')}
          />
          <Select
            label={t('bookings.detail.method')}
            data={paymentMethods.map((m) => ({
              value: m,
              label: t(`bookings.detail.paymentMethod.${m}`),
            }))}
            allowDeselect={false}
            {...form.getInputProps('method')}
          />
          <TextInput label={t('bookings.detail.reference')} {...form.getInputProps('reference')} />
          <TextInput label={t('bookings.detail.note')} {...form.getInputProps('note')} />
          {record.isError && !shownAtFields ? (
            <ProblemAlert error={record.error} title={t('bookings.detail.recordFailed')} />
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={record.isPending} data-testid="payment-submit">
              {t('bookings.detail.record')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
