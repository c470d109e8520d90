// The agency's own settings an admin may change: for now its base currency (the currency of
// its books, its default price lists and quotes). A new agency starts in EUR; the currency
// can change only while no money has been recorded in the old one, since every amount
// stored is in the currency it was recorded in and would otherwise be read in the new one.
import { type Ctx, inTransaction } from '../../context.ts';
import type { DB } from '../../db/schema.ts';
import { Conflict, Invalid, NotFound } from '../../errors.ts';
import { isCurrency } from '../pricing/money.ts';
import { recordAudit } from './audit.ts';
import { presentAgency } from './present.ts';
import type { PublicAgency } from './types.ts';

export interface AgencySettingsChange {
  baseCurrency?: string;
}

/** Where money is recorded, and what to call it in a refusal. */
const moneyTables: ReadonlyArray<readonly [keyof DB & string, string]> = [
  ['quotes', 'quotes'],
  ['bookings', 'bookings'],
  ['payments', 'payments'],
  ['invoices', 'invoices or credit notes'],
  ['priceLists', 'price lists'],
  ['supplierInvoices', 'supplier invoices'],
];

/** What is already recorded in `currency`, as "3 bookings, 1 price lists"; empty: nothing. */
async function moneyIn(ctx: Ctx, currency: string): Promise<string[]> {
  const found: string[] = [];
  for (const [table, label] of moneyTables) {
    const row = await ctx.db
      .selectFrom(table as 'bookings')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('agencyId', '=', ctx.agencyId)
      .where('currency', '=', currency)
      .executeTakeFirstOrThrow();
    const count = Number(row.count);
    if (count > 0) found.push(`${count} ${label}`);
  }
  return found;
}

export async function getAgencySettings(ctx: Ctx): Promise<PublicAgency> {
  const agency = await ctx.db
    .selectFrom('agencies')
    .selectAll()
    .where('id', '=', ctx.agencyId)
    .executeTakeFirst();
  if (!agency) throw new NotFound('agency', ctx.agencyId);
  return presentAgency(agency);
}

/**
 * Changes the agency's settings. A base currency must be an ISO 4217 code, and is refused
 * with a conflict once quotes, bookings, payments, invoices or price lists exist in the
 * current one.
 */
export async function updateAgencySettings(
  ctx: Ctx,
  change: AgencySettingsChange,
): Promise<PublicAgency> {
  const wanted = change.baseCurrency?.trim().toUpperCase();
  if (wanted !== undefined && !isCurrency(wanted)) {
    throw Invalid.field('/baseCurrency', `${change.baseCurrency} is not an ISO 4217 currency code`);
  }
  return inTransaction(ctx, async (tx) => {
    // The agency row locked: two admins changing it at once take turns.
    const agency = await tx.db
      .selectFrom('agencies')
      .selectAll()
      .where('id', '=', tx.agencyId)
      .forUpdate()
      .executeTakeFirst();
    if (!agency) throw new NotFound('agency', tx.agencyId);
    const current = agency.baseCurrency.trim();
    if (wanted === undefined || wanted === current) return presentAgency(agency);
    const recorded = await moneyIn(tx, current);
    if (recorded.length > 0) {
      throw new Conflict(
        `the base currency stays ${current}: ${recorded.join(', ')} are recorded in it`,
        [{ path: '/baseCurrency', message: `money is already recorded in ${current}` }],
      );
    }
    const updated = await tx.db
      .updateTable('agencies')
      .set({ baseCurrency: wanted })
      .where('id', '=', tx.agencyId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      action: 'agency.base_currency.set',
      entityType: 'agency',
      entityId: tx.agencyId,
      before: { baseCurrency: current },
      after: { baseCurrency: wanted },
    });
    return presentAgency(updated);
  });
}
