// Identity as the API returns it. The role list and the shapes come from the server's own
// pure modules (no I/O in them), so the two sides cannot drift apart.
import type {
  PublicAgency,
  PublicApiToken,
  PublicUser,
} from '../../server/modules/identity/types.ts';

export type { Role } from '../../server/db/schema.ts';
export { roles } from '../../server/modules/identity/roles.ts';

export type User = PublicUser;
export type Agency = PublicAgency;
export type ApiToken = PublicApiToken;

export interface Me extends User {
  agency: Agency;
  via: 'session' | 'api_token';
}

/** A page of a cursor-paginated list. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
