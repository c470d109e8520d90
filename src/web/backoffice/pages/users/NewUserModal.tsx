// Creating a user. Without a password the server makes one up, and this is the only place
// it is ever shown.
import {
  Alert,
  Button,
  Group,
  Modal,
  PasswordInput,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../shared/api.ts';
import {
  fallbackLanguage,
  isLanguageCode,
  type LanguageCode,
  languages,
} from '../../../shared/i18n/languages.ts';
import { type Role, roles } from '../../../shared/identity.ts';
import { OneTimeSecret } from '../../../shared/ui/OneTimeSecret.tsx';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert.tsx';
import { useSignedInUser } from '../../auth/signed-in-user.ts';
import { type CreatedUser, useCreateUser } from './users-queries.ts';

interface NewUserModalProps {
  opened: boolean;
  onClose: () => void;
}

interface NewUserValues {
  email: string;
  name: string;
  role: Role;
  locale: LanguageCode;
  password: string;
}

const knownFields = ['email', 'name', 'role', 'locale', 'password'];

export function NewUserModal({ opened, onClose }: NewUserModalProps) {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const agencyLanguage = isLanguageCode(me.agency.defaultLocale)
    ? me.agency.defaultLocale
    : fallbackLanguage;
  const [created, setCreated] = useState<CreatedUser | null>(null);
  const create = useCreateUser();

  const form = useForm<NewUserValues>({
    mode: 'controlled',
    initialValues: { email: '', name: '', role: 'agent', locale: agencyLanguage, password: '' },
  });

  // Cleared only once the modal has faded out, so its content does not jump while closing.
  function clear() {
    form.reset();
    create.reset();
    setCreated(null);
  }

  function submit(values: NewUserValues) {
    create.mutate(
      {
        email: values.email.trim(),
        name: values.name.trim(),
        role: values.role,
        locale: values.locale,
        ...(values.password ? { password: values.password } : {}),
      },
      {
        onSuccess: (result) => {
          if (result.generatedPassword) {
            setCreated(result);
            return;
          }
          notifications.show({
            color: 'teal',
            message: t('users.created', { name: result.user.name }),
          });
          onClose();
        },
        onError: (error) => form.setErrors(fieldErrors(error)),
      },
    );
  }

  const placedFields = Object.keys(fieldErrors(create.error));
  const unplacedError =
    create.isError &&
    !(placedFields.length > 0 && placedFields.every((field) => knownFields.includes(field)));

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      onExitTransitionEnd={clear}
      title={t('users.createTitle')}
      size="md"
    >
      {created?.generatedPassword ? (
        <Stack>
          <Alert
            color="teal"
            variant="light"
            icon={<IconCircleCheck aria-hidden />}
            title={t('users.generatedPasswordTitle')}
          >
            {t('users.generatedPasswordText', { name: created.user.name })}
          </Alert>
          <Text size="sm" fw={500}>
            {created.user.email}
          </Text>
          <OneTimeSecret value={created.generatedPassword} testId="generated-password" />
          <Group justify="flex-end">
            <Button onClick={onClose} data-testid="new-user-done">
              {t('common.done')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={form.onSubmit(submit)} noValidate>
          <Stack>
            <TextInput
              label={t('users.name')}
              required
              data-autofocus
              data-testid="new-user-name"
              {...form.getInputProps('name')}
            />
            <TextInput
              label={t('users.email')}
              type="email"
              required
              autoComplete="off"
              data-testid="new-user-email"
              {...form.getInputProps('email')}
            />
            <Select
              label={t('users.role')}
              required
              allowDeselect={false}
              data={roles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
              data-testid="new-user-role"
              {...form.getInputProps('role')}
            />
            <Select
              label={t('users.language')}
              required
              allowDeselect={false}
              data={languages.map((language) => ({ value: language.code, label: language.name }))}
              data-testid="new-user-locale"
              {...form.getInputProps('locale')}
            />
            <PasswordInput
              label={t('users.password')}
              description={t('users.passwordHint')}
              autoComplete="new-password"
              data-testid="new-user-password"
              {...form.getInputProps('password')}
            />
            {unplacedError ? (
              <ProblemAlert
                error={create.error}
                title={t('users.createFailed')}
                testId="new-user-error"
              />
            ) : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending} data-testid="new-user-submit">
                {t('users.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
