// The agency's payment terms: the deposit due when a booking is made and how many days before
// departure the balance falls due. New bookings are planned with them; older plans keep theirs.
import { Button, Group, NumberInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../shared/api.ts';
import { FormProblem } from '../catalog/shared/FormProblem.tsx';
import { useSavePaymentTerms } from './finance-queries.ts';
import type { PaymentTerms } from './finance-types.ts';

interface PaymentTermsValues {
  depositPercent: string;
  balanceDaysBeforeDeparture: number | string;
}

const termsFields = ['depositPercent', 'balanceDaysBeforeDeparture'];

export function PaymentTermsForm({ terms, canEdit }: { terms: PaymentTerms; canEdit: boolean }) {
  const { t } = useTranslation();
  const save = useSavePaymentTerms();
  const form = useForm<PaymentTermsValues>({
    mode: 'controlled',
    initialValues: terms,
    validate: {
      depositPercent: (value) =>
        /^\d{1,3}(\.\d{1,2})?$/.test(value.trim()) && Number(value) <= 100
          ? null
          : t('finance.terms.depositHint'),
      balanceDaysBeforeDeparture: (value) => (value === '' ? t('finance.settings.required') : null),
    },
  });
  const readOnly = !canEdit;

  const submit = (values: PaymentTermsValues) =>
    save.mutate(
      {
        depositPercent: values.depositPercent.trim(),
        balanceDaysBeforeDeparture: Number(values.balanceDaysBeforeDeparture),
      },
      {
        onSuccess: (saved) => {
          form.setValues(saved);
          form.resetDirty(saved);
          notifications.show({ color: 'teal', message: t('finance.terms.saved') });
        },
        onError: (error) => form.setErrors(fieldErrors(error)),
      },
    );

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate data-testid="payment-terms-form">
      <Stack>
        <Text size="sm" c="dimmed">
          {t('finance.terms.intro')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('finance.terms.depositPercent')}
            rightSection="%"
            readOnly={readOnly}
            required={!readOnly}
            data-testid="terms-depositPercent"
            {...form.getInputProps('depositPercent')}
          />
          <NumberInput
            label={t('finance.terms.balanceDays')}
            description={t('finance.terms.balanceDaysHint')}
            readOnly={readOnly}
            required={!readOnly}
            min={0}
            max={365}
            allowDecimal={false}
            allowNegative={false}
            data-testid="terms-balanceDaysBeforeDeparture"
            {...form.getInputProps('balanceDaysBeforeDeparture')}
          />
        </SimpleGrid>
        <FormProblem
          error={save.error}
          fields={termsFields}
          title={t('finance.terms.saveFailed')}
          testId="terms-error"
        />
        {canEdit ? (
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending} data-testid="terms-save">
              {t('finance.terms.save')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </form>
  );
}
