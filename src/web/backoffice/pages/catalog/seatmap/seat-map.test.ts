import { describe, expect, it } from 'vitest';
import {
  bookingColours,
  bookingPalette,
  clickSeat,
  countsDiffer,
  deckGrid,
  type MapDeck,
  type MapSeat,
  partiesSplit,
  seatedBookings,
} from './seat-map.ts';

function seat(seatId: string, row: number, column: number, extra: Partial<MapSeat> = {}): MapSeat {
  return {
    seatId,
    label: seatId,
    classCode: 'STD',
    deck: 0,
    row,
    column,
    properties: [],
    state: 'free',
    blocked: null,
    held: null,
    booking: null,
    ...extra,
  };
}

function sold(seatId: string, row: number, column: number, bookingId: string, traveller = 0) {
  return seat(seatId, row, column, {
    state: 'sold',
    booking: {
      id: bookingId,
      number: `B-${bookingId}`,
      travellerIndex: traveller,
      name: `Traveller ${traveller}`,
      child: false,
    },
  });
}

describe('deckGrid', () => {
  // A 3-row, 5-column coach: seats in columns 1, 2, 4, 5, column 3 the aisle; a door at row 1
  // column 5 spanning 2 rows, a toilet at row 3 column 4 spanning 3 columns (cut at column 5).
  const deck: MapDeck = {
    id: 'main',
    name: null,
    rows: 3,
    columns: 5,
    features: [
      { kind: 'door', row: 1, column: 5, rows: 2 },
      { kind: 'toilet', row: 3, column: 4, columns: 3 },
      { kind: 'stairs', row: 2, column: 1 },
    ],
  };
  const seats = [
    seat('1', 1, 1),
    seat('2', 1, 2),
    seat('3', 1, 4),
    seat('4', 2, 1),
    seat('5', 2, 2),
    seat('U1', 1, 1, { deck: 1 }),
  ];

  it('places the deck’s seats and the features no seat covers, in reading order', () => {
    const grid = deckGrid(deck, 0, seats);
    // Row 1: seats 1, 2, 3 and the door; row 2: seats 4 and 5 (the stairs under seat 4 are
    // left out); row 3: the toilet. Seat U1 is on the other deck.
    expect(grid.items.map((i) => (i.kind === 'seat' ? i.seat.seatId : i.feature.kind))).toEqual([
      '1',
      '2',
      '3',
      'door',
      '4',
      '5',
      'toilet',
    ]);
  });

  it('cuts a feature at the grid’s edge and finds the aisle', () => {
    const grid = deckGrid(deck, 0, seats);
    const toilet = grid.items.find((i) => i.kind === 'feature' && i.feature.kind === 'toilet');
    // Asked for 3 columns from column 4 of 5: columns 4 and 5 fit.
    expect(toilet).toMatchObject({ row: 3, column: 4, rows: 1, columns: 2 });
    const door = grid.items.find((i) => i.kind === 'feature' && i.feature.kind === 'door');
    expect(door).toMatchObject({ rows: 2, columns: 1 });
    // Seats are in columns 1, 2 and 4: columns 3 and 5 have none.
    expect(grid.aisleColumns).toEqual([3, 5]);
  });

  it('draws another deck by its index and leaves seats off the grid out', () => {
    const upper = deckGrid({ ...deck, rows: 1, columns: 1, features: [] }, 1, [
      ...seats,
      seat('X', 2, 1, { deck: 1 }),
    ]);
    expect(upper.items.map((i) => i.kind === 'seat' && i.seat.seatId)).toEqual(['U1']);
    expect(upper.aisleColumns).toEqual([]);
  });
});

describe('bookingColours', () => {
  const ids = Array.from({ length: 8 }, (_, n) => ({
    id: `00000000-0000-4000-8000-00000000000${n}`,
    number: `2026-${String(n).padStart(4, '0')}`,
  }));

  it('gives each booking on the map its own colour', () => {
    const colours = bookingColours(ids);
    expect(colours.size).toBe(8);
    expect(new Set(colours.values()).size).toBe(8);
    for (const colour of colours.values()) expect(bookingPalette).toContain(colour);
  });

  it('keeps a booking’s colour whatever order the seats come in', () => {
    const forward = bookingColours(ids);
    const backward = bookingColours([...ids].reverse());
    for (const { id } of ids) expect(backward.get(id)).toBe(forward.get(id));
  });

  it('keeps a booking’s colour when another booking leaves the map', () => {
    // Alone, the first booking takes its own hash's colour; with others it still does, being
    // the lowest number (nobody before it took a slot).
    const alone = bookingColours([ids[0] as { id: string; number: string }]);
    expect(bookingColours(ids).get(ids[0]?.id as string)).toBe(alone.get(ids[0]?.id as string));
  });

  it('repeats colours only past the palette', () => {
    const many = Array.from({ length: bookingPalette.length + 3 }, (_, n) => ({
      id: `booking-${n}`,
      number: `N${String(n).padStart(3, '0')}`,
    }));
    const colours = bookingColours(many);
    expect(colours.size).toBe(bookingPalette.length + 3);
    // The first palette-many bookings take every colour once.
    const first = many.slice(0, bookingPalette.length).map((b) => colours.get(b.id));
    expect(new Set(first).size).toBe(bookingPalette.length);
  });
});

