// Discount and surcharge rule use cases (early booking, last minute, promo codes, packages,
// buy-one-get-one, non-refundable rates, minimum advance), and the loader the quote engine
// reads them through. Promo codes are in promo-codes-service.ts, fees in channel-fees-service.ts.
import { type Ctx, inTransaction } from '../../context.ts';
import { newId } from '../../db/ids.ts';
import { type FieldError, NotFound } from '../../errors.ts';
import { decodeCursor, toPage } from '../../http/pagination.ts';
import { type ArchivedFilter, lifecycle } from '../catalog/common.ts';
import { productKindsOf } from '../catalog/lookup.ts';
import { throwIfAny } from '../catalog/transport-rules.ts';
import { recordAudit } from '../identity/audit.ts';
import { canonicalDecimalOrNull } from './decimal-text.ts';
import { type PriceRuleFields, ruleProblems } from './price-rule-checks.ts';
import type { PriceRuleRow } from './price-rules-repo.ts';
import * as repo from './price-rules-repo.ts';
import type { PriceRule, RuleKind } from './types.ts';

export interface PriceRuleInput {
  name: string;
  kind: RuleKind;
  productIds?: string[];
  bookedFrom?: string | null;
  bookedTo?: string | null;
  travelFrom?: string | null;
  travelTo?: string | null;
  minDaysBefore?: number | null;
  maxDaysBefore?: number | null;
  percent?: string | null;
  amount?: number | null;
  amountPer?: 'person' | 'booking' | null;
  currency?: string | null;
  bundleServiceIds?: string[];
  bundleTransport?: boolean;
  buy?: number | null;
  get?: number | null;
  priority?: number;
  stackable?: boolean;
}

/** The kind of a rule is what it is: to change it, archive the rule and create another. */
export type UpdatePriceRuleInput = Partial<Omit<PriceRuleInput, 'kind'>>;

export interface PriceRuleQuery {
  limit: number;
  cursor?: string;
  kind?: RuleKind;
  productId?: string;
  archived?: ArchivedFilter;
}

function normalizeRule(input: PriceRuleInput): PriceRuleFields {
  return {
    name: input.name.trim(),
    kind: input.kind,
    productIds: input.productIds ?? [],
    bookedFrom: input.bookedFrom ?? null,
    bookedTo: input.bookedTo ?? null,
    travelFrom: input.travelFrom ?? null,
    travelTo: input.travelTo ?? null,
    minDaysBefore: input.minDaysBefore ?? null,
    maxDaysBefore: input.maxDaysBefore ?? null,
    percent: canonicalDecimalOrNull(input.percent),
    amount: input.amount ?? null,
    amountPer: input.amountPer ?? null,
    currency: input.currency ?? null,
    bundleServiceIds: input.bundleServiceIds ?? [],
    bundleTransport: input.bundleTransport ?? false,
    buy: input.buy ?? null,
    get: input.get ?? null,
    priority: input.priority ?? 0,
    stackable: input.stackable ?? false,
  };
}

function toRule({
  archivedAt: _a,
  createdAt: _c,
  updatedAt: _u,
  ...rule
}: PriceRuleRow): PriceRule {
  return rule;
}

function presentRule(row: PriceRuleRow) {
  return { ...toRule(row), ...lifecycle(row) };
}

export type PriceRuleView = ReturnType<typeof presentRule>;

/** Products the rule is for, and services a package bundles, must be the agency's own. */
async function scopeProblems(ctx: Ctx, rule: PriceRuleFields): Promise<FieldError[]> {
  const kinds = await productKindsOf(ctx, [...rule.productIds, ...rule.bundleServiceIds]);
  const problems: FieldError[] = [];
  rule.productIds.forEach((id, index) => {
    if (!kinds.has(id)) {
      problems.push({ path: `/productIds/${index}`, message: 'is not a product of this agency' });
    }
  });
  rule.bundleServiceIds.forEach((id, index) => {
    if (kinds.get(id) !== 'extra_service') {
      problems.push({
        path: `/bundleServiceIds/${index}`,
        message: 'is not an extra service of this agency',
      });
    }
  });
  return problems;
}

async function loadRule(ctx: Ctx, id: string): Promise<PriceRuleRow> {
  const row = await repo.findRule(ctx.db, ctx.agencyId, id);
  if (!row) throw new NotFound('price rule', id);
  return row;
}

async function writeAudit(
  ctx: Ctx,
  id: string,
  action: string,
  before: PriceRuleView | undefined,
): Promise<PriceRuleView> {
  const after = presentRule(await loadRule(ctx, id));
  await recordAudit(ctx, {
    action: `pricing.price_rule.${action}`,
    entityType: 'price_rule',
    entityId: id,
    before,
    after,
  });
  return after;
}

export async function listPriceRules(ctx: Ctx, query: PriceRuleQuery) {
  const rows = await repo.listRules(ctx.db, ctx.agencyId, {
    kind: query.kind,
    productId: query.productId,
    archived: query.archived ?? 'false',
    before: decodeCursor(query.cursor),
    limit: query.limit,
  });
  const page = toPage(rows, query.limit);
  return { items: page.items.map(presentRule), nextCursor: page.nextCursor };
}

export async function getPriceRule(ctx: Ctx, id: string): Promise<PriceRuleView> {
  return presentRule(await loadRule(ctx, id));
}

export async function createPriceRule(ctx: Ctx, input: PriceRuleInput): Promise<PriceRuleView> {
  const rule = normalizeRule(input);
  throwIfAny(ruleProblems(rule));
  return inTransaction(ctx, async (tx) => {
    throwIfAny(await scopeProblems(tx, rule));
    const id = newId();
    await repo.insertRule(tx.db, { id, agencyId: tx.agencyId, ...rule });
    return writeAudit(tx, id, 'created', undefined);
  });
}

/** Changes a rule; the whole rule as changed must still be valid for its kind. */
export async function updatePriceRule(
  ctx: Ctx,
  id: string,
  input: UpdatePriceRuleInput,
): Promise<PriceRuleView> {
  return inTransaction(ctx, async (tx) => {
    const before = await loadRule(tx, id);
    const given = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    const rule = normalizeRule({ ...toRule(before), ...given });
    throwIfAny([...ruleProblems(rule), ...(await scopeProblems(tx, rule))]);
    await repo.updateRule(tx.db, tx.agencyId, id, rule);
    return writeAudit(tx, id, 'updated', presentRule(before));
  });
}

/** Archives (true) or restores (false) a rule: an archived rule no longer prices quotes. */
export async function setPriceRuleArchived(
  ctx: Ctx,
  id: string,
  archived: boolean,
): Promise<PriceRuleView> {
  return inTransaction(ctx, async (tx) => {
    const before = await loadRule(tx, id);
    if ((before.archivedAt !== null) === archived) return presentRule(before);
    await repo.updateRule(tx.db, tx.agencyId, id, { archivedAt: archived ? new Date() : null });
    return writeAudit(tx, id, archived ? 'archived' : 'restored', presentRule(before));
  });
}

/**
 * The active rules a quote of these products may use: those for every product (empty
 * `productIds`) and those naming one of them. One query.
 */
export async function loadRules(ctx: Ctx, productIds: string[]): Promise<PriceRule[]> {
  const rows = await repo.activeRulesFor(ctx.db, ctx.agencyId, productIds);
  return rows.map(toRule);
}
