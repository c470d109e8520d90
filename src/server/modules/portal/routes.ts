// HTTP for the customer portal, under /api/v1/portal/{agency} (the agency's slug): public
// routes acting for the agency on the web channel — shop front, search, product pages and
// calendars, quotes, booking (idempotent), sign-in links — and the signed-in customer's own
// bookings. Amounts are integers in minor units; texts come in the language asked (`lang`).
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/connect.ts';
import { sessionCookie } from '../../http/auth.ts';
import { idempotencyClaim, runIdempotent, sendIdempotent } from '../../http/idempotency.ts';
import { errorResponses, nullable, Uuid } from '../../http/schemas.ts';
import { TravellerSchema } from '../bookings/routes.ts';
import { CalendarDateSchema, CurrencyCodeSchema } from '../catalog/common.ts';
import { customerLocales } from '../customers/types.ts';
import { myBooking, myBookings, portalAccount, saveTravellers } from './account.ts';
import { bookOnPortal, portalQuote, quoteOnPortal } from './checkout.ts';
import { portalHoldLimits as limits } from './holds.ts';
import {
  AgencyIdParams,
  AgencyParams,
  BookingBody,
  ChildAges,
  Lang,
  LangQuery,
  Open,
  PortalBookingSchema,
  QuoteBody,
  QuoteView,
} from './schemas.ts';
import { redeemSignInLink, sendSignInLink } from './sign-in-links.ts';
import { productCalendar, productPage, searchPortal, storefront } from './storefront.ts';
import { portalCaller } from './visitor.ts';

