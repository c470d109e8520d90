// Read-only look-ups other modules (inventory, pricing) make into the catalog: the few facts
// they need about one product, scoped to the caller's agency. `undefined` when the id is not
// one of this agency's.
import { sql } from 'kysely';
import type { Ctx } from '../../context.ts';
import type {
  DepartureStatus,
  ExtraServiceKind,
  ExtraServiceUnit,
  TourMode,
  TransportClass,
  TransportKind,
  TransportStop,
} from '../../db/schema.ts';

export interface TransportDepartureFacts {
  id: string;
  transportId: string;
  date: string;
  status: DepartureStatus;
  kind: TransportKind;
  classes: TransportClass[];
}

export interface TransportFacts {
  id: string;
  kind: TransportKind;
  classes: TransportClass[];
  stops: TransportStop[];
}

export type ProductKind = 'tour' | 'transport' | 'attraction' | 'extra_service';

export interface AttractionFacts {
  id: string;
  dated: boolean;
  timeSlots: string[];
  advanceBookingDays: number;
}

export interface ExtraServiceFacts {
  id: string;
  limited: boolean;
  unit: ExtraServiceUnit;
  kind: ExtraServiceKind;
}

export interface RoomTypeFacts {
  id: string;
  accommodationId: string;
  maxAdults: number;
  maxChildren: number;
  standardBeds: number;
  extraBeds: number;
  archived: boolean;
}

export interface TourFacts {
  id: string;
  mode: TourMode;
  accommodationId: string;
  transportId: string | null;
}

export async function findTransportDeparture(
  ctx: Ctx,
  id: string,
): Promise<TransportDepartureFacts | undefined> {
  const row = await ctx.db
    .selectFrom('transportDepartures as d')
    .innerJoin('transports as t', (join) =>
      join.onRef('t.id', '=', 'd.transportId').onRef('t.agencyId', '=', 'd.agencyId'),
    )
    .select(['d.id', 'd.transportId', 'd.date', 'd.status', 't.kind', 't.classes'])
    .where('d.agencyId', '=', ctx.agencyId)
    .where('d.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    transportId: row.transportId,
    date: row.date,
    status: row.status,
    kind: row.kind,
    classes: row.classes,
  };
}

