// Accommodation use cases: hotels, apartments and the like, each with the room types it
// sells. Room types carry occupancy (adults, children, beds); their nightly capacity lives in
// the inventory. Nothing is deleted: accommodations and room types are archived.
import { type Ctx, inTransaction } from '../../context.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { newId } from '../../db/ids.ts';
import { json } from '../../db/json.ts';
import type { LocalizedText } from '../../db/schema.ts';
import { Conflict, type FieldError, Invalid, NotFound } from '../../errors.ts';
import { decodeCursor, toPage } from '../../http/pagination.ts';
import { recordAudit } from '../identity/audit.ts';
import type { AccommodationRow, RoomTypeRow } from './accommodations-repo.ts';
import * as repo from './accommodations-repo.ts';
import { type ArchivedFilter, lifecycle } from './common.ts';
import { isSupplierOfAgency } from './lookup.ts';
import { roomTypeProblems } from './tour-rules.ts';

export const accommodationKinds = [
  'hotel',
  'apartment',
  'guesthouse',
  'resort',
  'camp',
  'other',
] as const;
export type AccommodationKind = (typeof accommodationKinds)[number];

/** Board: room only, bed & breakfast, half board, full board, all inclusive. */
export const boardTypes = ['RO', 'BB', 'HB', 'FB', 'AI'] as const;
export type BoardType = (typeof boardTypes)[number];

export interface RoomTypeInput {
  code: string;
  name: LocalizedText;
  maxAdults: number;
  maxChildren?: number;
  standardBeds: number;
  extraBeds?: number;
}

export type UpdateRoomTypeInput = Partial<RoomTypeInput>;

export interface CreateAccommodationInput {
  supplierId?: string | null;
  name: string;
  kind?: AccommodationKind;
  street?: string | null;
  city: string;
  postalCode?: string | null;
  country: string;
  latitude?: number | null;
  longitude?: number | null;
  stars?: number | null;
  boardTypes?: BoardType[];
  photos?: string[];
  description?: LocalizedText;
  roomTypes?: RoomTypeInput[];
}

export type UpdateAccommodationInput = Partial<Omit<CreateAccommodationInput, 'roomTypes'>>;

export interface AccommodationQuery {
  limit: number;
  cursor?: string;
  country?: string;
  city?: string;
  q?: string;
  supplierId?: string;
  archived?: ArchivedFilter;
}

// --- presenting ---------------------------------------------------------------------------

export function presentRoomType(row: RoomTypeRow) {
  return {
    id: row.id,
    accommodationId: row.accommodationId,
    code: row.code,
    name: row.name,
    maxAdults: row.maxAdults,
    maxChildren: row.maxChildren,
    standardBeds: row.standardBeds,
    extraBeds: row.extraBeds,
    ...lifecycle(row),
  };
}
export type RoomTypeView = ReturnType<typeof presentRoomType>;

function presentAccommodation(row: AccommodationRow, roomTypes: RoomTypeRow[]) {
  return {
    id: row.id,
    supplierId: row.supplierId,
    name: row.name,
    kind: row.kind as AccommodationKind,
    street: row.street,
    city: row.city,
    postalCode: row.postalCode,
    country: row.country,
    latitude: row.latitude,
    longitude: row.longitude,
    stars: row.stars,
    boardTypes: row.boardTypes as BoardType[],
    photos: row.photos,
    description: row.description ?? {},
    roomTypes: roomTypes.map(presentRoomType),
    ...lifecycle(row),
  };
}
export type AccommodationView = ReturnType<typeof presentAccommodation>;

async function presentAccommodations(ctx: Ctx, rows: AccommodationRow[]) {
  const roomTypes = await repo.listRoomTypes(
    ctx.db,
    ctx.agencyId,
    rows.map((r) => r.id),
  );
  return rows.map((row) =>
    presentAccommodation(
      row,
      roomTypes.filter((r) => r.accommodationId === row.id),
    ),
  );
}

