// Finding a price in a price list: which list a customer and currency get, which period a
// date falls in, which child band an age falls in, and which row prices a slot.
import type { CalendarDate } from '../../calendar.ts';
import { Conflict, Invalid } from '../../errors.ts';
import type { ChildBand, PriceCharge, PriceList, PricePeriod, PriceRow } from './types.ts';

/**
 * The list a quote is priced from, most specific first: the customer's own (corporate) list
 * in the quote's currency, the customer's in any currency, the public list in the quote's
 * currency, the public list in the agency's currency, any public list. Undefined: none.
 */
export function chooseList(
  lists: readonly PriceList[],
  productId: string,
  customerId: string | null,
  currency: string,
  baseCurrency: string,
): PriceList | undefined {
  const own = lists.filter((l) => l.productId === productId);
  const corporate = customerId ? own.filter((l) => l.customerId === customerId) : [];
  const open = own.filter((l) => l.customerId === null);
  const byId = (a: PriceList, b: PriceList) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return (
    corporate.find((l) => l.currency === currency) ??
    [...corporate].sort(byId)[0] ??
    open.find((l) => l.currency === currency) ??
    open.find((l) => l.currency === baseCurrency) ??
    [...open].sort(byId)[0]
  );
}

/** The period pricing `date`: the one of highest priority holding it (then the one ending first). */
export function periodOn(list: PriceList, date: CalendarDate): PricePeriod | undefined {
  let best: PricePeriod | undefined;
  for (const period of list.periods) {
    if (date < period.from || date > period.to) continue;
    if (
      !best ||
      period.priority > best.priority ||
      (period.priority === best.priority && period.to < best.to) ||
      (period.priority === best.priority && period.to === best.to && period.code < best.code)
    ) {
      best = period;
    }
  }
  return best;
}

/** The period for `date`, or a 409 naming `path`: the product has no price then. */
export function requirePeriod(list: PriceList, date: CalendarDate, path: string): PricePeriod {
  const period = periodOn(list, date);
  if (!period) {
    throw new Conflict(`no price for ${date} in price list ${list.name}`, [
      { path, message: `${list.name} has no price for ${date}` },
    ]);
  }
  return period;
}

/**
 * The child band an age falls in. Without bands, children under 18 pay as adults (null).
 * An age over every band is an error naming `path`: the traveller books as an adult.
 */
export function bandOf(list: PriceList, age: number, path: string): ChildBand | null {
  if (!Number.isInteger(age) || age < 0 || age > 17) {
    throw Invalid.field(path, `child age ${age} is not a whole number from 0 to 17`);
  }
  if (list.childBands.length === 0) return null;
  const band = list.childBands.find((b) => b.minAge <= age && age < b.maxAge);
  if (band) return band;
  const top = Math.max(...list.childBands.map((b) => b.maxAge));
  if (age >= top) {
    throw Invalid.field(
      path,
      `age ${age} is over the child bands of ${list.name} (children are up to ${top - 1}.99); book this traveller as an adult`,
    );
  }
  throw Invalid.field(path, `age ${age} is in no child band of ${list.name}`);
}

export interface SlotKey {
  period: string;
  charge: PriceCharge;
  childBand: string | null;
  roomTypeId?: string | null;
  classCode?: string | null;
  boardingPoint?: string | null;
  ticketTypeId?: string | null;
  occupancy?: number | null;
}

function matches(value: string | number | null, wanted: string | number | null | undefined) {
  return value === null || value === wanted;
}

/** How specific a row is: a row naming the room type beats one for every room type. */
function specificity(row: PriceRow): number {
  return (
    (row.roomTypeId === null ? 0 : 16) +
    (row.classCode === null ? 0 : 8) +
    (row.boardingPoint === null ? 0 : 4) +
    (row.ticketTypeId === null ? 0 : 2) +
    (row.occupancy === null ? 0 : 1)
  );
}

/**
 * The rows pricing a slot, one per basis (per night and per stay are separate prices and
 * both charge): of the rows that match, the most specific of each basis.
 */
export function rowsFor(list: PriceList, key: SlotKey): PriceRow[] {
  const best = new Map<string, PriceRow>();
  for (const row of list.rows) {
    if (row.period !== key.period || row.charge !== key.charge) continue;
    if (row.childBand !== key.childBand) continue;
    if (
      !matches(row.roomTypeId, key.roomTypeId) ||
      !matches(row.classCode, key.classCode) ||
      !matches(row.boardingPoint, key.boardingPoint) ||
      !matches(row.ticketTypeId, key.ticketTypeId) ||
      !matches(row.occupancy, key.occupancy)
    ) {
      continue;
    }
    const current = best.get(row.basis);
    if (!current || specificity(row) > specificity(current)) best.set(row.basis, row);
  }
  return [...best.values()].sort((a, b) => (a.basis < b.basis ? -1 : 1));
}
