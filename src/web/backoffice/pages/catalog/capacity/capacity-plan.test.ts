import { describe, expect, it } from 'vitest';
import type { AvailabilityDay } from '../shared/catalog-types.ts';
import { type BulkEdit, nightsOf, planRoomType, shiftMonth } from './capacity-plan.ts';

function day(date: string, over: Partial<AvailabilityDay> = {}): AvailabilityDay {
  return {
    date,
    kind: 'allotment',
    capacity: 5,
    sold: 0,
    held: 0,
    available: 5,
    stopSale: false,
    minStay: null,
    closedToArrival: false,
    releaseDays: 14,
    released: false,
    ...over,
  };
}

const edit: BulkEdit = {
  from: '2027-07-01',
  to: '2027-07-04',
  roomTypeIds: ['r1'],
  capacity: null,
  stopSale: 'keep',
  closedToArrival: 'keep',
  minStay: undefined,
};

describe('the capacity calendar plan', () => {
  it('lists every night of a month, February of a leap year included', () => {
    expect(nightsOf('2028-02')).toHaveLength(29);
    expect(nightsOf('2027-07')[30]).toBe('2027-07-31');
    expect(shiftMonth('2027-12', 1)).toBe('2028-01');
    expect(shiftMonth('2027-01', -1)).toBe('2026-12');
  });

  it('sends only the restrictions that change when capacity stays', () => {
    const [request] = planRoomType({ ...edit, stopSale: 'on' }, 'r1', []);
    expect(request).toEqual({
      roomTypeId: 'r1',
      method: 'PATCH',
      path: '/api/v1/room-types/r1/restrictions',
      body: { from: '2027-07-01', to: '2027-07-04', stopSale: true },
    });
  });

  it('keeps each night’s restrictions when it sets capacity, one request per run', () => {
    const days = [
      day('2027-07-01'),
      day('2027-07-02', { stopSale: true }),
      day('2027-07-03', { stopSale: true }),
      day('2027-07-04', { minStay: 3 }),
    ];
    const requests = planRoomType(
      { ...edit, capacity: { kind: 'allotment', units: 8, releaseDays: 7 } },
      'r1',
      days,
    );
    expect(requests.map((r) => [r.body.from, r.body.to, r.body.stopSale, r.body.minStay])).toEqual([
      ['2027-07-01', '2027-07-01', false, null],
      ['2027-07-02', '2027-07-03', true, null],
      ['2027-07-04', '2027-07-04', false, 3],
    ]);
    expect(requests.every((r) => r.method === 'PUT' && r.body.units === 8)).toBe(true);
  });

  it('applies a chosen restriction over the whole range while setting capacity', () => {
    const requests = planRoomType(
      {
        ...edit,
        capacity: { kind: 'on_request', units: 2, releaseDays: 7 },
        closedToArrival: 'on',
      },
      'r1',
      [day('2027-07-02', { stopSale: true })],
    );
    expect(requests).toHaveLength(3);
    expect(
      requests.every((r) => r.body.closedToArrival === true && r.body.releaseDays === null),
    ).toBe(true);
  });
});
