// Who is calling: the session cookie or `Authorization: Bearer <api token>`, checked once per
// request; and what each route allows, declared on the route itself (deny by default).
// Writes without a bearer token must come from our own pages (http/cross-site.ts).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Ctx } from '../context.ts';
import type { Database } from '../db/connect.ts';
import type { Role } from '../db/schema.ts';
import { Forbidden, Unauthorized } from '../errors.ts';
import { authenticateApiToken, authenticateSession } from '../modules/identity/auth-service.ts';
import type { Authentication } from '../modules/identity/types.ts';
import { checkCookieWrite } from './cross-site.ts';

export const sessionCookie = 'caravel_session';

/** `public`: anyone; `authenticated`: any signed-in role; or a list of roles. */
export type Access = 'public' | 'authenticated' | readonly Role[];

/** One API route and who may call it, as the route declared it. */
export interface RouteAccess {
  method: string;
  url: string;
  access: Access;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyInstance {
    /** Every API route with its access rule: the roles × routes table (README, role tests). */
    routeAccess: RouteAccess[];
  }
  interface FastifyRequest {
    auth: Authentication | null;
  }
}

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1] ?? null;
}

export function registerAuth(
  app: FastifyInstance,
  database: Database,
  options: { sessionTtlHours: number; publicUrl: string },
): void {
  app.decorateRequest('auth', null);
  const publicOrigin = new URL(options.publicUrl).origin;

  // Every API route must say who may call it; a route that forgets fails at start-up,
  // not in production.
  const table: RouteAccess[] = [];
  app.decorate('routeAccess', table);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1')) return;
    const access = route.config?.access;
    if (access === undefined) {
      throw new Error(`route ${route.method} ${route.url} declares no access rule`);
    }
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') table.push({ method, url: route.url, access });
    }
  });

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config?.access;
    if (access === undefined) return;
    const bearer = bearerToken(request);
    const cookie = request.cookies[sessionCookie];
    // Before anything is looked up: a forged cross-site write goes no further.
    checkCookieWrite(request, { publicOrigin, bearer: !!bearer, cookie: !!cookie });
    if (bearer) {
      request.auth = await authenticateApiToken(database.db, bearer);
      if (!request.auth && access !== 'public') {
        throw new Unauthorized('the API token is unknown, expired or revoked');
      }
    } else if (cookie) {
      request.auth = await authenticateSession(database.db, cookie, options.sessionTtlHours);
    }
    if (access === 'public') return;
    if (!request.auth) throw new Unauthorized('sign in or send an API token');
    if (access !== 'authenticated' && !access.includes(request.auth.role)) {
      throw new Forbidden(`this needs one of the roles: ${access.join(', ')}`);
    }
  });
}

/** The service context of an authenticated request. */
export function contextOf(request: FastifyRequest, database: Database): Ctx {
  const auth = request.auth;
  if (!auth) throw new Unauthorized('sign in or send an API token');
  return {
    db: database.db,
    agencyId: auth.agencyId,
    actor: {
      type: auth.via === 'api_token' ? 'api_token' : 'user',
      id: auth.via === 'api_token' ? auth.tokenId : auth.userId,
      userId: auth.userId,
      name: auth.name,
      role: auth.role,
    },
    requestId: request.id,
  };
}
