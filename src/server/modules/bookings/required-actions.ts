// Required actions (B8): what a booking's customer must do before departure ("sign the travel
// contract", "send passport details"), copied from the booking's offer when it is made, and
// marked done by staff. `bookings.open_actions` counts those not done, in the same
// transaction, so the list filters done / not done on an indexed column.
import { sql } from 'kysely';
import { addDays, type CalendarDate, daysBetween, todayUtc } from '../../calendar.ts';
import { type Ctx, inTransaction } from '../../context.ts';
import { newId } from '../../db/ids.ts';
import { json } from '../../db/json.ts';
import type { RequiredActionTemplate } from '../../db/schema.ts';
import { Conflict, NotFound } from '../../errors.ts';
import { recordAudit } from '../identity/audit.ts';
import { dueDateOf } from '../offers/rules.ts';

/** Gives a new booking its offer's required actions, due by their deadline. */
export async function giveRequiredActions(
  tx: Ctx,
  booking: { id: string; startDate: string },
  templates: readonly RequiredActionTemplate[],
  now: Date,
): Promise<void> {
  if (templates.length === 0) return;
  const today = todayUtc(now);
  await tx.db
    .insertInto('bookingRequiredActions')
    .values(
      templates.map((template, position) => ({
        id: newId(),
        agencyId: tx.agencyId,
        bookingId: booking.id,
        position,
        code: template.code,
        kind: template.kind,
        title: json(template.title),
        instructions: json(template.instructions),
        dueDate: dueDateOf(template, booking.startDate, today),
      })),
    )
    .execute();
  await recountOpenActions(tx, booking.id);
}

async function recountOpenActions(tx: Ctx, bookingId: string): Promise<number> {
  const row = await tx.db
    .updateTable('bookings')
    .set({
      openActions: sql<number>`(select count(*) from booking_required_actions a
        where a.agency_id = bookings.agency_id and a.booking_id = bookings.id
          and a.done_at is null)::int`,
    })
    .where('agencyId', '=', tx.agencyId)
    .where('id', '=', bookingId)
    .returning('openActions')
    .executeTakeFirstOrThrow();
  return row.openActions;
}

/**
 * Moves the deadlines of a booking's open actions with its departure (a change of dates):
 * "30 days before departure" stays 30 days before the new one, but never before today.
 */
export async function moveActionDeadlines(
  tx: Ctx,
  bookingId: string,
  oldStart: CalendarDate,
  newStart: CalendarDate,
  now: Date,
): Promise<void> {
  const shift = daysBetween(oldStart, newStart);
  if (shift === 0) return;
  const today = todayUtc(now);
  const open = await tx.db
    .selectFrom('bookingRequiredActions')
    .select(['id', 'dueDate'])
    .where('agencyId', '=', tx.agencyId)
    .where('bookingId', '=', bookingId)
    .where('doneAt', 'is', null)
    .where('dueDate', 'is not', null)
    .execute();
  for (const action of open) {
    const moved = addDays(action.dueDate as CalendarDate, shift);
    await tx.db
      .updateTable('bookingRequiredActions')
      // biome-ignore lint/complexity/useMathMinMax: the dates are YYYY-MM-DD strings, not numbers
      .set({ dueDate: moved < today ? today : moved, remindedAt: null })
      .where('agencyId', '=', tx.agencyId)
      .where('id', '=', action.id)
      .execute();
  }
}

export function requiredActionsOf(ctx: Ctx, bookingId: string) {
  return ctx.db
    .selectFrom('bookingRequiredActions')
    .selectAll()
    .where('agencyId', '=', ctx.agencyId)
    .where('bookingId', '=', bookingId)
    .orderBy('position')
    .execute();
}

type ActionRow = Awaited<ReturnType<typeof requiredActionsOf>>[number];

/** A text in the reader's language, else English, else any language given. */
export function inLanguage(text: Record<string, string | undefined>, locale: string): string {
  return text[locale] ?? text.en ?? Object.values(text).find(Boolean) ?? '';
}

export function presentAction(row: ActionRow, locale: string, today: string) {
  return {
    id: row.id,
    code: row.code,
    kind: row.kind,
    title: inLanguage(row.title, locale),
    instructions: inLanguage(row.instructions, locale),
    texts: { title: row.title, instructions: row.instructions },
    dueDate: row.dueDate,
    overdue: row.doneAt === null && row.dueDate !== null && row.dueDate < today,
    done: row.doneAt
      ? { at: new Date(row.doneAt).toISOString(), by: row.doneByName, note: row.note }
      : null,
  };
}

/**
 * Marks one required action done (or, with `done: false`, open again: marked by mistake).
 * Marking an action already in that state is a 409, so two people clicking at once learn
 * that the other was first.
 */
export async function setActionDone(
  ctx: Ctx,
  bookingId: string,
  actionId: string,
  change: { done: boolean; note?: string | null },
  now: Date = new Date(),
) {
  return inTransaction(ctx, async (tx) => {
    const booking = await tx.db
      .selectFrom('bookings')
      .select(['id', 'number'])
      .where('agencyId', '=', tx.agencyId)
      .where('id', '=', bookingId)
      .forUpdate()
      .executeTakeFirst();
    if (!booking) throw new NotFound('booking', bookingId);
    const action = await tx.db
      .selectFrom('bookingRequiredActions')
      .selectAll()
      .where('agencyId', '=', tx.agencyId)
      .where('bookingId', '=', bookingId)
      .where('id', '=', actionId)
      .executeTakeFirst();
    if (!action) throw new NotFound('required action', actionId);
    if ((action.doneAt !== null) === change.done) {
      throw new Conflict(
        change.done
          ? `the required action was marked done already by ${action.doneByName}`
          : 'the required action is not done',
      );
    }
    await tx.db
      .updateTable('bookingRequiredActions')
      .set(
        change.done
          ? {
              doneAt: now,
              doneBy: tx.actor.userId,
              doneByName: tx.actor.name,
              note: change.note ?? null,
            }
          : { doneAt: null, doneBy: null, doneByName: null, note: change.note ?? null },
      )
      .where('agencyId', '=', tx.agencyId)
      .where('id', '=', actionId)
      .execute();
    const open = await recountOpenActions(tx, bookingId);
    await tx.db
      .updateTable('bookings')
      .set({ updatedAt: now })
      .where('agencyId', '=', tx.agencyId)
      .where('id', '=', bookingId)
      .execute();
    await recordAudit(tx, {
      action: change.done ? 'booking.action_done' : 'booking.action_reopened',
      entityType: 'booking',
      entityId: bookingId,
      before: { action: action.code, done: !change.done },
      after: { action: action.code, done: change.done, note: change.note ?? null, open },
    });
  });
}
