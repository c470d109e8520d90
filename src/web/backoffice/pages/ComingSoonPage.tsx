// A section whose features are not built yet: its title and an honest line, no sample data.
import { Paper, Text } from '@mantine/core';
import { IconTools } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';
import type { NavLabel } from '../layout/nav-items.ts';

export function ComingSoonPage({ section }: { section: NavLabel }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t(`nav.${section}`)} />
      <Paper withBorder p="xl" radius="md">
        <Text c="dimmed" data-testid="coming-soon">
          <IconTools
            size={18}
            stroke={1.5}
            style={{ verticalAlign: 'text-bottom', marginRight: 8 }}
          />
          {t('comingSoon.text')}
        </Text>
      </Paper>
    </>
  );
}
