// The back office's sections, in the order the navbar lists them.
import {
  IconCalendarEvent,
  IconChartBar,
  IconGauge,
  IconKey,
  IconMap2,
  IconReceipt,
  IconTag,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { outsideRoles, staffRoles } from '../../../server/modules/identity/roles.ts';
import type { Messages } from '../../shared/i18n/messages.ts';
import type { Role } from '../../shared/identity.ts';

export type NavLabel = keyof Messages['nav'];

export interface NavItem {
  to: string;
  label: NavLabel;
  icon: ComponentType<{ size?: number; stroke?: number }>;
  /** Shown only to these roles; everyone when absent. */
  roles?: readonly Role[];
}

/**
 * Outside roles work only their own bookings (and their API tokens): a partner those of its
 * offers, an approver those of its companies (with the approvals waiting), a customer theirs.
 */
const outside: readonly Role[] = outsideRoles;
const staff: readonly Role[] = staffRoles;

export const mainNavItems: readonly NavItem[] = [
  { to: '/', label: 'dashboard', icon: IconGauge, roles: staff },
  {
    to: '/bookings',
    label: 'bookings',
    icon: IconCalendarEvent,
    roles: [...staff, ...outside],
  },
  { to: '/catalog', label: 'catalog', icon: IconMap2, roles: staff },
  { to: '/prices', label: 'prices', icon: IconTag, roles: staff },
  { to: '/customers', label: 'customers', icon: IconUsersGroup, roles: staff },
  {
    to: '/finance',
    label: 'finance',
    icon: IconReceipt,
    // Those who may read invoices (invoicing/routes.ts `readers`): not the approver.
    roles: ['admin', 'accountant', 'agent', 'customer_service'],
  },
  { to: '/reports', label: 'reports', icon: IconChartBar, roles: staff },
];

export const settingsNavItems: readonly NavItem[] = [
  { to: '/settings/users', label: 'users', icon: IconUsers, roles: ['admin'] },
  { to: '/settings/api-tokens', label: 'apiTokens', icon: IconKey },
];

/** Where a role starts: staff on the dashboard, an outside role on its bookings. */
export function homePathFor(role: Role): string {
  return outside.includes(role) ? '/bookings' : '/';
}

/**
 * Whether a role's navigation leads to `pathname` (a section it may use). Pages of the
 * sections it may not use would only fail against the API; RequireAuth sends it home instead.
 * `/bookings/new` is staff's: an outside role does not type bookings.
 */
export function mayOpenPath(role: Role, pathname: string): boolean {
  // Only outside roles are steered; staff are left where they are (no redirect loops).
  if (!outside.includes(role)) return true;
  if (pathname === '/bookings/new') return false;
  return [...mainNavItems, ...settingsNavItems].some(
    (item) => item.to !== '/' && item.roles?.includes(role) && isActivePath(pathname, item.to),
  );
}

export function isActivePath(pathname: string, to: string): boolean {
  if (to === '/') return pathname === '/';
  return pathname === to || pathname.startsWith(`${to}/`);
}
