// Matching a part of a supplier invoice to what it bills: a booking found by its number, then
// one of its lines (staff read the lines' ids and costs), and the amount, by default all that
// is not matched yet. The API refuses a line of another supplier or one no longer current at
// the line field. One Idempotency-Key per opening.
import { Button, Group, Modal, NumberInput, Select, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiFetch, fieldErrors } from '../../../shared/api.ts';
import { minorDigits, useFormat } from '../../../shared/i18n/format.ts';
import type { Page } from '../../../shared/identity.ts';
import type { BookingLine, BookingSummary, BookingView } from '../bookings/booking-types.ts';
import { bookingKeys } from '../bookings/bookings-queries.ts';
import { FormProblem } from '../catalog/shared/FormProblem.tsx';
import { financeKeys, useAddMatch } from './finance-queries.ts';
import type { SupplierInvoice } from './finance-types.ts';
import {
  fromMinor,
  type MatchValues,
  placeMatchErrors,
  targetFieldOf,
  toMatchBody,
  toMinor,
} from './supplier-invoice-form.ts';

/** The fields a match's errors may name: all shown at the form's own two. */
const matchFields = ['targetId', 'amount', ...Object.values(targetFieldOf)];

interface MatchModalProps {
  invoice: SupplierInvoice;
  opened: boolean;
  onClose: () => void;
}

export function MatchModal({ invoice, opened, onClose }: MatchModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('finance.supplier.match.title', { number: invoice.number })}
      size="lg"
    >
      {opened ? <MatchForm invoice={invoice} onClose={onClose} /> : null}
    </Modal>
  );
}

/** Bookings whose number, customer or travellers hold the words typed (two letters at least). */
function useBookingSearch(text: string) {
  const [q] = useDebouncedValue(text.trim(), 250);
  return useQuery({
    queryKey: [...financeKeys.supplierInvoices, 'booking-search', q],
    queryFn: () =>
      apiFetch<Page<BookingSummary>>(`/api/v1/bookings?${new URLSearchParams({ q, limit: '20' })}`),
    enabled: q.length >= 2,
    staleTime: 30_000,
  });
}

/** The booking chosen, with its current lines (their ids, for staff). */
function useChosenBooking(id: string | null) {
  return useQuery({
    queryKey: bookingKeys.detail(id ?? ''),
    queryFn: () => apiFetch<BookingView>(`/api/v1/bookings/${id}`),
    enabled: id !== null,
  });
}

function MatchForm({ invoice, onClose }: { invoice: SupplierInvoice; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const digits = minorDigits(invoice.currency);
  const [key] = useState(() => crypto.randomUUID());
  const [search, setSearch] = useState('');
  const [bookingId, setBookingId] = useState<string | null>(null);
  const found = useBookingSearch(search);
  const booking = useChosenBooking(bookingId);
  const match = useAddMatch(invoice.id);
  const form = useForm<MatchValues>({
    mode: 'controlled',
    initialValues: {
      kind: 'line',
      targetId: null,
      amount: fromMinor(invoice.unmatched, digits),
    },
    validate: {
      targetId: (value) => (value ? null : t('finance.supplier.match.chooseLine')),
      amount: (value) => {
        const minor = toMinor(value, digits);
        return minor !== null && minor > 0 && minor <= invoice.unmatched
          ? null
          : t('finance.supplier.match.amountRange', {
              amount: format.money(invoice.unmatched, invoice.currency),
            });
      },
    },
  });

  // The booking chosen stays an option while another search is typed.
  const options = (found.data?.items ?? []).map((b) => ({
    value: b.id,
    label: `${b.number} · ${b.customer.name} · ${b.productName}`,
  }));
  const chosen = booking.data;
  if (chosen && bookingId && !options.some((o) => o.value === bookingId)) {
    options.unshift({
      value: chosen.id,
      label: `${chosen.number} · ${chosen.customer.name} · ${chosen.productName}`,
    });
  }
  const lines = bookingId
    ? (chosen?.lines ?? []).filter((line): line is BookingLine & { id: string } =>
        Boolean((line as { id?: string }).id),
      )
    : [];

  const submit = (values: MatchValues) =>
    match.mutate(
      { key, body: toMatchBody(values, digits, invoice.unmatched) },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('finance.supplier.match.matched') });
          onClose();
        },
        onError: (error) => form.setErrors(placeMatchErrors(fieldErrors(error))),
      },
    );

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate data-testid="match-form">
      <Stack>
        <Text size="sm" c="dimmed">
          {t('finance.supplier.match.intro', { supplier: invoice.supplier.name })}
        </Text>
        <Select
          label={t('finance.supplier.match.booking')}
          placeholder={t('finance.supplier.match.bookingPlaceholder')}
          searchable
          clearable
          data={options}
          // The API has searched already: every booking it found is shown.
          filter={({ options: all }) => all}
          searchValue={search}
          onSearchChange={setSearch}
          value={bookingId}
          onChange={(value) => {
            setBookingId(value);
            form.setFieldValue('targetId', null);
          }}
          nothingFoundMessage={
            search.trim().length < 2
              ? t('finance.supplier.match.typeMore')
              : found.isFetching
                ? t('finance.supplier.match.searching')
                : t('finance.supplier.match.noBooking')
          }
          data-autofocus
          data-testid="match-booking"
        />
        <Select
          label={t('finance.supplier.match.line')}
          placeholder={
            bookingId
              ? t('finance.supplier.match.linePlaceholder')
              : t('finance.supplier.match.bookingFirst')
          }
          disabled={!bookingId || booking.isPending}
          required
          allowDeselect={false}
          data={lines.map((line, index) => ({
            value: line.id,
            // Numbered from 1 in the booking's order (the booking's page lists them so).
            label:
              line.cost === null || line.cost === undefined
                ? `${index + 1}. ${line.label}`
                : t('finance.supplier.match.lineOption', {
                    position: index + 1,
                    label: line.label,
                    cost: format.money(line.cost, chosen?.currency ?? invoice.currency),
                  }),
          }))}
          data-testid="match-line"
          {...form.getInputProps('targetId')}
        />
        <NumberInput
          label={t('finance.supplier.match.amount')}
          description={t('finance.supplier.match.amountHint', {
            amount: format.money(invoice.unmatched, invoice.currency),
          })}
          required
          min={0}
          decimalScale={digits}
          allowNegative={false}
          thousandSeparator=" "
          suffix={` ${invoice.currency}`}
          data-testid="match-amount"
          {...form.getInputProps('amount')}
        />
        <FormProblem
          error={match.error}
          fields={matchFields}
          title={t('finance.supplier.match.failed')}
          testId="match-error"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={match.isPending} data-testid="match-submit">
            {t('finance.supplier.match.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
