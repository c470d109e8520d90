// Factories for bookings: a by-days tour with a July 2030 price list to quote and book through
// the API, and bookings written straight into the tables (with their quote and travellers),
// for tests that need many bookings in states the API would take many steps to reach.
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { type Ctx, systemActor } from '../../src/server/context.ts';
import type { Database } from '../../src/server/db/connect.ts';
import { newId } from '../../src/server/db/ids.ts';
import { json } from '../../src/server/db/json.ts';
import type { ApprovalState } from '../../src/server/db/schema.ts';
import { refreshBookingSearch } from '../../src/server/modules/bookings/search-fields.ts';
import type { CreateAccommodationInput } from '../../src/server/modules/catalog/accommodations-service.ts';
import { setCapacity } from '../../src/server/modules/inventory/service.ts';
import { createPriceList } from '../../src/server/modules/pricing/price-lists-service.ts';
import {
  ledgerBookingCancelled,
  ledgerBookingCreated,
} from '../../src/server/modules/reporting/ledger.ts';
import { makeAccommodation, makeSeason, makeTour } from './catalog-factories.ts';
import type { TestAgency } from './factories.ts';

/**
 * A by-days tour in a new hotel (Hersonissos, GR unless overridden) with 20 double rooms in
 * July 2030, priced 100,00 EUR per adult and night (cost 70,00), children 2–12 half.
 */
export async function makeBookableTour(
  agency: TestAgency,
  hotel: Partial<CreateAccommodationInput> = {},
) {
  const accommodation = await makeAccommodation(agency, hotel);
  const roomTypeId = accommodation.roomTypes[0]?.id ?? '';
  const tourId = (
    await makeTour(agency, {
      accommodationId: accommodation.id,
      mode: 'by_days',
      seasons: [makeSeason()],
    })
  ).id;
  await setCapacity(agency.ctx, { kind: 'room_type', ownerId: roomTypeId }, 'DBL', {
    from: '2030-07-01',
    to: '2030-07-31',
    kind: 'allotment',
    units: 20,
  });
  await createPriceList(agency.ctx, {
    name: 'July',
    productKind: 'tour',
    productId: tourId,
    currency: 'EUR',
    periods: [{ code: 'july', name: 'July', from: '2030-07-01', to: '2030-07-31' }],
    childBands: [{ code: 'child', minAge: 2, maxAge: 12 }],
    rows: [
      { period: 'july', charge: 'person', basis: 'night', amount: 100_00, cost: 70_00 },
      {
        period: 'july',
        charge: 'person',
        basis: 'night',
        childBand: 'child',
        percentOfAdult: '50',
      },
    ],
    costCurrency: 'EUR',
  } as Parameters<typeof createPriceList>[1]);
  return { tourId, roomTypeId, hotelName: accommodation.name };
}

export interface TravellerFixture {
  firstName: string;
  lastName: string;
  birthDate: string;
  email?: string;
}

/**
 * Quotes 6–13 July 2030 for 2 adults and a child of 6 in a double room, then books it:
 * 2 × 7 × 100,00 + 7 × 50,00 = 1 750,00 EUR. Returns the booking as the API answered it.
 */
export async function bookThroughApi(
  app: FastifyInstance,
  cookie: string,
  ask: {
    tourId: string;
    roomTypeId: string;
    customerId: string;
    travellers: TravellerFixture[];
    channel?: string;
    more?: object;
  },
) {
  const quote = await app.inject({
    method: 'POST',
    url: '/api/v1/quotes',
    headers: { cookie },
    payload: {
      productId: ask.tourId,
      from: '2030-07-06',
      to: '2030-07-13',
      party: { adults: 2, childAges: [6] },
      rooms: [{ roomTypeId: ask.roomTypeId, adults: 2, childAges: [6] }],
      channel: ask.channel ?? 'phone',
    },
  });
  expect(quote.statusCode, quote.body).toBe(201);
  const booked = await app.inject({
    method: 'POST',
    url: '/api/v1/bookings',
    headers: { cookie },
    payload: {
      quoteId: quote.json().id,
      customerId: ask.customerId,
      travellers: ask.travellers,
      ...ask.more,
    },
  });
  expect(booked.statusCode, booked.body).toBe(201);
  return booked.json() as { id: string; number: string; total: number };
}

