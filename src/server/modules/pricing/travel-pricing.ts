// Prices that are per traveller rather than per room: transport (by date, class and boarding
// point), attraction tickets (by ticket type) and extra services (by their unit: per person,
// per night, per day, per booking). Insurance-style services priced as a percentage of the
// trip are left for the engine to finish once the trip's price is known.

import { addDays, type CalendarDate, daysBetween } from '../../calendar.ts';
import { Conflict, Invalid } from '../../errors.ts';
import type { ExtraRequest, PricingRequest, TicketTypeInfo, TransportLeg } from './engine-types.ts';
import type { Segment } from './lines.ts';
import { bandOf, chooseList, requirePeriod, rowsFor } from './price-lookup.ts';
import type { Pricer } from './pricer.ts';
import { slotPrices } from './row-price.ts';
import type { ChildBand, PriceList, PriceRow } from './types.ts';

export interface Traveller {
  index: number;
  age: number | null;
}

export function travellersOf(request: PricingRequest): Traveller[] {
  return [
    ...Array.from({ length: request.party.adults }, (_, i) => ({ index: i, age: null })),
    ...request.party.childAges.map((age, i) => ({ index: request.party.adults + i, age })),
  ];
}

/** The list pricing a product or component, or a 409 naming where it was asked for. */
export function listFor(
  request: PricingRequest,
  productId: string,
  name: string,
  path: string,
): PriceList {
  const list = chooseList(
    request.priceLists,
    productId,
    request.customerId,
    request.currency,
    request.baseCurrency,
  );
  if (!list) {
    throw new Conflict(`${name} has no price list`, [
      { path, message: `${name} has no prices yet` },
    ]);
  }
  return list;
}

function bandLabel(t: Traveller, band: ChildBand | null): string {
  return t.age === null ? 'adult' : `child ${band ? `${band.code} ` : ''}(age ${t.age})`;
}

/** One transport leg (or transport sold alone): a fare per traveller, plus any per-booking price. */
export function priceTransport(
  request: PricingRequest,
  leg: TransportLeg,
  pricer: Pricer,
  path: string,
): { list: PriceList; segments: Segment[] } {
  const list = listFor(request, leg.transportId, leg.name, path);
  const period = requirePeriod(list, leg.date, path).code;
  const key = { period, classCode: leg.classCode, boardingPoint: leg.boardingPoint };
  const segments: Segment[] = [];
  const where = `${leg.name} ${leg.date}, ${leg.classCode}${leg.boardingPoint ? ` from ${leg.boardingPoint}` : ''}`;
  for (const t of travellersOf(request)) {
    const band =
      t.age === null
        ? null
        : bandOf(list, t.age, `/party/childAges/${t.index - request.party.adults}`);
    // An infant (a band needing no bed or seat) without a fare of their band travels free;
    // other children pay as adults.
    const prices = slotPrices(
      list,
      { ...key, charge: 'person', childBand: band?.code ?? null },
      pricer,
      band?.needsBed !== false,
    );
    if (prices.length === 0 && band?.needsBed !== false) {
      throw new Conflict(`${list.name} has no fare for ${where}`, [
        { path, message: `${list.name} has no fare for class ${leg.classCode} on ${leg.date}` },
      ]);
    }
    if (prices.length === 0) {
      // A line of 0 all the same: the quote accounts for every traveller.
      segments.push(
        fare(request, leg, 0, 0, t, band, period, `${where}: ${bandLabel(t, band)}, free`),
      );
    }
    for (const p of prices) {
      segments.push(
        fare(request, leg, p.price, p.cost, t, band, period, `${where}: ${bandLabel(t, band)}`),
      );
    }
  }
  for (const p of slotPrices(list, { ...key, charge: 'booking', childBand: null }, pricer, false)) {
    segments.push({
      ...fare(request, leg, p.price, p.cost, null, null, period, `${where}: per booking`),
    });
  }
  return { list, segments };
}

function fare(
  request: PricingRequest,
  leg: TransportLeg,
  unitPrice: number,
  unitCost: number | null,
  t: Traveller | null,
  band: ChildBand | null,
  period: string,
  label: string,
): Segment {
  return {
    kind: 'transport',
    productKind: 'transport',
    productId: leg.transportId,
    group: `transport:${leg.transportId}:${leg.direction}:${t === null ? 'booking' : (band?.code ?? 'adult')}`,
    label,
    travellers: t === null ? travellersOf(request).map((x) => x.index) : [t.index],
    room: null,
    from: leg.date,
    to: leg.date,
    nights: null,
    period,
    childBand: band?.code ?? null,
    unitPrice,
    unitCost,
    units: 1,
    heads: 1,
  };
}

