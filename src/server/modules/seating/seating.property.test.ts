// Properties of the seating algorithm (T2) over random layouts and random sequences of
// bookings, changes and cancellations: no seat is ever given twice, a party is refused exactly
// when there are fewer free seats than travellers, a party that could sit side by side in one
// row (or in one row across the aisle) does, children sit beside an adult when the party sits
// side by side and has at most two children per adult, and a wish for a window is met
// whenever a free window seat exists.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chooseSeats, type FreeSeat, type Sitter } from './seating.ts';

interface Layout {
  seats: FreeSeat[];
}

/** A random vehicle: 1–2 decks of 1–14 rows and 2–7 columns, aisles, gaps and window seats. */
const layoutArb: fc.Arbitrary<Layout> = fc
  .array(
    fc.record({
      rows: fc.integer({ min: 1, max: 14 }),
      columns: fc.integer({ min: 2, max: 7 }),
      aisles: fc.array(fc.integer({ min: 1, max: 7 }), { maxLength: 2 }),
      gaps: fc.array(fc.tuple(fc.integer({ min: 1, max: 14 }), fc.integer({ min: 1, max: 7 })), {
        maxLength: 6,
      }),
    }),
    { minLength: 1, maxLength: 2 },
  )
  .map((decks) => {
    const seats: FreeSeat[] = [];
    decks.forEach((deck, d) => {
      for (let row = 1; row <= deck.rows; row += 1) {
        for (let column = 1; column <= deck.columns; column += 1) {
          if (deck.aisles.includes(column)) continue;
          if (deck.gaps.some(([r, c]) => r === row && c === column)) continue;
          const edge = column === 1 || column === deck.columns;
          seats.push({
            seatId: `${d}-${row}-${column}`,
            deck: d,
            row,
            column,
            properties: edge ? ['window'] : [],
          });
        }
      }
    });
    return { seats };
  })
  .filter((layout) => layout.seats.length > 0);

type Step =
  | { kind: 'book'; adults: number; children: number; window: boolean }
  | { kind: 'cancel'; pick: number }
  | { kind: 'change'; pick: number; adults: number; children: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant('book' as const),
      adults: fc.integer({ min: 0, max: 5 }),
      children: fc.integer({ min: 0, max: 4 }),
      window: fc.boolean(),
    }),
    weight: 5,
  },
  {
    arbitrary: fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat() }),
    weight: 1,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('change' as const),
      pick: fc.nat(),
      adults: fc.integer({ min: 1, max: 4 }),
      children: fc.integer({ min: 0, max: 3 }),
    }),
    weight: 1,
  },
);

function partyOf(adults: number, children: number, window = false): Sitter[] {
  const size = Math.max(1, adults + children);
  return Array.from({ length: size }, (_, i) => ({
    traveller: i,
    child: i >= Math.max(1, adults) && i < adults + children,
    // The first traveller wishes for a window when asked.
    ...(window && i === 0 ? { prefer: ['window'] } : {}),
  }));
}

/** The longest stretch of free seats in neighbouring columns of one row, and the most free seats in one row. */
function bestRows(free: FreeSeat[]): { run: number; row: number } {
  const rows = new Map<string, number[]>();
  for (const seat of free) {
    const key = `${seat.deck}/${seat.row}`;
    rows.set(key, [...(rows.get(key) ?? []), seat.column]);
  }
  let run = 0;
  let row = 0;
  for (const columns of rows.values()) {
    columns.sort((a, b) => a - b);
    row = Math.max(row, columns.length);
    let current = 0;
    columns.forEach((column, i) => {
      current = i > 0 && column - (columns[i - 1] as number) === 1 ? current + 1 : 1;
      run = Math.max(run, current);
    });
  }
  return { run, row };
}

describe('seating a party', () => {
  it('never gives a seat twice, refuses only when full, and keeps parties together', () => {
    fc.assert(
      fc.property(
        layoutArb,
        fc.array(stepArb, { minLength: 1, maxLength: 40 }),
        (layout, steps) => {
          const byId = new Map(layout.seats.map((s) => [s.seatId, s]));
          /** Seat id → booking number. */
          const taken = new Map<string, number>();
          const bookings = new Map<number, { party: Sitter[] }>();
          let next = 0;

          const book = (id: number, party: Sitter[]): boolean => {
            const free = layout.seats.filter((s) => !taken.has(s.seatId));
            const result = chooseSeats(free, party);
            if (free.length < party.length) {
              expect(result).toBeNull();
              return false;
            }
            expect(result).not.toBeNull();
            const seats = [...(result?.seats.values() ?? [])];
            // Every traveller has one seat, all different, all free a moment ago.
            expect([...(result?.seats.keys() ?? [])].sort()).toEqual(
              party.map((p) => p.traveller).sort(),
            );
            expect(new Set(seats).size).toBe(party.length);
            for (const seatId of seats) {
              expect(taken.has(seatId), `seat ${seatId} given twice`).toBe(false);
              expect(byId.has(seatId)).toBe(true);
            }
            const placed = seats.map((id) => byId.get(id) as FreeSeat);
            const rows = new Set(placed.map((s) => `${s.deck}/${s.row}`));
            const possible = bestRows(free);
            if (possible.run >= party.length) {
              // Side by side: one row, columns one after the other.
              expect(rows.size).toBe(1);
              const columns = placed.map((s) => s.column).sort((a, b) => a - b);
              expect((columns[columns.length - 1] as number) - (columns[0] as number)).toBe(
                party.length - 1,
              );
              const adults = party.filter((p) => !p.child).length;
              const children = party.length - adults;
              if (adults > 0 && children <= 2 * adults) {
                for (const traveller of party.filter((p) => p.child)) {
                  const seat = byId.get(
                    result?.seats.get(traveller.traveller) as string,
                  ) as FreeSeat;
                  const besideAdult = party.some((other) => {
                    if (other.child) return false;
                    const o = byId.get(result?.seats.get(other.traveller) as string) as FreeSeat;
                    return o.row === seat.row && Math.abs(o.column - seat.column) === 1;
                  });
                  expect(besideAdult, `child ${traveller.traveller} beside an adult`).toBe(true);
                }
              }
            } else if (possible.row >= party.length) {
              expect(rows.size).toBe(1);
            }
            for (const traveller of party.filter((p) => p.prefer?.includes('window'))) {
              if (party.length === 1 && free.some((s) => s.properties.includes('window'))) {
                const seat = byId.get(result?.seats.get(traveller.traveller) as string) as FreeSeat;
                expect(seat.properties).toContain('window');
              }
            }
            for (const seatId of seats) taken.set(seatId, id);
            return true;
          };
          const release = (id: number) => {
            for (const [seatId, owner] of [...taken]) if (owner === id) taken.delete(seatId);
          };

          for (const step of steps) {
            const live = [...bookings.keys()];
            if (step.kind === 'book') {
              const party = partyOf(step.adults, step.children, step.window);
              const id = next++;
              if (book(id, party)) bookings.set(id, { party });
            } else if (live.length > 0) {
              const id = live[step.pick % live.length] as number;
              release(id);
              bookings.delete(id);
              if (step.kind === 'change') {
                // A change gives the old seats back first, then seats the new party.
                const party = partyOf(step.adults, step.children);
                if (book(id, party)) bookings.set(id, { party });
              }
            }
            // Capacity: never more seats taken than the vehicle has, each by a live booking.
            expect(taken.size).toBeLessThanOrEqual(layout.seats.length);
            const counted = [...bookings.values()].reduce((n, b) => n + b.party.length, 0);
            expect(taken.size).toBe(counted);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
