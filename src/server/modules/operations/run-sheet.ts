// A coach's run sheet (T1): the route's stops in order, who gets on and off at each, and how
// many are on board on each leg between two stops. Pure: the passengers come with the stop
// they board at and the stop they leave at, as indexes into the route.
import type { TransportStop } from '../../db/schema.ts';

/** The stop of the route a boarding point names (its code or its name); -1 when none. */
export function stopIndex(stops: readonly TransportStop[], point: string | null | undefined) {
  if (!point) return -1;
  return stops.findIndex((s) => s.code === point || s.name === point);
}

/**
 * Where a traveller gets on and off: going out at the chosen stop (the first when none was
 * chosen, or the route does not call there) to the terminus; coming back from the first stop
 * to the chosen one (the terminus when the return does not call there).
 */
export function ridesBetween(
  stops: readonly TransportStop[],
  direction: 'outbound' | 'return',
  boardingPoint: string | null | undefined,
): { board: number; alight: number } {
  const last = Math.max(0, stops.length - 1);
  const chosen = stopIndex(stops, boardingPoint);
  if (direction === 'outbound')
    return { board: chosen >= 0 && chosen < last ? chosen : 0, alight: last };
  return { board: 0, alight: chosen > 0 ? chosen : last };
}

export interface Rider {
  board: number;
  alight: number;
}

export interface RunSheetStop<R> {
  index: number;
  stop: TransportStop;
  boarding: R[];
  alighting: R[];
  /** On board when the coach leaves the stop (0 at the terminus). */
  onBoard: number;
}

export interface RunSheet<R> {
  stops: Array<RunSheetStop<R>>;
  /** One leg between each stop and the next, with the travellers on board along it. */
  legs: Array<{ from: number; to: number; load: number }>;
}

/** The run sheet of a departure: riders keep the order given within each stop. */
export function runSheet<R extends Rider>(
  stops: readonly TransportStop[],
  riders: readonly R[],
): RunSheet<R> {
  let onBoard = 0;
  const sheet: Array<RunSheetStop<R>> = stops.map((stop, index) => {
    const boarding = riders.filter((r) => r.board === index);
    const alighting = riders.filter((r) => r.alight === index);
    onBoard += boarding.length - alighting.length;
    return { index, stop, boarding, alighting, onBoard };
  });
  const legs = sheet.slice(0, -1).map((s) => ({ from: s.index, to: s.index + 1, load: s.onBoard }));
  return { stops: sheet, legs };
}
