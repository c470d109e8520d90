import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, isoWeekday, nightsOfStay } from '../../calendar.ts';
import {
  checkStay,
  departureFor,
  overlapProblems,
  roomFitsParty,
  roomTypeProblems,
  type SeasonRule,
  seasonProblems,
  seriesStartDates,
} from './tour-rules.ts';

const season = (overrides: Partial<SeasonRule> = {}): SeasonRule => ({
  name: 'July',
  startDate: '2027-07-01',
  endDate: '2027-07-31',
  minStay: 3,
  maxStay: 14,
  arrivalWeekdays: [1, 2, 3, 4, 5, 6, 7],
  ...overrides,
});

describe('checkStay', () => {
  it('accepts a stay inside a season and counts its nights', () => {
    const result = checkStay([season()], '2027-07-05', '2027-07-12');
    expect(result).toMatchObject({ ok: true, nights: 7, season: { name: 'July' } });
  });

  it('refuses a stay shorter than the minimum stay, naming /checkOut', () => {
    const result = checkStay([season({ minStay: 3 })], '2027-07-01', '2027-07-03');
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          path: '/checkOut',
          message: 'stay of 2 nights is shorter than the minimum of 3 for arrivals on 2027-07-01',
        },
      ],
    });
  });

  it('refuses a stay longer than the maximum stay', () => {
    const result = checkStay([season({ maxStay: 7 })], '2027-07-01', '2027-07-09');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]?.message).toContain('longer than the maximum of 7');
  });

  it('refuses an arrival on a weekday the season does not allow, naming /checkIn', () => {
    // 2027-07-05 is a Monday; arrivals only on Saturdays.
    const result = checkStay([season({ arrivalWeekdays: [6] })], '2027-07-05', '2027-07-12');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toEqual([
      { path: '/checkIn', message: '2027-07-05 is a Mon; arrivals in season July are on Sat' },
    ]);
  });

  it('refuses an arrival night outside every season, naming /checkIn', () => {
    const result = checkStay([season()], '2027-06-28', '2027-07-05');
    expect(!result.ok && result.errors.map((e) => e.path)).toEqual(['/checkIn']);
  });

  it('refuses a stay running past the last season, naming /checkOut and the last night', () => {
    const result = checkStay([season()], '2027-07-28', '2027-08-02');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]).toEqual({
      path: '/checkOut',
      message:
        'the night of 2027-08-01 is in no season of this tour; a stay arriving on 2027-07-28 must end by 2027-08-01',
    });
  });

  it("lets a stay cross into the next season, under the arrival night's rules", () => {
    const july = season({ name: 'July', minStay: 3, arrivalWeekdays: [3] });
    const august = season({
      name: 'August',
      startDate: '2027-08-01',
      endDate: '2027-08-31',
      minStay: 7,
      arrivalWeekdays: [6],
    });
    // Wednesday 28 July, 5 nights: July allows Wednesdays and 3+ nights; August's 7-night
    // minimum and Saturday arrivals do not apply to a July arrival.
    const result = checkStay([august, july], '2027-07-28', '2027-08-02');
    expect(result).toMatchObject({ ok: true, nights: 5, season: { name: 'July' } });
    expect(result.ok && result.seasons.map((s) => s.name)).toEqual(['July', 'August']);
  });

  it('refuses a check-out on or before the check-in', () => {
    expect(checkStay([season()], '2027-07-10', '2027-07-10')).toEqual({
      ok: false,
      errors: [{ path: '/checkOut', message: 'must be after check-in (2027-07-10)' }],
    });
  });

  it('accepts any stay inside one season with an allowed weekday and nights within the limits', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 800 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 1, max: 30 }),
        fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }),
        fc.subarray([1, 2, 3, 4, 5, 6, 7]),
        (startOffset, lead, nights, tail, minSeed, maxExtra, weekdays) => {
          const startDate = addDays('2027-01-01', startOffset);
          const checkIn = addDays(startDate, lead);
          const checkOut = addDays(checkIn, nights);
          const minStay = Math.min(minSeed, nights);
          const rule = season({
            startDate,
            endDate: addDays(checkOut, tail - 1),
            minStay,
            maxStay: maxExtra === null ? null : nights + maxExtra,
            arrivalWeekdays: [...new Set([...weekdays, isoWeekday(checkIn)])],
          });
          const result = checkStay([rule], checkIn, checkOut);
          expect(result).toMatchObject({ ok: true, nights });
        },
      ),
    );
  });

  // Seasons laid end to end with gaps of 0–5 days between them (0: adjacent seasons).
  const seasonsArbitrary = fc
    .array(
      fc.record({
        gap: fc.integer({ min: 0, max: 5 }),
        length: fc.integer({ min: 1, max: 20 }),
        minStay: fc.integer({ min: 1, max: 7 }),
        maxExtra: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
        weekdays: fc.subarray([1, 2, 3, 4, 5, 6, 7], { minLength: 1 }),
      }),
      { minLength: 0, maxLength: 5 },
    )
    .map((specs) => {
      let cursor = '2027-03-01';
      return specs.map((spec, index) => {
        const startDate = addDays(cursor, spec.gap);
        const endDate = addDays(startDate, spec.length - 1);
        cursor = addDays(endDate, 1);
        return season({
          name: `S${index}`,
          startDate,
          endDate,
          minStay: spec.minStay,
          maxStay: spec.maxExtra === null ? null : spec.minStay + spec.maxExtra,
          arrivalWeekdays: spec.weekdays,
        });
      });
    });

  it('refuses any stay with a night outside every season', () => {
    fc.assert(
      fc.property(
        seasonsArbitrary,
        fc.integer({ min: 0, max: 130 }),
        fc.integer({ min: 1, max: 40 }),
        (seasons, offset, nights) => {
          const checkIn = addDays('2027-03-01', offset);
          const checkOut = addDays(checkIn, nights);
          const uncovered = nightsOfStay(checkIn, checkOut).some(
            (night) => !seasons.some((s) => s.startDate <= night && night <= s.endDate),
          );
          fc.pre(uncovered);
          expect(checkStay(seasons, checkIn, checkOut).ok).toBe(false);
        },
      ),
    );
  });

  it('decides exactly as the rules read night by night', () => {
    fc.assert(
      fc.property(
        seasonsArbitrary,
        fc.integer({ min: 0, max: 130 }),
        fc.integer({ min: 1, max: 40 }),
        (seasons, offset, nights) => {
          const checkIn = addDays('2027-03-01', offset);
          const checkOut = addDays(checkIn, nights);
          const seasonOf = (night: string) =>
            seasons.find((s) => s.startDate <= night && night <= s.endDate);
          const arrival = seasonOf(checkIn);
          const everyNightInASeason = nightsOfStay(checkIn, checkOut).every(
            (night) => seasonOf(night) !== undefined,
          );
          const arrivalRulesHold =
            arrival === undefined
              ? false
              : arrival.arrivalWeekdays.includes(isoWeekday(checkIn)) &&
                nights >= arrival.minStay &&
                (arrival.maxStay === null || nights <= arrival.maxStay);
          const expected = everyNightInASeason && arrivalRulesHold;
          const result = checkStay(seasons, checkIn, checkOut);
          expect(result.ok).toBe(expected);
          if (!result.ok) {
            expect(result.errors.length).toBeGreaterThan(0);
            for (const error of result.errors) {
              expect(['/checkIn', '/checkOut']).toContain(error.path);
            }
          }
        },
      ),
    );
  });
});

