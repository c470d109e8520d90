import { describe, expect, it } from 'vitest';
import { ageOn, type TravellerInput, travellerProblems } from './travellers.ts';

const person = (birthDate: string, more: Partial<TravellerInput> = {}): TravellerInput => ({
  firstName: 'Jana',
  lastName: 'Nováková',
  birthDate,
  ...more,
});

describe('travellers of a booking', () => {
  it('counts age in whole years on the first day of travel', () => {
    expect(ageOn('2019-07-03', '2027-07-03')).toBe(8);
    expect(ageOn('2019-07-04', '2027-07-03')).toBe(7);
    expect(ageOn('2020-02-29', '2027-02-28')).toBe(6);
    expect(ageOn('2020-02-29', '2027-03-01')).toBe(7);
  });

  it('accepts two adults and a child whose age on departure is the quoted one', () => {
    const travellers = [person('1985-03-12'), person('1987-11-02'), person('2019-07-03')];
    expect(
      travellerProblems({ adults: 2, childAges: [8] }, travellers, '2027-07-03', '2027-07-10'),
    ).toEqual([]);
  });

  it('names what does not match the quote', () => {
    const party = { adults: 2, childAges: [8] };
    expect(travellerProblems(party, [person('1985-03-12')], '2027-07-03', '2027-07-10')).toEqual([
      { path: '/travellers', message: 'the quote is for 3 travellers; 1 given' },
    ]);
    // The child turns 8 the day after departure: still 7 on the first day.
    const young = [person('1985-03-12'), person('1987-11-02'), person('2019-07-04')];
    const problems = travellerProblems(party, young, '2027-07-03', '2027-07-10');
    expect(problems[0]?.message).toMatch(/children aged 8 on 2027-07-03/);
    expect(problems[1]).toEqual({
      path: '/travellers/2/birthDate',
      message: 'is 7 on 2027-07-03: too young to travel as an adult; quote them as a child',
    });
  });

  it('accepts a teenager over the child bands as an adult', () => {
    const travellers = [person('1985-03-12'), person('2013-01-01')];
    expect(
      travellerProblems({ adults: 2, childAges: [] }, travellers, '2027-07-03', '2027-07-10'),
    ).toEqual([]);
  });

  it('wants documents valid beyond the last day, and a type with a number', () => {
    const travellers = [
      person('1985-03-12', {
        documentType: 'passport',
        documentNumber: '99001122',
        documentExpiry: '2027-07-10',
      }),
      person('1987-11-02', { documentNumber: 'X1' }),
    ];
    expect(
      travellerProblems({ adults: 2, childAges: [] }, travellers, '2027-07-03', '2027-07-10'),
    ).toEqual([
      {
        path: '/travellers/0/documentExpiry',
        message:
          'the document expires on 2027-07-10; it must be valid after the trip ends (2027-07-10)',
      },
      { path: '/travellers/1/documentType', message: 'is required with a document number' },
    ]);
  });

  it('refuses a birth date after departure', () => {
    const problems = travellerProblems(
      { adults: 1, childAges: [] },
      [person('2027-08-01')],
      '2027-07-03',
      '2027-07-10',
    );
    expect(problems).toEqual([
      { path: '/travellers/0/birthDate', message: 'is after the first day of travel (2027-07-03)' },
    ]);
  });
});
