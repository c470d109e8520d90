// What every page inside an agency's portal shares: the shop front, the visitor's language
// and the currency prices are shown in (the visitor's choice; else the one of their language
// when the agency sells in it, euros for a visitor from abroad, else the agency's own).
import { createContext, useContext } from 'react';
import type { Storefront } from './api/types.ts';

export interface PortalContextValue {
  slug: string;
  storefront: Storefront;
  lang: string;
  currency: string;
  setCurrency: (currency: string) => void;
}

export const PortalContext = createContext<PortalContextValue | null>(null);

export function usePortal(): PortalContextValue {
  const value = useContext(PortalContext);
  if (!value) throw new Error('usePortal outside the portal shell');
  return value;
}

/** The currency people who read this language usually pay in. */
const currencyOfLanguage: Record<string, string> = {
  cs: 'CZK',
  pl: 'PLN',
  tr: 'TRY',
  zh: 'CNY',
  en: 'EUR',
};

const storageKey = (slug: string) => `caravel.portal.currency.${slug}`;

export function initialCurrency(storefront: Storefront, lang: string): string {
  let saved: string | null = null;
  try {
    saved = localStorage.getItem(storageKey(storefront.slug));
  } catch {
    saved = null;
  }
  if (saved && storefront.currencies.includes(saved)) return saved;
  const usual = currencyOfLanguage[lang];
  if (usual && storefront.currencies.includes(usual)) return usual;
  // A visitor from abroad reads euros more easily than the agency's home currency.
  if (lang !== storefront.defaultLocale && storefront.currencies.includes('EUR')) return 'EUR';
  return storefront.baseCurrency;
}

export function saveCurrency(slug: string, currency: string): void {
  try {
    localStorage.setItem(storageKey(slug), currency);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
}
