// The checkout in three steps: the trip (room, extras, promo code: each change prices it
// again, and the quote holds the places meanwhile), the travellers and contact (the booking is
// made here, with an idempotency key so a double click books once), and the payment of the
// deposit or the whole price by card. Then the confirmation page.
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Container,
  Grid,
  Group,
  Radio,
  Skeleton,
  Stack,
  Stepper,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconArrowLeft, IconClockHour4, IconMail } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError, fieldErrors } from '../../shared/api.ts';
import { useCalendarFormat } from '../../shared/i18n/calendar-date.ts';
import { useFormat } from '../../shared/i18n/format.ts';
import { ProblemAlert } from '../../shared/ui/ProblemAlert.tsx';
import { type QuoteAsk, useCreateQuote, useProduct } from '../api/portal-queries.ts';
import type { PortalBooking, ProductPage, Quote } from '../api/types.ts';
import { PageLoader } from '../components/PageLoader.tsx';
import { CancellationTerms, PriceLines } from '../components/PriceSummary.tsx';
import { usePortal } from '../portal-context.ts';
import { readTripSearch, type TripSearch } from '../search-params.ts';
import { PaymentStep } from './checkout/PaymentStep.tsx';
import { TravellersStep } from './checkout/TravellersStep.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';

export function CheckoutPage() {
  const [params] = useSearchParams();
  const { slug, lang } = usePortal();
  const productId = params.get('product') ?? '';
  const search = readTripSearch(params);
  const product = useProduct(slug, productId, lang);
  if (!productId || !search.from || !search.to) return <NotFoundPage home={`/portal/${slug}`} />;
  if (product.isPending) return <PageLoader />;
  if (product.error) {
    return (
      <Container size="lg" py="xl">
        <ProblemAlert error={product.error} />
      </Container>
    );
  }
  return <Checkout product={product.data} search={search} departureId={params.get('departure')} />;
}

