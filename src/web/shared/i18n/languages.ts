// The languages Caravel speaks, each named in itself so anyone can find their own.

export const languages = [
  { code: 'en', name: 'English' },
  { code: 'cs', name: 'Čeština' },
  { code: 'pl', name: 'Polski' },
  { code: 'tr', name: 'Türkçe' },
  { code: 'zh', name: '中文' },
] as const;

export type LanguageCode = (typeof languages)[number]['code'];

export const languageCodes: readonly LanguageCode[] = languages.map((language) => language.code);

export const fallbackLanguage: LanguageCode = 'en';

export function isLanguageCode(value: string | null | undefined): value is LanguageCode {
  return (languageCodes as readonly (string | null | undefined)[]).includes(value);
}

/** The language's own name; an unknown code is shown as it is. */
export function languageName(code: string): string {
  return languages.find((language) => language.code === code)?.name ?? code;
}
