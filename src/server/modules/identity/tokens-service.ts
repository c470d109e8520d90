// API tokens (S2): shown once at creation, stored as a hash, revocable.
import { type Ctx, inTransaction } from '../../context.ts';
import { newId } from '../../db/ids.ts';
import { Forbidden, NotFound, Unauthorized } from '../../errors.ts';
import { decodeCursor, toPage } from '../../http/pagination.ts';
import { recordAudit } from './audit.ts';
import { presentApiToken } from './present.ts';
import * as repo from './repo.ts';
import { hashSecret, newSecret } from './secrets.ts';
import type { PublicApiToken } from './types.ts';

function actingUser(ctx: Ctx): string {
  if (!ctx.actor.userId) throw new Unauthorized('sign in first');
  return ctx.actor.userId;
}

/** Creates a token that acts as the calling user. The secret is in this answer only. */
export async function createApiToken(
  ctx: Ctx,
  input: { name: string; expiresAt?: string },
): Promise<PublicApiToken & { token: string }> {
  const userId = actingUser(ctx);
  // A token must not mint tokens: one leaked token would otherwise outlive its own revocation.
  if (ctx.actor.type !== 'user') {
    throw new Forbidden('API tokens are created from a signed-in session, not with a token');
  }
  const token = newSecret('cvt');
  return inTransaction(ctx, async (tx) => {
    const row = await repo.insertApiToken(tx.db, {
      id: newId(),
      agencyId: tx.agencyId,
      userId,
      name: input.name.trim(),
      tokenHash: hashSecret(token),
      tokenPrefix: token.slice(0, 10),
      expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
    });
    const shown = presentApiToken(row);
    await recordAudit(tx, {
      action: 'api_token.created',
      entityType: 'api_token',
      entityId: row.id,
      after: shown,
    });
    return { ...shown, token };
  });
}

/** Admins see every token of the agency; everyone else sees their own. */
export async function listApiTokens(ctx: Ctx, query: { limit: number; cursor?: string }) {
  const rows = await repo.listApiTokens(ctx.db, ctx.agencyId, {
    userId: ctx.actor.role === 'admin' ? undefined : actingUser(ctx),
    before: decodeCursor(query.cursor),
    limit: query.limit,
  });
  const page = toPage(rows, query.limit);
  return { items: page.items.map(presentApiToken), nextCursor: page.nextCursor };
}

async function findVisibleToken(ctx: Ctx, id: string) {
  const token = await repo.findApiToken(ctx.db, ctx.agencyId, id);
  if (!token) throw new NotFound('api token', id);
  if (ctx.actor.role !== 'admin' && token.userId !== actingUser(ctx)) {
    // Another user's token of the same agency: it exists, but is not yours to see.
    throw new NotFound('api token', id);
  }
  return token;
}

export async function getApiToken(ctx: Ctx, id: string): Promise<PublicApiToken> {
  return presentApiToken(await findVisibleToken(ctx, id));
}

export async function revokeApiToken(ctx: Ctx, id: string): Promise<PublicApiToken> {
  return inTransaction(ctx, async (tx) => {
    const token = await findVisibleToken(tx, id);
    if (token.revokedAt) return presentApiToken(token);
    if (tx.actor.type === 'api_token' && tx.actor.id === id) {
      throw new Forbidden('a token cannot revoke itself; use another token or sign in');
    }
    await repo.revokeApiToken(tx.db, tx.agencyId, id, new Date());
    const after = await repo.findApiToken(tx.db, tx.agencyId, id);
    await recordAudit(tx, {
      action: 'api_token.revoked',
      entityType: 'api_token',
      entityId: id,
      before: presentApiToken(token),
      after: after ? presentApiToken(after) : null,
    });
    return presentApiToken(after ?? token);
  });
}
