// A departure's seat rows made from its transport's layout: when a departure is added, and
// again for every coming departure when the layout changes. A seat a traveller sits on is
// never dropped, moved to another class or blocked by a new layout: the change is refused,
// naming the seats and bookings, until staff have moved those travellers.
import type { Ctx } from '../../context.ts';
import { Conflict } from '../../errors.ts';
import { type PlacedSeat, placedSeats, type SeatLayout, sellableCounts } from './layout.ts';
import * as repo from './repo.ts';

/** The layout of a transport and its seats for sale per class; undefined without a layout. */
export async function layoutOf(
  ctx: Ctx,
  transportId: string,
): Promise<{ layout: SeatLayout; version: number; counts: Map<string, number> } | undefined> {
  const row = await repo.findLayout(ctx.db, ctx.agencyId, transportId);
  if (!row) return undefined;
  return { layout: row.document, version: row.version, counts: sellableCounts(row.document) };
}

const samePlace = (row: repo.SeatRow, seat: PlacedSeat) =>
  row.label === seat.label &&
  row.classCode === seat.classCode &&
  row.deck === seat.deck &&
  row.seatRow === seat.row &&
  row.seatColumn === seat.column &&
  row.blocked === seat.blocked &&
  JSON.stringify(row.properties) === JSON.stringify(seat.properties);

/**
 * Makes a departure's seat rows those of the layout: new seats added, seats the layout no
 * longer has removed, the others redrawn in place (their travellers stay). 409 when a seat
 * someone sits on would go, change class or be blocked.
 */
export async function syncDepartureSeats(
  ctx: Ctx,
  departure: { id: string; date: string },
  layout: SeatLayout,
): Promise<{ added: number; removed: number; changed: number }> {
  const placed = placedSeats(layout);
  const wanted = new Map(placed.map((seat) => [seat.seatId, seat]));
  const existing = await repo.lockSeats(ctx.db, ctx.agencyId, departure.id);
  const lost = existing.filter((row) => {
    if (row.bookingId === null && row.held === null) return false;
    const seat = wanted.get(row.seatId);
    return !seat || seat.classCode !== row.classCode || seat.blocked !== null;
  });
  if (lost.length > 0) {
    const listed = lost.map((row) => {
      const seat = wanted.get(row.seatId);
      const why = !seat
        ? 'is not in the new layout'
        : seat.classCode !== row.classCode
          ? `would become class ${seat.classCode}`
          : `would be blocked (${seat.blocked})`;
      return `${row.label} ${why}`;
    });
    throw new Conflict(
      `seats of the departure of ${departure.date} that are sold or held would be taken away: ${listed.join('; ')}; move those travellers (or release the seats) first`,
      lost.map((row) => ({
        path: '/decks',
        message: row.bookingId
          ? `seat ${row.label} on ${departure.date} is sold (booking ${row.bookingId}, traveller ${row.traveller})`
          : `seat ${row.label} on ${departure.date} is held: ${row.held}`,
      })),
    );
  }
  const removed = existing.filter((row) => !wanted.has(row.seatId)).map((row) => row.seatId);
  await repo.deleteSeats(ctx.db, ctx.agencyId, departure.id, removed);
  const byId = new Map(existing.map((row) => [row.seatId, row]));
  let changed = 0;
  for (const seat of placed) {
    const row = byId.get(seat.seatId);
    if (row && !samePlace(row, seat)) {
      await repo.updateSeatPlace(ctx.db, ctx.agencyId, departure.id, seat);
      changed += 1;
    }
  }
  const added = placed.filter((seat) => !byId.has(seat.seatId));
  await repo.insertSeats(ctx.db, ctx.agencyId, departure.id, added);
  return { added: added.length, removed: removed.length, changed };
}
