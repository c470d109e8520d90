// The unit price and cost of one price row in the quote's currency. A child row may be a
// percentage of the adult row of the same slot; its cost then scales the same way unless
// the row states its own.
import { Conflict } from '../../errors.ts';
import { rowsFor, type SlotKey } from './price-lookup.ts';
import { type Pricer, percentOf } from './pricer.ts';
import type { PriceList, PriceRow } from './types.ts';

export interface UnitPrice {
  row: PriceRow;
  price: number;
  cost: number | null;
}

function adultRow(list: PriceList, key: SlotKey, basis: PriceRow['basis']): PriceRow | undefined {
  const adultCharge = key.charge === 'extra_bed' ? 'extra_bed' : 'person';
  const candidates = rowsFor(list, { ...key, charge: adultCharge, childBand: null });
  const found = candidates.find((r) => r.basis === basis && r.amount !== null);
  if (found || adultCharge === 'person') return found;
  return rowsFor(list, { ...key, charge: 'person', childBand: null }).find(
    (r) => r.basis === basis && r.amount !== null,
  );
}

/** Prices `row` (found for `key`) in the quote's currency. */
export function unitPrice(list: PriceList, key: SlotKey, row: PriceRow, pricer: Pricer): UnitPrice {
  let amount = row.amount;
  let cost = row.cost;
  if (amount === null && row.percentOfAdult !== null) {
    const adult = adultRow(list, key, row.basis);
    if (!adult || adult.amount === null) {
      throw new Conflict(
        `${list.name}: the child price of band ${row.childBand} is a percentage of an adult price that is missing`,
        [
          {
            path: '/party/childAges',
            message: `${list.name} has no adult price for this child price to follow`,
          },
        ],
      );
    }
    amount = percentOf(adult.amount, row.percentOfAdult, list.currency);
    if (cost === null && adult.cost !== null && list.costCurrency) {
      cost = percentOf(adult.cost, row.percentOfAdult, list.costCurrency);
    }
  }
  if (amount === null) {
    throw new Conflict(`${list.name}: a row of period ${row.period} has no amount`);
  }
  return {
    row,
    price: pricer.toQuote(amount, list.currency),
    cost: cost === null || !list.costCurrency ? null : pricer.toQuote(cost, list.costCurrency),
  };
}

/**
 * The prices of a slot: its own rows, or for a child without a row of their band the adult
 * rows (children pay as adults unless a band says otherwise).
 */
export function slotPrices(
  list: PriceList,
  key: SlotKey,
  pricer: Pricer,
  fallbackToAdult: boolean,
): UnitPrice[] {
  let rows = rowsFor(list, key);
  let used = key;
  if (rows.length === 0 && fallbackToAdult && key.childBand !== null) {
    used = { ...key, childBand: null };
    rows = rowsFor(list, used);
  }
  return rows.map((row) => unitPrice(list, used, row, pricer));
}
