// The first page after signing in: who you are and which agency you work for.
import { Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../shared/i18n/format.ts';
import { PageHeader } from '../../../shared/ui/PageHeader.tsx';
import { useSignedInUser } from '../../auth/signed-in-user.ts';

export function DashboardPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useSignedInUser();
  const currency = me.agency.baseCurrency;

  return (
    <>
      <PageHeader
        title={t('dashboard.greeting', { name: me.name })}
        description={t('dashboard.intro', { agency: me.agency.name })}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }} mb="lg">
        <Fact label={t('dashboard.agency')} testId="dashboard-agency">
          {me.agency.name}
        </Fact>
        <Fact label={t('dashboard.baseCurrency')} testId="dashboard-currency">
          {currency}
          <Text span c="dimmed" size="sm">
            {' '}
            · {format.currencyName(currency)}
          </Text>
        </Fact>
        <Fact label={t('dashboard.role')} testId="dashboard-role">
          {t(`roles.${me.role}`)}
        </Fact>
      </SimpleGrid>
      <Text c="dimmed">{t('dashboard.upcoming')}</Text>
    </>
  );
}

function Fact({ label, testId, children }: { label: string; testId: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap={4}>
        <Text size="xs" tt="uppercase" fw={600} c="dimmed">
          {label}
        </Text>
        <Text size="lg" fw={500} data-testid={testId}>
          {children}
        </Text>
      </Stack>
    </Paper>
  );
}
