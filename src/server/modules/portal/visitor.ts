// Who the portal acts as: the agency named in the URL (by its slug), on the web channel, for
// an anonymous visitor or for the customer signed in to that agency. Staff signed in to the
// back office in the same browser are visitors here: the portal never shows costs or other
// customers' bookings, whoever opens it.
import type { Kysely } from 'kysely';
import type { Actor, Ctx } from '../../context.ts';
import type { DB } from '../../db/schema.ts';
import { NotFound, Unauthorized } from '../../errors.ts';
import { findAgencyBySlug } from '../identity/repo.ts';
import type { Authentication } from '../identity/types.ts';

export const visitorActor: Actor = {
  type: 'system',
  id: null,
  userId: null,
  name: 'web visitor',
  role: null,
};

export interface PortalAgency {
  id: string;
  name: string;
  slug: string;
  defaultLocale: string;
  baseCurrency: string;
}

export interface PortalCaller {
  agency: PortalAgency;
  ctx: Ctx;
  /** The signed-in customer of this agency; null for a visitor. */
  customer: { userId: string; name: string } | null;
  /**
   * The client address the request came from (behind a trusted proxy, the one it reports).
   * An anonymous visitor has no other identity: the portal's limits on holds and on quotes
   * count by it.
   */
  address: string | null;
}

export async function portalCaller(
  db: Kysely<DB>,
  slug: string,
  auth: Authentication | null,
  requestId?: string,
  address: string | null = null,
): Promise<PortalCaller> {
  const agency = await findAgencyBySlug(db, slug);
  if (!agency) throw new NotFound('agency', slug);
  const customer =
    auth && auth.agencyId === agency.id && auth.role === 'customer' && auth.via === 'session'
      ? { userId: auth.userId, name: auth.name }
      : null;
  const actor: Actor = customer
    ? {
        type: 'user',
        id: customer.userId,
        userId: customer.userId,
        name: customer.name,
        role: 'customer',
      }
    : visitorActor;
  return {
    agency: {
      id: agency.id,
      name: agency.name,
      slug: agency.slug,
      defaultLocale: agency.defaultLocale,
      baseCurrency: agency.baseCurrency.trim(),
    },
    ctx: { db, agencyId: agency.id, actor, ...(requestId ? { requestId } : {}) },
    customer,
    address,
  };
}

/** The signed-in customer, or 401 (my bookings, entering travellers). */
export function requireCustomer(caller: PortalCaller): { userId: string; name: string } {
  if (!caller.customer) throw new Unauthorized('sign in to see your bookings');
  return caller.customer;
}