describe('departureFor', () => {
  const departures = [
    { id: 'a', startDate: '2027-07-03', nights: 7, status: 'cancelled' as const },
    { id: 'b', startDate: '2027-07-03', nights: 7, status: 'open' as const },
    { id: 'c', startDate: '2027-07-03', nights: 14, status: 'open' as const },
    { id: 'd', startDate: '2027-07-10', nights: 7, status: 'closed' as const },
  ];

  it('finds the open departure of a start date and length', () => {
    expect(departureFor(departures, '2027-07-03', 7)?.id).toBe('b');
    expect(departureFor(departures, '2027-07-03', 14)?.id).toBe('c');
  });

  it('falls back to a departure that is not open, and to none on a day without one', () => {
    expect(departureFor(departures, '2027-07-10')?.id).toBe('d');
    expect(departureFor(departures, '2027-07-17')).toBeUndefined();
    expect(departureFor(departures, '2027-07-03', 10)).toBeUndefined();
  });
});

describe('roomFitsParty', () => {
  const double = { maxAdults: 2, maxChildren: 1, standardBeds: 2, extraBeds: 1 };

  it('fits two adults and a child in a double room with an extra bed', () => {
    expect(roomFitsParty(double, { adults: 2, childAges: [7] })).toBe(true);
  });

  it('refuses a third adult, and a second child once the beds are full', () => {
    expect(roomFitsParty(double, { adults: 3, childAges: [] })).toBe(false);
    expect(roomFitsParty(double, { adults: 2, childAges: [7, 9] })).toBe(false);
  });

  it("lets a child take an adult's place the party leaves free", () => {
    // One adult: 1 child place + 1 free adult place = 2 children, 3 beds.
    expect(roomFitsParty(double, { adults: 1, childAges: [3, 5] })).toBe(true);
    expect(roomFitsParty(double, { adults: 1, childAges: [3, 5, 8] })).toBe(false);
  });

  it('never fits more guests than beds or more adults than allowed, and still fits with one child fewer', () => {
    fc.assert(
      fc.property(
        fc.record({
          maxAdults: fc.integer({ min: 1, max: 6 }),
          maxChildren: fc.integer({ min: 0, max: 4 }),
          standardBeds: fc.integer({ min: 1, max: 6 }),
          extraBeds: fc.integer({ min: 0, max: 3 }),
        }),
        fc.integer({ min: 1, max: 8 }),
        fc.array(fc.integer({ min: 0, max: 17 }), { maxLength: 6 }),
        (room, adults, childAges) => {
          const fits = roomFitsParty(room, { adults, childAges });
          if (fits) {
            expect(adults).toBeLessThanOrEqual(room.maxAdults);
            expect(adults + childAges.length).toBeLessThanOrEqual(
              room.standardBeds + room.extraBeds,
            );
            expect(roomFitsParty(room, { adults, childAges: childAges.slice(1) })).toBe(true);
          }
        },
      ),
    );
  });
});

