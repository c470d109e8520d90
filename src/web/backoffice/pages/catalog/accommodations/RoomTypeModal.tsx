// Adding a room type to an accommodation, or changing one: code, name, occupancy and beds.
import { Button, Group, Modal, NumberInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../../shared/api.ts';
import { resourcePath, useRecordAction } from '../shared/catalog-queries.ts';
import type { RoomType } from '../shared/catalog-types.ts';
import { FormProblem } from '../shared/FormProblem.tsx';
import { LocalizedFields } from '../shared/LocalizedFields.tsx';
import {
  fromLocalizedValues,
  type LocalizedValues,
  toLocalizedValues,
} from '../shared/localized.ts';

interface Values {
  code: string;
  name: LocalizedValues;
  maxAdults: number | string;
  maxChildren: number | string;
  standardBeds: number | string;
  extraBeds: number | string;
}

function valuesOf(room: RoomType | null): Values {
  return {
    code: room?.code ?? '',
    name: toLocalizedValues(room?.name),
    maxAdults: room?.maxAdults ?? 2,
    maxChildren: room?.maxChildren ?? 0,
    standardBeds: room?.standardBeds ?? 2,
    extraBeds: room?.extraBeds ?? 0,
  };
}

interface Props {
  opened: boolean;
  onClose: () => void;
  accommodationId: string;
  room: RoomType | null;
}

export function RoomTypeModal({ opened, onClose, accommodationId, room }: Props) {
  const { t } = useTranslation();
  const save = useRecordAction<RoomType>(['accommodations', 'room-types']);
  const form = useForm<Values>({ mode: 'controlled', initialValues: valuesOf(room) });

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the modal opens on a record
  useEffect(() => {
    if (opened) {
      form.setValues(valuesOf(room));
      form.clearErrors();
      save.reset();
    }
  }, [opened, room?.id]);

  function submit(values: Values) {
    const body = {
      code: values.code.trim(),
      name: fromLocalizedValues(values.name) ?? {},
      maxAdults: Number(values.maxAdults),
      maxChildren: Number(values.maxChildren || 0),
      standardBeds: Number(values.standardBeds),
      extraBeds: Number(values.extraBeds || 0),
    };
    save.mutate(
      room
        ? { path: resourcePath('room-types', room.id), method: 'PATCH', body }
        : {
            path: `${resourcePath('accommodations', accommodationId)}/room-types`,
            method: 'POST',
            body,
          },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'teal', message: t('catalog.saved', { name: saved.code }) });
          onClose();
        },
        onError: (error) => form.setErrors(fieldErrors(error)),
      },
    );
  }

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="lg"
      title={room ? t('catalog.roomTypes.edit') : t('catalog.roomTypes.new')}
    >
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack>
          <TextInput
            label={t('catalog.code')}
            description={t('catalog.roomTypes.codeHint')}
            required
            data-autofocus
            data-testid="room-type-code"
            {...form.getInputProps('code')}
          />
          <LocalizedFields
            form={form}
            path="name"
            legend={t('catalog.name')}
            required
            testId="room-type-name"
          />
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            <NumberInput
              label={t('catalog.roomTypes.maxAdults')}
              min={1}
              max={50}
              required
              {...form.getInputProps('maxAdults')}
            />
            <NumberInput
              label={t('catalog.roomTypes.maxChildren')}
              min={0}
              max={50}
              {...form.getInputProps('maxChildren')}
            />
            <NumberInput
              label={t('catalog.roomTypes.standardBeds')}
              min={1}
              max={50}
              required
              {...form.getInputProps('standardBeds')}
            />
            <NumberInput
              label={t('catalog.roomTypes.extraBeds')}
              min={0}
              max={20}
              {...form.getInputProps('extraBeds')}
            />
          </SimpleGrid>
          <FormProblem
            error={save.error}
            fields={Object.keys(form.getValues())}
            title={t('catalog.saveFailed')}
            testId="room-type-error"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="room-type-submit">
              {t('catalog.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
