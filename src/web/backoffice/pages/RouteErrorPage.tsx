// When rendering a route throws: a way out instead of a blank screen. The details go to the
// console for whoever debugs it, not to the person at the desk.
import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';

export function RouteErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <Center h="100vh" p="md">
      <Stack align="center" maw={480} data-testid="route-error">
        <Title order={2}>{t('errors.title')}</Title>
        <Text ta="center">{t('errors.pageCrashed')}</Text>
        <Button onClick={() => window.location.reload()}>{t('errors.reload')}</Button>
      </Stack>
    </Center>
  );
}
