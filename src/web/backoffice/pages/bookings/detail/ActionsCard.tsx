// The booking's required actions: what the customer was asked (in the customer's language),
// by when, and who marked it done. Staff who look after bookings mark them done or reopen one.
import { Badge, Button, Group, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconCircleDashed, IconRotate } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../../shared/i18n/format.ts';
import { problemText } from '../../../../shared/ui/ProblemAlert.tsx';
import { ActionsBadge } from '../badges.tsx';
import type { BookingView, RequiredAction } from '../booking-types.ts';
import { useSetActionDone } from '../bookings-queries.ts';
import { SectionCard } from './SectionCard.tsx';

export function ActionsCard({ booking, canMark }: { booking: BookingView; canMark: boolean }) {
  const { t } = useTranslation();
  const open = booking.requiredActions.filter((a) => a.done === null).length;
  return (
    <SectionCard
      title={t('bookings.detail.requiredActions')}
      testId="actions-card"
      actions={<ActionsBadge open={open} total={booking.requiredActions.length} />}
    >
      {booking.requiredActions.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('bookings.detail.noActions')}
        </Text>
      ) : (
        <Stack gap="sm">
          {booking.requiredActions.map((action) => (
            <ActionItem key={action.id} bookingId={booking.id} action={action} canMark={canMark} />
          ))}
        </Stack>
      )}
    </SectionCard>
  );
}

function ActionItem({
  bookingId,
  action,
  canMark,
}: {
  bookingId: string;
  action: RequiredAction;
  canMark: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const mark = useSetActionDone(bookingId);
  const done = action.done !== null;
  const change = (value: boolean) =>
    mark.mutate(
      { actionId: action.id, done: value },
      {
        onError: (error) =>
          notifications.show({
            color: 'red',
            title: t('bookings.detail.actionFailed'),
            message: problemText(error, t('errors.unreachable'), t('errors.unexpected')),
          }),
      },
    );

  return (
    <Paper
      withBorder
      radius="sm"
      p="sm"
      bg={done ? 'var(--mantine-color-teal-light)' : undefined}
      data-testid="required-action"
      data-code={action.code}
      data-done={done}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Group align="flex-start" wrap="nowrap" gap="sm">
          <ThemeIcon
            variant="light"
            color={done ? 'teal' : action.overdue ? 'red' : 'orange'}
            radius="xl"
          >
            {done ? <IconCheck size={16} /> : <IconCircleDashed size={16} />}
          </ThemeIcon>
          <Stack gap={2}>
            <Group gap={6}>
              <Text fw={600} size="sm">
                {action.title}
              </Text>
              <Badge size="xs" variant="outline" color="gray" ff="monospace">
                {action.code}
              </Badge>
              {action.overdue ? (
                <Badge size="xs" color="red" variant="filled">
                  {t('bookings.detail.overdue')}
                </Badge>
              ) : null}
            </Group>
            <Text size="xs" c="dimmed" fw={600}>
              {t('bookings.detail.askedCustomer')}
            </Text>
            <Text size="sm" data-testid="action-instructions">
              {action.instructions}
            </Text>
            {action.done ? (
              <Text size="xs" c="teal.8">
                {t('bookings.detail.doneBy', {
                  date: format.dateTime(action.done.at),
                  name: action.done.by ?? t('bookings.detail.system'),
                })}
                {action.done.note ? ` · ${action.done.note}` : ''}
              </Text>
            ) : action.dueDate ? (
              <Text size="xs" c={action.overdue ? 'red' : 'dimmed'}>
                {t('bookings.detail.dueBy', { date: format.date(action.dueDate) })}
              </Text>
            ) : null}
          </Stack>
        </Group>
        {canMark ? (
          done ? (
            <Button
              variant="subtle"
              color="gray"
              size="xs"
              leftSection={<IconRotate size={14} />}
              loading={mark.isPending}
              style={{ flexShrink: 0 }}
              onClick={() => change(false)}
              data-testid="action-reopen"
            >
              {t('bookings.detail.reopen')}
            </Button>
          ) : (
            <Button
              color="teal"
              size="xs"
              leftSection={<IconCheck size={14} />}
              loading={mark.isPending}
              style={{ flexShrink: 0 }}
              onClick={() => change(true)}
              data-testid="action-done"
            >
              {t('bookings.detail.markDone')}
            </Button>
          )
        ) : null}
      </Group>
    </Paper>
  );
}
