// Departure and season use cases of a tour: the dated departures of a fixed-departure tour
// and the seasons of a by-days tour. Each is added to a tour, read and edited on its own;
// none is ever deleted.
import { type Ctx, inTransaction } from '../../context.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { json } from '../../db/json.ts';
import type { DepartureStatus } from '../../db/schema.ts';
import { Conflict, NotFound } from '../../errors.ts';
import { recordAudit } from '../identity/audit.ts';
import {
  type AddDeparturesInput,
  departureAt,
  departuresOfRequest,
  overlapProblems,
  type SeasonAt,
  seasonProblems,
  seasonWithDefaults,
  type TourSeasonInput,
} from './tour-rules.ts';
import {
  presentDeparture,
  presentSeason,
  type TourDepartureView,
  type TourSeasonView,
} from './tours-present.ts';
import type { TourSeasonRow } from './tours-repo.ts';
import * as repo from './tours-repo.ts';
import {
  departureProblems,
  departureRows,
  loadTour,
  seasonRows,
  throwIfAny,
} from './tours-service.ts';

export type { AddDeparturesInput } from './tour-rules.ts';

export interface UpdateDepartureInput {
  status?: DepartureStatus;
  nights?: number;
  transportDepartureId?: string | null;
  returnTransportDepartureId?: string | null;
}

export type UpdateSeasonInput = Partial<TourSeasonInput>;

// --- departures ---------------------------------------------------------------------------

/** One departure of a fixed-departure tour. */
export async function getDeparture(ctx: Ctx, id: string): Promise<TourDepartureView> {
  const row = await repo.findDeparture(ctx.db, ctx.agencyId, id);
  if (!row) throw new NotFound('tour departure', id);
  return presentDeparture(row);
}

/** Adds one departure, a batch, or a generated series to a fixed-departure tour. */
export async function addDepartures(
  ctx: Ctx,
  tourId: string,
  input: AddDeparturesInput,
): Promise<TourDepartureView[]> {
  const departures = departuresOfRequest(input);
  return inTransaction(ctx, async (tx) => {
    const tour = await loadTour(tx, tourId);
    if (tour.mode !== 'fixed_departures') {
      throw new Conflict(`tour ${tour.code} is sold by days: it has seasons, not departures`);
    }
    if (tour.archivedAt !== null) {
      throw new Conflict(`tour ${tour.code} is archived; restore it before adding departures`);
    }
    throwIfAny(await departureProblems(tx, departures));
    const existing = await repo.listDepartures(tx.db, tx.agencyId, [tourId]);
    const taken = new Set(existing.map((d) => `${d.startDate}/${d.nights}`));
    const clashes = departures.filter((d) => taken.has(`${d.startDate}/${d.nights}`));
    if (clashes.length > 0) {
      throw new Conflict(
        `tour ${tour.code} already has ${clashes.map((d) => `${d.startDate} (${d.nights} nights)`).join(', ')}`,
        clashes.map((d) => ({
          path: d.startPath,
          message: 'already has a departure of this length',
        })),
      );
    }
    const rows = await repo
      .insertDepartures(tx.db, departureRows(tx, tourId, departures))
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) {
          throw new Conflict(`tour ${tour.code} already has one of these departures`);
        }
        throw error;
      });
    const views = rows
      .map(presentDeparture)
      .sort((a, b) => a.startDate.localeCompare(b.startDate) || a.nights - b.nights);
    for (const view of views) {
      await recordAudit(tx, {
        action: 'catalog.tour_departure.created',
        entityType: 'tour_departure',
        entityId: view.id,
        after: view,
      });
    }
    return views;
  });
}

