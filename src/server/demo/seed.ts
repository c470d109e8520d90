// The demo agency loaded by CARAVEL_DEMO=1 (the default of `npm start`): a Prague tour
// operator with a small team, so a new user sees a real-looking back office at once.
import type { Kysely } from 'kysely';
import { todayUtc } from '../calendar.ts';
import { systemActor } from '../context.ts';
import type { DB } from '../db/schema.ts';
import { withTransaction } from '../db/transaction.ts';
import { createAgencyWithUsers, type UserSeed } from '../modules/identity/bootstrap.ts';
import * as repo from '../modules/identity/repo.ts';
import { type DemoBookingsSummary, seedDemoBookings } from './bookings.ts';
import { type DemoCatalogSummary, seedDemoCatalog } from './catalog.ts';
import { type DemoCustomersSummary, seedDemoCustomers } from './customers.ts';
import { seedDemoInvoicing } from './paperwork.ts';
import { type DemoPricingSummary, seedDemoPricing } from './pricing.ts';
import { type DemoSupplierInvoicesSummary, seedDemoSupplierInvoices } from './supplier-invoices.ts';

export const demoAgency = {
  name: 'Vltava Tours s.r.o.',
  slug: 'vltava-tours',
  defaultLocale: 'cs',
  baseCurrency: 'CZK',
};

/** The demo team's shared password: a demo convenience, printed at start and in the README. */
export const demoPassword = 'caravel-demo';

export const demoStaff: Omit<UserSeed, 'password'>[] = [
  {
    email: 'jana.novakova@vltava-tours.example',
    name: 'Jana Nováková',
    role: 'agent',
    locale: 'cs',
  },
  { email: 'tomasz.nowak@vltava-tours.example', name: 'Tomasz Nowak', role: 'agent', locale: 'pl' },
  {
    email: 'petr.svoboda@vltava-tours.example',
    name: 'Petr Svoboda',
    role: 'customer_service',
    locale: 'cs',
  },
  {
    email: 'eva.dvorakova@vltava-tours.example',
    name: 'Eva Dvořáková',
    role: 'accountant',
    locale: 'cs',
  },
  { email: 'ayse.yilmaz@globex.example', name: 'Ayşe Yılmaz', role: 'approver', locale: 'tr' },
  {
    email: 'partner@dealhub.example',
    name: 'DealHub (marketplace)',
    role: 'partner',
    locale: 'en',
  },
];

export interface DemoResult {
  agencyId: string;
  created: boolean;
  /** What the demo catalog holds, with its prices; null when the agency existed already. */
  catalog: (DemoCatalogSummary & { pricing: DemoPricingSummary }) | null;
  /** The demo's customers; null when the agency existed already. */
  customers: DemoCustomersSummary | null;
  /** The demo's bookings; null when the agency existed already. */
  bookings: DemoBookingsSummary | null;
  /** The demo's supplier invoices; null when the agency existed already. */
  supplierInvoices: DemoSupplierInvoicesSummary | null;
}

/**
 * Creates the demo agency with `admin` as its administrator, its staff, its catalog, its
 * customers and its prices, unless it exists already. All of it is one transaction: a
 * failure leaves no half demo.
 */
export async function seedDemoAgency(db: Kysely<DB>, admin: UserSeed): Promise<DemoResult> {
  const existing = await repo.findAgencyBySlug(db, demoAgency.slug);
  if (existing)
    return {
      agencyId: existing.id,
      created: false,
      catalog: null,
      customers: null,
      bookings: null,
      supplierInvoices: null,
    };
  const staff = demoStaff.map((user) => ({ ...user, password: demoPassword }));
  const work = async (trx: Kysely<DB>): Promise<DemoResult> => {
    const agencyId = await createAgencyWithUsers(trx, demoAgency, [admin, ...staff]);
    const ctx = { db: trx, agencyId, actor: systemActor };
    const now = new Date();
    const catalog = await seedDemoCatalog(ctx, now);
    // Customers before prices: Globex's corporate price list points at the Globex customer.
    const customers = await seedDemoCustomers(ctx);
    const pricing = await seedDemoPricing(ctx, catalog, todayUtc(now));
    await seedDemoInvoicing(ctx);
    const bookings = await seedDemoBookings(ctx, catalog, customers, now);
    const supplierInvoices = await seedDemoSupplierInvoices(ctx, bookings.bookingIds, now);
    return {
      agencyId,
      created: true,
      catalog: { ...catalog, pricing },
      customers,
      bookings,
      supplierInvoices,
    };
  };
  return db.isTransaction ? work(db) : withTransaction(db, work);
}
