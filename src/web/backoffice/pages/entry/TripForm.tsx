// The first half of a quick entry: channel, product, dates or departure, party and room,
// priced with one Enter. Errors of the quote (a stay too short, a departure full) show at
// their field; a sold-out answer (409) shows plainly above the button.
import {
  Button,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { DateInput, DatePickerInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCalculator, IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, fieldErrors } from '../../../shared/api.ts';
import { useCalendarFormat } from '../../../shared/i18n/calendar-date.ts';
import { localDateFormatter } from '../../../shared/i18n/date-input.ts';
import { useCalendarColumns } from '../../../shared/ui/calendar-columns.ts';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert.tsx';
import { moveOnEnter } from './enter-moves-on.ts';
import {
  type EntryChannel,
  entryChannels,
  type ProductHit,
  type Quote,
  type QuoteRequest,
  useAttractionSlots,
  useCreateQuote,
  useProductSearch,
} from './entry-queries.ts';
import { productsFor } from './product-options.ts';

export interface TripValues {
  channel: EntryChannel;
  productId: string | null;
  departureId: string | null;
  /** A stay's check-in, or an attraction's date. */
  from: string | null;
  to: string | null;
  timeSlot: string | null;
  adults: number | string;
  childAges: Array<number | string>;
  roomTypeId: string | null;
  /** Tours by the agency's transport: the class and the stop to board at. */
  classCode: string | null;
  boardingPoint: string | null;
  promoCode: string;
}

/** Staff hold a phone quote for an hour: long enough to take down the travellers. */
const holdMinutes = 60;
const maxChildren = 10;

/** A text in the language asked, else English, else any. */
export function localized(text: Record<string, string> | string, language: string): string {
  if (typeof text === 'string') return text;
  return text[language] ?? text.en ?? Object.values(text)[0] ?? '';
}

const isAge = (value: number | string) =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 17;

interface TripFormProps {
  today: string;
  onPriced: (quote: Quote, channel: EntryChannel) => void;
  onChanged: () => void;
}

export function TripForm({ today, onPriced, onChanged }: TripFormProps) {
  const { t, i18n } = useTranslation();
  const calendarColumns = useCalendarColumns();
  const language = i18n.resolvedLanguage ?? 'en';
  const dates = useCalendarFormat();
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search, 250);
  const [product, setProduct] = useState<ProductHit | null>(null);
  // Once a product is chosen the box shows its name: list everything again, not just it.
  const chosenName = product ? localized(product.name, language) : null;
  // What the box asks for now, and what the last answer of the server was for.
  const typed = search === chosenName ? '' : search;
  const products = useProductSearch(search === chosenName ? '' : debouncedSearch);
  const answeredFor =
    products.data && !products.isPlaceholderData
      ? search === chosenName
        ? ''
        : debouncedSearch
      : null;
  const slots = useAttractionSlots(product?.kind === 'attraction' ? product.id : null);
  const quote = useCreateQuote();

  const form = useForm<TripValues>({
    mode: 'controlled',
    initialValues: {
      channel: 'phone',
      productId: null,
      departureId: null,
      from: null,
      to: null,
      timeSlot: null,
      adults: 2,
      childAges: [],
      roomTypeId: null,
      classCode: null,
      boardingPoint: null,
      promoCode: '',
    },
    validate: {
      productId: (value) => (value ? null : t('entry.chooseProduct')),
      adults: (value) =>
        typeof value === 'number' && value >= 1 && value <= 50 ? null : t('entry.adultsRange'),
    },
    onValuesChange: () => {
      // What was priced is no longer what the form says.
      quote.reset();
      onChanged();
    },
  });

  const options = useMemo(() => {
    // Until the server answers the typed text, only what matches it as typed: never an option
    // of an older text that a quick ↓ Enter could pick.
    const items = productsFor(products.data?.items ?? [], typed, answeredFor);
    const known = product && !items.some((item) => item.id === product.id) ? [product] : [];
    const all = [...known, ...items];
    const group = (kind: ProductHit['kind']) =>
      all
        .filter((hit) => hit.kind === kind)
        .map((hit) => ({ value: hit.id, label: localized(hit.name, language) }));
    return [
      { group: t('entry.kinds.tour'), items: group('tour') },
      { group: t('entry.kinds.attraction'), items: group('attraction') },
    ].filter((g) => g.items.length > 0);
  }, [products.data, typed, answeredFor, product, language, t]);

  const hits = useMemo(() => {
    const map = new Map<string, ProductHit>();
    for (const hit of products.data?.items ?? []) map.set(hit.id, hit);
    if (product) map.set(product.id, product);
    return map;
  }, [products.data, product]);

  function chooseProduct(id: string | null) {
    const hit = id ? (hits.get(id) ?? null) : null;
    setProduct(hit);
    form.setValues({
      productId: id,
      departureId: null,
      from: null,
      to: null,
      timeSlot: null,
      roomTypeId: null,
      // The route's first stop and class unless the customer says otherwise.
      classCode: hit?.kind === 'tour' ? (hit.boarding?.classes[0]?.code ?? null) : null,
      boardingPoint: hit?.kind === 'tour' ? (hit.boarding?.stops[0]?.value ?? null) : null,
    });
  }

  function setChildren(count: number | string) {
    const n = typeof count === 'number' ? Math.max(0, Math.min(maxChildren, count)) : 0;
    const ages = form.getValues().childAges.slice(0, n);
    while (ages.length < n) ages.push('');
    form.setFieldValue('childAges', ages);
  }

  const values = form.getValues();
  const tour = product?.kind === 'tour' ? product : null;
  const departures = (tour?.departures ?? [])
    .filter((d) => d.status === 'open' && d.startDate >= today)
    .sort((a, b) => a.startDate.localeCompare(b.startDate));
  const timeSlots = slots.data?.timeSlots ?? [];

  function submit(input: TripValues) {
    const childAges = input.childAges.map(Number);
    const badAge = input.childAges.findIndex((age) => !isAge(age));
    if (badAge >= 0) {
      form.setFieldError(`childAges.${badAge}`, t('entry.ageRange'));
      return;
    }
    if (!input.productId || !product) return;
    const adults = Number(input.adults);
    const request: QuoteRequest = {
      productId: input.productId,
      channel: input.channel,
      party: { adults, childAges },
      holdMinutes,
      ...(input.departureId ? { departureId: input.departureId } : {}),
      ...(input.from ? { from: input.from } : {}),
      ...(input.to && tour?.mode === 'by_days' ? { to: input.to } : {}),
      ...(input.timeSlot ? { timeSlot: input.timeSlot } : {}),
      ...(input.classCode ? { classCode: input.classCode } : {}),
      ...(input.boardingPoint ? { boardingPoint: input.boardingPoint } : {}),
      ...(input.roomTypeId ? { rooms: [{ roomTypeId: input.roomTypeId, adults, childAges }] } : {}),
      ...(input.promoCode.trim() ? { promoCode: input.promoCode.trim() } : {}),
    };
    quote.mutate(request, {
      onSuccess: (priced) => onPriced(priced, input.channel),
      onError: (error) => {
        const errors = fieldErrors(error);
        // The party's ages come back as /party/childAges/i; the form keeps them as childAges.i.
        const placed = Object.fromEntries(
          Object.entries(errors).map(([field, message]) => [
            field.replace(/^party\./, ''),
            message,
          ]),
        );
        form.setErrors(placed);
      },
    });
  }

  const placedFields = new Set(
    Object.keys(fieldErrors(quote.error)).map(
      (field) => field.replace(/^party\./, '').split('.')[0],
    ),
  );
  const shownFields = new Set([
    'productId',
    'from',
    'to',
    'departureId',
    'timeSlot',
    'adults',
    'childAges',
    'roomTypeId',
    'promoCode',
  ]);
  const soldOut = quote.error instanceof ApiError && quote.error.status === 409;
  const unplaced =
    quote.isError &&
    !soldOut &&
    !(placedFields.size > 0 && [...placedFields].every((field) => shownFields.has(field ?? '')));

  return (
    <Paper withBorder radius="md" p="md">
      <form onSubmit={form.onSubmit(submit)} onKeyDown={moveOnEnter} noValidate>
        <Stack gap="md">
          <Group justify="space-between">
            <Title order={3} size="h4">
              {t('entry.trip')}
            </Title>
            <SegmentedControl
              aria-label={t('entry.channel')}
              data={entryChannels.map((channel) => ({
                value: channel,
                label: t(`entry.channels.${channel}`),
              }))}
              data-testid="entry-channel"
              {...form.getInputProps('channel')}
            />
          </Group>
          <Select
            label={t('entry.product')}
            placeholder={t('entry.productPlaceholder')}
            searchable
            required
            autoFocus
            clearable
            leftSection={<IconSearch size={16} stroke={1.5} />}
            data={options}
            value={values.productId}
            onChange={chooseProduct}
            searchValue={search}
            onSearchChange={setSearch}
            filter={({ options: all }) => all}
            nothingFoundMessage={products.isFetching ? undefined : t('entry.productNothing')}
            error={form.errors.productId}
            renderOption={({ option }) => {
              const hit = hits.get(option.value);
              const place =
                hit?.kind === 'tour'
                  ? `${hit.accommodation.name}, ${hit.accommodation.city}`
                  : hit
                    ? hit.city
                    : '';
              return (
                <Stack gap={0}>
                  <Text size="sm">{option.label}</Text>
                  <Text size="xs" c="dimmed">
                    {place}
                  </Text>
                </Stack>
              );
            }}
            data-testid="entry-product"
          />
          {product ? (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {tour?.mode === 'fixed_departures' ? (
                <Select
                  label={t('entry.departure')}
                  placeholder={
                    departures.length ? t('entry.departurePlaceholder') : t('entry.noDepartures')
                  }
                  required
                  searchable
                  data={departures.map((d) => ({
                    value: d.id,
                    label: t('entry.departureOption', {
                      date: dates.weekday(d.startDate),
                      nights: d.nights,
                    }),
                  }))}
                  data-testid="entry-departure"
                  {...form.getInputProps('departureId')}
                />
              ) : tour ? (
                <DatePickerInput
                  type="range"
                  label={t('entry.stay')}
                  valueFormatter={localDateFormatter}
                  required
                  minDate={today}
                  numberOfColumns={calendarColumns}
                  value={[values.from, values.to]}
                  onChange={([from, to]) => form.setValues({ from, to })}
                  error={form.errors.from ?? form.errors.to}
                  data-enter-stop
                  data-testid="entry-stay"
                />
              ) : (
                <DateInput
                  label={t('entry.date')}
                  required
                  minDate={today}
                  valueFormat="YYYY-MM-DD"
                  data-testid="entry-date"
                  {...form.getInputProps('from')}
                />
              )}
              {product.kind === 'attraction' && timeSlots.length > 0 ? (
                <Select
                  label={t('entry.timeSlot')}
                  required
                  data={timeSlots}
                  data-testid="entry-time-slot"
                  {...form.getInputProps('timeSlot')}
                />
              ) : null}
              {tour ? (
                <Select
                  label={t('entry.room')}
                  placeholder={t('entry.roomAuto')}
                  clearable
                  data={tour.roomTypes.map((room) => ({
                    value: room.id,
                    label: `${room.code} · ${localized(room.name, language)}`,
                  }))}
                  data-testid="entry-room"
                  {...form.getInputProps('roomTypeId')}
                />
              ) : null}
              {tour?.boarding && tour.boarding.stops.length > 0 ? (
                <Select
                  label={t('entry.boardingPoint')}
                  required
                  data={tour.boarding.stops.map((stop) => ({
                    value: stop.value,
                    label: `${stop.name} · ${stop.time}`,
                  }))}
                  data-testid="entry-boarding"
                  {...form.getInputProps('boardingPoint')}
                />
              ) : null}
              {tour?.boarding && tour.boarding.classes.length > 1 ? (
                <Select
                  label={t('entry.travelClass')}
                  required
                  data={tour.boarding.classes.map((c) => ({ value: c.code, label: c.name }))}
                  data-testid="entry-class"
                  {...form.getInputProps('classCode')}
                />
              ) : null}
            </SimpleGrid>
          ) : null}
          <Group align="flex-start" gap="md" wrap="wrap">
            <NumberInput
              label={t('entry.adults')}
              min={1}
              max={50}
              w={110}
              allowDecimal={false}
              data-testid="entry-adults"
              {...form.getInputProps('adults')}
            />
            <NumberInput
              label={t('entry.children')}
              min={0}
              max={maxChildren}
              w={110}
              allowDecimal={false}
              value={values.childAges.length}
              onChange={setChildren}
              data-testid="entry-children"
            />
            {values.childAges.map((_, index) => (
              <NumberInput
                // biome-ignore lint/suspicious/noArrayIndexKey: a child is its position in the party
                key={index}
                label={t('entry.childAge', { n: index + 1 })}
                min={0}
                max={17}
                w={130}
                allowDecimal={false}
                required
                data-testid={`entry-child-age-${index}`}
                {...form.getInputProps(`childAges.${index}`)}
              />
            ))}
            <TextInput
              label={t('entry.promoCode')}
              w={160}
              autoComplete="off"
              data-testid="entry-promo"
              {...form.getInputProps('promoCode')}
            />
          </Group>
          {soldOut ? (
            <ProblemAlert error={quote.error} title={t('entry.soldOut')} testId="entry-sold-out" />
          ) : unplaced ? (
            <ProblemAlert
              error={quote.error}
              title={t('entry.quoteFailed')}
              testId="entry-quote-error"
            />
          ) : null}
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              {t('entry.keyboardHint')}
            </Text>
            <Button
              type="submit"
              loading={quote.isPending}
              leftSection={<IconCalculator size={18} stroke={1.5} />}
              data-testid="entry-price"
            >
              {t('entry.priceIt')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
