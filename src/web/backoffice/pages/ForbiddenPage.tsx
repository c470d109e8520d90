// Inside the frame, for a page the signed-in role may not open.
import { Alert } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';

export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('errors.forbiddenTitle')} />
      <Alert color="yellow" variant="light" icon={<IconLock aria-hidden />} data-testid="forbidden">
        {t('errors.forbiddenText')}
      </Alert>
    </>
  );
}
