// The filters of the back-office bookings list and its export (B10), as the query string
// gives them and as the SQL needs them: comma lists checked against the known values, date
// ranges that cannot be empty, search words folded. A wrong value is a 400 naming its field.
import { addDays } from '../../calendar.ts';
import { isUuid } from '../../db/ids.ts';
import type { ApprovalState } from '../../db/schema.ts';
import { Invalid } from '../../errors.ts';
import { foldForSearch } from '../catalog/text-search.ts';
import { searchTerms } from '../customers/customer-rules.ts';
import { type Channel, channels } from '../pricing/types.ts';
import { type BookingStatus, bookingStatuses } from './state-machine.ts';

export const bookingSorts = [
  'createdAt',
  '-createdAt',
  'from',
  '-from',
  'number',
  '-number',
  'total',
  '-total',
] as const;
export type BookingSort = (typeof bookingSorts)[number];

export const approvalStates = ['none', 'pending', 'approved', 'rejected'] as const;

/** The filters of the list and the export, as the query string gives them. */
export interface BookingFilterQuery {
  /** One status or several, comma-separated. */
  status?: string;
  channel?: string;
  online?: boolean;
  offerId?: string;
  variantId?: string;
  customerId?: string;
  actionDone?: boolean;
  approval?: ApprovalState;
  from?: string;
  to?: string;
  createdFrom?: string;
  createdTo?: string;
  destination?: string;
  q?: string;
  sort?: BookingSort;
}

export interface BookingListQuery extends BookingFilterQuery {
  limit: number;
  cursor?: string;
}

/** The filters checked and in the form the SQL needs. */
export interface BookingFilter {
  statuses: BookingStatus[];
  channels: Channel[];
  online?: boolean;
  offerId?: string;
  variantId?: string;
  customerId?: string;
  actionDone?: boolean;
  approval?: ApprovalState;
  from?: string;
  to?: string;
  createdFrom?: Date;
  /** Exclusive: the start of the day after `createdTo`. */
  createdBefore?: Date;
  destination?: string;
  terms: string[];
  ids?: string[];
}

/** Comma-separated values, each one of `allowed`; a stranger is a 400 naming `path`. */
function parseList<T extends string>(
  text: string | undefined,
  allowed: readonly T[],
  path: string,
): T[] {
  if (text === undefined) return [];
  const values = [...new Set(text.split(',').map((value) => value.trim()))];
  const unknown = values.filter((value) => !(allowed as readonly string[]).includes(value));
  if (unknown.length > 0) {
    throw Invalid.field(
      path,
      `has ${unknown.map((v) => JSON.stringify(v)).join(', ')}; expected one or more of ` +
        `${allowed.join(', ')}, comma-separated`,
    );
  }
  return values as T[];
}

/** `ids=a,b,c`: each a UUID, at most `maxExportIds`. */
export const maxExportIds = 10_000;
export function parseIds(text: string): string[] {
  const ids = [...new Set(text.split(',').map((id) => id.trim().toLowerCase()))];
  const wrong = ids.find((id) => !isUuid(id));
  if (wrong !== undefined) {
    throw Invalid.field('/ids', `has ${JSON.stringify(wrong.slice(0, 40))}, which is not a UUID`);
  }
  if (ids.length > maxExportIds) {
    throw Invalid.field('/ids', `names ${ids.length} bookings; at most ${maxExportIds} at once`);
  }
  return ids;
}

/** Date ranges are inclusive; an empty one is a mistake worth saying (400 naming `path`). */
function checkRange(from: string | undefined, to: string | undefined, path: string) {
  if (from !== undefined && to !== undefined && to < from) {
    throw Invalid.field(path, `must be on or after ${from}`);
  }
}

export function parseFilter(query: BookingFilterQuery): BookingFilter {
  checkRange(query.from, query.to, '/to');
  checkRange(query.createdFrom, query.createdTo, '/createdTo');
  const destination = query.destination ? foldForSearch(query.destination) : '';
  return {
    statuses: parseList(query.status, bookingStatuses, '/status'),
    channels: parseList(query.channel, channels, '/channel'),
    online: query.online,
    offerId: query.offerId,
    variantId: query.variantId,
    customerId: query.customerId,
    actionDone: query.actionDone,
    approval: query.approval,
    from: query.from,
    to: query.to,
    createdFrom: query.createdFrom ? new Date(`${query.createdFrom}T00:00:00Z`) : undefined,
    createdBefore: query.createdTo
      ? new Date(`${addDays(query.createdTo, 1)}T00:00:00Z`)
      : undefined,
    destination: destination === '' ? undefined : destination,
    terms: query.q ? searchTerms(query.q) : [],
  };
}
