// Offer use cases: create, change, read, list, archive; and, for bookings, which offer a new
// booking falls under and the required actions it copies from it.

import type { Selectable } from 'kysely';
import type { Ctx } from '../../context.ts';
import { inTransaction } from '../../context.ts';
import { newId } from '../../db/ids.ts';
import { json } from '../../db/json.ts';
import type { OffersTable } from '../../db/schema.ts';
import { Conflict, Invalid, NotFound } from '../../errors.ts';
import { decodeCursor, toPage } from '../../http/pagination.ts';
import { productKindsOf } from '../catalog/lookup.ts';
import { throwIfAny } from '../catalog/transport-rules.ts';
import { recordAudit } from '../identity/audit.ts';
import { findActiveUsers } from '../identity/repo.ts';
import { offerProblems } from './rules.ts';
import type { OfferChange, OfferInput, OfferQuery } from './types.ts';

type OfferRow = Selectable<OffersTable>;

export function presentOffer(row: OfferRow) {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    partner: row.partner,
    partnerUserId: row.partnerUserId,
    productKind: row.productKind,
    productId: row.productId,
    channels: row.channels,
    variants: row.variants,
    requiredActions: row.requiredActions,
    archived: row.archivedAt !== null,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}
export type OfferView = ReturnType<typeof presentOffer>;

