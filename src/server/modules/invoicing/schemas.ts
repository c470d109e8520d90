// Request and response schemas of invoicing (they feed OpenAPI). Amounts are integers in the
// minor unit of the document's currency; VAT rates are percentages as decimal text.
import { Type } from 'typebox';
import { nullable, Uuid } from '../../http/schemas.ts';
import { CountryCodeSchema } from '../catalog/common.ts';

const Rate = Type.String({
  pattern: '^\\d{1,2}(\\.\\d{1,2})?$',
  description: 'VAT rate in percent, e.g. "21" or "12"',
  examples: ['21'],
});
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });
const Series = Type.String({ pattern: '^[A-Z0-9]{1,10}$', description: 'e.g. FV, DN' });
const AutoIssue = Type.Enum(['never', 'on_booking', 'on_paid'], {
  description: 'never; on_booking: when a booking is made; on_paid: when it is paid in full',
});
const VatScheme = Type.Enum(['standard', 'margin'], {
  description:
    'standard: VAT per line; margin: the travel agents margin scheme (VAT directive art. 306–310), no VAT on the invoice',
});

const settingsFields = {
  legalName: Text(200),
  vatId: nullable(
    Type.String({ minLength: 4, maxLength: 20, pattern: '^[A-Z]{2}[A-Z0-9]{2,18}$' }),
    {
      description: 'The seller VAT id, e.g. CZ12345678',
    },
  ),
  registrationId: nullable(Text(40)),
  street: nullable(Text(200)),
  city: nullable(Text(100)),
  postalCode: nullable(Text(20)),
  email: nullable(Type.String({ format: 'email', maxLength: 254 })),
  iban: nullable(
    Type.String({ pattern: '^[A-Z]{2}[0-9]{2}[A-Z0-9 ]{10,36}$', description: 'Payments to' }),
  ),
  bic: nullable(Type.String({ pattern: '^[A-Z0-9]{8}([A-Z0-9]{3})?$' })),
  accountingCurrency: Type.String({ pattern: '^[A-Z]{3}$', description: 'The books are kept in' }),
  vatScheme: VatScheme,
  defaultVatRate: Rate,
  vatRates: Type.Record(Type.String({ pattern: '^[a-z_]{1,40}$' }), Rate, {
    description:
      'VAT rate per booking line kind (room, person, service, fee…); others take the default',
  }),
  paymentTermsDays: Type.Integer({ minimum: 0, maximum: 365 }),
  autoIssue: AutoIssue,
  invoiceSeries: Series,
  creditNoteSeries: Series,
};

export const InvoicingSettingsBody = Type.Object(
  { ...settingsFields, country: CountryCodeSchema },
  { additionalProperties: false },
);

export const InvoicingSettingsSchema = Type.Object({
  configured: Type.Boolean({ description: 'false: these are defaults; set them to invoice' }),
  ...settingsFields,
  country: nullable(CountryCodeSchema),
});

const Party = Type.Object({
  name: Type.String(),
  vatId: nullable(Type.String()),
  registrationId: nullable(Type.String()),
  street: nullable(Type.String()),
  city: nullable(Type.String()),
  postalCode: nullable(Type.String()),
  country: nullable(Type.String()),
  email: nullable(Type.String()),
});

export const InvoiceSchema = Type.Object(
  {
    id: Uuid,
    kind: Type.Enum(['invoice', 'credit_note']),
    number: Type.String({ description: 'Gapless per series and year, e.g. FV-2026-000123' }),
    series: Type.String(),
    bookingId: Uuid,
    bookingNumber: Type.String(),
    issueDate: Type.String({ format: 'date' }),
    dueDate: Type.String({ format: 'date' }),
    currency: Type.String(),
    supplier: Type.Object({
      ...Party.properties,
      iban: nullable(Type.String()),
      bic: nullable(Type.String()),
    }),
    customer: Party,
    vatScheme: VatScheme,
    net: Type.Integer(),
    vat: Type.Integer(),
    gross: Type.Integer(),
    marginVat: nullable(Type.Integer(), {
      description: 'Margin scheme: VAT owed on the margin, for accounting (not on the invoice)',
    }),
    taxCurrency: nullable(Type.String(), { description: 'Accounting currency, when different' }),
    taxRate: nullable(Type.String(), { description: 'Units of taxCurrency per unit of currency' }),
    vatInTaxCurrency: nullable(Type.Integer()),
    creditedInvoice: nullable(
      Type.Object({ id: Uuid, number: Type.String(), issueDate: Type.String() }),
    ),
    creditable: nullable(Type.Integer(), {
      description:
        'Invoices: gross not credited yet, what a credit note in full would credit (0: credited in full); null on credit notes',
    }),
    reason: nullable(Type.String()),
    note: nullable(Type.String()),
    breakdown: Type.Array(
      Type.Object({
        category: Type.String({ description: 'EN 16931 VAT category: S, Z, E' }),
        rate: Type.String(),
        taxable: Type.Integer(),
        vat: Type.Integer(),
        exemptionReason: nullable(Type.String()),
        exemptionReasonCode: nullable(Type.String()),
      }),
    ),
    lines: Type.Array(
      Type.Object({
        position: Type.Integer(),
        description: Type.String(),
        quantity: Type.Integer(),
        unitPrice: Type.Integer({ description: 'Net price of one unit' }),
        net: Type.Integer(),
        vatCategory: Type.String(),
        vatRate: Type.String(),
        vat: Type.Integer(),
        gross: Type.Integer(),
        bookingLinePosition: nullable(Type.Integer()),
        creditedLinePosition: nullable(Type.Integer()),
        creditable: nullable(Type.Integer(), {
          description: "Invoices: the line's gross not credited yet; null on credit notes",
        }),
      }),
    ),
    createdByName: Type.String(),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'Invoice' },
);

export const CreditNoteBody = Type.Object(
  {
    reason: Type.String({ minLength: 3, maxLength: 1000 }),
    lines: Type.Optional(
      nullable(
        Type.Array(
          Type.Object(
            {
              position: Type.Integer({ minimum: 0, description: 'The invoice line' }),
              amount: Type.Integer({
                description: 'Gross to credit, minor units, with the sign of the line',
              }),
            },
            { additionalProperties: false },
          ),
          { minItems: 1, maxItems: 500 },
        ),
        { description: 'Absent: everything not credited yet' },
      ),
    ),
  },
  { additionalProperties: false },
);
