// Step two of the checkout: who travels (adults first, then each child of the quoted age),
// who we contact, the terms — and the booking itself. Problems come back at the field they
// concern; an e-mail with an account already is asked to sign in first.
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Grid,
  Group,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconMailForward } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { ApiError, fieldErrors } from '../../../shared/api.ts';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert.tsx';
import { useAccount, useBook, useRequestSignInLink } from '../../api/portal-queries.ts';
import type { PortalBooking, Quote } from '../../api/types.ts';
import { usePortal } from '../../portal-context.ts';

/** Whether the form shows the problem at its fields (else it is shown as an alert). */
function shownAtFields(error: unknown): boolean {
  return Object.keys(fieldErrors(error)).some(
    (key) => key.startsWith('travellers.') || key.startsWith('contact.') || key === 'acceptTerms',
  );
}

interface TravellerValues {
  firstName: string;
  lastName: string;
  birthDate: string;
}

export function TravellersStep({
  quote,
  onBack,
  onBooked,
}: {
  quote: Quote;
  onBack: () => void;
  onBooked: (booking: PortalBooking) => void;
}) {
  const { t } = useTranslation();
  const { slug, lang } = usePortal();
  const location = useLocation();
  const account = useAccount(slug);
  const book = useBook(slug);
  const sendLink = useRequestSignInLink(slug);
  // One key per quote: a retry (double click, flaky network) replays the same booking.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const signedIn = account.data?.user ?? null;
  const travellers: TravellerValues[] = [
    ...Array.from({ length: quote.party.adults }, () => ({
      firstName: '',
      lastName: '',
      birthDate: '',
    })),
    ...quote.party.childAges.map(() => ({ firstName: '', lastName: '', birthDate: '' })),
  ];
  const form = useForm({
    initialValues: {
      travellers,
      contact: {
        firstName: '',
        lastName: '',
        email: signedIn?.email ?? '',
        phone: '',
      },
      notes: '',
      acceptTerms: false,
    },
    validate: {
      travellers: {
        firstName: (v) => (v.trim() ? null : t('portal.checkout.required')),
        lastName: (v) => (v.trim() ? null : t('portal.checkout.required')),
        birthDate: (v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? null : t('portal.checkout.required')),
      },
      contact: {
        firstName: (v) => (v.trim() ? null : t('portal.checkout.required')),
        lastName: (v) => (v.trim() ? null : t('portal.checkout.required')),
        email: (v) => (/^\S+@\S+\.\S+$/.test(v.trim()) ? null : t('portal.checkout.emailInvalid')),
      },
      acceptTerms: (v) => (v ? null : t('portal.checkout.acceptTermsRequired')),
    },
  });
  const accountExists =
    book.error instanceof ApiError &&
    book.error.status === 409 &&
    Boolean(fieldErrors(book.error)['contact.email']);

  const submit = form.onSubmit((values) => {
    book.mutate(
      {
        quoteId: quote.id,
        contact: {
          firstName: values.contact.firstName.trim(),
          lastName: values.contact.lastName.trim(),
          email: values.contact.email.trim(),
          phone: values.contact.phone.trim() || null,
        },
        travellers: values.travellers.map((traveller, index) => ({
          ...traveller,
          firstName: traveller.firstName.trim(),
          lastName: traveller.lastName.trim(),
          ...(index === 0
            ? {
                email: values.contact.email.trim(),
                phone: values.contact.phone.trim() || null,
              }
            : {}),
        })),
        acceptTerms: values.acceptTerms,
        notes: values.notes.trim() || null,
        locale: lang,
        idempotencyKey,
      },
      {
        onSuccess: onBooked,
        onError: (error) => form.setErrors(fieldErrors(error)),
      },
    );
  });

  return (
    <form onSubmit={submit} data-testid="travellers-form" noValidate>
      <Stack gap="lg">
        {form.values.travellers.map((_, index) => {
          const child = index >= quote.party.adults;
          const age = quote.party.childAges[index - quote.party.adults];
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: a traveller is their position in the party
            <Card withBorder radius="lg" key={index} data-testid="traveller-card">
              <Title order={3} size="h5" mb="sm">
                {t('portal.checkout.traveller', { n: index + 1 })} ·{' '}
                {child ? t('portal.checkout.child', { age }) : t('portal.checkout.adult')}
              </Title>
              <Grid gutter="sm">
                <Grid.Col span={{ base: 12, sm: 4 }}>
                  <TextInput
                    label={t('portal.checkout.firstName')}
                    autoComplete={index === 0 ? 'given-name' : 'off'}
                    required
                    autoFocus={index === 0}
                    data-testid={`traveller-${index}-first-name`}
                    {...form.getInputProps(`travellers.${index}.firstName`)}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 4 }}>
                  <TextInput
                    label={t('portal.checkout.lastName')}
                    autoComplete={index === 0 ? 'family-name' : 'off'}
                    required
                    data-testid={`traveller-${index}-last-name`}
                    {...form.getInputProps(`travellers.${index}.lastName`)}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 4 }}>
                  <TextInput
                    type="date"
                    label={t('portal.checkout.birthDate')}
                    required
                    data-testid={`traveller-${index}-birth-date`}
                    {...form.getInputProps(`travellers.${index}.birthDate`)}
                  />
                </Grid.Col>
              </Grid>
            </Card>
          );
        })}
        <Card withBorder radius="lg">
          <Group justify="space-between" mb="sm">
            <Title order={3} size="h5">
              {t('portal.checkout.contact')}
            </Title>
            {form.values.travellers[0]?.firstName ? (
              <Button
                variant="subtle"
                size="compact-sm"
                onClick={() => {
                  const first = form.values.travellers[0] as TravellerValues;
                  form.setFieldValue('contact.firstName', first.firstName);
                  form.setFieldValue('contact.lastName', first.lastName);
                }}
              >
                {t('portal.checkout.sameAsFirst')}
              </Button>
            ) : null}
          </Group>
          <Grid gutter="sm">
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                label={t('portal.checkout.firstName')}
                autoComplete="given-name"
                required
                data-testid="contact-first-name"
                {...form.getInputProps('contact.firstName')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                label={t('portal.checkout.lastName')}
                autoComplete="family-name"
                required
                data-testid="contact-last-name"
                {...form.getInputProps('contact.lastName')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                type="email"
                label={t('portal.checkout.email')}
                description={t('portal.checkout.emailHint')}
                autoComplete="email"
                required
                readOnly={Boolean(signedIn)}
                data-testid="contact-email"
                {...form.getInputProps('contact.email')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                type="tel"
                label={t('portal.checkout.phone')}
                description={t('portal.checkout.phoneHint')}
                autoComplete="tel"
                data-testid="contact-phone"
                {...form.getInputProps('contact.phone')}
              />
            </Grid.Col>
            <Grid.Col span={12}>
              <Textarea
                label={t('portal.checkout.notes')}
                autosize
                minRows={2}
                maxRows={5}
                {...form.getInputProps('notes')}
              />
            </Grid.Col>
          </Grid>
        </Card>
        <Checkbox
          label={t('portal.checkout.acceptTerms')}
          data-testid="accept-terms"
          {...form.getInputProps('acceptTerms', { type: 'checkbox' })}
        />
        {accountExists ? (
          <Alert color="blue" variant="light" data-testid="account-exists">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{t('portal.checkout.accountExists')}</Text>
              {sendLink.isSuccess ? (
                <Text size="sm" fw={600}>
                  {t('portal.login.sent')}
                </Text>
              ) : (
                <Button
                  size="xs"
                  leftSection={<IconMailForward size={14} />}
                  loading={sendLink.isPending}
                  onClick={() =>
                    sendLink.mutate({
                      email: form.values.contact.email.trim(),
                      locale: lang,
                      next: `${location.pathname}${location.search}`,
                    })
                  }
                >
                  {t('portal.login.send')}
                </Button>
              )}
            </Stack>
          </Alert>
        ) : book.error && !shownAtFields(book.error) ? (
          <ProblemAlert error={book.error} testId="booking-error" />
        ) : null}
        <Group justify="space-between">
          <Button variant="default" onClick={onBack}>
            {t('portal.checkout.back')}
          </Button>
          <Button type="submit" size="md" loading={book.isPending} data-testid="book-submit">
            {t('portal.checkout.book')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
