// HTTP for promo codes: the codes customers type to get a `promo_code` rule, addressed by
// the code itself (in any case), archived and restored by id.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { contextOf } from '../../http/auth.ts';
import { Page } from '../../http/pagination.ts';
import { errorResponses, nullable, Uuid } from '../../http/schemas.ts';
import { registerArchiveRoutes } from '../catalog/archive-routes.ts';
import { CalendarDateSchema, catalogEditors, LifecycleSchema } from '../catalog/common.ts';
import { priceReaders } from './price-list-routes.ts';
import { listQuery } from './price-list-schemas.ts';
import * as promos from './promo-codes-service.ts';
import type { PricingDeps } from './routes.ts';

const PromoCodeText = Type.String({
  pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$',
  description: 'Letters, digits, - and _; stored upper-case, matched in any case',
});
const promo = {
  ruleId: { ...Uuid, description: 'A promo_code rule' },
  validFrom: nullable(CalendarDateSchema, { description: 'Bookings made from this date' }),
  validTo: nullable(CalendarDateSchema, { description: 'Bookings made until this date' }),
  maxUses: nullable(Type.Integer({ minimum: 1, maximum: 1_000_000_000 }), {
    description: 'How many bookings may use the code; null for no limit',
  }),
};
const PromoCodeSchema = Type.Object(
  {
    id: Uuid,
    code: Type.String(),
    ...promo,
    used: Type.Integer({ description: 'Bookings that used the code' }),
    ...LifecycleSchema,
  },
  { $id: 'PromoCode' },
);

export async function promoCodeRoutes(base: FastifyInstance, { database }: PricingDeps) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  app.addSchema(PromoCodeSchema);
  const promoRef = Type.Ref('PromoCode');
  const read = { access: priceReaders };
  const write = { access: catalogEditors };

  const promoTags = ['promo codes'];
  const CodeParams = Type.Object({ code: PromoCodeText });
  app.get(
    '/api/v1/promo-codes',
    {
      config: read,
      schema: {
        tags: promoTags,
        summary: 'List promo codes, newest first',
        querystring: listQuery({ ruleId: Type.Optional(Uuid) }),
        response: { 200: Page(promoRef), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => promos.listPromoCodes(contextOf(request, database), request.query),
  );
  app.get(
    '/api/v1/promo-codes/:code',
    {
      config: read,
      schema: {
        tags: promoTags,
        summary: 'One promo code, in any case',
        params: CodeParams,
        response: { 200: promoRef, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => promos.getPromoCode(contextOf(request, database), request.params.code),
  );
  app.post(
    '/api/v1/promo-codes',
    {
      config: write,
      schema: {
        tags: promoTags,
        summary: 'Create a promo code for a promo_code rule',
        body: Type.Object(
          {
            code: PromoCodeText,
            ruleId: promo.ruleId,
            validFrom: Type.Optional(promo.validFrom),
            validTo: Type.Optional(promo.validTo),
            maxUses: Type.Optional(promo.maxUses),
          },
          { additionalProperties: false },
        ),
        response: { 201: promoRef, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await promos.createPromoCode(contextOf(request, database), request.body)),
  );
  app.patch(
    '/api/v1/promo-codes/:code',
    {
      config: write,
      schema: {
        tags: promoTags,
        summary: "Change a code's rule, validity or number of uses",
        params: CodeParams,
        body: Type.Object(
          {
            ruleId: Type.Optional(promo.ruleId),
            validFrom: Type.Optional(promo.validFrom),
            validTo: Type.Optional(promo.validTo),
            maxUses: Type.Optional(promo.maxUses),
          },
          { additionalProperties: false },
        ),
        response: { 200: promoRef, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      promos.updatePromoCode(contextOf(request, database), request.params.code, request.body),
  );
  registerArchiveRoutes(app, {
    database,
    path: '/api/v1/promo-codes/:id',
    tag: 'promo codes',
    response: promoRef,
    archiveSummary: 'Archive a promo code (by id): it is no longer accepted',
    restoreSummary: 'Restore an archived promo code (by id)',
    setArchived: promos.setPromoCodeArchived,
  });
}
