// Enqueueing work that must leave the system only once the change behind it has committed:
// call `enqueue` with the change's own transaction.
import type { Ctx } from '../../context.ts';
import { newId } from '../../db/ids.ts';
import { json } from '../../db/json.ts';

export interface OutboxMessage<P = unknown> {
  kind: string;
  payload: P;
  /** Not before this instant (reminders); default now. */
  runAt?: Date;
  maxAttempts?: number;
}

export async function enqueue<P>(ctx: Ctx, message: OutboxMessage<P>): Promise<string> {
  const id = newId();
  await ctx.db
    .insertInto('outbox')
    .values({
      id,
      agencyId: ctx.agencyId,
      kind: message.kind,
      payload: json(message.payload),
      status: 'pending',
      runAt: message.runAt ?? new Date(),
      ...(message.maxAttempts ? { maxAttempts: message.maxAttempts } : {}),
    })
    .execute();
  return id;
}
