// Security headers on pages, the portal, the API reference and the API itself.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../tests/helpers/database.ts';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import type { Database } from '../db/connect.ts';
import { webAssetsBuilt, webDistDir } from './web-assets.ts';

const webSourceDir = path.resolve(import.meta.dirname, '../../web');

/** `<script>` elements with content of their own: the CSP allows none of them. */
function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter(([, attributes, body]) => !/\bsrc=/.test(attributes ?? '') && body?.trim())
    .map(([script]) => script);
}

describe('security headers', () => {
  let database: Database;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'caravel-web-'));
  const apps: FastifyInstance[] = [];

  async function appWith(env: Record<string, string>): Promise<FastifyInstance> {
    const app = await buildApp({ config: loadConfig(env), database, logger: false, webDir: dir });
    apps.push(app);
    return app;
  }

  beforeAll(async () => {
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Caravel</title>');
    fs.writeFileSync(path.join(dir, 'portal.html'), '<!doctype html><title>Portal</title>');
    database = await openTestDatabase('pglite');
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await database.close();
    fs.rmSync(dir, { recursive: true });
  });

  const urls = ['/', '/portal/vltava-tours', '/v/AbCdEfGh', '/api/docs', '/api/health'];

  it('sends a strict Content-Security-Policy on pages, the API reference and API answers', async () => {
    const app = await appWith({});
    for (const url of [...urls, '/api/v1/me']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBeLessThan(500);
      const csp = response.headers['content-security-policy'] as string;
      expect(csp, url).toBeDefined();
      const directives = new Map(
        csp.split(';').map((part) => {
          const [name = '', ...values] = part.trim().split(/\s+/);
          return [name, values.join(' ')] as const;
        }),
      );
      expect(directives.get('default-src'), url).toBe("'self'");
      expect(directives.get('script-src'), url).toBe("'self'");
      expect(directives.get('object-src'), url).toBe("'none'");
      expect(directives.get('frame-ancestors'), url).toBe("'none'");
      expect(directives.get('base-uri'), url).toBe("'self'");
      expect(directives.get('form-action'), url).toBe("'self'");
      expect(csp).not.toContain('unsafe-eval');
      // The headers that were there before stay.
      expect(response.headers['x-content-type-options'], url).toBe('nosniff');
      expect(response.headers['x-frame-options'], url).toBe('DENY');
      expect(response.headers['referrer-policy'], url).toBe('same-origin');
      // Without HTTPS there is no HSTS (it would pin a plain-HTTP installation).
      expect(response.headers['strict-transport-security'], url).toBeUndefined();
    }
  });

  it('sends HSTS when the cookies are secure (served over HTTPS)', async () => {
    const app = await appWith({ CARAVEL_SECURE_COOKIES: '1' });
    for (const url of urls) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.headers['strict-transport-security'], url).toMatch(
        /^max-age=\d{8,}; includeSubDomains$/,
      );
    }
  });

  it('needs no inline script: the pages and Swagger UI load theirs from files', async () => {
    const app = await appWith({});
    const docs = await app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('<script src=');
    expect(inlineScripts(docs.body)).toEqual([]);
    const pages = ['index.html', 'portal.html'].map((page) => path.join(webSourceDir, page));
    if (webAssetsBuilt())
      pages.push(...['index.html', 'portal.html'].map((page) => path.join(webDistDir, page)));
    for (const page of pages)
      expect(inlineScripts(fs.readFileSync(page, 'utf8')), page).toEqual([]);
  });
});
