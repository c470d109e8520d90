// The booking's next steps as buttons: the statuses the state machine lets this user move it
// to now (the API lists them), plus modify and cancel, each confirmed before it happens.
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconArrowRight, IconBan, IconEdit } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../../shared/api.ts';
import { ProblemAlert } from '../../../../shared/ui/ProblemAlert.tsx';
import type { BookingStatus, BookingView } from '../booking-types.ts';
import { useMoveBooking } from '../bookings-queries.ts';
import { CancelModal } from './CancelModal.tsx';
import { ChangeModal } from './ChangeModal.tsx';

export function TransitionBar({ booking }: { booking: BookingView }) {
  const { t } = useTranslation();
  const [moving, setMoving] = useState<BookingStatus | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const [changing, setChanging] = useState(false);
  const forward = booking.transitions.filter((s) => s !== 'cancelled');
  // Who may cancel may change (the API asks the same question of the state machine).
  const mayCancel = booking.transitions.includes('cancelled');
  const mayChange = mayCancel && !booking.cancellationPolicy?.nonRefundable;

  return (
    <Group gap="xs" data-testid="transition-bar">
      {forward.map((status) => (
        <Button
          key={status}
          rightSection={<IconArrowRight size={16} />}
          onClick={() => setMoving(status)}
          data-testid={`transition-${status}`}
        >
          {t('bookings.detail.moveTo', { status: t(`bookings.status.${status}`) })}
        </Button>
      ))}
      {mayChange ? (
        <Button
          variant="default"
          leftSection={<IconEdit size={16} />}
          onClick={() => setChanging(true)}
          data-testid="modify-booking"
        >
          {t('bookings.detail.modify')}
        </Button>
      ) : null}
      {mayCancel ? (
        <Button
          variant="light"
          color="red"
          leftSection={<IconBan size={16} />}
          onClick={() => setCancelling(true)}
          data-testid="cancel-booking"
        >
          {t('bookings.detail.cancel')}
        </Button>
      ) : null}
      <MoveModal booking={booking} to={moving} onClose={() => setMoving(null)} />
      <CancelModal booking={booking} opened={cancelling} onClose={() => setCancelling(false)} />
      {changing ? <ChangeModal booking={booking} onClose={() => setChanging(false)} /> : null}
    </Group>
  );
}

function MoveModal({
  booking,
  to,
  onClose,
}: {
  booking: BookingView;
  to: BookingStatus | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const move = useMoveBooking(booking.id);
  const form = useForm({ initialValues: { reason: '' } });
  const status = to ? t(`bookings.status.${to}`) : '';
  const close = () => {
    form.reset();
    move.reset();
    onClose();
  };
  return (
    <Modal
      opened={to !== null}
      onClose={close}
      title={t('bookings.detail.moveTitle', { number: booking.number, status })}
    >
      <form
        onSubmit={form.onSubmit((values) => {
          if (!to) return;
          move.mutate(
            { to, reason: values.reason.trim() || undefined },
            {
              onSuccess: () => {
                notifications.show({
                  color: 'teal',
                  message: t('bookings.detail.moved', { status }),
                });
                close();
              },
              onError: (error) => form.setErrors(fieldErrors(error)),
            },
          );
        })}
      >
        <Stack>
          <Textarea
            label={t('bookings.detail.moveReason')}
            autosize
            minRows={2}
            data-autofocus
            {...form.getInputProps('reason')}
          />
          {move.isError ? (
            <ProblemAlert error={move.error} title={t('bookings.detail.moveFailed')} />
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={move.isPending} data-testid="move-submit">
              {t('bookings.detail.moveConfirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function NoTransitions() {
  const { t } = useTranslation();
  return (
    <Text size="sm" c="dimmed">
      {t('bookings.detail.noTransitions')}
    </Text>
  );
}
