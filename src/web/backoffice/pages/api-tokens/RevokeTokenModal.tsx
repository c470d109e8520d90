// Asks before revoking: programs using the token stop working at once and it cannot be undone.
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { ApiToken } from '../../../shared/identity.ts';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert.tsx';
import { useRevokeApiToken } from './api-tokens-queries.ts';

interface RevokeTokenModalProps {
  token: ApiToken | null;
  opened: boolean;
  onClose: () => void;
}

export function RevokeTokenModal({ token, opened, onClose }: RevokeTokenModalProps) {
  const { t } = useTranslation();
  const revoke = useRevokeApiToken();

  function confirm(target: ApiToken) {
    revoke.mutate(target, {
      onSuccess: () => {
        notifications.show({
          color: 'teal',
          message: t('tokens.revokedNotice', { name: target.name }),
        });
        onClose();
      },
    });
  }

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      onExitTransitionEnd={() => revoke.reset()}
      title={t('tokens.revokeTitle')}
    >
      {token ? (
        <Stack>
          <Text>{t('tokens.revokeText', { name: token.name })}</Text>
          {revoke.isError ? (
            <ProblemAlert error={revoke.error} title={t('tokens.revokeFailed')} />
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              onClick={() => confirm(token)}
              loading={revoke.isPending}
              data-testid="revoke-token-confirm"
            >
              {t('tokens.revoke')}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
