// Paying by card through the payment provider. The built-in test provider simulates a card:
// 4242 4242 4242 4242 succeeds, 4000 0000 0000 0002 is declined. Only the card number goes to
// the provider; the rest is checked here as a card form would.
import { Alert, Button, Grid, Group, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCreditCard, IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError, fieldErrors } from '../../shared/api.ts';
import { useFormat } from '../../shared/i18n/format.ts';
import { ProblemAlert } from '../../shared/ui/ProblemAlert.tsx';
import { usePayByCard } from '../api/portal-queries.ts';

function spaced(value: string): string {
  return value
    .replace(/\D/g, '')
    .slice(0, 19)
    .replace(/(\d{4})(?=\d)/g, '$1 ');
}

export function PaymentForm({
  agency,
  bookingId,
  amount,
  currency,
  onPaid,
}: {
  agency: string;
  bookingId: string;
  amount: number;
  currency: string;
  onPaid: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const pay = usePayByCard(agency);
  const form = useForm({
    initialValues: { cardNumber: '', holder: '', expiry: '', cvc: '' },
    validate: {
      cardNumber: (v) =>
        v.replace(/\D/g, '').length >= 12 ? null : t('portal.payment.cardNumberInvalid'),
      holder: (v) => (v.trim() ? null : t('portal.payment.required')),
      expiry: (v) => (/^(0[1-9]|1[0-2])\s*\/\s*\d{2}$/.test(v.trim()) ? null : 'MM/YY'),
      cvc: (v) => (/^\d{3,4}$/.test(v.trim()) ? null : t('portal.payment.cvcInvalid')),
    },
  });
  const declined =
    pay.error instanceof ApiError && pay.error.status === 409 && fieldErrors(pay.error).cardNumber;

  return (
    <form
      onSubmit={form.onSubmit((values) =>
        pay.mutate({ bookingId, amount, cardNumber: values.cardNumber }, { onSuccess: onPaid }),
      )}
      data-testid="payment-form"
    >
      <Stack gap="sm">
        <Alert variant="light" color="gray" icon={<IconCreditCard />} py="xs">
          <Text size="sm">{t('portal.payment.testHint')}</Text>
        </Alert>
        <TextInput
          label={t('portal.payment.cardNumber')}
          placeholder="4242 4242 4242 4242"
          inputMode="numeric"
          autoComplete="cc-number"
          leftSection={<IconCreditCard size={16} />}
          data-testid="card-number"
          {...form.getInputProps('cardNumber')}
          onChange={(event) => form.setFieldValue('cardNumber', spaced(event.currentTarget.value))}
        />
        <TextInput
          label={t('portal.payment.holder')}
          autoComplete="cc-name"
          data-testid="card-holder"
          {...form.getInputProps('holder')}
        />
        <Grid gutter="sm">
          <Grid.Col span={6}>
            <TextInput
              label={t('portal.payment.expiry')}
              placeholder="MM/YY"
              autoComplete="cc-exp"
              data-testid="card-expiry"
              {...form.getInputProps('expiry')}
            />
          </Grid.Col>
          <Grid.Col span={6}>
            <TextInput
              label="CVC"
              inputMode="numeric"
              autoComplete="cc-csc"
              data-testid="card-cvc"
              {...form.getInputProps('cvc')}
            />
          </Grid.Col>
        </Grid>
        {declined ? (
          <Alert color="red" variant="light" data-testid="payment-declined">
            {t('portal.payment.declined')}
          </Alert>
        ) : pay.error ? (
          <ProblemAlert error={pay.error} testId="payment-error" />
        ) : null}
        <Button
          type="submit"
          size="md"
          loading={pay.isPending}
          leftSection={<IconLock size={16} />}
          data-testid="pay-submit"
        >
          {t('portal.payment.pay', { amount: format.money(amount, currency) })}
        </Button>
        <Group gap={4} justify="center">
          <IconLock size={12} color="var(--mantine-color-gray-6)" aria-hidden />
          <Text size="xs" c="dimmed">
            {t('portal.payment.secure')}
          </Text>
        </Group>
      </Stack>
    </form>
  );
}
