// What each role may do with a booking, as the API's route rules say (action-routes.ts,
// payments/routes.ts, invoicing/routes.ts). The server enforces them; the screens only spare
// people buttons that could only fail.
import { staffRoles } from '../../../../server/modules/identity/roles.ts';
import type { Role } from '../../../shared/identity.ts';

const bookingKeepers: readonly Role[] = ['admin', 'agent', 'customer_service'];
const cashiers: readonly Role[] = ['admin', 'agent', 'customer_service', 'accountant'];
const approvers: readonly Role[] = ['admin', 'approver'];
const invoiceReaders: readonly Role[] = ['admin', 'accountant', 'agent', 'customer_service'];
const staff: readonly Role[] = staffRoles;

export interface BookingPermissions {
  /** Sees every booking, costs and margins, and looks customers and offers up. */
  isStaff: boolean;
  markActions: boolean;
  recordPayments: boolean;
  approve: boolean;
  readInvoices: boolean;
  sendDocuments: boolean;
}

export function permissionsOf(role: Role): BookingPermissions {
  return {
    isStaff: staff.includes(role),
    markActions: bookingKeepers.includes(role),
    recordPayments: cashiers.includes(role),
    approve: approvers.includes(role),
    readInvoices: invoiceReaders.includes(role),
    sendDocuments: bookingKeepers.includes(role),
  };
}
