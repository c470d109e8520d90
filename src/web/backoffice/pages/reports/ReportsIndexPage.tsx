// The Reports section's first page: each report the signed-in role may open, with a line on
// the question it answers. Cost reports (profitability, supplier costs, payables) are listed
// for admin and accountant only.
import { Anchor, Group, Paper, SimpleGrid, Stack, Text, ThemeIcon } from '@mantine/core';
import {
  IconCalendarStats,
  IconChartBar,
  IconChartLine,
  IconCoins,
  IconReceipt2,
  IconReportMoney,
  IconTruckDelivery,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../../shared/ui/PageHeader.tsx';
import { useSignedInUser } from '../../auth/signed-in-user.ts';
import { type ReportName, reportsFor } from './report-catalog.ts';

const icons: Record<ReportName, ComponentType<{ size?: number; stroke?: number }>> = {
  sales: IconChartBar,
  profitability: IconReportMoney,
  occupancy: IconCalendarStats,
  'booking-curve': IconChartLine,
  'supplier-costs': IconTruckDelivery,
  receivables: IconCoins,
  payables: IconReceipt2,
};

export function ReportsIndexPage() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  return (
    <>
      <PageHeader title={t('reports.title')} description={t('reports.intro')} />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} data-testid="reports-index">
        {reportsFor(me.role).map((spec) => {
          const Icon = icons[spec.name];
          return (
            <Paper
              key={spec.name}
              withBorder
              radius="md"
              p="md"
              component={Link}
              to={`/reports/${spec.name}`}
              data-testid={`report-link-${spec.name}`}
              style={{ color: 'inherit', textDecoration: 'none' }}
            >
              <Group align="flex-start" wrap="nowrap" gap="sm">
                <ThemeIcon variant="light" size="lg" radius="md">
                  <Icon size={20} stroke={1.5} />
                </ThemeIcon>
                <Stack gap={4} miw={0}>
                  <Anchor component="span" fw={600}>
                    {t(`reports.names.${spec.name}`)}
                  </Anchor>
                  <Text size="sm" c="dimmed">
                    {t(`reports.about.${spec.name}`)}
                  </Text>
                </Stack>
              </Group>
            </Paper>
          );
        })}
      </SimpleGrid>
    </>
  );
}
