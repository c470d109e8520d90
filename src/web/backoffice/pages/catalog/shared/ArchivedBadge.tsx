// Marks an archived record in a list or on its page.
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function ArchivedBadge({ archived }: { archived: boolean }) {
  const { t } = useTranslation();
  if (!archived) return null;
  return (
    <Badge color="gray" variant="light" size="sm" ml="xs">
      {t('catalog.archivedBadge')}
    </Badge>
  );
}