describe('seatedBookings', () => {
  it('lists the bookings by number with their travellers in order', () => {
    const list = seatedBookings([
      sold('7', 4, 1, 'b', 1),
      sold('3', 2, 1, 'a', 0),
      seat('4', 2, 2),
      sold('8', 4, 2, 'b', 0),
    ]);
    expect(list.map((b) => b.number)).toEqual(['B-a', 'B-b']);
    expect(list[1]?.travellers.map((t) => [t.travellerIndex, t.label])).toEqual([
      [0, '8'],
      [1, '7'],
    ]);
  });
});

describe('clickSeat', () => {
  const seats = [
    sold('1', 2, 1, 'a', 0),
    sold('2', 2, 2, 'a', 1),
    sold('9', 5, 1, 'b', 0),
    seat('5', 3, 1),
    seat('6', 3, 2, { state: 'held', held: 'Tour leader' }),
    seat('DRIVER', 1, 1, { state: 'blocked', blocked: 'driver' }),
    seat('J1', 1, 4, { classCode: 'J' }),
  ];
  const at = (id: string) => seats.find((s) => s.seatId === id) as MapSeat;
  const none = { picked: null };

  it('picks a seated traveller, and puts them down on a second click', () => {
    const first = clickSeat(none, at('1'), true, seats);
    expect(first).toEqual({ selection: { picked: '1' } });
    expect(clickSeat(first.selection, at('1'), true, seats)).toEqual({ selection: none });
  });

  it('moves the picked traveller to a free seat, swaps with a seated one', () => {
    expect(clickSeat({ picked: '1' }, at('5'), true, seats)).toEqual({
      selection: none,
      action: { kind: 'move', from: '1', to: '5' },
    });
    expect(clickSeat({ picked: '1' }, at('9'), true, seats)).toEqual({
      selection: none,
      action: { kind: 'swap', from: '1', to: '9' },
    });
  });

  it('refuses blocked, held and other-class seats and keeps the traveller picked', () => {
    expect(clickSeat({ picked: '1' }, at('DRIVER'), true, seats)).toEqual({
      selection: { picked: '1' },
      refusal: 'blocked',
    });
    expect(clickSeat({ picked: '1' }, at('6'), true, seats).refusal).toBe('held');
    expect(clickSeat({ picked: '1' }, at('J1'), true, seats).refusal).toBe('otherClass');
  });

  it('holds a free seat and releases a held one when nobody is picked', () => {
    expect(clickSeat(none, at('5'), true, seats).action).toEqual({ kind: 'hold', seatId: '5' });
    expect(clickSeat(none, at('6'), true, seats).action).toEqual({
      kind: 'release',
      seatId: '6',
    });
    expect(clickSeat(none, at('DRIVER'), true, seats)).toEqual({
      selection: none,
      refusal: 'blocked',
    });
  });

  it('lets a read-only user pick a traveller to look at, never act', () => {
    const first = clickSeat(none, at('1'), false, seats);
    expect(first).toEqual({ selection: { picked: '1' } });
    expect(clickSeat(first.selection, at('5'), false, seats)).toEqual({ selection: none });
    expect(clickSeat(first.selection, at('9'), false, seats)).toEqual({
      selection: { picked: '9' },
    });
    expect(clickSeat(none, at('6'), false, seats).action).toBeUndefined();
  });
});

describe('partiesSplit', () => {
  // Booking a: rows 2 and 3; booking b: row 9 alone; seat 20 free in row 10.
  const seats = [
    sold('1', 2, 1, 'a', 0),
    sold('4', 3, 1, 'a', 1),
    sold('9', 9, 1, 'b', 0),
    seat('20', 10, 1),
    seat('5', 3, 2),
  ];

  it('names a party that sat together and would not', () => {
    // Traveller 1 of a to row 10: rows 2 and 10 are 8 apart.
    expect(partiesSplit(seats, '4', '20')).toEqual(['a']);
    // Swapping a's row-3 traveller with b (row 9): a splits; b alone is always together.
    expect(partiesSplit(seats, '4', '9')).toEqual(['a']);
  });

  it('names nobody when the party stays within a row of itself', () => {
    // Seat 5 is in row 3, beside where traveller 1 sat.
    expect(partiesSplit(seats, '4', '5')).toEqual([]);
    expect(partiesSplit(seats, '9', '20')).toEqual([]);
  });
});

describe('countsDiffer', () => {
  const base = {
    classCode: 'STD',
    name: 'Standard',
    seats: 49,
    sold: 3,
    free: 45,
    held: 1,
    blocked: 2,
    capacity: 48,
    inventorySold: 3,
    inventoryHeld: 0,
  };
  it('agrees when sold seats match and held seats are out of the capacity', () => {
    // 49 seats on the map, 1 held: 48 for sale, the inventory's capacity.
    expect(countsDiffer(base)).toBe(false);
  });
  it('differs when a sold seat has no seat on the map or capacity drifted', () => {
    expect(countsDiffer({ ...base, inventorySold: 4 })).toBe(true);
    expect(countsDiffer({ ...base, capacity: 49 })).toBe(true);
  });
});
