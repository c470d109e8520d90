// A year of the demo agency's sales, so that its reports have something to say: bookings made
// on days spread over the past twelve months, by every channel, for the coach tour's
// departures, stays in Rimini and the season-opening charter, a few of them cancelled later.
// Each is quoted and booked through the real services with the service's own clock (`now`)
// set to the day it was made, so the booking, its payment plan and its sales ledger rows carry
// that day, as they would have had the agency used Caravel then; the traveller pays the whole
// price a few days later, and a cancellation happens on its own later day. What is drawn is
// drawn from a seeded generator: every demo has the same history, relative to its today.
import { addDays, type CalendarDate, daysBetween, todayUtc } from '../calendar.ts';
import type { Ctx } from '../context.ts';
import { Conflict } from '../errors.ts';
import { cancelBooking } from '../modules/bookings/cancel-booking.ts';
import { createBooking } from '../modules/bookings/create-booking.ts';
import type { TravellerInput } from '../modules/bookings/travellers.ts';
import { recordPayment } from '../modules/payments/service.ts';
import type { PaymentMethod } from '../modules/payments/types.ts';
import { createQuote } from '../modules/pricing/quotes-service.ts';
import { setManualRate } from '../modules/pricing/rates.ts';
import type { Channel } from '../modules/pricing/types.ts';
import type { DemoCatalogSummary } from './catalog.ts';
import type { DemoCustomersSummary } from './customers.ts';
import { demoExchangeRates } from './pricing.ts';

/** How many bookings the history makes (before any sold-out draw is skipped). */
export const historySize = 48;
/** The history's days: from this many days ago to yesterday. */
export const historyDays = 360;

/** Mulberry32: a small seeded generator of floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Channels as an agency of this kind sees them: the portal first, then the phone. */
const channelWeights: [Channel, number][] = [
  ['web', 30],
  ['phone', 20],
  ['email', 14],
  ['walk_in', 10],
  ['marketplace', 14],
  ['gds', 6],
  ['api', 6],
];

function pickWeighted<T>(random: () => number, weights: [T, number][]): T {
  const total = weights.reduce((n, [, w]) => n + w, 0);
  let roll = random() * total;
  for (const [value, weight] of weights) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return (weights[weights.length - 1] as [T, number])[0];
}

function pick<T>(random: () => number, values: readonly T[]): T {
  return values[Math.floor(random() * values.length)] as T;
}

const surnames = ['Svoboda', 'Kowalski', 'Demir', 'Procházka', 'Nowak', 'Kaya', 'Veselý', 'Zhang'];
const firstNames = ['Jana', 'Petr', 'Anna', 'Tomasz', 'Elif', 'Marek', 'Lucie', 'Wei'];

/** Two adults, and a child of 5–11 in one trip of three. */
function partyOf(
  random: () => number,
  year: number,
): { travellers: TravellerInput[]; childAges: number[] } {
  const surname = pick(random, surnames);
  const adults: TravellerInput[] = [0, 1].map((i) => ({
    firstName: pick(random, firstNames),
    lastName: surname,
    birthDate: `${year - 35 - i * 3}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`,
  }));
  if (random() < 2 / 3) return { travellers: adults, childAges: [] };
  const age = 5 + Math.floor(random() * 7);
  return {
    travellers: [
      ...adults,
      // Born in mid-December: `age` on every day of the next year's trips.
      {
        firstName: pick(random, firstNames),
        lastName: surname,
        birthDate: `${year - age - 1}-12-15`,
      },
    ],
    childAges: [age],
  };
}

export interface DemoHistorySummary {
  bookingIds: string[];
  cancelledIds: string[];
}

/**
 * Books the history as `agent` (a staff context). Departures and stays are those the catalog
 * sells (all after today), each booked 1 to 360 days before today; a draw the inventory
 * cannot take (sold out) is skipped, deterministically.
 */
