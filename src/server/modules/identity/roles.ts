// The roles of S1 and which of them work inside the back office.
import type { Role } from '../../db/schema.ts';

export const roles = [
  'admin',
  'agent',
  'customer_service',
  'accountant',
  'partner',
  'approver',
  'customer',
] as const satisfies readonly Role[];

export const roleDescriptions: Record<Role, string> = {
  admin: 'Runs the agency: users, settings, everything else',
  agent: 'Sells: quotes, bookings, customers',
  customer_service: 'Looks after bookings after the sale: changes, cancellations, documents',
  accountant: 'Payments, invoices, reports',
  partner: 'A marketplace partner: sees only the bookings of its own offers',
  approver: "Approves bookings under a company's travel policy",
  customer: 'A traveller using the customer portal',
};

/** Roles that work in the back office (everyone but partners and customers). */
export const staffRoles = [
  'admin',
  'agent',
  'customer_service',
  'accountant',
  'approver',
] as const satisfies readonly Role[];

/** True for a back-office role: staff see costs, margins and every booking of the agency. */
export function isStaff(role: Role | null): boolean {
  return role !== null && (staffRoles as readonly Role[]).includes(role);
}
