// Serves the built web application (dist/web) and answers unknown page paths with the page
// of the app they belong to, so client-side routes survive a reload: the customer portal
// (`/portal/…`) and voucher pages (`/v/…`) with portal.html, everything else with the back
// office's index.html. Unknown /api paths and missing files stay 404 problems.
import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { problem } from './problem.ts';

export const webDistDir = path.resolve(import.meta.dirname, '../../../dist/web');

export function webAssetsBuilt(dir = webDistDir): boolean {
  return fs.existsSync(path.join(dir, 'index.html'));
}

/** The page of the customer-facing app: the portal and the public voucher pages. */
export function pageFileFor(pathOnly: string): 'portal.html' | 'index.html' {
  return /^\/(portal|v)(\/|$)/.test(pathOnly) ? 'portal.html' : 'index.html';
}

/** A page path (client route) rather than a file: no extension in its last segment. */
function isPagePath(pathOnly: string): boolean {
  return !pathOnly.startsWith('/api') && !/\.[a-z0-9]+$/i.test(pathOnly);
}

export async function registerWebAssets(app: FastifyInstance, dir = webDistDir): Promise<void> {
  const built = webAssetsBuilt(dir);
  if (built) {
    // The wildcard route looks files up per request, so a rebuild is served without a
    // restart. Hashed assets are cached for good; the page itself never, so a deploy shows
    // at once.
    await app.register(fastifyStatic, {
      root: dir,
      index: 'index.html',
      cacheControl: false,
      setHeaders: (response, filePath) => {
        response.setHeader(
          'cache-control',
          filePath.endsWith('.html') ? 'no-cache' : 'public, max-age=31536000, immutable',
        );
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const pathOnly = request.url.split('?')[0] ?? '/';
    if (request.method === 'GET' && isPagePath(pathOnly) && built) {
      reply.header('cache-control', 'no-cache');
      return reply.sendFile(pageFileFor(pathOnly));
    }
    const detail =
      request.method === 'GET' && isPagePath(pathOnly)
        ? 'the web application is not built; run `npm run build`'
        : `no route ${request.method} ${pathOnly}`;
    return reply.code(404).type('application/problem+json').send(problem(404, detail).body);
  });
}
