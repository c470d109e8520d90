// Rows to the shapes the API shows.
import type { Agency, ApiToken, User } from '../../db/schema.ts';
import type { PublicAgency, PublicApiToken, PublicUser } from './types.ts';

export function presentUser(user: User): PublicUser {
  return {
    id: user.id,
    agencyId: user.agencyId,
    email: user.email,
    name: user.name,
    role: user.role,
    locale: user.locale,
    disabled: user.disabledAt !== null,
    createdAt: new Date(user.createdAt).toISOString(),
  };
}

export function presentAgency(agency: Agency): PublicAgency {
  return {
    id: agency.id,
    name: agency.name,
    slug: agency.slug,
    defaultLocale: agency.defaultLocale,
    baseCurrency: agency.baseCurrency.trim(),
  };
}

export function presentApiToken(token: ApiToken): PublicApiToken {
  return {
    id: token.id,
    name: token.name,
    prefix: token.tokenPrefix,
    userId: token.userId,
    createdAt: new Date(token.createdAt).toISOString(),
    lastUsedAt: token.lastUsedAt ? new Date(token.lastUsedAt).toISOString() : null,
    expiresAt: token.expiresAt ? new Date(token.expiresAt).toISOString() : null,
    revoked: token.revokedAt !== null,
  };
}
