// Idempotency-Key for writes that must not happen twice (bookings, payments, ...).
// The key is claimed inside the write's own transaction: a concurrent retry with the same
// key waits on the primary key until the first commits, then replays its stored response;
// if the first rolls back, its claim vanishes with it and the retry runs afresh.
//
// A key belongs to its caller (the user, or the API token, as Stripe scopes keys to an
// account): the same key and body from someone else is a request of theirs, never a replay of
// another caller's stored reply (which could hold costs or another customer's contacts).
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Ctx, inTransaction } from '../context.ts';
import { json } from '../db/json.ts';
import { Conflict, Invalid } from '../errors.ts';

export interface IdempotentResult<T> {
  statusCode: number;
  body: T;
  replayed: boolean;
}

const keyPattern = /^[\x21-\x7e]{1,255}$/;

/** A stable hash of a JSON body: the same content in another key order hashes the same. */
export function hashRequestBody(body: unknown): string {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical);
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.keys(value as object)
          .sort()
          .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
      );
    }
    return value;
  };
  return createHash('sha256')
    .update(JSON.stringify(canonical(body ?? null)))
    .digest('hex');
}

/**
 * Who owns a key: the API token that sent it, or the signed-in user; an anonymous portal
 * visitor's keys share one space (its request body names its own quote and contact).
 */
export function callerOf(ctx: Ctx): string {
  const { actor } = ctx;
  if (actor.type === 'api_token') return `token:${actor.id}`;
  if (actor.userId !== null) return `user:${actor.userId}`;
  return `anonymous:${actor.name}`;
}

export async function runIdempotent<T>(
  ctx: Ctx,
  claim: { key: string | undefined; scope: string; body: unknown },
  work: (ctx: Ctx) => Promise<{ statusCode: number; body: T }>,
): Promise<IdempotentResult<T>> {
  if (claim.key === undefined) {
    const result = await inTransaction(ctx, work);
    return { ...result, replayed: false };
  }
  const key = claim.key;
  if (!keyPattern.test(key)) {
    throw Invalid.field('/Idempotency-Key', 'must be 1 to 255 visible ASCII characters');
  }
  const requestHash = hashRequestBody(claim.body);
  const scope = `${callerOf(ctx)} ${claim.scope}`;
  return inTransaction(ctx, async (tx) => {
    const claimed = await tx.db
      .insertInto('idempotencyKeys')
      .values({ agencyId: tx.agencyId, scope, key, requestHash })
      .onConflict((oc) => oc.columns(['agencyId', 'scope', 'key']).doNothing())
      .returning('key')
      .executeTakeFirst();
    if (!claimed) {
      const stored = await tx.db
        .selectFrom('idempotencyKeys')
        .selectAll()
        .where('agencyId', '=', tx.agencyId)
        .where('scope', '=', scope)
        .where('key', '=', key)
        .executeTakeFirstOrThrow();
      if (stored.requestHash !== requestHash) {
        throw new Conflict(
          'this Idempotency-Key was already used with a different request body; use a new key',
        );
      }
      return { statusCode: stored.statusCode ?? 200, body: stored.response as T, replayed: true };
    }
    const result = await work(tx);
    await tx.db
      .updateTable('idempotencyKeys')
      .set({ statusCode: result.statusCode, response: json(result.body) })
      .where('agencyId', '=', tx.agencyId)
      .where('scope', '=', scope)
      .where('key', '=', key)
      .execute();
    return { ...result, replayed: false };
  });
}

/** Reads the key and scope from a request, and marks a replayed reply. */
export function idempotencyClaim(request: FastifyRequest) {
  const header = request.headers['idempotency-key'];
  return {
    key: Array.isArray(header) ? header[0] : header,
    scope: `${request.method} ${request.url.split('?')[0]}`,
    body: request.body,
  };
}

export function sendIdempotent<T>(reply: FastifyReply, result: IdempotentResult<T>) {
  if (result.replayed) reply.header('idempotent-replayed', 'true');
  return reply.code(result.statusCode).send(result.body);
}
