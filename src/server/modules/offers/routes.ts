// HTTP for offers: marketplace promotions and the agency's own offers, with their variants
// and the required actions every booking made under them gets (B8).
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Database } from '../../db/connect.ts';
import type { Role } from '../../db/schema.ts';
import { contextOf } from '../../http/auth.ts';
import { Page, PageQuery } from '../../http/pagination.ts';
import { errorResponses, IdParams, NonBlank, nullable, Uuid } from '../../http/schemas.ts';
import { registerArchiveRoutes } from '../catalog/archive-routes.ts';
import { ArchivedQuery, LocalizedTextSchema } from '../catalog/common.ts';
import { staffRoles } from '../identity/roles.ts';
import { ChannelSchema } from '../pricing/quote-routes.ts';
import * as offers from './service.ts';
import { requiredActionKinds } from './types.ts';

const Code = NonBlank({ maxLength: 60 });

const VariantSchema = Type.Object(
  { code: Code, name: NonBlank({ maxLength: 200 }) },
  { additionalProperties: false },
);

const RequiredActionSchema = Type.Object(
  {
    code: Code,
    kind: Type.Enum([...requiredActionKinds]),
    title: LocalizedTextSchema,
    instructions: LocalizedTextSchema,
    dueDaysBeforeDeparture: nullable(Type.Integer({ minimum: 0, maximum: 730 }), {
      description: 'Due so many days before departure; null: no earlier deadline',
    }),
  },
  { additionalProperties: false },
);

const fields = {
  code: {
    ...Code,
    description: 'The promotion id staff know it by, e.g. a marketplace deal number',
  },
  name: NonBlank({ maxLength: 200 }),
  partner: Type.Optional(nullable(Type.String({ minLength: 1, maxLength: 100 }))),
  partnerUserId: Type.Optional(nullable(Uuid)),
  productId: Type.Optional(nullable(Uuid)),
  channels: Type.Optional(
    Type.Array(ChannelSchema, {
      maxItems: 7,
      description: 'Bookings of the product on these channels get the actions without naming it',
    }),
  ),
  variants: Type.Optional(Type.Array(VariantSchema, { maxItems: 200 })),
  requiredActions: Type.Optional(Type.Array(RequiredActionSchema, { maxItems: 20 })),
};

const CreateOfferBody = Type.Object(fields, { additionalProperties: false });
const UpdateOfferBody = Type.Partial(CreateOfferBody, { additionalProperties: false });

const OfferSchema = Type.Object(
  {
    id: Uuid,
    code: Type.String(),
    name: Type.String(),
    partner: nullable(Type.String()),
    partnerUserId: nullable(Uuid),
    productKind: nullable(Type.String()),
    productId: nullable(Uuid),
    channels: Type.Array(Type.String()),
    variants: Type.Array(VariantSchema),
    requiredActions: Type.Array(RequiredActionSchema),
    archived: Type.Boolean(),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'Promotion' },
);

const offerEditors: readonly Role[] = ['admin', 'agent'];

export async function offerRoutes(base: FastifyInstance, { database }: { database: Database }) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  app.addSchema(OfferSchema);
  const offerRef = Type.Ref('Promotion');

  app.get(
    '/api/v1/promotions',
    {
      config: { access: staffRoles },
      schema: {
        tags: ['promotions'],
        summary: 'Offers (promotions) with their variants and required actions, newest first',
        querystring: Type.Object(
          {
            ...PageQuery.properties,
            productId: Type.Optional(Uuid),
            archived: ArchivedQuery,
          },
          { additionalProperties: false },
        ),
        response: { 200: Page(offerRef), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => offers.listOffers(contextOf(request, database), request.query),
  );

  app.get(
    '/api/v1/promotions/:id',
    {
      config: { access: staffRoles },
      schema: {
        tags: ['promotions'],
        summary: 'One offer (promotion)',
        params: IdParams,
        response: { 200: offerRef, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => offers.getOffer(contextOf(request, database), request.params.id),
  );

  app.post(
    '/api/v1/promotions',
    {
      config: { access: offerEditors },
      schema: {
        tags: ['promotions'],
        summary:
          'Create an offer (promotion): a marketplace deal or the agency’s own, with the ' +
          'required actions its bookings get',
        body: CreateOfferBody,
        response: { 201: offerRef, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await offers.createOffer(contextOf(request, database), request.body)),
  );

  app.patch(
    '/api/v1/promotions/:id',
    {
      config: { access: offerEditors },
      schema: {
        tags: ['promotions'],
        summary: 'Change an offer; bookings already made keep the required actions they were given',
        params: IdParams,
        body: UpdateOfferBody,
        response: { 200: offerRef, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      offers.updateOffer(contextOf(request, database), request.params.id, request.body),
  );

  registerArchiveRoutes(app, {
    database,
    path: '/api/v1/promotions/:id',
    tag: 'promotions',
    response: offerRef,
    archiveSummary: 'Archive an offer (no new bookings under it; existing ones keep it)',
    restoreSummary: 'Restore an archived offer',
    setArchived: offers.setOfferArchived,
    access: offerEditors,
  });
}
