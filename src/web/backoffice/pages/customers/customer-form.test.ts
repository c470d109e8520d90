import { describe, expect, it } from 'vitest';
import { customerBody, formValuesOf, placeFieldErrors } from './customer-form.ts';
import type { Customer } from './customer-types.ts';

const defaults = { kind: 'person', locale: 'cs', currency: 'CZK' } as const;

function makeCompany(overrides: Partial<Customer> = {}): Customer {
  return {
    id: '0195f0a0-0000-7000-8000-000000000001',
    kind: 'company',
    name: 'Globex s.r.o.',
    firstName: null,
    lastName: null,
    birthDate: null,
    nationality: null,
    companyId: null,
    employerName: null,
    companyName: 'Globex s.r.o.',
    vatId: 'CZ27654321',
    registrationId: null,
    email: null,
    phone: null,
    address: { city: 'Praha 1', country: 'CZ' },
    locale: 'cs',
    marketingConsent: false,
    consentAt: null,
    notes: null,
    tags: [],
    travelPolicy: {
      maxPricePerNight: { amount: 350_000, currency: 'CZK' },
      maxPricePerTrip: null,
      allowedRoomTypeCodes: null,
      allowedTransportClasses: ['Y', '2'],
      minAdvanceDays: 7,
      requireApproval: false,
    },
    costCentres: ['Obchod'],
    approverIds: [],
    archived: false,
    archivedAt: null,
    createdAt: '2027-01-01T00:00:00.000Z',
    updatedAt: '2027-01-01T00:00:00.000Z',
    ...overrides,
  };
}

describe('the customer form', () => {
  it('sends a new person with blanks as nulls, no company fields and no unanswered consent', () => {
    const values = {
      ...formValuesOf(null, defaults),
      firstName: ' Jana ',
      lastName: 'Nováková',
      email: '',
    };
    values.address.city = 'Brno';
    expect(customerBody(values, { creating: true, consentAnswered: false })).toEqual({
      kind: 'person',
      firstName: 'Jana',
      lastName: 'Nováková',
      birthDate: null,
      nationality: null,
      companyId: null,
      email: null,
      phone: null,
      address: { city: 'Brno' },
      locale: 'cs',
      notes: null,
      tags: [],
    });
  });

  it('leaves a blank last name out of a creation but sends it blank in a change', () => {
    const values = formValuesOf(null, defaults);
    expect(customerBody(values, { creating: true, consentAnswered: true })).not.toHaveProperty(
      'lastName',
    );
    const change = customerBody(values, { creating: false, consentAnswered: false });
    expect(change.lastName).toBe('');
    expect(change).not.toHaveProperty('kind');
    expect(change.marketingConsent).toBe(false);
  });

  it("keeps a company's policy caps in minor units through the form and back", () => {
    const company = makeCompany();
    const values = formValuesOf(company, defaults);
    // 350000 haléřů are 3 500 Kč, typed as 3500.
    expect(values.travelPolicy.maxPricePerNight).toEqual({ amount: 3500, currency: 'CZK' });
    values.travelPolicy.maxPricePerTrip = { amount: 12_000.5, currency: 'EUR' };
    const body = customerBody(values, { creating: false, consentAnswered: false });
    expect(body.travelPolicy).toEqual({
      maxPricePerNight: { amount: 350_000, currency: 'CZK' },
      maxPricePerTrip: { amount: 1_200_050, currency: 'EUR' },
      allowedRoomTypeCodes: null,
      allowedTransportClasses: ['Y', '2'],
      minAdvanceDays: 7,
      requireApproval: false,
    });
    expect(body).not.toHaveProperty('lastName');
    expect(body.costCentres).toEqual(['Obchod']);
  });

  it('sends null for a policy switched off', () => {
    const values = { ...formValuesOf(makeCompany(), defaults), hasTravelPolicy: false };
    expect(customerBody(values, { creating: false, consentAnswered: false }).travelPolicy).toBe(
      null,
    );
  });

  it("places the API's errors on the nearest input and reports the rest", () => {
    expect(
      placeFieldErrors({
        email: 'must match format "email"',
        'tags.2': 'must NOT have more than 50 characters',
        'travelPolicy.maxPricePerNight.currency': 'is not an ISO 4217 currency code',
        userIds: 'is not an active user',
      }),
    ).toEqual({
      placed: {
        email: 'must match format "email"',
        tags: 'must NOT have more than 50 characters',
        'travelPolicy.maxPricePerNight.currency': 'is not an ISO 4217 currency code',
      },
      unplaced: ['userIds'],
    });
  });
});
