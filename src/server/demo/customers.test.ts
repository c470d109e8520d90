// The demo's customers, read through the API as an agent would: Globex with its policy,
// approver, employees and corporate price list, and travellers of every market.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../tests/helpers/database.ts';
import { makeTestApp, signIn, userByEmail } from '../../../tests/helpers/factories.ts';
import type { UserSeed } from '../modules/identity/bootstrap.ts';
import { demoGlobexApproverEmail } from './customers.ts';
import { demoCorporateCustomerId } from './pricing.ts';
import { type DemoResult, demoPassword, demoStaff, seedDemoAgency } from './seed.ts';

const admin: UserSeed = {
  email: 'owner@vltava-tours.example',
  name: 'Administrator',
  role: 'admin',
  locale: 'en',
  password: 'demo admin password 1',
};

describeEachDatabase('demo customers', (database) => {
  let app: FastifyInstance;
  let agent: string;
  let demo: DemoResult;

  beforeAll(async () => {
    demo = await seedDemoAgency(database().db, admin);
    app = await makeTestApp(database());
    const agentEmail = demoStaff.find((user) => user.role === 'agent')?.email as string;
    agent = (await signIn(app, agentEmail, demoPassword)).cookie;
  });

  afterAll(async () => {
    await app?.close();
  });

  // biome-ignore lint/suspicious/noExplicitAny: API answers are read loosely here
  const get = async (url: string): Promise<any> => {
    const response = await app.inject({ method: 'GET', url, headers: { cookie: agent } });
    expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
    return response.json();
  };

  it('seeds Globex under the id its corporate price list is keyed by, with policy and approver', async () => {
    expect(demo.customers?.globexId).toBe(demoCorporateCustomerId);
    const approver = await userByEmail(database(), demo.agencyId, demoGlobexApproverEmail);
    const globex = await get(`/api/v1/customers/${demoCorporateCustomerId}`);
    expect(globex).toMatchObject({
      kind: 'company',
      name: 'Globex s.r.o.',
      travelPolicy: {
        maxPricePerNight: { amount: 350_000, currency: 'CZK' },
        minAdvanceDays: 7,
        requireApproval: false,
      },
      costCentres: ['Obchod', 'Vývoj', 'Marketing'],
      approverIds: [approver.id],
    });
    expect(approver.role).toBe('approver');
    const lists = await get(`/api/v1/price-lists?customerId=${demoCorporateCustomerId}`);
    expect(lists.items).toHaveLength(1);
  });

  it('seeds travellers of every market, two of them Globex employees', async () => {
    const persons = (await get('/api/v1/customers?kind=person&limit=200')).items;
    expect(persons.length).toBeGreaterThanOrEqual(8);
    expect(new Set(persons.map((p: { locale: string }) => p.locale))).toEqual(
      new Set(['cs', 'pl', 'tr', 'zh']),
    );
    const employees = (await get(`/api/v1/customers?companyId=${demoCorporateCustomerId}`)).items;
    expect(employees.map((e: { name: string }) => e.name).sort()).toEqual([
      'Jan Dvořák',
      'Kateřina Šťastná',
    ]);
    expect(employees.map((e: { employerName: string }) => e.employerName)).toEqual([
      'Globex s.r.o.',
      'Globex s.r.o.',
    ]);
    const found = await get(`/api/v1/customers?q=${encodeURIComponent('zolkiewski')}`);
    expect(found.items.map((c: { name: string }) => c.name)).toEqual(['Łukasz Żółkiewski']);
    const family = await get(`/api/v1/customers?q=${encodeURIComponent('cerni.rodina')}`);
    expect(family.items).toHaveLength(2);
  });
});
