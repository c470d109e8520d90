// HTTP for customers: persons and companies, a company's travel policy and approvers.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Database } from '../../db/connect.ts';
import type { Role } from '../../db/schema.ts';
import { contextOf } from '../../http/auth.ts';
import { Page, PageQuery } from '../../http/pagination.ts';
import { errorResponses, IdParams, Uuid } from '../../http/schemas.ts';
import { registerArchiveRoutes } from '../catalog/archive-routes.ts';
import { ArchivedQuery } from '../catalog/common.ts';
import { staffRoles } from '../identity/roles.ts';
import {
  ApproversBody,
  CreateCustomerBody,
  CustomerSchema,
  KindSchema,
  UpdateCustomerBody,
} from './schemas.ts';
import * as customers from './service.ts';

export interface CustomerDeps {
  database: Database;
}

/** Everyone in the back office looks customers up. */
const customerReaders: readonly Role[] = staffRoles;
/** Those who sell and look after bookings keep customer profiles. */
const customerEditors: readonly Role[] = ['admin', 'agent', 'customer_service'];

export async function customerRoutes(base: FastifyInstance, { database }: CustomerDeps) {
  const api = base.withTypeProvider<TypeBoxTypeProvider>();
  api.addSchema(CustomerSchema);
  const customerRef = Type.Ref('Customer');

  api.get(
    '/api/v1/customers',
    {
      config: { access: customerReaders },
      schema: {
        tags: ['customers'],
        summary: 'List customers, newest first',
        querystring: Type.Object(
          {
            ...PageQuery.properties,
            q: Type.Optional(
              Type.String({
                maxLength: 200,
                description:
                  'Words found in the name, e-mail, VAT or registration id, or the name of a ' +
                  "person's company; case and accents do not matter (dvorak finds Dvořák)",
              }),
            ),
            kind: Type.Optional(KindSchema),
            companyId: Type.Optional({ ...Uuid, description: "A company's employees" }),
            archived: ArchivedQuery,
          },
          { additionalProperties: false },
        ),
        response: { 200: Page(customerRef), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => customers.listCustomers(contextOf(request, database), request.query),
  );

  api.get(
    '/api/v1/customers/:id',
    {
      config: { access: customerReaders },
      schema: {
        tags: ['customers'],
        summary: 'One customer',
        params: IdParams,
        response: { 200: customerRef, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => customers.getCustomer(contextOf(request, database), request.params.id),
  );

  api.post(
    '/api/v1/customers',
    {
      config: { access: customerEditors },
      schema: {
        tags: ['customers'],
        summary: 'Create a person (lastName required) or a company (companyName required)',
        body: CreateCustomerBody,
        response: { 201: customerRef, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const created = await customers.createCustomer(contextOf(request, database), request.body);
      return reply.code(201).send(created);
    },
  );

  api.patch(
    '/api/v1/customers/:id',
    {
      config: { access: customerEditors },
      schema: {
        tags: ['customers'],
        summary: 'Change a customer: only the fields given; null clears an optional field',
        params: IdParams,
        body: UpdateCustomerBody,
        response: { 200: customerRef, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      customers.updateCustomer(contextOf(request, database), request.params.id, request.body),
  );

  api.put(
    '/api/v1/customers/:id/approvers',
    {
      config: { access: customerEditors },
      schema: {
        tags: ['customers'],
        summary: "Set who approves a company's bookings under its travel policy",
        params: IdParams,
        body: ApproversBody,
        response: { 200: customerRef, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      customers.setApprovers(contextOf(request, database), request.params.id, request.body.userIds),
  );

  registerArchiveRoutes(api, {
    database,
    path: '/api/v1/customers/:id',
    tag: 'customers',
    response: customerRef,
    archiveSummary: 'Archive a customer (hidden from lists; bookings and price lists keep it)',
    restoreSummary: 'Restore an archived customer',
    setArchived: customers.setCustomerArchived,
    access: customerEditors,
  });
}
