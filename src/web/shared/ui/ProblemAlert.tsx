// Shows what went wrong with a request: the server's explanation when it gave one, a plain
// "cannot reach the server" when it could not be asked.
import { Alert } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.ts';

interface ProblemAlertProps {
  error: unknown;
  title?: string;
  testId?: string;
}

export function ProblemAlert({ error, title, testId }: ProblemAlertProps) {
  const { t } = useTranslation();
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertCircle aria-hidden />}
      title={title ?? t('errors.title')}
      data-testid={testId}
      role="alert"
    >
      {problemText(error, t('errors.unreachable'), t('errors.unexpected'))}
    </Alert>
  );
}

export function problemText(error: unknown, unreachable: string, unexpected: string): string {
  if (error instanceof ApiError) {
    if (error.unreachable) return unreachable;
    return error.problem.detail || error.problem.title || unexpected;
  }
  return unexpected;
}
