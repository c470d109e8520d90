// A product's page: pictures, the description in the visitor's language, the hotel and its
// rooms, extras, what a booking will ask of the traveller, and — beside it — a month calendar
// of bookable days with "from" prices for the party, leading to the checkout.
import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Container,
  Grid,
  Group,
  List,
  NumberInput,
  Rating,
  SimpleGrid,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { IconArrowLeft, IconBed, IconChecklist, IconMapPin, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../shared/api.ts';
import { useCalendarFormat } from '../../shared/i18n/calendar-date.ts';
import { useFormat } from '../../shared/i18n/format.ts';
import { ProblemAlert } from '../../shared/ui/ProblemAlert.tsx';
import { useProduct, useProductCalendar } from '../api/portal-queries.ts';
import type { CalendarDay, ProductPage as Product } from '../api/types.ts';
import { MonthCalendar } from '../components/MonthCalendar.tsx';
import { BoardBadge } from '../components/OfferCard.tsx';
import { PageLoader } from '../components/PageLoader.tsx';
import { PartyPicker } from '../components/PartyPicker.tsx';
import { ProductVisual } from '../components/ProductVisual.tsx';
import { todayIso } from '../components/SearchForm.tsx';
import { useCountryName } from '../country-name.ts';
import { usePortal } from '../portal-context.ts';
import { addDays, nightsBetween, readTripSearch, tripSearchParams } from '../search-params.ts';
import { NotFoundPage } from './NotFoundPage.tsx';

/** The month to open on: the chosen arrival's, else the first with something to sell. */
function firstMonth(product: Product, from: string | null): string {
  const today = todayIso();
  if (from && from >= today) return from.slice(0, 7);
  const starts = [
    ...product.departures.map((d) => d.date),
    // biome-ignore lint/complexity/useMathMinMax: YYYY-MM-DD strings, not numbers
    ...product.seasons.map((s) => (s.from > today ? s.from : today)),
  ]
    .filter((date) => date >= today)
    .sort();
  return (starts[0] ?? today).slice(0, 7);
}

export function ProductPage() {
  const { productId = '' } = useParams();
  const { slug, lang } = usePortal();
  const product = useProduct(slug, productId, lang);
  if (product.isPending) return <PageLoader />;
  if (product.error instanceof ApiError && product.error.status === 404) {
    return <NotFoundPage home={`/portal/${slug}`} />;
  }
  if (product.error) {
    return (
      <Container size="lg" py="xl">
        <ProblemAlert error={product.error} />
      </Container>
    );
  }
  return <ProductView product={product.data} />;
}

function ProductView({ product }: { product: Product }) {
  const { t } = useTranslation();
  const format = useFormat();
  const days = useCalendarFormat();
  const { slug, currency } = usePortal();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const search = readTripSearch(params);
  const byDays = product.mode === 'by_days';
  const season = product.seasons[0];
  const [party, setParty] = useState({ adults: search.adults, childAges: search.childAges });
  const [nights, setNights] = useState<number>(
    search.from && search.to ? nightsBetween(search.from, search.to) : (season?.minStay ?? 7),
  );
  const [month, setMonth] = useState(() => firstMonth(product, search.from));
  const [picked, setPicked] = useState<CalendarDay | null>(null);
  const calendar = useProductCalendar(
    slug,
    product.id,
    { month, ...party, nights: byDays ? nights : null },
    currency,
  );
  const preselected =
    picked ??
    calendar.data?.days.find(
      (d) =>
        d.bookable &&
        d.date === search.from &&
        (byDays || d.departureId === params.get('departure')),
    ) ??
    null;
  const chosen =
    preselected && calendar.data?.days.some((d) => d.date === preselected.date && d.bookable)
      ? (calendar.data.days.find((d) => d.date === preselected.date) ?? null)
      : null;
  const countryName = useCountryName();
  const place = `${product.accommodation.city}, ${countryName(product.accommodation.country)}`;

  const goToCheckout = () => {
    if (!chosen) return;
    const next = tripSearchParams({
      destination: '',
      from: chosen.date,
      to: addDays(chosen.date, chosen.nights),
      ...party,
    });
    next.set('product', product.id);
    if (chosen.departureId) next.set('departure', chosen.departureId);
    void navigate(`/portal/${slug}/checkout?${next}`);
  };

  return (
    <Container size="lg" py="lg">
      <Anchor
        component={Link}
        to={`/portal/${slug}?${tripSearchParams({ ...search, ...party })}`}
        size="sm"
        mb="sm"
        display="inline-flex"
        style={{ alignItems: 'center', gap: 4 }}
      >
        <IconArrowLeft size={14} /> {t('portal.product.back')}
      </Anchor>
      <Grid gutter="xl">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="lg">
            <ProductVisual
              photo={product.photos[0]}
              place={product.accommodation.city}
              seed={product.id}
              height={320}
              radius="lg"
            />
            {product.photos.length > 1 ? (
              <SimpleGrid cols={4} spacing="xs">
                {product.photos.slice(1, 5).map((photo) => (
                  <ProductVisual key={photo} photo={photo} place={place} seed={photo} height={80} />
                ))}
              </SimpleGrid>
            ) : null}
            <Stack gap={6}>
              <Group gap="xs">
                <BoardBadge board={product.boardType} />
                <Badge variant="light">
                  {byDays ? t('portal.offer.kind.stay') : t('portal.offer.kind.tour')}
                </Badge>
              </Group>
              <Title order={1} size="h2" data-testid="product-name">
                {product.name}
              </Title>
              <Group gap={6} c="dimmed">
                <IconMapPin size={16} aria-hidden />
                <Text>
                  {product.accommodation.name} · {place}
                </Text>
                {product.accommodation.stars ? (
                  <Rating
                    value={product.accommodation.stars}
                    count={product.accommodation.stars}
                    readOnly
                    size="sm"
                  />
                ) : null}
              </Group>
            </Stack>
            {product.description ? (
              <Text data-testid="product-description">{product.description}</Text>
            ) : null}
            {byDays && season ? (
              <Text size="sm" c="dimmed">
                {t('portal.product.stayRule', {
                  min: season.minStay,
                  max: season.maxStay ?? season.minStay,
                })}
              </Text>
            ) : null}
            <Card withBorder radius="lg">
              <Title order={3} size="h4" mb="xs">
                {t('portal.product.hotel')}
              </Title>
              <Text size="sm" c="dimmed">
                {product.accommodation.description}
              </Text>
              <Title order={4} size="h5" mt="md" mb="xs">
                {t('portal.product.rooms')}
              </Title>
              <Stack gap={6}>
                {product.roomTypes.map((room) => (
                  <Group key={room.id} gap="xs" wrap="nowrap">
                    <ThemeIcon variant="light" size="sm" radius="xl">
                      <IconBed size={14} />
                    </ThemeIcon>
                    <Text size="sm" fw={500}>
                      {room.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {room.maxChildren > 0
                        ? t('portal.product.roomFor', {
                            adults: room.maxAdults,
                            children: room.maxChildren,
                          })
                        : t('portal.product.roomForAdults', { adults: room.maxAdults })}
                    </Text>
                  </Group>
                ))}
              </Stack>
            </Card>
            {product.extras.length > 0 ? (
              <Card withBorder radius="lg">
                <Title order={3} size="h4" mb="xs">
                  {t('portal.product.extras')}
                </Title>
                <Stack gap={6}>
                  {product.extras.map((extra) => (
                    <Group key={extra.id} gap="xs" wrap="nowrap" align="flex-start">
                      <ThemeIcon variant="light" size="sm" radius="xl" color="grape">
                        <IconPlus size={14} />
                      </ThemeIcon>
                      <Box>
                        <Text size="sm" fw={500}>
                          {extra.name}
                        </Text>
                        {extra.description ? (
                          <Text size="xs" c="dimmed">
                            {extra.description}
                          </Text>
                        ) : null}
                      </Box>
                    </Group>
                  ))}
                </Stack>
              </Card>
            ) : null}
            {product.requiredActions.length > 0 ? (
              <Alert
                variant="light"
                color="blue"
                icon={<IconChecklist />}
                title={t('portal.product.afterBooking')}
              >
                <List size="sm">
                  {product.requiredActions.map((action) => (
                    <List.Item key={action.code}>{action.title}</List.Item>
                  ))}
                </List>
              </Alert>
            ) : null}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Card
            withBorder
            radius="lg"
            shadow="sm"
            padding="lg"
            style={{ position: 'sticky', top: 80 }}
            data-testid="booking-box"
          >
            <Stack gap="md">
              <Title order={2} size="h4">
                {t('portal.product.chooseDate')}
              </Title>
              <Group grow align="flex-end">
                <PartyPicker value={party} onChange={setParty} />
                {byDays ? (
                  <NumberInput
                    label={t('portal.product.nights')}
                    value={nights}
                    min={season?.minStay ?? 1}
                    max={season?.maxStay ?? 30}
                    clampBehavior="strict"
                    allowDecimal={false}
                    onChange={(value) => typeof value === 'number' && setNights(value)}
                    data-testid="product-nights"
                  />
                ) : null}
              </Group>
              {calendar.error ? (
                <ProblemAlert error={calendar.error} />
              ) : (
                <MonthCalendar
                  month={month}
                  days={calendar.data?.days ?? []}
                  currency={calendar.data?.currency ?? currency}
                  selected={chosen?.date ?? null}
                  loading={calendar.isFetching}
                  minMonth={todayIso().slice(0, 7)}
                  onMonthChange={(next) => {
                    setMonth(next);
                  }}
                  onSelect={setPicked}
                />
              )}
              {calendar.data &&
              !calendar.isFetching &&
              !calendar.data.days.some((d) => d.bookable) ? (
                <Text size="sm" c="dimmed" data-testid="calendar-empty">
                  {t('portal.product.noDays')}
                </Text>
              ) : null}
              {chosen?.price != null ? (
                <Card bg="teal.0" radius="md" data-testid="selection-summary">
                  <Group justify="space-between" align="flex-end">
                    <Stack gap={2}>
                      <Text size="sm" fw={600}>
                        {days.weekday(chosen.date)} –{' '}
                        {days.weekday(addDays(chosen.date, chosen.nights))}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t('portal.offer.nights', { count: chosen.nights })} ·{' '}
                        {t('portal.search.partySummary', {
                          adults: party.adults,
                          children: party.childAges.length,
                        })}
                      </Text>
                    </Stack>
                    <Stack gap={0} align="flex-end">
                      <Text size="xs" c="dimmed">
                        {t('portal.product.totalFrom')}
                      </Text>
                      <Text fw={800} size="xl" c="teal.8" data-testid="selection-price">
                        {format.money(chosen.price, calendar.data?.currency ?? currency)}
                      </Text>
                    </Stack>
                  </Group>
                </Card>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('portal.product.pickDay')}
                </Text>
              )}
              <Button
                size="md"
                disabled={!chosen}
                onClick={goToCheckout}
                data-testid="product-continue"
              >
                {t('portal.product.continue')}
              </Button>
            </Stack>
          </Card>
        </Grid.Col>
      </Grid>
    </Container>
  );
}
