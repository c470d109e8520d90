// Tour use cases: a stay at an accommodation (optionally with transport) sold either on fixed
// departures (dated, with a set number of nights) or by days within seasons (arrival
// weekdays, minimum and maximum stay). Tours are archived, never deleted; seasons are edited.
import { addDays, daysBetween } from '../../calendar.ts';
import { type Ctx, inTransaction } from '../../context.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { newId } from '../../db/ids.ts';
import { json } from '../../db/json.ts';
import type { DepartureStatus, LocalizedText, TourMode } from '../../db/schema.ts';
import { Conflict, type FieldError, Invalid, NotFound } from '../../errors.ts';
import { decodeCursor, toPage } from '../../http/pagination.ts';
import { recordAudit } from '../identity/audit.ts';
import { findAccommodation } from './accommodations-repo.ts';
import type { BoardType } from './accommodations-service.ts';
import type { ArchivedFilter } from './common.ts';
import { findTransportDeparture } from './lookup.ts';
import {
  checkStay,
  type DepartureAt,
  departureAt,
  departureFor,
  modeProblems,
  overlapProblems,
  repeatedDepartureProblems,
  seasonProblems,
  seasonWithDefaults,
  type TourDepartureInput,
  type TourSeasonInput,
} from './tour-rules.ts';
import { presentTour, type TourView } from './tours-present.ts';
import type { TourRow } from './tours-repo.ts';
import * as repo from './tours-repo.ts';

export type { TourDepartureInput, TourSeasonInput } from './tour-rules.ts';

export const tourModes = ['fixed_departures', 'by_days'] as const satisfies readonly TourMode[];
export const departureStatuses = [
  'open',
  'closed',
  'cancelled',
] as const satisfies readonly DepartureStatus[];

export interface CreateTourInput {
  accommodationId: string;
  transportId?: string | null;
  code: string;
  name: LocalizedText;
  description?: LocalizedText;
  mode: TourMode;
  boardType?: BoardType | null;
  photos?: string[];
  departures?: TourDepartureInput[];
  seasons?: TourSeasonInput[];
}

export type UpdateTourInput = Partial<Omit<CreateTourInput, 'departures' | 'seasons'>>;

export interface TourQuery {
  limit: number;
  cursor?: string;
  mode?: TourMode;
  accommodationId?: string;
  country?: string;
  q?: string;
  archived?: ArchivedFilter;
}

// --- presenting ---------------------------------------------------------------------------

async function presentTours(ctx: Ctx, rows: TourRow[]): Promise<TourView[]> {
  const ids = rows.map((r) => r.id);
  const [departures, seasons] = await Promise.all([
    repo.listDepartures(ctx.db, ctx.agencyId, ids),
    repo.listSeasons(ctx.db, ctx.agencyId, ids),
  ]);
  return rows.map((row) =>
    presentTour(
      row,
      departures.filter((d) => d.tourId === row.id),
      seasons.filter((s) => s.tourId === row.id),
    ),
  );
}

// --- checks (the exported ones are shared with tour-departures-service.ts) -----------------

function invalid(problems: FieldError[]): Invalid {
  return new Invalid(problems.map((p) => `${p.path.slice(1)} ${p.message}`).join('; '), problems);
}

export function throwIfAny(problems: FieldError[]): void {
  if (problems.length > 0) throw invalid(problems);
}

export async function loadTour(ctx: Ctx, id: string): Promise<TourRow> {
  const row = await repo.findTour(ctx.db, ctx.agencyId, id);
  if (!row) throw new NotFound('tour', id);
  return row;
}

function duplicateCode(code: string): Conflict {
  return new Conflict(`a tour with code ${code} already exists in this agency`, [
    { path: '/code', message: 'is already used by another tour (archived ones included)' },
  ]);
}

/** The accommodation, transport and board of a tour, as they will be after the write. */
async function referenceProblems(
  ctx: Ctx,
  refs: { accommodationId: string; transportId: string | null; boardType: string | null },
  changed: { accommodationId: boolean; transportId: boolean; boardType: boolean },
): Promise<FieldError[]> {
  const problems: FieldError[] = [];
  const accommodation = await findAccommodation(ctx.db, ctx.agencyId, refs.accommodationId);
  if (!accommodation) {
    problems.push({ path: '/accommodationId', message: 'is not an accommodation of this agency' });
  } else if (changed.accommodationId && accommodation.archivedAt !== null) {
    problems.push({
      path: '/accommodationId',
      message: `is archived (${accommodation.name}); restore it first`,
    });
  }
  if (
    changed.transportId &&
    refs.transportId !== null &&
    !(await repo.isTransportOfAgency(ctx.db, ctx.agencyId, refs.transportId))
  ) {
    problems.push({ path: '/transportId', message: 'is not a transport of this agency' });
  }
  const offered = (accommodation?.boardTypes ?? []) as string[];
  if (
    (changed.boardType || changed.accommodationId) &&
    refs.boardType !== null &&
    offered.length > 0 &&
    !offered.includes(refs.boardType)
  ) {
    problems.push({
      path: '/boardType',
      message: `is not offered by ${accommodation?.name} (it offers ${offered.join(', ')})`,
    });
  }
  return problems;
}

