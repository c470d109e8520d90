// HTTP for identity: sign-in, the current user, users and API tokens.

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/connect.ts';
import { NotFound } from '../../errors.ts';
import { contextOf, sessionCookie } from '../../http/auth.ts';
import { idempotencyClaim, runIdempotent, sendIdempotent } from '../../http/idempotency.ts';
import { decodeCursor, Page, PageQuery, toPage } from '../../http/pagination.ts';
import { errorResponses, IdParams, Uuid } from '../../http/schemas.ts';
import { getAgencySettings, updateAgencySettings } from './agency-settings.ts';
import { listAudit } from './audit.ts';
import * as auth from './auth-service.ts';
import type { LoginThrottle } from './login-throttle.ts';
import { presentAgency, presentUser } from './present.ts';
import * as repo from './repo.ts';
import { roles, staffRoles } from './roles.ts';
import * as tokens from './tokens-service.ts';
import { locales } from './types.ts';
import * as users from './users-service.ts';

const RoleSchema = Type.Enum([...roles], {
  description: 'admin, agent, customer_service, accountant, partner, approver or customer',
});
const LocaleSchema = Type.Enum([...locales]);
const Email = Type.String({ format: 'email', maxLength: 254 });

const UserSchema = Type.Object(
  {
    id: Uuid,
    agencyId: Uuid,
    email: Type.String(),
    name: Type.String(),
    role: RoleSchema,
    locale: Type.String(),
    disabled: Type.Boolean(),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'User' },
);
const AgencySchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  slug: Type.String(),
  defaultLocale: Type.String(),
  baseCurrency: Type.String(),
});
const ApiTokenSchema = Type.Object(
  {
    id: Uuid,
    name: Type.String(),
    prefix: Type.String({ description: 'The first characters of the token' }),
    userId: Uuid,
    createdAt: Type.String({ format: 'date-time' }),
    lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    expiresAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    revoked: Type.Boolean(),
  },
  { $id: 'ApiToken' },
);
const AuditEntrySchema = Type.Object({
  id: Uuid,
  at: Type.String({ format: 'date-time' }),
  actorType: Type.String(),
  actorId: Type.Union([Type.String(), Type.Null()]),
  actorName: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  entityType: Type.String(),
  entityId: Type.String(),
  before: Type.Unknown(),
  after: Type.Unknown(),
  reason: Type.Union([Type.String(), Type.Null()]),
  requestId: Type.Union([Type.String(), Type.Null()]),
});

const userRef = Type.Ref('User');
const tokenRef = Type.Ref('ApiToken');

export interface IdentityDeps {
  database: Database;
  config: Config;
  throttle: LoginThrottle;
}

