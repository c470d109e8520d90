// The chart as pages use it: ECharts (a large library) is fetched only when a page draws its
// first chart, so the lists and forms of the back office never download it. Until it arrives
// the chart's place is kept at its height, so nothing below it jumps.
import { Box, Center, Loader } from '@mantine/core';
import { lazy, Suspense } from 'react';
import type { EChartProps } from './EChart.tsx';

export type { EChartOption } from './EChart.tsx';

const EChart = lazy(() => import('./EChart.tsx').then((module) => ({ default: module.EChart })));

export function LazyEChart(props: EChartProps) {
  return (
    <Suspense
      fallback={
        <Box h={props.height} w="100%">
          <Center h="100%">
            <Loader size="sm" />
          </Center>
        </Box>
      }
    >
      <EChart {...props} />
    </Suspense>
  );
}