/** Departures written together: each once, and their transport departures this agency's. */
export async function departureProblems(
  ctx: Ctx,
  departures: DepartureAt<Partial<TourDepartureInput>>[],
): Promise<FieldError[]> {
  const problems = repeatedDepartureProblems(departures);
  const known = new Map<string, boolean>();
  const isOurs = async (id: string) => {
    if (!known.has(id)) known.set(id, (await findTransportDeparture(ctx, id)) !== undefined);
    return known.get(id) as boolean;
  };
  for (const departure of departures) {
    for (const field of ['transportDepartureId', 'returnTransportDepartureId'] as const) {
      const id = departure[field];
      if (id && !(await isOurs(id))) {
        problems.push({
          path: `${departure.path}/${field}`,
          message: 'is not a transport departure of this agency',
        });
      }
    }
  }
  return problems;
}

export function departureRows(ctx: Ctx, tourId: string, departures: TourDepartureInput[]) {
  return departures.map((d) => ({
    id: newId(),
    agencyId: ctx.agencyId,
    tourId,
    startDate: d.startDate,
    nights: d.nights,
    transportDepartureId: d.transportDepartureId ?? null,
    returnTransportDepartureId: d.returnTransportDepartureId ?? null,
    status: d.status ?? 'open',
    updatedAt: new Date(),
  }));
}

export function seasonRows(ctx: Ctx, tourId: string, seasons: TourSeasonInput[]) {
  return seasons.map((s) => {
    const rule = seasonWithDefaults(s, '');
    return {
      id: newId(),
      agencyId: ctx.agencyId,
      tourId,
      name: s.name.trim(),
      startDate: rule.startDate,
      endDate: rule.endDate,
      minStay: rule.minStay,
      maxStay: rule.maxStay,
      arrivalWeekdays: json([...rule.arrivalWeekdays].sort((a, b) => a - b)),
      updatedAt: new Date(),
    };
  });
}

// --- tours --------------------------------------------------------------------------------

/** Lists the agency's tours, newest first, with their departures and seasons. */
export async function listTours(ctx: Ctx, query: TourQuery) {
  const rows = await repo.listTours(ctx.db, ctx.agencyId, {
    mode: query.mode,
    accommodationId: query.accommodationId,
    country: query.country,
    q: query.q,
    archived: query.archived ?? 'false',
    before: decodeCursor(query.cursor),
    limit: query.limit,
  });
  const page = toPage(rows, query.limit);
  return { items: await presentTours(ctx, page.items), nextCursor: page.nextCursor };
}

/** One tour of the agency with its departures and seasons (in date order). */
export async function getTour(ctx: Ctx, id: string): Promise<TourView> {
  const [view] = await presentTours(ctx, [await loadTour(ctx, id)]);
  return view as TourView;
}

/** Creates a tour with its departures or seasons, in one transaction. */
export async function createTour(ctx: Ctx, input: CreateTourInput): Promise<TourView> {
  const departures = (input.departures ?? []).map((d, i) => departureAt(d, `/departures/${i}`));
  const seasons = (input.seasons ?? []).map((s, i) => seasonWithDefaults(s, `/seasons/${i}`));
  throwIfAny([
    ...modeProblems(input.mode, input),
    ...seasons.flatMap(seasonProblems),
    ...overlapProblems([], seasons),
  ]);
  return inTransaction(ctx, async (tx) => {
    const code = input.code.trim();
    throwIfAny([
      ...(await referenceProblems(
        tx,
        {
          accommodationId: input.accommodationId,
          transportId: input.transportId ?? null,
          boardType: input.boardType ?? null,
        },
        { accommodationId: true, transportId: true, boardType: true },
      )),
      ...(await departureProblems(tx, departures)),
    ]);
    if (await repo.findTourByCode(tx.db, tx.agencyId, code)) throw duplicateCode(code);
    const row = await repo
      .insertTour(tx.db, {
        id: newId(),
        agencyId: tx.agencyId,
        accommodationId: input.accommodationId,
        transportId: input.transportId ?? null,
        code,
        name: json(input.name),
        description: json(input.description ?? {}),
        mode: input.mode,
        boardType: input.boardType ?? null,
        photos: json(input.photos ?? []),
        archivedAt: null,
        updatedAt: new Date(),
      })
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) throw duplicateCode(code);
        throw error;
      });
    await repo.insertDepartures(tx.db, departureRows(tx, row.id, input.departures ?? []));
    await repo.insertSeasons(tx.db, seasonRows(tx, row.id, input.seasons ?? []));
    const after = await getTour(tx, row.id);
    await recordAudit(tx, {
      action: 'catalog.tour.created',
      entityType: 'tour',
      entityId: row.id,
      after,
    });
    return after;
  });
}

