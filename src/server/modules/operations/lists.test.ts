// The pure rules behind the operational lists: the run sheet's loads, where travellers get on
// and off, who sleeps in which room and how its beds are made, and what changed between two
// versions of a rooming list.
import { describe, expect, it } from 'vitest';
import type { TransportStop } from '../../db/schema.ts';
import {
  beddingOf,
  familyStem,
  type RoomingRoom,
  roomingChanges,
  roomOccupants,
} from './rooming.ts';
import { ridesBetween, runSheet } from './run-sheet.ts';

const stop = (name: string, code?: string): TransportStop => ({
  name,
  ...(code ? { code } : {}),
  time: '10:00',
  dayOffset: 0,
});
const route = [stop('Praha', 'PRG'), stop('Brno'), stop('Bratislava'), stop('Makarska')];

describe('run sheet', () => {
  it('counts who gets on and off at each stop and the load of every leg', () => {
    // On: 2 at Praha, 1 at Brno; off: 1 at Bratislava (a Praha rider), 2 at Makarska.
    const riders = [
      { id: 'a', board: 0, alight: 3 },
      { id: 'b', board: 0, alight: 2 },
      { id: 'c', board: 1, alight: 3 },
    ];
    const sheet = runSheet(route, riders);
    expect(sheet.stops.map((s) => [s.boarding.length, s.alighting.length])).toEqual([
      [2, 0],
      [1, 0],
      [0, 1],
      [0, 2],
    ]);
    // Praha→Brno 2; Brno→Bratislava 2 + 1 = 3; Bratislava→Makarska 3 − 1 = 2.
    expect(sheet.legs.map((l) => l.load)).toEqual([2, 3, 2]);
    expect(sheet.stops.at(-1)?.onBoard).toBe(0);
  });

  it('boards outbound at the chosen stop (by code or name) and brings them back there', () => {
    expect(ridesBetween(route, 'outbound', 'Brno')).toEqual({ board: 1, alight: 3 });
    expect(ridesBetween(route, 'outbound', 'PRG')).toEqual({ board: 0, alight: 3 });
    // No choice, an unknown stop or the terminus: from the first stop.
    expect(ridesBetween(route, 'outbound', null)).toEqual({ board: 0, alight: 3 });
    expect(ridesBetween(route, 'outbound', 'Wien')).toEqual({ board: 0, alight: 3 });
    expect(ridesBetween(route, 'outbound', 'Makarska')).toEqual({ board: 0, alight: 3 });
    const back = [...route].reverse();
    expect(ridesBetween(back, 'return', 'Brno')).toEqual({ board: 0, alight: 2 });
    expect(ridesBetween(back, 'return', 'Wien')).toEqual({ board: 0, alight: 3 });
  });
});

describe('rooms', () => {
  it('fills rooms with the adults in order and each child by the age quoted for the room', () => {
    // Travellers: 0 adult, 1 child 4, 2 adult, 3 adult, 4 child 9 (on 2030-07-06).
    const party = [
      { position: 0, isChild: false, birthDate: '1980-01-01' },
      { position: 1, isChild: true, birthDate: '2026-01-01' },
      { position: 2, isChild: false, birthDate: '1981-01-01' },
      { position: 3, isChild: false, birthDate: '1950-01-01' },
      { position: 4, isChild: true, birthDate: '2021-01-01' },
    ];
    const rooms = [
      { roomTypeId: 'FAM', adults: 2, childAges: [9] },
      { roomTypeId: 'DBL', adults: 1, childAges: [4] },
    ];
    expect(roomOccupants(rooms, party, '2030-07-06')).toEqual({
      rooms: [
        [0, 2, 4],
        [3, 1],
      ],
      unassigned: [],
    });
    expect(roomOccupants(rooms.slice(0, 1), party, '2030-07-06').unassigned).toEqual([1, 3]);
  });

  it('makes a double for a couple, a twin for two names, whatever the name’s ending', () => {
    expect(familyStem('Horáková')).toBe(familyStem('Horák'));
    expect(familyStem('Černá')).toBe(familyStem('Černý'));
    expect(familyStem('Wiśniewska')).toBe(familyStem('Wiśniewski'));
    expect(familyStem('Nowak')).not.toBe(familyStem('Lis'));
    const adult = (lastName: string) => ({ lastName, child: false });
    expect(beddingOf([adult('Horák'), adult('Horáková')])).toBe('double');
    expect(beddingOf([adult('Nowak'), adult('Lis')])).toBe('twin');
    expect(beddingOf([adult('Nowak')])).toBe('single');
    expect(beddingOf([adult('Nowak'), adult('Nowak'), { lastName: 'Nowak', child: true }])).toBe(
      'family',
    );
  });

  it('tells the rooms added, changed (which fields) and cancelled between two versions', () => {
    const room = (key: string, guests: string[], board = 'HB'): RoomingRoom => ({
      key,
      bookingNumber: key,
      roomTypeCode: 'DBL',
      roomTypeName: 'Double',
      bedding: 'double',
      board,
      arrival: '2030-07-06',
      departure: '2030-07-13',
      guests,
      requests: null,
    });
    const before = [room('a', ['A']), room('b', ['B']), room('c', ['C'])];
    const after = [room('a', ['A']), room('b', ['B2'], 'FB'), room('d', ['D'])];
    const changes = roomingChanges(before, after);
    expect(changes.added.map((r) => r.key)).toEqual(['d']);
    expect(changes.cancelled.map((r) => r.key)).toEqual(['c']);
    expect(changes.changed.map((c) => [c.room.key, c.fields])).toEqual([
      ['b', ['board', 'guests']],
    ]);
  });
});
