// Builds the Fastify application from the configuration, the database and the modules.
import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { type Config, trustProxyOption } from './config.ts';
import type { Database } from './db/connect.ts';
import { registerAuth, sessionCookie } from './http/auth.ts';
import { registerErrorHandler, replyWithProblem } from './http/error-handler.ts';
import { healthRoutes } from './http/health.ts';
import { requestLogValue } from './http/log-serializers.ts';
import { ProblemSchema } from './http/schemas.ts';
import { registerSecurityHeaders, securityHeaders } from './http/security-headers.ts';
import { registerTextGuard } from './http/text-guard.ts';
import { registerWebAssets } from './http/web-assets.ts';
import { bookingChangeRoutes } from './modules/bookings/change-routes.ts';
import { bookingListRoutes } from './modules/bookings/list-routes.ts';
import { bookingRoutes } from './modules/bookings/routes.ts';
import { bookingSeatRoutes } from './modules/bookings/seat-routes.ts';
import { catalogRoutes } from './modules/catalog/routes.ts';
import { customerRoutes } from './modules/customers/routes.ts';
import { documentRoutes } from './modules/documents/routes.ts';
import { LoginThrottle } from './modules/identity/login-throttle.ts';
import { identityRoutes } from './modules/identity/routes.ts';
import { inventoryRoutes } from './modules/inventory/routes.ts';
import { invoicingRoutes } from './modules/invoicing/routes.ts';
import { offerRoutes } from './modules/offers/routes.ts';
import { operationsRoutes } from './modules/operations/routes.ts';
import { paymentRoutes } from './modules/payments/routes.ts';
import { portalRoutes } from './modules/portal/routes.ts';
import { quoteRoutes } from './modules/pricing/quote-routes.ts';
import { pricingRoutes } from './modules/pricing/routes.ts';
import { reportRoutes } from './modules/reporting/routes.ts';
import { seatingRoutes } from './modules/seating/routes.ts';
import { supplierInvoiceRoutes } from './modules/supplier-invoices/routes.ts';

export interface AppOptions {
  config: Config;
  database: Database;
  logger?: FastifyServerOptions['logger'];
  throttle?: LoginThrottle;
  /** Where the built web application is; tests point it elsewhere or leave it unbuilt. */
  webDir?: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    apiRoutes: string[];
  }
}

const requestIdPattern = /^[\w.:-]{1,64}$/;

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { config, database } = options;
  const app = Fastify({
    logger: options.logger ?? {
      level: config.logLevel,
      redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
      serializers: { req: requestLogValue },
    },
    // A caller's X-Request-Id is kept (so a support ticket can be traced end to end).
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && requestIdPattern.test(given) ? given : randomUUID();
    },
    trustProxy: trustProxyOption(config.trustProxy),
    // The router's errors (bad percent-encoding, a path parameter over 100 characters) answer
    // problem+json like every other error.
    // Fastify answers these before routing, without the onSend hooks below: the request id
    // and the security headers are set here too.
    frameworkErrors: (error, request, reply) => {
      reply.header('x-request-id', request.id);
      reply.headers(securityHeaders({ secure: config.secureCookies }));
      return replyWithProblem(error, request, reply);
    },
    ajv: {
      customOptions: {
        allErrors: true,
        coerceTypes: 'array',
        useDefaults: true,
        removeAdditional: false,
      },
    },
  });

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  registerSecurityHeaders(app, { secure: config.secureCookies });

  // Every API route, as "METHOD /path/{param}", so tests can hold OpenAPI to what is served.
  const apiRoutes: string[] = [];
  app.decorate('apiRoutes', apiRoutes);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs') || route.schema?.hide)
      return;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const path = route.url.replace(/:(\w+)/g, '{$1}');
    for (const method of methods) if (method !== 'HEAD') apiRoutes.push(`${method} ${path}`);
  });

  registerErrorHandler(app);
  registerTextGuard(app);
  await app.register(fastifyCookie);
  app.addSchema(ProblemSchema);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Caravel API',
        version: '1',
        description:
          'Reservation and ticketing for travel agencies. Errors are RFC 9457 problem+json. ' +
          'Authenticate with the session cookie from /api/v1/auth/login or `Authorization: Bearer <token>`.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: sessionCookie },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    // Only the API is documented; each route's access rule becomes its security entry.
    transform: ({ schema, url, route }) => {
      const hidden = !url.startsWith('/api/') || url.startsWith('/api/docs');
      const access = route.config?.access;
      const security = access && access !== 'public' ? [{ session: [] }, { bearer: [] }] : [];
      return {
        schema: { ...schema, hide: hidden || schema?.hide, security } as unknown as typeof schema,
        url,
      };
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const throttle = options.throttle ?? new LoginThrottle();
  registerAuth(app, database, {
    sessionTtlHours: config.sessionTtlHours,
    publicUrl: config.publicUrl,
  });
  await app.register(healthRoutes, { database });
  await app.register(identityRoutes, { database, config, throttle });
  await app.register(catalogRoutes, { database });
  await app.register(customerRoutes, { database });
  await app.register(inventoryRoutes, { database });
  await app.register(pricingRoutes, { database });
  await app.register(quoteRoutes, { database });
  await app.register(bookingRoutes, { database });
  await app.register(bookingChangeRoutes, { database });
  await app.register(bookingListRoutes, { database });
  await app.register(bookingSeatRoutes, { database });
  await app.register(seatingRoutes, { database });
  await app.register(operationsRoutes, { database });
  await app.register(offerRoutes, { database });
  await app.register(invoicingRoutes, { database });
  await app.register(documentRoutes, { database, config });
  await app.register(paymentRoutes, { database });
  await app.register(portalRoutes, { database, config });
  await app.register(reportRoutes, { database });
  await app.register(supplierInvoiceRoutes, { database });
  await registerWebAssets(app, options.webDir);
  return app;
}
