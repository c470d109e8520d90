// Modifying a booking: new dates or a new party are priced first as a quote (its places held),
// the repriced total, the change fee and the difference shown; only then is it applied, with
// the travellers of the new party when the party changed.
import {
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../../shared/api.ts';
import { localDateFormatter } from '../../../../shared/i18n/date-input.ts';
import { useFormat } from '../../../../shared/i18n/format.ts';
import { Figure, FigureRow } from '../../../../shared/ui/Figure.tsx';
import { ProblemAlert } from '../../../../shared/ui/ProblemAlert.tsx';
import type { BookingView, ChangePreview } from '../booking-types.ts';
import {
  type ChangeAsk,
  type TravellerInput,
  useApplyChange,
  usePreviewChange,
} from '../bookings-queries.ts';

interface AskValues {
  dates: [string | null, string | null];
  adults: number | string;
  childAges: string;
}

function parseAges(text: string): number[] | null {
  const parts = text.split(/[,;\s]+/).filter(Boolean);
  const ages = parts.map(Number);
  return ages.every((age) => Number.isInteger(age) && age >= 0 && age < 18) ? ages : null;
}

export function ChangeModal({ booking, onClose }: { booking: BookingView; onClose: () => void }) {
  const { t } = useTranslation();
  const previewChange = usePreviewChange(booking.id);
  const [preview, setPreview] = useState<{ ask: ChangeAsk; answer: ChangePreview } | null>(null);
  const form = useForm<AskValues>({
    initialValues: {
      dates: [booking.from, booking.to],
      adults: booking.party.adults,
      childAges: booking.party.childAges.join(', '),
    },
    validate: {
      childAges: (value) => (parseAges(value) ? null : t('bookings.detail.childAgesHint')),
      adults: (value) => (Number(value) >= 1 ? null : t('bookings.detail.adults')),
    },
  });

  const ask = (values: AskValues): ChangeAsk => {
    const change: ChangeAsk = {};
    const [from, to] = values.dates;
    if (from && to && (from !== booking.from || to !== booking.to)) {
      change.from = from;
      change.to = to;
    }
    const party = { adults: Number(values.adults), childAges: parseAges(values.childAges) ?? [] };
    if (
      party.adults !== booking.party.adults ||
      party.childAges.join(',') !== booking.party.childAges.join(',')
    ) {
      change.party = party;
    }
    return change;
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('bookings.detail.modifyTitle', { number: booking.number })}
      size="lg"
    >
      {preview ? (
        <ApplyStep
          booking={booking}
          ask={preview.ask}
          preview={preview.answer}
          onBack={() => setPreview(null)}
          onDone={onClose}
        />
      ) : (
        <form
          onSubmit={form.onSubmit((values) => {
            const change = ask(values);
            previewChange.mutate(change, {
              onSuccess: (answer) => setPreview({ ask: change, answer }),
              onError: (error) => {
                const errors = fieldErrors(error);
                form.setErrors({
                  ...errors,
                  ...(errors.from || errors.to ? { dates: errors.from ?? errors.to } : {}),
                  ...(errors['party.adults'] ? { adults: errors['party.adults'] } : {}),
                });
              },
            });
          })}
        >
          <Stack>
            <Text size="sm" c="dimmed">
              {t('bookings.detail.modifyIntro')}
            </Text>
            <DatePickerInput
              type="range"
              label={`${t('bookings.detail.newFrom')} – ${t('bookings.detail.newTo')}`}
              valueFormatter={localDateFormatter}
              data-testid="change-dates"
              {...form.getInputProps('dates')}
            />
            <SimpleGrid cols={2}>
              <NumberInput
                label={t('bookings.detail.adults')}
                min={1}
                max={60}
                allowDecimal={false}
                data-autofocus
                data-testid="change-adults"
                {...form.getInputProps('adults')}
              />
              <TextInput
                label={t('bookings.detail.childAges')}
                description={t('bookings.detail.childAgesHint')}
                data-testid="change-child-ages"
                {...form.getInputProps('childAges')}
              />
            </SimpleGrid>
            {previewChange.isError && Object.keys(fieldErrors(previewChange.error)).length === 0 ? (
              <ProblemAlert
                error={previewChange.error}
                title={t('bookings.detail.previewFailed')}
              />
            ) : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={previewChange.isPending} data-testid="change-preview">
                {t('bookings.detail.preview')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

function ApplyStep({
  booking,
  ask,
  preview,
  onBack,
  onDone,
}: {
  booking: BookingView;
  ask: ChangeAsk;
  preview: ChangePreview;
  onBack: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const apply = useApplyChange(booking.id);
  const [key] = useState(() => crypto.randomUUID());
  const money = (minor: number) => format.money(minor, preview.currency);
  const partySize = ask.party ? ask.party.adults + ask.party.childAges.length : 0;
  const form = useForm<{ travellers: TravellerInput[]; reason: string }>({
    initialValues: {
      travellers: ask.party ? travellersFor(booking, partySize) : [],
      reason: '',
    },
  });
  const shownAtFields = Object.keys(fieldErrors(apply.error)).length > 0;

  return (
    <form
      onSubmit={form.onSubmit((values) =>
        apply.mutate(
          {
            quoteId: preview.quote.id,
            key,
            reason: values.reason.trim() || undefined,
            ...(ask.party ? { travellers: values.travellers } : {}),
          },
          {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: t('bookings.detail.changed') });
              onDone();
            },
            onError: (error) => form.setErrors(fieldErrors(error)),
          },
        ),
      )}
    >
      <Stack data-testid="change-quote">
        <Text size="sm" fw={500}>
          {t('bookings.detail.dates', {
            from: format.date(preview.quote.from),
            to: format.date(preview.quote.to),
          })}{' '}
          ·{' '}
          {t('bookings.travellersCount', {
            count: preview.quote.party.adults + preview.quote.party.childAges.length,
          })}
        </Text>
        <Table verticalSpacing={4} fz="sm">
          <Table.Tbody>
            {preview.quote.lines.map((line, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the quote's lines are in their order
              <Table.Tr key={`${line.label}-${index}`}>
                <Table.Td>{line.label}</Table.Td>
                <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
                  {money(line.amount)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <FigureRow>
          <Figure
            label={t('bookings.detail.currentTotal')}
            value={money(preview.currentTotal)}
            weight={500}
          />
          <Figure
            label={t('bookings.detail.changeFee')}
            value={money(preview.changeFee)}
            weight={500}
          />
          <Figure
            label={t('bookings.detail.newTotal')}
            value={money(preview.newTotal)}
            testId="change-new-total"
          />
          <Figure
            label={t('bookings.detail.difference')}
            value={`${preview.difference > 0 ? '+' : ''}${money(preview.difference)}`}
            color={preview.difference > 0 ? 'orange.8' : 'teal.8'}
            testId="change-difference"
            weight={500}
          />
        </FigureRow>
        {preview.promoCodeDropped ? (
          <Alert color="yellow" variant="light">
            {t('bookings.detail.promoDropped', { reason: preview.promoCodeDropped })}
          </Alert>
        ) : null}
        {preview.quote.onRequest ? (
          <Alert color="yellow" variant="light">
            {t('bookings.detail.onRequest')}
          </Alert>
        ) : null}
        <Text size="xs" c="dimmed">
          {t('bookings.detail.quoteExpires', { time: format.dateTime(preview.quote.expiresAt) })}
        </Text>
        {ask.party ? (
          <Stack gap="xs">
            <Text size="sm" fw={600}>
              {t('bookings.detail.changeTravellers')}
            </Text>
            {form.values.travellers.map((_, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the rows are positions of the party
              <SimpleGrid key={index} cols={3} spacing="xs">
                <TextInput
                  aria-label={t('bookings.detail.firstName')}
                  placeholder={t('bookings.detail.firstName')}
                  required
                  {...form.getInputProps(`travellers.${index}.firstName`)}
                />
                <TextInput
                  aria-label={t('bookings.detail.lastName')}
                  placeholder={t('bookings.detail.lastName')}
                  required
                  {...form.getInputProps(`travellers.${index}.lastName`)}
                />
                <TextInput
                  type="date"
                  aria-label={t('bookings.detail.birthDate')}
                  required
                  {...form.getInputProps(`travellers.${index}.birthDate`)}
                />
              </SimpleGrid>
            ))}
          </Stack>
        ) : null}
        <Textarea
          label={t('bookings.detail.changeReason')}
          autosize
          minRows={1}
          {...form.getInputProps('reason')}
        />
        {apply.isError && !shownAtFields ? (
          <ProblemAlert error={apply.error} title={t('bookings.detail.changeFailed')} />
        ) : null}
        <Group justify="space-between">
          <Button variant="default" onClick={onBack}>
            {t('bookings.detail.previous')}
          </Button>
          <Button type="submit" loading={apply.isPending} data-testid="change-apply">
            {t('bookings.detail.applyChange')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The booking's travellers, as many as the new party has: the first kept, new ones blank. */
function travellersFor(booking: BookingView, count: number): TravellerInput[] {
  return Array.from({ length: count }, (_, index) => {
    const known = booking.travellers[index];
    if (!known) return { firstName: '', lastName: '', birthDate: '' } as TravellerInput;
    const { position: _position, child: _child, ...input } = known;
    return input;
  });
}
