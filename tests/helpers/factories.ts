// Factories for integration tests: valid agencies and users with overrides, created through
// the same code paths the product uses.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { type Ctx, systemActor } from '../../src/server/context.ts';
import type { Database } from '../../src/server/db/connect.ts';
import type { Role } from '../../src/server/db/schema.ts';
import { createAgencyWithUsers } from '../../src/server/modules/identity/bootstrap.ts';
import { LoginThrottle } from '../../src/server/modules/identity/login-throttle.ts';
import * as repo from '../../src/server/modules/identity/repo.ts';

export const testPassword = 'correct horse battery';

export interface TestAgency {
  agencyId: string;
  slug: string;
  adminEmail: string;
  ctx: Ctx;
}

let counter = 0;

export function uniqueSuffix(): string {
  counter += 1;
  return `${randomBytes(3).toString('hex')}${counter}`;
}

export async function makeAgency(
  database: Database,
  overrides: { name?: string; users?: { email?: string; role: Role; name?: string }[] } = {},
): Promise<TestAgency> {
  const suffix = uniqueSuffix();
  const slug = `agency-${suffix}`;
  const adminEmail = `admin-${suffix}@example.test`;
  const users = [
    { email: adminEmail, name: 'Admin', role: 'admin' as Role },
    ...(overrides.users ?? []).map((user, index) => ({
      email: user.email ?? `${user.role}-${index}-${suffix}@example.test`,
      name: user.name ?? `${user.role} ${index}`,
      role: user.role,
    })),
  ];
  const agencyId = await createAgencyWithUsers(
    database.db,
    { name: overrides.name ?? `Agency ${suffix}`, slug, defaultLocale: 'en', baseCurrency: 'EUR' },
    users.map((user) => ({ ...user, locale: 'en', password: testPassword })),
  );
  return { agencyId, slug, adminEmail, ctx: { db: database.db, agencyId, actor: systemActor } };
}

export async function userByEmail(database: Database, agencyId: string, email: string) {
  const user = await repo.findUserByEmail(database.db, agencyId, email);
  if (!user) throw new Error(`no user ${email}`);
  return user;
}

export async function makeTestApp(
  database: Database,
  options: { throttle?: LoginThrottle } = {},
): Promise<FastifyInstance> {
  const config = loadConfig({ CARAVEL_DATA_DIR: '/nonexistent/caravel-test', LOG_LEVEL: 'silent' });
  const app = await buildApp({
    config,
    database,
    logger: false,
    throttle:
      options.throttle ?? new LoginThrottle({ perAccount: 1000, perAddress: 1000, windowMs: 1 }),
    webDir: '/nonexistent/caravel-web',
  });
  await app.ready();
  return app;
}

/** Signs in through the API and returns the session cookie header. */
export async function signIn(app: FastifyInstance, email: string, password = testPassword) {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
  });
  if (response.statusCode !== 200) {
    throw new Error(`sign-in of ${email} failed: ${response.statusCode} ${response.body}`);
  }
  const cookie = response.cookies.find((c) => c.name === 'caravel_session');
  if (!cookie) throw new Error('no session cookie');
  return { cookie: `caravel_session=${cookie.value}`, user: response.json().user };
}
