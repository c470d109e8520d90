// The single error handler: every failure leaves as problem+json, logged once, and nothing
// internal (stack, SQL) reaches the client.
import type { FastifyInstance } from 'fastify';
import { problemFromError } from './problem.ts';

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const response = problemFromError(error);
    if (response.logLevel === 'error') request.log.error({ err: error }, 'request failed');
    else
      request.log.info({ status: response.status, detail: response.body.detail }, 'client error');
    return reply
      .code(response.status)
      .headers(response.headers)
      .type('application/problem+json')
      .send({ ...response.body, instance: request.url.split('?')[0] });
  });
}
