// Invoice numbers under real concurrency, on PostgreSQL only (PGlite has one session, so a
// race there proves nothing): 50 invoices issued at once, over a pool of connections, get
// the numbers 1…50 of their series and year, with no gap and no number twice.
import { expect, it } from 'vitest';
import { insertBookings } from '../../../../tests/helpers/booking-factories.ts';
import { makeTour } from '../../../../tests/helpers/catalog-factories.ts';
import { makePerson } from '../../../../tests/helpers/customer-factories.ts';
import { describeOnPostgres } from '../../../../tests/helpers/database.ts';
import { makeAgency } from '../../../../tests/helpers/factories.ts';
import { newId } from '../../db/ids.ts';
import { json } from '../../db/json.ts';
import { formatInvoiceNumber } from './numbers.ts';
import { issueInvoice } from './service.ts';
import { putInvoicingSettings } from './settings.ts';

const invoices = 50;

describeOnPostgres(
  'invoice numbers under concurrent issuers',
  (database) => {
    it('numbers 50 concurrent invoices 1…50 without gaps or duplicates', async () => {
      const agency = await makeAgency(database());
      const customer = await makePerson(agency);
      const tour = await makeTour(agency);
      await putInvoicingSettings(agency.ctx, {
        legalName: 'Karavana s.r.o.',
        vatId: 'CZ87654321',
        registrationId: null,
        street: null,
        city: 'Praha',
        postalCode: null,
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
      });
      const ids = await insertBookings(
        database(),
        agency,
        Array.from({ length: invoices }, (_, i) => ({
          number: `2030-${String(i + 1).padStart(6, '0')}`,
          customerId: customer.id,
          productId: tour.id,
          total: 121_00,
        })),
        { refreshSearch: false },
      );
      await database()
        .db.insertInto('bookingLines')
        .values(
          ids.map((bookingId) => ({
            id: newId(),
            agencyId: agency.agencyId,
            bookingId,
            position: 0,
            kind: 'service',
            label: 'Transfer',
            productKind: 'tour',
            productId: tour.id,
            travellers: json([0]),
            fromDate: null,
            toDate: null,
            unitPrice: 121_00,
            quantity: 1,
            amount: 121_00,
            cost: null,
            supplierStatus: 'confirmed',
            detail: json({}),
          })),
        )
        .execute();

      const issued = await Promise.all(ids.map((id) => issueInvoice(agency.ctx, id)));

      const year = new Date().getUTCFullYear();
      const expected = Array.from({ length: invoices }, (_, i) =>
        formatInvoiceNumber('FV', year, i + 1),
      );
      expect(issued.map((i) => i.number).sort()).toEqual(expected);
      const counter = await database()
        .db.selectFrom('invoiceCounters')
        .select('last')
        .where('agencyId', '=', agency.agencyId)
        .where('series', '=', 'FV')
        .executeTakeFirstOrThrow();
      expect(counter.last).toBe(invoices);
      // 121,00 at 21 %: 100,00 net and 21,00 VAT each.
      expect(issued.every((i) => i.net === 100_00 && i.vat === 21_00)).toBe(true);
    }, 120_000);
  },
  { poolSize: 20 },
);
