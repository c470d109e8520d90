// Where the booking stands with its company's approver: the policy limits it breaks, the
// decision when made, and for approvers the buttons to approve or reject (with a reason).
import { Button, Group, List, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../../shared/api.ts';
import { useFormat } from '../../../../shared/i18n/format.ts';
import { ProblemAlert } from '../../../../shared/ui/ProblemAlert.tsx';
import { ApprovalBadge } from '../badges.tsx';
import type { BookingView } from '../booking-types.ts';
import { useDecideApproval } from '../bookings-queries.ts';
import { breachText } from '../breach-text.ts';
import { SectionCard } from './SectionCard.tsx';

type Decision = 'approve' | 'reject';

export function ApprovalCard({
  booking,
  canApprove,
}: {
  booking: BookingView;
  canApprove: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [deciding, setDeciding] = useState<Decision | null>(null);
  const { approval } = booking;
  return (
    <SectionCard
      title={t('bookings.detail.approval')}
      testId="approval-card"
      dataState={approval.state}
      actions={<ApprovalBadge state={approval.state} />}
    >
      <Stack gap="sm">
        {approval.state === 'none' ? (
          <Text size="sm" c="dimmed">
            {t('bookings.detail.approvalNone')}
          </Text>
        ) : null}
        {approval.state === 'pending' ? (
          <Text size="sm">{t('bookings.detail.approvalPending')}</Text>
        ) : null}
        {approval.reasons.length > 0 ? (
          <List size="sm" spacing={2}>
            {approval.reasons.map((reason) => (
              <List.Item key={reason.rule}>{breachText(reason, t, format)}</List.Item>
            ))}
          </List>
        ) : null}
        {approval.decidedAt ? (
          <Text size="sm" data-testid="approval-decision">
            {t('bookings.detail.approvalDecided', {
              state: t(`bookings.approval.${approval.state}`),
              name: approval.decidedBy ?? '—',
              date: format.dateTime(approval.decidedAt),
            })}
            {approval.reason ? ` · ${approval.reason}` : ''}
          </Text>
        ) : null}
        {canApprove && approval.state === 'pending' ? (
          <Group gap="xs">
            <Button
              color="teal"
              leftSection={<IconCheck size={16} />}
              onClick={() => setDeciding('approve')}
              data-testid="approve"
            >
              {t('bookings.detail.approve')}
            </Button>
            <Button
              color="red"
              variant="light"
              leftSection={<IconX size={16} />}
              onClick={() => setDeciding('reject')}
              data-testid="reject"
            >
              {t('bookings.detail.reject')}
            </Button>
          </Group>
        ) : null}
      </Stack>
      <DecisionModal booking={booking} decision={deciding} onClose={() => setDeciding(null)} />
    </SectionCard>
  );
}

function DecisionModal({
  booking,
  decision,
  onClose,
}: {
  booking: BookingView;
  decision: Decision | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const decide = useDecideApproval(booking.id);
  const form = useForm({ initialValues: { reason: '' } });
  const rejecting = decision === 'reject';
  const close = () => {
    form.reset();
    decide.reset();
    onClose();
  };
  return (
    <Modal
      opened={decision !== null}
      onClose={close}
      title={t(rejecting ? 'bookings.detail.rejectTitle' : 'bookings.detail.approveTitle', {
        number: booking.number,
      })}
    >
      <form
        onSubmit={form.onSubmit((values) => {
          if (!decision) return;
          decide.mutate(
            { decision, reason: values.reason.trim() || undefined },
            {
              onSuccess: () => {
                notifications.show({
                  color: rejecting ? 'orange' : 'teal',
                  message: t(rejecting ? 'bookings.detail.rejected' : 'bookings.detail.approved'),
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
            label={t(rejecting ? 'bookings.detail.rejectReason' : 'bookings.detail.approveReason')}
            required={rejecting}
            autosize
            minRows={2}
            data-autofocus
            data-testid="decision-reason"
            {...form.getInputProps('reason')}
          />
          {decide.isError && Object.keys(fieldErrors(decide.error)).length === 0 ? (
            <ProblemAlert error={decide.error} title={t('bookings.detail.decisionFailed')} />
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              color={rejecting ? 'red' : 'teal'}
              loading={decide.isPending}
              disabled={rejecting && form.values.reason.trim() === ''}
              data-testid="decision-submit"
            >
              {t(rejecting ? 'bookings.detail.reject' : 'bookings.detail.approve')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
