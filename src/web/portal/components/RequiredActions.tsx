// What the traveller must still do before the trip (B8, D2): a red box with the instructions
// for each action not yet done, a green confirmation for each one done, and one green line
// when everything is ready.
import { Alert, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCalendarFormat } from '../../shared/i18n/calendar-date.ts';

export interface ActionView {
  title: string;
  instructions: string;
  dueDate: string | null;
  done: { at: string } | null;
}

export function RequiredActions({ actions }: { actions: ActionView[] }) {
  const { t } = useTranslation();
  const days = useCalendarFormat();
  if (actions.length === 0) return null;
  const open = actions.filter((a) => a.done === null);
  return (
    <Stack gap="sm" data-testid="required-actions">
      {open.length === 0 ? (
        <Alert
          color="teal"
          variant="filled"
          icon={<IconCircleCheck />}
          title={t('portal.actions.allDone')}
          data-testid="actions-all-done"
        >
          {t('portal.actions.allDoneText')}
        </Alert>
      ) : null}
      {actions.map((action) =>
        action.done ? (
          <Alert
            key={action.title}
            color="teal"
            variant="light"
            icon={<IconCircleCheck />}
            title={action.title}
            data-testid="action-done"
          >
            <Text size="sm">
              {t('portal.actions.doneOn', { date: days.medium(action.done.at.slice(0, 10)) })}
            </Text>
          </Alert>
        ) : (
          <Alert
            key={action.title}
            color="red"
            variant="light"
            icon={<IconAlertTriangle />}
            title={action.title}
            data-testid="action-open"
            styles={{ root: { borderLeft: '4px solid var(--mantine-color-red-7)' } }}
          >
            <Stack gap={4}>
              <Text size="sm">{action.instructions}</Text>
              {action.dueDate ? (
                <Text size="sm" fw={600} c="red.8">
                  {t('portal.actions.due', { date: days.medium(action.dueDate) })}
                </Text>
              ) : null}
            </Stack>
          </Alert>
        ),
      )}
    </Stack>
  );
}