export async function identityRoutes(
  base: FastifyInstance,
  { database, config, throttle }: IdentityDeps,
): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  app.addSchema(UserSchema);
  app.addSchema(ApiTokenSchema);

  app.post(
    '/api/v1/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with e-mail and password; sets the session cookie',
        body: Type.Object(
          {
            email: Email,
            password: Type.String({ minLength: 1, maxLength: 1000 }),
            agency: Type.Optional(
              Type.String({ description: 'Agency code, when one e-mail signs in to several' }),
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ user: userRef, expiresAt: Type.String({ format: 'date-time' }) }),
          ...errorResponses(400, 401, 429),
        },
      },
    },
    async (request, reply) => {
      const result = await auth.login(
        database.db,
        throttle,
        { ...request.body, ip: request.ip, userAgent: request.headers['user-agent'] ?? null },
        config.sessionTtlHours,
      );
      reply.setCookie(sessionCookie, result.sessionToken, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: config.secureCookies,
        expires: result.expiresAt,
      });
      return { user: presentUser(result.user), expiresAt: result.expiresAt.toISOString() };
    },
  );

  app.post(
    '/api/v1/auth/logout',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'End the current session',
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const token = request.cookies[sessionCookie];
      if (token) await auth.logout(database.db, token);
      reply.clearCookie(sessionCookie, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/me',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user, with role and agency',
        response: {
          200: Type.Object({
            ...UserSchema.properties,
            agency: AgencySchema,
            via: Type.Union([Type.Literal('session'), Type.Literal('api_token')]),
          }),
          ...errorResponses(401),
        },
      },
    },
    async (request) => {
      const ctx = contextOf(request, database);
      const user = await repo.findUser(database.db, ctx.agencyId, ctx.actor.userId ?? '');
      const agency = await repo.findAgency(database.db, ctx.agencyId);
      if (!user || !agency) throw new NotFound('user', ctx.actor.userId ?? '');
      return {
        ...presentUser(user),
        agency: presentAgency(agency),
        via: request.auth?.via ?? 'session',
      };
    },
  );

  app.get(
    '/api/v1/settings/agency',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['auth'],
        summary: "The agency's settings: name, code, default language, base currency",
        response: { 200: AgencySchema, ...errorResponses(401, 403) },
      },
    },
    async (request) => getAgencySettings(contextOf(request, database)),
  );

  app.patch(
    '/api/v1/settings/agency',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['auth'],
        summary:
          "Change the agency's base currency (409 once quotes, bookings, payments, invoices or price lists exist in the current one)",
        body: Type.Object(
          {
            baseCurrency: Type.Optional(
              Type.String({
                minLength: 3,
                maxLength: 3,
                description: 'ISO 4217 code: the currency of the books and default price lists',
              }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: AgencySchema, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request) => updateAgencySettings(contextOf(request, database), request.body),
  );

  app.patch(
    '/api/v1/me',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: 'Change your own name or language',
        body: Type.Object(
          {
            name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
            locale: Type.Optional(LocaleSchema),
          },
          { additionalProperties: false },
        ),
        response: { 200: userRef, ...errorResponses(400, 401) },
      },
    },
    async (request) => {
      const ctx = contextOf(request, database);
      return users.updateUser(ctx, ctx.actor.userId ?? '', request.body);
    },
  );

  app.post(
    '/api/v1/me/password',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary:
          'Change your own password; your other sessions end and your API tokens are revoked',
        body: Type.Object(
          {
            currentPassword: Type.String({ minLength: 1, maxLength: 1000 }),
            newPassword: Type.String({ minLength: 1, maxLength: 1000 }),
          },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null(), ...errorResponses(400, 401) },
      },
    },
    async (request, reply) => {
      await auth.changeOwnPassword(contextOf(request, database), {
        ...request.body,
        keepSessionToken: request.cookies[sessionCookie] ?? null,
      });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/approvers',
    {
      config: { access: staffRoles },
      schema: {
        tags: ['users'],
        summary:
          "The agency's users with the approver role, by name: whom staff may make a company's approvers",
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Uuid,
                name: Type.String(),
                email: Type.String(),
                disabled: Type.Boolean(),
              }),
            ),
          }),
          ...errorResponses(401, 403),
        },
      },
    },
    async (request) => ({ items: await users.listApprovers(contextOf(request, database)) }),
  );

  app.get(
    '/api/v1/users',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['users'],
        summary: "List the agency's users",
        querystring: Type.Object({
          ...PageQuery.properties,
          role: Type.Optional(RoleSchema),
          q: Type.Optional(Type.String({ maxLength: 200, description: 'Name or e-mail contains' })),
        }),
        response: { 200: Page(userRef), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => users.listUsers(contextOf(request, database), request.query),
  );

  app.post(
    '/api/v1/users',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['users'],
        summary: 'Create a user; without a password one is generated and returned once',
        headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String()) }),
        body: Type.Object(
          {
            email: Email,
            name: Type.String({ minLength: 1, maxLength: 200 }),
            role: RoleSchema,
            password: Type.Optional(Type.String({ maxLength: 1000 })),
            locale: Type.Optional(LocaleSchema),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({
            user: userRef,
            generatedPassword: Type.Union([Type.String(), Type.Null()]),
          }),
          ...errorResponses(400, 401, 403, 409),
        },
      },
    },
    async (request, reply) => {
      const result = await runIdempotent(
        contextOf(request, database),
        idempotencyClaim(request),
        async (ctx) => ({ statusCode: 201, body: await users.createUser(ctx, request.body) }),
      );
      return sendIdempotent(reply, result);
    },
  );

  app.get(
    '/api/v1/users/:id',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['users'],
        summary: 'One user',
        params: IdParams,
        response: { 200: userRef, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => users.getUser(contextOf(request, database), request.params.id),
  );

  app.patch(
    '/api/v1/users/:id',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['users'],
        summary:
          'Change a user: name, role, language, password, or disable (a new password ends their sessions and revokes their API tokens)',
        params: IdParams,
        body: Type.Object(
          {
            name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
            role: Type.Optional(RoleSchema),
            locale: Type.Optional(LocaleSchema),
            disabled: Type.Optional(Type.Boolean()),
            password: Type.Optional(Type.String({ maxLength: 1000 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: userRef, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      users.updateUser(contextOf(request, database), request.params.id, request.body),
  );

  app.get(
    '/api/v1/api-tokens',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['api tokens'],
        summary: 'Your API tokens (an admin sees every token of the agency)',
        querystring: PageQuery,
        response: { 200: Page(tokenRef), ...errorResponses(400, 401) },
      },
    },
    async (request) => tokens.listApiTokens(contextOf(request, database), request.query),
  );

  app.post(
    '/api/v1/api-tokens',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['api tokens'],
        summary:
          'Create an API token acting as you (from a signed-in session only, not with a token); the token is shown only in this answer',
        body: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 200 }),
            expiresAt: Type.Optional(Type.String({ format: 'date-time' })),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({ ...ApiTokenSchema.properties, token: Type.String() }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request, reply) => {
      const created = await tokens.createApiToken(contextOf(request, database), request.body);
      return reply.code(201).send(created);
    },
  );

  app.get(
    '/api/v1/api-tokens/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['api tokens'],
        summary: 'One API token (never its secret)',
        params: IdParams,
        response: { 200: tokenRef, ...errorResponses(401, 404) },
      },
    },
    async (request) => tokens.getApiToken(contextOf(request, database), request.params.id),
  );

  app.delete(
    '/api/v1/api-tokens/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['api tokens'],
        summary: 'Revoke an API token',
        params: IdParams,
        response: { 200: tokenRef, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => tokens.revokeApiToken(contextOf(request, database), request.params.id),
  );

  app.get(
    '/api/v1/audit',
    {
      config: { access: ['admin', 'accountant'] },
      schema: {
        tags: ['audit'],
        summary: 'The audit log, newest first, optionally for one entity',
        querystring: Type.Object({
          ...PageQuery.properties,
          entityType: Type.Optional(Type.String({ maxLength: 100 })),
          entityId: Type.Optional(Type.String({ maxLength: 100 })),
        }),
        response: { 200: Page(AuditEntrySchema), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const ctx = contextOf(request, database);
      const { limit, cursor, entityType, entityId } = request.query;
      const rows = await listAudit(ctx, {
        entityType,
        entityId,
        before: decodeCursor(cursor),
        limit,
      });
      const page = toPage(rows, limit);
      return {
        items: page.items.map((row) => ({ ...row, at: new Date(row.at).toISOString() })),
        nextCursor: page.nextCursor,
      };
    },
  );
}
