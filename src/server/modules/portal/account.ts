// "My bookings" (B2, B7, B8): the signed-in customer's bookings with balances, documents and
// required actions, and the travellers' details they enter themselves — which completes the
// actions asking for them in the same transaction (see traveller-actions.ts).
import { inTransaction } from '../../context.ts';
import { correctTravellers } from '../bookings/correct-travellers.ts';
import { getBooking } from '../bookings/read-booking.ts';
import { requiredActionsOf, setActionDone } from '../bookings/required-actions.ts';
import type { TravellerInput } from '../bookings/travellers.ts';
import { ensureVoucherCode } from '../documents/service.ts';
import { findUser } from '../identity/repo.ts';
import { presentPortalBooking } from './present.ts';
import { bookingIdsMadeBy } from './repo.ts';
import { actionsCompletedBy } from './traveller-actions.ts';
import { type PortalCaller, requireCustomer } from './visitor.ts';

/** How many bookings "My bookings" shows: a traveller's, not an agency's, list. */
const listLimit = 50;

/** Who is signed in to the portal: the customer's name, e-mail and language, or nobody. */
export async function portalAccount(caller: PortalCaller) {
  if (!caller.customer) return { signedIn: false as const, user: null };
  const user = await findUser(caller.ctx.db, caller.ctx.agencyId, caller.customer.userId);
  if (!user) return { signedIn: false as const, user: null };
  return {
    signedIn: true as const,
    user: { name: user.name, email: user.email, locale: user.locale },
  };
}

export async function myBookings(caller: PortalCaller, locale: string) {
  const customer = requireCustomer(caller);
  const ids = await bookingIdsMadeBy(caller.ctx, customer.userId, listLimit);
  const items = [];
  for (const id of ids) items.push(await myBooking(caller, id, locale));
  return { items };
}

export async function myBooking(caller: PortalCaller, bookingId: string, locale: string) {
  requireCustomer(caller);
  // getBooking answers 404 for a booking the customer did not make.
  const booking = await getBooking(caller.ctx, bookingId);
  const voucherCode = await ensureVoucherCode(caller.ctx, booking.id);
  return presentPortalBooking(booking, locale, voucherCode);
}

/**
 * Saves the travellers' details (the same party, without repricing) and marks done the open
 * required actions they complete, in one transaction.
 */
export async function saveTravellers(
  caller: PortalCaller,
  bookingId: string,
  travellers: TravellerInput[],
  locale: string,
  now: Date = new Date(),
) {
  requireCustomer(caller);
  await inTransaction(caller.ctx, async (tx) => {
    await correctTravellers(
      tx,
      bookingId,
      { travellers, reason: 'entered by the customer on the portal' },
      now,
    );
    const actions = await requiredActionsOf(tx, bookingId);
    const completed = actionsCompletedBy(
      travellers,
      actions.map((a) => ({ id: a.id, kind: a.kind, done: a.doneAt !== null })),
    );
    for (const actionId of completed) {
      await setActionDone(
        tx,
        bookingId,
        actionId,
        { done: true, note: 'travellers entered on the portal' },
        now,
      );
    }
  });
  return myBooking(caller, bookingId, locale);
}