const tags = ['portal'];
export async function portalRoutes(
  base: FastifyInstance,
  { database, config }: { database: Database; config: Config },
) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const callerOf = (request: FastifyRequest, slug: string) =>
    portalCaller(database.db, slug, request.auth, request.id, request.ip);
  const sessionRequest = (request: FastifyRequest) => ({
    ip: request.ip,
    userAgent: request.headers['user-agent'] ?? null,
    sessionTtlHours: config.sessionTtlHours,
  });
  const setSession = (reply: FastifyReply, session: { sessionToken: string; expiresAt: Date }) =>
    reply.setCookie(sessionCookie, session.sessionToken, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: config.secureCookies,
      expires: session.expiresAt,
    });

  app.get(
    '/api/v1/portal/:agency',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The shop front: agency name, currencies it sells in, destinations',
        params: AgencyParams,
        response: {
          200: Open({
            name: Type.String(),
            slug: Type.String(),
            defaultLocale: Type.String(),
            baseCurrency: Type.String(),
            currencies: Type.Array(Type.String()),
            destinations: Type.Array(Type.Object({ city: Type.String(), country: Type.String() })),
          }),
          ...errorResponses(400, 404),
        },
      },
    },
    async (request) => {
      const caller = await callerOf(request, request.params.agency);
      return storefront(caller.ctx, caller.agency);
    },
  );

  app.get(
    '/api/v1/portal/:agency/offers',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Priced, available stays and tours for dates and a party, cheapest first',
        params: AgencyParams,
        querystring: Type.Object({
          destination: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
          from: CalendarDateSchema,
          to: CalendarDateSchema,
          adults: Type.Integer({ minimum: 1, maximum: 20 }),
          childAges: ChildAges,
          currency: Type.Optional(CurrencyCodeSchema),
          lang: Lang,
        }),
        response: {
          200: Type.Object({ currency: Type.String(), items: Type.Array(Open({})) }),
          ...errorResponses(400, 404),
        },
      },
    },
    async (request) => {
      const caller = await callerOf(request, request.params.agency);
      const { lang, ...query } = request.query;
      return searchPortal(caller.ctx, caller.agency, {
        ...query,
        locale: lang ?? caller.agency.defaultLocale,
      });
    },
  );

  app.get(
    '/api/v1/portal/:agency/products/:id',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: "A product's page: texts in the visitor's language, photos, rooms, extras",
        params: AgencyIdParams,
        querystring: LangQuery,
        response: { 200: Open({ id: Uuid, name: Type.String() }), ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      const caller = await callerOf(request, request.params.agency);
      return productPage(
        caller.ctx,
        request.params.id,
        request.query.lang ?? caller.agency.defaultLocale,
      );
    },
  );

  app.get(
    '/api/v1/portal/:agency/products/:id/calendar',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'A month of bookable arrival days or departures with "from" prices',
        params: AgencyIdParams,
        querystring: Type.Object({
          month: Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM' }),
          adults: Type.Integer({ minimum: 1, maximum: 20 }),
          childAges: ChildAges,
          nights: Type.Optional(Type.Integer({ minimum: 1, maximum: 60 })),
          currency: Type.Optional(CurrencyCodeSchema),
        }),
        response: {
          200: Type.Object({
            month: Type.String(),
            currency: Type.String(),
            days: Type.Array(
              Type.Object({
                date: CalendarDateSchema,
                nights: Type.Integer(),
                departureId: nullable(Uuid),
                bookable: Type.Boolean(),
                price: nullable(Type.Integer({ description: 'Total for the party, minor units' })),
              }),
            ),
          }),
          ...errorResponses(400, 404),
        },
      },
    },
    async (request) => {
      const caller = await callerOf(request, request.params.agency);
      const { childAges, ...query } = request.query;
      return productCalendar(caller.ctx, caller.agency, request.params.id, {
        ...query,
        childAges: (childAges ?? [])
          .flatMap((a) => a.split(','))
          .filter(Boolean)
          .map(Number),
      });
    },
  );

  app.post(
    '/api/v1/portal/:agency/quotes',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Prices a trip for the web and holds its places until the quote expires',
        description: `An anonymous visitor's quote holds for ${limits.visitorMinutes} minutes, a signed-in customer's for ${limits.customerMinutes}. One visitor (a signed-in customer, or else a client address) holds at most ${limits.liveHolds} quotes and ${limits.heldUnits} units at once, and one address makes at most ${limits.quotesPerWindow} quotes in ${limits.windowMinutes} minutes: beyond that, 429 with Retry-After.`,
        params: AgencyParams,
        body: QuoteBody,
        response: { 201: QuoteView, ...errorResponses(400, 404, 409, 429) },
      },
    },
    async (request, reply) => {
      const caller = await callerOf(request, request.params.agency);
      return reply.code(201).send(await quoteOnPortal(caller, request.body));
    },
  );

  app.get(
    '/api/v1/portal/:agency/quotes/:id',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'A quote the caller made, as it was priced',
        params: AgencyIdParams,
        response: { 200: QuoteView, ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      const caller = await callerOf(request, request.params.agency);
      return portalQuote(caller, request.params.id);
    },
  );

  app.post(
    '/api/v1/portal/:agency/bookings',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'Books a quote on the web (status web_reservation); a visitor gets a customer account and is signed in',
        params: AgencyParams,
        body: BookingBody,
        response: { 201: PortalBookingSchema, ...errorResponses(400, 404, 409) },
      },
    },
    async (request, reply) => {
      const caller = await callerOf(request, request.params.agency);
      let opened: { sessionToken: string; expiresAt: Date } | null = null;
      const result = await runIdempotent(caller.ctx, idempotencyClaim(request), async (tx) => {
        const made = await bookOnPortal(
          { ...caller, ctx: tx },
          request.body,
          sessionRequest(request),
        );
        opened = made.session;
        return { statusCode: 201, body: made.booking };
      });
      if (opened) setSession(reply, opened);
      return sendIdempotent(reply, result);
    },
  );

  app.post(
    '/api/v1/portal/:agency/magic-link',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'E-mails a single-use sign-in link (30 minutes) to a customer account; 202 whether or not the e-mail has one',
        params: AgencyParams,
        body: Type.Object(
          {
            email: Type.String({ format: 'email', maxLength: 254 }),
            locale: Type.Optional(Type.Enum([...customerLocales])),
            next: Type.Optional(Type.String({ maxLength: 500 })),
          },
          { additionalProperties: false },
        ),
        response: { 202: Type.Object({ sent: Type.Literal(true) }), ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const caller = await callerOf(request, request.params.agency);
      await sendSignInLink(caller, request.body, config.publicUrl);
      return reply.code(202).send({ sent: true });
    },
  );

  app.post(
    '/api/v1/portal/:agency/magic-link/redeem',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Signs in with the token of a sign-in link (once); sets the session cookie',
        params: AgencyParams,
        body: Type.Object(
          { token: Type.String({ minLength: 10, maxLength: 200 }) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            user: Type.Object({ name: Type.String(), email: Type.String(), locale: Type.String() }),
          }),
          ...errorResponses(400, 404),
        },
      },
    },
    async (request, reply) => {
      const caller = await callerOf(request, request.params.agency);
      const { user, session } = await redeemSignInLink(
        caller,
        request.body.token,
        sessionRequest(request),
      );
      setSession(reply, session);
      return { user };
    },
  );

  app.get(
    '/api/v1/portal/:agency/account',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Who is signed in to this portal (a customer), or signedIn false',
        params: AgencyParams,
        response: {
          200: Type.Object({
            signedIn: Type.Boolean(),
            user: nullable(
              Type.Object({ name: Type.String(), email: Type.String(), locale: Type.String() }),
            ),
          }),
          ...errorResponses(400, 404),
        },
      },
    },
    async (request) => portalAccount(await callerOf(request, request.params.agency)),
  );

  app.get(
    '/api/v1/portal/:agency/bookings',
    {
      config: { access: ['customer'] },
      schema: {
        tags,
        summary: "The signed-in customer's bookings, newest first (signed-in customers)",
        params: AgencyParams,
        querystring: LangQuery,
        response: {
          200: Type.Object({ items: Type.Array(PortalBookingSchema) }),
          ...errorResponses(400, 401, 404),
        },
      },
    },
    async (request) => {
      const caller = await callerOf(request, request.params.agency);
      return myBookings(caller, request.query.lang ?? caller.agency.defaultLocale);
    },
  );

  app.get(
    '/api/v1/portal/:agency/bookings/:id',
    {
      config: { access: ['customer'] },
      schema: {
        tags,
        summary: "One of the signed-in customer's bookings",
        params: AgencyIdParams,
        querystring: LangQuery,
        response: { 200: PortalBookingSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const caller = await callerOf(request, request.params.agency);
      return myBooking(
        caller,
        request.params.id,
        request.query.lang ?? caller.agency.defaultLocale,
      );
    },
  );

  app.put(
    '/api/v1/portal/:agency/bookings/:id/travellers',
    {
      config: { access: ['customer'] },
      schema: {
        tags,
        summary:
          "The customer enters the travellers' details; the required actions they complete (traveller_details; documents once every traveller has one) are marked done",
        params: AgencyIdParams,
        querystring: LangQuery,
        body: Type.Object(
          { travellers: Type.Array(TravellerSchema, { minItems: 1, maxItems: 40 }) },
          { additionalProperties: false },
        ),
        response: { 200: PortalBookingSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const caller = await callerOf(request, request.params.agency);
      return saveTravellers(
        caller,
        request.params.id,
        request.body.travellers,
        request.query.lang ?? caller.agency.defaultLocale,
      );
    },
  );
}
