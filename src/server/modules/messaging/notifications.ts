// Notifications to named staff: an in-app entry for each person and an e-mail through the
// outbox, both written in the caller's transaction, so they exist only if the change that
// caused them commits.
import type { Ctx } from '../../context.ts';
import { newId } from '../../db/ids.ts';
import { json } from '../../db/json.ts';
import { NotFound } from '../../errors.ts';
import { decodeCursor, toPage } from '../../http/pagination.ts';
import { findActiveUsers } from '../identity/repo.ts';
import { queueEmail } from './mailer.ts';

export interface NotificationInput {
  userIds: string[];
  kind: string;
  title: string;
  body: string;
  data?: Record<string, unknown>;
}

/** Notifies the active users among `userIds`; returns how many were notified. */
export async function notify(ctx: Ctx, input: NotificationInput): Promise<number> {
  const users = await findActiveUsers(ctx.db, ctx.agencyId, [...new Set(input.userIds)]);
  if (users.length === 0) return 0;
  await ctx.db
    .insertInto('notifications')
    .values(
      users.map((user) => ({
        id: newId(),
        agencyId: ctx.agencyId,
        userId: user.id,
        kind: input.kind,
        title: input.title,
        body: input.body,
        data: json(input.data ?? {}),
      })),
    )
    .execute();
  for (const user of users) {
    await queueEmail(ctx, { to: user.email, subject: input.title, text: input.body });
  }
  return users.length;
}

export interface PresentedNotification {
  id: string;
  kind: string;
  title: string;
  body: string;
  data: Record<string, unknown>;
  createdAt: string;
  readAt: string | null;
}

function present(row: {
  id: string;
  kind: string;
  title: string;
  body: string;
  data: Record<string, unknown>;
  createdAt: Date;
  readAt: Date | null;
}): PresentedNotification {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    data: row.data,
    createdAt: new Date(row.createdAt).toISOString(),
    readAt: row.readAt === null ? null : new Date(row.readAt).toISOString(),
  };
}

/** The signed-in user's notifications, newest first. */
export async function listMyNotifications(
  ctx: Ctx,
  query: { limit: number; cursor?: string; unread?: boolean },
) {
  const before = decodeCursor(query.cursor);
  const rows = await ctx.db
    .selectFrom('notifications')
    .select(['id', 'kind', 'title', 'body', 'data', 'createdAt', 'readAt'])
    .where('agencyId', '=', ctx.agencyId)
    .where('userId', '=', ctx.actor.userId ?? '')
    .$if(query.unread === true, (qb) => qb.where('readAt', 'is', null))
    .$if(before !== undefined, (qb) => qb.where('id', '<', before as string))
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const page = toPage(rows, query.limit);
  return { items: page.items.map(present), nextCursor: page.nextCursor };
}

export async function markRead(ctx: Ctx, id: string): Promise<PresentedNotification> {
  const row = await ctx.db
    .updateTable('notifications')
    .set((eb) => ({ readAt: eb.fn.coalesce('readAt', eb.val(new Date())) }))
    .where('agencyId', '=', ctx.agencyId)
    .where('userId', '=', ctx.actor.userId ?? '')
    .where('id', '=', id)
    .returning(['id', 'kind', 'title', 'body', 'data', 'createdAt', 'readAt'])
    .executeTakeFirst();
  if (!row) throw new NotFound('notification', id);
  return present(row);
}

export async function markAllRead(ctx: Ctx): Promise<number> {
  const result = await ctx.db
    .updateTable('notifications')
    .set({ readAt: new Date() })
    .where('agencyId', '=', ctx.agencyId)
    .where('userId', '=', ctx.actor.userId ?? '')
    .where('readAt', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
