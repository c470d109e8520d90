// Signing in and out, and recognising a request's session cookie or API token.
import type { Kysely } from 'kysely';
import { type Ctx, inTransaction } from '../../context.ts';
import type { DB, User } from '../../db/schema.ts';
import { Invalid, TooManyRequests, Unauthorized } from '../../errors.ts';
import { recordAudit } from './audit.ts';
import { accountKeyOfEmail, accountKeyOfUser, type LoginThrottle } from './login-throttle.ts';
import { hashPassword, minPasswordLength, unusableHash, verifyPassword } from './passwords.ts';
import * as repo from './repo.ts';
import { hashSecret, newSecret } from './secrets.ts';
import type { Authentication } from './types.ts';

export interface LoginInput {
  email: string;
  password: string;
  /** Agency slug: needed only when the same e-mail and password open accounts at several. */
  agency?: string;
  ip: string | null;
  userAgent: string | null;
}

export interface LoginResult {
  user: User;
  sessionToken: string;
  expiresAt: Date;
}

// A session is extended on use, but at most once a minute, to spare a write per request.
const extendAfterMs = 60_000;

/**
 * Checks the password and opens a session. Wrong e-mail and wrong password look the same.
 * The throttle counts per user (whatever agency code the request names) and per address.
 */
export async function login(
  db: Kysely<DB>,
  throttle: LoginThrottle,
  input: LoginInput,
  sessionTtlHours: number,
): Promise<LoginResult> {
  const address = input.ip ?? 'unknown';
  const agency = input.agency ? await repo.findAgencyBySlug(db, input.agency) : undefined;
  const candidates =
    input.agency && !agency ? [] : await repo.findLoginCandidates(db, input.email, agency?.id);
  // Naming an agency picks among the e-mail's users; it opens no budget of its own.
  const accounts =
    candidates.length > 0 ? candidates.map(accountKeyOfUser) : [accountKeyOfEmail(input.email)];
  const claim = await throttle.claim(db, accounts, address);
  if (!claim.allowed) {
    throw new TooManyRequests(
      `too many failed sign-in attempts; try again in ${Math.ceil(claim.wait / 60)} minute(s)`,
      claim.wait,
    );
  }

  const matches: User[] = [];
  for (const candidate of candidates) {
    if (await verifyPassword(input.password, candidate.passwordHash)) matches.push(candidate);
  }
  // Spend the same time on an unknown e-mail as on a known one.
  if (candidates.length === 0) await verifyPassword(input.password, unusableHash);

  const user = matches[0];
  if (!user) {
    await throttle.failed(db);
    throw new Unauthorized('e-mail or password is wrong');
  }
  // The password was right: the attempt was no failure, and the pair's earlier ones are forgiven.
  for (const match of matches) {
    await throttle.succeeded(db, claim.attemptId, accountKeyOfUser(match), address);
  }
  if (matches.length > 1) {
    throw Invalid.field(
      '/agency',
      'is required: this e-mail address signs in to several agencies; give the agency code',
    );
  }

  const ctx: Ctx = {
    db,
    agencyId: user.agencyId,
    actor: { type: 'user', id: user.id, userId: user.id, name: user.name, role: user.role },
  };
  const { sessionToken, expiresAt } = await inTransaction(ctx, (tx) =>
    openSession(tx, user, {
      ip: input.ip,
      userAgent: input.userAgent,
      sessionTtlHours,
      via: 'password',
    }),
  );
  return { user, sessionToken, expiresAt };
}

/**
 * Opens a session for a user who proved who they are another way than a password (a portal
 * customer who has just booked, or who followed a sign-in link), in the caller's transaction.
 */
export async function openSession(
  ctx: Ctx,
  user: { id: string; agencyId: string },
  input: { ip: string | null; userAgent: string | null; sessionTtlHours: number; via: string },
): Promise<{ sessionToken: string; expiresAt: Date }> {
  const sessionToken = newSecret('cvs');
  const expiresAt = new Date(Date.now() + input.sessionTtlHours * 3600_000);
  await repo.insertSession(ctx.db, {
    tokenHash: hashSecret(sessionToken),
    agencyId: user.agencyId,
    userId: user.id,
    expiresAt,
    ip: input.ip,
    userAgent: input.userAgent?.slice(0, 400) ?? null,
  });
  await recordAudit(ctx, {
    action: 'user.login',
    entityType: 'user',
    entityId: user.id,
    after: { ip: input.ip, via: input.via },
  });
  return { sessionToken, expiresAt };
}

export async function logout(db: Kysely<DB>, sessionToken: string): Promise<void> {
  await repo.deleteSession(db, hashSecret(sessionToken));
}

export async function authenticateSession(
  db: Kysely<DB>,
  sessionToken: string,
  sessionTtlHours: number,
  now = new Date(),
): Promise<Authentication | null> {
  const tokenHash = hashSecret(sessionToken);
  const session = await repo.findLiveSession(db, tokenHash, now);
  if (!session) return null;
  if (now.getTime() - new Date(session.lastSeenAt).getTime() > extendAfterMs) {
    await repo.extendSession(
      db,
      tokenHash,
      now,
      new Date(now.getTime() + sessionTtlHours * 3600_000),
    );
  }
  return {
    agencyId: session.agencyId,
    userId: session.userId,
    role: session.role,
    name: session.name,
    via: 'session',
    tokenId: null,
  };
}

export async function authenticateApiToken(
  db: Kysely<DB>,
  token: string,
  now = new Date(),
): Promise<Authentication | null> {
  const found = await repo.findLiveApiToken(db, hashSecret(token), now);
  if (!found) return null;
  const lastUsed = found.lastUsedAt ? new Date(found.lastUsedAt).getTime() : 0;
  if (now.getTime() - lastUsed > extendAfterMs) await repo.touchApiToken(db, found.id, now);
  return {
    agencyId: found.agencyId,
    userId: found.userId,
    role: found.role,
    name: found.name,
    via: 'api_token',
    tokenId: found.id,
  };
}

/**
 * Changes the signed-in user's own password, ends their other sessions and revokes their API
 * tokens: whoever learnt the old password may have opened either.
 */
export async function changeOwnPassword(
  ctx: Ctx,
  input: { currentPassword: string; newPassword: string; keepSessionToken: string | null },
): Promise<void> {
  const userId = ctx.actor.userId;
  if (!userId) throw new Unauthorized('sign in first');
  if (input.newPassword.length < minPasswordLength) {
    throw Invalid.field('/newPassword', `must be at least ${minPasswordLength} characters long`);
  }
  await inTransaction(ctx, async (tx) => {
    const user = await repo.findUser(tx.db, tx.agencyId, userId);
    if (!user || !(await verifyPassword(input.currentPassword, user.passwordHash))) {
      throw Invalid.field('/currentPassword', 'is not your current password');
    }
    await repo.updateUser(tx.db, tx.agencyId, userId, {
      passwordHash: await hashPassword(input.newPassword),
    });
    await repo.deleteUserSessions(
      tx.db,
      tx.agencyId,
      userId,
      input.keepSessionToken ? hashSecret(input.keepSessionToken) : undefined,
    );
    const revokedTokens = await repo.revokeUserApiTokens(tx.db, tx.agencyId, userId, new Date());
    await recordAudit(tx, {
      action: 'user.password_changed',
      entityType: 'user',
      entityId: userId,
      after: { revokedApiTokens: revokedTokens },
    });
  });
}
