// HTTP for the inventory: capacity and restrictions of room types, availability, shared
// pools, low-stock alert settings, holds and takes, and the signed-in user's notifications.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import type { Database } from '../../db/connect.ts';
import { NotFound } from '../../errors.ts';
import { contextOf } from '../../http/auth.ts';
import { Page, PageQuery } from '../../http/pagination.ts';
import { errorResponses, IdParams, nullable, Uuid } from '../../http/schemas.ts';
import { registerArchiveRoutes } from '../catalog/archive-routes.ts';
import {
  ArchivedQuery,
  CalendarDateSchema,
  catalogEditors,
  catalogReaders,
} from '../catalog/common.ts';
import { roomTypeLabel } from '../catalog/labels.ts';
import { findRoomType, findTransportDeparture } from '../catalog/lookup.ts';
import { staffRoles } from '../identity/roles.ts';
import { listMyNotifications, markAllRead, markRead } from '../messaging/notifications.ts';
import * as pools from './pools-service.ts';
import * as inventory from './service.ts';
import { tourCalendar } from './tour-calendar.ts';
import type { Component } from './types.ts';

export interface InventoryDeps {
  database: Database;
}

const CapacityKindSchema = Type.Enum(['allotment', 'on_request']);
const Units = Type.Integer({ minimum: 0, maximum: 100_000 });
const Quantity = Type.Integer({ minimum: 1, maximum: 10_000 });
const RangeQuery = Type.Object({ from: CalendarDateSchema, to: CalendarDateSchema });

const AvailabilityDaySchema = Type.Object({
  date: CalendarDateSchema,
  kind: Type.Union([CapacityKindSchema, Type.Null()], {
    description: 'null when the date has no capacity',
  }),
  capacity: Type.Integer(),
  sold: Type.Integer(),
  held: Type.Integer(),
  available: Type.Integer({ description: 'What can still be taken (limited by the pool)' }),
  stopSale: Type.Boolean(),
  minStay: nullable(Type.Integer()),
  closedToArrival: Type.Boolean(),
  releaseDays: nullable(Type.Integer()),
  released: Type.Boolean({ description: 'The allotment release period has begun' }),
  pool: Type.Union([
    Type.Object({ id: Uuid, name: Type.String(), available: Type.Integer() }),
    Type.Null(),
  ]),
});

const PoolMemberSchema = Type.Object(
  {
    kind: Type.Enum(['room_type', 'transport_departure', 'tour', 'attraction', 'service']),
    id: Uuid,
    classCode: Type.Optional(
      Type.String({ maxLength: 20, description: 'A seat class or time slot; empty: all' }),
    ),
  },
  { additionalProperties: false },
);
const PoolSchema = Type.Object(
  {
    id: Uuid,
    name: Type.String(),
    capacity: Type.Integer(),
    sold: Type.Integer(),
    held: Type.Integer(),
    available: Type.Integer(),
    lowStockThreshold: nullable(Type.Integer()),
    alertUserIds: Type.Array(Uuid),
    members: Type.Array(Type.Object({ kind: Type.String(), id: Uuid, classCode: Type.String() })),
    archived: Type.Boolean(),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'Pool' },
);
const poolRef = Type.Ref('Pool');

const ResourceSchema = Type.Object({
  id: Uuid,
  kind: Type.Enum(['room_type', 'transport_seats', 'ticket_slot', 'service']),
  ownerId: Uuid,
  classCode: Type.String(),
  label: Type.String(),
  lowStockThreshold: nullable(Type.Integer()),
  alertUserIds: Type.Array(Uuid),
});

const ComponentSchema = Type.Union(
  [
    Type.Object(
      {
        type: Type.Literal('room'),
        roomTypeId: Uuid,
        checkIn: CalendarDateSchema,
        checkOut: CalendarDateSchema,
        quantity: Quantity,
      },
      { additionalProperties: false, title: 'Room nights' },
    ),
    Type.Object(
      {
        type: Type.Literal('seats'),
        departureId: Uuid,
        classCode: Type.String({ minLength: 1, maxLength: 20 }),
        quantity: Quantity,
      },
      { additionalProperties: false, title: 'Transport seats' },
    ),
    Type.Object(
      {
        type: Type.Literal('tickets'),
        attractionId: Uuid,
        date: CalendarDateSchema,
        timeSlot: Type.Optional(Type.String({ pattern: '^\\d{2}:\\d{2}$' })),
        quantity: Quantity,
      },
      { additionalProperties: false, title: 'Attraction tickets' },
    ),
    Type.Object(
      {
        type: Type.Literal('service'),
        serviceId: Uuid,
        date: CalendarDateSchema,
        quantity: Quantity,
      },
      { additionalProperties: false, title: 'Extra service' },
    ),
    Type.Object(
      { type: Type.Literal('tour'), tourId: Uuid, quantity: Quantity },
      { additionalProperties: false, title: 'Tour places (shared pools only)' },
    ),
  ],
  { description: 'One part of a booking' },
);

