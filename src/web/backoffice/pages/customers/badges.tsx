// The small labels the customers list and page share: person or company, archived.
import { Badge } from '@mantine/core';
import { IconBuilding, IconUser } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CustomerKind } from './customer-types.ts';

export function KindBadge({ kind, size = 'sm' }: { kind: CustomerKind; size?: string }) {
  const { t } = useTranslation();
  const Icon = kind === 'company' ? IconBuilding : IconUser;
  return (
    <Badge
      color={kind === 'company' ? 'grape' : 'blue'}
      variant="light"
      size={size}
      leftSection={<Icon size={12} aria-hidden />}
      data-testid="kind-badge"
      data-kind={kind}
    >
      {t(`customers.kinds.${kind}`)}
    </Badge>
  );
}

export function ArchivedBadge({ archived }: { archived: boolean }) {
  const { t } = useTranslation();
  if (!archived) return null;
  return (
    <Badge color="gray" variant="light" size="sm" data-testid="archived-badge">
      {t('customers.archivedBadge')}
    </Badge>
  );
}
