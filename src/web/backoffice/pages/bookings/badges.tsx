// The small coloured labels the bookings list and detail share: status, channel (online or
// typed by staff), required actions and approval. One colour per meaning, everywhere.
import { Badge, Tooltip } from '@mantine/core';
import { IconCircleCheck, IconClockExclamation, IconWorld } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ApprovalState, BookingStatus, Channel } from './booking-types.ts';

const statusColors: Record<BookingStatus, string> = {
  web_reservation: 'blue',
  internal_reservation: 'cyan',
  checked: 'indigo',
  ordered: 'violet',
  confirmed: 'teal',
  paid: 'green',
  departed: 'gray',
  cancelled: 'red',
};

export function StatusBadge({ status, size = 'sm' }: { status: BookingStatus; size?: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={statusColors[status]} variant="light" size={size} data-testid="status-badge">
      {t(`bookings.status.${status}`)}
    </Badge>
  );
}

export function ChannelBadge({ channel, online }: { channel: Channel; online: boolean }) {
  const { t } = useTranslation();
  return (
    <Tooltip label={t(online ? 'bookings.filter.online' : 'bookings.filter.offline')}>
      <Badge
        color={online ? 'grape' : 'gray'}
        variant={online ? 'light' : 'outline'}
        size="sm"
        leftSection={online ? <IconWorld size={12} aria-hidden /> : null}
        data-testid="channel-badge"
      >
        {t(`bookings.channel.${channel}`)}
      </Badge>
    </Tooltip>
  );
}

/** How many required actions are still open (none, all done, or "2 open" in orange). */
export function ActionsBadge({ open, total }: { open: number; total?: number }) {
  const { t } = useTranslation();
  if (total === 0) {
    return (
      <Badge color="gray" variant="transparent" size="sm" data-testid="actions-badge">
        {t('bookings.actionsBadge.none')}
      </Badge>
    );
  }
  return open === 0 ? (
    <Badge
      color="teal"
      variant="light"
      size="sm"
      leftSection={<IconCircleCheck size={12} aria-hidden />}
      data-testid="actions-badge"
      data-open="0"
    >
      {t('bookings.actionsBadge.done')}
    </Badge>
  ) : (
    <Badge
      color="orange"
      variant="light"
      size="sm"
      leftSection={<IconClockExclamation size={12} aria-hidden />}
      data-testid="actions-badge"
      data-open={open}
    >
      {t('bookings.actionsBadge.open', { count: open })}
    </Badge>
  );
}

const approvalColors: Record<ApprovalState, string> = {
  none: 'gray',
  pending: 'yellow',
  approved: 'teal',
  rejected: 'red',
};

export function ApprovalBadge({ state }: { state: ApprovalState }) {
  const { t } = useTranslation();
  if (state === 'none') return null;
  return (
    <Badge color={approvalColors[state]} variant="light" size="sm" data-testid="approval-badge">
      {t(`bookings.approval.${state}`)}
    </Badge>
  );
}
