// The seat map of a transport departure as the screen draws and works it: the API's answer,
// each deck laid out as grid cells, a colour per booking, the bookings with their travellers
// and seats, and what a click on a seat means (pick a traveller, move, swap, hold). Pure.
import type { FeatureKind } from '../../../../../server/modules/seating/layout.ts';
import { isTogether } from '../../../../../server/modules/seating/seating.ts';

export type SeatState = 'free' | 'held' | 'sold' | 'blocked';

export interface SeatOccupant {
  id: string;
  number: string;
  travellerIndex: number;
  name: string | null;
  child: boolean;
}

export interface MapSeat {
  seatId: string;
  label: string;
  classCode: string;
  deck: number;
  row: number;
  column: number;
  properties: string[];
  state: SeatState;
  blocked: string | null;
  held: string | null;
  booking: SeatOccupant | null;
}

export interface MapFeature {
  kind: FeatureKind;
  row: number;
  column: number;
  rows?: number;
  columns?: number;
  label?: string;
}

export interface MapDeck {
  id: string;
  name: string | null;
  rows: number;
  columns: number;
  features: MapFeature[];
}

export interface ClassCount {
  classCode: string;
  name: string;
  seats: number;
  sold: number;
  free: number;
  held: number;
  blocked: number;
  capacity: number;
  inventorySold: number;
  inventoryHeld: number;
}

/** `GET /api/v1/transport-departures/{id}/seats`. */
export interface DepartureSeatMap {
  departureId: string;
  transportId: string;
  date: string;
  status: string;
  layout: {
    name: string;
    vehicle: string;
    version: number;
    customerChoice: boolean;
    decks: MapDeck[];
  } | null;
  classes: ClassCount[];
  seats: MapSeat[];
  warnings?: string[];
}

/** One thing drawn on a deck's grid, at 1-based row and column, spanning cells. */
export type GridItem =
  | { kind: 'seat'; row: number; column: number; seat: MapSeat }
  | {
      kind: 'feature';
      row: number;
      column: number;
      rows: number;
      columns: number;
      feature: MapFeature;
    };

export interface DeckGrid {
  rows: number;
  columns: number;
  items: GridItem[];
  /** Columns with no seat in any row: the aisle, drawn narrower. */
  aisleColumns: number[];
}

/**
 * A deck as grid items: its seats and features, clipped to the grid (a feature spanning past
 * the edge is cut at it), features under a seat left out (the seat wins), in reading order.
 * Cells with neither are the aisle or a gap and stay empty.
 */
export function deckGrid(deck: MapDeck, deckIndex: number, seats: readonly MapSeat[]): DeckGrid {
  const inGrid = (row: number, column: number) =>
    row >= 1 && row <= deck.rows && column >= 1 && column <= deck.columns;
  const onDeck = seats.filter((s) => s.deck === deckIndex && inGrid(s.row, s.column));
  const taken = new Set(onDeck.map((s) => `${s.row}:${s.column}`));
  const items: GridItem[] = onDeck.map((seat) => ({
    kind: 'seat',
    row: seat.row,
    column: seat.column,
    seat,
  }));
  for (const feature of deck.features) {
    if (!inGrid(feature.row, feature.column)) continue;
    const rows = Math.min(feature.rows ?? 1, deck.rows - feature.row + 1);
    const columns = Math.min(feature.columns ?? 1, deck.columns - feature.column + 1);
    let covered = false;
    for (let r = feature.row; r < feature.row + rows; r += 1) {
      for (let c = feature.column; c < feature.column + columns; c += 1) {
        if (taken.has(`${r}:${c}`)) covered = true;
      }
    }
    if (!covered)
      items.push({
        kind: 'feature',
        row: feature.row,
        column: feature.column,
        rows,
        columns,
        feature,
      });
  }
  items.sort((a, b) => a.row - b.row || a.column - b.column);
  const seatColumns = new Set(onDeck.map((s) => s.column));
  const aisleColumns: number[] = [];
  for (let c = 1; c <= deck.columns; c += 1) if (!seatColumns.has(c)) aisleColumns.push(c);
  return { rows: deck.rows, columns: deck.columns, items, aisleColumns };
}

/**
 * Booking colours: Mantine colours unlike the free (white), held (yellow) and blocked (grey)
 * seats, in two shades, so neighbouring bookings differ.
 */
export const bookingPalette = [
  'blue.6',
  'teal.6',
  'grape.6',
  'orange.7',
  'cyan.7',
  'pink.6',
  'lime.8',
  'indigo.7',
  'violet.6',
  'green.7',
  'red.7',
  'blue.9',
  'teal.9',
  'grape.9',
  'orange.9',
  'cyan.9',
  'pink.9',
  'indigo.9',
] as const;
export type PaletteColour = (typeof bookingPalette)[number];

