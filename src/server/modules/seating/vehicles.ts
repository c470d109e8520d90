// Layouts of common vehicle types, as documents an agency starts from (the demo puts them on
// its transports): a 49-seat coach, a 19-seat minibus, and an A320-family cabin with business
// and economy. Each is a plain `SeatLayout`; an agency changes seats, classes and blocked seats
// by sending its own version to PUT /transport/{id}/layout.
import type { LayoutSeat, SeatLayout, SeatProperty } from './layout.ts';

/**
 * A 12-row coach, seats numbered 1–49 as on the seat tickets: two seats each side of the
 * aisle (1 window, 2 aisle | 3 aisle, 4 window…), the middle door and the toilet on the right
 * in rows 6 and 7, a back row of 5; the driver's seat and the guide's seat by the front door
 * blocked. 49 seats for sale in `classCode`.
 */
export function coach49(
  classCode = 'STD',
  name = 'Coach, 49 seats (2 + 2, back row of 5)',
): SeatLayout {
  const seats: LayoutSeat[] = [
    { id: 'DRIVER', label: 'Driver', row: 1, column: 1, classCode, blocked: 'driver' },
    { id: 'GUIDE', label: 'Guide', row: 1, column: 4, classCode, blocked: 'guide' },
  ];
  let number = 0;
  const seat = (row: number, column: number, properties: SeatProperty[]) => {
    number += 1;
    seats.push({ id: String(number), row, column, classCode, properties });
  };
  for (let row = 1; row <= 12; row += 1) {
    const front: SeatProperty[] = row === 1 ? ['front'] : [];
    seat(row + 1, 1, ['window', ...front]);
    seat(row + 1, 2, ['aisle', ...front]);
    if (row === 6 || row === 7) continue; // the middle door, then the toilet
    seat(row + 1, 4, ['aisle', ...front]);
    seat(row + 1, 5, ['window', ...front]);
  }
  for (const [column, properties] of [
    [1, ['window']],
    [2, []],
    [3, []],
    [4, []],
    [5, ['window']],
  ] as const) {
    seat(14, column, [...properties]);
  }
  return {
    name,
    vehicle: 'bus',
    customerChoice: true,
    decks: [
      {
        id: 'main',
        name: 'Coach',
        rows: 14,
        columns: 5,
        seats,
        features: [
          { kind: 'door', row: 1, column: 5, label: 'Front door' },
          { kind: 'door', row: 7, column: 4, columns: 2, label: 'Middle door' },
          { kind: 'toilet', row: 8, column: 4, columns: 2 },
        ],
      },
    ],
  };
}

/**
 * A minibus: two seats left of the aisle and one right in five rows, a back row of four;
 * the driver's seat and the guide's seat beside it blocked. 19 seats for sale.
 */
export function minibus19(classCode = 'STD', name = 'Minibus, 19 seats (2 + 1)'): SeatLayout {
  const seats: LayoutSeat[] = [
    { id: 'DRIVER', label: 'Driver', row: 1, column: 1, classCode, blocked: 'driver' },
    { id: 'GUIDE', label: 'Guide', row: 1, column: 2, classCode, blocked: 'guide' },
  ];
  let number = 0;
  const seat = (row: number, column: number, properties: SeatProperty[]) => {
    number += 1;
    seats.push({ id: String(number), row, column, classCode, properties });
  };
  for (let row = 2; row <= 6; row += 1) {
    const front: SeatProperty[] = row === 2 ? ['front'] : [];
    seat(row, 1, ['window', ...front]);
    seat(row, 2, ['aisle', ...front]);
    seat(row, 4, ['window', 'aisle', ...front]);
  }
  for (const column of [1, 2, 3, 4]) {
    seat(7, column, column === 1 || column === 4 ? ['window', 'no_recline'] : ['no_recline']);
  }
  return {
    name,
    vehicle: 'minibus',
    customerChoice: false,
    decks: [
      {
        id: 'main',
        rows: 7,
        columns: 4,
        seats,
        features: [
          { kind: 'door', row: 1, column: 4, label: 'Sliding door' },
          { kind: 'luggage', row: 1, column: 3 },
        ],
      },
    ],
  };
}

/**
 * An A320-family cabin: business (`business`, rows 1–3, two wide seats each side: A C | D F)
 * and economy (`economy`, rows 4–31, A B C | D E F); exit rows 12 and 13 with extra legroom,
 * row 11 not reclining; galleys and toilets front and back. 12 + 168 seats for sale.
 */
export function a320TwoClass(
  economy = 'Y',
  business = 'J',
  name = 'Airbus A320 family, 12 business + 168 economy',
): SeatLayout {
  const seats: LayoutSeat[] = [];
  // Grid columns: A B C = 1 2 3, the aisle 4, D E F = 5 6 7; cabin row r on grid row r + 1.
  for (let row = 1; row <= 3; row += 1) {
    for (const [letter, column, side] of [
      ['A', 1, 'window'],
      ['C', 2, 'aisle'],
      ['D', 6, 'aisle'],
      ['F', 7, 'window'],
    ] as const) {
      const properties: SeatProperty[] = [
        side,
        'extra_legroom',
        ...(row === 1 ? (['front'] as const) : []),
      ];
      seats.push({ id: `${row}${letter}`, row: row + 1, column, classCode: business, properties });
    }
  }
  for (let row = 4; row <= 31; row += 1) {
    for (const [letter, column, side] of [
      ['A', 1, 'window'],
      ['B', 2, 'middle'],
      ['C', 3, 'aisle'],
      ['D', 5, 'aisle'],
      ['E', 6, 'middle'],
      ['F', 7, 'window'],
    ] as const) {
      const properties: SeatProperty[] = [side];
      if (row === 12 || row === 13) properties.push('exit_row', 'extra_legroom');
      if (row === 11) properties.push('no_recline');
      seats.push({ id: `${row}${letter}`, row: row + 1, column, classCode: economy, properties });
    }
  }
  return {
    name,
    vehicle: 'aircraft',
    customerChoice: true,
    decks: [
      {
        id: 'main',
        name: 'Main deck',
        rows: 34,
        columns: 7,
        seats,
        features: [
          { kind: 'door', row: 1, column: 1, label: 'L1' },
          { kind: 'galley', row: 1, column: 2, columns: 5 },
          { kind: 'door', row: 1, column: 7, label: 'R1' },
          { kind: 'toilet', row: 34, column: 1, columns: 2 },
          { kind: 'galley', row: 34, column: 3, columns: 3 },
          { kind: 'toilet', row: 34, column: 6, columns: 2 },
        ],
      },
    ],
  };
}
