// A customer as the API shows it: both kinds in one shape, the other kind's fields empty.
import { isoOrNull, lifecycle } from '../catalog/common.ts';
import { displayNameOf } from './customer-rules.ts';
import type { CustomerRow } from './repo.ts';

export function presentCustomer(row: CustomerRow, approverIds: string[]) {
  return {
    id: row.id,
    kind: row.kind,
    name: displayNameOf(row),
    firstName: row.firstName,
    lastName: row.lastName,
    birthDate: row.birthDate,
    nationality: row.nationality?.trim() ?? null,
    companyId: row.companyId,
    employerName: row.employerName,
    companyName: row.companyName,
    vatId: row.vatId,
    registrationId: row.registrationId,
    email: row.email,
    phone: row.phone,
    address: row.address ?? null,
    locale: row.locale,
    marketingConsent: row.marketingConsent,
    consentAt: isoOrNull(row.consentAt),
    notes: row.notes,
    tags: row.tags ?? [],
    travelPolicy: row.travelPolicy ?? null,
    costCentres: row.costCentres ?? [],
    approverIds: row.kind === 'company' ? approverIds : [],
    ...lifecycle(row),
  };
}

export type CustomerView = ReturnType<typeof presentCustomer>;
