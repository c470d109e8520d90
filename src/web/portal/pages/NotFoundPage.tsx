// An address the portal does not know: an unknown agency, product or page.
import { Button, Container, Stack, Text, Title } from '@mantine/core';
import { IconMapOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export function NotFoundPage({ home }: { home?: string }) {
  const { t } = useTranslation();
  return (
    <Container size="sm" py={80}>
      <Stack align="center" gap="md" ta="center" data-testid="portal-not-found">
        <IconMapOff size={56} stroke={1.2} color="var(--mantine-color-gray-5)" aria-hidden />
        <Title order={2}>{t('portal.errors.notFound')}</Title>
        <Text c="dimmed">{t('portal.errors.notFoundText')}</Text>
        {home ? (
          <Button component="a" href={home} variant="light">
            {t('portal.errors.backHome')}
          </Button>
        ) : null}
      </Stack>
    </Container>
  );
}
