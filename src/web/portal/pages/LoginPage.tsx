// Signing in to "My bookings" without a password: ask for a link by e-mail, or — arriving
// from that link (`?token=`) — use it once and go on to where the customer was heading.
import { Alert, Button, Card, Container, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconMailCheck, IconMailForward } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { fieldErrors } from '../../shared/api.ts';
import { ProblemAlert } from '../../shared/ui/ProblemAlert.tsx';
import { useRedeemSignInLink, useRequestSignInLink } from '../api/portal-queries.ts';
import { PageLoader } from '../components/PageLoader.tsx';
import { usePortal } from '../portal-context.ts';

function safeNext(slug: string, next: string | null): string {
  const fallback = `/portal/${slug}/account`;
  if (!next?.startsWith(`/portal/${slug}/`) || next.includes('//')) return fallback;
  return next;
}

export function LoginPage() {
  const [params] = useSearchParams();
  const token = params.get('token');
  return token ? <RedeemLink token={token} next={params.get('next')} /> : <AskForLink />;
}

function RedeemLink({ token, next }: { token: string; next: string | null }) {
  const { t } = useTranslation();
  const { slug } = usePortal();
  const navigate = useNavigate();
  const redeem = useRedeemSignInLink(slug);
  const asked = useRef(false);
  useEffect(() => {
    // Once only: a link works once, and StrictMode runs effects twice in development.
    if (asked.current) return;
    asked.current = true;
    redeem.mutate(token, {
      onSuccess: () => void navigate(safeNext(slug, next), { replace: true }),
    });
  }, [redeem, token, navigate, slug, next]);
  if (redeem.isError) {
    return (
      <Container size="xs" py={60}>
        <Stack>
          <Alert
            color="red"
            variant="light"
            title={t('portal.login.failed')}
            data-testid="login-failed"
          >
            {t('portal.login.failedText')}
          </Alert>
          <AskForLink />
        </Stack>
      </Container>
    );
  }
  return <PageLoader />;
}

function AskForLink() {
  const { t } = useTranslation();
  const { slug, lang } = usePortal();
  const [params] = useSearchParams();
  const send = useRequestSignInLink(slug);
  const form = useForm({
    initialValues: { email: '' },
    validate: {
      email: (v) => (/^\S+@\S+\.\S+$/.test(v.trim()) ? null : t('portal.checkout.emailInvalid')),
    },
  });
  return (
    <Container size="xs" py={60}>
      <Card withBorder radius="lg" padding="xl" shadow="sm">
        {send.isSuccess ? (
          <Stack align="center" ta="center" gap="sm" data-testid="login-sent">
            <IconMailCheck size={48} color="var(--mantine-color-teal-7)" aria-hidden />
            <Title order={2} size="h3">
              {t('portal.login.sentTitle')}
            </Title>
            <Text c="dimmed">{t('portal.login.sent')}</Text>
          </Stack>
        ) : (
          <form
            onSubmit={form.onSubmit((values) =>
              send.mutate(
                {
                  email: values.email.trim(),
                  locale: lang,
                  ...(params.get('next') ? { next: safeNext(slug, params.get('next')) } : {}),
                },
                { onError: (error) => form.setErrors(fieldErrors(error)) },
              ),
            )}
          >
            <Stack gap="md">
              <Title order={1} size="h3">
                {t('portal.login.title')}
              </Title>
              <Text c="dimmed" size="sm">
                {t('portal.login.text')}
              </Text>
              <TextInput
                type="email"
                label={t('portal.checkout.email')}
                autoComplete="email"
                autoFocus
                data-testid="login-email"
                {...form.getInputProps('email')}
              />
              {send.error && !fieldErrors(send.error).email ? (
                <ProblemAlert error={send.error} />
              ) : null}
              <Button
                type="submit"
                loading={send.isPending}
                leftSection={<IconMailForward size={16} />}
                data-testid="login-send"
              >
                {t('portal.login.send')}
              </Button>
            </Stack>
          </form>
        )}
      </Card>
    </Container>
  );
}
