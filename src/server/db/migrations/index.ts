// The list of migrations, in order. Files are frozen once they land: add a new one instead.
import type { Migration } from 'kysely';
import * as identity from './2026-11-23-01-identity.ts';
import * as outbox from './2026-11-23-02-outbox.ts';
import * as idempotency from './2026-11-23-03-idempotency.ts';
import * as catalog from './2026-11-23-04-catalog.ts';
import * as inventory from './2026-11-23-05-inventory.ts';
import * as exchangeRates from './2026-11-23-06-exchange-rates.ts';
import * as priceLists from './2026-11-23-07-price-lists.ts';
import * as quotes from './2026-11-23-08-quotes.ts';
import * as customers from './2026-11-23-09-customers.ts';
import * as bookingNumbers from './2026-11-23-10-booking-numbers.ts';
import * as bookings from './2026-11-23-11-bookings.ts';
import * as offersActionsApprovals from './2026-11-23-12-offers-actions-approvals.ts';
import * as bookingSearch from './2026-11-23-13-booking-search.ts';
import * as bookingChanges from './2026-11-23-14-booking-changes.ts';
import * as payments from './2026-11-23-15-payments.ts';
import * as invoices from './2026-11-23-16-invoices.ts';
import * as documentTemplates from './2026-11-23-17-document-templates.ts';
import * as portal from './2026-11-24-18-portal.ts';
import * as loginThrottle from './2026-12-06-19-login-throttle.ts';
import * as portalQuoteVisitors from './2026-12-06-20-portal-quote-visitors.ts';
import * as salesLedger from './2026-12-06-21-sales-ledger.ts';
import * as supplierInvoices from './2026-12-06-22-supplier-invoices.ts';
import * as vehicleLayouts from './2026-12-06-30-vehicle-layouts.ts';
import * as ledgerIndexes from './2026-12-06-31-ledger-indexes.ts';
import * as operationalLists from './2026-12-06-33-operational-lists.ts';

export const migrations: Record<string, Migration> = {
  '2026-11-23-01-identity': identity,
  '2026-11-23-02-outbox': outbox,
  '2026-11-23-03-idempotency': idempotency,
  '2026-11-23-04-catalog': catalog,
  '2026-11-23-05-inventory': inventory,
  '2026-11-23-06-exchange-rates': exchangeRates,
  '2026-11-23-07-price-lists': priceLists,
  '2026-11-23-08-quotes': quotes,
  '2026-11-23-09-customers': customers,
  '2026-11-23-10-booking-numbers': bookingNumbers,
  '2026-11-23-11-bookings': bookings,
  '2026-11-23-12-offers-actions-approvals': offersActionsApprovals,
  '2026-11-23-13-booking-search': bookingSearch,
  '2026-11-23-14-booking-changes': bookingChanges,
  '2026-11-23-15-payments': payments,
  '2026-11-23-16-invoices': invoices,
  '2026-11-23-17-document-templates': documentTemplates,
  '2026-11-24-18-portal': portal,
  '2026-12-06-19-login-throttle': loginThrottle,
  '2026-12-06-20-portal-quote-visitors': portalQuoteVisitors,
  '2026-12-06-21-sales-ledger': salesLedger,
  '2026-12-06-22-supplier-invoices': supplierInvoices,
  '2026-12-06-30-vehicle-layouts': vehicleLayouts,
  '2026-12-06-31-ledger-indexes': ledgerIndexes,
  '2026-12-06-33-operational-lists': operationalLists,
};
