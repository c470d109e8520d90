// What a visitor browses before booking (B1): the agency's shop front (currencies, where it
// sells), priced search results, a product's page in the visitor's language, and a month of
// bookable arrival days or departures with "from" prices. Everything is priced for the web
// channel by the same engine as any quote, and nothing is held: the quote does that.
import { addDays, type CalendarDate, daysBetween, todayUtc } from '../../calendar.ts';
import type { Ctx } from '../../context.ts';
import type { LocalizedText } from '../../db/schema.ts';
import { DomainError, Invalid, NotFound } from '../../errors.ts';
import { inLanguage } from '../bookings/required-actions.ts';
import { getAccommodation } from '../catalog/accommodations-service.ts';
import { boardingChoices } from '../catalog/boarding-choices.ts';
import { listExtraServices } from '../catalog/extra-services-service.ts';
import { getTour } from '../catalog/tours-service.ts';
import { tourCalendar } from '../inventory/tour-calendar.ts';
import { offerForBooking } from '../offers/service.ts';
import { searchOffers } from '../pricing/offers-service.ts';
import { priceAsk, SharedReads } from '../pricing/quotes-service.ts';
import { destinations, pricedProductIds, sellingCurrencies } from './repo.ts';
import type { PortalAgency } from './visitor.ts';

const text = (value: LocalizedText | null | undefined, locale: string) =>
  inLanguage((value ?? {}) as Record<string, string | undefined>, locale);

/** The shop front: the agency's name, languages, currencies and destinations. */
export async function storefront(ctx: Ctx, agency: PortalAgency) {
  const [currencies, places] = await Promise.all([
    sellingCurrencies(ctx, agency.baseCurrency),
    destinations(ctx),
  ]);
  return {
    name: agency.name,
    slug: agency.slug,
    defaultLocale: agency.defaultLocale,
    baseCurrency: agency.baseCurrency,
    currencies,
    destinations: places.map((p) => ({ city: p.city, country: p.country.trim() })),
  };
}

/** A currency the agency sells in, or 400 naming the field. */
export async function checkCurrency(
  ctx: Ctx,
  agency: PortalAgency,
  currency: string | undefined,
): Promise<string> {
  if (!currency) return agency.baseCurrency;
  const currencies = await sellingCurrencies(ctx, agency.baseCurrency);
  if (!currencies.includes(currency)) {
    throw Invalid.field('/currency', `is not sold here; choose one of ${currencies.join(', ')}`);
  }
  return currency;
}

interface ProductSummary {
  name: string;
  description: string;
  photo: string | null;
  boardType: string | null;
  mode: 'fixed_departures' | 'by_days';
  roomNames: Map<string, string>;
}

async function productSummary(ctx: Ctx, tourId: string, locale: string): Promise<ProductSummary> {
  const tour = await getTour(ctx, tourId);
  const accommodation = await getAccommodation(ctx, tour.accommodationId);
  return {
    name: text(tour.name, locale),
    description: text(tour.description, locale) || text(accommodation.description, locale),
    photo: tour.photos[0] ?? accommodation.photos[0] ?? null,
    boardType: tour.boardType,
    mode: tour.mode,
    roomNames: new Map(accommodation.roomTypes.map((r) => [r.id, text(r.name, locale)])),
  };
}

export interface PortalSearch {
  destination?: string;
  from: CalendarDate;
  to: CalendarDate;
  adults: number;
  childAges?: string[];
  currency?: string;
  locale: string;
}

/** Priced, available stays and tours for the dates and party, cheapest first. */
export async function searchPortal(
  ctx: Ctx,
  agency: PortalAgency,
  query: PortalSearch,
  now: Date = new Date(),
) {
  const currency = await checkCurrency(ctx, agency, query.currency);
  const { items } = await searchOffers(
    ctx,
    {
      destination: query.destination,
      from: query.from,
      to: query.to,
      adults: query.adults,
      childAges: query.childAges,
      currency,
      channel: 'web',
    },
    now,
  );
  // The portal sells tours and stays; attraction tickets are sold with them, not alone.
  const trips = items.filter((offer) => offer.kind !== 'tickets');
  const summaries = new Map<string, ProductSummary>();
  for (const offer of trips) {
    if (!summaries.has(offer.productId)) {
      summaries.set(offer.productId, await productSummary(ctx, offer.productId, query.locale));
    }
  }
  return {
    currency,
    items: trips.map((offer) => {
      const summary = summaries.get(offer.productId) as ProductSummary;
      return {
        kind: offer.kind,
        productId: offer.productId,
        departureId: offer.departureId,
        name: summary.name,
        description: summary.description,
        photo: summary.photo,
        boardType: summary.boardType,
        place: offer.place,
        from: offer.from,
        to: offer.to,
        nights: offer.nights ?? daysBetween(offer.from, offer.to),
        rooms: offer.rooms.map((room) => ({
          ...room,
          name: summary.roomNames.get(room.roomTypeId) ?? '',
        })),
        currency: offer.currency,
        total: offer.total,
        perPerson: offer.perPerson,
        nonRefundable: offer.nonRefundable,
        // "Free cancellation up to 30 days before" says nothing true of a trip in 21 days.
        freeCancellationDaysBefore:
          offer.freeCancellationDaysBefore !== null &&
          daysBetween(todayUtc(now), offer.from) >= offer.freeCancellationDaysBefore
            ? offer.freeCancellationDaysBefore
            : null,
      };
    }),
  };
}

