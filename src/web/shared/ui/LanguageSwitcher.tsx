// Picks the interface language; each language is listed under its own name.
import { Select } from '@mantine/core';
import { IconLanguage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { fallbackLanguage, isLanguageCode, languages } from '../i18n/languages.ts';
import { useChooseLanguage } from '../language-preference.ts';

const options = languages.map((language) => ({ value: language.code, label: language.name }));

export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const choose = useChooseLanguage();
  return (
    <Select
      data-testid="language-switcher"
      aria-label={t('shell.language')}
      data={options}
      value={i18n.resolvedLanguage ?? fallbackLanguage}
      onChange={(value) => {
        if (isLanguageCode(value)) choose(value);
      }}
      allowDeselect={false}
      leftSection={<IconLanguage size={16} stroke={1.5} aria-hidden />}
      w={{ base: 130, sm: 150 }}
      size="sm"
      comboboxProps={{ withinPortal: true }}
    />
  );
}