export interface BookingFixture {
  number: string;
  customerId: string;
  productId: string;
  productName?: string;
  status?: string;
  channel?: string;
  startDate?: string;
  endDate?: string;
  party?: { adults: number; childAges: number[] };
  currency?: string;
  total?: number;
  cost?: number | null;
  openActions?: number;
  approval?: ApprovalState;
  offerId?: string | null;
  variantId?: string | null;
  pnr?: string | null;
  createdBy?: string | null;
  /** An instant with up to microseconds: '2029-03-01T10:00:00.123456Z'. */
  createdAt?: string;
  /** A cancelled booking's instant of cancellation (default: its creation) and fee. */
  cancelledAt?: string;
  cancellationFee?: number;
  travellers?: Array<{ firstName: string; lastName: string; email?: string | null }>;
  /** Its lines (default: none, so its total is one `override` row of the ledger, no cost). */
  lines?: Array<{ amount: number; cost?: number | null; label?: string }>;
}

/** The quote and booking rows of `fixture`, as the booking service writes them. */
function rowsOf(agency: TestAgency, fixture: BookingFixture) {
  const quoteId = newId();
  const id = newId();
  const startDate = fixture.startDate ?? '2030-08-01';
  const endDate = fixture.endDate ?? '2030-08-08';
  const currency = fixture.currency ?? 'EUR';
  const total = fixture.total ?? 1000_00;
  const party = fixture.party ?? { adults: 2, childAges: [] };
  const approval = fixture.approval ?? 'none';
  const quote = {
    id: quoteId,
    agencyId: agency.agencyId,
    productKind: 'tour' as const,
    productId: fixture.productId,
    channel: fixture.channel ?? 'phone',
    currency,
    request: json({ party, rooms: [] }),
    lines: json([]),
    total,
    cancellationPolicy: json({ nonRefundable: false, tiers: [] }),
    rates: json([]),
    priceListIds: json([]),
    startDate,
    endDate,
    expiresAt: new Date(Date.now() + 60_000),
  };
  const booking = {
    id,
    agencyId: agency.agencyId,
    number: fixture.number,
    status: fixture.status ?? 'confirmed',
    channel: fixture.channel ?? 'phone',
    quoteId,
    customerId: fixture.customerId,
    productKind: 'tour',
    productId: fixture.productId,
    productName: fixture.productName ?? 'Crete for a week',
    startDate,
    endDate,
    party: json(party),
    rooms: json([]),
    currency,
    listTotal: total,
    total,
    cost: fixture.cost === undefined ? total - 100_00 : fixture.cost,
    cancellationPolicy: json({ nonRefundable: false, tiers: [] }),
    rates: json([]),
    pendingApproval: approval === 'pending',
    approval,
    openActions: fixture.openActions ?? 0,
    offerId: fixture.offerId ?? null,
    variantId: fixture.variantId ?? null,
    pnr: fixture.pnr ?? null,
    createdBy: fixture.createdBy ?? null,
    createdAt: fixture.createdAt ?? new Date(),
    updatedAt: new Date(),
    ...(fixture.status === 'cancelled'
      ? {
          cancelledAt: fixture.cancelledAt ?? fixture.createdAt ?? new Date(),
          cancellationFee: fixture.cancellationFee ?? 0,
          cancellationReason: 'inserted cancelled',
        }
      : {}),
  };
  const lines = (fixture.lines ?? []).map((line, position) => ({
    id: newId(),
    agencyId: agency.agencyId,
    bookingId: id,
    position,
    kind: 'room',
    label: line.label ?? `Line ${position + 1}`,
    productKind: 'tour',
    productId: fixture.productId,
    travellers: json([]),
    fromDate: startDate,
    toDate: endDate,
    unitPrice: line.amount,
    quantity: 1,
    amount: line.amount,
    cost: line.cost ?? null,
    supplierStatus: 'confirmed' as const,
    detail: json({}),
  }));
  const travellers = (fixture.travellers ?? []).map((t, position) => ({
    id: newId(),
    agencyId: agency.agencyId,
    bookingId: id,
    position,
    firstName: t.firstName,
    lastName: t.lastName,
    birthDate: '1980-01-01',
    email: t.email ?? null,
    isChild: false,
  }));
  return { id, quote, booking, travellers, lines };
}