/**
 * The ticket type a traveller gets: adults the adult type; a child the child type of their
 * age, or the adult type when none fits. A child younger than every child type (a 1-year-old
 * where child tickets start at 3) needs no ticket: `'free'`. An attraction that charges the
 * youngest says so with a child type whose age band holds them (from 0, say).
 */
export function ticketTypeFor(
  types: readonly TicketTypeInfo[],
  t: Traveller,
): TicketTypeInfo | 'free' | undefined {
  const adult = types.find((x) => x.category === 'adult');
  if (t.age === null) return adult;
  const age = t.age;
  const children = types.filter((x) => x.category === 'child');
  const fitting = children.find(
    (x) => (x.minAge === null || x.minAge <= age) && (x.maxAge === null || age <= x.maxAge),
  );
  if (fitting) return fitting;
  if (children.length > 0 && children.every((x) => x.minAge !== null && age < x.minAge)) {
    return 'free';
  }
  return adult;
}

/** Attraction tickets: one per traveller, at the price of their ticket type. */
export function priceTickets(request: PricingRequest, list: PriceList, pricer: Pricer): Segment[] {
  const product = request.product;
  if (product.kind !== 'attraction') throw new Error('priceTickets prices attractions');
  const period = requirePeriod(list, request.start, '/from').code;
  const ticket = (
    t: Traveller,
    group: string,
    label: string,
    unitPrice: number,
    unitCost: number | null,
  ): Segment => ({
    kind: 'ticket',
    productKind: 'attraction',
    productId: product.id,
    group,
    label,
    travellers: [t.index],
    room: null,
    from: request.start,
    to: request.start,
    nights: null,
    period,
    childBand: null,
    unitPrice,
    unitCost,
    units: 1,
    heads: 1,
  });
  return travellersOf(request).flatMap((t) => {
    const type = ticketTypeFor(product.ticketTypes, t);
    const path =
      t.age === null ? '/party/adults' : `/party/childAges/${t.index - request.party.adults}`;
    if (!type) throw Invalid.field(path, `${product.name} sells no ticket for this traveller`);
    if (type === 'free') {
      return [ticket(t, 'ticket:free', `${product.name}: child under the ticket ages, free`, 0, 0)];
    }
    const prices = slotPrices(
      list,
      { period, charge: 'person', childBand: null, ticketTypeId: type.id },
      pricer,
      false,
    );
    if (prices.length === 0) {
      throw new Conflict(`${list.name} has no price for ${type.name}`, [
        { path, message: `${list.name} has no price for ticket ${type.name} on ${request.start}` },
      ]);
    }
    return prices.map((p) =>
      ticket(t, `ticket:${type.id}`, `${product.name}: ${type.name}`, p.price, p.cost),
    );
  });
}

/** An extra priced as a percentage of the trip: finished by the engine. */
export interface PercentExtra {
  extra: ExtraRequest;
  row: PriceRow;
  list: PriceList;
  period: string;
}

const timedUnits = new Set(['per_night', 'per_person_per_night', 'per_day', 'per_person_per_day']);

/** How many nights or days of the trip a service's unit counts (one for other units). */
function unitsOfTrip(extra: ExtraRequest, request: PricingRequest): number {
  const nights = Math.max(0, daysBetween(request.start, request.end));
  const days = request.product.kind === 'tour' ? nights + 1 : Math.max(1, nights);
  const unit = extra.service.unit;
  if (unit === 'per_night' || unit === 'per_person_per_night') return Math.max(1, nights);
  if (unit === 'per_day' || unit === 'per_person_per_day') return days;
  return 1;
}

/** Consecutive dates in the same period: one price each. */
interface PeriodRun {
  period: string;
  from: CalendarDate;
  /** The day after the last date. */
  to: CalendarDate;
  count: number;
}

/**
 * The dates an extra covers, grouped into runs of one period. A service counted in nights
 * or days takes each night (or day) at its own period, like the rooms, from its date on; a
 * fixed departure sells every night at its start date's period. Other units: one date.
 */
