// Channel fee use cases (P5): what a sales channel adds to a booking, a fee the customer pays
// or a commission the agency pays the channel, as a percent of the total or a flat amount.
import { type Ctx, inTransaction } from '../../context.ts';
import { newId } from '../../db/ids.ts';
import { NotFound } from '../../errors.ts';
import { decodeCursor, toPage } from '../../http/pagination.ts';
import { type ArchivedFilter, lifecycle } from '../catalog/common.ts';
import { throwIfAny } from '../catalog/transport-rules.ts';
import { recordAudit } from '../identity/audit.ts';
import { canonicalDecimalOrNull } from './decimal-text.ts';
import { type ChannelFeeFields, feeProblems } from './price-rule-checks.ts';
import type { ChannelFeeRow } from './price-rules-repo.ts';
import * as repo from './price-rules-repo.ts';
import type { Channel, ChannelFee } from './types.ts';

export interface ChannelFeeInput {
  name: string;
  channel: Channel;
  kind: 'fee' | 'commission';
  percent?: string | null;
  amount?: number | null;
  currency?: string | null;
}

export type UpdateChannelFeeInput = Partial<ChannelFeeInput>;

export interface ChannelFeeQuery {
  limit: number;
  cursor?: string;
  channel?: Channel;
  archived?: ArchivedFilter;
}

function normalizeFee(input: ChannelFeeInput): ChannelFeeFields {
  return {
    name: input.name.trim(),
    channel: input.channel,
    kind: input.kind,
    percent: canonicalDecimalOrNull(input.percent),
    amount: input.amount ?? null,
    currency: input.currency ?? null,
  };
}

function toFee({
  archivedAt: _a,
  createdAt: _c,
  updatedAt: _u,
  ...fee
}: ChannelFeeRow): ChannelFee {
  return fee;
}

function presentFee(row: ChannelFeeRow) {
  return { ...toFee(row), ...lifecycle(row) };
}

export type ChannelFeeView = ReturnType<typeof presentFee>;

async function loadFee(ctx: Ctx, id: string): Promise<ChannelFeeRow> {
  const row = await repo.findFee(ctx.db, ctx.agencyId, id);
  if (!row) throw new NotFound('channel fee', id);
  return row;
}

async function writeAudit(
  ctx: Ctx,
  id: string,
  action: string,
  before: ChannelFeeView | undefined,
): Promise<ChannelFeeView> {
  const after = presentFee(await loadFee(ctx, id));
  await recordAudit(ctx, {
    action: `pricing.channel_fee.${action}`,
    entityType: 'channel_fee',
    entityId: id,
    before,
    after,
  });
  return after;
}

export async function listChannelFees(ctx: Ctx, query: ChannelFeeQuery) {
  const rows = await repo.listFees(ctx.db, ctx.agencyId, {
    channel: query.channel,
    archived: query.archived ?? 'false',
    before: decodeCursor(query.cursor),
    limit: query.limit,
  });
  const page = toPage(rows, query.limit);
  return { items: page.items.map(presentFee), nextCursor: page.nextCursor };
}

export async function getChannelFee(ctx: Ctx, id: string): Promise<ChannelFeeView> {
  return presentFee(await loadFee(ctx, id));
}

export async function createChannelFee(ctx: Ctx, input: ChannelFeeInput): Promise<ChannelFeeView> {
  const fee = normalizeFee(input);
  throwIfAny(feeProblems(fee));
  return inTransaction(ctx, async (tx) => {
    const id = newId();
    await repo.insertFee(tx.db, { id, agencyId: tx.agencyId, ...fee });
    return writeAudit(tx, id, 'created', undefined);
  });
}

/** Changes a fee; the fee as changed must still be a percent or an amount in a currency. */
export async function updateChannelFee(
  ctx: Ctx,
  id: string,
  input: UpdateChannelFeeInput,
): Promise<ChannelFeeView> {
  return inTransaction(ctx, async (tx) => {
    const before = await loadFee(tx, id);
    const given = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    const fee = normalizeFee({ ...toFee(before), ...given });
    throwIfAny(feeProblems(fee));
    await repo.updateFee(tx.db, tx.agencyId, id, fee);
    return writeAudit(tx, id, 'updated', presentFee(before));
  });
}

/** Archives (true) or restores (false) a fee: an archived fee no longer applies to quotes. */
export async function setChannelFeeArchived(
  ctx: Ctx,
  id: string,
  archived: boolean,
): Promise<ChannelFeeView> {
  return inTransaction(ctx, async (tx) => {
    const before = await loadFee(tx, id);
    if ((before.archivedAt !== null) === archived) return presentFee(before);
    await repo.updateFee(tx.db, tx.agencyId, id, { archivedAt: archived ? new Date() : null });
    return writeAudit(tx, id, archived ? 'archived' : 'restored', presentFee(before));
  });
}

/** The active fees and commissions of a channel, for the quote engine. */
export async function loadChannelFees(ctx: Ctx, channel: Channel): Promise<ChannelFee[]> {
  const rows = await repo.activeFeesOf(ctx.db, ctx.agencyId, channel);
  return rows.map(toFee);
}
