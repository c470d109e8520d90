// The second half of a quick entry: who books (a customer on file, found as you type, or a
// new one) and who travels (one row per person of the priced party, the first filled from the
// customer). Saving books the quote once: the Idempotency-Key stays the same for retries of
// one attempt, so a double click or a lost answer never books twice.
import {
  Button,
  Group,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { IconDeviceFloppy, IconSearch } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, fieldErrors } from '../../../shared/api.ts';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert.tsx';
import { moveOnEnter } from './enter-moves-on.ts';
import {
  type BookingRequest,
  type CreatedBooking,
  type CustomerHit,
  type EntryChannel,
  type Quote,
  useCreateBooking,
  useCustomerSearch,
} from './entry-queries.ts';

interface TravellerRow {
  firstName: string;
  lastName: string;
  birthDate: string | null;
}

interface BookingValues {
  customerMode: 'existing' | 'new';
  customerId: string | null;
  customer: { firstName: string; lastName: string; email: string; phone: string };
  travellers: TravellerRow[];
  notes: string;
}

const emptyTraveller: TravellerRow = { firstName: '', lastName: '', birthDate: null };

/** A random UUID, also where crypto.randomUUID is missing (plain HTTP off localhost). */
function newAttemptKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const blank = (text: string) => (text.trim() === '' ? undefined : text.trim());

interface BookingFormProps {
  quote: Quote;
  channel: EntryChannel;
  /** The trip changed since it was priced: nothing to save until it is priced again. */
  stale: boolean;
  onSaved: (booking: CreatedBooking) => void;
  /** The customer chosen before the trip was priced (from a customer's page). */
  initialCustomer?: CustomerHit | null;
}

