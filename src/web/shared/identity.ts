// Identity as the API returns it (see src/server/modules/identity/routes.ts).

export const roles = [
  'admin',
  'agent',
  'customer_service',
  'accountant',
  'partner',
  'approver',
  'customer',
] as const;
export type Role = (typeof roles)[number];

export interface User {
  id: string;
  agencyId: string;
  email: string;
  name: string;
  role: Role;
  locale: string;
  disabled: boolean;
  createdAt: string;
}

export interface Agency {
  id: string;
  name: string;
  slug: string;
  defaultLocale: string;
  baseCurrency: string;
}

export interface Me extends User {
  agency: Agency;
  via: 'session' | 'api_token';
}

export interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  userId: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revoked: boolean;
}

/** A page of a cursor-paginated list. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
