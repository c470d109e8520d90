// What a new customer starts with: the agency's language and, for policy caps, its currency.
import type { Agency } from '../../../shared/identity.ts';
import { type CustomerLocale, customerLocales } from './customer-types.ts';

export function customerDefaults(agency: Agency): { locale: CustomerLocale; currency: string } {
  const locale = customerLocales.find((code) => code === agency.defaultLocale) ?? 'en';
  return { locale, currency: agency.baseCurrency };
}
