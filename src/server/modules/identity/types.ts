// Identity as the API shows it: never a password hash, never a token's secret.
import type { Role } from '../../db/schema.ts';

export interface PublicUser {
  id: string;
  agencyId: string;
  email: string;
  name: string;
  role: Role;
  locale: string;
  disabled: boolean;
  createdAt: string;
}

export interface PublicAgency {
  id: string;
  name: string;
  slug: string;
  defaultLocale: string;
  baseCurrency: string;
}

export interface PublicApiToken {
  id: string;
  name: string;
  prefix: string;
  userId: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revoked: boolean;
}

/** Who a request acts as, once its cookie or bearer token has been checked. */
export interface Authentication {
  agencyId: string;
  userId: string;
  role: Role;
  name: string;
  via: 'session' | 'api_token';
  /** The API token's id when `via` is api_token. */
  tokenId: string | null;
}

export const locales = ['en', 'cs', 'pl', 'tr', 'zh'] as const;
export type Locale = (typeof locales)[number];
