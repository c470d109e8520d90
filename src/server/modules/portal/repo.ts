// SQL of the customer portal. Besides its own table (sign-in links) it reads a few facts the
// storefront shows (the currencies the agency prices in, its destinations, a customer found by
// e-mail) and makes a visitor's quote theirs once they have an account: small reads and one
// guarded write, kept here rather than widening other modules for the portal alone.
import { sql } from 'kysely';
import type { Ctx } from '../../context.ts';
import { newId } from '../../db/ids.ts';
import type { PortalCaller } from './visitor.ts';

/** The currencies the agency has public price lists in, its base currency first. */
export async function sellingCurrencies(ctx: Ctx, baseCurrency: string): Promise<string[]> {
  const rows = await ctx.db
    .selectFrom('priceLists')
    .select('currency')
    .distinct()
    .where('agencyId', '=', ctx.agencyId)
    .where('customerId', 'is', null)
    .where('archivedAt', 'is', null)
    .execute();
  const others = rows
    .map((r) => r.currency.trim())
    .filter((c) => c !== baseCurrency)
    .sort();
  return [baseCurrency, ...others];
}

/** Where the agency's tours stay: city and country of each accommodation with a live tour. */
export function destinations(ctx: Ctx) {
  return ctx.db
    .selectFrom('tours as t')
    .innerJoin('accommodations as a', (join) =>
      join.onRef('a.agencyId', '=', 't.agencyId').onRef('a.id', '=', 't.accommodationId'),
    )
    .select(['a.city', 'a.country'])
    .distinct()
    .where('t.agencyId', '=', ctx.agencyId)
    .where('t.archivedAt', 'is', null)
    .where('a.archivedAt', 'is', null)
    .orderBy('a.city')
    .execute();
}

/** A person customer of the agency with this e-mail (the oldest, when several share it). */
export function personCustomerByEmail(ctx: Ctx, email: string) {
  return ctx.db
    .selectFrom('customers')
    .select(['id'])
    .where('agencyId', '=', ctx.agencyId)
    .where('kind', '=', 'person')
    .where('archivedAt', 'is', null)
    .where(sql`lower(email)`, '=', email.toLowerCase())
    .orderBy('createdAt')
    .orderBy('id')
    .executeTakeFirst();
}

/**
 * Makes a quote a visitor priced anonymously the quote of the account they book it with.
 * Only a web quote nobody owns yet can be taken over, so a quote of another account never is.
 */
export async function adoptWebQuote(ctx: Ctx, quoteId: string, userId: string): Promise<boolean> {
  const adopted = await ctx.db
    .updateTable('quotes')
    .set({ createdBy: userId })
    .where('agencyId', '=', ctx.agencyId)
    .where('id', '=', quoteId)
    .where('channel', '=', 'web')
    .where('createdBy', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return adopted !== undefined;
}

/**
 * A live web quote the caller made, still holding its places, that a new quote of theirs
 * may replace: the signed-in customer's own, or an anonymous one from the same client
 * address. Anything else (another visitor's, a booked or expired one) is not replaced.
 */
export async function replaceableQuote(caller: PortalCaller, quoteId: string, now: Date) {
  let query = caller.ctx.db
    .selectFrom('quotes')
    .innerJoin('inventoryTakes', (join) =>
      join
        .onRef('inventoryTakes.agencyId', '=', 'quotes.agencyId')
        .onRef('inventoryTakes.id', '=', 'quotes.takeId'),
    )
    .select(['quotes.id', 'quotes.takeId'])
    .where('quotes.agencyId', '=', caller.ctx.agencyId)
    .where('quotes.id', '=', quoteId)
    .where('quotes.channel', '=', 'web')
    .where('quotes.expiresAt', '>', now)
    .where('inventoryTakes.status', '=', 'held');
  query = caller.customer
    ? query.where('quotes.createdBy', '=', caller.customer.userId)
    : query
        .where('quotes.createdBy', 'is', null)
        .where('quotes.clientAddress', '=', caller.address ?? '');
  return (await query.executeTakeFirst()) ?? null;
}

/** A replaced quote ends now: it shows as expired, and booking it takes its places afresh. */
export async function endQuote(ctx: Ctx, quoteId: string, now: Date): Promise<void> {
  await ctx.db
    .updateTable('quotes')
    .set({ expiresAt: now })
    .where('agencyId', '=', ctx.agencyId)
    .where('id', '=', quoteId)
    .execute();
}

/** The bookings an account made, newest first. */
export async function bookingIdsMadeBy(ctx: Ctx, userId: string, limit: number) {
  const rows = await ctx.db
    .selectFrom('bookings')
    .select('id')
    .where('agencyId', '=', ctx.agencyId)
    .where('createdBy', '=', userId)
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

export async function insertSignInLink(
  ctx: Ctx,
  link: { userId: string; tokenHash: string; expiresAt: Date },
): Promise<void> {
  await ctx.db
    .insertInto('portalSignInLinks')
    .values({ id: newId(), agencyId: ctx.agencyId, ...link })
    .execute();
}

/** How many links the account was sent since `since` (to keep a mailbox from being flooded). */
export async function countSignInLinksSince(ctx: Ctx, userId: string, since: Date) {
  const row = await ctx.db
    .selectFrom('portalSignInLinks')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('agencyId', '=', ctx.agencyId)
    .where('userId', '=', userId)
    .where('createdAt', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Uses a live link up: one conditional write, so two clicks at once cannot both sign in.
 * Returns the user it signs in, or undefined when the link is unknown, used or expired.
 */
export async function useSignInLink(ctx: Ctx, tokenHash: string, now: Date) {
  return ctx.db
    .updateTable('portalSignInLinks')
    .set({ usedAt: now })
    .where('agencyId', '=', ctx.agencyId)
    .where('tokenHash', '=', tokenHash)
    .where('usedAt', 'is', null)
    .where('expiresAt', '>', now)
    .returning('userId')
    .executeTakeFirst();
}

/** Of these products, those with a public price list in force (so a quote can price them). */
export async function pricedProductIds(ctx: Ctx, productIds: string[]): Promise<Set<string>> {
  if (productIds.length === 0) return new Set();
  const rows = await ctx.db
    .selectFrom('priceLists')
    .select('productId')
    .distinct()
    .where('agencyId', '=', ctx.agencyId)
    .where('productId', 'in', productIds)
    .where('customerId', 'is', null)
    .where('archivedAt', 'is', null)
    .execute();
  return new Set(rows.map((r) => r.productId));
}
