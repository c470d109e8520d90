// Text the catalog keeps per language, read in the interface's language (or the nearest one
// given) and written back from form fields, leaving out the languages left empty.
import { useTranslation } from 'react-i18next';
import { fallbackLanguage } from '../../../../shared/i18n/languages.ts';
import type { LocalizedText } from './catalog-types.ts';

export const contentLanguages = ['en', 'cs', 'pl', 'tr', 'zh'] as const;
export type ContentLanguage = (typeof contentLanguages)[number];

export function pickText(text: LocalizedText | null | undefined, language: string): string {
  if (!text) return '';
  const own = text[language as ContentLanguage];
  if (own) return own;
  return text.en ?? Object.values(text).find((value) => Boolean(value)) ?? '';
}

/** `(text) => string` in the interface's language. */
export function useLocalized(): (text: LocalizedText | null | undefined) => string {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? fallbackLanguage;
  return (text) => pickText(text, language);
}

export type LocalizedValues = Record<ContentLanguage, string>;

export function toLocalizedValues(text: LocalizedText | null | undefined): LocalizedValues {
  return {
    en: text?.en ?? '',
    cs: text?.cs ?? '',
    pl: text?.pl ?? '',
    tr: text?.tr ?? '',
    zh: text?.zh ?? '',
  };
}

/** The filled languages only; `undefined` when none is, so an optional field can be left out. */
export function fromLocalizedValues(values: LocalizedValues): LocalizedText | undefined {
  const result: LocalizedText = {};
  for (const language of contentLanguages) {
    const value = values[language].trim();
    if (value) result[language] = value;
  }
  return Object.keys(result).length > 0 ? result : undefined;
}
