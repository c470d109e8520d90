// A country's name in the visitor's language from its ISO code ("IT" → "Italy", "Itálie").
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';

export function useCountryName(): (code: string) => string {
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'en';
  const names = useMemo(() => {
    try {
      return new Intl.DisplayNames([locale], { type: 'region' });
    } catch {
      return null;
    }
  }, [locale]);
  return useCallback(
    (code: string) => {
      try {
        return names?.of(code.trim().toUpperCase()) ?? code;
      } catch {
        return code;
      }
    },
    [names],
  );
}
