// Factories for invoicing: an agency's invoicing settings with overrides, and an invoice of a
// booking written straight into the tables (for bookings made without lines, as
// `insertBookings` makes them).
import type { Database } from '../../src/server/db/connect.ts';
import { newId } from '../../src/server/db/ids.ts';
import { json } from '../../src/server/db/json.ts';
import { issueInvoice } from '../../src/server/modules/invoicing/service.ts';
import {
  type InvoicingSettings,
  putInvoicingSettings,
} from '../../src/server/modules/invoicing/settings.ts';
import type { TestAgency } from './factories.ts';

/** A Czech agency invoicing under the standard scheme, series FV and DN. */
export function setInvoicing(agency: TestAgency, overrides: Partial<InvoicingSettings> = {}) {
  return putInvoicingSettings(agency.ctx, {
    legalName: 'Karavana s.r.o.',
    vatId: 'CZ87654321',
    registrationId: null,
    street: 'Václavské náměstí 1',
    city: 'Praha',
    postalCode: '110 00',
    country: 'CZ',
    email: null,
    iban: null,
    bic: null,
    accountingCurrency: 'EUR',
    vatScheme: 'standard',
    defaultVatRate: '21',
    vatRates: {},
    paymentTermsDays: 14,
    autoIssue: 'never',
    invoiceSeries: 'FV',
    creditNoteSeries: 'DN',
    ...overrides,
  });
}

/** Gives a booking without lines one service line of `amount` and issues its invoice. */
export async function invoiceBooking(
  database: Database,
  agency: TestAgency,
  booking: { id: string; productId: string; amount: number },
) {
  await database.db
    .insertInto('bookingLines')
    .values({
      id: newId(),
      agencyId: agency.agencyId,
      bookingId: booking.id,
      position: 0,
      kind: 'service',
      label: 'Transfer',
      productKind: 'tour',
      productId: booking.productId,
      travellers: json([0]),
      fromDate: null,
      toDate: null,
      unitPrice: booking.amount,
      quantity: 1,
      amount: booking.amount,
      cost: null,
      supplierStatus: 'confirmed',
      detail: json({}),
    })
    .execute();
  return issueInvoice(agency.ctx, booking.id);
}
