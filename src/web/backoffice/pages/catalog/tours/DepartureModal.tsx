// Adds departures to a fixed-departure tour: one (with its transport there and back) or a
// series every so many days.
import {
  Button,
  Group,
  Modal,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../../shared/api.ts';
import { useFormat } from '../../../../shared/i18n/format.ts';
import { resourcePath, useRecordAction } from '../shared/catalog-queries.ts';
import {
  type DepartureStatus,
  departureStatuses,
  type TourDeparture,
  type Transport,
} from '../shared/catalog-types.ts';
import { FormProblem } from '../shared/FormProblem.tsx';

interface Values {
  shape: 'one' | 'series';
  startDate: string;
  nights: number | string;
  status: DepartureStatus;
  transportDepartureId: string | null;
  returnTransportDepartureId: string | null;
  every: number | string;
  count: number | string;
}

interface Props {
  opened: boolean;
  onClose: () => void;
  tourId: string;
  transport: Transport | undefined;
}

export function DepartureModal({ opened, onClose, tourId, transport }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const add = useRecordAction<{ departures: TourDeparture[] }>(['tours']);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      shape: 'one',
      startDate: '',
      nights: 7,
      status: 'open',
      transportDepartureId: null,
      returnTransportDepartureId: null,
      every: 7,
      count: 4,
    },
    validate: { startDate: (value) => (value ? null : t('catalog.required')) },
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: a fresh form each time it opens
  useEffect(() => {
    if (opened) {
      form.reset();
      add.reset();
    }
  }, [opened]);

  const transportOptions = (transport?.departures ?? []).map((d) => ({
    value: d.id,
    label: `${format.date(d.date)} · ${transport?.code ?? ''}`,
  }));

  function submit(values: Values) {
    const body =
      values.shape === 'series'
        ? {
            series: {
              firstStart: values.startDate,
              every: Number(values.every),
              count: Number(values.count),
              nights: Number(values.nights),
            },
          }
        : {
            startDate: values.startDate,
            nights: Number(values.nights),
            status: values.status,
            ...(values.transportDepartureId
              ? { transportDepartureId: values.transportDepartureId }
              : {}),
            ...(values.returnTransportDepartureId
              ? { returnTransportDepartureId: values.returnTransportDepartureId }
              : {}),
          };
    add.mutate(
      { path: `${resourcePath('tours', tourId)}/departures`, method: 'POST', body },
      {
        onSuccess: (result) => {
          notifications.show({
            color: 'teal',
            message: t('catalog.tours.departuresAdded', { count: result.departures.length }),
          });
          onClose();
        },
        onError: (error) => {
          const errors = fieldErrors(error);
          // A series' errors name /series/firstStart etc.; show them at the same fields.
          form.setErrors(
            Object.fromEntries(
              Object.entries(errors).map(([key, message]) => [
                key.replace(/^series\.firstStart$/, 'startDate').replace(/^series\./, ''),
                message,
              ]),
            ),
          );
        },
      },
    );
  }

  return (
    <Modal opened={opened} onClose={onClose} size="lg" title={t('catalog.tours.addDeparture')}>
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack>
          <SegmentedControl
            data={[
              { value: 'one', label: t('catalog.tours.oneDeparture') },
              { value: 'series', label: t('catalog.tours.series') },
            ]}
            {...form.getInputProps('shape')}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              type="date"
              label={
                form.values.shape === 'series'
                  ? t('catalog.tours.firstStart')
                  : t('catalog.tours.startDate')
              }
              required
              data-autofocus
              data-testid="departure-start"
              {...form.getInputProps('startDate')}
            />
            <NumberInput
              label={t('catalog.tours.nights')}
              min={1}
              max={365}
              required
              data-testid="departure-nights"
              {...form.getInputProps('nights')}
            />
            {form.values.shape === 'one' ? (
              <Select
                label={t('catalog.status')}
                allowDeselect={false}
                data={departureStatuses.map((s) => ({
                  value: s,
                  label: t(`catalog.statuses.${s}`),
                }))}
                {...form.getInputProps('status')}
              />
            ) : (
              <SimpleGrid cols={2}>
                <NumberInput
                  label={t('catalog.tours.every')}
                  min={1}
                  max={365}
                  {...form.getInputProps('every')}
                />
                <NumberInput
                  label={t('catalog.tours.count')}
                  min={1}
                  max={400}
                  {...form.getInputProps('count')}
                />
              </SimpleGrid>
            )}
          </SimpleGrid>
          {form.values.shape === 'one' && transport ? (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={t('catalog.tours.outbound')}
                clearable
                searchable
                data={transportOptions}
                {...form.getInputProps('transportDepartureId')}
              />
              <Select
                label={t('catalog.tours.return')}
                clearable
                searchable
                data={transportOptions}
                {...form.getInputProps('returnTransportDepartureId')}
              />
            </SimpleGrid>
          ) : null}
          <FormProblem
            error={add.error}
            fields={Object.keys(form.getValues())}
            title={t('catalog.saveFailed')}
            testId="departure-error"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={add.isPending} data-testid="departure-submit">
              {t('catalog.tours.addDeparture')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
