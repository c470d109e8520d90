// A token's state as people think of it: usable, revoked, or past its expiry.
import type { ApiToken } from '../../../shared/identity.ts';

export type TokenStatus = 'active' | 'revoked' | 'expired';

export function tokenStatus(token: ApiToken, now = Date.now()): TokenStatus {
  if (token.revoked) return 'revoked';
  if (token.expiresAt && Date.parse(token.expiresAt) <= now) return 'expired';
  return 'active';
}

export const tokenStatusColor: Record<TokenStatus, string> = {
  active: 'teal',
  revoked: 'red',
  expired: 'gray',
};
