// The travel-policy check: each limit alone, none broken, and approval always required.
import { describe, expect, it } from 'vitest';
import type { TravelPolicy } from '../customers/types.ts';
import { type PolicyFacts, policyBreaches } from './policy.ts';

const open: TravelPolicy = {
  maxPricePerNight: null,
  maxPricePerTrip: null,
  allowedRoomTypeCodes: null,
  allowedTransportClasses: null,
  minAdvanceDays: null,
  requireApproval: false,
};
// 1 400,00 EUR for 7 nights in a double; 1 EUR = 25 CZK.
const facts: PolicyFacts = {
  totalIn: (currency) => (currency === 'CZK' ? 3_500_000 : 140_000),
  nights: 7,
  roomTypeCodes: ['DBL', 'DBL'],
  transportClasses: ['Y'],
  daysInAdvance: 20,
};
const rules = (policy: Partial<TravelPolicy>) =>
  policyBreaches({ ...open, ...policy }, facts).map((b) => b.rule);

describe('policyBreaches', () => {
  it('finds nothing under an open policy', () => {
    expect(policyBreaches(open, facts)).toEqual([]);
  });

  it.each([
    [{ maxPricePerTrip: { amount: 139_999, currency: 'EUR' } }, ['maxPricePerTrip']],
    [{ maxPricePerTrip: { amount: 140_000, currency: 'EUR' } }, []],
    [{ maxPricePerTrip: { amount: 3_000_000, currency: 'CZK' } }, ['maxPricePerTrip']],
    [{ maxPricePerNight: { amount: 20_000, currency: 'EUR' } }, []],
    [{ maxPricePerNight: { amount: 19_999, currency: 'EUR' } }, ['maxPricePerNight']],
    [{ allowedRoomTypeCodes: ['SGL', 'DBL'] }, []],
    [{ allowedRoomTypeCodes: ['SGL'] }, ['allowedRoomTypeCodes']],
    [{ allowedTransportClasses: ['C'] }, ['allowedTransportClasses']],
    [{ allowedTransportClasses: ['Y', 'C'] }, []],
    [{ minAdvanceDays: 21 }, ['minAdvanceDays']],
    [{ minAdvanceDays: 20 }, []],
    [{ requireApproval: true }, ['requireApproval']],
  ] as Array<[Partial<TravelPolicy>, string[]]>)('%o breaks %o', (policy, expected) => {
    expect(rules(policy)).toEqual(expected);
  });

  it('names the amounts in the approver’s message, and skips the nightly cap for day trips', () => {
    const [breach] = policyBreaches(
      { ...open, maxPricePerTrip: { amount: 100_000, currency: 'EUR' } },
      facts,
    );
    expect(breach?.message).toContain('1,400.00');
    expect(breach?.message).toContain('1,000.00');
    const [noRate] = policyBreaches(
      { ...open, maxPricePerTrip: { amount: 100_000, currency: 'PLN' } },
      { ...facts, totalIn: () => null },
    );
    expect(noRate?.message).toMatch(/no exchange rate into PLN/);
    expect(
      policyBreaches(
        { ...open, maxPricePerNight: { amount: 1, currency: 'EUR' } },
        { ...facts, nights: 0 },
      ),
    ).toEqual([]);
  });
});