export async function findTransport(ctx: Ctx, id: string): Promise<TransportFacts | undefined> {
  const row = await ctx.db
    .selectFrom('transports')
    .select(['id', 'kind', 'classes', 'stops'])
    .where('agencyId', '=', ctx.agencyId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  return { id: row.id, kind: row.kind, classes: row.classes, stops: row.stops };
}

/** The ids of an accommodation's room types (archived ones included). */
export async function roomTypeIdsOf(ctx: Ctx, accommodationId: string): Promise<string[]> {
  const rows = await ctx.db
    .selectFrom('roomTypes')
    .select('id')
    .where('agencyId', '=', ctx.agencyId)
    .where('accommodationId', '=', accommodationId)
    .execute();
  return rows.map((row) => row.id);
}

/** The ids of an attraction's ticket types (archived ones included). */
export async function ticketTypeIdsOf(ctx: Ctx, attractionId: string): Promise<string[]> {
  const rows = await ctx.db
    .selectFrom('ticketTypes')
    .select('id')
    .where('agencyId', '=', ctx.agencyId)
    .where('attractionId', '=', attractionId)
    .execute();
  return rows.map((row) => row.id);
}

/**
 * What kind of product each id is (tour, transport, attraction or extra service), for the ids
 * that are products of the caller's agency; ids of nothing, or of another agency, are absent.
 */
export async function productKindsOf(
  ctx: Ctx,
  ids: readonly string[],
): Promise<Map<string, ProductKind>> {
  if (ids.length === 0) return new Map();
  const of = (table: 'tours' | 'transports' | 'attractions' | 'extraServices', kind: ProductKind) =>
    ctx.db
      .selectFrom(table)
      .select(['id', sql<ProductKind>`${kind}::text`.as('kind')])
      .where('agencyId', '=', ctx.agencyId)
      .where('id', 'in', [...ids]);
  const rows = await of('tours', 'tour')
    .unionAll(of('transports', 'transport'))
    .unionAll(of('attractions', 'attraction'))
    .unionAll(of('extraServices', 'extra_service'))
    .execute();
  return new Map(rows.map((row) => [row.id, row.kind]));
}

export async function findAttraction(ctx: Ctx, id: string): Promise<AttractionFacts | undefined> {
  const row = await ctx.db
    .selectFrom('attractions')
    .select(['id', 'dated', 'timeSlots', 'advanceBookingDays'])
    .where('agencyId', '=', ctx.agencyId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    dated: row.dated,
    timeSlots: row.timeSlots,
    advanceBookingDays: row.advanceBookingDays,
  };
}

export async function findExtraService(
  ctx: Ctx,
  id: string,
): Promise<ExtraServiceFacts | undefined> {
  const row = await ctx.db
    .selectFrom('extraServices')
    .select(['id', 'limited', 'unit', 'kind'])
    .where('agencyId', '=', ctx.agencyId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  return { id: row.id, limited: row.limited, unit: row.unit, kind: row.kind };
}

export async function findRoomType(ctx: Ctx, id: string): Promise<RoomTypeFacts | undefined> {
  const row = await ctx.db
    .selectFrom('roomTypes')
    .select([
      'id',
      'accommodationId',
      'maxAdults',
      'maxChildren',
      'standardBeds',
      'extraBeds',
      'archivedAt',
    ])
    .where('agencyId', '=', ctx.agencyId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    accommodationId: row.accommodationId,
    maxAdults: row.maxAdults,
    maxChildren: row.maxChildren,
    standardBeds: row.standardBeds,
    extraBeds: row.extraBeds,
    archived: row.archivedAt !== null,
  };
}

export async function findTour(ctx: Ctx, id: string): Promise<TourFacts | undefined> {
  const row = await ctx.db
    .selectFrom('tours')
    .select(['id', 'mode', 'accommodationId', 'transportId'])
    .where('agencyId', '=', ctx.agencyId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    mode: row.mode,
    accommodationId: row.accommodationId,
    transportId: row.transportId,
  };
}

/** True when `id` is a supplier of the caller's agency (archived ones included). */
export async function isSupplierOfAgency(ctx: Ctx, id: string): Promise<boolean> {
  const row = await ctx.db
    .selectFrom('suppliers')
    .select('id')
    .where('agencyId', '=', ctx.agencyId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row !== undefined;
}

export interface RoomTypeCodeMatch {
  id: string;
  accommodationId: string;
  accommodationName: string;
  code: string;
  /** The room type or its accommodation is archived. */
  archived: boolean;
}

/**
 * Room types with the code `code` in accommodations named `accommodationName`, both
 * compared without regard to case (spreadsheets, imports). Usually one; several when two
 * accommodations share a name; archived ones included and marked.
 */
export async function findRoomTypesByCode(
  ctx: Ctx,
  accommodationName: string,
  code: string,
): Promise<RoomTypeCodeMatch[]> {
  const rows = await ctx.db
    .selectFrom('roomTypes as r')
    .innerJoin('accommodations as a', (join) =>
      join.onRef('a.id', '=', 'r.accommodationId').onRef('a.agencyId', '=', 'r.agencyId'),
    )
    .select([
      'r.id',
      'r.accommodationId',
      'a.name as accommodationName',
      'r.code',
      'r.archivedAt',
      'a.archivedAt as accommodationArchivedAt',
    ])
    .where('r.agencyId', '=', ctx.agencyId)
    .where((eb) => eb(eb.fn('lower', ['a.name']), '=', eb.fn('lower', [eb.val(accommodationName)])))
    .where((eb) => eb(eb.fn('upper', ['r.code']), '=', eb.fn('upper', [eb.val(code)])))
    .orderBy('r.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    accommodationId: row.accommodationId,
    accommodationName: row.accommodationName,
    code: row.code,
    archived: row.archivedAt !== null || row.accommodationArchivedAt !== null,
  }));
}
