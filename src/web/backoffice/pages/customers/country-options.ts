// Countries to pick (ISO 3166-1 alpha-2, as the API stores them), named in the screen's
// language by the browser's own data, so no list of names is kept here.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

// Two-letter codes the browser names but that are not countries.
const notCountries = new Set(['EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'ZZ']);
const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export interface CountryOption {
  value: string;
  label: string;
}

export function useCountryOptions(): CountryOption[] {
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'en';
  return useMemo(() => {
    let names: Intl.DisplayNames;
    try {
      names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
    } catch {
      return [];
    }
    const options: CountryOption[] = [];
    for (const first of letters) {
      for (const second of letters) {
        const code = `${first}${second}`;
        if (notCountries.has(code)) continue;
        const name = names.of(code);
        if (name && name !== code) options.push({ value: code, label: `${name} (${code})` });
      }
    }
    return options.sort((a, b) => a.label.localeCompare(b.label, locale));
  }, [locale]);
}
