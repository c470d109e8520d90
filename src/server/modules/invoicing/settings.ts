// An agency's invoicing settings (D3): who the seller is on its invoices, its VAT scheme and
// rates, its bank account, its numbering series, and when invoices are issued by themselves.
import Decimal from 'decimal.js';
import { sql } from 'kysely';
import { type Ctx, inTransaction } from '../../context.ts';
import { json } from '../../db/json.ts';
import type { AutoIssue, VatScheme } from '../../db/schema.ts';
import { Invalid } from '../../errors.ts';
import { recordAudit } from '../identity/audit.ts';
import { isCurrency } from '../pricing/money.ts';

export interface InvoicingSettings {
  legalName: string;
  vatId: string | null;
  registrationId: string | null;
  street: string | null;
  city: string | null;
  postalCode: string | null;
  country: string;
  email: string | null;
  iban: string | null;
  bic: string | null;
  /** The currency the agency keeps its books in (EN 16931 BT-6 when an invoice differs). */
  accountingCurrency: string;
  vatScheme: VatScheme;
  defaultVatRate: string;
  vatRates: Record<string, string>;
  paymentTermsDays: number;
  /** never; on_booking: when a booking is made; on_paid: when it is paid (payments hook). */
  autoIssue: AutoIssue;
  invoiceSeries: string;
  creditNoteSeries: string;
}

export type InvoicingSettingsView =
  | ({ configured: true } & InvoicingSettings)
  | ({ configured: false } & Omit<InvoicingSettings, 'country'> & { country: null });

function rateText(value: string, path: string): string {
  let rate: Decimal;
  try {
    rate = new Decimal(value);
  } catch {
    throw Invalid.field(path, `must be a percentage such as "21" or "12.5"; "${value}" given`);
  }
  if (rate.isNegative() || rate.gte(100) || rate.decimalPlaces() > 2) {
    throw Invalid.field(path, `must be a percentage from 0 to 99.99; ${value} given`);
  }
  return rate.toString();
}

/** The agency's settings; null when invoicing is not set up yet. */
export async function findInvoicingSettings(ctx: Ctx): Promise<InvoicingSettings | null> {
  const row = await ctx.db
    .selectFrom('invoiceSettings')
    .selectAll()
    .select(sql<string>`default_vat_rate::text`.as('defaultVatRate'))
    .where('agencyId', '=', ctx.agencyId)
    .executeTakeFirst();
  if (!row) return null;
  const { agencyId: _agency, updatedAt: _updated, ...settings } = row;
  return {
    ...settings,
    vatRates: Object.fromEntries(settings.vatRates.map((r) => [r.kind, r.rate])),
    country: settings.country.trim(),
    accountingCurrency: settings.accountingCurrency.trim(),
    defaultVatRate: new Decimal(settings.defaultVatRate).toString(),
  };
}

/** The settings, or what they would be by default (from the agency) before an admin sets them. */
export async function getInvoicingSettings(ctx: Ctx): Promise<InvoicingSettingsView> {
  const settings = await findInvoicingSettings(ctx);
  if (settings) return { configured: true, ...settings };
  const agency = await ctx.db
    .selectFrom('agencies')
    .select(['name', 'baseCurrency'])
    .where('id', '=', ctx.agencyId)
    .executeTakeFirstOrThrow();
  return {
    configured: false,
    legalName: agency.name,
    vatId: null,
    registrationId: null,
    street: null,
    city: null,
    postalCode: null,
    country: null,
    email: null,
    iban: null,
    bic: null,
    accountingCurrency: agency.baseCurrency.trim(),
    vatScheme: 'margin',
    defaultVatRate: '21',
    vatRates: {},
    paymentTermsDays: 14,
    autoIssue: 'never',
    invoiceSeries: 'FV',
    creditNoteSeries: 'DN',
  };
}

/** Sets the settings (admin), creating the numbering series named in them. */
export async function putInvoicingSettings(
  ctx: Ctx,
  input: InvoicingSettings,
): Promise<InvoicingSettingsView> {
  if (!isCurrency(input.accountingCurrency)) {
    throw Invalid.field('/accountingCurrency', `${input.accountingCurrency} is no ISO 4217 code`);
  }
  if (input.invoiceSeries === input.creditNoteSeries) {
    throw Invalid.field('/creditNoteSeries', 'must differ from the invoice series');
  }
  const settings: InvoicingSettings = {
    ...input,
    defaultVatRate: rateText(input.defaultVatRate, '/defaultVatRate'),
    vatRates: Object.fromEntries(
      Object.entries(input.vatRates).map(([kind, rate]) => [
        kind,
        rateText(rate, `/vatRates/${kind}`),
      ]),
    ),
  };
  return inTransaction(ctx, async (tx) => {
    for (const [code, kind, path] of [
      [settings.invoiceSeries, 'invoice', '/invoiceSeries'],
      [settings.creditNoteSeries, 'credit_note', '/creditNoteSeries'],
    ] as const) {
      const existing = await tx.db
        .selectFrom('invoiceSeries')
        .select('kind')
        .where('agencyId', '=', tx.agencyId)
        .where('code', '=', code)
        .executeTakeFirst();
      if (existing && existing.kind !== kind) {
        throw Invalid.field(path, `series ${code} numbers ${existing.kind.replace('_', ' ')}s`);
      }
      if (!existing) {
        await tx.db
          .insertInto('invoiceSeries')
          .values({ agencyId: tx.agencyId, code, kind })
          .execute();
      }
    }
    const before = await findInvoicingSettings(tx);
    const vatRates = Object.entries(settings.vatRates).map(([kind, rate]) => ({ kind, rate }));
    const values = { ...settings, vatRates: json(vatRates), updatedAt: new Date() };
    await tx.db
      .insertInto('invoiceSettings')
      .values({ agencyId: tx.agencyId, ...values })
      .onConflict((oc) => oc.column('agencyId').doUpdateSet(values))
      .execute();
    await recordAudit(tx, {
      action: 'invoicing.settings.set',
      entityType: 'agency',
      entityId: tx.agencyId,
      before,
      after: settings,
    });
    return { configured: true as const, ...settings };
  });
}
