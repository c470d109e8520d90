// A record's name in a list, linking to its page (a real link: it opens in a new tab too).
import { Anchor } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

export function RowLink({
  to,
  children,
  testId,
}: {
  to: string;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <Anchor component={Link} to={to} fw={500} data-testid={testId}>
      {children}
    </Anchor>
  );
}
