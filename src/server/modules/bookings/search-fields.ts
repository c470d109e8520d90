// What a booking is found by in the back-office list (B10): its folded search text (order
// number, PNR, every traveller's name and e-mail) and its destination, the product's place as
// people name it. Recomputed from the booking's own rows whenever they change, in the
// changing transaction, so the list never shows a stale traveller.
import type { Ctx } from '../../context.ts';
import type { TransportStop } from '../../db/schema.ts';
import { findAccommodation } from '../catalog/accommodations-repo.ts';
import { findAttraction } from '../catalog/attractions-repo.ts';
import { foldForSearch } from '../catalog/text-search.ts';
import { findTour } from '../catalog/tours-repo.ts';
import { findTransport } from '../catalog/transport-repo.ts';

export interface SearchableBooking {
  number: string;
  pnr: string | null;
  travellers: ReadonlyArray<{ firstName: string; lastName: string; email: string | null }>;
}

/** The folded text `q` is matched against: "2027-000123 abc123 jana novakova jana@…". */
export function bookingSearchText(booking: SearchableBooking): string {
  return foldForSearch(
    [
      booking.number,
      booking.pnr,
      ...booking.travellers.flatMap((t) => [t.firstName, t.lastName, t.email]),
    ]
      .filter((part): part is string => !!part)
      .join(' '),
  );
}

/** "City, CC", or whichever of the two is known; null when neither is. */
export function placeName(city: string | null | undefined, country: string | null | undefined) {
  const parts = [city?.trim(), country?.trim()].filter((part): part is string => !!part);
  return parts.length > 0 ? parts.join(', ') : null;
}

/** Where a transport takes its travellers: its last stop (by city, else the stop's name). */
export function arrivalOf(stops: readonly TransportStop[]): string | null {
  const last = stops.at(-1);
  return last ? placeName(last.city ?? last.name, last.country) : null;
}

/**
 * The destination of a product: a tour's hotel town, an attraction's city, the last stop of a
 * transport route. Null for a product the catalog no longer has.
 */
export async function destinationOf(
  ctx: Ctx,
  productKind: string,
  productId: string,
): Promise<string | null> {
  switch (productKind) {
    case 'tour': {
      const tour = await findTour(ctx.db, ctx.agencyId, productId);
      if (!tour) return null;
      const hotel = await findAccommodation(ctx.db, ctx.agencyId, tour.accommodationId);
      return hotel ? placeName(hotel.city, hotel.country) : null;
    }
    case 'attraction': {
      const attraction = await findAttraction(ctx.db, ctx.agencyId, productId);
      return attraction ? placeName(attraction.city, attraction.country) : null;
    }
    case 'transport': {
      const transport = await findTransport(ctx.db, ctx.agencyId, productId);
      return transport ? arrivalOf(transport.stops) : null;
    }
    default:
      return null;
  }
}

/**
 * Recomputes `search_text`, `destination` and `destination_search` of one booking from its
 * rows, in the caller's transaction. Call it after anything that changes the number, the
 * PNR, the travellers or the product.
 */
export async function refreshBookingSearch(tx: Ctx, bookingId: string): Promise<void> {
  const booking = await tx.db
    .selectFrom('bookings')
    .select(['number', 'pnr', 'productKind', 'productId'])
    .where('agencyId', '=', tx.agencyId)
    .where('id', '=', bookingId)
    .executeTakeFirstOrThrow();
  const travellers = await tx.db
    .selectFrom('bookingTravellers')
    .select(['firstName', 'lastName', 'email'])
    .where('agencyId', '=', tx.agencyId)
    .where('bookingId', '=', bookingId)
    .orderBy('position')
    .execute();
  const destination = await destinationOf(tx, booking.productKind, booking.productId);
  await tx.db
    .updateTable('bookings')
    .set({
      searchText: bookingSearchText({ number: booking.number, pnr: booking.pnr, travellers }),
      destination,
      destinationSearch: foldForSearch(destination ?? ''),
    })
    .where('agencyId', '=', tx.agencyId)
    .where('id', '=', bookingId)
    .execute();
}