describe('room type and season checks', () => {
  it('names maxChildren when adults and children outnumber the beds', () => {
    expect(
      roomTypeProblems(
        { maxAdults: 2, maxChildren: 2, standardBeds: 2, extraBeds: 1 },
        '/roomTypes/0',
      ),
    ).toEqual([expect.objectContaining({ path: '/roomTypes/0/maxChildren' })]);
    expect(
      roomTypeProblems({ maxAdults: 3, maxChildren: 0, standardBeds: 2, extraBeds: 0 }),
    ).toEqual([expect.objectContaining({ path: '/maxAdults' })]);
  });

  it('names the end date of a season that ends before it starts, and a maximum below the minimum', () => {
    const problems = seasonProblems({
      ...season({ startDate: '2027-07-10', endDate: '2027-07-01', minStay: 5, maxStay: 3 }),
      path: '/seasons/0',
    });
    expect(problems.map((p) => p.path)).toEqual(['/seasons/0/endDate', '/seasons/0/maxStay']);
  });

  it('names the start date of a season that shares a night with another', () => {
    const problems = overlapProblems(
      [season({ startDate: '2027-07-01', endDate: '2027-07-31' })],
      [
        { ...season({ startDate: '2027-08-01', endDate: '2027-08-31' }), path: '/seasons/0' },
        { ...season({ startDate: '2027-07-31', endDate: '2027-08-05' }), path: '/seasons/1' },
      ],
    );
    expect(problems.map((p) => p.path)).toEqual(['/seasons/1/startDate']);
  });

  it('spaces a series of departures `every` days apart', () => {
    expect(seriesStartDates('2027-12-25', 7, 3)).toEqual([
      '2027-12-25',
      '2028-01-01',
      '2028-01-08',
    ]);
  });
});
