// A new price list: its product, currency and first period; prices go into the matrix after.
import { Button, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { fieldErrors } from '../../../shared/api.ts';
import { useSaveRecord } from '../catalog/shared/catalog-queries.ts';
import { type PriceList, type ProductKind, productKinds } from '../catalog/shared/catalog-types.ts';
import { FormProblem } from '../catalog/shared/FormProblem.tsx';
import { ProductSelect } from './ProductSelect.tsx';

interface Values {
  name: string;
  productKind: ProductKind;
  productId: string | null;
  currency: string;
  costCurrency: string;
  periods: { code: string; name: string; from: string; to: string }[];
}

export function NewPriceListModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const save = useSaveRecord<PriceList>('price-lists');
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      name: '',
      productKind: 'tour',
      productId: null,
      currency: 'CZK',
      costCurrency: '',
      periods: [{ code: 'season', name: '', from: '', to: '' }],
    },
    validate: { productId: (value) => (value ? null : t('catalog.required')) },
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: a fresh form each time it opens
  useEffect(() => {
    if (opened) {
      form.reset();
      save.reset();
    }
  }, [opened]);

  function submit(values: Values) {
    const [period] = values.periods;
    save.mutate(
      {
        body: {
          name: values.name.trim(),
          productKind: values.productKind,
          productId: values.productId,
          currency: values.currency.trim().toUpperCase(),
          ...(values.costCurrency.trim()
            ? { costCurrency: values.costCurrency.trim().toUpperCase() }
            : {}),
          periods: period
            ? [
                {
                  ...period,
                  code: period.code.trim(),
                  name: period.name.trim() || values.name.trim(),
                },
              ]
            : [],
        },
      },
      {
        onSuccess: (saved) => {
          onClose();
          void navigate(`/prices/lists/${saved.id}`);
        },
        onError: (error) => form.setErrors(fieldErrors(error)),
      },
    );
  }

  return (
    <Modal opened={opened} onClose={onClose} size="lg" title={t('catalog.prices.newList')}>
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack>
          <TextInput
            label={t('catalog.name')}
            required
            data-autofocus
            data-testid="price-list-name"
            {...form.getInputProps('name')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('catalog.prices.productKind')}
              allowDeselect={false}
              data={productKinds.map((kind) => ({
                value: kind,
                label: t(`catalog.prices.productKinds.${kind}`),
              }))}
              {...form.getInputProps('productKind')}
              onChange={(value) => {
                form.setFieldValue('productKind', (value ?? 'tour') as ProductKind);
                form.setFieldValue('productId', null);
              }}
            />
            <ProductSelect
              kind={form.values.productKind}
              required
              {...form.getInputProps('productId')}
            />
          </SimpleGrid>
          <SimpleGrid cols={2}>
            <TextInput
              label={t('catalog.currency')}
              required
              maxLength={3}
              {...form.getInputProps('currency')}
            />
            <TextInput
              label={t('catalog.prices.costCurrency')}
              maxLength={3}
              {...form.getInputProps('costCurrency')}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            <TextInput
              label={t('catalog.prices.periodCode')}
              required
              {...form.getInputProps('periods.0.code')}
            />
            <TextInput
              label={t('catalog.prices.periodName')}
              {...form.getInputProps('periods.0.name')}
            />
            <TextInput
              type="date"
              label={t('catalog.from')}
              required
              {...form.getInputProps('periods.0.from')}
            />
            <TextInput
              type="date"
              label={t('catalog.to')}
              required
              {...form.getInputProps('periods.0.to')}
            />
          </SimpleGrid>
          <FormProblem
            error={save.error}
            fields={Object.keys(form.getValues())}
            title={t('catalog.saveFailed')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('catalog.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
