// HTTP for discount and surcharge rules: early booking, last minute, promo code rules,
// packages, buy-one-get-one, non-refundable rates and minimum advance.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { contextOf } from '../../http/auth.ts';
import { Page } from '../../http/pagination.ts';
import { errorResponses, IdParams, nullable, Uuid } from '../../http/schemas.ts';
import { registerArchiveRoutes } from '../catalog/archive-routes.ts';
import {
  CalendarDateSchema,
  CurrencyCodeSchema,
  catalogEditors,
  LifecycleSchema,
} from '../catalog/common.ts';
import { priceReaders } from './price-list-routes.ts';
import { listQuery, minorAmount, NameSchema, PercentSchema } from './price-list-schemas.ts';
import * as rules from './price-rules-service.ts';
import type { PricingDeps } from './routes.ts';

const RuleKindSchema = Type.Enum(
  [
    'early_booking',
    'last_minute',
    'promo_code',
    'discount',
    'surcharge',
    'package',
    'bogo',
    'non_refundable',
    'min_advance',
  ],
  { description: 'What the rule does; fixed once the rule exists' },
);
const Days = Type.Integer({ minimum: 0, maximum: 3650 });
const Ids = (description: string) => Type.Array(Uuid, { maxItems: 500, description });

const rule = {
  name: NameSchema,
  productIds: Ids(
    'Products the rule applies to; empty for every product: every line of a quote, its transport legs and extras included (a package without products is the quoted product’s)',
  ),
  bookedFrom: nullable(CalendarDateSchema, { description: 'Bookings made from this date' }),
  bookedTo: nullable(CalendarDateSchema, { description: 'Bookings made until this date' }),
  travelFrom: nullable(CalendarDateSchema, { description: 'Travel starting from this date' }),
  travelTo: nullable(CalendarDateSchema, { description: 'Travel starting until this date' }),
  minDaysBefore: nullable(Days, { description: 'Booked at least this many days ahead' }),
  maxDaysBefore: nullable(Days, { description: 'Booked at most this many days ahead' }),
  percent: nullable(PercentSchema, {
    description: 'Percentage of the price (above 0; the kind says whether it lowers or raises it)',
  }),
  amount: nullable(minorAmount('An amount per person or booking in `currency`')),
  amountPer: nullable(Type.Enum(['person', 'booking'])),
  currency: nullable(CurrencyCodeSchema),
  bundleServiceIds: Ids('Packages: the extra services bundled'),
  bundleTransport: Type.Boolean({ description: 'Packages: transport is bundled too' }),
  buy: nullable(Type.Integer({ minimum: 1, maximum: 100 }), {
    description:
      'bogo: buy this many… Every full set of buy + get paying travellers earns `get` free, and the free ones are the cheapest of the whole party (a child’s ticket before an adult’s); `percent` off them, 100 without it',
  }),
  get: nullable(Type.Integer({ minimum: 1, maximum: 100 }), {
    description: '…get this many free (the cheapest)',
  }),
  priority: Type.Integer({
    minimum: -1000,
    maximum: 1000,
    description: 'Of the non-stackable rules that apply, only the highest priority is used',
  }),
  stackable: Type.Boolean({ description: 'true: applies together with other rules' }),
};
const optionalRule = Object.fromEntries(
  Object.entries(rule).map(([key, schema]) => [key, Type.Optional(schema)]),
) as { [K in keyof typeof rule]: ReturnType<typeof Type.Optional<(typeof rule)[K]>> };

const RuleSchema = Type.Object(
  {
    id: Uuid,
    kind: RuleKindSchema,
    ...rule,
    productIds: Type.Array(Uuid),
    bundleServiceIds: Type.Array(Uuid),
    ...LifecycleSchema,
  },
  { $id: 'PriceRule' },
);

export async function priceRuleRoutes(base: FastifyInstance, { database }: PricingDeps) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  app.addSchema(RuleSchema);
  const ruleRef = Type.Ref('PriceRule');
  const read = { access: priceReaders };
  const write = { access: catalogEditors };

  const ruleTags = ['price rules'];
  app.get(
    '/api/v1/price-rules',
    {
      config: read,
      schema: {
        tags: ruleTags,
        summary: 'List discount and surcharge rules, newest first',
        querystring: listQuery({
          kind: Type.Optional(RuleKindSchema),
          productId: Type.Optional({ ...Uuid, description: 'Rules naming this product' }),
        }),
        response: { 200: Page(ruleRef), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => rules.listPriceRules(contextOf(request, database), request.query),
  );
  app.get(
    '/api/v1/price-rules/:id',
    {
      config: read,
      schema: {
        tags: ruleTags,
        summary: 'One rule',
        params: IdParams,
        response: { 200: ruleRef, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => rules.getPriceRule(contextOf(request, database), request.params.id),
  );
  app.post(
    '/api/v1/price-rules',
    {
      config: write,
      schema: {
        tags: ruleTags,
        summary: 'Create a rule: early booking, last minute, promo code, package, bogo, …',
        body: Type.Object(
          { ...optionalRule, name: rule.name, kind: RuleKindSchema },
          { additionalProperties: false },
        ),
        response: { 201: ruleRef, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await rules.createPriceRule(contextOf(request, database), request.body)),
  );
  app.patch(
    '/api/v1/price-rules/:id',
    {
      config: write,
      schema: {
        tags: ruleTags,
        summary: 'Change a rule (not its kind); the rule as changed must still be valid',
        params: IdParams,
        body: Type.Object(optionalRule, { additionalProperties: false }),
        response: { 200: ruleRef, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      rules.updatePriceRule(contextOf(request, database), request.params.id, request.body),
  );
  registerArchiveRoutes(app, {
    database,
    path: '/api/v1/price-rules/:id',
    tag: 'price rules',
    response: ruleRef,
    archiveSummary: 'Archive a rule: quotes no longer use it',
    restoreSummary: 'Restore an archived rule',
    setArchived: rules.setPriceRuleArchived,
  });
}
