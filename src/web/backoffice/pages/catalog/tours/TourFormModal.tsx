// Creating or changing a tour: its code, name, accommodation, transport, board and mode.
import { Button, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { fieldErrors } from '../../../../shared/api.ts';
import { useAllItems, useSaveRecord } from '../shared/catalog-queries.ts';
import {
  type Accommodation,
  type BoardType,
  boardTypes,
  type Tour,
  type TourMode,
  type Transport,
  tourModes,
} from '../shared/catalog-types.ts';
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
  description: LocalizedValues;
  mode: TourMode;
  accommodationId: string | null;
  transportId: string | null;
  boardType: BoardType | null;
}

function valuesOf(tour: Tour | null): Values {
  return {
    code: tour?.code ?? '',
    name: toLocalizedValues(tour?.name),
    description: toLocalizedValues(tour?.description),
    mode: tour?.mode ?? 'fixed_departures',
    accommodationId: tour?.accommodationId ?? null,
    transportId: tour?.transportId ?? null,
    boardType: tour?.boardType ?? null,
  };
}

export function TourFormModal({
  opened,
  onClose,
  tour,
}: {
  opened: boolean;
  onClose: () => void;
  tour: Tour | null;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const save = useSaveRecord<Tour>('tours');
  const accommodations = useAllItems<Accommodation>('accommodations');
  const transports = useAllItems<Transport>('transport');
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: valuesOf(tour),
    validate: { accommodationId: (value) => (value ? null : t('catalog.required')) },
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the modal opens on a record
  useEffect(() => {
    if (opened) {
      form.setValues(valuesOf(tour));
      form.clearErrors();
      save.reset();
    }
  }, [opened, tour?.id]);

  function submit(values: Values) {
    const body = {
      code: values.code.trim(),
      name: fromLocalizedValues(values.name) ?? {},
      ...(fromLocalizedValues(values.description)
        ? { description: fromLocalizedValues(values.description) }
        : {}),
      mode: values.mode,
      accommodationId: values.accommodationId,
      transportId: values.transportId,
      boardType: values.boardType,
    };
    save.mutate(
      { id: tour?.id, body },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'teal', message: t('catalog.saved', { name: saved.code }) });
          onClose();
          if (!tour) void navigate(`/catalog/tours/${saved.id}`);
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
      title={tour ? t('catalog.tours.edit') : t('catalog.tours.new')}
    >
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('catalog.code')}
              required
              data-autofocus
              {...form.getInputProps('code')}
            />
            <Select
              label={t('catalog.tours.mode')}
              allowDeselect={false}
              data={tourModes.map((mode) => ({
                value: mode,
                label: t(`catalog.tours.modes.${mode}`),
              }))}
              {...form.getInputProps('mode')}
            />
          </SimpleGrid>
          <LocalizedFields form={form} path="name" legend={t('catalog.name')} required />
          <Select
            label={t('catalog.tours.accommodation')}
            required
            searchable
            data={(accommodations.data ?? []).map((a) => ({
              value: a.id,
              label: `${a.name} (${a.city})`,
            }))}
            {...form.getInputProps('accommodationId')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('catalog.tours.transport')}
              placeholder={t('catalog.tours.ownTransport')}
              clearable
              searchable
              data={(transports.data ?? []).map((x) => ({
                value: x.id,
                label: `${x.code} · ${x.name}`,
              }))}
              {...form.getInputProps('transportId')}
            />
            <Select
              label={t('catalog.tours.board')}
              clearable
              data={boardTypes.map((b) => ({ value: b, label: t(`catalog.boardTypes.${b}`) }))}
              {...form.getInputProps('boardType')}
            />
          </SimpleGrid>
          <LocalizedFields
            form={form}
            path="description"
            legend={t('catalog.description')}
            multiline
          />
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
              {t('catalog.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
