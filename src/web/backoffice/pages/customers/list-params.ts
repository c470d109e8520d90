// The customers list's search and filters as the address bar keeps them (?q=&kind=&archived=),
// so a search can be reloaded, shared and left with the back button. Values are checked on
// the way in: a hand-edited link loses what it got wrong instead of breaking the page.
import { type ArchivedFilter, type CustomerKind, customerKinds } from './customer-types.ts';

export interface CustomerFilters {
  q?: string;
  kind?: CustomerKind;
  archived: ArchivedFilter;
}

const archivedValues: readonly ArchivedFilter[] = ['false', 'true', 'all'];

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return allowed.find((candidate) => candidate === value);
}

export function parseCustomerFilters(params: URLSearchParams): CustomerFilters {
  const q = params.get('q')?.trim().slice(0, 200);
  return {
    q: q || undefined,
    kind: oneOf(params.get('kind'), customerKinds),
    archived: oneOf(params.get('archived'), archivedValues) ?? 'false',
  };
}

/** The filters as query parameters, for the address bar and the API alike; defaults left out. */
export function customerFilterParams(filters: CustomerFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q) params.set('q', filters.q);
  if (filters.kind) params.set('kind', filters.kind);
  if (filters.archived !== 'false') params.set('archived', filters.archived);
  return params;
}
