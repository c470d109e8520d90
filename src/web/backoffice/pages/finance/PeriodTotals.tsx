// The totals of the filtered period per currency, above the list. A sum of the rows on screen
// would be wrong while more pages wait, so the totals appear only once the whole period is
// loaded; until then a line says so and offers to load the rest.
import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconSum } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../shared/i18n/format.ts';
import { Figure, FigureRow } from '../../../shared/ui/Figure.tsx';
import type { Invoice } from './finance-types.ts';
import { totalsByCurrency } from './period-totals.ts';

interface PeriodTotalsProps {
  rows: readonly Invoice[];
  /** Every page of the filters is loaded (and no other filters' rows are still shown). */
  complete: boolean;
  loadingAll: boolean;
  onLoadAll: () => void;
}

export function PeriodTotals({ rows, complete, loadingAll, onLoadAll }: PeriodTotalsProps) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!complete) {
    return (
      <Paper withBorder radius="md" px="md" py="xs" mb="sm" data-testid="period-totals-partial">
        <Group justify="space-between" gap="sm">
          <Text size="sm" c="dimmed">
            {t('finance.totals.partial', { count: rows.length })}
          </Text>
          <Button
            variant="light"
            size="compact-sm"
            leftSection={<IconSum size={14} stroke={1.5} />}
            loading={loadingAll}
            onClick={onLoadAll}
            data-testid="load-all"
          >
            {t('finance.totals.loadAll')}
          </Button>
        </Group>
      </Paper>
    );
  }
  const totals = totalsByCurrency(rows);
  if (totals.length === 0) return null;
  return (
    <Stack gap="xs" mb="sm" data-testid="period-totals">
      {totals.map((total) => (
        <Paper
          key={total.currency}
          withBorder
          radius="md"
          px="md"
          py="xs"
          data-testid="period-total"
          data-currency={total.currency}
        >
          <FigureRow>
            <Figure label={t('finance.totals.currency')} value={total.currency} />
            <Figure
              label={t('finance.totals.invoiced', { count: total.invoiceCount })}
              value={format.money(total.invoiced, total.currency)}
              testId="total-invoiced"
            />
            <Figure
              label={t('finance.totals.credited', { count: total.creditNoteCount })}
              value={format.money(-total.credited || 0, total.currency)}
              color={total.credited > 0 ? 'red' : undefined}
              testId="total-credited"
            />
            <Figure
              label={t('finance.totals.net')}
              value={format.money(total.net, total.currency)}
              testId="total-net"
            />
            <Figure
              label={t('finance.totals.vat')}
              value={format.money(total.vat, total.currency)}
              testId="total-vat"
            />
          </FigureRow>
        </Paper>
      ))}
    </Stack>
  );
}
