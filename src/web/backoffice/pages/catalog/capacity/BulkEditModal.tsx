// Bulk edit of the capacity calendar: a range of nights for some room types; set units and
// mode, stop-sale, closed to arrival and minimum stay, each left alone unless chosen.
import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  Modal,
  NumberInput,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { apiFetch, fieldErrors } from '../../../../shared/api.ts';
import { catalogKeys } from '../shared/catalog-queries.ts';
import type { AvailabilityDay, CapacityKind, RoomType } from '../shared/catalog-types.ts';
import { FormProblem } from '../shared/FormProblem.tsx';
import { useLocalized } from '../shared/localized.ts';
import type { GridSelection } from './CapacityGrid.tsx';
import { type BulkEdit, hasChange, planRoomType, type Toggle } from './capacity-plan.ts';

interface Values {
  from: string;
  to: string;
  roomTypeIds: string[];
  changeCapacity: boolean;
  kind: CapacityKind;
  units: number | string;
  releaseDays: number | string;
  stopSale: Toggle;
  closedToArrival: Toggle;
  minStayMode: 'keep' | 'set' | 'clear';
  minStay: number | string;
}

interface Props {
  opened: boolean;
  onClose: () => void;
  roomTypes: RoomType[];
  selection: GridSelection | null;
}

const fields = [
  'from',
  'to',
  'roomTypeIds',
  'units',
  'kind',
  'releaseDays',
  'stopSale',
  'closedToArrival',
  'minStay',
];

