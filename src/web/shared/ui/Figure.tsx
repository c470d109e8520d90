// A figure with its label above it (period totals, the credit-note dialog, a booking's money
// and its change), and the row that holds several: they wrap onto the next line when the row is
// too narrow for them (a phone, a card in a side column), never run into each other.
import { Box, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export function Figure({
  label,
  value,
  color,
  weight = 700,
  testId,
}: {
  label: string;
  value: string;
  color?: string;
  /** 500 for a figure beside a stronger one (the change dialog's totals). */
  weight?: number;
  testId?: string;
}) {
  return (
    <Stack gap={0} style={{ flex: '1 0 auto', minWidth: 0 }}>
      <Text size="xs" tt="uppercase" fw={600} c="dimmed">
        {label}
      </Text>
      <Text
        fw={weight}
        c={color}
        data-testid={testId}
        // An amount stays on one line ("39 580,00 Kč"): the row wraps instead.
        style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}
      >
        {value}
      </Text>
    </Stack>
  );
}

/**
 * Figures side by side, each as wide as it needs, the spare width shared out; a figure that
 * does not fit goes to the next line.
 */
export function FigureRow({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <Box
      data-testid={testId}
      style={{
        display: 'flex',
        flexWrap: 'wrap',
        columnGap: 'var(--mantine-spacing-lg)',
        rowGap: 'var(--mantine-spacing-xs)',
      }}
    >
      {children}
    </Box>
  );
}