/** Changes a departure's status, length or transport. */
export async function updateDeparture(
  ctx: Ctx,
  id: string,
  input: UpdateDepartureInput,
): Promise<TourDepartureView> {
  return inTransaction(ctx, async (tx) => {
    const before = await getDeparture(tx, id);
    throwIfAny(await departureProblems(tx, [departureAt(input, '')]));
    const row = await repo
      .updateDeparture(tx.db, tx.agencyId, id, {
        status: input.status,
        nights: input.nights,
        transportDepartureId: input.transportDepartureId,
        returnTransportDepartureId: input.returnTransportDepartureId,
      })
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) {
          throw new Conflict(
            `the tour already has a departure on ${before.startDate} for ${input.nights} nights`,
            [{ path: '/nights', message: 'another departure that day already has this length' }],
          );
        }
        throw error;
      });
    const after = presentDeparture(row);
    await recordAudit(tx, {
      action: 'catalog.tour_departure.updated',
      entityType: 'tour_departure',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

// --- seasons ------------------------------------------------------------------------------

function seasonRule(row: TourSeasonRow): SeasonAt {
  return { ...row, path: '' };
}

/** One season of a by-days tour. */
export async function getSeason(ctx: Ctx, id: string): Promise<TourSeasonView> {
  const row = await repo.findSeason(ctx.db, ctx.agencyId, id);
  if (!row) throw new NotFound('tour season', id);
  return presentSeason(row);
}

/** Adds a season to a by-days tour; it must not share a night with the tour's others. */
export async function addSeason(
  ctx: Ctx,
  tourId: string,
  input: TourSeasonInput,
): Promise<TourSeasonView> {
  const season = seasonWithDefaults(input, '');
  throwIfAny(seasonProblems(season));
  return inTransaction(ctx, async (tx) => {
    const tour = await loadTour(tx, tourId);
    if (tour.mode !== 'by_days') {
      throw new Conflict(`tour ${tour.code} has fixed departures: it has no seasons`);
    }
    if (tour.archivedAt !== null) {
      throw new Conflict(`tour ${tour.code} is archived; restore it before adding seasons`);
    }
    await repo.lockTour(tx.db, tx.agencyId, tourId);
    const others = await repo.listSeasons(tx.db, tx.agencyId, [tourId]);
    throwIfAny(overlapProblems(others.map(seasonRule), [season]));
    const [row] = await repo.insertSeasons(tx.db, seasonRows(tx, tourId, [input]));
    const after = presentSeason(row as TourSeasonRow);
    await recordAudit(tx, {
      action: 'catalog.tour_season.created',
      entityType: 'tour_season',
      entityId: after.id,
      after,
    });
    return after;
  });
}

/** Changes a season; the result must be valid and not overlap the tour's other seasons. */
export async function updateSeason(
  ctx: Ctx,
  id: string,
  input: UpdateSeasonInput,
): Promise<TourSeasonView> {
  return inTransaction(ctx, async (tx) => {
    const beforeRow = await repo.findSeason(tx.db, tx.agencyId, id);
    if (!beforeRow) throw new NotFound('tour season', id);
    await repo.lockTour(tx.db, tx.agencyId, beforeRow.tourId);
    const merged = seasonWithDefaults(
      {
        name: input.name ?? beforeRow.name,
        startDate: input.startDate ?? beforeRow.startDate,
        endDate: input.endDate ?? beforeRow.endDate,
        minStay: input.minStay ?? beforeRow.minStay,
        maxStay: input.maxStay === undefined ? beforeRow.maxStay : input.maxStay,
        arrivalWeekdays: input.arrivalWeekdays ?? beforeRow.arrivalWeekdays,
      },
      '',
    );
    const others = (await repo.listSeasons(tx.db, tx.agencyId, [beforeRow.tourId])).filter(
      (s) => s.id !== id,
    );
    throwIfAny([...seasonProblems(merged), ...overlapProblems(others.map(seasonRule), [merged])]);
    const row = await repo.updateSeason(tx.db, tx.agencyId, id, {
      name: input.name?.trim(),
      startDate: input.startDate,
      endDate: input.endDate,
      minStay: input.minStay,
      maxStay: input.maxStay,
      arrivalWeekdays:
        input.arrivalWeekdays === undefined
          ? undefined
          : json([...input.arrivalWeekdays].sort((a, b) => a - b)),
    });
    const after = presentSeason(row);
    await recordAudit(tx, {
      action: 'catalog.tour_season.updated',
      entityType: 'tour_season',
      entityId: id,
      before: presentSeason(beforeRow),
      after,
    });
    return after;
  });
}