function findOffer(ctx: Ctx, id: string, lock = false) {
  let query = ctx.db
    .selectFrom('offers')
    .selectAll()
    .where('agencyId', '=', ctx.agencyId)
    .where('id', '=', id);
  if (lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** The database checks of an offer: its product and partner user belong to the agency. */
async function checked(ctx: Ctx, offer: OfferInput) {
  throwIfAny(offerProblems(offer));
  let productKind: string | null = null;
  if (offer.productId) {
    const kind = (await productKindsOf(ctx, [offer.productId])).get(offer.productId);
    if (!kind) throw Invalid.field('/productId', 'is not a product of this agency');
    productKind = kind;
  }
  if (offer.partnerUserId) {
    const [user] = await findActiveUsers(ctx.db, ctx.agencyId, [offer.partnerUserId]);
    if (user?.role !== 'partner') {
      throw Invalid.field('/partnerUserId', 'is not an active partner user of this agency');
    }
  }
  return {
    code: offer.code.trim(),
    name: offer.name.trim(),
    partner: offer.partner?.trim() || null,
    partnerUserId: offer.partnerUserId ?? null,
    productKind,
    productId: offer.productId ?? null,
    channels: json(offer.channels ?? []),
    variants: json(offer.variants ?? []),
    requiredActions: json(offer.requiredActions ?? []),
  };
}

async function codeTaken(ctx: Ctx, code: string, exceptId?: string): Promise<boolean> {
  let query = ctx.db
    .selectFrom('offers')
    .select('id')
    .where('agencyId', '=', ctx.agencyId)
    .where('code', '=', code.trim());
  if (exceptId) query = query.where('id', '<>', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

function duplicateCode(code: string) {
  return new Conflict(`an offer with code ${code} exists`, [
    { path: '/code', message: 'is taken by another offer' },
  ]);
}

export async function createOffer(ctx: Ctx, input: OfferInput): Promise<OfferView> {
  return inTransaction(ctx, async (tx) => {
    const values = await checked(tx, input);
    if (await codeTaken(tx, input.code)) throw duplicateCode(input.code);
    const id = newId();
    const now = new Date();
    await tx.db
      .insertInto('offers')
      .values({ id, agencyId: tx.agencyId, ...values, createdAt: now, updatedAt: now })
      .execute();
    const after = presentOffer((await findOffer(tx, id)) as OfferRow);
    await recordAudit(tx, {
      action: 'offers.offer.created',
      entityType: 'offer',
      entityId: id,
      after,
    });
    return after;
  });
}

export async function updateOffer(ctx: Ctx, id: string, change: OfferChange): Promise<OfferView> {
  return inTransaction(ctx, async (tx) => {
    const stored = await findOffer(tx, id, true);
    if (!stored) throw new NotFound('offer', id);
    const before = presentOffer(stored);
    const merged: OfferInput = {
      code: change.code ?? stored.code,
      name: change.name ?? stored.name,
      partner: change.partner === undefined ? stored.partner : change.partner,
      partnerUserId:
        change.partnerUserId === undefined ? stored.partnerUserId : change.partnerUserId,
      productId: change.productId === undefined ? stored.productId : change.productId,
      channels: change.channels ?? (stored.channels as OfferInput['channels']),
      variants: change.variants ?? stored.variants,
      requiredActions: change.requiredActions ?? stored.requiredActions,
    };
    const values = await checked(tx, merged);
    if (await codeTaken(tx, merged.code, id)) throw duplicateCode(merged.code);
    await tx.db
      .updateTable('offers')
      .set({ ...values, updatedAt: new Date() })
      .where('agencyId', '=', tx.agencyId)
      .where('id', '=', id)
      .execute();
    const after = presentOffer((await findOffer(tx, id)) as OfferRow);
    await recordAudit(tx, {
      action: 'offers.offer.updated',
      entityType: 'offer',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

export async function getOffer(ctx: Ctx, id: string): Promise<OfferView> {
  const row = await findOffer(ctx, id);
  if (!row) throw new NotFound('offer', id);
  return presentOffer(row);
}

export async function listOffers(ctx: Ctx, query: OfferQuery) {
  const after = decodeCursor(query.cursor);
  let select = ctx.db
    .selectFrom('offers')
    .selectAll()
    .where('agencyId', '=', ctx.agencyId)
    .orderBy('id', 'desc')
    .limit(query.limit + 1);
  if (after) select = select.where('id', '<', after);
  if (query.productId) select = select.where('productId', '=', query.productId);
  const archived = query.archived ?? 'false';
  if (archived === 'false') select = select.where('archivedAt', 'is', null);
  if (archived === 'true') select = select.where('archivedAt', 'is not', null);
  const page = toPage(await select.execute(), query.limit);
  return { items: page.items.map(presentOffer), nextCursor: page.nextCursor };
}

export async function setOfferArchived(ctx: Ctx, id: string, archived: boolean) {
  return inTransaction(ctx, async (tx) => {
    const stored = await findOffer(tx, id, true);
    if (!stored) throw new NotFound('offer', id);
    const before = presentOffer(stored);
    if (before.archived === archived) return before;
    await tx.db
      .updateTable('offers')
      .set({ archivedAt: archived ? new Date() : null, updatedAt: new Date() })
      .where('agencyId', '=', tx.agencyId)
      .where('id', '=', id)
      .execute();
    const after = presentOffer((await findOffer(tx, id)) as OfferRow);
    await recordAudit(tx, {
      action: archived ? 'offers.offer.archived' : 'offers.offer.restored',
      entityType: 'offer',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

/**
 * The offer a new booking falls under: the one it names (which must sell this product and
 * have the variant named), or else the product's active offer for the booking's channel
 * (the portal offer that asks every web booking for passport details). Null when none.
 */
export async function offerForBooking(
  ctx: Ctx,
  ask: { offerId?: string | null; variantId?: string | null; productId: string; channel: string },
): Promise<OfferRow | null> {
  if (ask.offerId) {
    const offer = await findOffer(ctx, ask.offerId);
    if (!offer || offer.archivedAt) throw Invalid.field('/offerId', 'is not an active offer');
    if (offer.productId && offer.productId !== ask.productId) {
      throw Invalid.field('/offerId', 'sells another product than the quote’s');
    }
    if (ask.variantId && !offer.variants.some((v) => v.code === ask.variantId)) {
      throw Invalid.field('/variantId', `is not a variant of offer ${offer.code}`);
    }
    return offer;
  }
  if (ask.variantId) throw Invalid.field('/variantId', 'needs the offerId it is a variant of');
  const candidates = await ctx.db
    .selectFrom('offers')
    .selectAll()
    .where('agencyId', '=', ctx.agencyId)
    .where('productId', '=', ask.productId)
    .where('archivedAt', 'is', null)
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
  return candidates.find((offer) => offer.channels.includes(ask.channel)) ?? null;
}
