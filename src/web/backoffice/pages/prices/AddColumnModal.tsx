// Adds a column to the matrix on screen: which charge, basis and dimensions its prices are
// for. It is saved with the first price typed into it.
import {
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Basis,
  bases,
  type Charge,
  charges,
  type PriceList,
} from '../catalog/shared/catalog-types.ts';
import type { DimensionOption } from './dimension-labels.ts';
import { columnId, type MatrixColumn, type ValueField } from './price-matrix.ts';

interface Values {
  charge: Charge;
  basis: Basis;
  roomTypeId: string | null;
  classCode: string;
  boardingPoint: string;
  ticketTypeId: string | null;
  occupancy: number | string;
  childBand: string | null;
  field: ValueField;
}

interface Props {
  opened: boolean;
  onClose: () => void;
  list: PriceList;
  roomTypes: DimensionOption[];
  ticketTypes: DimensionOption[];
  onAdd: (column: MatrixColumn) => void;
}

export function AddColumnModal({ opened, onClose, list, roomTypes, ticketTypes, onAdd }: Props) {
  const { t } = useTranslation();
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      charge: 'person',
      basis: 'stay',
      roomTypeId: null,
      classCode: '',
      boardingPoint: '',
      ticketTypeId: null,
      occupancy: '',
      childBand: null,
      field: 'amount',
    },
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: a fresh form each time it opens
  useEffect(() => {
    if (opened) form.reset();
  }, [opened]);

  function submit(values: Values) {
    const key = {
      charge: values.charge,
      basis: values.basis,
      roomTypeId: values.roomTypeId || null,
      classCode: values.classCode.trim() || null,
      boardingPoint: values.boardingPoint.trim() || null,
      ticketTypeId: values.ticketTypeId || null,
      occupancy: values.occupancy === '' ? null : Number(values.occupancy),
      childBand: values.childBand || null,
    };
    onAdd({ id: columnId(key), key, field: values.field });
    onClose();
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t('catalog.prices.addColumn')}>
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack>
          <SimpleGrid cols={2}>
            <Select
              label={t('catalog.prices.charge')}
              allowDeselect={false}
              data-autofocus
              data={charges.map((c) => ({ value: c, label: t(`catalog.prices.charges.${c}`) }))}
              {...form.getInputProps('charge')}
            />
            <Select
              label={t('catalog.prices.basis')}
              allowDeselect={false}
              data={bases.map((b) => ({ value: b, label: t(`catalog.prices.bases.${b}`) }))}
              {...form.getInputProps('basis')}
            />
          </SimpleGrid>
          {list.productKind === 'tour' ? (
            <Select
              label={t('catalog.prices.roomType')}
              clearable
              placeholder={t('catalog.prices.any')}
              data={roomTypes}
              {...form.getInputProps('roomTypeId')}
            />
          ) : null}
          {list.productKind === 'transport' ? (
            <SimpleGrid cols={2}>
              <TextInput
                label={t('catalog.prices.class')}
                placeholder={t('catalog.prices.any')}
                {...form.getInputProps('classCode')}
              />
              <TextInput
                label={t('catalog.prices.boardingPoint')}
                placeholder={t('catalog.prices.any')}
                {...form.getInputProps('boardingPoint')}
              />
            </SimpleGrid>
          ) : null}
          {list.productKind === 'attraction' ? (
            <Select
              label={t('catalog.prices.ticketType')}
              clearable
              placeholder={t('catalog.prices.any')}
              data={ticketTypes}
              {...form.getInputProps('ticketTypeId')}
            />
          ) : null}
          <SimpleGrid cols={2}>
            <NumberInput
              label={t('catalog.prices.occupancy')}
              placeholder={t('catalog.prices.any')}
              min={1}
              max={50}
              {...form.getInputProps('occupancy')}
            />
            <Select
              label={t('catalog.prices.childBand')}
              clearable
              placeholder={t('catalog.prices.adults')}
              data={list.childBands.map((band) => ({
                value: band.code,
                label: `${band.code} (${band.minAge}–${band.maxAge - 1})`,
              }))}
              {...form.getInputProps('childBand')}
            />
          </SimpleGrid>
          <Select
            label={t('catalog.prices.valueKind')}
            allowDeselect={false}
            data={[
              { value: 'amount', label: t('catalog.prices.amount') },
              { value: 'percentOfAdult', label: t('catalog.prices.percentOfAdult') },
              { value: 'percentOfTrip', label: t('catalog.prices.percentOfTrip') },
            ]}
            {...form.getInputProps('field')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit">{t('catalog.prices.addColumn')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
