// A figure with its label above it: period totals, the credit-note dialog, a booking's payments.
import { Stack, Text } from '@mantine/core';

export function Figure({
  label,
  value,
  color,
  testId,
}: {
  label: string;
  value: string;
  color?: string;
  testId?: string;
}) {
  return (
    <Stack gap={0}>
      <Text size="xs" tt="uppercase" fw={600} c="dimmed">
        {label}
      </Text>
      <Text fw={700} c={color} data-testid={testId}>
        {value}
      </Text>
    </Stack>
  );
}
