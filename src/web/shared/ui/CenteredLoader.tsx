// What shows while the first answer needed for a screen is on its way.
import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function CenteredLoader({ fullPage = false }: { fullPage?: boolean }) {
  const { t } = useTranslation();
  return (
    <Center h={fullPage ? '100vh' : 200}>
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}
