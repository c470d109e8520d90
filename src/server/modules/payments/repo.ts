// SQL of payments: a booking's payments and plan, the net money received, the agency's terms.
import { sql } from 'kysely';
import type { Ctx } from '../../context.ts';
import { newId } from '../../db/ids.ts';
import { json } from '../../db/json.ts';
import { defaultPaymentTerms, type Instalment, type PaymentTerms } from './types.ts';

/** Succeeded payments less succeeded refunds of the booking, in its minor units. */
export async function paidNetOf(ctx: Ctx, bookingId: string): Promise<number> {
  const row = await ctx.db
    .selectFrom('payments')
    .select(
      sql<string | number | null>`sum(case when kind = 'payment' then amount else -amount end)`.as(
        'net',
      ),
    )
    .where('agencyId', '=', ctx.agencyId)
    .where('bookingId', '=', bookingId)
    .where('status', '=', 'succeeded')
    .executeTakeFirst();
  return Number(row?.net ?? 0);
}

export function paymentsOf(ctx: Ctx, bookingId: string) {
  return ctx.db
    .selectFrom('payments')
    .selectAll()
    .where('agencyId', '=', ctx.agencyId)
    .where('bookingId', '=', bookingId)
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
}

export async function instalmentsOf(ctx: Ctx, bookingId: string): Promise<Instalment[]> {
  const rows = await ctx.db
    .selectFrom('paymentPlanInstalments')
    .select(['position', 'dueDate', 'amount', 'label'])
    .where('agencyId', '=', ctx.agencyId)
    .where('bookingId', '=', bookingId)
    .orderBy('position')
    .execute();
  return rows.map((r) => ({ ...r, amount: Number(r.amount) }) as Instalment);
}

/** Replaces the booking's plan (its instalments' reminders start afresh). */
export async function writeInstalments(
  ctx: Ctx,
  bookingId: string,
  instalments: readonly Instalment[],
): Promise<void> {
  await ctx.db
    .deleteFrom('paymentPlanInstalments')
    .where('agencyId', '=', ctx.agencyId)
    .where('bookingId', '=', bookingId)
    .execute();
  if (instalments.length === 0) return;
  await ctx.db
    .insertInto('paymentPlanInstalments')
    .values(
      instalments.map((i) => ({
        id: newId(),
        agencyId: ctx.agencyId,
        bookingId,
        position: i.position,
        dueDate: i.dueDate,
        amount: i.amount,
        label: i.label,
      })),
    )
    .execute();
}

export async function termsOf(ctx: Ctx): Promise<PaymentTerms> {
  const row = await ctx.db
    .selectFrom('agencies')
    .select('paymentTerms')
    .where('id', '=', ctx.agencyId)
    .executeTakeFirst();
  return { ...defaultPaymentTerms, ...(row?.paymentTerms ?? {}) };
}

export async function writeTerms(ctx: Ctx, terms: PaymentTerms): Promise<void> {
  await ctx.db
    .updateTable('agencies')
    .set({ paymentTerms: json(terms) })
    .where('id', '=', ctx.agencyId)
    .execute();
}
