// Creating an API token. Its secret is in the answer to this request only, so it is shown
// here with a copy button and never again.
import { Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../shared/api.ts';
import { OneTimeSecret } from '../../../shared/ui/OneTimeSecret.tsx';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert.tsx';
import { useCreateApiToken } from './api-tokens-queries.ts';

interface NewTokenModalProps {
  opened: boolean;
  onClose: () => void;
}

export function NewTokenModal({ opened, onClose }: NewTokenModalProps) {
  const { t } = useTranslation();
  const create = useCreateApiToken();
  const form = useForm({ mode: 'controlled', initialValues: { name: '' } });
  const created = create.data;

  // Cleared only once the modal has faded out, so its content does not jump while closing.
  function clear() {
    form.reset();
    create.reset();
  }

  const placedFields = Object.keys(fieldErrors(create.error));
  const unplacedError =
    create.isError && !(placedFields.length > 0 && placedFields.every((field) => field === 'name'));

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      onExitTransitionEnd={clear}
      title={created ? t('tokens.createdTitle') : t('tokens.createTitle')}
      size="lg"
    >
      {created ? (
        <Stack>
          <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />}>
            {t('tokens.createdText')}
          </Alert>
          <OneTimeSecret value={created.token} testId="created-token" />
          <Group justify="flex-end">
            <Button onClick={onClose} data-testid="new-token-done">
              {t('common.done')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <form
          onSubmit={form.onSubmit((values) =>
            create.mutate(
              { name: values.name.trim() },
              { onError: (error) => form.setErrors(fieldErrors(error)) },
            ),
          )}
          noValidate
        >
          <Stack>
            <TextInput
              label={t('tokens.name')}
              placeholder={t('tokens.namePlaceholder')}
              required
              data-autofocus
              maxLength={200}
              data-testid="new-token-name"
              {...form.getInputProps('name')}
            />
            {unplacedError ? (
              <ProblemAlert
                error={create.error}
                title={t('tokens.createFailed')}
                testId="new-token-error"
              />
            ) : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending} data-testid="new-token-submit">
                {t('tokens.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
