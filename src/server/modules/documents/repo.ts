// SQL of the documents module: the agency's template row and the bookings' voucher codes.
import type { Kysely } from 'kysely';
import type { Ctx } from '../../context.ts';
import { json } from '../../db/json.ts';
import type { DB, LocalizedText } from '../../db/schema.ts';

export function templateRowOf(ctx: Ctx) {
  return ctx.db
    .selectFrom('documentTemplates')
    .selectAll()
    .where('agencyId', '=', ctx.agencyId)
    .executeTakeFirst();
}

export type TemplateRow = NonNullable<Awaited<ReturnType<typeof templateRowOf>>>;

export function agencyNameOf(ctx: Ctx) {
  return ctx.db
    .selectFrom('agencies')
    .select(['name', 'paymentTerms'])
    .where('id', '=', ctx.agencyId)
    .executeTakeFirstOrThrow();
}

export interface TemplateTexts {
  displayName: string | null;
  addressLines: string[];
  contactLines: string[];
  emergencyPhone: string | null;
  primaryColor: string;
  accentColor: string;
  footer: LocalizedText;
}

/** Writes the texts and colours, keeping the logo (insert or update: one row per agency). */
export async function saveTemplateTexts(ctx: Ctx, texts: TemplateTexts, now: Date) {
  const values = {
    displayName: texts.displayName,
    addressLines: json(texts.addressLines),
    contactLines: json(texts.contactLines),
    emergencyPhone: texts.emergencyPhone,
    primaryColor: texts.primaryColor,
    accentColor: texts.accentColor,
    footer: json(texts.footer),
    updatedAt: now,
  };
  await ctx.db
    .insertInto('documentTemplates')
    .values({ agencyId: ctx.agencyId, logo: null, logoType: null, ...values })
    .onConflict((oc) => oc.column('agencyId').doUpdateSet(values))
    .execute();
}

/** Sets or removes the logo, keeping the rest (a new row takes the defaults). */
export async function saveLogo(
  ctx: Ctx,
  logo: { bytes: Buffer; type: 'image/png' | 'image/jpeg' } | null,
  now: Date,
) {
  const values = { logo: logo?.bytes ?? null, logoType: logo?.type ?? null, updatedAt: now };
  await ctx.db
    .insertInto('documentTemplates')
    .values({
      agencyId: ctx.agencyId,
      displayName: null,
      addressLines: json([]),
      contactLines: json([]),
      emergencyPhone: null,
      footer: json({}),
      ...values,
    })
    .onConflict((oc) => oc.column('agencyId').doUpdateSet(values))
    .execute();
}

export async function voucherCodeOf(ctx: Ctx, bookingId: string): Promise<string | null> {
  const row = await ctx.db
    .selectFrom('bookings')
    .select('voucherCode')
    .where('agencyId', '=', ctx.agencyId)
    .where('id', '=', bookingId)
    .executeTakeFirst();
  return row?.voucherCode ?? null;
}

/** Sets the code unless one is there already; answers the code the booking keeps. */
export async function claimVoucherCode(ctx: Ctx, bookingId: string, code: string) {
  const set = await ctx.db
    .updateTable('bookings')
    .set({ voucherCode: code })
    .where('agencyId', '=', ctx.agencyId)
    .where('id', '=', bookingId)
    .where('voucherCode', 'is', null)
    .returning('voucherCode')
    .executeTakeFirst();
  return set?.voucherCode ?? voucherCodeOf(ctx, bookingId);
}

/** The booking a public voucher code opens, across agencies (the code is the secret). */
export function bookingOfVoucherCode(db: Kysely<DB>, code: string) {
  return db
    .selectFrom('bookings')
    .select(['id', 'agencyId'])
    .where('voucherCode', '=', code)
    .executeTakeFirst();
}

/** The booking's invoices and credit notes, oldest first. */
export async function invoiceIdsOf(ctx: Ctx, bookingId: string): Promise<string[]> {
  const rows = await ctx.db
    .selectFrom('invoices')
    .select(['id'])
    .where('agencyId', '=', ctx.agencyId)
    .where('bookingId', '=', bookingId)
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}