const TakeSchema = Type.Object(
  {
    id: Uuid,
    status: Type.Enum(['held', 'taken', 'released', 'expired']),
    reference: nullable(Type.String()),
    expiresAt: nullable(Type.String({ format: 'date-time' })),
    createdAt: Type.String({ format: 'date-time' }),
    onRequest: Type.Array(Type.Boolean(), {
      description: 'Per component: true when it waits for the supplier to confirm',
    }),
    items: Type.Array(
      Type.Object({
        component: Type.Integer(),
        resourceId: nullable(Uuid),
        date: nullable(CalendarDateSchema),
        poolId: nullable(Uuid),
        quantity: Type.Integer(),
        onRequest: Type.Boolean(),
      }),
    ),
  },
  { $id: 'InventoryTake' },
);
const takeRef = Type.Ref('InventoryTake');

const NotificationSchema = Type.Object({
  id: Uuid,
  kind: Type.String(),
  title: Type.String(),
  body: Type.String(),
  data: Type.Record(Type.String(), Type.Unknown()),
  createdAt: Type.String({ format: 'date-time' }),
  readAt: nullable(Type.String({ format: 'date-time' })),
});

/** Who may hold and take inventory directly: sellers and the people who fix bookings. */
const sellers = ['admin', 'agent', 'customer_service'] as const;

