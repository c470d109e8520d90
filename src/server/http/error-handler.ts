// The single error handler: every failure leaves as problem+json, logged once, and nothing
// internal (stack, SQL) reaches the client. The router's own errors (a URL that is not valid
// percent-encoded UTF-8, a path parameter too long) come here too, through `frameworkErrors`.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { problemFromError } from './problem.ts';

export function replyWithProblem(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  const response = problemFromError(error);
  if (response.logLevel === 'error') request.log.error({ err: error }, 'request failed');
  else if (response.logLevel === 'warn')
    request.log.warn(
      { err: error, status: response.status },
      'client error the schema let through',
    );
  else request.log.info({ status: response.status, detail: response.body.detail }, 'client error');
  return reply
    .code(response.status)
    .headers(response.headers)
    .type('application/problem+json')
    .send({ ...response.body, instance: request.url.split('?')[0] });
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler(replyWithProblem);
}
