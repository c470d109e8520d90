// The chart card above a report's table: what it draws (sales: revenue, bookings or
// travellers; occupancy: load factor or sold, held and free) and the chart itself, drawn by
// ECharts, which is fetched with the first chart (LazyEChart).
import { Group, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { fallbackLanguage } from '../../../shared/i18n/languages.ts';
import { LazyEChart } from '../../../shared/ui/LazyEChart.tsx';
import type { ReportSpec } from './report-catalog.ts';
import { reportChart } from './report-chart.ts';
import type { CellFormat, ReportResponse } from './report-format.ts';
import { measures, occupancyViews, type ReportValues } from './report-params.ts';

interface ReportChartProps {
  spec: ReportSpec;
  response: ReportResponse;
  values: ReportValues;
  format: CellFormat;
  onChange: (change: ReportValues) => void;
}

export function ReportChart({ spec, response, values, format, onChange }: ReportChartProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? fallbackLanguage;
  const plan = useMemo(() => {
    const compact = new Intl.NumberFormat(locale, {
      notation: 'compact',
      maximumFractionDigits: 1,
    });
    return reportChart(spec, response, values, {
      format,
      compact: (value) => compact.format(value),
      words: { other: t('reports.other'), free: t('reports.free'), total: t('reports.total') },
    });
  }, [spec, response, values, format, locale, t]);

  const name = t(`reports.names.${spec.name}`);
  const switcher =
    spec.name === 'sales' ? (
      <SegmentedControl
        size="xs"
        value={values.measure ?? 'revenue'}
        onChange={(measure) => onChange({ measure })}
        data={measures.map((m) => ({ value: m, label: t(`reports.measures.${m}`) }))}
        aria-label={t('reports.field.measure')}
        data-testid="chart-measure"
      />
    ) : spec.name === 'occupancy' ? (
      <SegmentedControl
        size="xs"
        value={values.view ?? 'load'}
        onChange={(view) => onChange({ view })}
        data={occupancyViews.map((v) => ({ value: v, label: t(`reports.views.${v}`) }))}
        aria-label={t('reports.field.view')}
        data-testid="chart-view"
      />
    ) : null;

  if (!plan) return null;
  return (
    <Paper withBorder radius="md" p="md" mb="md">
      <Stack gap="xs">
        {switcher ? <Group justify="flex-end">{switcher}</Group> : null}
        <LazyEChart
          option={plan.option}
          height={
            spec.chart === 'profitBars' || spec.chart === 'aging' || spec.chart === 'expectedActual'
              ? Math.max(240, 80 + plan.drawn * 28)
              : 340
          }
          label={t('reports.chartLabel', { name })}
          testId="report-chart"
        />
        {plan.drawn < plan.of ? (
          <Text size="xs" c="dimmed" data-testid="chart-partial">
            {plan.keeps === 'largest'
              ? t('reports.chartPartial', { drawn: plan.drawn, of: plan.of })
              : t('reports.chartFirst', { drawn: plan.drawn, of: plan.of })}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}
