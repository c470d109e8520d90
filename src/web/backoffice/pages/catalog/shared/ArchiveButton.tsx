// Archive or restore a record from its row: nothing in the catalog is deleted.
import { ActionIcon, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconRestore } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { problemText } from '../../../../shared/ui/ProblemAlert.tsx';
import { type Resource, useArchiveRecord } from './catalog-queries.ts';

interface ArchiveButtonProps {
  resource: Resource;
  id: string;
  archived: boolean;
  name: string;
  also?: Resource[];
}

export function ArchiveButton({ resource, id, archived, name, also }: ArchiveButtonProps) {
  const { t } = useTranslation();
  const archive = useArchiveRecord(resource, also);
  const label = archived ? t('catalog.restore') : t('catalog.archive');
  return (
    <Tooltip label={label} withArrow>
      <ActionIcon
        variant="subtle"
        color={archived ? 'teal' : 'gray'}
        aria-label={`${label}: ${name}`}
        loading={archive.isPending}
        data-testid={archived ? 'restore' : 'archive'}
        onClick={(event) => {
          event.stopPropagation();
          archive.mutate(
            { id, archived: !archived },
            {
              onSuccess: () =>
                notifications.show({
                  color: 'teal',
                  message: archived
                    ? t('catalog.restored', { name })
                    : t('catalog.archived', { name }),
                }),
              onError: (error) =>
                notifications.show({
                  color: 'red',
                  title: t('catalog.archiveFailed'),
                  message: problemText(error, t('errors.unreachable'), t('errors.unexpected')),
                }),
            },
          );
        }}
      >
        {archived ? <IconRestore size={18} stroke={1.5} /> : <IconArchive size={18} stroke={1.5} />}
      </ActionIcon>
    </Tooltip>
  );
}