function Checkout({
  product,
  search,
  departureId,
}: {
  product: ProductPage;
  search: TripSearch;
  departureId: string | null;
}) {
  const { t } = useTranslation();
  const days = useCalendarFormat();
  const formats = useFormat();
  const navigate = useNavigate();
  const { slug, currency } = usePortal();
  const [step, setStep] = useState(0);
  const [roomTypeId, setRoomTypeId] = useState('');
  // The route's first stop and class unless the traveller boards elsewhere.
  const [boardingPoint, setBoardingPoint] = useState(product.boarding?.stops[0]?.value ?? '');
  const [classCode, setClassCode] = useState(product.boarding?.classes[0]?.code ?? '');
  const [extras, setExtras] = useState<string[]>([]);
  const [promoInput, setPromoInput] = useState('');
  const [promoCode, setPromoCode] = useState<string | null>(null);
  const [booking, setBooking] = useState<PortalBooking | null>(null);
  const quote = useCreateQuote(slug);
  const party = { adults: search.adults, childAges: search.childAges };
  const fitting = product.roomTypes.filter(
    (room) =>
      room.maxAdults >= party.adults &&
      room.maxAdults + room.maxChildren >= party.adults + party.childAges.length,
  );

  const ask: QuoteAsk = useMemo(
    () => ({
      productId: product.id,
      ...(departureId ? { departureId } : { from: search.from as string, to: search.to as string }),
      party: { adults: search.adults, childAges: search.childAges },
      ...(roomTypeId
        ? {
            rooms: [{ roomTypeId, adults: search.adults, childAges: search.childAges }],
          }
        : {}),
      ...(extras.length ? { extras: extras.map((serviceId) => ({ serviceId })) } : {}),
      ...(promoCode ? { promoCode } : {}),
      ...(boardingPoint ? { boardingPoint } : {}),
      ...(classCode ? { classCode } : {}),
      currency,
    }),
    [
      product.id,
      departureId,
      search,
      roomTypeId,
      extras,
      promoCode,
      boardingPoint,
      classCode,
      currency,
    ],
  );
  const askKey = JSON.stringify(ask);
  const { mutate } = quote;
  // The quote a new one replaces: its places are given back as the new one holds them.
  const lastQuoteId = useRef<string | undefined>(undefined);
  lastQuoteId.current = quote.data?.id ?? lastQuoteId.current;
  // Every change of the trip prices it again (and holds the places for the new quote).
  // biome-ignore lint/correctness/useExhaustiveDependencies: askKey stands for ask
  useEffect(() => {
    mutate(lastQuoteId.current ? { ...ask, replaces: lastQuoteId.current } : ask);
  }, [askKey, mutate]);

  const current: Quote | undefined = quote.data;
  const promoProblem =
    quote.error instanceof ApiError ? fieldErrors(quote.error).promoCode : undefined;

  return (
    <Container size="lg" py="lg">
      <Anchor
        component={Link}
        to={`/portal/${slug}/products/${product.id}`}
        size="sm"
        display="inline-flex"
        style={{ alignItems: 'center', gap: 4 }}
        mb="sm"
      >
        <IconArrowLeft size={14} /> {product.name}
      </Anchor>
      <Title order={1} size="h2" mb="md">
        {t('portal.checkout.title')}
      </Title>
      <Stepper
        active={step}
        onStepClick={(next) => {
          if (!booking && next < step) setStep(next);
        }}
        allowNextStepsSelect={false}
        mb="xl"
        size="sm"
        data-testid="checkout-stepper"
      >
        <Stepper.Step label={t('portal.checkout.steps.trip')} />
        <Stepper.Step label={t('portal.checkout.steps.travellers')} />
        <Stepper.Step label={t('portal.checkout.steps.payment')} />
      </Stepper>
      <Grid gutter="xl">
        <Grid.Col span={{ base: 12, md: 7 }}>
          {step === 0 ? (
            <Stack gap="lg">
              <Card withBorder radius="lg">
                <Title order={2} size="h4" mb="sm">
                  {t('portal.checkout.room')}
                </Title>
                <Radio.Group value={roomTypeId} onChange={setRoomTypeId}>
                  <Stack gap="xs">
                    <Radio value="" label={t('portal.checkout.roomBest')} data-testid="room-best" />
                    {fitting.map((room) => (
                      <Radio
                        key={room.id}
                        value={room.id}
                        label={room.name}
                        description={
                          room.maxChildren > 0
                            ? t('portal.product.roomFor', {
                                adults: room.maxAdults,
                                children: room.maxChildren,
                              })
                            : t('portal.product.roomForAdults', { adults: room.maxAdults })
                        }
                        data-testid={`room-${room.code}`}
                      />
                    ))}
                  </Stack>
                </Radio.Group>
              </Card>
              {product.boarding && product.boarding.stops.length > 0 ? (
                <Card withBorder radius="lg" data-testid="boarding-card">
                  <Title order={2} size="h4" mb={4}>
                    {t('portal.checkout.boarding')}
                  </Title>
                  <Text size="sm" c="dimmed" mb="sm">
                    {t('portal.checkout.boardingHint')}
                  </Text>
                  <Radio.Group value={boardingPoint} onChange={setBoardingPoint}>
                    <Stack gap="xs">
                      {product.boarding.stops.map((stop) => (
                        <Radio
                          key={stop.value}
                          value={stop.value}
                          label={`${stop.name} · ${stop.time}`}
                          data-testid="boarding-stop"
                        />
                      ))}
                    </Stack>
                  </Radio.Group>
                  {product.boarding.classes.length > 1 ? (
                    <Radio.Group
                      value={classCode}
                      onChange={setClassCode}
                      label={t('portal.checkout.travelClass')}
                      mt="md"
                    >
                      <Group gap="md">
                        {product.boarding.classes.map((c) => (
                          <Radio key={c.code} value={c.code} label={c.name} />
                        ))}
                      </Group>
                    </Radio.Group>
                  ) : null}
                </Card>
              ) : null}
              {product.extras.length > 0 ? (
                <Card withBorder radius="lg">
                  <Title order={2} size="h4" mb="sm">
                    {t('portal.product.extras')}
                  </Title>
                  <Checkbox.Group value={extras} onChange={setExtras}>
                    <Stack gap="xs">
                      {product.extras.map((extra) => (
                        <Checkbox
                          key={extra.id}
                          value={extra.id}
                          label={extra.name}
                          description={extra.description || undefined}
                          data-testid="extra-option"
                        />
                      ))}
                    </Stack>
                  </Checkbox.Group>
                </Card>
              ) : null}
              <Card withBorder radius="lg">
                <form
                  onSubmit={(event) => {
                    event.preventDefault();
                    setPromoCode(promoInput.trim() || null);
                  }}
                >
                  <Group align="flex-end" gap="xs">
                    <TextInput
                      label={t('portal.checkout.promo')}
                      value={promoInput}
                      onChange={(event) => setPromoInput(event.currentTarget.value)}
                      error={promoProblem}
                      style={{ flex: 1 }}
                      data-testid="promo-code"
                    />
                    <Button type="submit" variant="light">
                      {t('portal.checkout.apply')}
                    </Button>
                  </Group>
                </form>
              </Card>
              <Group justify="flex-end">
                <Button
                  size="md"
                  disabled={!current || quote.isPending}
                  onClick={() => setStep(1)}
                  data-testid="checkout-continue"
                >
                  {t('portal.checkout.continue')}
                </Button>
              </Group>
            </Stack>
          ) : step === 1 && current ? (
            <TravellersStep
              quote={current}
              onBack={() => setStep(0)}
              onBooked={(made) => {
                setBooking(made);
                setStep(2);
              }}
            />
          ) : booking ? (
            <PaymentStep
              booking={booking}
              onDone={() => void navigate(`/portal/${slug}/bookings/${booking.id}/confirmation`)}
            />
          ) : null}
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Card
            withBorder
            radius="lg"
            shadow="sm"
            padding="lg"
            style={{ position: 'sticky', top: 80 }}
            data-testid="checkout-summary"
          >
            <Stack gap="sm">
              <Title order={2} size="h4">
                {product.name}
              </Title>
              <Text size="sm" c="dimmed">
                {product.accommodation.name} · {product.accommodation.city}
              </Text>
              <Group gap="xs">
                <Badge variant="light">
                  {days.weekday(search.from as string)} – {days.weekday(search.to as string)}
                </Badge>
                <Badge variant="light" color="gray">
                  {t('portal.search.partySummary', {
                    adults: party.adults,
                    children: party.childAges.length,
                  })}
                </Badge>
              </Group>
              {quote.error && !promoProblem ? (
                <ProblemAlert error={quote.error} testId="quote-error" />
              ) : !current ? (
                <Stack gap={6}>
                  <Skeleton h={16} />
                  <Skeleton h={16} />
                  <Skeleton h={28} mt="sm" />
                </Stack>
              ) : (
                <Stack gap="sm" style={{ opacity: quote.isPending ? 0.5 : 1 }}>
                  <PriceLines
                    lines={booking ? booking.lines : current.lines}
                    total={booking ? booking.total : current.total}
                    currency={current.currency}
                  />
                  <Text size="sm" fw={600} mt="xs">
                    {t('portal.checkout.cancellation')}
                  </Text>
                  <CancellationTerms
                    policy={current.cancellationPolicy}
                    currency={current.currency}
                  />
                  {current.onRequest ? (
                    <Alert color="yellow" variant="light" py="xs">
                      {t('portal.checkout.onRequest')}
                    </Alert>
                  ) : null}
                  {!booking ? (
                    <Group gap={6} c="dimmed" wrap="nowrap">
                      <IconClockHour4 size={16} aria-hidden />
                      <Text size="xs" data-testid="hold-until">
                        {t('portal.checkout.holdUntil', { time: formats.time(current.expiresAt) })}
                      </Text>
                    </Group>
                  ) : (
                    <Group gap={6} wrap="nowrap">
                      <IconMail size={16} aria-hidden />
                      <Text size="xs">{booking.email}</Text>
                    </Group>
                  )}
                </Stack>
              )}
            </Stack>
          </Card>
        </Grid.Col>
      </Grid>
    </Container>
  );
}
