// What shows while the first answer a page needs is on its way.
import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function PageLoader({ height = 320 }: { height?: number | string }) {
  const { t } = useTranslation();
  return (
    <Center h={height}>
      <Loader aria-label={t('common.loading')} data-testid="page-loader" />
    </Center>
  );
}
