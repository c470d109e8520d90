// The invoicing settings between the API and the form: nullable texts become '' to type in,
// the VAT rates per line kind become rows, and the API's field errors land on the row of the
// rate they name.
import { textOrNull } from '../catalog/shared/fields.ts';
import type {
  AutoIssue,
  InvoicingSettings,
  InvoicingSettingsBody,
  VatScheme,
} from './finance-types.ts';

export interface VatRateRow {
  kind: string;
  rate: string;
}

export interface InvoicingSettingsValues {
  legalName: string;
  vatId: string;
  registrationId: string;
  street: string;
  city: string;
  postalCode: string;
  country: string;
  email: string;
  iban: string;
  bic: string;
  accountingCurrency: string;
  vatScheme: VatScheme;
  defaultVatRate: string;
  vatRates: VatRateRow[];
  paymentTermsDays: number | string;
  autoIssue: AutoIssue;
  invoiceSeries: string;
  creditNoteSeries: string;
}

/** The top-level fields: errors under them are shown at the field, not in an alert. */
export const settingsFields: readonly string[] = [
  'legalName',
  'vatId',
  'registrationId',
  'street',
  'city',
  'postalCode',
  'country',
  'email',
  'iban',
  'bic',
  'accountingCurrency',
  'vatScheme',
  'defaultVatRate',
  'vatRates',
  'paymentTermsDays',
  'autoIssue',
  'invoiceSeries',
  'creditNoteSeries',
];

export function toSettingsValues(settings: InvoicingSettings): InvoicingSettingsValues {
  return {
    legalName: settings.legalName,
    vatId: settings.vatId ?? '',
    registrationId: settings.registrationId ?? '',
    street: settings.street ?? '',
    city: settings.city ?? '',
    postalCode: settings.postalCode ?? '',
    country: settings.country ?? '',
    email: settings.email ?? '',
    iban: settings.iban ?? '',
    bic: settings.bic ?? '',
    accountingCurrency: settings.accountingCurrency,
    vatScheme: settings.vatScheme,
    defaultVatRate: settings.defaultVatRate,
    vatRates: Object.entries(settings.vatRates)
      .map(([kind, rate]) => ({ kind, rate }))
      .sort((a, b) => a.kind.localeCompare(b.kind)),
    paymentTermsDays: settings.paymentTermsDays,
    autoIssue: settings.autoIssue,
    invoiceSeries: settings.invoiceSeries,
    creditNoteSeries: settings.creditNoteSeries,
  };
}

/** Codes are sent in capitals (the API's patterns want them so); spaces around are dropped. */
function upperOrNull(value: string): string | null {
  return textOrNull(value)?.toUpperCase() ?? null;
}

export function toSettingsBody(values: InvoicingSettingsValues): InvoicingSettingsBody {
  return {
    legalName: values.legalName.trim(),
    vatId: upperOrNull(values.vatId)?.replaceAll(' ', '') ?? null,
    registrationId: textOrNull(values.registrationId),
    street: textOrNull(values.street),
    city: textOrNull(values.city),
    postalCode: textOrNull(values.postalCode),
    country: values.country.trim().toUpperCase(),
    email: textOrNull(values.email),
    iban: upperOrNull(values.iban),
    bic: upperOrNull(values.bic)?.replaceAll(' ', '') ?? null,
    accountingCurrency: values.accountingCurrency.trim().toUpperCase(),
    vatScheme: values.vatScheme,
    defaultVatRate: values.defaultVatRate.trim(),
    vatRates: Object.fromEntries(
      values.vatRates
        .filter((row) => row.kind.trim() !== '' || row.rate.trim() !== '')
        .map((row) => [row.kind.trim(), row.rate.trim()]),
    ),
    paymentTermsDays: Number(values.paymentTermsDays),
    autoIssue: values.autoIssue,
    invoiceSeries: values.invoiceSeries.trim().toUpperCase(),
    creditNoteSeries: values.creditNoteSeries.trim().toUpperCase(),
  };
}

/**
 * The API's field errors (`form.setErrors` shape) with those of a rate (`vatRates.room`, the
 * record's key) moved to its row (`vatRates.2.rate`).
 */
export function placeSettingsErrors(
  errors: Record<string, string>,
  values: InvoicingSettingsValues,
): Record<string, string> {
  const placed: Record<string, string> = {};
  for (const [field, message] of Object.entries(errors)) {
    const kind = field.startsWith('vatRates.') ? field.slice('vatRates.'.length) : null;
    const index = kind === null ? -1 : values.vatRates.findIndex((r) => r.kind.trim() === kind);
    placed[index >= 0 ? `vatRates.${index}.rate` : field] = message;
  }
  return placed;
}
