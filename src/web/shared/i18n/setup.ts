// Starts i18next once, before the first render: every language is bundled, so nothing loads
// later and the first paint is already translated.
import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { cs } from './cs.ts';
import { en } from './en.ts';
import { fallbackLanguage, languageCodes } from './languages.ts';
import { pl } from './pl.ts';
import { tr } from './tr.ts';
import { zh } from './zh.ts';

// Screen readers, hyphenation and fonts follow <html lang>.
i18n.on('languageChanged', () => {
  document.documentElement.lang = i18n.resolvedLanguage ?? fallbackLanguage;
});

void i18n
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources: {
      en: { translation: en },
      cs: { translation: cs },
      pl: { translation: pl },
      tr: { translation: tr },
      zh: { translation: zh },
    },
    supportedLngs: languageCodes,
    nonExplicitSupportedLngs: true,
    load: 'languageOnly',
    fallbackLng: fallbackLanguage,
    initAsync: false,
    // React escapes what it renders; escaping here too would show &amp; and friends.
    interpolation: { escapeValue: false },
    detection: {
      // A choice made on the sign-in page is remembered; otherwise the browser's languages.
      order: ['localStorage', 'navigator'],
      caches: ['localStorage'],
      lookupLocalStorage: 'caravel.language',
      // `cs-CZ` and `zh-Hans-CN` are served by `cs` and `zh`.
      convertDetectedLanguage: (detected) => detected.split('-')[0] ?? detected,
    },
  });

export { i18n };
