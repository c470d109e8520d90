// SQL for discount and surcharge rules, their promo codes, and channel fees. Every query
// names its agency. Percentages are numeric columns read back as text.
import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import { json } from '../../db/json.ts';
import type { DB } from '../../db/schema.ts';
import type { ArchivedFilter } from '../catalog/common.ts';
import { canonicalDecimalOrNull } from './decimal-text.ts';
import type { Channel, ChannelFee, PriceRule, PromoCode, RuleKind } from './types.ts';

type Db = Kysely<DB>;
type Lifecycle = { archivedAt: Date | null; createdAt: Date; updatedAt: Date };

export type PriceRuleRow = PriceRule & Lifecycle;
export type PromoCodeRow = PromoCode & Lifecycle & { id: string };
export type ChannelFeeRow = ChannelFee & Lifecycle;

interface Page {
  archived: ArchivedFilter;
  before?: string;
  limit: number;
}

const ruleColumns = (eb: ExpressionBuilder<DB, 'priceRules'>) =>
  [
    'id',
    'name',
    'kind',
    'productIds',
    'bookedFrom',
    'bookedTo',
    'travelFrom',
    'travelTo',
    'minDaysBefore',
    'maxDaysBefore',
    eb.cast<string | null>('percent', 'text').as('percent'),
    'amount',
    'amountPer',
    'currency',
    'bundleServiceIds',
    'bundleTransport',
    'buy',
    'get',
    'priority',
    'stackable',
    'archivedAt',
    'createdAt',
    'updatedAt',
  ] as const;

const feeColumns = (eb: ExpressionBuilder<DB, 'channelFees'>) =>
  [
    'id',
    'name',
    'channel',
    'kind',
    eb.cast<string | null>('percent', 'text').as('percent'),
    'amount',
    'currency',
    'archivedAt',
    'createdAt',
    'updatedAt',
  ] as const;

const promoColumns = [
  'id',
  'code',
  'ruleId',
  'validFrom',
  'validTo',
  'maxUses',
  'used',
  'archivedAt',
  'createdAt',
  'updatedAt',
] as const;

function withPercent<T extends { percent: string | null }>(row: T): T {
  return { ...row, percent: canonicalDecimalOrNull(row.percent) };
}

const archivedFilter =
  (archived: ArchivedFilter) =>
  (eb: ExpressionBuilder<DB, 'priceRules' | 'promoCodes' | 'channelFees'>) =>
    archived === 'false'
      ? eb('archivedAt', 'is', null)
      : archived === 'true'
        ? eb('archivedAt', 'is not', null)
        : sql<boolean>`true`;

// --- rules --------------------------------------------------------------------------------

function ruleJson<T extends Partial<Omit<PriceRule, 'id'>>>(fields: T) {
  const { productIds, bundleServiceIds, ...plain } = fields;
  return {
    ...plain,
    ...(productIds === undefined ? {} : { productIds: json(productIds) }),
    ...(bundleServiceIds === undefined ? {} : { bundleServiceIds: json(bundleServiceIds) }),
  };
}

