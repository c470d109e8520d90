// Cross-site request forgery: a page on another site can make the browser send a write with
// the session cookie attached, as long as it is a "simple" request (a form post, or fetch
// with text/plain or no body), which needs no CORS preflight. So a write that rides on the
// session cookie must come from Caravel's own pages (Origin / Sec-Fetch-Site) and carry only
// what its route takes: JSON, or nothing where the route has no body. API-token calls carry
// no ambient credential and are not checked.
import { errorCodes, type FastifyRequest } from 'fastify';
import { Forbidden } from '../errors.ts';

const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Whether the request comes from this server's own pages (or from no browser page at all). */
export function fromOwnOrigin(request: FastifyRequest, publicOrigin: string): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') return false;
  const origin = request.headers.origin;
  // No Origin: not a browser's cross-origin write (browsers send it on every POST, PUT,
  // PATCH and DELETE made by fetch or a form of another origin).
  if (origin === undefined) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false; // `null` (a sandboxed frame, a file) or garbage
  }
  // The configured public URL, or the host the request was sent to (the same origin, also
  // when the public URL names another host than the one the browser used).
  return url.origin === publicOrigin || url.host === hostOf(url.protocol, request.host);
}

/** The Host header as a URL would write it (`localhost:80` is `localhost` over http). */
function hostOf(protocol: string, host: string): string | null {
  try {
    return new URL(`${protocol}//${host}`).host;
  } catch {
    return null;
  }
}

/** Whether the request carries a body: a length above zero, or a chunked one. */
function hasBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  if (length !== undefined && length !== '0') return true;
  return request.headers['transfer-encoding'] !== undefined;
}

function mediaType(request: FastifyRequest): string | null {
  const header = request.headers['content-type'];
  if (header === undefined) return null;
  return (header.split(';')[0] ?? '').trim().toLowerCase();
}

/**
 * Refuses a write without a bearer token that comes from another site (403: with the session
 * cookie it would act for the signed-in user; without it, a forged sign-in), and a write
 * with the session cookie whose content type its route does not take (415).
 */
export function checkCookieWrite(
  request: FastifyRequest,
  options: { publicOrigin: string; bearer: boolean; cookie: boolean },
): void {
  if (!writeMethods.has(request.method) || options.bearer) return;
  if (!fromOwnOrigin(request, options.publicOrigin)) {
    throw new Forbidden(
      'a cross-site request was refused: writes must come from this server’s own pages (check the Origin header and CARAVEL_PUBLIC_URL)',
    );
  }
  if (!options.cookie) return;
  const type = mediaType(request);
  if (type === null && !hasBody(request)) return;
  const schema = request.routeOptions.schema as { consumes?: string[] } | undefined;
  // JSON, or what the route says it consumes (multipart for an upload). A JSON body sent to
  // a route without one is harmless (another site cannot send JSON without a preflight).
  const accepted = schema?.consumes ?? ['application/json'];
  if (type === null || !accepted.includes(type)) {
    throw new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE(type ?? '(none, with a body)');
  }
}
