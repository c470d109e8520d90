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

/**
 * The agency's own staff: they work the whole agency, see costs, margins and every booking.
 * Everyone else is an outside role and reaches only its own world (S1).
 */
export const staffRoles = [
  'admin',
  'agent',
  'customer_service',
  'accountant',
] as const satisfies readonly Role[];

/**
 * Outside roles: a marketplace partner (the bookings of its own offers), a company's approver
 * (the bookings of the companies it approves for, without cost or margin) and a customer
 * (their own bookings). None of them sees costs, margins, commissions or other customers.
 */
export const outsideRoles = ['partner', 'approver', 'customer'] as const satisfies readonly Role[];

/**
 * Who quotes, books and looks after bookings through the API: staff; a partner for the
 * offers it sells and the bookings it made; a customer for themselves (the services check
 * whose the customer and the booking are). An approver decides approvals only.
 */
export const bookerRoles = [
  ...staffRoles,
  'partner',
  'customer',
] as const satisfies readonly Role[];

/** True for a staff role: staff see costs, margins and every booking of the agency. */
export function isStaff(role: Role | null): boolean {
  return role !== null && (staffRoles as readonly Role[]).includes(role);
}
