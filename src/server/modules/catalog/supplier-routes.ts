// HTTP for suppliers: the companies the agency buys hotel nights, seats and services from.

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { contextOf } from '../../http/auth.ts';
import { Page, PageQuery } from '../../http/pagination.ts';
import { errorResponses, IdParams, nullable, Uuid } from '../../http/schemas.ts';
import { staffRoles } from '../identity/roles.ts';
import { registerArchiveRoutes } from './archive-routes.ts';
import {
  ArchivedQuery,
  CountryCodeSchema,
  CurrencyCodeSchema,
  catalogEditors,
  LifecycleSchema,
} from './common.ts';
import type { CatalogDeps } from './routes.ts';
import * as suppliers from './suppliers-service.ts';

const KindSchema = Type.Enum([...suppliers.supplierKinds], {
  description: 'hotel, carrier, ground_handler, attraction, insurer or other',
});
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });

const AddressSchema = Type.Object(
  {
    street: Type.Optional(Type.String({ maxLength: 200 })),
    city: Type.Optional(Type.String({ maxLength: 200 })),
    postalCode: Type.Optional(Type.String({ maxLength: 20 })),
    country: Type.Optional(CountryCodeSchema),
  },
  { additionalProperties: false, description: 'Postal address' },
);
const ContactSchema = Type.Object(
  {
    name: Text(200),
    role: Type.Optional(Type.String({ maxLength: 200, description: 'e.g. reservations' })),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
    phone: Type.Optional(Type.String({ maxLength: 50 })),
  },
  { additionalProperties: false },
);

const SupplierSchema = Type.Object(
  {
    id: Uuid,
    name: Type.String(),
    kind: KindSchema,
    currency: Type.String({ description: 'The currency the supplier invoices in' }),
    paymentTermsDays: Type.Integer(),
    email: nullable(Type.String()),
    phone: nullable(Type.String()),
    vatId: nullable(Type.String()),
    address: nullable(AddressSchema),
    contacts: Type.Array(ContactSchema),
    notes: nullable(Type.String()),
    ...LifecycleSchema,
  },
  { $id: 'Supplier' },
);
const supplierRef = Type.Ref('Supplier');

const editable = {
  name: Text(200),
  kind: KindSchema,
  currency: CurrencyCodeSchema,
  paymentTermsDays: Type.Integer({
    minimum: 0,
    maximum: 365,
    description: 'Days after the invoice date the supplier is paid (default 14)',
  }),
  email: nullable(Type.String({ format: 'email', maxLength: 254 })),
  phone: nullable(Type.String({ maxLength: 50 })),
  vatId: nullable(Type.String({ maxLength: 50, description: 'VAT or company id' })),
  address: nullable(AddressSchema),
  contacts: Type.Array(ContactSchema, { maxItems: 50 }),
  notes: nullable(Type.String({ maxLength: 10_000 })),
};

export async function supplierRoutes(app: FastifyInstance, { database }: CatalogDeps) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  api.addSchema(SupplierSchema);

  api.get(
    '/api/v1/suppliers',
    {
      config: { access: staffRoles },
      schema: {
        tags: ['suppliers'],
        summary: 'List suppliers, newest first',
        querystring: Type.Object(
          {
            ...PageQuery.properties,
            kind: Type.Optional(KindSchema),
            q: Type.Optional(Type.String({ maxLength: 200, description: 'Name contains' })),
            archived: ArchivedQuery,
          },
          { additionalProperties: false },
        ),
        response: { 200: Page(supplierRef), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => suppliers.listSuppliers(contextOf(request, database), request.query),
  );

  api.get(
    '/api/v1/suppliers/:id',
    {
      config: { access: staffRoles },
      schema: {
        tags: ['suppliers'],
        summary: 'One supplier',
        params: IdParams,
        response: { 200: supplierRef, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => suppliers.getSupplier(contextOf(request, database), request.params.id),
  );

  api.post(
    '/api/v1/suppliers',
    {
      config: { access: catalogEditors },
      schema: {
        tags: ['suppliers'],
        summary: 'Create a supplier',
        body: Type.Object(
          {
            name: editable.name,
            kind: editable.kind,
            currency: editable.currency,
            paymentTermsDays: Type.Optional(editable.paymentTermsDays),
            email: Type.Optional(editable.email),
            phone: Type.Optional(editable.phone),
            vatId: Type.Optional(editable.vatId),
            address: Type.Optional(editable.address),
            contacts: Type.Optional(editable.contacts),
            notes: Type.Optional(editable.notes),
          },
          { additionalProperties: false },
        ),
        response: { 201: supplierRef, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const created = await suppliers.createSupplier(contextOf(request, database), request.body);
      return reply.code(201).send(created);
    },
  );

  api.patch(
    '/api/v1/suppliers/:id',
    {
      config: { access: catalogEditors },
      schema: {
        tags: ['suppliers'],
        summary: 'Change a supplier: only the fields given; null clears an optional field',
        params: IdParams,
        body: Type.Object(
          {
            name: Type.Optional(editable.name),
            kind: Type.Optional(editable.kind),
            currency: Type.Optional(editable.currency),
            paymentTermsDays: Type.Optional(editable.paymentTermsDays),
            email: Type.Optional(editable.email),
            phone: Type.Optional(editable.phone),
            vatId: Type.Optional(editable.vatId),
            address: Type.Optional(editable.address),
            contacts: Type.Optional(editable.contacts),
            notes: Type.Optional(editable.notes),
          },
          { additionalProperties: false },
        ),
        response: { 200: supplierRef, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      suppliers.updateSupplier(contextOf(request, database), request.params.id, request.body),
  );

  registerArchiveRoutes(api, {
    database,
    path: '/api/v1/suppliers/:id',
    tag: 'suppliers',
    response: supplierRef,
    archiveSummary: 'Archive a supplier (hidden from lists; its products and bookings keep it)',
    restoreSummary: 'Restore an archived supplier',
    setArchived: suppliers.setSupplierArchived,
  });
}
