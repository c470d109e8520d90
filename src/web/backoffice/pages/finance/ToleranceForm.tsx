// The variance of a supplier invoice tolerated before it is flagged for review: the larger of
// a percent of the expected cost and an amount of the base currency. The admin and the
// accountant (who reviews the flags) change it; every invoice's flag follows at once.
import { Button, Group, NumberInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../shared/api.ts';
import { minorDigits } from '../../../shared/i18n/format.ts';
import { FormProblem } from '../catalog/shared/FormProblem.tsx';
import { useSaveTolerance } from './finance-queries.ts';
import type { Tolerance } from './finance-types.ts';
import {
  type ToleranceValues,
  toToleranceBody,
  toToleranceValues,
} from './supplier-invoice-form.ts';

const toleranceFields = ['percent', 'amount'];

export function ToleranceForm({ tolerance, canEdit }: { tolerance: Tolerance; canEdit: boolean }) {
  const { t } = useTranslation();
  const save = useSaveTolerance();
  const digits = minorDigits(tolerance.currency);
  const form = useForm<ToleranceValues>({
    mode: 'controlled',
    initialValues: toToleranceValues(tolerance, digits),
    validate: {
      percent: (value) =>
        /^\d{1,3}([.,]\d{1,2})?$/.test(value.trim()) && Number(value.replace(',', '.')) <= 100
          ? null
          : t('finance.tolerance.percentHint'),
      amount: (value) => (value === '' ? t('finance.settings.required') : null),
    },
  });
  const readOnly = !canEdit;

  const submit = (values: ToleranceValues) =>
    save.mutate(toToleranceBody(values, digits), {
      onSuccess: (saved) => {
        const next = toToleranceValues(saved, digits);
        form.setValues(next);
        form.resetDirty(next);
        notifications.show({ color: 'teal', message: t('finance.tolerance.saved') });
      },
      onError: (error) => form.setErrors(fieldErrors(error)),
    });

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate data-testid="tolerance-form">
      <Stack>
        <Text size="sm" c="dimmed">
          {t('finance.tolerance.intro')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('finance.tolerance.percent')}
            rightSection="%"
            inputMode="decimal"
            readOnly={readOnly}
            required={!readOnly}
            data-testid="tolerance-percent"
            {...form.getInputProps('percent')}
          />
          <NumberInput
            label={t('finance.tolerance.amount')}
            readOnly={readOnly}
            required={!readOnly}
            min={0}
            decimalScale={digits}
            allowNegative={false}
            thousandSeparator=" "
            suffix={` ${tolerance.currency}`}
            data-testid="tolerance-amount"
            {...form.getInputProps('amount')}
          />
        </SimpleGrid>
        <FormProblem
          error={save.error}
          fields={toleranceFields}
          title={t('finance.tolerance.saveFailed')}
          testId="tolerance-error"
        />
        {canEdit ? (
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending} data-testid="tolerance-save">
              {t('finance.tolerance.save')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </form>
  );
}
