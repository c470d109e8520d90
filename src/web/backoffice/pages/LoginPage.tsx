// Signing in with e-mail and password. Field problems show at the field; anything else in one
// alert above the button.
import {
  Alert,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDocumentTitle } from '@mantine/hooks';
import { IconAlertCircle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError, apiFetch, fieldErrors } from '../../shared/api.ts';
import { isLanguageCode } from '../../shared/i18n/languages.ts';
import type { User } from '../../shared/identity.ts';
import { meQueryKey } from '../../shared/session.ts';
import { LanguageSwitcher } from '../../shared/ui/LanguageSwitcher.tsx';
import { problemText } from '../../shared/ui/ProblemAlert.tsx';
import { safeNextPath } from '../auth/next-path.ts';

interface LoginValues {
  email: string;
  password: string;
  agency: string;
}

const formFields = ['email', 'password', 'agency'] as const;

export function LoginPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(`${t('login.submit')} · ${t('app.name')}`);
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const queryClient = useQueryClient();
  // The agency code is asked for only when the server says this e-mail needs one.
  const [needsAgency, setNeedsAgency] = useState(false);

  const form = useForm<LoginValues>({
    mode: 'controlled',
    initialValues: { email: '', password: '', agency: '' },
  });

  const login = useMutation({
    mutationFn: (values: LoginValues) =>
      apiFetch<{ user: User }>('/api/v1/auth/login', {
        method: 'POST',
        body: {
          email: values.email.trim(),
          password: values.password,
          ...(needsAgency && values.agency.trim() ? { agency: values.agency.trim() } : {}),
        },
      }),
    onSuccess: async ({ user }) => {
      if (isLanguageCode(user.locale)) void i18n.changeLanguage(user.locale);
      // Whoever was (not) signed in before, /me must be asked again.
      queryClient.removeQueries({ queryKey: meQueryKey });
      await navigate(safeNextPath(searchParams.get('next')), { replace: true });
    },
    onError: (error) => {
      const errors = fieldErrors(error);
      if ('agency' in errors) setNeedsAgency(true);
      form.setErrors(errors);
    },
  });

  const alert = login.isError ? alertFor(login.error) : null;

  function alertFor(error: unknown): { title: string; message?: string } | null {
    if (error instanceof ApiError) {
      if (error.status === 401) return { title: t('login.wrongCredentials') };
      if (error.status === 429) {
        return { title: t('login.tooManyAttempts'), message: error.problem.detail || undefined };
      }
      const fields = Object.keys(fieldErrors(error));
      const allShownAtFields =
        fields.length > 0 &&
        fields.every((field) => (formFields as readonly string[]).includes(field));
      if (allShownAtFields) return null;
    }
    return {
      title: t('login.failed'),
      message: problemText(error, t('errors.unreachable'), t('errors.unexpected')),
    };
  }

  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Stack w="100%" maw={420} gap="lg">
        <Stack gap={4} align="center">
          <Title order={1} c="indigo.8">
            {t('app.name')}
          </Title>
          <Text c="dimmed" ta="center">
            {t('login.subtitle')}
          </Text>
        </Stack>
        <Paper withBorder shadow="sm" p="xl" radius="md">
          <form onSubmit={form.onSubmit((values) => login.mutate(values))} noValidate>
            <Stack>
              <Title order={2} size="h3">
                {t('login.title')}
              </Title>
              <TextInput
                label={t('login.email')}
                type="email"
                autoComplete="username"
                required
                data-testid="login-email"
                {...form.getInputProps('email')}
              />
              <PasswordInput
                label={t('login.password')}
                autoComplete="current-password"
                required
                data-testid="login-password"
                {...form.getInputProps('password')}
              />
              {needsAgency ? (
                <TextInput
                  label={t('login.agency')}
                  description={t('login.agencyHint')}
                  autoComplete="organization"
                  data-testid="login-agency"
                  {...form.getInputProps('agency')}
                />
              ) : null}
              {alert ? (
                <Alert
                  color="red"
                  variant="light"
                  icon={<IconAlertCircle aria-hidden />}
                  title={alert.title}
                  role="alert"
                  data-testid="login-error"
                >
                  {alert.message}
                </Alert>
              ) : null}
              <Button type="submit" fullWidth loading={login.isPending} data-testid="login-submit">
                {t('login.submit')}
              </Button>
            </Stack>
          </form>
        </Paper>
        <Group justify="center">
          <LanguageSwitcher />
        </Group>
      </Stack>
    </Center>
  );
}