// --- checks -------------------------------------------------------------------------------

function throwIfAny(problems: FieldError[]): void {
  if (problems.length === 0) return;
  throw new Invalid(problems.map((p) => `${p.path.slice(1)} ${p.message}`).join('; '), problems);
}

function coordinateProblems(latitude: number | null, longitude: number | null): FieldError[] {
  if ((latitude === null) === (longitude === null)) return [];
  return [
    latitude === null
      ? { path: '/latitude', message: 'is required with a longitude' }
      : { path: '/longitude', message: 'is required with a latitude' },
  ];
}

/** Room types written together: capacity within the beds, codes not repeated. */
function roomTypesProblems(roomTypes: RoomTypeInput[], prefix: string): FieldError[] {
  const problems: FieldError[] = [];
  const codes = new Set<string>();
  roomTypes.forEach((roomType, index) => {
    const at = `${prefix}/${index}`;
    problems.push(...roomTypeProblems(withDefaults(roomType), at));
    const code = roomType.code.trim();
    if (codes.has(code)) {
      problems.push({ path: `${at}/code`, message: `repeats room type code ${code}` });
    }
    codes.add(code);
  });
  return problems;
}

function withDefaults(roomType: RoomTypeInput) {
  return {
    ...roomType,
    code: roomType.code.trim(),
    maxChildren: roomType.maxChildren ?? 0,
    extraBeds: roomType.extraBeds ?? 0,
  };
}

async function checkSupplier(ctx: Ctx, supplierId: string | null | undefined): Promise<void> {
  if (supplierId && !(await isSupplierOfAgency(ctx, supplierId))) {
    throw Invalid.field('/supplierId', 'is not a supplier of this agency');
  }
}

function duplicateRoomCode(code: string): Conflict {
  return new Conflict(
    `room type code ${code} is already used in this accommodation (archived room types included)`,
    [{ path: '/code', message: 'is already used by another room type of this accommodation' }],
  );
}

async function loadAccommodation(ctx: Ctx, id: string): Promise<AccommodationRow> {
  const row = await repo.findAccommodation(ctx.db, ctx.agencyId, id);
  if (!row) throw new NotFound('accommodation', id);
  return row;
}

async function loadRoomType(ctx: Ctx, id: string): Promise<RoomTypeRow> {
  const row = await repo.findRoomType(ctx.db, ctx.agencyId, id);
  if (!row) throw new NotFound('room type', id);
  return row;
}

function newRoomTypeRow(ctx: Ctx, accommodationId: string, input: RoomTypeInput) {
  const roomType = withDefaults(input);
  return {
    id: newId(),
    agencyId: ctx.agencyId,
    accommodationId,
    code: roomType.code,
    name: json(roomType.name),
    maxAdults: roomType.maxAdults,
    maxChildren: roomType.maxChildren,
    standardBeds: roomType.standardBeds,
    extraBeds: roomType.extraBeds,
    archivedAt: null,
    updatedAt: new Date(),
  };
}

// --- accommodations -----------------------------------------------------------------------

/** Lists the agency's accommodations, newest first, each with its room types. */
export async function listAccommodations(ctx: Ctx, query: AccommodationQuery) {
  const rows = await repo.listAccommodations(ctx.db, ctx.agencyId, {
    country: query.country,
    city: query.city,
    q: query.q,
    supplierId: query.supplierId,
    archived: query.archived ?? 'false',
    before: decodeCursor(query.cursor),
    limit: query.limit,
  });
  const page = toPage(rows, query.limit);
  return { items: await presentAccommodations(ctx, page.items), nextCursor: page.nextCursor };
}

/** One accommodation of the agency with its room types (archived ones flagged). */
export async function getAccommodation(ctx: Ctx, id: string): Promise<AccommodationView> {
  const [view] = await presentAccommodations(ctx, [await loadAccommodation(ctx, id)]);
  return view as AccommodationView;
}

