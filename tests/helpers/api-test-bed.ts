// The bed the catalog API tests share, so each test file shows only what is particular to its
// resource: an app on the test database, an agency with an agent and an accountant, a second
// agency whose rows the first must never reach, everyone signed in; and the checks every
// resource repeats (archive and restore, 404 across agencies, 403 for an accountant's writes).
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Database } from '../../src/server/db/connect.ts';
import { makeAgency, makeTestApp, signIn, type TestAgency, uniqueSuffix } from './factories.ts';

export type ApiMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** One request of a list the tests send alike: method, URL and, for a write, its body. */
export type ApiRequest = readonly [method: ApiMethod, url: string, payload?: object];

interface SignedInBed {
  app: FastifyInstance;
  agency: TestAgency;
  other: TestAgency;
  adminCookie: string;
  agentCookie: string;
  accountantCookie: string;
  otherCookie: string;
}

export interface ApiTestBed extends Readonly<SignedInBed> {
  /** Sends a request with the session cookie of whoever `cookie` signed in. */
  call(
    cookie: string,
    method: ApiMethod,
    url: string,
    payload?: object,
  ): Promise<LightMyRequestResponse>;
  asAdmin(method: ApiMethod, url: string, payload?: object): Promise<LightMyRequestResponse>;
  asAgent(method: ApiMethod, url: string, payload?: object): Promise<LightMyRequestResponse>;
  /** An agency of its own with its admin signed in, for tests that must see only their rows. */
  newAgency(): Promise<{ agency: TestAgency; cookie: string }>;
  /** The ids of the items a list endpoint answers with, in its order. */
  listedIds(cookie: string, url: string): Promise<string[]>;
  /** The actions the audit log recorded for an entity, oldest first. */
  auditedActions(entityId: string): Promise<string[]>;
  /** The entity as it was before and after the first audit entry of `action` for it. */
  auditedChange(entityId: string, action: string): Promise<{ before: unknown; after: unknown }>;
  /** Expects every request, sent as `cookie`, to answer `status` (as problem+json if asked). */
  expectEachAnswers(
    cookie: string,
    requests: readonly ApiRequest[],
    expected: { status: number; problemJson?: boolean },
  ): Promise<void>;
  /**
   * Archives the item `id` of `collectionUrl` and restores it, as `cookie` of an agency with no
   * other items there: archived, it leaves the default list and shows with archived=true;
   * restored, it is active again. `whileArchived` runs in between, for the resource's own checks.
   */
  expectArchiveAndRestore(
    cookie: string,
    collectionUrl: string,
    id: string,
    options?: { whileArchived?: () => Promise<void> },
  ): Promise<{ archived: LightMyRequestResponse; restored: LightMyRequestResponse }>;
}

/**
 * Sets the bed up in `beforeAll` and takes it down in `afterAll` of the calling suite; its
 * fields can be read from inside the tests (not while the suite is being declared).
 */
export function useApiTestBed(database: () => Database): ApiTestBed {
  let app: FastifyInstance | null = null;
  let bed: SignedInBed | null = null;

  beforeAll(async () => {
    app = await makeTestApp(database());
    const suffix = uniqueSuffix();
    const agentEmail = `agent-${suffix}@example.test`;
    const accountantEmail = `accountant-${suffix}@example.test`;
    const agency = await makeAgency(database(), {
      users: [
        { role: 'agent', email: agentEmail },
        { role: 'accountant', email: accountantEmail },
      ],
    });
    const other = await makeAgency(database());
    bed = {
      app,
      agency,
      other,
      adminCookie: (await signIn(app, agency.adminEmail)).cookie,
      agentCookie: (await signIn(app, agentEmail)).cookie,
      accountantCookie: (await signIn(app, accountantEmail)).cookie,
      otherCookie: (await signIn(app, other.adminEmail)).cookie,
    };
  });
  afterAll(async () => {
    await app?.close();
  });

  const ready = (): SignedInBed => {
    if (!bed) throw new Error('the API test bed is not set up yet: read it inside a test');
    return bed;
  };
  const call = (cookie: string, method: ApiMethod, url: string, payload?: object) =>
    ready().app.inject({ method, url, headers: { cookie }, payload });
  const listedIds = async (cookie: string, url: string): Promise<string[]> =>
    (await call(cookie, 'GET', url)).json().items.map((item: { id: string }) => item.id);

  return {
    get app() {
      return ready().app;
    },
    get agency() {
      return ready().agency;
    },
    get other() {
      return ready().other;
    },
    get adminCookie() {
      return ready().adminCookie;
    },
    get agentCookie() {
      return ready().agentCookie;
    },
    get accountantCookie() {
      return ready().accountantCookie;
    },
    get otherCookie() {
      return ready().otherCookie;
    },
    call,
    asAdmin: (method, url, payload) => call(ready().adminCookie, method, url, payload),
    asAgent: (method, url, payload) => call(ready().agentCookie, method, url, payload),
    async newAgency() {
      const agency = await makeAgency(database());
      return { agency, cookie: (await signIn(ready().app, agency.adminEmail)).cookie };
    },
    listedIds,
    async auditedActions(entityId) {
      const rows = await database()
        .db.selectFrom('auditLog')
        .select('action')
        .where('entityId', '=', entityId)
        .orderBy('id')
        .execute();
      return rows.map((row) => row.action);
    },
    auditedChange: (entityId, action) =>
      database()
        .db.selectFrom('auditLog')
        .select(['before', 'after'])
        .where('entityId', '=', entityId)
        .where('action', '=', action)
        .executeTakeFirstOrThrow(),
    async expectEachAnswers(cookie, requests, expected) {
      for (const [method, url, payload] of requests) {
        const response = await call(cookie, method, url, payload);
        expect(response.statusCode, `${method} ${url}`).toBe(expected.status);
        if (expected.problemJson) {
          expect(response.headers['content-type']).toContain('application/problem+json');
        }
      }
    },
    async expectArchiveAndRestore(cookie, collectionUrl, id, options = {}) {
      const archived = await call(cookie, 'POST', `${collectionUrl}/${id}/archive`);
      expect(archived.json()).toMatchObject({ archived: true, archivedAt: expect.any(String) });
      expect(await listedIds(cookie, collectionUrl)).toEqual([]);
      expect(await listedIds(cookie, `${collectionUrl}?archived=true`)).toEqual([id]);
      await options.whileArchived?.();
      const restored = await call(cookie, 'POST', `${collectionUrl}/${id}/restore`);
      expect(restored.json()).toMatchObject({ archived: false, archivedAt: null });
      return { archived, restored };
    },
  };
}
