// A booking's inventory: the quote's hold made firm (or taken afresh once it has expired), and
// which of its lines wait for a supplier's answer. Shared by making and changing a booking.
import type { Ctx } from '../../context.ts';
import { Conflict } from '../../errors.ts';
import { confirmHold, getTake, release, take } from '../inventory/service.ts';
import type { Component, Take } from '../inventory/types.ts';
import type { QuoteLine, RoomRequest } from '../pricing/engine-types.ts';
import type { CreateQuoteInput } from '../pricing/quotes-service.ts';

/** A quote's request as stored with it: the ask, its rooms, and the product's name. */
export type StoredQuoteRequest = CreateQuoteInput & { rooms: RoomRequest[]; productName?: string };

/**
 * The inventory of the booking: the quote's hold made firm, or, when the hold has expired
 * or been swept, the same components taken afresh (409 when they are gone).
 */
export async function firmTake(
  tx: Ctx,
  takeId: string | null,
  components: () => Promise<Component[]>,
  bookingId: string,
  now: Date,
): Promise<Take | null> {
  if (takeId) {
    const held = await getTake(tx, takeId);
    const live =
      held.status === 'held' && held.expiresAt !== null && new Date(held.expiresAt) > now;
    if (live) return confirmHold(tx, takeId, now);
    if (held.status === 'held') await release(tx, takeId, 'expired');
    if (held.status === 'taken')
      throw new Conflict('the quote’s inventory belongs to another booking');
  }
  const afresh = await components();
  if (afresh.length === 0) return null;
  try {
    return await take(tx, { components: afresh, reference: `booking:${bookingId}`, now });
  } catch (error) {
    if (error instanceof Conflict) {
      throw new Conflict(
        `the quote expired and its places are no longer available: ${error.message}`,
        [
          {
            path: '/quoteId',
            message: 'expired, and what it held has been sold since; quote again',
          },
        ],
      );
    }
    throw error;
  }
}

/** Which lines wait for the supplier: those of a component the inventory had on request. */
export function supplierStatuses(
  lines: readonly QuoteLine[],
  request: StoredQuoteRequest,
  components: Component[],
  held: Take | null,
) {
  const onRequest = new Set<string>();
  components.forEach((component, i) => {
    if (!held?.onRequest[i]) return;
    if (component.type === 'room') onRequest.add(`room:${component.roomTypeId}`);
    if (component.type === 'seats') onRequest.add('transport');
    if (component.type === 'tickets') onRequest.add('ticket');
    if (component.type === 'service') onRequest.add(`service:${component.serviceId}`);
  });
  return lines.map((line) => {
    const roomType = line.room === null ? undefined : request.rooms[line.room]?.roomTypeId;
    const requested =
      (roomType !== undefined && onRequest.has(`room:${roomType}`)) ||
      (line.kind === 'transport' && onRequest.has('transport')) ||
      (line.kind === 'ticket' && onRequest.has('ticket')) ||
      (line.kind === 'service' && onRequest.has(`service:${line.productId}`));
    return requested ? 'requested' : 'confirmed';
  });
}
