// Sending a booking's documents again by e-mail: which ones, and to whom (the customer's
// address unless another is typed).
import { Button, Checkbox, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../../shared/api.ts';
import { ProblemAlert } from '../../../../shared/ui/ProblemAlert.tsx';
import type { BookingView } from '../booking-types.ts';
import { useSendDocuments } from '../bookings-queries.ts';

interface SendDocumentsModalProps {
  booking: BookingView;
  /** The kinds this booking has: voucher, contract, instructions, eticket, invoice. */
  kinds: string[];
  titles: Record<string, string>;
  opened: boolean;
  onClose: () => void;
}

export function SendDocumentsModal({
  booking,
  kinds,
  titles,
  opened,
  onClose,
}: SendDocumentsModalProps) {
  const { t } = useTranslation();
  const send = useSendDocuments(booking.id);
  const form = useForm<{ to: string; documents: string[] }>({
    initialValues: { to: '', documents: [] },
  });
  const close = () => {
    form.reset();
    send.reset();
    onClose();
  };
  const shownAtFields = Object.keys(fieldErrors(send.error)).length > 0;

  return (
    <Modal opened={opened} onClose={close} title={t('bookings.detail.resendTitle')}>
      <form
        onSubmit={form.onSubmit((values) =>
          send.mutate(
            {
              ...(values.documents.length ? { documents: values.documents } : {}),
              ...(values.to.trim() ? { to: values.to.trim() } : {}),
            },
            {
              onSuccess: (answer) => {
                notifications.show({
                  color: 'teal',
                  message: t('bookings.detail.resent', { to: answer.to }),
                });
                close();
              },
              onError: (error) => form.setErrors(fieldErrors(error)),
            },
          ),
        )}
      >
        <Stack>
          <TextInput
            type="email"
            label={t('bookings.detail.resendTo')}
            description={t('bookings.detail.resendToHint')}
            placeholder={booking.customer.email ?? ''}
            data-autofocus
            data-testid="resend-to"
            {...form.getInputProps('to')}
          />
          <Checkbox.Group
            label={t('bookings.detail.resendDocuments')}
            {...form.getInputProps('documents')}
          >
            <Stack gap={6} mt={6}>
              {kinds.map((kind) => (
                <Checkbox
                  key={kind}
                  value={kind}
                  label={kind === 'invoice' ? t('bookings.detail.invoice') : (titles[kind] ?? kind)}
                />
              ))}
            </Stack>
          </Checkbox.Group>
          {send.isError && !shownAtFields ? (
            <ProblemAlert error={send.error} title={t('bookings.detail.resendFailed')} />
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              loading={send.isPending}
              leftSection={null}
              data-testid="resend-submit"
            >
              {t('bookings.detail.resendSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
