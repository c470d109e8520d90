// One titled block of the booking detail.
import { Group, Paper, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface SectionCardProps {
  title: string;
  actions?: ReactNode;
  testId?: string;
  /** A state tests and styles can read without reading words. */
  dataState?: string;
  children: ReactNode;
}

export function SectionCard({ title, actions, testId, dataState, children }: SectionCardProps) {
  return (
    <Paper withBorder radius="md" p="md" data-testid={testId} data-state={dataState}>
      <Group justify="space-between" mb="sm" gap="xs">
        <Title order={3} size="h5">
          {title}
        </Title>
        {actions}
      </Group>
      {children}
    </Paper>
  );
}
