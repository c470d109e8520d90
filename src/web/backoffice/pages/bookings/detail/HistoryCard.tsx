// The booking's history from the audit log, newest first: what happened, who did it, when,
// and the facts worth reading at a glance (the new status, the action, the amount, the reason).
import { Text, Timeline } from '@mantine/core';
import {
  IconArrowRight,
  IconBan,
  IconCash,
  IconCheck,
  IconEdit,
  IconMail,
  IconPlus,
  IconPoint,
  IconShieldCheck,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../../shared/i18n/format.ts';
import {
  type BookingStatus,
  type BookingView,
  bookingStatuses,
  type HistoryEntry,
} from '../booking-types.ts';
import { historyEventKey } from './history-events.ts';
import { SectionCard } from './SectionCard.tsx';

function iconOf(action: string) {
  if (action === 'booking.created') return IconPlus;
  if (action === 'booking.cancelled') return IconBan;
  if (action === 'booking.status_changed') return IconArrowRight;
  if (action.startsWith('payment.')) return IconCash;
  if (action.startsWith('booking.action_')) return IconCheck;
  if (action === 'booking.approved' || action === 'booking.rejected') return IconShieldCheck;
  if (action.startsWith('documents.')) return IconMail;
  if (action.startsWith('booking.')) return IconEdit;
  return IconPoint;
}

export function HistoryCard({ booking }: { booking: BookingView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const entries = [...booking.history].reverse();

  // A code this version does not know (written by a newer server) reads as "Other change",
  // never as the raw code.
  const title = (action: string) => t(`bookings.detail.event.${historyEventKey(action)}`);
  const statusName = (value: unknown) =>
    typeof value === 'string' && (bookingStatuses as readonly string[]).includes(value)
      ? t(`bookings.status.${value as BookingStatus}`)
      : null;

  const summary = (entry: HistoryEntry): string | null => {
    const detail = entry.detail ?? {};
    const parts: string[] = [];
    const status = statusName(detail.status);
    if (entry.action === 'booking.status_changed' && status) parts.push(`→ ${status}`);
    if (typeof detail.action === 'string') parts.push(detail.action);
    if (typeof detail.amount === 'number' && typeof detail.currency === 'string') {
      parts.push(format.money(detail.amount, detail.currency));
    }
    if (entry.action === 'booking.cancelled' && typeof detail.fee === 'number') {
      parts.push(
        `${t('bookings.detail.cancelFee')}: ${format.money(detail.fee, booking.currency)}`,
      );
    }
    if (entry.action === 'booking.changed' && typeof detail.total === 'number') {
      parts.push(format.money(detail.total, booking.currency));
    }
    if (entry.action.startsWith('invoice.') && typeof detail.number === 'string') {
      parts.push(detail.number);
    }
    if (
      entry.action.startsWith('invoice.') &&
      typeof detail.gross === 'number' &&
      typeof detail.currency === 'string'
    ) {
      parts.push(format.money(detail.gross, detail.currency));
    }
    if (Array.isArray(detail.documents)) parts.push(detail.documents.join(', '));
    if (typeof detail.to === 'string' && entry.action.startsWith('documents.'))
      parts.push(detail.to);
    if (entry.reason) parts.push(entry.reason);
    return parts.length ? parts.join(' · ') : null;
  };

  return (
    <SectionCard title={t('bookings.detail.history')} testId="history-card">
      {entries.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('bookings.detail.noHistory')}
        </Text>
      ) : (
        <Timeline bulletSize={24} lineWidth={2} active={entries.length}>
          {entries.map((entry, index) => {
            const Icon = iconOf(entry.action);
            const line = summary(entry);
            return (
              <Timeline.Item
                // biome-ignore lint/suspicious/noArrayIndexKey: entries of one instant keep their order
                key={`${entry.at}-${index}`}
                bullet={<Icon size={14} />}
                title={title(entry.action)}
                data-testid="history-entry"
                data-action={entry.action}
              >
                {line ? (
                  <Text size="sm" c="dark.4">
                    {line}
                  </Text>
                ) : null}
                <Text size="xs" c="dimmed" mt={2}>
                  {format.dateTime(entry.at)} ·{' '}
                  {t('bookings.detail.by', { name: entry.by ?? t('bookings.detail.system') })}
                </Text>
              </Timeline.Item>
            );
          })}
        </Timeline>
      )}
    </SectionCard>
  );
}
