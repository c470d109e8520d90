// A chart drawn by ECharts: made once per element, given new options as they change (labels
// follow the language), resized with its container, and disposed of when it leaves the page.
// Only the parts used are registered, so the bundle carries bar and line charts, not all of
// ECharts. Pages import it through LazyEChart, so ECharts loads with the first chart drawn.
import { Box } from '@mantine/core';
import { BarChart, type BarSeriesOption, LineChart, type LineSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  type GridComponentOption,
  LegendComponent,
  type LegendComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from 'echarts/components';
import { type ComposeOption, type ECharts, init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type EChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
>;

export interface EChartProps {
  option: EChartOption;
  height: number;
  /** What the chart shows, for screen readers (the canvas itself says nothing). */
  label: string;
  testId?: string;
}

export function EChart({ option, height, label, testId }: EChartProps) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);

  useEffect(() => {
    const container = element.current;
    if (!container) return;
    const instance = init(container, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(container);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    // Replaced, not merged: a series that is gone (a channel without bookings) must go.
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <Box ref={element} h={height} w="100%" role="img" aria-label={label} data-testid={testId} />
  );
}
