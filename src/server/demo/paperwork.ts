// The demo agency's invoicing: a Czech tour operator under the travel-agency margin scheme
// (§ 89 of the Czech VAT act), invoicing each booking once it is paid, in CZK books.
import type { Ctx } from '../context.ts';
import { putInvoicingSettings } from '../modules/invoicing/settings.ts';

export function seedDemoInvoicing(ctx: Ctx) {
  return putInvoicingSettings(ctx, {
    legalName: 'Vltava Tours s.r.o.',
    vatId: 'CZ27654321',
    registrationId: '27654321',
    street: 'Na Poříčí 1079/3a',
    city: 'Praha',
    postalCode: '110 00',
    country: 'CZ',
    email: 'fakturace@vltava-tours.example',
    iban: 'CZ65 0800 0000 1920 0014 5399',
    bic: 'GIBACZPX',
    accountingCurrency: 'CZK',
    vatScheme: 'margin',
    defaultVatRate: '21',
    vatRates: {},
    paymentTermsDays: 14,
    autoIssue: 'on_paid',
    invoiceSeries: 'FV',
    creditNoteSeries: 'DN',
  });
}
