// The demo's supplier invoices, read through the API as its accountant would: matched to the
// demo's bookings, one billed beyond the tolerance and flagged, one paid, and the
// supplier-costs report and payables with rows to show.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../tests/helpers/database.ts';
import { makeTestApp, signIn } from '../../../tests/helpers/factories.ts';
import type { UserSeed } from '../modules/identity/bootstrap.ts';
import { type DemoResult, demoPassword, demoStaff, seedDemoAgency } from './seed.ts';

const admin: UserSeed = {
  email: 'owner@vltava-tours.example',
  name: 'Administrator',
  role: 'admin',
  locale: 'en',
  password: 'demo admin password 1',
};

describeEachDatabase('demo supplier invoices', (database) => {
  let app: FastifyInstance;
  let accountant: string;
  let demo: DemoResult;

  // biome-ignore lint/suspicious/noExplicitAny: API answers are read loosely here
  const get = async (url: string): Promise<any> => {
    const response = await app.inject({ method: 'GET', url, headers: { cookie: accountant } });
    expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
    return response.json();
  };

  beforeAll(async () => {
    demo = await seedDemoAgency(database().db, admin);
    app = await makeTestApp(database());
    const email = demoStaff.find((user) => user.role === 'accountant')?.email as string;
    accountant = (await signIn(app, email, demoPassword)).cookie;
  });

  afterAll(async () => {
    await app?.close();
  });

  it('has invoices matched to its bookings, one flagged beyond tolerance and one paid', async () => {
    const list = await get('/api/v1/supplier-invoices');
    expect(list.items.map((i: { id: string }) => i.id).sort()).toEqual(
      [...(demo.supplierInvoices?.invoiceIds ?? [])].sort(),
    );
    expect(list.items.length).toBeGreaterThanOrEqual(3);
    const flagged = await get(`/api/v1/supplier-invoices/${demo.supplierInvoices?.flaggedId}`);
    expect(flagged.flagged).toBe(true);
    expect(flagged.variance).toBeGreaterThan(0);
    expect(flagged.matches.length).toBe(1);
    const bookingLines = new Set<string>();
    for (const id of demo.bookings?.bookingIds ?? []) {
      const booking = await get(`/api/v1/bookings/${id}`);
      for (const line of booking.lines ?? []) bookingLines.add(line.id);
    }
    for (const invoice of list.items) {
      const full = await get(`/api/v1/supplier-invoices/${invoice.id}`);
      for (const match of full.matches) expect(bookingLines.has(match.targetId)).toBe(true);
    }
    expect(list.items.filter((i: { status: string }) => i.status === 'paid')).toHaveLength(1);
    expect(list.items.filter((i: { flagged: boolean }) => !i.flagged).length).toBeGreaterThan(0);
  });

  it('shows them in the supplier-costs report and the open ones in payables', async () => {
    const costs = await get('/api/v1/reports/supplier-costs');
    expect(costs.currency).toBe('CZK');
    const kinds = new Set(costs.rows.map((r: { row: string }) => r.row));
    expect(kinds.has('matched')).toBe(true);
    expect(kinds.has('unmatched')).toBe(true);
    expect(costs.rows.some((r: { flagged: boolean }) => r.flagged)).toBe(true);
    const payables = await get('/api/v1/reports/payables');
    const open = (await get('/api/v1/supplier-invoices?status=open')).items;
    const sumOpen = open.reduce((s: number, i: { amountBase: number }) => s + i.amountBase, 0);
    expect(payables.totals.total).toBe(sumOpen);
  });
});