export async function inventoryRoutes(base: FastifyInstance, { database }: InventoryDeps) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  app.addSchema(PoolSchema);
  app.addSchema(TakeSchema);

  const roomTypeOr404 = async (request: Parameters<typeof contextOf>[0], id: string) => {
    const ctx = contextOf(request, database);
    const room = await findRoomType(ctx, id);
    if (!room) throw new NotFound('room type', id);
    return { ctx, room };
  };

  app.put(
    '/api/v1/room-types/:id/capacity',
    {
      config: { access: catalogEditors },
      schema: {
        tags: ['inventory'],
        summary: 'Set the capacity of a room type for every night from `from` to `to` inclusive',
        params: IdParams,
        body: Type.Object(
          {
            from: CalendarDateSchema,
            to: CalendarDateSchema,
            kind: CapacityKindSchema,
            units: Units,
            releaseDays: Type.Optional(
              nullable(Type.Integer({ minimum: 0, maximum: 365 }), {
                description: 'Allotment: unsold units go back this many days before the night',
              }),
            ),
            stopSale: Type.Optional(Type.Boolean()),
            minStay: Type.Optional(nullable(Type.Integer({ minimum: 1, maximum: 365 }))),
            closedToArrival: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ items: Type.Array(AvailabilityDaySchema) }),
          ...errorResponses(400, 401, 403, 404, 409),
        },
      },
    },
    async (request) => {
      const { ctx, room } = await roomTypeOr404(request, request.params.id);
      const ref = { kind: 'room_type' as const, ownerId: room.id };
      const label = (await roomTypeLabel(ctx, room.id)) ?? room.id;
      await inventory.setCapacity(ctx, ref, label, request.body);
      return {
        items: await inventory.availability(ctx, ref, request.body.from, request.body.to),
      };
    },
  );

  app.patch(
    '/api/v1/room-types/:id/restrictions',
    {
      config: { access: catalogEditors },
      schema: {
        tags: ['inventory'],
        summary: 'Set stop-sale, minimum stay, closed-to-arrival or release days on a range',
        params: IdParams,
        body: Type.Object(
          {
            from: CalendarDateSchema,
            to: CalendarDateSchema,
            stopSale: Type.Optional(Type.Boolean()),
            minStay: Type.Optional(nullable(Type.Integer({ minimum: 1, maximum: 365 }))),
            closedToArrival: Type.Optional(Type.Boolean()),
            releaseDays: Type.Optional(nullable(Type.Integer({ minimum: 0, maximum: 365 }))),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ items: Type.Array(AvailabilityDaySchema) }),
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      const { ctx, room } = await roomTypeOr404(request, request.params.id);
      const ref = { kind: 'room_type' as const, ownerId: room.id };
      await inventory.setRestrictions(ctx, ref, request.body);
      return {
        items: await inventory.availability(ctx, ref, request.body.from, request.body.to),
      };
    },
  );

  app.get(
    '/api/v1/room-types/:id/availability',
    {
      config: { access: catalogReaders },
      schema: {
        tags: ['inventory'],
        summary: 'Per night from `from` to `to` inclusive: capacity, sold, held, available',
        params: IdParams,
        querystring: RangeQuery,
        response: {
          200: Type.Object({ items: Type.Array(AvailabilityDaySchema) }),
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      const { ctx, room } = await roomTypeOr404(request, request.params.id);
      const { from, to } = request.query;
      return {
        items: await inventory.availability(ctx, { kind: 'room_type', ownerId: room.id }, from, to),
      };
    },
  );

  app.get(
    '/api/v1/transport-departures/:id/availability',
    {
      config: { access: catalogReaders },
      schema: {
        tags: ['inventory'],
        summary: 'Seats of a transport departure per class',
        params: IdParams,
        response: {
          200: Type.Object({
            departureId: Uuid,
            date: CalendarDateSchema,
            classes: Type.Array(
              Type.Object({ classCode: Type.String(), ...AvailabilityDaySchema.properties }),
            ),
          }),
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      const ctx = contextOf(request, database);
      const departure = await findTransportDeparture(ctx, request.params.id);
      if (!departure) throw new NotFound('transport departure', request.params.id);
      const classes = await Promise.all(
        departure.classes.map(async (c) => {
          const [day] = await inventory.availability(
            ctx,
            { kind: 'transport_seats', ownerId: departure.id, classCode: c.code },
            departure.date,
            departure.date,
          );
          return { classCode: c.code, ...(day as inventory.AvailabilityDay) };
        }),
      );
      return { departureId: departure.id, date: departure.date, classes };
    },
  );

  app.get(
    '/api/v1/tours/:id/availability',
    {
      config: { access: catalogReaders },
      schema: {
        tags: ['inventory'],
        summary:
          'Which departures (fixed) or arrival days (by days) of a tour can be sold for a party',
        params: IdParams,
        querystring: Type.Object({
          from: CalendarDateSchema,
          to: CalendarDateSchema,
          adults: Type.Integer({ minimum: 1, maximum: 20, default: 2 }),
          childAges: Type.Array(Type.Integer({ minimum: 0, maximum: 17 }), {
            default: [],
            maxItems: 10,
            description: 'Repeat for each child: childAges=4&childAges=9',
          }),
        }),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                date: CalendarDateSchema,
                nights: Type.Integer(),
                departureId: nullable(Uuid),
                sellable: Type.Boolean(),
                reason: nullable(Type.String()),
                roomTypes: Type.Array(
                  Type.Object({
                    roomTypeId: Uuid,
                    code: Type.String(),
                    name: Type.Record(Type.String(), Type.String()),
                    available: Type.Integer(),
                    onRequest: Type.Boolean(),
                  }),
                ),
                seats: nullable(Type.Integer()),
              }),
            ),
          }),
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (request) => ({
      items: await tourCalendar(contextOf(request, database), request.params.id, request.query),
    }),
  );

  app.get(
    '/api/v1/inventory/resources',
    {
      config: { access: staffRoles },
      schema: {
        tags: ['inventory'],
        summary: 'Inventory resources of a product (room type, departure, attraction, service)',
        querystring: Type.Object({ ownerId: Uuid }),
        response: {
          200: Type.Object({ items: Type.Array(ResourceSchema) }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request) => ({
      items: await inventory.listResourcesOf(contextOf(request, database), request.query.ownerId),
    }),
  );

  app.patch(
    '/api/v1/inventory/resources/:id',
    {
      config: { access: catalogEditors },
      schema: {
        tags: ['inventory'],
        summary: 'Set the low-stock threshold of a resource and the staff it alerts',
        params: IdParams,
        body: Type.Object(
          {
            lowStockThreshold: Type.Optional(
              nullable(Type.Integer({ minimum: 0, maximum: 100_000 })),
            ),
            alertUserIds: Type.Optional(Type.Array(Uuid, { maxItems: 50 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: ResourceSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      inventory.updateResourceAlerts(contextOf(request, database), request.params.id, request.body),
  );

  const PoolBody = Type.Object(
    {
      name: Type.String({ minLength: 1, maxLength: 200 }),
      capacity: Units,
      lowStockThreshold: Type.Optional(nullable(Type.Integer({ minimum: 0, maximum: 100_000 }))),
      alertUserIds: Type.Optional(Type.Array(Uuid, { maxItems: 50 })),
      members: Type.Array(PoolMemberSchema, { maxItems: 500 }),
    },
    { additionalProperties: false },
  );

  app.get(
    '/api/v1/pools',
    {
      config: { access: staffRoles },
      schema: {
        tags: ['inventory'],
        summary: 'Shared inventory pools',
        querystring: Type.Object({ ...PageQuery.properties, archived: ArchivedQuery }),
        response: { 200: Page(poolRef), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => pools.listPools(contextOf(request, database), request.query),
  );

  app.post(
    '/api/v1/pools',
    {
      config: { access: catalogEditors },
      schema: {
        tags: ['inventory'],
        summary: 'Create a shared pool: one capacity serving several products and channels',
        body: PoolBody,
        response: { 201: poolRef, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await pools.createPool(contextOf(request, database), request.body)),
  );

  app.get(
    '/api/v1/pools/:id',
    {
      config: { access: staffRoles },
      schema: {
        tags: ['inventory'],
        summary: 'One pool with its members and counters',
        params: IdParams,
        response: { 200: poolRef, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => pools.getPool(contextOf(request, database), request.params.id),
  );

  app.patch(
    '/api/v1/pools/:id',
    {
      config: { access: catalogEditors },
      schema: {
        tags: ['inventory'],
        summary: 'Change a pool; `members` replaces the list',
        params: IdParams,
        body: Type.Partial(PoolBody, { additionalProperties: false }),
        response: { 200: poolRef, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      pools.updatePool(contextOf(request, database), request.params.id, request.body),
  );

  registerArchiveRoutes(app, {
    database,
    path: '/api/v1/pools/:id',
    tag: 'inventory',
    response: poolRef,
    archiveSummary: 'Archive a pool (it stops limiting sales)',
    restoreSummary: 'Restore a pool',
    setArchived: (ctx, id, archived) => pools.updatePool(ctx, id, { archived }),
  });

  const TakeBody = Type.Object(
    {
      components: Type.Array(ComponentSchema, { minItems: 1, maxItems: 100 }),
      reference: Type.Optional(Type.String({ maxLength: 200 })),
    },
    { additionalProperties: false },
  );

  app.post(
    '/api/v1/inventory/holds',
    {
      config: { access: sellers },
      schema: {
        tags: ['inventory'],
        summary: 'Hold every component for `minutes`, or nothing (409 naming what is missing)',
        body: Type.Object(
          { ...TakeBody.properties, minutes: Type.Integer({ minimum: 1, maximum: 10_080 }) },
          { additionalProperties: false },
        ),
        response: { 201: takeRef, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const { components, reference, minutes } = request.body;
      const held = await inventory.hold(contextOf(request, database), {
        components: components as Component[],
        reference,
        minutes,
      });
      return reply.code(201).send(held);
    },
  );

  app.post(
    '/api/v1/inventory/takes',
    {
      config: { access: sellers },
      schema: {
        tags: ['inventory'],
        summary: 'Take every component firmly, or nothing (409 naming what is missing)',
        body: TakeBody,
        response: { 201: takeRef, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const taken = await inventory.take(contextOf(request, database), {
        components: request.body.components as Component[],
        reference: request.body.reference,
      });
      return reply.code(201).send(taken);
    },
  );

  app.get(
    '/api/v1/inventory/takes/:id',
    {
      config: { access: staffRoles },
      schema: {
        tags: ['inventory'],
        summary: 'A hold or take with exactly what it took',
        params: IdParams,
        response: { 200: takeRef, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => inventory.getTake(contextOf(request, database), request.params.id),
  );

  app.post(
    '/api/v1/inventory/takes/:id/confirm',
    {
      config: { access: sellers },
      schema: {
        tags: ['inventory'],
        summary: 'Turn a hold into a firm take (409 when it expired)',
        params: IdParams,
        response: { 200: takeRef, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request) => inventory.confirmHold(contextOf(request, database), request.params.id),
  );

  app.post(
    '/api/v1/inventory/takes/:id/release',
    {
      config: { access: sellers },
      schema: {
        tags: ['inventory'],
        summary: 'Give back exactly what a hold or take took (a second release changes nothing)',
        params: IdParams,
        response: { 200: takeRef, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => inventory.release(contextOf(request, database), request.params.id),
  );

  app.get(
    '/api/v1/notifications',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['notifications'],
        summary: 'Your notifications, newest first',
        querystring: Type.Object({
          ...PageQuery.properties,
          unread: Type.Optional(Type.Boolean()),
        }),
        response: { 200: Page(NotificationSchema), ...errorResponses(400, 401) },
      },
    },
    async (request) => listMyNotifications(contextOf(request, database), request.query),
  );

  app.post(
    '/api/v1/notifications/:id/read',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['notifications'],
        summary: 'Mark one of your notifications read',
        params: IdParams,
        response: { 200: NotificationSchema, ...errorResponses(401, 404) },
      },
    },
    async (request) => markRead(contextOf(request, database), request.params.id),
  );

  app.post(
    '/api/v1/notifications/read-all',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['notifications'],
        summary: 'Mark all your notifications read',
        response: { 200: Type.Object({ marked: Type.Integer() }), ...errorResponses(401) },
      },
    },
    async (request) => ({ marked: await markAllRead(contextOf(request, database)) }),
  );
}

export type ComponentBody = Static<typeof ComponentSchema>;
