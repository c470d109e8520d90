// The booking history's event codes (the audit log's actions) and their message keys.
import { en } from '../../../../shared/i18n/en.ts';

export type HistoryEventKey = keyof typeof en.bookings.detail.event;
const eventKeys = new Set(Object.keys(en.bookings.detail.event));

/**
 * The message key of a history event code: `invoice.issued` → `invoice_issued`, `booking.seats.moved` → `booking_seats_moved`; a code this
 * version does not know (written by a newer server) → `other` ("Other change"), never the raw
 * code on screen.
 */
export function historyEventKey(action: string): HistoryEventKey {
  const key = action.replaceAll('.', '_');
  return eventKeys.has(key) && key !== 'other' ? (key as HistoryEventKey) : 'other';
}
