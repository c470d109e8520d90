// The seat layout document of a vehicle (I4): decks drawn on a grid of rows and columns, the
// seats on it (a stable id, the label printed on the seat, its class and properties, blocked
// for the driver, a guide or the crew), and what is drawn but not sat on (doors, toilets,
// stairs, galleys, exits). A grid cell with nothing in it is a gap or the aisle: two seats are
// beside each other when they are in the same row and neighbouring columns, and across the
// aisle when the same row has an empty column between them. Pure: no I/O.
import type { SeatBlockReason } from '../../db/schema.ts';
import type { FieldError } from '../../errors.ts';

export const seatProperties = [
  'window',
  'aisle',
  'middle',
  'table',
  'front',
  'accessible',
  'no_recline',
  'extra_legroom',
  'exit_row',
] as const;
export type SeatProperty = (typeof seatProperties)[number];

export const blockReasons = [
  'driver',
  'guide',
  'crew',
  'other',
] as const satisfies readonly SeatBlockReason[];

export const featureKinds = [
  'door',
  'toilet',
  'stairs',
  'galley',
  'exit',
  'wheel',
  'luggage',
  'table',
] as const;
export type FeatureKind = (typeof featureKinds)[number];

export const vehicleKinds = ['bus', 'minibus', 'aircraft', 'train', 'boat', 'other'] as const;

export interface LayoutSeat {
  /** Stable within the layout: a booking's seat is kept by this id across layout changes. */
  id: string;
  /** Printed on the seat and the ticket; the id when absent. */
  label?: string;
  /** 1-based grid position on its deck. */
  row: number;
  column: number;
  classCode: string;
  properties?: SeatProperty[];
  /** Never sold: the driver's, the guide's or a crew seat. */
  blocked?: SeatBlockReason | null;
}

/** Drawn on the map, never sat on; spans `rows` × `columns` cells from its position. */
export interface LayoutFeature {
  kind: FeatureKind;
  row: number;
  column: number;
  rows?: number;
  columns?: number;
  label?: string;
}

export interface LayoutDeck {
  id: string;
  name?: string;
  rows: number;
  columns: number;
  seats: LayoutSeat[];
  features?: LayoutFeature[];
}

export interface SeatLayout {
  name: string;
  vehicle: (typeof vehicleKinds)[number];
  /** Customers (and partners) may choose their seats on their own bookings. */
  customerChoice?: boolean;
  decks: LayoutDeck[];
}

/** A seat of the layout with its deck's index: what a departure's seat row is made of. */
export interface PlacedSeat {
  seatId: string;
  label: string;
  classCode: string;
  deck: number;
  row: number;
  column: number;
  properties: SeatProperty[];
  blocked: SeatBlockReason | null;
}

export function placedSeats(layout: SeatLayout): PlacedSeat[] {
  return layout.decks.flatMap((deck, index) =>
    deck.seats.map((seat) => ({
      seatId: seat.id,
      label: seat.label ?? seat.id,
      classCode: seat.classCode,
      deck: index,
      row: seat.row,
      column: seat.column,
      properties: [...new Set(seat.properties ?? [])],
      blocked: seat.blocked ?? null,
    })),
  );
}

/** Seats for sale per class (blocked seats are not). */
export function sellableCounts(layout: SeatLayout): Map<string, number> {
  const counts = new Map<string, number>();
  for (const seat of placedSeats(layout)) {
    if (seat.blocked) continue;
    counts.set(seat.classCode, (counts.get(seat.classCode) ?? 0) + 1);
  }
  return counts;
}

/**
 * What is wrong with a layout for a transport with these classes: repeated deck or seat ids,
 * seats off their deck's grid or on one cell, features off the grid, classes the transport
 * does not have. Empty when nothing.
 */
export function layoutProblems(layout: SeatLayout, classCodes: readonly string[]): FieldError[] {
  const problems: FieldError[] = [];
  const classes = new Set(classCodes);
  const deckIds = new Set<string>();
  const seatIds = new Map<string, string>();
  layout.decks.forEach((deck, d) => {
    const at = `/decks/${d}`;
    if (deckIds.has(deck.id))
      problems.push({ path: `${at}/id`, message: `repeats deck ${deck.id}` });
    deckIds.add(deck.id);
    const cells = new Map<string, string>();
    deck.seats.forEach((seat, s) => {
      const path = `${at}/seats/${s}`;
      const first = seatIds.get(seat.id);
      if (first !== undefined) {
        problems.push({ path: `${path}/id`, message: `repeats seat id ${seat.id} (${first})` });
      } else seatIds.set(seat.id, path);
      if (seat.row < 1 || seat.row > deck.rows) {
        problems.push({
          path: `${path}/row`,
          message: `must be 1 to ${deck.rows} (the deck's rows)`,
        });
      }
      if (seat.column < 1 || seat.column > deck.columns) {
        problems.push({
          path: `${path}/column`,
          message: `must be 1 to ${deck.columns} (the deck's columns)`,
        });
      }
      const cell = `${seat.row}:${seat.column}`;
      const other = cells.get(cell);
      if (other !== undefined) {
        problems.push({
          path: `${path}/column`,
          message: `seat ${seat.id} is on the cell of seat ${other} (row ${seat.row}, column ${seat.column})`,
        });
      } else cells.set(cell, seat.id);
      if (!classes.has(seat.classCode)) {
        problems.push({
          path: `${path}/classCode`,
          message: `is not a class of this transport (classes: ${classCodes.join(', ')})`,
        });
      }
    });
    (deck.features ?? []).forEach((feature, f) => {
      const path = `${at}/features/${f}`;
      const lastRow = feature.row + (feature.rows ?? 1) - 1;
      const lastColumn = feature.column + (feature.columns ?? 1) - 1;
      if (feature.row < 1 || lastRow > deck.rows) {
        problems.push({
          path: `${path}/row`,
          message: `does not fit the deck's ${deck.rows} rows`,
        });
      }
      if (feature.column < 1 || lastColumn > deck.columns) {
        problems.push({
          path: `${path}/column`,
          message: `does not fit the deck's ${deck.columns} columns`,
        });
      }
    });
  });
  if (seatIds.size === 0) problems.push({ path: '/decks', message: 'has no seats' });
  return problems;
}

/**
 * Where the layout's seats for sale differ from a departure's seats per class: one problem per
 * class and departure, stating the difference.
 */
export function countProblems(
  layout: SeatLayout,
  departures: readonly { date: string; seats: ReadonlyMap<string, number> }[],
  classCodes: readonly string[],
): FieldError[] {
  const counts = sellableCounts(layout);
  const problems: FieldError[] = [];
  for (const departure of departures) {
    for (const code of classCodes) {
      const inLayout = counts.get(code) ?? 0;
      const sold = departure.seats.get(code) ?? 0;
      if (inLayout === sold) continue;
      const difference = inLayout - sold;
      problems.push({
        path: '/decks',
        message: `class ${code}: the layout has ${inLayout} seats for sale, the departure of ${departure.date} ${sold} (${Math.abs(difference)} ${difference > 0 ? 'more' : 'fewer'} in the layout); make them equal, or send resizeDepartures: true`,
      });
    }
  }
  return problems;
}
