// First start: an installation with no users gets its first agency and that agency's admin.
import type { Kysely } from 'kysely';
import { inTransaction, systemActor } from '../../context.ts';
import { newId } from '../../db/ids.ts';
import type { DB, Role } from '../../db/schema.ts';
import { recordAudit } from './audit.ts';
import { hashPassword } from './passwords.ts';
import * as repo from './repo.ts';
import { randomPassword } from './secrets.ts';

export interface AgencySeed {
  name: string;
  slug: string;
  defaultLocale: string;
  baseCurrency: string;
}

export interface UserSeed {
  email: string;
  name: string;
  role: Role;
  locale: string;
  password: string;
}

/** Creates an agency with its users in one transaction; returns the agency id. */
export async function createAgencyWithUsers(
  db: Kysely<DB>,
  agency: AgencySeed,
  users: UserSeed[],
): Promise<string> {
  const agencyId = newId();
  const hashed = await Promise.all(
    users.map(async (user) => ({ ...user, passwordHash: await hashPassword(user.password) })),
  );
  await inTransaction({ db, agencyId, actor: systemActor }, async (tx) => {
    await repo.insertAgency(tx.db, { id: agencyId, ...agency });
    await recordAudit(tx, {
      action: 'agency.created',
      entityType: 'agency',
      entityId: agencyId,
      after: agency,
    });
    for (const { password: _plain, ...user } of hashed) {
      const row = await repo.insertUser(tx.db, { id: newId(), agencyId, ...user });
      await recordAudit(tx, {
        action: 'user.created',
        entityType: 'user',
        entityId: row.id,
        after: { email: row.email, name: row.name, role: row.role },
      });
    }
  });
  return agencyId;
}

export interface FirstAdmin {
  email: string;
  /** Set when the password was generated: shown once, on the console, and never again. */
  generatedPassword: string | null;
}

export async function hasUsers(db: Kysely<DB>): Promise<boolean> {
  return (await repo.countUsers(db)) > 0;
}

export function adminSeed(admin: { email: string; password: string | null }): {
  seed: UserSeed;
  generatedPassword: string | null;
} {
  const generatedPassword = admin.password ? null : randomPassword();
  return {
    seed: {
      email: admin.email,
      name: 'Administrator',
      role: 'admin',
      locale: 'en',
      password: admin.password ?? (generatedPassword as string),
    },
    generatedPassword,
  };
}
