// Promo code use cases: codes customers type to get a `promo_code` rule, with a validity
// window and an optional number of uses. Codes are stored upper-case and found whatever the
// case typed; a use is counted by one conditional write, so the last use goes to one booking.
import { type Ctx, inTransaction } from '../../context.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { newId } from '../../db/ids.ts';
import { Conflict, Invalid, NotFound } from '../../errors.ts';
import { decodeCursor, toPage } from '../../http/pagination.ts';
import { type ArchivedFilter, lifecycle } from '../catalog/common.ts';
import { throwIfAny } from '../catalog/transport-rules.ts';
import { recordAudit } from '../identity/audit.ts';
import { promoProblems } from './price-rule-checks.ts';
import type { PromoCodeRow } from './price-rules-repo.ts';
import * as repo from './price-rules-repo.ts';
import type { PromoCode } from './types.ts';

export interface PromoCodeInput {
  code: string;
  ruleId: string;
  validFrom?: string | null;
  validTo?: string | null;
  maxUses?: number | null;
}

export type UpdatePromoCodeInput = Partial<Omit<PromoCodeInput, 'code'>>;

export interface PromoCodeQuery {
  limit: number;
  cursor?: string;
  ruleId?: string;
  archived?: ArchivedFilter;
}

function toPromoCode(row: PromoCodeRow): PromoCode {
  return {
    code: row.code,
    ruleId: row.ruleId,
    validFrom: row.validFrom,
    validTo: row.validTo,
    maxUses: row.maxUses,
    used: row.used,
  };
}

function presentPromo(row: PromoCodeRow) {
  return { id: row.id, ...toPromoCode(row), ...lifecycle(row) };
}

export type PromoCodeView = ReturnType<typeof presentPromo>;

/** A code's rule must be one of the agency's `promo_code` rules. */
async function checkRule(ctx: Ctx, ruleId: string): Promise<void> {
  const rule = await repo.findRule(ctx.db, ctx.agencyId, ruleId);
  if (!rule) throw Invalid.field('/ruleId', 'is not a price rule of this agency');
  if (rule.kind !== 'promo_code') {
    throw Invalid.field('/ruleId', `is a ${rule.kind} rule; a promo code needs a promo_code rule`);
  }
}

async function audit(
  ctx: Ctx,
  action: string,
  before: PromoCodeRow | undefined,
  after: PromoCodeRow,
) {
  await recordAudit(ctx, {
    action: `pricing.promo_code.${action}`,
    entityType: 'promo_code',
    entityId: after.id,
    before: before && presentPromo(before),
    after: presentPromo(after),
  });
  return presentPromo(after);
}

export async function listPromoCodes(ctx: Ctx, query: PromoCodeQuery) {
  const rows = await repo.listPromos(ctx.db, ctx.agencyId, {
    ruleId: query.ruleId,
    archived: query.archived ?? 'false',
    before: decodeCursor(query.cursor),
    limit: query.limit,
  });
  const page = toPage(rows, query.limit);
  return { items: page.items.map(presentPromo), nextCursor: page.nextCursor };
}

/** One code, archived or not, whatever its case. */
export async function getPromoCode(ctx: Ctx, code: string): Promise<PromoCodeView> {
  const row = await repo.findPromo(ctx.db, ctx.agencyId, { code });
  if (!row) throw new NotFound('promo code', code);
  return presentPromo(row);
}

export async function createPromoCode(ctx: Ctx, input: PromoCodeInput): Promise<PromoCodeView> {
  const code = input.code.trim().toUpperCase();
  const promo = {
    code,
    ruleId: input.ruleId,
    validFrom: input.validFrom ?? null,
    validTo: input.validTo ?? null,
    maxUses: input.maxUses ?? null,
  };
  throwIfAny(promoProblems(promo));
  return inTransaction(ctx, async (tx) => {
    await checkRule(tx, promo.ruleId);
    const row = await repo
      .insertPromo(tx.db, { id: newId(), agencyId: tx.agencyId, ...promo })
      .catch((error: unknown) => {
        if (!isUniqueViolation(error)) throw error;
        throw new Conflict(`promo code ${code} already exists in this agency`, [
          { path: '/code', message: 'is already used by another promo code (codes ignore case)' },
        ]);
      });
    return audit(tx, 'created', undefined, row);
  });
}