/** Creates an accommodation with its room types, in one transaction. */
export async function createAccommodation(
  ctx: Ctx,
  input: CreateAccommodationInput,
): Promise<AccommodationView> {
  const roomTypes = input.roomTypes ?? [];
  throwIfAny([
    ...coordinateProblems(input.latitude ?? null, input.longitude ?? null),
    ...roomTypesProblems(roomTypes, '/roomTypes'),
  ]);
  return inTransaction(ctx, async (tx) => {
    await checkSupplier(tx, input.supplierId);
    const row = await repo.insertAccommodation(tx.db, {
      id: newId(),
      agencyId: tx.agencyId,
      supplierId: input.supplierId ?? null,
      name: input.name.trim(),
      kind: input.kind ?? 'hotel',
      street: input.street ?? null,
      city: input.city.trim(),
      postalCode: input.postalCode ?? null,
      country: input.country,
      latitude: input.latitude ?? null,
      longitude: input.longitude ?? null,
      stars: input.stars ?? null,
      boardTypes: json(input.boardTypes ?? []),
      photos: json(input.photos ?? []),
      description: json(input.description ?? {}),
      archivedAt: null,
      updatedAt: new Date(),
    });
    const inserted = await repo.insertRoomTypes(
      tx.db,
      roomTypes.map((roomType) => newRoomTypeRow(tx, row.id, roomType)),
    );
    const byCode = new Map(inserted.map((r) => [r.code, r]));
    const ordered = roomTypes.map((r) => byCode.get(r.code.trim()) as RoomTypeRow);
    const after = presentAccommodation(row, ordered);
    await recordAudit(tx, {
      action: 'catalog.accommodation.created',
      entityType: 'accommodation',
      entityId: row.id,
      after,
    });
    for (const roomType of after.roomTypes) {
      await recordAudit(tx, {
        action: 'catalog.room_type.created',
        entityType: 'room_type',
        entityId: roomType.id,
        after: roomType,
      });
    }
    return after;
  });
}

