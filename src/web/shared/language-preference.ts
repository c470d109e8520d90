// Keeps the interface language and the signed-in user's saved language in step: the account's
// language wins when it arrives, and a choice made here is saved back to the account.
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { apiFetch } from './api.ts';
import { isLanguageCode, type LanguageCode } from './i18n/languages.ts';
import type { Me, User } from './identity.ts';
import { meQueryKey } from './session.ts';

/** Switches to the user's saved language whenever the saved language changes. */
export function useAccountLanguage(savedLocale: string | undefined): void {
  const { i18n } = useTranslation();
  useEffect(() => {
    if (isLanguageCode(savedLocale) && savedLocale !== i18n.resolvedLanguage) {
      void i18n.changeLanguage(savedLocale);
    }
  }, [savedLocale, i18n]);
}

/** Changes the language at once; when someone is signed in, also saves it to their account. */
export function useChooseLanguage(): (language: LanguageCode) => void {
  const { i18n, t } = useTranslation();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (locale: LanguageCode) =>
      apiFetch<User>('/api/v1/me', { method: 'PATCH', body: { locale } }),
    onSuccess: (user) => {
      queryClient.setQueryData<Me>(meQueryKey, (me) => (me ? { ...me, locale: user.locale } : me));
    },
    onError: () => {
      notifications.show({ color: 'yellow', message: t('shell.languageSaveFailed') });
    },
  });

  return (language) => {
    void i18n.changeLanguage(language);
    const me = queryClient.getQueryData<Me>(meQueryKey);
    if (me && me.locale !== language) save.mutate(language);
  };
}