/**
 * Changes a code's rule, window or number of uses. The code row is locked, so a use counted
 * at the same moment cannot slip under a lowered `maxUses`.
 */
export async function updatePromoCode(
  ctx: Ctx,
  code: string,
  input: UpdatePromoCodeInput,
): Promise<PromoCodeView> {
  return inTransaction(ctx, async (tx) => {
    const before = await repo.findPromo(tx.db, tx.agencyId, { code }, { lock: true });
    if (!before) throw new NotFound('promo code', code);
    const given = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    const next = { ...toPromoCode(before), ...given };
    throwIfAny(promoProblems(next));
    if (next.maxUses !== null && next.maxUses < before.used) {
      throw new Conflict(`promo code ${before.code} has been used ${before.used} times`, [
        { path: '/maxUses', message: `cannot be below the ${before.used} uses already made` },
      ]);
    }
    if (input.ruleId !== undefined) await checkRule(tx, input.ruleId);
    const after = await repo.updatePromo(tx.db, tx.agencyId, before.id, {
      ruleId: next.ruleId,
      validFrom: next.validFrom,
      validTo: next.validTo,
      maxUses: next.maxUses,
    });
    return audit(tx, 'updated', before, after);
  });
}

/** Archives (true) or restores (false) a code: an archived code is unknown to quotes. */
export async function setPromoCodeArchived(
  ctx: Ctx,
  id: string,
  archived: boolean,
): Promise<PromoCodeView> {
  return inTransaction(ctx, async (tx) => {
    const before = await repo.findPromo(tx.db, tx.agencyId, { id }, { lock: true });
    if (!before) throw new NotFound('promo code', id);
    if ((before.archivedAt !== null) === archived) return presentPromo(before);
    const after = await repo.updatePromo(tx.db, tx.agencyId, id, {
      archivedAt: archived ? new Date() : null,
    });
    return audit(tx, archived ? 'archived' : 'restored', before, after);
  });
}

/** An active code, whatever the case typed; undefined when there is none. */
export async function findPromoCode(ctx: Ctx, code: string): Promise<PromoCode | undefined> {
  const row = await repo.findPromo(ctx.db, ctx.agencyId, { code });
  return row && row.archivedAt === null ? toPromoCode(row) : undefined;
}

/**
 * Counts one use of a code (inside the caller's transaction, e.g. the booking's). A code
 * used up, unknown or archived is refused, naming `/promoCode`.
 */
export async function redeemPromoCode(ctx: Ctx, code: string): Promise<PromoCode> {
  return inTransaction(ctx, async (tx) => {
    const after = await repo.redeemPromo(tx.db, tx.agencyId, code);
    if (!after) {
      const found = await repo.findPromo(tx.db, tx.agencyId, { code });
      const shown = code.trim().toUpperCase();
      if (!found) throw Invalid.field('/promoCode', `${shown} is not a promo code of this agency`);
      if (found.archivedAt !== null) {
        throw new Conflict(`promo code ${shown} is no longer offered`, [
          { path: '/promoCode', message: `${shown} is no longer offered` },
        ]);
      }
      throw new Conflict(`promo code ${shown} has been used up`, [
        { path: '/promoCode', message: `${shown} has been used up (${found.maxUses} uses)` },
      ]);
    }
    await recordAudit(tx, {
      action: 'pricing.promo_code.redeemed',
      entityType: 'promo_code',
      entityId: after.id,
      before: { used: after.used - 1 },
      after: { used: after.used },
    });
    return toPromoCode(after);
  });
}

/**
 * Gives back the use a booking counted (its cancellation, or a change that no longer gets the
 * code), inside the caller's transaction. The count never goes below zero; a code deleted or
 * already at zero is left alone. Returns the code as it is now, or undefined.
 */
export async function releasePromoCode(ctx: Ctx, code: string): Promise<PromoCode | undefined> {
  return inTransaction(ctx, async (tx) => {
    const after = await repo.releasePromo(tx.db, tx.agencyId, code);
    if (!after) return undefined;
    await recordAudit(tx, {
      action: 'pricing.promo_code.released',
      entityType: 'promo_code',
      entityId: after.id,
      before: { used: after.used + 1 },
      after: { used: after.used },
    });
    return toPromoCode(after);
  });
}
