// Security headers on every answer: pages, the API and its reference (/api/docs).
// (@fastify/helmet would do the same; it is not among our dependencies, and these few lines
// are all Caravel needs.) A header a route has set already is left as it is.
import type { FastifyInstance } from 'fastify';

/**
 * The Content-Security-Policy. Scripts come only from our own files: the built pages
 * (dist/web) and Swagger UI's page load theirs with `<script src>`, and no inline script is
 * needed, so no nonce or hash either. Styles allow 'unsafe-inline' (styles only): Mantine
 * writes its CSS variables into a `<style>` tag at run time and both Mantine and Swagger UI
 * set `style` attributes, which no nonce can cover; inline CSS cannot run code.
 * `data:` images are the portal's empty favicon and the icons inside Mantine's and Swagger
 * UI's CSS; `blob:` the documents a page downloads.
 */
export function contentSecurityPolicy(options: { secure: boolean }): string {
  const directives = [
    "default-src 'self'",
    "script-src 'self'",
    "script-src-attr 'none'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    ...(options.secure ? ['upgrade-insecure-requests'] : []),
  ];
  return directives.join('; ');
}

export function securityHeaders(options: { secure: boolean }): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(options),
    // Served over HTTPS (secure cookies): browsers keep to HTTPS for a year.
    ...(options.secure
      ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' }
      : {}),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'same-origin',
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'origin-agent-cluster': '?1',
    'x-dns-prefetch-control': 'off',
    'x-permitted-cross-domain-policies': 'none',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
  };
}

/** Sets the headers on every answer; `secure` when Caravel is served over HTTPS. */
export function registerSecurityHeaders(app: FastifyInstance, options: { secure: boolean }): void {
  const headers = Object.entries(securityHeaders(options));
  app.addHook('onSend', async (_request, reply) => {
    for (const [name, value] of headers) if (!reply.hasHeader(name)) reply.header(name, value);
  });
}
