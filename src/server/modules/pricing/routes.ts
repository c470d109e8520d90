// HTTP for pricing: exchange rates here; price lists, rules, promo codes and channel fees
// in their own route files, registered from here.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { todayUtc } from '../../calendar.ts';
import type { Database } from '../../db/connect.ts';
import { Invalid } from '../../errors.ts';
import { contextOf } from '../../http/auth.ts';
import { errorResponses } from '../../http/schemas.ts';
import { CalendarDateSchema, CurrencyCodeSchema } from '../catalog/common.ts';
import { staffRoles } from '../identity/roles.ts';
import { channelFeeRoutes } from './channel-fee-routes.ts';
import { convert, isCurrency, money } from './money.ts';
import { priceListRoutes } from './price-list-routes.ts';
import { priceRuleRoutes } from './price-rule-routes.ts';
import { promoCodeRoutes } from './promo-code-routes.ts';
import { rateOn, ratesOn, setManualRate } from './rates.ts';

export interface PricingDeps {
  database: Database;
}

const RateSchema = Type.Object({
  source: Type.String({ description: 'ECB, manual, …' }),
  date: CalendarDateSchema,
  base: Type.String(),
  quote: Type.String(),
  rate: Type.String({ description: 'Units of quote per one unit of base, as an exact decimal' }),
});
const MoneySchema = Type.Object({ amount: Type.Integer(), currency: Type.String() });

function currency(path: string, code: string): string {
  if (!isCurrency(code)) throw Invalid.field(path, 'is not an ISO 4217 currency code');
  return code;
}

export async function pricingRoutes(base: FastifyInstance, { database }: PricingDeps) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  await priceListRoutes(base, { database });
  await priceRuleRoutes(base, { database });
  await promoCodeRoutes(base, { database });
  await channelFeeRoutes(base, { database });

  app.get(
    '/api/v1/exchange-rates',
    {
      config: { access: staffRoles },
      schema: {
        tags: ['pricing'],
        summary: 'The rates of the latest day on or before `date` (default today), per 1 `base`',
        querystring: Type.Object({
          date: Type.Optional(CalendarDateSchema),
          base: Type.Optional(CurrencyCodeSchema),
        }),
        response: {
          200: Type.Object({ items: Type.Array(RateSchema) }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      const base = currency('/base', request.query.base ?? 'EUR');
      const date = request.query.date ?? todayUtc();
      return { items: await ratesOn(contextOf(request, database), date, base) };
    },
  );

  app.put(
    '/api/v1/exchange-rates',
    {
      config: { access: ['admin', 'accountant'] },
      schema: {
        tags: ['pricing'],
        summary: "Set the agency's own rate for a day (source `manual`)",
        body: Type.Object(
          {
            date: CalendarDateSchema,
            base: CurrencyCodeSchema,
            quote: CurrencyCodeSchema,
            rate: Type.String({
              pattern: '^[0-9]{1,10}(\\.[0-9]{1,10})?$',
              description: 'A positive decimal, e.g. "25.305"',
            }),
          },
          { additionalProperties: false },
        ),
        response: { 200: RateSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const { base, quote, rate } = request.body;
      currency('/base', base);
      currency('/quote', quote);
      if (base === quote) throw Invalid.field('/quote', 'must differ from base');
      if (Number(rate) <= 0) throw Invalid.field('/rate', 'must be positive');
      return setManualRate(contextOf(request, database), request.body);
    },
  );

  app.get(
    '/api/v1/exchange-rates/convert',
    {
      config: { access: staffRoles },
      schema: {
        tags: ['pricing'],
        summary: 'Convert an amount (minor units) at the rate of a day, showing the rate used',
        querystring: Type.Object({
          amount: Type.Integer({ minimum: -1e12, maximum: 1e12 }),
          from: CurrencyCodeSchema,
          to: CurrencyCodeSchema,
          date: Type.Optional(CalendarDateSchema),
        }),
        response: {
          200: Type.Object({ from: MoneySchema, to: MoneySchema, rate: RateSchema }),
          ...errorResponses(400, 401, 403, 409),
        },
      },
    },
    async (request) => {
      const { amount, date } = request.query;
      const from = currency('/from', request.query.from);
      const to = currency('/to', request.query.to);
      const applied = await rateOn(contextOf(request, database), from, to, date ?? todayUtc());
      return {
        from: money(amount, from),
        to: convert(money(amount, from), to, applied.rate),
        rate: {
          source: applied.source,
          date: applied.date,
          base: from,
          quote: to,
          rate: applied.rate,
        },
      };
    },
  );
}
