// Inside the frame, for an address that is no back-office page.
import { Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack align="flex-start" data-testid="not-found">
      <PageHeader title={t('errors.notFoundTitle')} />
      <Text>{t('errors.notFoundText')}</Text>
      <Button component={Link} to="/" variant="light">
        {t('errors.backToDashboard')}
      </Button>
    </Stack>
  );
}