/**
 * Changes the fields given (departures and seasons have their own endpoints). The mode may
 * change only while the tour has neither departures nor seasons.
 */
export async function updateTour(ctx: Ctx, id: string, input: UpdateTourInput): Promise<TourView> {
  return inTransaction(ctx, async (tx) => {
    const before = await getTour(tx, id);
    if (
      input.mode !== undefined &&
      input.mode !== before.mode &&
      before.departures.length + before.seasons.length > 0
    ) {
      throw new Conflict(
        `tour ${before.code} already has ${before.mode === 'fixed_departures' ? 'departures' : 'seasons'}; its mode cannot change`,
        [{ path: '/mode', message: 'cannot change once the tour has departures or seasons' }],
      );
    }
    throwIfAny(
      await referenceProblems(
        tx,
        {
          accommodationId: input.accommodationId ?? before.accommodationId,
          transportId: input.transportId === undefined ? before.transportId : input.transportId,
          boardType: input.boardType === undefined ? before.boardType : input.boardType,
        },
        {
          accommodationId: input.accommodationId !== undefined,
          transportId: input.transportId !== undefined,
          boardType: input.boardType !== undefined,
        },
      ),
    );
    const code = input.code?.trim();
    if (code !== undefined && code !== before.code) {
      if (await repo.findTourByCode(tx.db, tx.agencyId, code)) throw duplicateCode(code);
    }
    await repo
      .updateTour(tx.db, tx.agencyId, id, {
        accommodationId: input.accommodationId,
        transportId: input.transportId,
        code,
        name: input.name === undefined ? undefined : json(input.name),
        description: input.description === undefined ? undefined : json(input.description),
        mode: input.mode,
        boardType: input.boardType,
        photos: input.photos === undefined ? undefined : json(input.photos),
      })
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) throw duplicateCode(code ?? before.code);
        throw error;
      });
    const after = await getTour(tx, id);
    await recordAudit(tx, {
      action: 'catalog.tour.updated',
      entityType: 'tour',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

/** Archives (no longer sold, hidden from lists and search) or restores a tour. */
export async function setTourArchived(ctx: Ctx, id: string, archived: boolean): Promise<TourView> {
  return inTransaction(ctx, async (tx) => {
    const before = await getTour(tx, id);
    if (before.archived === archived) return before;
    await repo.updateTour(tx.db, tx.agencyId, id, { archivedAt: archived ? new Date() : null });
    const after = await getTour(tx, id);
    await recordAudit(tx, {
      action: archived ? 'catalog.tour.archived' : 'catalog.tour.restored',
      entityType: 'tour',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

/**
 * Checks a stay against a tour: for a by-days tour, its seasons (`checkStay`); for a
 * fixed-departure tour, an open departure starting on `checkIn` and lasting until
 * `checkOut`. Throws `Invalid` naming `/checkIn` or `/checkOut`.
 */
export async function checkTourStay(
  ctx: Ctx,
  tourId: string,
  stay: { checkIn: string; checkOut: string },
): Promise<{ ok: true; nights: number; seasonId: string | null; departureId: string | null }> {
  const tour = await getTour(ctx, tourId);
  if (tour.archived) throw new Conflict(`tour ${tour.code} is archived and no longer sold`);
  const nights = daysBetween(stay.checkIn, stay.checkOut);
  if (nights < 1) throw Invalid.field('/checkOut', `must be after check-in (${stay.checkIn})`);
  if (tour.mode === 'by_days') {
    const result = checkStay(tour.seasons, stay.checkIn, stay.checkOut);
    if (!result.ok) throw invalid(result.errors);
    return { ok: true, nights: result.nights, seasonId: result.season.id, departureId: null };
  }
  const departure = departureFor(tour.departures, stay.checkIn, nights);
  if (!departure) {
    const sameDay = tour.departures.filter((d) => d.startDate === stay.checkIn);
    if (sameDay.length > 0) {
      const options = sameDay
        .map((d) => `${d.nights} nights (check-out ${addDays(d.startDate, d.nights)})`)
        .join(' or ');
      throw Invalid.field('/checkOut', `the departure of ${stay.checkIn} lasts ${options}`);
    }
    throw Invalid.field('/checkIn', `no departure of tour ${tour.code} starts on ${stay.checkIn}`);
  }
  if (departure.status !== 'open') {
    throw Invalid.field('/checkIn', `the departure of ${stay.checkIn} is ${departure.status}`);
  }
  return { ok: true, nights, seasonId: null, departureId: departure.id };
}