export async function findRule(db: Db, agencyId: string, id: string) {
  const row = await db
    .selectFrom('priceRules')
    .select(ruleColumns)
    .where('agencyId', '=', agencyId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && (withPercent(row) as PriceRuleRow);
}

export async function listRules(
  db: Db,
  agencyId: string,
  filter: Page & { kind?: RuleKind; productId?: string },
) {
  const rows = await db
    .selectFrom('priceRules')
    .select(ruleColumns)
    .where('agencyId', '=', agencyId)
    .where(archivedFilter(filter.archived))
    .$if(filter.kind !== undefined, (qb) => qb.where('kind', '=', filter.kind as RuleKind))
    .$if(filter.productId !== undefined, (qb) =>
      qb.where(sql<boolean>`${sql.ref('productIds')} @> ${json([filter.productId])}`),
    )
    .$if(filter.before !== undefined, (qb) => qb.where('id', '<', filter.before as string))
    .orderBy('id', 'desc')
    .limit(filter.limit + 1)
    .execute();
  return rows.map((row) => withPercent(row) as PriceRuleRow);
}

/** Active rules for every product (empty `productIds`) or for one of `productIds`. */
export async function activeRulesFor(db: Db, agencyId: string, productIds: readonly string[]) {
  const rows = await db
    .selectFrom('priceRules')
    .select(ruleColumns)
    .where('agencyId', '=', agencyId)
    .where('archivedAt', 'is', null)
    .where((eb) =>
      eb.or([
        eb(eb.fn('jsonb_array_length', [eb.ref('productIds')]), '=', 0),
        sql<boolean>`${sql.ref('productIds')} ?| array(select jsonb_array_elements_text(${json(productIds)}))`,
      ]),
    )
    .orderBy('id')
    .execute();
  return rows.map((row) => withPercent(row) as PriceRuleRow);
}

export async function insertRule(
  db: Db,
  row: Omit<PriceRule, 'id'> & { id: string; agencyId: string },
) {
  await db.insertInto('priceRules').values(ruleJson(row)).execute();
}

export async function updateRule(
  db: Db,
  agencyId: string,
  id: string,
  change: Partial<Omit<PriceRule, 'id'>> & { archivedAt?: Date | null },
) {
  await db
    .updateTable('priceRules')
    .set({ ...ruleJson(change), updatedAt: new Date() })
    .where('agencyId', '=', agencyId)
    .where('id', '=', id)
    .execute();
}

// --- promo codes --------------------------------------------------------------------------

/** A code by id, or by its text in any case; `lock` holds the row until the transaction ends. */
export function findPromo(
  db: Db,
  agencyId: string,
  by: { id: string } | { code: string },
  options: { lock?: boolean } = {},
) {
  return db
    .selectFrom('promoCodes')
    .select(promoColumns)
    .where('agencyId', '=', agencyId)
    .where((eb) =>
      'id' in by ? eb('id', '=', by.id) : eb('code', '=', by.code.trim().toUpperCase()),
    )
    .$if(options.lock === true, (qb) => qb.forUpdate())
    .executeTakeFirst() as Promise<PromoCodeRow | undefined>;
}

export function listPromos(db: Db, agencyId: string, filter: Page & { ruleId?: string }) {
  return db
    .selectFrom('promoCodes')
    .select(promoColumns)
    .where('agencyId', '=', agencyId)
    .where(archivedFilter(filter.archived))
    .$if(filter.ruleId !== undefined, (qb) => qb.where('ruleId', '=', filter.ruleId as string))
    .$if(filter.before !== undefined, (qb) => qb.where('id', '<', filter.before as string))
    .orderBy('id', 'desc')
    .limit(filter.limit + 1)
    .execute() as Promise<PromoCodeRow[]>;
}

export function insertPromo(
  db: Db,
  row: Omit<PromoCode, 'used'> & { id: string; agencyId: string },
) {
  return db
    .insertInto('promoCodes')
    .values(row)
    .returning(promoColumns)
    .executeTakeFirstOrThrow() as Promise<PromoCodeRow>;
}

export function updatePromo(
  db: Db,
  agencyId: string,
  id: string,
  change: Partial<Omit<PromoCode, 'code' | 'used'>> & { archivedAt?: Date | null },
) {
  return db
    .updateTable('promoCodes')
    .set({ ...change, updatedAt: new Date() })
    .where('agencyId', '=', agencyId)
    .where('id', '=', id)
    .returning(promoColumns)
    .executeTakeFirstOrThrow() as Promise<PromoCodeRow>;
}

/**
 * Counts one use of an active code, in one conditional write: two bookings racing for the
 * last use cannot both get it. Undefined when the code is unknown, archived or used up.
 */
export function redeemPromo(db: Db, agencyId: string, code: string) {
  return db
    .updateTable('promoCodes')
    .set((eb) => ({ used: eb('used', '+', 1), updatedAt: new Date() }))
    .where('agencyId', '=', agencyId)
    .where('code', '=', code.trim().toUpperCase())
    .where('archivedAt', 'is', null)
    .where((eb) => eb.or([eb('maxUses', 'is', null), eb('used', '<', eb.ref('maxUses'))]))
    .returning(promoColumns)
    .executeTakeFirst() as Promise<PromoCodeRow | undefined>;
}

/**
 * Gives one use of a code back (a cancelled booking's), archived or not, never below zero.
 * Undefined when the code is unknown or has no use to give back.
 */
export function releasePromo(db: Db, agencyId: string, code: string) {
  return db
    .updateTable('promoCodes')
    .set((eb) => ({ used: eb('used', '-', 1), updatedAt: new Date() }))
    .where('agencyId', '=', agencyId)
    .where('code', '=', code.trim().toUpperCase())
    .where('used', '>', 0)
    .returning(promoColumns)
    .executeTakeFirst() as Promise<PromoCodeRow | undefined>;
}

// --- channel fees -------------------------------------------------------------------------

export async function findFee(db: Db, agencyId: string, id: string) {
  const row = await db
    .selectFrom('channelFees')
    .select(feeColumns)
    .where('agencyId', '=', agencyId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && (withPercent(row) as ChannelFeeRow);
}

export async function listFees(db: Db, agencyId: string, filter: Page & { channel?: Channel }) {
  const rows = await db
    .selectFrom('channelFees')
    .select(feeColumns)
    .where('agencyId', '=', agencyId)
    .where(archivedFilter(filter.archived))
    .$if(filter.channel !== undefined, (qb) => qb.where('channel', '=', filter.channel as Channel))
    .$if(filter.before !== undefined, (qb) => qb.where('id', '<', filter.before as string))
    .orderBy('id', 'desc')
    .limit(filter.limit + 1)
    .execute();
  return rows.map((row) => withPercent(row) as ChannelFeeRow);
}

export async function activeFeesOf(db: Db, agencyId: string, channel: Channel) {
  const rows = await db
    .selectFrom('channelFees')
    .select(feeColumns)
    .where('agencyId', '=', agencyId)
    .where('channel', '=', channel)
    .where('archivedAt', 'is', null)
    .orderBy('id')
    .execute();
  return rows.map((row) => withPercent(row) as ChannelFeeRow);
}

export async function insertFee(db: Db, row: ChannelFee & { agencyId: string }) {
  await db.insertInto('channelFees').values(row).execute();
}

export async function updateFee(
  db: Db,
  agencyId: string,
  id: string,
  change: Partial<Omit<ChannelFee, 'id'>> & { archivedAt?: Date | null },
) {
  await db
    .updateTable('channelFees')
    .set({ ...change, updatedAt: new Date() })
    .where('agencyId', '=', agencyId)
    .where('id', '=', id)
    .execute();
}