export function BulkEditModal({ opened, onClose, roomTypes, selection }: Props) {
  const { t } = useTranslation();
  const local = useLocalized();
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      from: '',
      to: '',
      roomTypeIds: [],
      changeCapacity: false,
      kind: 'allotment',
      units: 5,
      releaseDays: 14,
      stopSale: 'keep',
      closedToArrival: 'keep',
      minStayMode: 'keep',
      minStay: 2,
    },
    validate: {
      from: (value) => (value ? null : t('catalog.required')),
      to: (value, values) =>
        !value
          ? t('catalog.required')
          : value < values.from
            ? t('catalog.capacity.toBeforeFrom')
            : null,
      roomTypeIds: (value) => (value.length ? null : t('catalog.capacity.pickRoomType')),
    },
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: prefill from the selection when opened
  useEffect(() => {
    if (!opened) return;
    form.clearErrors();
    apply.reset();
    if (selection) {
      form.setValues({
        from: selection.from,
        to: selection.to,
        roomTypeIds: selection.roomTypeIds,
      });
    }
  }, [opened]);

  const apply = useMutation({
    mutationFn: async (edit: BulkEdit) => {
      for (const roomTypeId of edit.roomTypeIds) {
        const days = edit.capacity
          ? (
              await apiFetch<{ items: AvailabilityDay[] }>(
                `/api/v1/room-types/${roomTypeId}/availability?from=${edit.from}&to=${edit.to}`,
              )
            ).items
          : [];
        for (const request of planRoomType(edit, roomTypeId, days)) {
          await apiFetch(request.path, { method: request.method, body: request.body });
        }
      }
    },
    onSettled: () =>
      queryClient.invalidateQueries({ queryKey: [...catalogKeys.all, 'availability'] }),
  });

  function submit(values: Values) {
    const edit: BulkEdit = {
      from: values.from,
      to: values.to,
      roomTypeIds: values.roomTypeIds,
      capacity: values.changeCapacity
        ? {
            kind: values.kind,
            units: Number(values.units),
            releaseDays: values.releaseDays === '' ? null : Number(values.releaseDays),
          }
        : null,
      stopSale: values.stopSale,
      closedToArrival: values.closedToArrival,
      minStay:
        values.minStayMode === 'keep'
          ? undefined
          : values.minStayMode === 'clear'
            ? null
            : Number(values.minStay),
    };
    if (!hasChange(edit)) {
      form.setFieldError('stopSale', t('catalog.capacity.nothingToChange'));
      return;
    }
    apply.mutate(edit, {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t('catalog.capacity.applied') });
        onClose();
      },
      onError: (error) => form.setErrors(fieldErrors(error)),
    });
  }

  const toggleData = [
    { value: 'keep', label: t('catalog.capacity.keep') },
    { value: 'on', label: t('catalog.capacity.on') },
    { value: 'off', label: t('catalog.capacity.off') },
  ];

  return (
    <Modal opened={opened} onClose={onClose} size="lg" title={t('catalog.capacity.bulkTitle')}>
      <form onSubmit={form.onSubmit(submit)} noValidate data-testid="bulk-edit-form">
        <Stack>
          <SimpleGrid cols={2}>
            <TextInput
              type="date"
              label={t('catalog.capacity.fromNight')}
              required
              data-autofocus
              data-testid="bulk-from"
              {...form.getInputProps('from')}
            />
            <TextInput
              type="date"
              label={t('catalog.capacity.toNight')}
              required
              data-testid="bulk-to"
              {...form.getInputProps('to')}
            />
          </SimpleGrid>
          <Checkbox.Group
            label={t('catalog.capacity.roomTypes')}
            required
            {...form.getInputProps('roomTypeIds')}
          >
            <Group mt={6} gap="md">
              {roomTypes.map((room) => (
                <Checkbox
                  key={room.id}
                  value={room.id}
                  label={`${room.code} · ${local(room.name)}`}
                  data-testid={`bulk-room-${room.code}`}
                />
              ))}
            </Group>
          </Checkbox.Group>
          <Fieldset legend={t('catalog.capacity.capacitySection')} p="sm">
            <Switch
              label={t('catalog.capacity.changeCapacity')}
              data-testid="bulk-change-capacity"
              {...form.getInputProps('changeCapacity', { type: 'checkbox' })}
            />
            {form.values.changeCapacity ? (
              <SimpleGrid cols={{ base: 1, sm: 3 }} mt="sm">
                <div>
                  <Text size="sm" fw={500} mb={4}>
                    {t('catalog.capacity.mode')}
                  </Text>
                  <SegmentedControl
                    fullWidth
                    data={[
                      { value: 'allotment', label: t('catalog.capacity.kinds.allotment') },
                      { value: 'on_request', label: t('catalog.capacity.kinds.on_request') },
                    ]}
                    {...form.getInputProps('kind')}
                  />
                </div>
                <NumberInput
                  label={t('catalog.capacity.units')}
                  min={0}
                  max={100000}
                  required
                  data-testid="bulk-units"
                  {...form.getInputProps('units')}
                />
                <NumberInput
                  label={t('catalog.capacity.releaseDays')}
                  description={t('catalog.capacity.releaseHint')}
                  min={0}
                  max={365}
                  disabled={form.values.kind !== 'allotment'}
                  {...form.getInputProps('releaseDays')}
                />
              </SimpleGrid>
            ) : null}
          </Fieldset>
          <Fieldset legend={t('catalog.capacity.restrictions')} p="sm">
            <Stack gap="sm">
              <Group justify="space-between" wrap="wrap">
                <Text size="sm">{t('catalog.capacity.stopSale')}</Text>
                <SegmentedControl
                  data={toggleData}
                  data-testid="bulk-stop-sale"
                  {...form.getInputProps('stopSale')}
                />
              </Group>
              <Group justify="space-between" wrap="wrap">
                <Text size="sm">{t('catalog.capacity.closedToArrival')}</Text>
                <SegmentedControl data={toggleData} {...form.getInputProps('closedToArrival')} />
              </Group>
              <Group justify="space-between" wrap="wrap" align="flex-end">
                <Text size="sm">{t('catalog.capacity.minStay')}</Text>
                <Group gap="xs">
                  <SegmentedControl
                    data={[
                      { value: 'keep', label: t('catalog.capacity.keep') },
                      { value: 'set', label: t('catalog.capacity.set') },
                      { value: 'clear', label: t('catalog.capacity.clear') },
                    ]}
                    {...form.getInputProps('minStayMode')}
                  />
                  {form.values.minStayMode === 'set' ? (
                    <NumberInput
                      aria-label={t('catalog.capacity.minStay')}
                      w={90}
                      min={1}
                      max={365}
                      {...form.getInputProps('minStay')}
                    />
                  ) : null}
                </Group>
              </Group>
              {form.errors.stopSale || form.errors.minStay || form.errors.closedToArrival ? (
                <Alert color="red" variant="light" p="xs">
                  {form.errors.stopSale ?? form.errors.minStay ?? form.errors.closedToArrival}
                </Alert>
              ) : null}
            </Stack>
          </Fieldset>
          <FormProblem
            error={apply.error}
            fields={fields}
            title={t('catalog.saveFailed')}
            testId="bulk-error"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={apply.isPending} data-testid="bulk-submit">
              {t('catalog.capacity.apply')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
