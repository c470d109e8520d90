// Serves the built web application (dist/web) and answers unknown non-API paths with its
// index.html, so client-side routes survive a reload. Unknown /api paths stay 404 problems.
import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { problem } from './problem.ts';

export const webDistDir = path.resolve(import.meta.dirname, '../../../dist/web');

export function webAssetsBuilt(dir = webDistDir): boolean {
  return fs.existsSync(path.join(dir, 'index.html'));
}

export async function registerWebAssets(app: FastifyInstance, dir = webDistDir): Promise<void> {
  const built = webAssetsBuilt(dir);
  if (built) {
    await app.register(fastifyStatic, { root: dir, wildcard: false, index: false });
  }
  app.setNotFoundHandler((request, reply) => {
    const pathOnly = request.url.split('?')[0] ?? '/';
    const wantsPage = request.method === 'GET' && !pathOnly.startsWith('/api');
    if (wantsPage && built) {
      // Hashed assets are cached for good; the page itself never, so deploys show at once.
      reply.header('cache-control', 'no-cache');
      return reply.sendFile('index.html');
    }
    const detail = wantsPage
      ? 'the web application is not built; run `npm run build`'
      : `no route ${request.method} ${pathOnly}`;
    return reply
      .code(404)
      .type('application/problem+json')
      .send(problem(404, detail).body);
  });
}
