// The way back from a record's page to its list.
import { Anchor, Group } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { Link } from 'react-router';

export function BackLink({ to, label }: { to: string; label: string }) {
  return (
    <Anchor component={Link} to={to} size="sm" mb="xs" display="inline-block">
      <Group gap={4}>
        <IconArrowLeft size={14} stroke={1.5} aria-hidden />
        {label}
      </Group>
    </Anchor>
  );
}
