// Minimal catalog rows for inventory tests, inserted directly so inventory tests do not
// depend on the catalog's HTTP layer: a hotel with a room type, a bus with one departure,
// a tour. The catalog's own tests cover creating these through the API.
import type { Ctx } from '../../src/server/context.ts';
import { newId } from '../../src/server/db/ids.ts';
import { json } from '../../src/server/db/json.ts';

export async function insertRoomType(
  ctx: Ctx,
  overrides: { accommodationId?: string; code?: string } = {},
): Promise<{ accommodationId: string; roomTypeId: string }> {
  let accommodationId = overrides.accommodationId;
  if (!accommodationId) {
    accommodationId = newId();
    await ctx.db
      .insertInto('accommodations')
      .values({
        id: accommodationId,
        agencyId: ctx.agencyId,
        supplierId: null,
        name: 'Hotel Test',
        kind: 'hotel',
        street: null,
        city: 'Split',
        postalCode: null,
        country: 'HR',
        latitude: null,
        longitude: null,
        stars: 4,
        boardTypes: json(['BB']),
        photos: json([]),
        description: json({ en: 'A test hotel' }),
        archivedAt: null,
        updatedAt: new Date(),
      })
      .execute();
  }
  const roomTypeId = newId();
  await ctx.db
    .insertInto('roomTypes')
    .values({
      id: roomTypeId,
      agencyId: ctx.agencyId,
      accommodationId,
      code: overrides.code ?? `DBL-${roomTypeId.slice(-6)}`,
      name: json({ en: 'Double room' }),
      maxAdults: 2,
      maxChildren: 1,
      standardBeds: 2,
      extraBeds: 1,
      archivedAt: null,
      updatedAt: new Date(),
    })
    .execute();
  return { accommodationId, roomTypeId };
}

export async function insertBusDeparture(
  ctx: Ctx,
  date: string,
): Promise<{ transportId: string; departureId: string }> {
  const transportId = newId();
  await ctx.db
    .insertInto('transports')
    .values({
      id: transportId,
      agencyId: ctx.agencyId,
      supplierId: null,
      kind: 'bus',
      code: `BUS-${transportId.slice(-6)}`,
      name: 'Prague – Split',
      carrier: 'Test Bus',
      classes: json([{ code: 'STD', name: 'Standard' }]),
      stops: json([
        { name: 'Prague', time: '18:00', dayOffset: 0 },
        { name: 'Split', time: '10:00', dayOffset: 1 },
      ]),
      archivedAt: null,
      updatedAt: new Date(),
    })
    .execute();
  const departureId = newId();
  await ctx.db
    .insertInto('transportDepartures')
    .values({
      id: departureId,
      agencyId: ctx.agencyId,
      transportId,
      date,
      status: 'open',
      updatedAt: new Date(),
    })
    .execute();
  return { transportId, departureId };
}

export async function insertTour(ctx: Ctx, accommodationId: string): Promise<string> {
  const id = newId();
  await ctx.db
    .insertInto('tours')
    .values({
      id,
      agencyId: ctx.agencyId,
      accommodationId,
      transportId: null,
      code: `T-${id.slice(-8)}`,
      name: json({ en: 'Test tour' }),
      description: json({}),
      mode: 'fixed_departures',
      boardType: null,
      photos: json([]),
      archivedAt: null,
      updatedAt: new Date(),
    })
    .execute();
  return id;
}
