// What one portal visitor may hold (issue 16, §5). Every quote holds its places until it
// expires, and a portal quote needs no account: without limits, five anonymous quotes hold a
// hotel's last five rooms and the agent's own quote is refused. So an anonymous visitor's
// hold is short, and one visitor — the signed-in customer, or else the client address the
// request came from — holds only a few quotes and units at once, and one address makes only
// so many quotes in a window. The counts are read from the quotes and holds in the database
// under a lock per visitor, so every process of an installation shares them and concurrent
// quotes of one visitor cannot slip past together.
import { sql } from 'kysely';
import type { Ctx } from '../../context.ts';
import { TooManyRequests } from '../../errors.ts';
import { defaultHoldMinutes } from '../pricing/quotes-service.ts';
import type { PortalCaller } from './visitor.ts';

export interface PortalHoldLimits {
  /** How long an anonymous visitor's quote holds its places. */
  visitorMinutes: number;
  /** How long a signed-in customer's quote holds them. */
  customerMinutes: number;
  /** Quotes one visitor may hold at once (their places not yet released or booked). */
  liveHolds: number;
  /**
   * Units one visitor may hold at once over all their live quotes: a quote's units are, for
   * each thing it holds (a room type, a seat class, a ticket slot, a limited extra, a pool),
   * how many of it; the nights of a stay count once.
   */
  heldUnits: number;
  /** Quotes one client address may make per window. */
  quotesPerWindow: number;
  windowMinutes: number;
}

export const portalHoldLimits: PortalHoldLimits = {
  visitorMinutes: 10,
  customerMinutes: defaultHoldMinutes,
  liveHolds: 3,
  heldUnits: 24,
  quotesPerWindow: 20,
  windowMinutes: 10,
};

/** How long a portal quote holds: short for an anonymous visitor. */
export function portalHoldMinutes(
  caller: PortalCaller,
  limits: PortalHoldLimits = portalHoldLimits,
): number {
  return caller.customer ? limits.customerMinutes : limits.visitorMinutes;
}

const secondsUntil = (at: Date | string | null, now: Date) =>
  at === null ? 1 : Math.max(1, Math.ceil((new Date(at).getTime() - now.getTime()) / 1000));

/**
 * Refuses a portal quote (429 with Retry-After) when its visitor now holds more than the
 * limits allow, or its address has made too many quotes in the window. Runs in the quote's
 * transaction after its hold and row are written, so the counts include it; a refusal rolls
 * the hold back. The advisory lock per agency and visitor orders concurrent quotes of one
 * visitor: each counts what the ones before it committed.
 */
export async function admitPortalHold(
  tx: Ctx,
  caller: PortalCaller,
  now: Date,
  limits: PortalHoldLimits = portalHoldLimits,
): Promise<void> {
  const address = caller.address ?? '';
  // A customer's quotes are counted by their account, and by their address with everyone
  // else's from it; locks are taken in that order.
  const keys = [
    ...(caller.customer ? [`user:${caller.customer.userId}`] : []),
    `address:${address}`,
  ];
  for (const key of keys) {
    await sql`select pg_advisory_xact_lock(hashtextextended(${`portal-quote:${tx.agencyId}:${key}`}, 0))`.execute(
      tx.db,
    );
  }

  if (caller.address !== null) {
    const since = new Date(now.getTime() - limits.windowMinutes * 60_000);
    const recent = await sql<{ made: number; oldest: Date | null }>`
      select count(*)::int as made, min(created_at) as oldest
        from quotes
       where agency_id = ${tx.agencyId} and client_address = ${address}
         and created_at > ${since}`.execute(tx.db);
    const { made = 0, oldest = null } = recent.rows[0] ?? {};
    if (made > limits.quotesPerWindow) {
      const freeAt = oldest
        ? new Date(new Date(oldest).getTime() + limits.windowMinutes * 60_000)
        : null;
      throw new TooManyRequests(
        `too many quotes from your address: at most ${limits.quotesPerWindow} in ${limits.windowMinutes} minutes; try again later`,
        secondsUntil(freeAt, now),
      );
    }
  }

  const mine = caller.customer
    ? sql`q.created_by = ${caller.customer.userId}`
    : sql`q.created_by is null and q.client_address = ${address}`;
  const held = await sql<{ holds: number; units: number; firstExpiry: Date | null }>`
    select count(*)::int as holds, coalesce(sum(u.units), 0)::int as units,
           min(t.expires_at) as "firstExpiry"
      from quotes q
      join inventory_takes t on t.agency_id = q.agency_id and t.id = q.take_id
      cross join lateral (
        select coalesce(sum(c.units), 0) as units
          from (select max(i.quantity) as units from inventory_take_items i
                 where i.agency_id = t.agency_id and i.take_id = t.id
                 group by i.component) c
      ) u
     where q.agency_id = ${tx.agencyId} and ${mine}
       and q.expires_at > ${now} and t.status = 'held' and t.expires_at > ${now}`.execute(tx.db);
  const { holds = 0, units = 0, firstExpiry = null } = held.rows[0] ?? {};
  const who = caller.customer ? 'you' : 'your address';
  if (holds > limits.liveHolds) {
    throw new TooManyRequests(
      `${who} already hold${caller.customer ? '' : 's'} ${holds - 1} quotes: at most ${limits.liveHolds} at once; book one or wait until one expires`,
      secondsUntil(firstExpiry, now),
    );
  }
  if (units > limits.heldUnits) {
    throw new TooManyRequests(
      `this quote would make ${units} places held by ${who}: at most ${limits.heldUnits} at once; book what you hold, wait until it expires, or ask the agency`,
      secondsUntil(firstExpiry, now),
    );
  }
}