/** Changes the fields given (room types have their own endpoints); `null` clears. */
export async function updateAccommodation(
  ctx: Ctx,
  id: string,
  input: UpdateAccommodationInput,
): Promise<AccommodationView> {
  return inTransaction(ctx, async (tx) => {
    const before = await getAccommodation(tx, id);
    throwIfAny(
      coordinateProblems(
        input.latitude === undefined ? before.latitude : input.latitude,
        input.longitude === undefined ? before.longitude : input.longitude,
      ),
    );
    await checkSupplier(tx, input.supplierId);
    await repo.updateAccommodation(tx.db, tx.agencyId, id, {
      supplierId: input.supplierId,
      name: input.name?.trim(),
      kind: input.kind,
      street: input.street,
      city: input.city?.trim(),
      postalCode: input.postalCode,
      country: input.country,
      latitude: input.latitude,
      longitude: input.longitude,
      stars: input.stars,
      boardTypes: input.boardTypes === undefined ? undefined : json(input.boardTypes),
      photos: input.photos === undefined ? undefined : json(input.photos),
      description: input.description === undefined ? undefined : json(input.description),
    });
    const after = await getAccommodation(tx, id);
    await recordAudit(tx, {
      action: 'catalog.accommodation.updated',
      entityType: 'accommodation',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

/** Archives (hides from lists and search) or restores an accommodation. */
export async function setAccommodationArchived(
  ctx: Ctx,
  id: string,
  archived: boolean,
): Promise<AccommodationView> {
  return inTransaction(ctx, async (tx) => {
    const before = await getAccommodation(tx, id);
    if (before.archived === archived) return before;
    await repo.updateAccommodation(tx.db, tx.agencyId, id, {
      archivedAt: archived ? new Date() : null,
    });
    const after = await getAccommodation(tx, id);
    await recordAudit(tx, {
      action: archived ? 'catalog.accommodation.archived' : 'catalog.accommodation.restored',
      entityType: 'accommodation',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

// --- room types ---------------------------------------------------------------------------

/** One room type of the agency, with the accommodation it belongs to. */
export async function getRoomType(ctx: Ctx, id: string): Promise<RoomTypeView> {
  return presentRoomType(await loadRoomType(ctx, id));
}

/** Adds a room type to an accommodation; a code the accommodation already has is a 409. */
export async function addRoomType(
  ctx: Ctx,
  accommodationId: string,
  input: RoomTypeInput,
): Promise<RoomTypeView> {
  throwIfAny(roomTypeProblems(withDefaults(input)));
  return inTransaction(ctx, async (tx) => {
    const accommodation = await loadAccommodation(tx, accommodationId);
    if (accommodation.archivedAt !== null) {
      throw new Conflict(
        `accommodation ${accommodation.name} is archived; restore it before adding room types`,
      );
    }
    const existing = await repo.listRoomTypes(tx.db, tx.agencyId, [accommodationId]);
    const code = input.code.trim();
    if (existing.some((r) => r.code === code)) throw duplicateRoomCode(code);
    // The check above answers the common case; the unique index settles a concurrent race.
    const [row] = await repo
      .insertRoomTypes(tx.db, [newRoomTypeRow(tx, accommodationId, input)])
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) throw duplicateRoomCode(code);
        throw error;
      });
    const after = presentRoomType(row as RoomTypeRow);
    await recordAudit(tx, {
      action: 'catalog.room_type.created',
      entityType: 'room_type',
      entityId: after.id,
      after,
    });
    return after;
  });
}

/** Changes a room type; the occupancy is checked as it will be after the change. */
export async function updateRoomType(
  ctx: Ctx,
  id: string,
  input: UpdateRoomTypeInput,
): Promise<RoomTypeView> {
  return inTransaction(ctx, async (tx) => {
    const beforeRow = await loadRoomType(tx, id);
    throwIfAny(
      roomTypeProblems({
        maxAdults: input.maxAdults ?? beforeRow.maxAdults,
        maxChildren: input.maxChildren ?? beforeRow.maxChildren,
        standardBeds: input.standardBeds ?? beforeRow.standardBeds,
        extraBeds: input.extraBeds ?? beforeRow.extraBeds,
      }),
    );
    const code = input.code?.trim();
    if (code !== undefined && code !== beforeRow.code) {
      const siblings = await repo.listRoomTypes(tx.db, tx.agencyId, [beforeRow.accommodationId]);
      if (siblings.some((r) => r.code === code && r.id !== id)) throw duplicateRoomCode(code);
    }
    const row = await repo
      .updateRoomType(tx.db, tx.agencyId, id, {
        code,
        name: input.name === undefined ? undefined : json(input.name),
        maxAdults: input.maxAdults,
        maxChildren: input.maxChildren,
        standardBeds: input.standardBeds,
        extraBeds: input.extraBeds,
      })
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) throw duplicateRoomCode(code ?? beforeRow.code);
        throw error;
      });
    const after = presentRoomType(row);
    await recordAudit(tx, {
      action: 'catalog.room_type.updated',
      entityType: 'room_type',
      entityId: id,
      before: presentRoomType(beforeRow),
      after,
    });
    return after;
  });
}

/** Archives (no longer sold) or restores a room type. */
export async function setRoomTypeArchived(
  ctx: Ctx,
  id: string,
  archived: boolean,
): Promise<RoomTypeView> {
  return inTransaction(ctx, async (tx) => {
    const beforeRow = await loadRoomType(tx, id);
    const before = presentRoomType(beforeRow);
    if (before.archived === archived) return before;
    const row = await repo.updateRoomType(tx.db, tx.agencyId, id, {
      archivedAt: archived ? new Date() : null,
    });
    const after = presentRoomType(row);
    await recordAudit(tx, {
      action: archived ? 'catalog.room_type.archived' : 'catalog.room_type.restored',
      entityType: 'room_type',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}
