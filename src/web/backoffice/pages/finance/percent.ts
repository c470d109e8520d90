// A fraction as a signed percent in the language's conventions (0.025 → "+2.5%", "+2,5 %"):
// a variance says which way it goes.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { fallbackLanguage } from '../../../shared/i18n/languages.ts';

export function useSignedPercent(): (fraction: number) => string {
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? fallbackLanguage;
  return useMemo(() => {
    const format = new Intl.NumberFormat(locale, {
      style: 'percent',
      maximumFractionDigits: 1,
      signDisplay: 'exceptZero',
    });
    return (fraction) => format.format(fraction);
  }, [locale]);
}
