// SQL for agencies, users, sessions and API tokens. Every query names its agency.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DB, NewUser, Role, UserUpdate } from '../../db/schema.ts';

export function findAgency(db: Kysely<DB>, agencyId: string) {
  return db.selectFrom('agencies').selectAll().where('id', '=', agencyId).executeTakeFirst();
}

export function findAgencyBySlug(db: Kysely<DB>, slug: string) {
  return db.selectFrom('agencies').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export function insertAgency(
  db: Kysely<DB>,
  agency: { id: string; name: string; slug: string; defaultLocale: string; baseCurrency: string },
) {
  return db.insertInto('agencies').values(agency).returningAll().executeTakeFirstOrThrow();
}

export async function countUsers(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Active users with this e-mail, across agencies unless one is named (login only). */
export function findLoginCandidates(db: Kysely<DB>, email: string, agencyId?: string) {
  return db
    .selectFrom('users')
    .selectAll()
    .where(sql`lower(email)`, '=', email.toLowerCase())
    .where('disabledAt', 'is', null)
    .$if(agencyId !== undefined, (qb) => qb.where('agencyId', '=', agencyId as string))
    .execute();
}

export function findUser(db: Kysely<DB>, agencyId: string, userId: string) {
  return db
    .selectFrom('users')
    .selectAll()
    .where('agencyId', '=', agencyId)
    .where('id', '=', userId)
    .executeTakeFirst();
}

export function findUserByEmail(db: Kysely<DB>, agencyId: string, email: string) {
  return db
    .selectFrom('users')
    .selectAll()
    .where('agencyId', '=', agencyId)
    .where(sql`lower(email)`, '=', email.toLowerCase())
    .executeTakeFirst();
}

export function listUsers(
  db: Kysely<DB>,
  agencyId: string,
  filter: { role?: Role; q?: string; before?: string; limit: number },
) {
  return db
    .selectFrom('users')
    .selectAll()
    .where('agencyId', '=', agencyId)
    .$if(filter.role !== undefined, (qb) => qb.where('role', '=', filter.role as Role))
    .$if(filter.q !== undefined, (qb) => {
      const pattern = `%${(filter.q as string).replace(/[\\%_]/g, '\\$&')}%`;
      return qb.where((eb) => eb.or([eb('name', 'ilike', pattern), eb('email', 'ilike', pattern)]));
    })
    .$if(filter.before !== undefined, (qb) => qb.where('id', '<', filter.before as string))
    .orderBy('id', 'desc')
    .limit(filter.limit + 1)
    .execute();
}

export function countActiveAdmins(db: Kysely<DB>, agencyId: string) {
  return db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('agencyId', '=', agencyId)
    .where('role', '=', 'admin')
    .where('disabledAt', 'is', null)
    .executeTakeFirstOrThrow()
    .then((row) => Number(row.n));
}

export function insertUser(db: Kysely<DB>, user: NewUser) {
  return db.insertInto('users').values(user).returningAll().executeTakeFirstOrThrow();
}

export function updateUser(db: Kysely<DB>, agencyId: string, userId: string, change: UserUpdate) {
  return db
    .updateTable('users')
    .set({ ...change, updatedAt: new Date() })
    .where('agencyId', '=', agencyId)
    .where('id', '=', userId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function insertSession(
  db: Kysely<DB>,
  session: {
    tokenHash: string;
    agencyId: string;
    userId: string;
    expiresAt: Date;
    ip: string | null;
    userAgent: string | null;
  },
) {
  return db
    .insertInto('sessions')
    .values({ ...session, lastSeenAt: new Date() })
    .execute();
}

/** The session and its user, when the session is live and the user still enabled. */
export function findLiveSession(db: Kysely<DB>, tokenHash: string, now: Date) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', (join) =>
      join
        .onRef('users.id', '=', 'sessions.userId')
        .onRef('users.agencyId', '=', 'sessions.agencyId'),
    )
    .select([
      'sessions.tokenHash',
      'sessions.agencyId',
      'sessions.userId',
      'sessions.expiresAt',
      'sessions.lastSeenAt',
      'users.role',
      'users.name',
    ])
    .where('sessions.tokenHash', '=', tokenHash)
    .where('sessions.expiresAt', '>', now)
    .where('users.disabledAt', 'is', null)
    .executeTakeFirst();
}

export function extendSession(db: Kysely<DB>, tokenHash: string, now: Date, expiresAt: Date) {
  return db
    .updateTable('sessions')
    .set({ lastSeenAt: now, expiresAt })
    .where('tokenHash', '=', tokenHash)
    .execute();
}

export function deleteSession(db: Kysely<DB>, tokenHash: string) {
  return db.deleteFrom('sessions').where('tokenHash', '=', tokenHash).execute();
}

export function deleteUserSessions(
  db: Kysely<DB>,
  agencyId: string,
  userId: string,
  except?: string,
) {
  return db
    .deleteFrom('sessions')
    .where('agencyId', '=', agencyId)
    .where('userId', '=', userId)
    .$if(except !== undefined, (qb) => qb.where('tokenHash', '!=', except as string))
    .execute();
}

export function insertApiToken(
  db: Kysely<DB>,
  token: {
    id: string;
    agencyId: string;
    userId: string;
    name: string;
    tokenHash: string;
    tokenPrefix: string;
    expiresAt: Date | null;
  },
) {
  return db.insertInto('apiTokens').values(token).returningAll().executeTakeFirstOrThrow();
}

export function findLiveApiToken(db: Kysely<DB>, tokenHash: string, now: Date) {
  return db
    .selectFrom('apiTokens')
    .innerJoin('users', (join) =>
      join
        .onRef('users.id', '=', 'apiTokens.userId')
        .onRef('users.agencyId', '=', 'apiTokens.agencyId'),
    )
    .select([
      'apiTokens.id',
      'apiTokens.agencyId',
      'apiTokens.userId',
      'apiTokens.lastUsedAt',
      'users.role',
      'users.name',
    ])
    .where('apiTokens.tokenHash', '=', tokenHash)
    .where('apiTokens.revokedAt', 'is', null)
    .where((eb) =>
      eb.or([eb('apiTokens.expiresAt', 'is', null), eb('apiTokens.expiresAt', '>', now)]),
    )
    .where('users.disabledAt', 'is', null)
    .executeTakeFirst();
}

export function touchApiToken(db: Kysely<DB>, id: string, now: Date) {
  return db.updateTable('apiTokens').set({ lastUsedAt: now }).where('id', '=', id).execute();
}

export function findApiToken(db: Kysely<DB>, agencyId: string, id: string) {
  return db
    .selectFrom('apiTokens')
    .selectAll()
    .where('agencyId', '=', agencyId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function listApiTokens(
  db: Kysely<DB>,
  agencyId: string,
  filter: { userId?: string; before?: string; limit: number },
) {
  return db
    .selectFrom('apiTokens')
    .selectAll()
    .where('agencyId', '=', agencyId)
    .$if(filter.userId !== undefined, (qb) => qb.where('userId', '=', filter.userId as string))
    .$if(filter.before !== undefined, (qb) => qb.where('id', '<', filter.before as string))
    .orderBy('id', 'desc')
    .limit(filter.limit + 1)
    .execute();
}

/** Revokes every live API token of the user (a new password ends them all); returns how many. */
export async function revokeUserApiTokens(
  db: Kysely<DB>,
  agencyId: string,
  userId: string,
  now: Date,
): Promise<number> {
  const result = await db
    .updateTable('apiTokens')
    .set({ revokedAt: now })
    .where('agencyId', '=', agencyId)
    .where('userId', '=', userId)
    .where('revokedAt', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export function revokeApiToken(db: Kysely<DB>, agencyId: string, id: string, now: Date) {
  return db
    .updateTable('apiTokens')
    .set({ revokedAt: now })
    .where('agencyId', '=', agencyId)
    .where('id', '=', id)
    .where('revokedAt', 'is', null)
    .execute();
}

/** Active users of the agency among the given ids (for notifications, approvers). */
export function findActiveUsers(db: Kysely<DB>, agencyId: string, userIds: string[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'locale', 'role'])
    .where('agencyId', '=', agencyId)
    .where('id', 'in', userIds)
    .where('disabledAt', 'is', null)
    .execute();
}
