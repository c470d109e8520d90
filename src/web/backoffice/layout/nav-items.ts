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

export const mainNavItems: readonly NavItem[] = [
  { to: '/', label: 'dashboard', icon: IconGauge },
  { to: '/bookings', label: 'bookings', icon: IconCalendarEvent },
  { to: '/catalog', label: 'catalog', icon: IconMap2 },
  { to: '/prices', label: 'prices', icon: IconTag },
  { to: '/customers', label: 'customers', icon: IconUsersGroup },
  { to: '/finance', label: 'finance', icon: IconReceipt },
  { to: '/reports', label: 'reports', icon: IconChartBar },
];

export const settingsNavItems: readonly NavItem[] = [
  { to: '/settings/users', label: 'users', icon: IconUsers, roles: ['admin'] },
  { to: '/settings/api-tokens', label: 'apiTokens', icon: IconKey },
];

export function isActivePath(pathname: string, to: string): boolean {
  if (to === '/') return pathname === '/';
  return pathname === to || pathname.startsWith(`${to}/`);
}
