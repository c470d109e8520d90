// Creating or changing a flight, train or bus: code, name, carrier, classes and stops.
import {
  ActionIcon,
  Button,
  Fieldset,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { fieldErrors } from '../../../../shared/api.ts';
import { useSaveRecord } from '../shared/catalog-queries.ts';
import { type Transport, type TransportKind, transportKinds } from '../shared/catalog-types.ts';
import { FormProblem } from '../shared/FormProblem.tsx';
import { textOrNull } from '../shared/fields.ts';
import { SupplierSelect } from '../shared/SupplierSelect.tsx';

interface StopValues {
  name: string;
  code: string;
  city: string;
  country: string;
  time: string;
  dayOffset: number | string;
}

interface Values {
  kind: TransportKind;
  code: string;
  name: string;
  carrier: string;
  supplierId: string | null;
  classes: { code: string; name: string }[];
  stops: StopValues[];
}

const emptyStop: StopValues = { name: '', code: '', city: '', country: '', time: '', dayOffset: 0 };

function valuesOf(transport: Transport | null): Values {
  return {
    kind: transport?.kind ?? 'bus',
    code: transport?.code ?? '',
    name: transport?.name ?? '',
    carrier: transport?.carrier ?? '',
    supplierId: transport?.supplierId ?? null,
    classes: transport?.classes ?? [{ code: 'STD', name: '' }],
    stops: transport?.stops.map((s) => ({
      name: s.name,
      code: s.code ?? '',
      city: s.city ?? '',
      country: s.country ?? '',
      time: s.time,
      dayOffset: s.dayOffset,
    })) ?? [{ ...emptyStop }, { ...emptyStop }],
  };
}

export function TransportFormModal({
  opened,
  onClose,
  transport,
}: {
  opened: boolean;
  onClose: () => void;
  transport: Transport | null;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const save = useSaveRecord<Transport>('transport');
  const form = useForm<Values>({ mode: 'controlled', initialValues: valuesOf(transport) });

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the modal opens on a record
  useEffect(() => {
    if (opened) {
      form.setValues(valuesOf(transport));
      form.clearErrors();
      save.reset();
    }
  }, [opened, transport?.id]);

  function submit(values: Values) {
    const body = {
      kind: values.kind,
      code: values.code.trim(),
      name: values.name.trim(),
      carrier: textOrNull(values.carrier),
      supplierId: values.supplierId,
      classes: values.classes.map((c) => ({ code: c.code.trim(), name: c.name.trim() })),
      stops: values.stops.map((s) => ({
        name: s.name.trim(),
        ...(s.code.trim() ? { code: s.code.trim() } : {}),
        ...(s.city.trim() ? { city: s.city.trim() } : {}),
        ...(s.country.trim() ? { country: s.country.trim().toUpperCase() } : {}),
        time: s.time,
        dayOffset: Number(s.dayOffset || 0),
      })),
    };
    save.mutate(
      { id: transport?.id, body },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'teal', message: t('catalog.saved', { name: saved.code }) });
          onClose();
          if (!transport) void navigate(`/catalog/transport/${saved.id}`);
        },
        onError: (error) => form.setErrors(fieldErrors(error)),
      },
    );
  }

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="xl"
      title={transport ? t('catalog.transport.edit') : t('catalog.transport.new')}
    >
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={t('catalog.transport.kind')}
              allowDeselect={false}
              data={transportKinds.map((k) => ({
                value: k,
                label: t(`catalog.transport.kinds.${k}`),
              }))}
              {...form.getInputProps('kind')}
            />
            <TextInput
              label={t('catalog.code')}
              required
              data-autofocus
              {...form.getInputProps('code')}
            />
            <TextInput label={t('catalog.transport.carrier')} {...form.getInputProps('carrier')} />
          </SimpleGrid>
          <TextInput label={t('catalog.name')} required {...form.getInputProps('name')} />
          <SupplierSelect {...form.getInputProps('supplierId')} />
          <Fieldset legend={t('catalog.transport.classes')} p="sm">
            <Stack gap="xs">
              {form.values.classes.map((_, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows of a form list have no id
                <Group key={index} gap="xs" align="flex-end" wrap="nowrap">
                  <TextInput
                    label={index === 0 ? t('catalog.code') : undefined}
                    aria-label={t('catalog.code')}
                    w={100}
                    required
                    {...form.getInputProps(`classes.${index}.code`)}
                  />
                  <TextInput
                    label={index === 0 ? t('catalog.name') : undefined}
                    aria-label={t('catalog.name')}
                    style={{ flex: 1 }}
                    required
                    {...form.getInputProps(`classes.${index}.name`)}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    size="lg"
                    aria-label={t('catalog.remove')}
                    disabled={form.values.classes.length <= 1}
                    onClick={() => form.removeListItem('classes', index)}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Group>
              ))}
              <Button
                variant="subtle"
                size="compact-sm"
                leftSection={<IconPlus size={14} />}
                onClick={() => form.insertListItem('classes', { code: '', name: '' })}
                w="fit-content"
              >
                {t('catalog.transport.addClass')}
              </Button>
            </Stack>
          </Fieldset>
          <Fieldset legend={t('catalog.transport.stops')} p="sm">
            <Stack gap="xs">
              {form.values.stops.map((_, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows of a form list have no id
                <Group key={index} gap="xs" align="flex-end" wrap="nowrap">
                  <TextInput
                    label={index === 0 ? t('catalog.name') : undefined}
                    aria-label={t('catalog.name')}
                    style={{ flex: 2 }}
                    required
                    {...form.getInputProps(`stops.${index}.name`)}
                  />
                  <TextInput
                    label={index === 0 ? t('catalog.code') : undefined}
                    aria-label={t('catalog.code')}
                    w={70}
                    {...form.getInputProps(`stops.${index}.code`)}
                  />
                  <TextInput
                    label={index === 0 ? t('catalog.city') : undefined}
                    aria-label={t('catalog.city')}
                    style={{ flex: 1 }}
                    {...form.getInputProps(`stops.${index}.city`)}
                  />
                  <TextInput
                    label={index === 0 ? t('catalog.country') : undefined}
                    aria-label={t('catalog.country')}
                    w={60}
                    maxLength={2}
                    {...form.getInputProps(`stops.${index}.country`)}
                  />
                  <TextInput
                    type="time"
                    label={index === 0 ? t('catalog.transport.time') : undefined}
                    aria-label={t('catalog.transport.time')}
                    w={100}
                    required
                    {...form.getInputProps(`stops.${index}.time`)}
                  />
                  <NumberInput
                    label={index === 0 ? t('catalog.transport.dayOffset') : undefined}
                    aria-label={t('catalog.transport.dayOffset')}
                    w={70}
                    min={0}
                    max={14}
                    {...form.getInputProps(`stops.${index}.dayOffset`)}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    size="lg"
                    aria-label={t('catalog.remove')}
                    disabled={form.values.stops.length <= 2}
                    onClick={() => form.removeListItem('stops', index)}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Group>
              ))}
              <Button
                variant="subtle"
                size="compact-sm"
                leftSection={<IconPlus size={14} />}
                onClick={() => form.insertListItem('stops', { ...emptyStop })}
                w="fit-content"
              >
                {t('catalog.transport.addStop')}
              </Button>
            </Stack>
          </Fieldset>
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