export function BookingForm({
  quote,
  channel,
  stale,
  onSaved,
  initialCustomer = null,
}: BookingFormProps) {
  const { t } = useTranslation();
  const create = useCreateBooking();
  const attemptKey = useRef<string | null>(null);
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search, 250);
  const [chosen, setChosen] = useState<CustomerHit | null>(null);
  const customers = useCustomerSearch(search === chosen?.name ? '' : debouncedSearch);

  const form = useForm<BookingValues>({
    mode: 'controlled',
    initialValues: {
      customerMode: 'existing',
      customerId: null,
      customer: { firstName: '', lastName: '', email: '', phone: '' },
      travellers: [],
      notes: '',
    },
    onValuesChange: () => {
      // Another body is another attempt: the server would refuse the old key with it (409).
      attemptKey.current = null;
    },
  });

  // One row per traveller of the priced party: adults first, then the children.
  const { adults, childAges } = quote.party;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the form is stable; only the party's size matters
  useEffect(() => {
    const size = adults + childAges.length;
    const rows = form.getValues().travellers.slice(0, size);
    while (rows.length < size) rows.push({ ...emptyTraveller });
    form.setFieldValue('travellers', rows);
  }, [adults, childAges.length]);

  /** The first traveller follows the customer while it is empty or still what was copied. */
  const copied = useRef<TravellerRow>({ ...emptyTraveller });
  function copyToFirstTraveller(from: TravellerRow) {
    const first = form.getValues().travellers[0];
    if (!first) return;
    const untouched =
      first.firstName === copied.current.firstName &&
      first.lastName === copied.current.lastName &&
      first.birthDate === copied.current.birthDate;
    if (!untouched) return;
    copied.current = { ...from };
    form.setFieldValue('travellers.0', { ...from });
  }

  const customerOptions = useMemo(() => {
    const items = customers.data?.items ?? [];
    const all = chosen && !items.some((c) => c.id === chosen.id) ? [chosen, ...items] : items;
    return all.map((c) => ({ value: c.id, label: c.name }));
  }, [customers.data, chosen]);
  const customerById = useMemo(() => {
    const map = new Map((customers.data?.items ?? []).map((c) => [c.id, c]));
    if (chosen) map.set(chosen.id, chosen);
    return map;
  }, [customers.data, chosen]);

  function chooseCustomer(id: string | null) {
    const hit = id ? (customerById.get(id) ?? null) : null;
    setChosen(hit);
    form.setFieldValue('customerId', id);
    if (hit?.kind === 'person') {
      copyToFirstTraveller({
        firstName: hit.firstName ?? '',
        lastName: hit.lastName ?? '',
        birthDate: hit.birthDate,
      });
    }
  }

  // A booking started from a customer's page has that customer chosen (and copied to the
  // first traveller) as soon as the form appears; staff may still pick another.
  const applied = useRef(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: applied once, when the customer is known
  useEffect(() => {
    if (!initialCustomer || applied.current) return;
    applied.current = true;
    setChosen(initialCustomer);
    setSearch(initialCustomer.name);
    form.setFieldValue('customerId', initialCustomer.id);
    if (initialCustomer.kind === 'person') {
      copyToFirstTraveller({
        firstName: initialCustomer.firstName ?? '',
        lastName: initialCustomer.lastName ?? '',
        birthDate: initialCustomer.birthDate,
      });
    }
  }, [initialCustomer]);

  function typeNewCustomer(field: 'firstName' | 'lastName', value: string) {
    form.setFieldValue(`customer.${field}`, value);
    const customer = { ...form.getValues().customer, [field]: value };
    copyToFirstTraveller({
      firstName: customer.firstName,
      lastName: customer.lastName,
      birthDate: form.getValues().travellers[0]?.birthDate ?? null,
    });
  }

  function submit(values: BookingValues) {
    if (stale) return;
    const request: BookingRequest = {
      quoteId: quote.id,
      channel,
      travellers: values.travellers.map((traveller, index) => ({
        firstName: traveller.firstName.trim(),
        lastName: traveller.lastName.trim(),
        birthDate: traveller.birthDate ?? '',
        ...(index === 0 && values.customerMode === 'new'
          ? {
              ...(blank(values.customer.email) ? { email: blank(values.customer.email) } : {}),
              ...(blank(values.customer.phone) ? { phone: blank(values.customer.phone) } : {}),
            }
          : {}),
      })),
      ...(blank(values.notes) ? { notes: blank(values.notes) } : {}),
      ...(values.customerMode === 'existing'
        ? values.customerId
          ? { customerId: values.customerId }
          : {}
        : {
            customer: {
              kind: 'person' as const,
              lastName: values.customer.lastName.trim(),
              ...(blank(values.customer.firstName)
                ? { firstName: blank(values.customer.firstName) }
                : {}),
              ...(blank(values.customer.email) ? { email: blank(values.customer.email) } : {}),
              ...(blank(values.customer.phone) ? { phone: blank(values.customer.phone) } : {}),
            },
          }),
    };
    attemptKey.current ??= newAttemptKey();
    create.mutate(
      { request, key: attemptKey.current },
      {
        onSuccess: onSaved,
        onError: (error) => {
          // A lost answer is retried with the same key (the server replays what it did); an
          // answer that refused the booking ends this attempt.
          if (error instanceof ApiError && !error.unreachable) attemptKey.current = null;
          form.setErrors(fieldErrors(error));
        },
      },
    );
  }

  const values = form.getValues();
  const placed = Object.keys(fieldErrors(create.error));
  const known = (field: string) =>
    field === 'customerId' || field.startsWith('customer.') || field.startsWith('travellers');
  const unplaced = create.isError && !(placed.length > 0 && placed.every(known));

  return (
    <form onSubmit={form.onSubmit(submit)} onKeyDown={moveOnEnter} noValidate>
      <Stack gap="md">
        <Paper withBorder radius="md" p="md">
          <Stack gap="sm">
            <Group justify="space-between">
              <Title order={3} size="h4">
                {t('entry.customer')}
              </Title>
              <SegmentedControl
                data={[
                  { value: 'existing', label: t('entry.existingCustomer') },
                  { value: 'new', label: t('entry.newCustomer') },
                ]}
                data-testid="entry-customer-mode"
                {...form.getInputProps('customerMode')}
              />
            </Group>
            {values.customerMode === 'existing' ? (
              <Select
                label={t('entry.customerSearch')}
                placeholder={t('entry.customerSearchPlaceholder')}
                searchable
                clearable
                required
                autoFocus
                leftSection={<IconSearch size={16} stroke={1.5} />}
                data={customerOptions}
                value={values.customerId}
                onChange={chooseCustomer}
                searchValue={search}
                onSearchChange={setSearch}
                filter={({ options }) => options}
                nothingFoundMessage={customers.isFetching ? undefined : t('entry.customerNothing')}
                error={form.errors.customerId}
                renderOption={({ option }) => {
                  const hit = customerById.get(option.value);
                  return (
                    <Stack gap={0}>
                      <Text size="sm">{option.label}</Text>
                      <Text size="xs" c="dimmed">
                        {[hit?.email, hit?.phone, hit?.employerName].filter(Boolean).join(' · ')}
                      </Text>
                    </Stack>
                  );
                }}
                data-testid="entry-customer"
              />
            ) : (
              <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
                <TextInput
                  label={t('entry.firstName')}
                  autoFocus
                  autoComplete="off"
                  data-testid="entry-customer-first-name"
                  {...form.getInputProps('customer.firstName')}
                  onChange={(event) => typeNewCustomer('firstName', event.currentTarget.value)}
                />
                <TextInput
                  label={t('entry.lastName')}
                  required
                  autoComplete="off"
                  data-testid="entry-customer-last-name"
                  {...form.getInputProps('customer.lastName')}
                  onChange={(event) => typeNewCustomer('lastName', event.currentTarget.value)}
                />
                <TextInput
                  label={t('entry.email')}
                  type="email"
                  autoComplete="off"
                  data-testid="entry-customer-email"
                  {...form.getInputProps('customer.email')}
                />
                <TextInput
                  label={t('entry.phone')}
                  type="tel"
                  autoComplete="off"
                  data-testid="entry-customer-phone"
                  {...form.getInputProps('customer.phone')}
                />
              </SimpleGrid>
            )}
          </Stack>
        </Paper>

        <Paper withBorder radius="md" p="md">
          <Stack gap="sm">
            <Title order={3} size="h4">
              {t('entry.travellers')}
            </Title>
            {typeof form.errors.travellers === 'string' ? (
              <Text size="sm" c="red.7" data-testid="entry-travellers-error">
                {form.errors.travellers}
              </Text>
            ) : null}
            {values.travellers.map((_, index) => {
              const isChild = index >= adults;
              const label = isChild
                ? t('entry.childN', { n: index - adults + 1, age: childAges[index - adults] })
                : t('entry.adultN', { n: index + 1 });
              return (
                <SimpleGrid
                  // biome-ignore lint/suspicious/noArrayIndexKey: a traveller is their place in the party
                  key={index}
                  cols={{ base: 1, sm: 3 }}
                  spacing="sm"
                  data-testid="entry-traveller"
                >
                  <TextInput
                    label={`${label} · ${t('entry.firstName')}`}
                    required
                    autoComplete="off"
                    data-testid={`entry-traveller-${index}-first-name`}
                    {...form.getInputProps(`travellers.${index}.firstName`)}
                  />
                  <TextInput
                    label={t('entry.lastName')}
                    required
                    autoComplete="off"
                    data-testid={`entry-traveller-${index}-last-name`}
                    {...form.getInputProps(`travellers.${index}.lastName`)}
                  />
                  <DateInput
                    label={t('entry.birthDate')}
                    required
                    valueFormat="YYYY-MM-DD"
                    placeholder="YYYY-MM-DD"
                    maxDate={quote.from}
                    defaultLevel="decade"
                    data-testid={`entry-traveller-${index}-birth-date`}
                    {...form.getInputProps(`travellers.${index}.birthDate`)}
                  />
                </SimpleGrid>
              );
            })}
            <Textarea
              label={t('entry.notes')}
              placeholder={t('entry.notesPlaceholder')}
              autosize
              minRows={2}
              data-testid="entry-notes"
              {...form.getInputProps('notes')}
            />
          </Stack>
        </Paper>

        {unplaced ? (
          <ProblemAlert
            error={create.error}
            title={t('entry.saveFailed')}
            testId="entry-save-error"
          />
        ) : null}
        <Group justify="flex-end">
          <Button
            type="submit"
            size="md"
            loading={create.isPending}
            disabled={stale || create.isSuccess}
            leftSection={<IconDeviceFloppy size={18} stroke={1.5} />}
            data-testid="entry-save"
          >
            {t('entry.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
