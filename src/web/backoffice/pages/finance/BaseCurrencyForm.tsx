// The agency's base currency: the currency of its books, and of its price lists and quotes by
// default. The admin changes it while nothing is recorded in it yet; the server refuses
// (409) once quotes, bookings, payments, invoices or price lists exist in it.
import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../shared/api.ts';
import { FormProblem } from '../catalog/shared/FormProblem.tsx';
import { useSaveBaseCurrency } from './finance-queries.ts';

const fields = ['baseCurrency'];

export function BaseCurrencyForm({ currency, canEdit }: { currency: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const save = useSaveBaseCurrency();
  const form = useForm<{ baseCurrency: string }>({
    mode: 'controlled',
    initialValues: { baseCurrency: currency },
    transformValues: (values) => ({ baseCurrency: values.baseCurrency.trim().toUpperCase() }),
    validate: {
      baseCurrency: (value) =>
        /^[A-Za-z]{3}$/.test(value.trim()) ? null : t('finance.baseCurrency.hint'),
    },
  });

  const submit = ({ baseCurrency }: { baseCurrency: string }) =>
    save.mutate(baseCurrency, {
      onSuccess: (agency) => {
        form.setValues({ baseCurrency: agency.baseCurrency });
        form.resetDirty({ baseCurrency: agency.baseCurrency });
        notifications.show({ color: 'teal', message: t('finance.baseCurrency.saved') });
      },
      onError: (error) => form.setErrors(fieldErrors(error)),
    });

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate data-testid="base-currency-form">
      <Stack>
        <Text size="sm" c="dimmed">
          {t('finance.baseCurrency.intro')}
        </Text>
        <TextInput
          label={t('finance.baseCurrency.label')}
          description={canEdit ? t('finance.baseCurrency.hint') : undefined}
          readOnly={!canEdit}
          required={canEdit}
          maxLength={3}
          maw={240}
          data-testid="base-currency"
          {...form.getInputProps('baseCurrency')}
        />
        <FormProblem
          error={save.error}
          fields={fields}
          title={t('finance.baseCurrency.saveFailed')}
          testId="base-currency-error"
        />
        {canEdit ? (
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending} data-testid="base-currency-save">
              {t('finance.baseCurrency.save')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </form>
  );
}
