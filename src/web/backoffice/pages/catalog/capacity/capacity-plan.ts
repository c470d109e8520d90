// The capacity calendar's arithmetic, without I/O: the nights of a month, and turning a bulk
// edit of a range into the API's requests. `PUT …/capacity` rewrites a night's stop-sale,
// minimum stay and closed-to-arrival along with its units, so a capacity change is split into
// runs of nights that share those restrictions, and each run keeps its own.

import type { AvailabilityDay, CapacityKind } from '../shared/catalog-types.ts';
import { addDays } from '../shared/fields.ts';

/** `YYYY-MM`; anything else is the month of `today`. */
export function parseMonth(value: string | null, today: string): string {
  return value && /^\d{4}-(0[1-9]|1[0-2])$/.test(value) ? value : today.slice(0, 7);
}

export function shiftMonth(month: string, by: number): string {
  const [year, monthNo] = month.split('-').map(Number) as [number, number];
  const date = new Date(Date.UTC(year, monthNo - 1 + by, 1));
  return date.toISOString().slice(0, 7);
}

/** Every night of the month, `YYYY-MM-DD`. */
export function nightsOf(month: string): string[] {
  const first = `${month}-01`;
  const nights: string[] = [];
  for (let date = first; date.startsWith(month); date = addDays(date, 1)) nights.push(date);
  return nights;
}

export type Toggle = 'keep' | 'on' | 'off';

export interface BulkEdit {
  from: string;
  to: string;
  roomTypeIds: string[];
  /** null: units and mode stay as they are. */
  capacity: { kind: CapacityKind; units: number; releaseDays: number | null } | null;
  stopSale: Toggle;
  closedToArrival: Toggle;
  /** undefined: keep; null: clear; a number: set. */
  minStay: number | null | undefined;
}

export interface PlannedRequest {
  roomTypeId: string;
  method: 'PUT' | 'PATCH';
  path: string;
  body: Record<string, unknown>;
}

function toggled(toggle: Toggle, current: boolean): boolean {
  if (toggle === 'keep') return current;
  return toggle === 'on';
}

export function hasChange(edit: BulkEdit): boolean {
  return (
    edit.capacity !== null ||
    edit.stopSale !== 'keep' ||
    edit.closedToArrival !== 'keep' ||
    edit.minStay !== undefined
  );
}

/**
 * The requests that apply `edit` to one room type whose nights from `edit.from` to `edit.to`
 * are `days` (as `GET …/availability` gave them, one per night, in date order).
 */
export function planRoomType(
  edit: BulkEdit,
  roomTypeId: string,
  days: AvailabilityDay[],
): PlannedRequest[] {
  const base = `/api/v1/room-types/${encodeURIComponent(roomTypeId)}`;
  if (edit.capacity === null) {
    return [
      {
        roomTypeId,
        method: 'PATCH',
        path: `${base}/restrictions`,
        body: {
          from: edit.from,
          to: edit.to,
          ...(edit.stopSale !== 'keep' ? { stopSale: edit.stopSale === 'on' } : {}),
          ...(edit.closedToArrival !== 'keep'
            ? { closedToArrival: edit.closedToArrival === 'on' }
            : {}),
          ...(edit.minStay !== undefined ? { minStay: edit.minStay } : {}),
        },
      },
    ];
  }
  const capacity = edit.capacity;
  const byDate = new Map(days.map((day) => [day.date, day]));
  const requests: PlannedRequest[] = [];
  let run: { from: string; to: string; key: string; restrictions: Record<string, unknown> } | null =
    null;
  const flush = () => {
    if (!run) return;
    requests.push({
      roomTypeId,
      method: 'PUT',
      path: `${base}/capacity`,
      body: {
        from: run.from,
        to: run.to,
        kind: capacity.kind,
        units: capacity.units,
        releaseDays: capacity.kind === 'allotment' ? capacity.releaseDays : null,
        ...run.restrictions,
      },
    });
    run = null;
  };
  for (let date = edit.from; date <= edit.to; date = addDays(date, 1)) {
    const day = byDate.get(date);
    const hasCapacity = day !== undefined && day.kind !== null;
    const restrictions = {
      stopSale: toggled(edit.stopSale, hasCapacity ? day.stopSale : false),
      minStay: edit.minStay !== undefined ? edit.minStay : hasCapacity ? day.minStay : null,
      closedToArrival: toggled(edit.closedToArrival, hasCapacity ? day.closedToArrival : false),
    };
    const key = JSON.stringify(restrictions);
    if (run && run.key === key) {
      run.to = date;
    } else {
      flush();
      run = { from: date, to: date, key, restrictions };
    }
  }
  flush();
  return requests;
}
