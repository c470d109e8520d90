// The server's side of the web application: pages, client routes, assets and their caching.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import type { Database } from '../src/server/db/connect.ts';
import { openTestDatabase } from './helpers/database.ts';

describe('web assets', () => {
  let app: FastifyInstance;
  let database: Database;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'caravel-web-'));

  beforeAll(async () => {
    fs.mkdirSync(path.join(dir, 'assets'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Caravel</title>');
    fs.writeFileSync(path.join(dir, 'portal.html'), '<!doctype html><title>Portal</title>');
    fs.writeFileSync(path.join(dir, 'assets/app-abc123.js'), 'console.log(1)');
    database = await openTestDatabase('pglite');
    app = await buildApp({ config: loadConfig({}), database, logger: false, webDir: dir });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
    fs.rmSync(dir, { recursive: true });
  });

  it('serves the page at / and at client routes, never cached', async () => {
    for (const url of ['/', '/bookings', '/settings/users?x=1']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(response.body).toContain('<title>Caravel</title>');
      expect(response.headers['cache-control']).toBe('no-cache');
    }
  });

  it('serves the portal page at portal and voucher routes, and the back office elsewhere', async () => {
    for (const url of [
      '/portal/vltava-tours',
      '/portal/vltava-tours/products/123?adults=2',
      '/portal/vltava-tours/account',
      '/v/AbCdEfGhIjKlMnOpQrStUv',
    ]) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(response.body, url).toContain('<title>Portal</title>');
      expect(response.headers['cache-control']).toBe('no-cache');
    }
    for (const url of ['/portals', '/vouchers/1', '/bookings/v/1']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.body, url).toContain('<title>Caravel</title>');
    }
    const api = await app.inject({ method: 'GET', url: '/api/v1/portal-nothing' });
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toContain('application/problem+json');
  });

  it('serves hashed assets as immutable, and a missing one as 404 rather than the page', async () => {
    const asset = await app.inject({ method: 'GET', url: '/assets/app-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    const missing = await app.inject({ method: 'GET', url: '/assets/app-old999.js' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
  });

  it('serves a file added after start (a rebuild) without a restart', async () => {
    fs.writeFileSync(path.join(dir, 'assets/app-new456.js'), 'console.log(2)');
    expect((await app.inject({ method: 'GET', url: '/assets/app-new456.js' })).body).toBe(
      'console.log(2)',
    );
  });
});
