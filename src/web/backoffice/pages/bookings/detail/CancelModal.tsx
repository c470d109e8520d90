// Cancelling a booking: the fee its policy charges today is shown first (asked of the API as
// the dialog opens), then the reason; one Idempotency-Key per opening.
import { Alert, Button, Group, Modal, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../../shared/api.ts';
import { useFormat } from '../../../../shared/i18n/format.ts';
import { CenteredLoader } from '../../../../shared/ui/CenteredLoader.tsx';
import { ProblemAlert } from '../../../../shared/ui/ProblemAlert.tsx';
import type { BookingView } from '../booking-types.ts';
import { useCancelBooking, useCancellationPreview } from '../bookings-queries.ts';

export function CancelModal({
  booking,
  opened,
  onClose,
}: {
  booking: BookingView;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const preview = useCancellationPreview(booking.id, opened);
  const cancel = useCancelBooking(booking.id);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const form = useForm({
    initialValues: { reason: '' },
    validate: {
      reason: (value) => (value.trim().length >= 3 ? null : t('bookings.detail.cancelReasonHint')),
    },
  });
  const close = () => {
    form.reset();
    cancel.reset();
    setKey(crypto.randomUUID());
    onClose();
  };
  const fee = preview.data;
  const shownAtFields = Object.keys(fieldErrors(cancel.error)).length > 0;

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('bookings.detail.cancelTitle', { number: booking.number })}
      size="md"
    >
      <form
        onSubmit={form.onSubmit((values) =>
          cancel.mutate(
            { reason: values.reason.trim(), key },
            {
              onSuccess: () => {
                notifications.show({ color: 'orange', message: t('bookings.detail.cancelled') });
                close();
              },
              onError: (error) => form.setErrors(fieldErrors(error)),
            },
          ),
        )}
      >
        <Stack>
          {preview.isPending ? <CenteredLoader /> : null}
          {preview.isError ? <ProblemAlert error={preview.error} /> : null}
          {fee ? (
            <Alert
              color={fee.fee > 0 ? 'orange' : 'teal'}
              variant="light"
              data-testid="cancel-preview"
            >
              <SimpleGrid cols={2} spacing="xs">
                <Stack gap={0}>
                  <Text size="xs" tt="uppercase" fw={600} c="dimmed">
                    {t('bookings.detail.cancelFee')}
                  </Text>
                  <Text size="xl" fw={700} data-testid="cancel-fee">
                    {format.money(fee.fee, fee.currency)}
                  </Text>
                </Stack>
                <Stack gap={0}>
                  <Text size="xs" tt="uppercase" fw={600} c="dimmed">
                    {t('bookings.detail.refundable')}
                  </Text>
                  <Text size="xl" fw={700}>
                    {format.money(fee.refundableAmount, fee.currency)}
                  </Text>
                </Stack>
              </SimpleGrid>
              <Text size="sm" mt="xs">
                {fee.nonRefundable
                  ? t('bookings.detail.cancelNonRefundable')
                  : t('bookings.detail.cancelFeeExplained', {
                      percent: format.number(Number(fee.percent)),
                      days: format.number(fee.daysBefore),
                    })}
              </Text>
            </Alert>
          ) : null}
          <Textarea
            label={t('bookings.detail.cancelReason')}
            description={t('bookings.detail.cancelReasonHint')}
            required
            autosize
            minRows={2}
            data-autofocus
            data-testid="cancel-reason"
            {...form.getInputProps('reason')}
          />
          {cancel.isError && !shownAtFields ? (
            <ProblemAlert error={cancel.error} title={t('bookings.detail.cancelFailed')} />
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('bookings.detail.keep')}
            </Button>
            <Button
              type="submit"
              color="red"
              loading={cancel.isPending}
              disabled={!fee}
              data-testid="cancel-submit"
            >
              {t('bookings.detail.cancelConfirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
