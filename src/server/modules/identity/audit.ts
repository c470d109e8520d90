// The append-only audit log (S2): written by services in the same transaction as the change,
// so a change and its record commit or roll back together.

import type { Ctx } from '../../context.ts';
import { newId } from '../../db/ids.ts';
import { json } from '../../db/json.ts';

export interface AuditRecord {
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

export async function recordAudit(ctx: Ctx, record: AuditRecord): Promise<void> {
  await ctx.db
    .insertInto('auditLog')
    .values({
      id: newId(),
      agencyId: ctx.agencyId,
      actorType: ctx.actor.type,
      actorId: ctx.actor.id,
      actorName: ctx.actor.name,
      action: record.action,
      entityType: record.entityType,
      entityId: record.entityId,
      before: record.before === undefined ? null : json(record.before),
      after: record.after === undefined ? null : json(record.after),
      reason: record.reason ?? null,
      requestId: ctx.requestId ?? null,
    })
    .execute();
}

export function listAudit(
  ctx: Ctx,
  filter: { entityType?: string; entityId?: string; before?: string; limit: number },
) {
  return ctx.db
    .selectFrom('auditLog')
    .selectAll()
    .where('agencyId', '=', ctx.agencyId)
    .$if(filter.entityType !== undefined, (qb) =>
      qb.where('entityType', '=', filter.entityType as string),
    )
    .$if(filter.entityId !== undefined, (qb) =>
      qb.where('entityId', '=', filter.entityId as string),
    )
    .$if(filter.before !== undefined, (qb) => qb.where('id', '<', filter.before as string))
    .orderBy('id', 'desc')
    .limit(filter.limit + 1)
    .execute();
}
