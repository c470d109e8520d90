// What each role may do in the finance section, as the API's route rules say
// (invoicing/routes.ts: readers, issuers; payments/routes.ts: cashiers, settings;
// supplier-invoices/routes.ts: supplier costs, tolerance included). The server
// enforces them; the screens only spare people buttons and tabs that could only fail.
import type { Role } from '../../../shared/identity.ts';

const invoiceReaders: readonly Role[] = ['admin', 'accountant', 'agent', 'customer_service'];
const invoiceIssuers: readonly Role[] = ['admin', 'accountant', 'agent'];
const cashiers: readonly Role[] = ['admin', 'agent', 'customer_service', 'accountant'];
const settingsReaders: readonly Role[] = ['admin', 'accountant'];
const settingsWriters: readonly Role[] = ['admin'];
/** Agents see sales without cost: supplier invoices are for these alone. */
const supplierCostRoles: readonly Role[] = ['admin', 'accountant'];

/** Those who may open the section at all: its first tab is the invoices. */
export const financeRoles = invoiceReaders;
/** Those who may open the settings tab. */
export const financeSettingsRoles = settingsReaders;
/** Those who may open the supplier invoices tab. */
export const financeSupplierRoles = supplierCostRoles;

export interface FinancePermissions {
  readInvoices: boolean;
  issueCreditNotes: boolean;
  readOverdue: boolean;
  readSettings: boolean;
  editSettings: boolean;
  /** Read, record, match and pay supplier invoices. */
  supplierInvoices: boolean;
  /** Change the variance tolerated before a supplier invoice is flagged. */
  editTolerance: boolean;
}

export function financePermissionsOf(role: Role): FinancePermissions {
  return {
    readInvoices: invoiceReaders.includes(role),
    issueCreditNotes: invoiceIssuers.includes(role),
    readOverdue: cashiers.includes(role),
    readSettings: settingsReaders.includes(role),
    editSettings: settingsWriters.includes(role),
    supplierInvoices: supplierCostRoles.includes(role),
    editTolerance: supplierCostRoles.includes(role),
  };
}
