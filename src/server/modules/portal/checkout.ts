// Booking on the portal (B1, B2): a visitor's quote on the web channel (holding the places
// until it expires, as every quote does), then the booking made from it with the contact
// form as its customer. The visitor gets a customer account for their e-mail and is signed
// in, so they can pay and find the booking under "My bookings" at once. An e-mail that has an
// account already must sign in first (with a link sent to it): typing someone's address must
// never open their account.
import type { Ctx } from '../../context.ts';
import { inTransaction } from '../../context.ts';
import { Conflict, Invalid } from '../../errors.ts';
import { createBooking } from '../bookings/create-booking.ts';
import { getBooking } from '../bookings/read-booking.ts';
import type { TravellerInput } from '../bookings/travellers.ts';
import type { CustomerLocale } from '../customers/types.ts';
import { ensureVoucherCode } from '../documents/service.ts';
import { openSession } from '../identity/auth-service.ts';
import { findUser, findUserByEmail } from '../identity/repo.ts';
import { createUser } from '../identity/users-service.ts';
import { createQuote, getQuote } from '../pricing/quotes-service.ts';
import {
  admitPortalHold,
  type PortalHoldLimits,
  portalHoldLimits,
  portalHoldMinutes,
} from './holds.ts';
import { presentPortalBooking } from './present.ts';
import { adoptWebQuote, endQuote, personCustomerByEmail, replaceableQuote } from './repo.ts';
import { checkCurrency } from './storefront.ts';
import type { PortalCaller } from './visitor.ts';

export interface PortalQuoteInput {
  productId: string;
  from?: string;
  to?: string;
  departureId?: string;
  party: { adults: number; childAges: number[] };
  rooms?: Array<{ roomTypeId: string; adults: number; childAges: number[] }>;
  extras?: Array<{ serviceId: string; quantity?: number | null; date?: string | null }>;
  promoCode?: string | null;
  currency?: string;
  classCode?: string | null;
  boardingPoint?: string | null;
  ratePlan?: 'flexible' | 'non_refundable';
  /** The caller's previous quote of this trip, priced again: its hold is released. */
  replaces?: string;
}

/**
 * Prices the trip for the web and holds its places until the quote expires: briefly for an
 * anonymous visitor, and within what one visitor may hold (see holds.ts).
 */
export async function quoteOnPortal(
  caller: PortalCaller,
  input: PortalQuoteInput,
  now: Date = new Date(),
  limits: PortalHoldLimits = portalHoldLimits,
) {
  const { replaces, ...ask } = input;
  const currency = await checkCurrency(caller.ctx, caller.agency, ask.currency);
  // Each change of the trip on the checkout prices it again: the quote it replaces gives its
  // places back, so one visitor's changes hold one set of places, not one per change.
  const previous = replaces ? await replaceableQuote(caller, replaces, now) : null;
  return createQuote(caller.ctx, { ...ask, currency, channel: 'web' }, now, {
    minutes: portalHoldMinutes(caller, limits),
    clientAddress: caller.address,
    replacesTake: previous?.takeId ?? null,
    admit: async (tx) => {
      if (previous) await endQuote(tx, previous.id, now);
      await admitPortalHold(tx, caller, now, limits);
    },
  });
}

/** A quote the caller made (a visitor's anonymous one, or the signed-in customer's). */
export function portalQuote(caller: PortalCaller, quoteId: string) {
  return getQuote(caller.ctx, quoteId);
}

export interface PortalBookingInput {
  quoteId: string;
  contact: { firstName: string; lastName: string; email: string; phone?: string | null };
  travellers: TravellerInput[];
  acceptTerms: boolean;
  notes?: string | null;
  /** The visitor's language: the account's, the customer's and their documents'. */
  locale: CustomerLocale;
}

export interface SessionRequest {
  ip: string | null;
  userAgent: string | null;
  sessionTtlHours: number;
}

const asCustomer = (ctx: Ctx, user: { id: string; name: string }): Ctx => ({
  ...ctx,
  actor: { type: 'user', id: user.id, userId: user.id, name: user.name, role: 'customer' },
});

/**
 * Books a quote from the portal: channel web (status `web_reservation`), the customer found
 * by the account's e-mail or created from the contact form, its voucher code given. Returns
 * the booking and, for a visitor, the session that signs their new account in.
 */
export async function bookOnPortal(
  caller: PortalCaller,
  input: PortalBookingInput,
  sessionRequest: SessionRequest,
  now: Date = new Date(),
) {
  if (!input.acceptTerms) {
    throw Invalid.field('/acceptTerms', 'must be accepted to book');
  }
  return inTransaction(caller.ctx, async (tx) => {
    const email = input.contact.email.trim();
    const name = `${input.contact.firstName.trim()} ${input.contact.lastName.trim()}`;
    let account: { id: string; name: string; email: string };
    if (caller.customer) {
      const user = await findUser(tx.db, tx.agencyId, caller.customer.userId);
      if (!user) throw new Conflict('your account is gone; sign in again');
      account = { id: user.id, name: user.name, email: user.email };
    } else {
      if (await findUserByEmail(tx.db, tx.agencyId, email)) {
        throw new Conflict('an account exists for this e-mail: sign in first, then book', [
          {
            path: '/contact/email',
            message: 'has an account here: sign in with a link sent to it, then book',
          },
        ]);
      }
      const { user } = await createUser(tx, {
        email,
        name,
        role: 'customer',
        locale: input.locale,
      });
      account = { id: user.id, name: user.name, email: user.email };
    }
    const customerTx = asCustomer(tx, account);
    // A visitor's quote has no owner yet; it becomes the account's. A quote of another
    // account is not adopted, and the booking then refuses it as not theirs.
    await adoptWebQuote(customerTx, input.quoteId, account.id);
    const known = await personCustomerByEmail(customerTx, account.email);
    const { id } = await createBooking(
      customerTx,
      {
        quoteId: input.quoteId,
        channel: 'web',
        travellers: input.travellers,
        notes: input.notes ?? null,
        ...(known
          ? { customerId: known.id }
          : {
              customer: {
                kind: 'person',
                firstName: input.contact.firstName,
                lastName: input.contact.lastName,
                email: account.email,
                phone: input.contact.phone ?? null,
                locale: input.locale,
              },
            }),
      },
      now,
    );
    const voucherCode = await ensureVoucherCode(customerTx, id);
    const session = caller.customer
      ? null
      : await openSession(
          customerTx,
          { id: account.id, agencyId: tx.agencyId },
          { ...sessionRequest, via: 'portal_booking' },
        );
    const booking = await getBooking(customerTx, id, now);
    return {
      booking: {
        ...presentPortalBooking(booking, input.locale, voucherCode),
        email: account.email,
      },
      session,
    };
  });
}
