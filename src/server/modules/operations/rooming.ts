// The rooms of a hotel arrival and what changed since a rooming list was last sent (T3). Pure:
// who sleeps in which room follows the pricing's rule (modules/pricing/stay-pricing.ts): the
// booking's adults fill its rooms in order, each child goes to the room quoted with their age.
import { ageOn } from '../bookings/travellers.ts';

export interface RoomAsk {
  roomTypeId: string;
  adults: number;
  childAges: number[];
}

export interface PartyMember {
  position: number;
  isChild: boolean;
  birthDate: string;
}

/** Each room's travellers (positions), and any traveller no room holds. */
export function roomOccupants(
  rooms: readonly RoomAsk[],
  travellers: readonly PartyMember[],
  startDate: string,
): { rooms: number[][]; unassigned: number[] } {
  const ordered = [...travellers].sort((a, b) => a.position - b.position);
  const adults = ordered.filter((t) => !t.isChild);
  const children = ordered.filter((t) => t.isChild);
  const placed = new Set<number>();
  let nextAdult = 0;
  const result = rooms.map((room) => {
    const inRoom: number[] = [];
    for (let a = 0; a < room.adults; a += 1) {
      const adult = adults[nextAdult];
      nextAdult += 1;
      if (adult) inRoom.push(adult.position);
    }
    for (const age of room.childAges) {
      const child = children.find(
        (c) => !placed.has(c.position) && ageOn(c.birthDate, startDate) === age,
      );
      if (child) {
        placed.add(child.position);
        inRoom.push(child.position);
      }
    }
    for (const p of inRoom) placed.add(p);
    return inRoom;
  });
  const unassigned = ordered.filter((t) => !placed.has(t.position)).map((t) => t.position);
  return { rooms: result, unassigned };
}

export type Bedding = 'single' | 'double' | 'twin' | 'family';

/**
 * A family name without its feminine or masculine ending, so that a couple's two forms match:
 * Horák / Horáková, Černý / Černá (Czech, Slovak), Wiśniewski / Wiśniewska (Polish).
 */
export function familyStem(lastName: string): string {
  const name = lastName.trim().toLowerCase();
  if (name.endsWith('ová')) return name.slice(0, -3);
  if (/(s|c|dz)k[ia]$/u.test(name)) return name.slice(0, -1);
  if (/[áý]$/u.test(name)) return name.slice(0, -1);
  return name;
}

/**
 * How the beds are made: one guest a single; two adults of one family name a double (a
 * couple, "Horák" and "Horáková" alike), two of different names a twin (colleagues,
 * friends); anything larger a family room with children or extra beds.
 */
export function beddingOf(guests: ReadonlyArray<{ lastName: string; child: boolean }>): Bedding {
  if (guests.length <= 1) return 'single';
  const grown = guests.filter((g) => !g.child);
  if (guests.length === 2 && grown.length === 2) {
    const [a, b] = grown.map((g) => familyStem(g.lastName));
    return a === b ? 'double' : 'twin';
  }
  return 'family';
}

/** One room as the hotel reads it, and as a sent version keeps it. */
export interface RoomingRoom {
  /** Stable while the booking keeps the room: `<booking id>:<room index>`. */
  key: string;
  bookingNumber: string;
  roomTypeCode: string;
  roomTypeName: string;
  bedding: Bedding;
  board: string | null;
  arrival: string;
  departure: string;
  /** "Nováková Lenka", the names the hotel files under, adults first. */
  guests: string[];
  requests: string | null;
}

/** What the hotel must know of a change: the fields that differ, by name. */
const compared = [
  'roomTypeCode',
  'bedding',
  'board',
  'arrival',
  'departure',
  'guests',
  'requests',
] as const satisfies ReadonlyArray<keyof RoomingRoom>;
export type RoomingField = (typeof compared)[number];

export interface RoomingChanges {
  added: RoomingRoom[];
  changed: Array<{ room: RoomingRoom; before: RoomingRoom; fields: RoomingField[] }>;
  cancelled: RoomingRoom[];
}

/** The rooms added, changed and cancelled from `before` (a sent version) to `after` (now). */
export function roomingChanges(
  before: readonly RoomingRoom[],
  after: readonly RoomingRoom[],
): RoomingChanges {
  const old = new Map(before.map((r) => [r.key, r]));
  const now = new Set(after.map((r) => r.key));
  const changes: RoomingChanges = { added: [], changed: [], cancelled: [] };
  for (const room of after) {
    const was = old.get(room.key);
    if (!was) {
      changes.added.push(room);
      continue;
    }
    const fields = compared.filter(
      (f) => JSON.stringify(room[f] ?? null) !== JSON.stringify(was[f] ?? null),
    );
    if (fields.length > 0) changes.changed.push({ room, before: was, fields });
  }
  changes.cancelled = before.filter((r) => !now.has(r.key));
  return changes;
}