/**
 * The booking's sales ledger rows, as the booking service writes them (ledger.ts): made at
 * its creation by whoever `createdBy` names, and for a cancelled one taken back with its fee.
 */
async function writeLedger(database: Database, agency: TestAgency, row: ReturnType<typeof rowsOf>) {
  const { booking } = row;
  const creator = booking.createdBy
    ? await database.db
        .selectFrom('users')
        .select(['id', 'name', 'role'])
        .where('agencyId', '=', agency.agencyId)
        .where('id', '=', booking.createdBy)
        .executeTakeFirst()
    : undefined;
  const ctx: Ctx = {
    ...agency.ctx,
    db: database.db,
    actor: creator
      ? { type: 'user', id: creator.id, userId: creator.id, name: creator.name, role: creator.role }
      : systemActor,
  };
  await ledgerBookingCreated(ctx, booking.id, new Date(booking.createdAt));
  if (booking.status === 'cancelled' && booking.cancelledAt) {
    const fee = booking.cancellationFee ?? 0;
    await ledgerBookingCancelled(ctx, booking.id, fee, new Date(booking.cancelledAt));
  }
}

/**
 * Writes bookings straight into the tables, in bulk, then folds their search fields and
 * writes their sales ledger rows as the booking service does (`ledger: false` skips the
 * ledger, for tests of thousands of bookings that read no report). Returns their ids, in the
 * order given.
 */
export async function insertBookings(
  database: Database,
  agency: TestAgency,
  fixtures: BookingFixture[],
  options: { refreshSearch?: boolean; ledger?: boolean } = {},
): Promise<string[]> {
  const all = fixtures.map((fixture) => rowsOf(agency, fixture));
  for (let start = 0; start < all.length; start += 500) {
    const chunk = all.slice(start, start + 500);
    await database.db
      .insertInto('quotes')
      .values(chunk.map((r) => r.quote))
      .execute();
    await database.db
      .insertInto('bookings')
      .values(chunk.map((r) => r.booking))
      .execute();
    const travellers = chunk.flatMap((r) => r.travellers);
    if (travellers.length > 0) {
      await database.db.insertInto('bookingTravellers').values(travellers).execute();
    }
    const lines = chunk.flatMap((r) => r.lines);
    if (lines.length > 0) await database.db.insertInto('bookingLines').values(lines).execute();
  }
  if (options.refreshSearch ?? true) {
    for (const { id } of all) await refreshBookingSearch(agency.ctx, id);
  }
  if (options.ledger ?? true) {
    for (const row of all) await writeLedger(database, agency, row);
  }
  return all.map((r) => r.id);
}

/** An offer of the agency, sold by `partnerUserId` when given, with variants. */
export async function insertOffer(
  database: Database,
  agency: TestAgency,
  offer: { code: string; partnerUserId?: string | null; variants?: string[] },
): Promise<string> {
  const id = newId();
  await database.db
    .insertInto('offers')
    .values({
      id,
      agencyId: agency.agencyId,
      code: offer.code,
      name: `Offer ${offer.code}`,
      partner: offer.partnerUserId ? 'Slevomat' : null,
      partnerUserId: offer.partnerUserId ?? null,
      productKind: null,
      productId: null,
      channels: json([]),
      variants: json((offer.variants ?? []).map((code) => ({ code, name: `Variant ${code}` }))),
      requiredActions: json([]),
      archivedAt: null,
      updatedAt: new Date(),
    })
    .execute();
  return id;
}