function hashOf(text: string): number {
  // FNV-1a: small, and spreads similar ids (uuids differing in a few digits) apart.
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * A colour per booking, stable: each booking's own colour comes from its id, so it keeps it
 * across reloads and moves. When two bookings on the map would share one, the later booking
 * number takes the next colour not in use; past the palette's size colours repeat.
 */
export function bookingColours(
  bookings: readonly { id: string; number: string }[],
): Map<string, PaletteColour> {
  const unique = [...new Map(bookings.map((b) => [b.id, b])).values()].sort((a, b) =>
    a.number < b.number ? -1 : a.number > b.number ? 1 : a.id < b.id ? -1 : 1,
  );
  const used = new Set<number>();
  const colours = new Map<string, PaletteColour>();
  for (const booking of unique) {
    let slot = hashOf(booking.id) % bookingPalette.length;
    if (used.size < bookingPalette.length) {
      while (used.has(slot)) slot = (slot + 1) % bookingPalette.length;
    }
    used.add(slot);
    colours.set(booking.id, bookingPalette[slot] as PaletteColour);
  }
  return colours;
}

export interface SeatedTraveller {
  travellerIndex: number;
  name: string | null;
  child: boolean;
  seatId: string;
  label: string;
}

export interface SeatedBooking {
  id: string;
  number: string;
  travellers: SeatedTraveller[];
}

/** The bookings on the map by booking number, each with its travellers in their order. */
export function seatedBookings(seats: readonly MapSeat[]): SeatedBooking[] {
  const byId = new Map<string, SeatedBooking>();
  for (const seat of seats) {
    if (!seat.booking) continue;
    const entry = byId.get(seat.booking.id) ?? {
      id: seat.booking.id,
      number: seat.booking.number,
      travellers: [],
    };
    entry.travellers.push({
      travellerIndex: seat.booking.travellerIndex,
      name: seat.booking.name,
      child: seat.booking.child,
      seatId: seat.seatId,
      label: seat.label,
    });
    byId.set(seat.booking.id, entry);
  }
  const list = [...byId.values()];
  for (const b of list) b.travellers.sort((x, y) => x.travellerIndex - y.travellerIndex);
  return list.sort((a, b) => (a.number < b.number ? -1 : a.number > b.number ? 1 : 0));
}

/** What a click on a seat leads to. */
export type SeatAction =
  | { kind: 'move'; from: string; to: string }
  | { kind: 'swap'; from: string; to: string }
  | { kind: 'hold'; seatId: string }
  | { kind: 'release'; seatId: string };

/** Why a click did nothing but say so. */
export type SeatRefusal = 'blocked' | 'held' | 'otherClass';

export interface Selection {
  /** The seat of the traveller picked to move, or null. */
  picked: string | null;
}

export interface ClickOutcome {
  selection: Selection;
  action?: SeatAction;
  refusal?: SeatRefusal;
}

/**
 * A click on a seat. Nothing picked: a seated traveller is picked; a free seat is to be held,
 * a held one released. A traveller picked: the same seat again puts them down; a free seat of
 * their class moves them there, another seated traveller of their class swaps the two; a
 * blocked or held seat, or one of another class, is refused and the traveller stays picked.
 * Read-only users only pick (to see who sits where), never act.
 */
export function clickSeat(
  selection: Selection,
  seat: MapSeat,
  canMove: boolean,
  seats: readonly MapSeat[],
): ClickOutcome {
  const picked = selection.picked ? seats.find((s) => s.seatId === selection.picked) : undefined;
  if (!canMove) {
    return {
      selection: {
        picked: seat.state === 'sold' && picked?.seatId !== seat.seatId ? seat.seatId : null,
      },
    };
  }
  if (picked?.state !== 'sold') {
    if (seat.state === 'sold') return { selection: { picked: seat.seatId } };
    if (seat.state === 'free')
      return { selection: { picked: null }, action: { kind: 'hold', seatId: seat.seatId } };
    if (seat.state === 'held')
      return { selection: { picked: null }, action: { kind: 'release', seatId: seat.seatId } };
    return { selection: { picked: null }, refusal: 'blocked' };
  }
  if (seat.seatId === picked.seatId) return { selection: { picked: null } };
  if (seat.state === 'blocked') return { selection, refusal: 'blocked' };
  if (seat.state === 'held') return { selection, refusal: 'held' };
  if (seat.classCode !== picked.classCode) return { selection, refusal: 'otherClass' };
  return {
    selection: { picked: null },
    action: { kind: seat.state === 'sold' ? 'swap' : 'move', from: picked.seatId, to: seat.seatId },
  };
}

/**
 * The bookings a move or swap would split: sitting together (every traveller within a row of
 * another, on one deck, as the server judges it) before, and not after. The server says so
 * too, once it is done; this asks first.
 */
export function partiesSplit(seats: readonly MapSeat[], from: string, to: string): string[] {
  const a = seats.find((s) => s.seatId === from);
  const b = seats.find((s) => s.seatId === to);
  if (!a?.booking || !b) return [];
  const moved = [...new Set([a.booking.id, b.booking?.id].filter((id) => id !== undefined))];
  const placeAfter = (seat: MapSeat) =>
    seat.seatId === a.seatId ? b : seat.seatId === b.seatId ? a : seat;
  return moved.filter((bookingId) => {
    const party = seats.filter((s) => s.booking?.id === bookingId);
    const before = party.map((s) => ({ deck: s.deck, row: s.row }));
    const after = party.map((s) => placeAfter(s)).map((s) => ({ deck: s.deck, row: s.row }));
    return isTogether(before) && !isTogether(after);
  });
}

/** Map and inventory disagree on a class: sold seats without a seat, or the other way. */
export function countsDiffer(count: ClassCount): boolean {
  return count.sold !== count.inventorySold || count.seats - count.held !== count.capacity;
}