/** A product's page: texts in the visitor's language, photos, rooms, extras, the stay rules. */
export async function productPage(ctx: Ctx, productId: string, locale: string) {
  const tour = await getTour(ctx, productId).catch((error: unknown) => {
    throw error instanceof NotFound ? new NotFound('product', productId) : error;
  });
  if (tour.archived) throw new NotFound('product', productId);
  const accommodation = await getAccommodation(ctx, tour.accommodationId);
  const services = await listExtraServices(ctx, { limit: 100, country: accommodation.country });
  const local = services.items.filter(
    (s) => s.city === null || s.city.toLowerCase() === accommodation.city.toLowerCase(),
  );
  const priced = await pricedProductIds(
    ctx,
    local.map((s) => s.id),
  );
  const offer = await offerForBooking(ctx, { productId, channel: 'web' });
  const boarding = await boardingChoices(ctx, [tour.transportId]);
  return {
    id: tour.id,
    code: tour.code,
    name: text(tour.name, locale),
    description: text(tour.description, locale),
    mode: tour.mode,
    boardType: tour.boardType,
    boarding: tour.transportId ? (boarding.get(tour.transportId) ?? null) : null,
    photos: [...tour.photos, ...accommodation.photos],
    accommodation: {
      name: accommodation.name,
      city: accommodation.city,
      country: accommodation.country.trim(),
      stars: accommodation.stars,
      description: text(accommodation.description, locale),
      boardTypes: accommodation.boardTypes,
    },
    seasons: tour.seasons.map((s) => ({
      from: s.startDate,
      to: s.endDate,
      minStay: s.minStay,
      maxStay: s.maxStay,
      arrivalWeekdays: s.arrivalWeekdays,
    })),
    departures: tour.departures
      .filter((d) => d.status === 'open')
      .map((d) => ({ id: d.id, date: d.startDate, nights: d.nights })),
    roomTypes: accommodation.roomTypes
      .filter((r) => !r.archived)
      .map((r) => ({
        id: r.id,
        code: r.code,
        name: text(r.name, locale),
        maxAdults: r.maxAdults,
        maxChildren: r.maxChildren,
        beds: r.standardBeds + r.extraBeds,
      })),
    extras: local
      .filter((s) => priced.has(s.id))
      .map((s) => ({
        id: s.id,
        kind: s.kind,
        name: text(s.name, locale),
        description: text(s.description, locale),
        unit: s.unit,
      })),
    requiredActions: (offer?.requiredActions ?? []).map((a) => ({
      code: a.code,
      kind: a.kind,
      title: text(a.title, locale),
      dueDaysBeforeDeparture: a.dueDaysBeforeDeparture,
    })),
  };
}

export interface CalendarQuery {
  month: string;
  adults: number;
  childAges: number[];
  nights?: number;
  currency?: string;
}

/**
 * A month of a product's bookable days for the party: each arrival day (stays by days, for
 * `nights` or the season's minimum) or departure, with the total "from" price on the web.
 */
export async function productCalendar(
  ctx: Ctx,
  agency: PortalAgency,
  productId: string,
  query: CalendarQuery,
  now: Date = new Date(),
) {
  const currency = await checkCurrency(ctx, agency, query.currency);
  const first = `${query.month}-01`;
  const last = addDays(addDays(first, 31).slice(0, 8).concat('01'), -1);
  const party = { adults: query.adults, childAges: query.childAges };
  const entries = await tourCalendar(ctx, productId, { from: first, to: last, ...party }, now);
  const reads = new SharedReads();
  const days = [];
  for (const entry of entries) {
    const nights = entry.departureId ? entry.nights : (query.nights ?? entry.nights);
    let price: number | null = null;
    if (entry.sellable) {
      try {
        const { quote } = await priceAsk(
          ctx,
          {
            productId,
            ...(entry.departureId
              ? { departureId: entry.departureId }
              : { from: entry.date, to: addDays(entry.date, nights) }),
            party,
            channel: 'web',
            currency,
          },
          now,
          reads,
        );
        price = quote.total;
      } catch (error) {
        // Not priced for this day or length of stay: not bookable on the web.
        if (!(error instanceof DomainError)) throw error;
      }
    }
    days.push({
      date: entry.date,
      nights,
      departureId: entry.departureId,
      bookable: price !== null,
      price,
    });
  }
  return { month: query.month, currency, days };
}
