// A customer as the API gives it (GET /api/v1/customers, …/{id}), and who may do what with
// one. The shapes come from the server's own types, so the two sides cannot drift apart.
import type { CustomerView } from '../../../../server/modules/customers/present.ts';
import {
  type CustomerAddress,
  type CustomerKind,
  type CustomerLocale,
  customerKinds,
  customerLocales,
  type TravelPolicy,
} from '../../../../server/modules/customers/types.ts';
import type { Role } from '../../../shared/identity.ts';

export { type CustomerKind, type CustomerLocale, customerKinds, customerLocales };

/** A customer as the API sends it, the server's own type (a type-only import: no server code). */
export type Customer = CustomerView;
export type { CustomerAddress, TravelPolicy };
export type Cap = NonNullable<TravelPolicy['maxPricePerNight']>;

export type ArchivedFilter = 'false' | 'true' | 'all';

// As the API's routes say (modules/customers/routes.ts; users: identity/routes.ts). The
// server enforces them; the screens only spare people buttons that could only fail.
const customerEditors: readonly Role[] = ['admin', 'agent', 'customer_service'];

export interface CustomerPermissions {
  /** Creates, changes, archives customers and sets a company's approvers. */
  edit: boolean;
}

export function customerPermissionsOf(role: Role): CustomerPermissions {
  return { edit: customerEditors.includes(role) };
}

export const editorRoles = customerEditors;
