// Adds a period (a row of the matrix) to a price list: a code, a name, its dates and priority.
import { Button, Group, Modal, NumberInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../shared/api.ts';
import { resourcePath, useRecordAction } from '../catalog/shared/catalog-queries.ts';
import type { PriceList } from '../catalog/shared/catalog-types.ts';
import { FormProblem } from '../catalog/shared/FormProblem.tsx';

interface Values {
  code: string;
  name: string;
  from: string;
  to: string;
  priority: number | string;
}

export function AddPeriodModal({
  opened,
  onClose,
  list,
}: {
  opened: boolean;
  onClose: () => void;
  list: PriceList;
}) {
  const { t } = useTranslation();
  const save = useRecordAction<PriceList>(['price-lists']);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { code: '', name: '', from: '', to: '', priority: 0 },
    validate: {
      code: (value) => (value.trim() ? null : t('catalog.required')),
      name: (value) => (value.trim() ? null : t('catalog.required')),
      from: (value) => (value ? null : t('catalog.required')),
      to: (value, values) =>
        !value
          ? t('catalog.required')
          : value < values.from
            ? t('catalog.capacity.toBeforeFrom')
            : null,
    },
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: a fresh form each time it opens
  useEffect(() => {
    if (opened) {
      form.reset();
      save.reset();
    }
  }, [opened]);

  function submit(values: Values) {
    const index = list.periods.length;
    const period = {
      code: values.code.trim(),
      name: values.name.trim(),
      from: values.from,
      to: values.to,
      priority: Number(values.priority || 0),
    };
    save.mutate(
      {
        path: resourcePath('price-lists', list.id),
        method: 'PATCH',
        body: { periods: [...list.periods, period] },
      },
      {
        onSuccess: () => {
          notifications.show({
            color: 'teal',
            message: t('catalog.prices.periodAdded', { name: period.name }),
          });
          onClose();
        },
        onError: (error) => {
          // Errors name the new period as /periods/{index}/field.
          if (!(error instanceof ApiError)) return;
          const prefix = `/periods/${index}/`;
          for (const fieldError of error.problem.errors ?? []) {
            if (fieldError.path.startsWith(prefix))
              form.setFieldError(fieldError.path.slice(prefix.length), fieldError.message);
          }
        },
      },
    );
  }

  const placed =
    save.error instanceof ApiError &&
    (save.error.problem.errors ?? []).length > 0 &&
    (save.error.problem.errors ?? []).every((e) =>
      e.path.startsWith(`/periods/${list.periods.length}/`),
    );

  return (
    <Modal opened={opened} onClose={onClose} title={t('catalog.prices.addPeriod')}>
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack>
          <SimpleGrid cols={2}>
            <TextInput
              label={t('catalog.code')}
              required
              data-autofocus
              data-testid="period-code"
              {...form.getInputProps('code')}
            />
            <NumberInput
              label={t('catalog.prices.priority')}
              min={-1000}
              max={1000}
              {...form.getInputProps('priority')}
            />
          </SimpleGrid>
          <TextInput
            label={t('catalog.name')}
            required
            data-testid="period-name"
            {...form.getInputProps('name')}
          />
          <SimpleGrid cols={2}>
            <TextInput
              type="date"
              label={t('catalog.from')}
              required
              data-testid="period-from"
              {...form.getInputProps('from')}
            />
            <TextInput
              type="date"
              label={t('catalog.to')}
              required
              data-testid="period-to"
              {...form.getInputProps('to')}
            />
          </SimpleGrid>
          {placed ? null : (
            <FormProblem error={save.error} fields={[]} title={t('catalog.saveFailed')} />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="period-submit">
              {t('catalog.prices.addPeriod')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
