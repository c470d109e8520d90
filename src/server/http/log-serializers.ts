// How a request appears in the logs: Fastify's own fields, with the free text of searches
// (`q=`) blanked, since what staff type there is a customer's name, e-mail or phone more
// often than not, and personal data has no business in a log line.
import type { FastifyRequest } from 'fastify';

/** The URL with the value of every `q` parameter replaced by `[redacted]`. */
export function redactSearchText(url: string): string {
  const start = url.indexOf('?');
  if (start < 0) return url;
  const query = url
    .slice(start + 1)
    .split('&')
    .map((pair) => (/^q(=|$)/.test(pair) ? 'q=[redacted]' : pair))
    .join('&');
  return `${url.slice(0, start)}?${query}`;
}

/** Fastify's default `req` serializer, with the search text redacted. */
export function requestLogValue(request: FastifyRequest) {
  return {
    method: request.method,
    url: redactSearchText(request.url),
    version: request.headers?.['accept-version'] as string | undefined,
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket ? request.socket.remotePort : undefined,
  };
}
