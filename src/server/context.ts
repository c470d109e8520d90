// What every service call carries: the database handle (or the open transaction), the
// tenant, and who is acting. Services take `(ctx, input)`.
import type { Kysely } from 'kysely';
import type { ActorType, DB, Role } from './db/schema.ts';
import { withTransaction } from './db/transaction.ts';

export interface Actor {
  type: ActorType;
  /** The user id, the API token id, or null for the system itself. */
  id: string | null;
  /** The user behind the actor (a token acts for its user). */
  userId: string | null;
  name: string;
  role: Role | null;
}

export interface Ctx {
  db: Kysely<DB>;
  agencyId: string;
  actor: Actor;
  requestId?: string;
}

export const systemActor: Actor = {
  type: 'system',
  id: null,
  userId: null,
  name: 'system',
  role: null,
};

/**
 * Runs `work` in a transaction, or inside the caller's when there is one already, so a
 * service called by another service joins its transaction instead of opening a second.
 */
export async function inTransaction<T>(ctx: Ctx, work: (ctx: Ctx) => Promise<T>): Promise<T> {
  if (ctx.db.isTransaction) return work(ctx);
  return withTransaction(ctx.db, (trx) => work({ ...ctx, db: trx }));
}
