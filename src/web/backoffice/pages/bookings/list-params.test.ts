// The bookings list's address-bar state: what a link gives is checked, what the screen
// writes reads back the same.
import { describe, expect, it } from 'vitest';
import { activeFilterCount, defaultSort, filterParams, parseFilters } from './list-params.ts';

const offerId = '01a20b0f-5cae-7494-868c-306e3433deff';

describe('bookings list parameters', () => {
  it('reads back every filter it writes', () => {
    const filters = parseFilters(
      new URLSearchParams(
        `status=confirmed,paid&channel=phone&online=false&offerId=${offerId}&variantId=7N` +
          '&actionDone=false&approval=pending&from=2027-06-01&to=2027-06-30' +
          '&createdFrom=2026-11-01&createdTo=2026-11-24&destination=Rimini&q=novak&sort=-total',
      ),
    );
    expect(filters).toEqual({
      status: ['confirmed', 'paid'],
      channel: ['phone'],
      online: false,
      offerId,
      variantId: '7N',
      customerId: undefined,
      actionDone: false,
      approval: 'pending',
      from: '2027-06-01',
      to: '2027-06-30',
      createdFrom: '2026-11-01',
      createdTo: '2026-11-24',
      destination: 'Rimini',
      q: 'novak',
      sort: { field: 'total', descending: true },
    });
    expect(parseFilters(filterParams(filters))).toEqual(filters);
    // Search and sort are not filters, and a date range is one control: 10 narrow it here.
    expect(activeFilterCount(filters)).toBe(10);
  });

  it('drops what a hand-edited link gets wrong instead of sending it on', () => {
    const filters = parseFilters(
      new URLSearchParams(
        'status=paid,lost&channel=fax&online=maybe&offerId=DH-48213&actionDone=1' +
          '&approval=later&from=tomorrow&sort=-price',
      ),
    );
    expect(filters.status).toEqual(['paid']);
    expect(filters.channel).toEqual([]);
    expect(filters.online).toBeUndefined();
    expect(filters.offerId).toBeUndefined();
    expect(filters.actionDone).toBeUndefined();
    expect(filters.approval).toBeUndefined();
    expect(filters.from).toBeUndefined();
    expect(filters.sort).toEqual(defaultSort);
    expect(filterParams(filters).toString()).toBe('status=paid');
  });

  it('leaves the default sort and empty filters out of the address', () => {
    expect(filterParams(parseFilters(new URLSearchParams(''))).toString()).toBe('');
    expect(filterParams(parseFilters(new URLSearchParams('sort=from'))).toString()).toBe(
      'sort=from',
    );
  });
});
