// What a booking is found by: its folded search text and its destination's name.
import { describe, expect, it } from 'vitest';
import { arrivalOf, bookingSearchText, placeName } from './search-fields.ts';

describe('bookingSearchText', () => {
  it('folds the number, PNR and every traveller name and e-mail for search', () => {
    expect(
      bookingSearchText({
        number: '2027-000123',
        pnr: 'GDS9ZX',
        travellers: [
          { firstName: 'Jana', lastName: 'Nováková', email: 'Jana.N@Example.test' },
          { firstName: 'Łukasz', lastName: 'Wiśniewski', email: null },
          { firstName: 'Ayşe', lastName: 'Yılmaz', email: null },
        ],
      }),
    ).toBe('2027-000123 gds9zx jana novakova jana.n@example.test lukasz wisniewski ayse yilmaz');
  });

  it('leaves out what a booking does not have', () => {
    expect(bookingSearchText({ number: '2027-000001', pnr: null, travellers: [] })).toBe(
      '2027-000001',
    );
  });
});

describe('destination names', () => {
  it('names a place by city and country, or whichever is known', () => {
    expect(placeName('Chania', 'GR ')).toBe('Chania, GR');
    expect(placeName('Chania', null)).toBe('Chania');
    expect(placeName(' ', 'GR')).toBe('GR');
    expect(placeName(null, undefined)).toBeNull();
  });

  it("takes a transport's last stop, by city or else by the stop's name", () => {
    const stop = { time: '10:00', dayOffset: 0 };
    expect(
      arrivalOf([
        { ...stop, name: 'Praha hl.n.', city: 'Praha', country: 'CZ' },
        { ...stop, name: 'Kraków Główny', city: 'Kraków', country: 'PL' },
      ]),
    ).toBe('Kraków, PL');
    expect(arrivalOf([{ ...stop, name: 'Heraklion Airport' }])).toBe('Heraklion Airport');
    expect(arrivalOf([])).toBeNull();
  });
});
