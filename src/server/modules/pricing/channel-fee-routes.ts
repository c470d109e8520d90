// HTTP for channel fees: what each sales channel adds to a booking, a fee the customer pays
// or a commission the agency pays the channel.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { contextOf } from '../../http/auth.ts';
import { Page } from '../../http/pagination.ts';
import { errorResponses, IdParams, nullable, Uuid } from '../../http/schemas.ts';
import { registerArchiveRoutes } from '../catalog/archive-routes.ts';
import { CurrencyCodeSchema, catalogEditors, LifecycleSchema } from '../catalog/common.ts';
import * as fees from './channel-fees-service.ts';
import { priceReaders } from './price-list-routes.ts';
import { listQuery, minorAmount, NameSchema, PercentSchema } from './price-list-schemas.ts';
import type { PricingDeps } from './routes.ts';
import { channels } from './types.ts';

const ChannelSchema = Type.Enum([...channels], { description: 'The sales channel' });
const FeeKindSchema = Type.Enum(['fee', 'commission'], {
  description: 'fee: the customer pays it (a quote line); commission: the agency pays the channel',
});

const fee = {
  name: NameSchema,
  channel: ChannelSchema,
  kind: FeeKindSchema,
  percent: nullable(PercentSchema, { description: 'A percentage of the total (0 to 100)…' }),
  amount: nullable(minorAmount('…or a flat amount per booking in `currency`')),
  currency: nullable(CurrencyCodeSchema),
};
const FeeSchema = Type.Object({ id: Uuid, ...fee, ...LifecycleSchema }, { $id: 'ChannelFee' });

export async function channelFeeRoutes(base: FastifyInstance, { database }: PricingDeps) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  app.addSchema(FeeSchema);
  const feeRef = Type.Ref('ChannelFee');
  const read = { access: priceReaders };
  const write = { access: catalogEditors };

  const feeTags = ['channel fees'];
  app.get(
    '/api/v1/channel-fees',
    {
      config: read,
      schema: {
        tags: feeTags,
        summary: 'List channel fees and commissions, newest first',
        querystring: listQuery({ channel: Type.Optional(ChannelSchema) }),
        response: { 200: Page(feeRef), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => fees.listChannelFees(contextOf(request, database), request.query),
  );
  app.get(
    '/api/v1/channel-fees/:id',
    {
      config: read,
      schema: {
        tags: feeTags,
        summary: 'One channel fee',
        params: IdParams,
        response: { 200: feeRef, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => fees.getChannelFee(contextOf(request, database), request.params.id),
  );
  app.post(
    '/api/v1/channel-fees',
    {
      config: write,
      schema: {
        tags: feeTags,
        summary: 'Create a fee or commission of a channel: a percent or a flat amount',
        body: Type.Object(
          {
            name: fee.name,
            channel: fee.channel,
            kind: fee.kind,
            percent: Type.Optional(fee.percent),
            amount: Type.Optional(fee.amount),
            currency: Type.Optional(fee.currency),
          },
          { additionalProperties: false },
        ),
        response: { 201: feeRef, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await fees.createChannelFee(contextOf(request, database), request.body)),
  );
  app.patch(
    '/api/v1/channel-fees/:id',
    {
      config: write,
      schema: {
        tags: feeTags,
        summary: 'Change a channel fee',
        params: IdParams,
        body: Type.Object(
          {
            name: Type.Optional(fee.name),
            channel: Type.Optional(fee.channel),
            kind: Type.Optional(fee.kind),
            percent: Type.Optional(fee.percent),
            amount: Type.Optional(fee.amount),
            currency: Type.Optional(fee.currency),
          },
          { additionalProperties: false },
        ),
        response: { 200: feeRef, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      fees.updateChannelFee(contextOf(request, database), request.params.id, request.body),
  );
  registerArchiveRoutes(app, {
    database,
    path: '/api/v1/channel-fees/:id',
    tag: 'channel fees',
    response: feeRef,
    archiveSummary: 'Archive a channel fee: quotes no longer charge it',
    restoreSummary: 'Restore an archived channel fee',
    setArchived: fees.setChannelFeeArchived,
  });
}
