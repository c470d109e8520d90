// Managing the agency's users (admins only, enforced at the route).
import { type Ctx, inTransaction } from '../../context.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { newId } from '../../db/ids.ts';
import type { Role } from '../../db/schema.ts';
import { Conflict, Invalid, NotFound } from '../../errors.ts';
import { decodeCursor, toPage } from '../../http/pagination.ts';
import { recordAudit } from './audit.ts';
import { hashPassword, minPasswordLength } from './passwords.ts';
import { presentUser } from './present.ts';
import * as repo from './repo.ts';
import { randomPassword } from './secrets.ts';
import type { Locale, PublicUser } from './types.ts';

export interface CreateUserInput {
  email: string;
  name: string;
  role: Role;
  password?: string;
  locale?: Locale;
}

export interface UpdateUserInput {
  name?: string;
  role?: Role;
  locale?: Locale;
  disabled?: boolean;
  password?: string;
}

export async function listUsers(
  ctx: Ctx,
  query: { limit: number; cursor?: string; role?: Role; q?: string },
) {
  const rows = await repo.listUsers(ctx.db, ctx.agencyId, {
    role: query.role,
    q: query.q,
    before: decodeCursor(query.cursor),
    limit: query.limit,
  });
  const page = toPage(rows, query.limit);
  return { items: page.items.map(presentUser), nextCursor: page.nextCursor };
}

/**
 * Every user with the approver role, by name (disabled ones too, so a company's existing
 * approver is still named): a short list, open to all staff, unlike the list of users.
 */
export async function listApprovers(ctx: Ctx) {
  const rows = await ctx.db
    .selectFrom('users')
    .select(['id', 'name', 'email', 'disabledAt'])
    .where('agencyId', '=', ctx.agencyId)
    .where('role', '=', 'approver')
    .orderBy('name')
    .orderBy('id')
    .execute();
  return rows.map(({ disabledAt, ...user }) => ({ ...user, disabled: disabledAt !== null }));
}

export async function getUser(ctx: Ctx, userId: string): Promise<PublicUser> {
  const user = await repo.findUser(ctx.db, ctx.agencyId, userId);
  if (!user) throw new NotFound('user', userId);
  return presentUser(user);
}

/**
 * Creates a user of the agency. Without a password, one is generated and returned once,
 * to be handed to the person.
 */
export async function createUser(
  ctx: Ctx,
  input: CreateUserInput,
): Promise<{ user: PublicUser; generatedPassword: string | null }> {
  if (input.password !== undefined && input.password.length < minPasswordLength) {
    throw Invalid.field('/password', `must be at least ${minPasswordLength} characters long`);
  }
  const generatedPassword = input.password === undefined ? randomPassword() : null;
  const passwordHash = await hashPassword(input.password ?? (generatedPassword as string));
  return inTransaction(ctx, async (tx) => {
    if (await repo.findUserByEmail(tx.db, tx.agencyId, input.email)) {
      throw new Conflict(`a user with e-mail ${input.email} already exists in this agency`);
    }
    // The check above answers the common case; the unique index settles a concurrent race.
    const user = await repo
      .insertUser(tx.db, {
        id: newId(),
        agencyId: tx.agencyId,
        email: input.email.trim(),
        name: input.name.trim(),
        role: input.role,
        locale: input.locale ?? 'en',
        passwordHash,
      })
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) {
          throw new Conflict(`a user with e-mail ${input.email} already exists in this agency`);
        }
        throw error;
      });
    await recordAudit(tx, {
      action: 'user.created',
      entityType: 'user',
      entityId: user.id,
      after: presentUser(user),
    });
    return { user: presentUser(user), generatedPassword };
  });
}

export async function updateUser(
  ctx: Ctx,
  userId: string,
  input: UpdateUserInput,
): Promise<PublicUser> {
  if (input.password !== undefined && input.password.length < minPasswordLength) {
    throw Invalid.field('/password', `must be at least ${minPasswordLength} characters long`);
  }
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  return inTransaction(ctx, async (tx) => {
    const before = await repo.findUser(tx.db, tx.agencyId, userId);
    if (!before) throw new NotFound('user', userId);
    const losesAdmin =
      before.role === 'admin' &&
      before.disabledAt === null &&
      ((input.role !== undefined && input.role !== 'admin') || input.disabled === true);
    if (losesAdmin && (await repo.countActiveAdmins(tx.db, tx.agencyId)) <= 1) {
      throw new Conflict('the agency must keep at least one active admin');
    }
    const after = await repo.updateUser(tx.db, tx.agencyId, userId, {
      name: input.name?.trim(),
      role: input.role,
      locale: input.locale,
      passwordHash,
      disabledAt: input.disabled === undefined ? undefined : input.disabled ? new Date() : null,
    });
    if (input.disabled === true || passwordHash) {
      await repo.deleteUserSessions(tx.db, tx.agencyId, userId);
    }
    // A password set by an admin (a reset) also ends the user's API tokens.
    if (passwordHash) await repo.revokeUserApiTokens(tx.db, tx.agencyId, userId, new Date());
    await recordAudit(tx, {
      action: passwordHash ? 'user.updated_with_password' : 'user.updated',
      entityType: 'user',
      entityId: userId,
      before: presentUser(before),
      after: presentUser(after),
    });
    return presentUser(after);
  });
}
