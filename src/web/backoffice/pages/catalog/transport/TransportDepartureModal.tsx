// Adds a dated departure of a transport with its seats per class.
import { Button, Group, Modal, NumberInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../../shared/api.ts';
import { resourcePath, useRecordAction } from '../shared/catalog-queries.ts';
import type { Transport, TransportDeparture } from '../shared/catalog-types.ts';
import { FormProblem } from '../shared/FormProblem.tsx';

interface Values {
  date: string;
  seats: Record<string, number | string>;
}

export function TransportDepartureModal({
  opened,
  onClose,
  transport,
}: {
  opened: boolean;
  onClose: () => void;
  transport: Transport;
}) {
  const { t } = useTranslation();
  const add = useRecordAction<{ departures: TransportDeparture[] }>(['transport', 'tours']);
  const initial = (): Values => ({
    date: '',
    seats: Object.fromEntries(transport.classes.map((c) => [c.code, 0])),
  });
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: initial(),
    validate: { date: (value) => (value ? null : t('catalog.required')) },
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: a fresh form each time it opens
  useEffect(() => {
    if (opened) {
      form.setValues(initial());
      form.clearErrors();
      add.reset();
    }
  }, [opened]);

  function submit(values: Values) {
    const seats = Object.fromEntries(
      Object.entries(values.seats).map(([code, n]) => [code, Number(n || 0)]),
    );
    add.mutate(
      {
        path: `${resourcePath('transport', transport.id)}/departures`,
        method: 'POST',
        body: { departures: [{ date: values.date, seats }] },
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('catalog.transport.departureAdded') });
          onClose();
        },
        // `/departures/0/date` → `date`, `/departures/0/seats/Y` → `seats.Y`.
        onError: (error) =>
          form.setErrors(
            Object.fromEntries(
              Object.entries(fieldErrors(error)).map(([key, message]) => [
                key.replace(/^departures\.\d+\./, ''),
                message,
              ]),
            ),
          ),
      },
    );
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t('catalog.transport.addDeparture')}>
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack>
          <TextInput
            type="date"
            label={t('catalog.transport.date')}
            required
            data-autofocus
            data-testid="transport-departure-date"
            {...form.getInputProps('date')}
          />
          <SimpleGrid cols={2}>
            {transport.classes.map((c) => (
              <NumberInput
                key={c.code}
                label={t('catalog.transport.seatsOf', { name: `${c.code} · ${c.name}` })}
                min={0}
                max={100000}
                data-testid={`transport-departure-seats-${c.code}`}
                {...form.getInputProps(`seats.${c.code}`)}
              />
            ))}
          </SimpleGrid>
          <FormProblem
            error={add.error}
            fields={['date', 'seats', 'departures']}
            title={t('catalog.saveFailed')}
            testId="transport-departure-error"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={add.isPending} data-testid="transport-departure-submit">
              {t('catalog.transport.addDeparture')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