export async function seedDemoHistory(
  agent: Ctx,
  catalog: DemoCatalogSummary,
  customers: DemoCustomersSummary,
  now: Date,
): Promise<DemoHistorySummary> {
  const random = seededRandom(20_261_206);
  const today = todayUtc(now);
  const { summer, lastMinute } = catalog.windows;
  const year = summer.year;
  const { busTourId, byDaysTourId, airTourIds } = catalog.tours;
  const roomTypes = await agent.db
    .selectFrom('roomTypes')
    .innerJoin('accommodations', 'accommodations.id', 'roomTypes.accommodationId')
    .select(['roomTypes.id', 'roomTypes.code', 'accommodations.city'])
    .where('roomTypes.agencyId', '=', agent.agencyId)
    .execute();
  const room = (city: string, code: string) =>
    roomTypes.find((r) => r.city === city && r.code === code)?.id as string;
  const departures = await agent.db
    .selectFrom('tourDepartures')
    .select(['id', 'tourId', 'startDate', 'nights'])
    .where('agencyId', '=', agent.agencyId)
    .where('tourId', 'in', [busTourId, ...airTourIds])
    .orderBy('startDate')
    .execute();
  // The coach sells four departures in the history, so each has a curve to draw: the second
  // and third of the last-minute weeks and the first of July and of August.
  const coach = departures.filter((d) => d.tourId === busTourId);
  const coachDepartures = [
    // Not the very first: the catalog's demo shows it with every seat free.
    ...coach.filter((d) => d.startDate < summer.from).slice(1, 3),
    ...[`${year}-07-01`, `${year}-08-01`].flatMap((from) =>
      coach.filter((d) => d.startDate >= from).slice(0, 1),
    ),
  ];
  const airDepartures = departures.filter((d) => d.tourId !== busTourId);
  const stayStarts = [
    ...datesBetween(lastMinute.from, addDays(lastMinute.to, -10)),
    ...datesBetween(summer.from, addDays(summer.to, -10)),
  ];
  const excluded = new Set(customers.globexEmployeeIds);
  const people = Object.values(customers.personIds).filter((id) => !excluded.has(id));
  const methods: PaymentMethod[] = ['bank_transfer', 'card', 'cash'];

  // The rates the agency entered by hand over the year, on the first of each month (the
  // crown a little stronger as the year went on): quotes then convert hotel costs in EUR.
  for (let month = 12; month >= 1; month -= 1) {
    const first = `${addMonths(today, -month)}-01`;
    for (const [quote, rate] of Object.entries(demoExchangeRates)) {
      const drift = 1 + (month - 6) * 0.004 + (random() - 0.5) * 0.01;
      await setManualRate(agent, {
        date: first,
        base: 'EUR',
        quote,
        rate: (Number(rate) * drift).toFixed(3),
      });
    }
  }

  // The e-mails these bookings queued went out when they were made, not now: the ones the
  // history adds to the outbox are dropped at the end (a demo's shortcut).
  const queuedBefore = new Set(
    (
      await agent.db
        .selectFrom('outbox')
        .select('id')
        .where('agencyId', '=', agent.agencyId)
        .execute()
    ).map((job) => job.id),
  );

  // The days the bookings were made, about four a month, oldest first (numbers then follow
  // the calendar).
  const madeAgo = Array.from(
    { length: historySize },
    (_, i) => historyDays - Math.floor(((i + random()) * (historyDays - 1)) / historySize),
  );
  const bookingIds: string[] = [];
  const cancelledIds: string[] = [];
  for (const ago of madeAgo) {
    const made = new Date(now.getTime() - ago * 86_400_000);
    const channel = pickWeighted(random, channelWeights);
    const customerId = pick(random, people);
    const { travellers, childAges } = partyOf(random, year);
    const party = { adults: 2, childAges };
    const product = random();
    let ask: Record<string, unknown>;
    if (product < 0.45) {
      const departure = pick(random, coachDepartures);
      ask = {
        productId: busTourId,
        departureId: departure.id,
        party,
        rooms: [{ roomTypeId: room('Makarska', 'DBL'), adults: 2, childAges }],
        boardingPoint: pick(random, ['Praha, ÚAN Florenc', 'Brno, Hotel Grand (Benešova)']),
      };
    } else if (product < 0.85 || airDepartures.length === 0 || childAges.length > 0) {
      const from = pick(random, stayStarts);
      ask = {
        productId: byDaysTourId,
        from,
        to: addDays(from, pick(random, [5, 7, 7, 10])),
        party,
        rooms: [
          {
            roomTypeId: room('Rimini', childAges.length > 0 ? 'TRP' : 'DBL'),
            adults: 2,
            childAges,
          },
        ],
      };
    } else {
      const departure = pick(random, airDepartures);
      const makarska = departure.tourId === airTourIds[0];
      ask = {
        productId: departure.tourId,
        departureId: departure.id,
        party,
        rooms: [
          {
            roomTypeId: room(makarska ? 'Makarska' : 'Split', makarska ? 'DBL' : 'STU'),
            adults: 2,
            childAges,
          },
        ],
      };
    }
    // Drawn whether or not the booking is made, so one sold-out draw changes nothing after it.
    const cancelDraw = random();
    const cancelAfter = random();
    const method = pick(random, methods);
    let booking: { id: string };
    try {
      const quote = await createQuote(
        agent,
        { ...ask, channel, customerId } as Parameters<typeof createQuote>[1],
        made,
      );
      booking = await createBooking(agent, { quoteId: quote.id, customerId, travellers }, made);
    } catch (error) {
      if (error instanceof Conflict) continue; // sold out, or no price that day
      throw error;
    }
    bookingIds.push(booking.id);
    // Paid in full within three days (not after today).
    const paidAgo = Math.max(0, ago - 1 - Math.floor(random() * 3));
    const { total } = await agent.db
      .selectFrom('bookings')
      .select('total')
      .where('agencyId', '=', agent.agencyId)
      .where('id', '=', booking.id)
      .executeTakeFirstOrThrow();
    await recordPayment(
      agent,
      booking.id,
      { amount: Number(total), method, reference: `DEMO-H${bookingIds.length}` },
      new Date(now.getTime() - paidAgo * 86_400_000),
    );
    // One in eight is cancelled later, before today.
    if (cancelDraw < 0.125 && ago > 2) {
      const cancelledAgo = Math.max(1, Math.floor(ago * cancelAfter));
      await cancelBooking(
        agent,
        booking.id,
        { reason: pick(random, ['Illness in the family', 'Plans changed', 'Work trip came up']) },
        new Date(now.getTime() - cancelledAgo * 86_400_000),
      );
      cancelledIds.push(booking.id);
    }
  }
  const queued = await agent.db
    .selectFrom('outbox')
    .select('id')
    .where('agencyId', '=', agent.agencyId)
    .execute();
  const sentThen = queued.map((job) => job.id).filter((id) => !queuedBefore.has(id));
  if (sentThen.length > 0) {
    await agent.db
      .deleteFrom('outbox')
      .where('agencyId', '=', agent.agencyId)
      .where('id', 'in', sentThen)
      .execute();
  }
  return { bookingIds, cancelledIds };
}

/** The month (YYYY-MM) `months` months from the month of `date`. */
function addMonths(date: CalendarDate, months: number): string {
  const index = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

function datesBetween(from: CalendarDate, to: CalendarDate): CalendarDate[] {
  const days = daysBetween(from, to);
  return Array.from({ length: Math.max(0, days + 1) }, (_, i) => addDays(from, i));
}
