// Factories for customers: a person and a company, through the customers service, so rows
// are exactly what the API would create; each takes overrides so a test shows only what
// matters to it.
import { createCustomer } from '../../src/server/modules/customers/service.ts';
import type { CreateCustomerInput } from '../../src/server/modules/customers/types.ts';
import { type TestAgency, uniqueSuffix } from './factories.ts';

/** Jan Dvořák from Prague, speaking Czech. */
export function makePerson(agency: TestAgency, overrides: Partial<CreateCustomerInput> = {}) {
  return createCustomer(agency.ctx, {
    kind: 'person',
    firstName: 'Jan',
    lastName: 'Dvořák',
    birthDate: '1980-05-17',
    nationality: 'CZ',
    email: `jan.dvorak.${uniqueSuffix()}@example.test`,
    phone: '+420 602 123 456',
    locale: 'cs',
    ...overrides,
  });
}

/** A company with a travel policy that caps the night at 3 500 Kč. */
export function makeCompany(agency: TestAgency, overrides: Partial<CreateCustomerInput> = {}) {
  return createCustomer(agency.ctx, {
    kind: 'company',
    companyName: `Initech ${uniqueSuffix()} s.r.o.`,
    vatId: 'CZ12345678',
    registrationId: '12345678',
    email: 'travel@initech.example',
    travelPolicy: {
      maxPricePerNight: { amount: 350_000, currency: 'CZK' },
      minAdvanceDays: 7,
      requireApproval: false,
    },
    costCentres: ['SALES', 'R&D'],
    ...overrides,
  });
}
