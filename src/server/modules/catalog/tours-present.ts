// How tours, their departures and their seasons look in the API. Pure: rows in, views out,
// shared by the tour, departure and season use cases and by the product search.
import type { BoardType } from './accommodations-service.ts';
import { iso, lifecycle } from './common.ts';
import type { TourDepartureRow, TourRow, TourSeasonRow } from './tours-repo.ts';

export function presentDeparture(row: TourDepartureRow) {
  return {
    id: row.id,
    tourId: row.tourId,
    startDate: row.startDate,
    nights: row.nights,
    transportDepartureId: row.transportDepartureId,
    returnTransportDepartureId: row.returnTransportDepartureId,
    status: row.status,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}
export type TourDepartureView = ReturnType<typeof presentDeparture>;

export function presentSeason(row: TourSeasonRow) {
  return {
    id: row.id,
    tourId: row.tourId,
    name: row.name,
    startDate: row.startDate,
    endDate: row.endDate,
    minStay: row.minStay,
    maxStay: row.maxStay,
    arrivalWeekdays: row.arrivalWeekdays,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}
export type TourSeasonView = ReturnType<typeof presentSeason>;

export function presentTour(
  row: TourRow,
  departures: TourDepartureRow[],
  seasons: TourSeasonRow[],
) {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    description: row.description ?? {},
    mode: row.mode,
    accommodationId: row.accommodationId,
    transportId: row.transportId,
    boardType: row.boardType as BoardType | null,
    photos: row.photos,
    departures: departures.map(presentDeparture),
    seasons: seasons.map(presentSeason),
    ...lifecycle(row),
  };
}
export type TourView = ReturnType<typeof presentTour>;
