// The bookings list's filters, sort and search as the address bar keeps them, so a filtered
// view can be bookmarked or sent to a colleague. Every parameter is checked on the way in: a
// hand-edited or stale link loses what it got wrong instead of breaking the page.
import {
  type ApprovalState,
  approvalStates,
  type BookingStatus,
  bookingStatuses,
  type Channel,
  channels,
} from './booking-types.ts';

export const bookingSorts = ['createdAt', 'from', 'number', 'total'] as const;
export type SortField = (typeof bookingSorts)[number];
export interface Sort {
  field: SortField;
  descending: boolean;
}

export interface BookingFilters {
  status: BookingStatus[];
  channel: Channel[];
  online?: boolean;
  offerId?: string;
  variantId?: string;
  customerId?: string;
  actionDone?: boolean;
  approval?: ApprovalState;
  /** Departing on or after / before, YYYY-MM-DD. */
  from?: string;
  to?: string;
  createdFrom?: string;
  createdTo?: string;
  destination?: string;
  q?: string;
  sort: Sort;
}

export const defaultSort: Sort = { field: 'createdAt', descending: true };

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const datePattern = /^\d{4}-\d{2}-\d{2}$/;

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return value !== null && (allowed as readonly string[]).includes(value)
    ? (value as T)
    : undefined;
}

function listOf<T extends string>(value: string | null, allowed: readonly T[]): T[] {
  if (!value) return [];
  const picked = value.split(',').filter((v) => (allowed as readonly string[]).includes(v));
  return [...new Set(picked)] as T[];
}

function boolean(value: string | null): boolean | undefined {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return undefined;
}

function matching(value: string | null, pattern: RegExp): string | undefined {
  return value !== null && pattern.test(value) ? value : undefined;
}

function text(value: string | null, max: number): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed.slice(0, max) : undefined;
}

export function parseSort(value: string | null): Sort {
  if (!value) return defaultSort;
  const descending = value.startsWith('-');
  const field = oneOf(descending ? value.slice(1) : value, bookingSorts);
  return field ? { field, descending } : defaultSort;
}

export function sortParam(sort: Sort): string {
  return `${sort.descending ? '-' : ''}${sort.field}`;
}

export function parseFilters(params: URLSearchParams): BookingFilters {
  return {
    status: listOf(params.get('status'), bookingStatuses),
    channel: listOf(params.get('channel'), channels),
    online: boolean(params.get('online')),
    offerId: matching(params.get('offerId'), uuidPattern),
    variantId: text(params.get('variantId'), 100),
    customerId: matching(params.get('customerId'), uuidPattern),
    actionDone: boolean(params.get('actionDone')),
    approval: oneOf(params.get('approval'), approvalStates),
    from: matching(params.get('from'), datePattern),
    to: matching(params.get('to'), datePattern),
    createdFrom: matching(params.get('createdFrom'), datePattern),
    createdTo: matching(params.get('createdTo'), datePattern),
    destination: text(params.get('destination'), 200),
    q: text(params.get('q'), 200),
    sort: parseSort(params.get('sort')),
  };
}

/**
 * The filters as query parameters, for the address bar and for the API alike (the list and
 * the CSV export take the same names). Empty filters are left out; so is the default sort.
 */
export function filterParams(filters: BookingFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.status.length) params.set('status', filters.status.join(','));
  if (filters.channel.length) params.set('channel', filters.channel.join(','));
  if (filters.online !== undefined) params.set('online', String(filters.online));
  for (const key of [
    'offerId',
    'variantId',
    'customerId',
    'approval',
    'from',
    'to',
    'createdFrom',
    'createdTo',
    'destination',
    'q',
  ] as const) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  if (filters.actionDone !== undefined) params.set('actionDone', String(filters.actionDone));
  const sort = sortParam(filters.sort);
  if (sort !== sortParam(defaultSort)) params.set('sort', sort);
  return params;
}

/** How many filter controls (not search or sort) narrow the list: a date range counts once. */
export function activeFilterCount(filters: BookingFilters): number {
  const controls = [
    filters.status.length > 0,
    filters.channel.length > 0,
    filters.online !== undefined,
    filters.offerId !== undefined,
    filters.variantId !== undefined,
    filters.customerId !== undefined,
    filters.actionDone !== undefined,
    filters.approval !== undefined,
    filters.from !== undefined || filters.to !== undefined,
    filters.createdFrom !== undefined || filters.createdTo !== undefined,
    filters.destination !== undefined,
  ];
  return controls.filter(Boolean).length;
}
