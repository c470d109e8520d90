// Exchange rates of an agency: imported (ECB reference rates) or entered, looked up for a
// date. A conversion uses the latest rate on or before the date, directly, inverted, or
// crossed through the euro (CZK→PLN = EUR→PLN ÷ EUR→CZK), as exact decimals.
import Decimal from 'decimal.js';
import { type Insertable, sql } from 'kysely';
import type { CalendarDate } from '../../calendar.ts';
import { type Ctx, inTransaction } from '../../context.ts';
import type { ExchangeRatesTable } from '../../db/schema.ts';
import { Conflict } from '../../errors.ts';
import { recordAudit } from '../identity/audit.ts';
import type { EcbDay } from '../integrations/ecb-rates.ts';

export interface AppliedRate {
  /** Units of `to` per one unit of `from`. */
  rate: string;
  /** The date of the rate used (on or before the date asked). */
  date: CalendarDate;
  source: string;
}

/** Writes rates, replacing a rate of the same day, pair and source. */
async function upsertRates(ctx: Ctx, rows: Insertable<ExchangeRatesTable>[]): Promise<void> {
  await ctx.db
    .insertInto('exchangeRates')
    .values(rows)
    .onConflict((oc) =>
      oc
        .columns(['agencyId', 'source', 'base', 'quote', 'date'])
        .doUpdateSet((eb) => ({ rate: eb.ref('excluded.rate'), importedAt: sql`now()` })),
    )
    .execute();
}

/** Stores the days' rates (base EUR), replacing rates of the same day and source. */
export async function importEcbRates(
  ctx: Ctx,
  days: EcbDay[],
  source = 'ECB',
): Promise<{ days: number; rates: number }> {
  const rows = days.flatMap((day) =>
    day.rates.map((r) => ({
      agencyId: ctx.agencyId,
      source,
      date: day.date,
      base: 'EUR',
      quote: r.currency,
      rate: r.rate,
    })),
  );
  if (rows.length === 0) return { days: 0, rates: 0 };
  await inTransaction(ctx, async (tx) => {
    await upsertRates(tx, rows);
    await recordAudit(tx, {
      action: 'pricing.rates.imported',
      entityType: 'exchange_rates',
      entityId: source,
      after: { days: days.map((d) => d.date), rates: rows.length },
    });
  });
  return { days: days.length, rates: rows.length };
}

async function latest(ctx: Ctx, base: string, quote: string, date: CalendarDate) {
  return (
    ctx.db
      .selectFrom('exchangeRates')
      .select(['date', 'source', sql<string>`rate::text`.as('rate')])
      .where('agencyId', '=', ctx.agencyId)
      .where('base', '=', base)
      .where('quote', '=', quote)
      .where('date', '<=', date)
      .orderBy('date', 'desc')
      // On the same day the agency's own rate wins over an imported one.
      .orderBy(sql`source = 'manual'`, 'desc')
      .limit(1)
      .executeTakeFirst()
  );
}

/** The rate from one currency to another on a date; a conflict when none is known. */
export async function rateOn(
  ctx: Ctx,
  from: string,
  to: string,
  date: CalendarDate,
): Promise<AppliedRate> {
  if (from === to) return { rate: '1', date, source: 'identity' };
  const direct = await latest(ctx, from, to, date);
  if (direct)
    return { rate: new Decimal(direct.rate).toString(), date: direct.date, source: direct.source };
  const inverse = await latest(ctx, to, from, date);
  if (inverse) {
    return {
      rate: new Decimal(1).div(inverse.rate).toSignificantDigits(15).toString(),
      date: inverse.date,
      source: inverse.source,
    };
  }
  const [fromEuro, toEuro] = await Promise.all([
    from === 'EUR' ? null : latest(ctx, 'EUR', from, date),
    to === 'EUR' ? null : latest(ctx, 'EUR', to, date),
  ]);
  const perEuroFrom =
    from === 'EUR' ? new Decimal(1) : fromEuro ? new Decimal(fromEuro.rate) : null;
  const perEuroTo = to === 'EUR' ? new Decimal(1) : toEuro ? new Decimal(toEuro.rate) : null;
  if (!perEuroFrom || !perEuroTo) {
    throw new Conflict(`no exchange rate from ${from} to ${to} on or before ${date}`);
  }
  const dates = [fromEuro?.date, toEuro?.date].filter((d): d is string => d !== undefined).sort();
  return {
    rate: perEuroTo.div(perEuroFrom).toSignificantDigits(15).toString(),
    date: dates[0] ?? date,
    source: fromEuro?.source ?? toEuro?.source ?? 'ECB',
  };
}

export interface RateRow {
  source: string;
  date: CalendarDate;
  base: string;
  quote: string;
  rate: string;
}

/** The agency's rates of one day (the latest day on or before `date`), per source. */
export async function ratesOn(ctx: Ctx, date: CalendarDate, base = 'EUR'): Promise<RateRow[]> {
  const day = await ctx.db
    .selectFrom('exchangeRates')
    .select('date')
    .where('agencyId', '=', ctx.agencyId)
    .where('base', '=', base)
    .where('date', '<=', date)
    .orderBy('date', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!day) return [];
  return ctx.db
    .selectFrom('exchangeRates')
    .select(['source', 'date', 'base', 'quote', sql<string>`rate::text`.as('rate')])
    .where('agencyId', '=', ctx.agencyId)
    .where('base', '=', base)
    .where('date', '=', day.date)
    .orderBy('quote')
    .orderBy('source')
    .execute()
    .then((rows) => rows.map((r) => ({ ...r, rate: new Decimal(r.rate).toString() })));
}

/** A rate the agency sets itself (source `manual`), e.g. its own bank's rate for a supplier. */
export async function setManualRate(
  ctx: Ctx,
  input: { date: CalendarDate; base: string; quote: string; rate: string },
): Promise<RateRow> {
  const rate = new Decimal(input.rate);
  return inTransaction(ctx, async (tx) => {
    await upsertRates(tx, [
      { agencyId: tx.agencyId, source: 'manual', ...input, rate: rate.toString() },
    ]);
    await recordAudit(tx, {
      action: 'pricing.rate.set',
      entityType: 'exchange_rates',
      entityId: `${input.base}/${input.quote}/${input.date}`,
      after: { ...input, rate: rate.toString() },
    });
    return { source: 'manual', ...input, rate: rate.toString() };
  });
}