function periodRuns(
  request: PricingRequest,
  extra: ExtraRequest,
  list: PriceList,
  path: string,
): PeriodRun[] {
  const date = extra.date ?? request.start;
  const perPerson = extra.service.unit.startsWith('per_person');
  const timed = timedUnits.has(extra.service.unit);
  const count = timed
    ? perPerson
      ? unitsOfTrip(extra, request)
      : (extra.quantity ?? unitsOfTrip(extra, request))
    : 1;
  const fixed = request.fixedDeparture
    ? requirePeriod(list, request.start, `${path}/date`).code
    : null;
  const runs: PeriodRun[] = [];
  for (let i = 0; i < count; i += 1) {
    const day = addDays(date, i);
    const period = fixed ?? requirePeriod(list, day, `${path}/date`).code;
    const last = runs[runs.length - 1];
    if (last && last.period === period) {
      last.to = addDays(day, 1);
      last.count += 1;
    } else {
      runs.push({ period, from: day, to: addDays(day, 1), count: 1 });
    }
  }
  return runs;
}

/**
 * An extra service: per traveller for per-person units, else a count (given or derived).
 * `quantity` of a per-person service is how many each traveller takes (two ski passes each:
 * quantity 2 × persons); of another unit it is the count itself (nights, days, pieces).
 */
export function priceExtra(
  request: PricingRequest,
  extra: ExtraRequest,
  pricer: Pricer,
  path: string,
): { list: PriceList; segments: Segment[]; percent: PercentExtra[] } {
  const service = extra.service;
  const list = listFor(request, service.id, service.name, path);
  const date = extra.date ?? request.start;
  const period = requirePeriod(list, date, `${path}/date`).code;
  const everyone = travellersOf(request);
  const percentRows = list.rows.filter((r) => r.period === period && r.percentOfTrip !== null);
  if (percentRows.length > 0) {
    return {
      list,
      segments: [],
      percent: percentRows.map((row) => ({ extra, row, list, period })),
    };
  }
  const perPerson = service.unit.startsWith('per_person');
  const timed = timedUnits.has(service.unit);
  // Units a head takes per date: a per-person quantity multiplies; a count without dates is one run.
  const each = perPerson ? (extra.quantity ?? 1) : timed ? 1 : (extra.quantity ?? 1);
  const segments: Segment[] = [];
  for (const run of periodRuns(request, extra, list, path)) {
    const base: Omit<
      Segment,
      'group' | 'label' | 'travellers' | 'childBand' | 'unitPrice' | 'unitCost'
    > = {
      kind: 'service',
      productKind: 'extra_service',
      productId: service.id,
      room: null,
      from: run.from,
      to: timed ? run.to : request.end,
      nights: null,
      period: run.period,
      units: run.count * each,
      heads: 1,
    };
    const before = segments.length;
    if (perPerson) {
      for (const t of everyone) {
        const band =
          t.age === null
            ? null
            : bandOf(list, t.age, `/party/childAges/${t.index - request.party.adults}`);
        const prices = slotPrices(
          list,
          { period: run.period, charge: 'person', childBand: band?.code ?? null },
          pricer,
          // An infant without a price of their band takes the service free.
          band?.needsBed !== false,
        );
        const free = prices.length === 0 && band?.needsBed === false;
        for (const p of free ? [{ price: 0, cost: 0 }] : prices) {
          segments.push({
            ...base,
            group: `service:${service.id}:${band?.code ?? 'adult'}`,
            label: `${service.name}: ${bandLabel(t, band)}${free ? ', free' : ''}`,
            travellers: [t.index],
            childBand: band?.code ?? null,
            unitPrice: p.price,
            unitCost: p.cost,
          });
        }
      }
    } else {
      const rows = rowsFor(list, { period: run.period, charge: 'booking', childBand: null });
      const prices = slotPrices(
        list,
        { period: run.period, charge: rows.length > 0 ? 'booking' : 'person', childBand: null },
        pricer,
        false,
      );
      for (const p of prices) {
        segments.push({
          ...base,
          group: `service:${service.id}:booking`,
          label: service.name,
          travellers: everyone.map((t) => t.index),
          childBand: null,
          unitPrice: p.price,
          unitCost: p.cost,
        });
      }
    }
    if (segments.slice(before).every((s) => s.unitPrice === 0 && s.label.endsWith(', free'))) {
      throw new Conflict(`${list.name} has no price for ${run.from}`, [
        { path, message: `${list.name} has no price for ${service.name} on ${run.from}` },
      ]);
    }
  }
  return { list, segments, percent: [] };
}
