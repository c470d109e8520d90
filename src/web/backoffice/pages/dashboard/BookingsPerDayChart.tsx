// The bookings made each day of the last 30, stacked by channel: one bar per day, a colour
// per channel, channels without a booking in the window left out of the legend.
import { Anchor, Group, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCalendarFormat } from '../../../shared/i18n/calendar-date.ts';
import { useFormat } from '../../../shared/i18n/format.ts';
import { type EChartOption, LazyEChart } from '../../../shared/ui/LazyEChart.tsx';
import { channelColours, type Dashboard } from './dashboard-queries.ts';

export function BookingsPerDayChart({
  perDay,
  report,
}: {
  perDay: Dashboard['bookingsPerDay'];
  /** The sales report of the same days by channel. */
  report: string;
}) {
  const { t } = useTranslation();
  const dates = useCalendarFormat();
  const format = useFormat();
  const used = useMemo(
    () => perDay.series.filter((s) => s.counts.some((count) => count > 0)),
    [perDay],
  );
  const total = used.reduce((sum, s) => sum + s.counts.reduce((a, b) => a + b, 0), 0);

  const option = useMemo<EChartOption>(
    () => ({
      animation: false,
      grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
      legend: { top: 0, left: 0, itemWidth: 12, itemHeight: 12 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: {
        type: 'category',
        data: perDay.days.map((day) => dates.short(day)),
        axisTick: { alignWithLabel: true },
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: used.map((s) => ({
        type: 'bar',
        name: t(`overview.channels.${s.channel}`),
        stack: 'bookings',
        data: s.counts,
        itemStyle: { color: channelColours[s.channel] },
        emphasis: { focus: 'series' },
      })),
    }),
    [perDay, used, dates, t],
  );

  return (
    <Stack gap="xs">
      <Group justify="space-between" align="baseline">
        <Stack gap={0}>
          <Text fw={600}>{t('overview.chartTitle')}</Text>
          <Text size="xs" c="dimmed">
            {t('overview.chartHint')}
          </Text>
        </Stack>
        <Text fz={28} fw={700} lh={1} c="indigo.7" data-testid="dashboard-chart-total">
          {format.number(total)}
        </Text>
      </Group>
      {total === 0 ? (
        <Text size="sm" c="dimmed" data-testid="dashboard-chart-empty">
          {t('overview.chartEmpty')}
        </Text>
      ) : null}
      <LazyEChart
        option={option}
        height={300}
        label={t('overview.chartLabel')}
        testId="dashboard-chart"
      />
      <Anchor component={Link} to={report} size="sm" data-testid="dashboard-chart-report">
        {t('reports.dashboardLink', { name: t('reports.names.sales') })} →
      </Anchor>
    </Stack>
  );
}
