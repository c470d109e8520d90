// The back-office bookings list (B10): the query with its filters (list-filters.ts), sort
// orders with keyset cursors, and who sees which bookings. The CSV export
// (export-bookings.ts) reads the same rows in batches.
//
// Visibility (who sees which bookings) is visibility.ts's.
import { type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import { isCalendarDate } from '../../calendar.ts';
import type { Ctx } from '../../context.ts';
import { isUuid } from '../../db/ids.ts';
import type { ApprovalState, DB } from '../../db/schema.ts';
import { Invalid } from '../../errors.ts';
import { containsPattern } from '../catalog/text-search.ts';
import { displayNameOf } from '../customers/customer-rules.ts';
import { isStaff } from '../identity/roles.ts';
import { isOnline, onlineChannels } from '../pricing/types.ts';
import {
  type BookingFilter,
  type BookingListQuery,
  type BookingSort,
  bookingSorts,
  parseFilter,
} from './list-filters.ts';
import { maySeeBooking } from './visibility.ts';

// --- sort orders and cursors ---------------------------------------------------------------

type SortKey = string | number;
interface SortSpec {
  column: 'bookings.createdAt' | 'bookings.startDate' | 'bookings.number' | 'bookings.total';
  /** The SQL type a cursor's key is cast to. */
  cast: 'timestamptz' | 'date' | 'text' | 'bigint';
  isKey: (key: unknown) => key is SortKey;
  keyOf: (row: BookingRow) => SortKey;
}

// A cursor comes back from the client: its key must be something the SQL cast accepts, or a
// forged one would fail in the database (a 500) instead of being refused (a 400).
const isText = (key: unknown): key is string =>
  typeof key === 'string' && key.length <= 100 && !key.includes('\u0000');
const isDate = (key: unknown): key is string =>
  typeof key === 'string' && isCalendarDate(key) && key >= '1000-01-01';
const instantPattern = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{6}Z$/;
const isInstant = (key: unknown): key is string =>
  typeof key === 'string' && isDate(instantPattern.exec(key)?.[1]);
const sortSpecs: Record<string, SortSpec> = {
  createdAt: {
    column: 'bookings.createdAt',
    cast: 'timestamptz',
    isKey: isInstant,
    keyOf: (row) => row.createdAtKey,
  },
  from: {
    column: 'bookings.startDate',
    cast: 'date',
    isKey: isDate,
    keyOf: (row) => row.startDate,
  },
  number: { column: 'bookings.number', cast: 'text', isKey: isText, keyOf: (row) => row.number },
  total: {
    column: 'bookings.total',
    cast: 'bigint',
    isKey: (key): key is number => Number.isSafeInteger(key),
    keyOf: (row) => Number(row.total),
  },
};

function specOf(sort: BookingSort): { spec: SortSpec; descending: boolean } {
  const descending = sort.startsWith('-');
  const spec = sortSpecs[descending ? sort.slice(1) : sort];
  if (!spec) throw Invalid.field('/sort', `must be one of ${bookingSorts.join(', ')}`);
  return { spec, descending };
}

/** Where a page ends: the sort it belongs to, the sort key and the id of its last row. */
export interface BookingCursor {
  sort: BookingSort;
  key: SortKey;
  id: string;
}

export function encodeBookingCursor(cursor: BookingCursor): string {
  return Buffer.from(
    JSON.stringify({ s: cursor.sort, k: cursor.key, id: cursor.id }),
    'utf8',
  ).toString('base64url');
}

/** A cursor of this list and this sort; anything else is a 400 naming `/cursor`. */
export function decodeBookingCursor(text: string, sort: BookingSort): BookingCursor {
  let parsed: { s?: unknown; k?: unknown; id?: unknown } | undefined;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (
    parsed === null ||
    typeof parsed !== 'object' ||
    typeof parsed.id !== 'string' ||
    !isUuid(parsed.id) ||
    !(bookingSorts as readonly unknown[]).includes(parsed.s)
  ) {
    throw Invalid.field('/cursor', 'is not a cursor returned by this list');
  }
  if (parsed.s !== sort) {
    throw Invalid.field(
      '/cursor',
      `belongs to the list sorted by ${String(parsed.s)}, not ${sort}; start again without it`,
    );
  }
  const { spec } = specOf(sort);
  if (!spec.isKey(parsed.k))
    throw Invalid.field('/cursor', 'is not a cursor returned by this list');
  return { sort, key: parsed.k, id: parsed.id };
}

// --- the query ------------------------------------------------------------------------------

type Eb = ExpressionBuilder<DB, 'bookings' | 'customers' | 'offers'>;

/** Bookings with their customer and offer, as far as the actor may see them (visibility.ts). */
function visibleBookings(ctx: Ctx) {
  return ctx.db
    .selectFrom('bookings')
    .innerJoin('customers', (join) =>
      join
        .onRef('customers.agencyId', '=', 'bookings.agencyId')
        .onRef('customers.id', '=', 'bookings.customerId'),
    )
    .leftJoin('offers', (join) =>
      join
        .onRef('offers.agencyId', '=', 'bookings.agencyId')
        .onRef('offers.id', '=', 'bookings.offerId'),
    )
    .where('bookings.agencyId', '=', ctx.agencyId)
    .where(maySeeBooking(ctx));
}

/**
 * One search word: in the booking's own text (number, PNR, travellers) or its customer's.
 * Written as `id in (… union all …)` so that each side can use its trigram index.
 */
function matchesTerm(eb: Eb, agencyId: string, term: string) {
  const pattern = containsPattern(term);
  return eb(
    'bookings.id',
    'in',
    eb
      .selectFrom('bookings as byText')
      .select('byText.id')
      .where('byText.agencyId', '=', agencyId)
      .where('byText.searchText', 'like', pattern)
      .unionAll(
        eb
          .selectFrom('bookings as byCustomer')
          .select('byCustomer.id')
          .where('byCustomer.agencyId', '=', agencyId)
          .where('byCustomer.customerId', 'in', (sub) =>
            sub
              .selectFrom('customers as found')
              .select('found.id')
              .where('found.agencyId', '=', agencyId)
              .where('found.searchText', 'like', pattern),
          ),
      ),
  );
}

type Visible = ReturnType<typeof visibleBookings>;

function filtered(qb: Visible, agencyId: string, filter: BookingFilter): Visible {
  const f = filter;
  return (
    qb
      .$if(f.statuses.length > 0, (q) => q.where('bookings.status', 'in', f.statuses))
      .$if(f.channels.length > 0, (q) => q.where('bookings.channel', 'in', f.channels))
      .$if(f.online !== undefined, (q) =>
        q.where('bookings.channel', f.online ? 'in' : 'not in', [...onlineChannels]),
      )
      .$if(f.offerId !== undefined, (q) => q.where('bookings.offerId', '=', f.offerId as string))
      .$if(f.variantId !== undefined, (q) =>
        q.where('bookings.variantId', '=', f.variantId as string),
      )
      .$if(f.customerId !== undefined, (q) =>
        // A company's own bookings and those of its employees.
        q.where('bookings.customerId', 'in', (eb) =>
          eb
            .selectFrom('customers as whose')
            .select('whose.id')
            .where('whose.agencyId', '=', agencyId)
            .where((w) =>
              w.or([
                w('whose.id', '=', f.customerId as string),
                w('whose.companyId', '=', f.customerId as string),
              ]),
            ),
        ),
      )
      // Done: the booking has required actions and none is open (a booking without any has
      // nothing done). Not done: some are open on a booking that still travels; a cancelled
      // booking's open actions wait for no one.
      .$if(f.actionDone === true, (q) =>
        q
          .where('bookings.openActions', '=', 0)
          .where((eb) =>
            eb.exists(
              eb
                .selectFrom('bookingRequiredActions as action')
                .select('action.id')
                .whereRef('action.agencyId', '=', 'bookings.agencyId')
                .whereRef('action.bookingId', '=', 'bookings.id'),
            ),
          ),
      )
      .$if(f.actionDone === false, (q) =>
        q.where('bookings.openActions', '>', 0).where('bookings.status', '!=', 'cancelled'),
      )
      .$if(f.approval !== undefined, (q) =>
        q.where('bookings.approval', '=', f.approval as ApprovalState),
      )
      .$if(f.from !== undefined, (q) => q.where('bookings.startDate', '>=', f.from as string))
      .$if(f.to !== undefined, (q) => q.where('bookings.startDate', '<=', f.to as string))
      .$if(f.createdFrom !== undefined, (q) =>
        q.where('bookings.createdAt', '>=', f.createdFrom as Date),
      )
      .$if(f.createdBefore !== undefined, (q) =>
        q.where('bookings.createdAt', '<', f.createdBefore as Date),
      )
      .$if(f.destination !== undefined, (q) =>
        q.where('bookings.destinationSearch', 'like', containsPattern(f.destination as string)),
      )
      .$if(f.terms.length > 0, (q) =>
        q.where((eb) => eb.and(f.terms.map((term) => matchesTerm(eb, agencyId, term)))),
      )
      .$if(f.ids !== undefined, (q) => q.where('bookings.id', 'in', f.ids as string[]))
  );
}

/** `select what` over the travellers of the row's booking (a correlated subquery). */
const travellersOf = (what: string, tail = '') =>
  sql.raw(
    `(select ${what} from booking_travellers t
       where t.agency_id = bookings.agency_id and t.booking_id = bookings.id ${tail})`,
  );

/**
 * One page (or export batch) of bookings in sort order, after `cursor` when given: at most
 * `limit` rows. `withTravellerNames` adds every traveller's name (the export needs them).
 */
export function bookingRows(
  ctx: Ctx,
  filter: BookingFilter,
  sort: BookingSort,
  cursor: BookingCursor | undefined,
  limit: number,
  options: { withTravellerNames?: boolean } = {},
) {
  const { spec, descending } = specOf(sort);
  const direction = descending ? 'desc' : 'asc';
  return filtered(visibleBookings(ctx), ctx.agencyId, filter)
    .select([
      'bookings.id',
      'bookings.number',
      'bookings.status',
      'bookings.channel',
      'bookings.productKind',
      'bookings.productId',
      'bookings.productName',
      'bookings.destination',
      'bookings.startDate',
      'bookings.endDate',
      'bookings.party',
      'bookings.currency',
      'bookings.total',
      'bookings.cost',
      'bookings.offerId',
      'bookings.variantId',
      'bookings.openActions',
      'bookings.approval',
      'bookings.pendingApproval',
      'bookings.pnr',
      'bookings.createdAt',
      'bookings.customerId',
      'customers.kind as customerKind',
      'customers.firstName as customerFirstName',
      'customers.lastName as customerLastName',
      'customers.companyName as customerCompanyName',
      'customers.email as customerEmail',
      'customers.phone as customerPhone',
      'offers.code as offerCode',
    ])
    .select([
      // Microseconds, in UTC: a cursor must hold the exact key (a JS Date keeps milliseconds).
      sql<string>`to_char(bookings.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as(
        'createdAtKey',
      ),
      sql<string | null>`${travellersOf(
        `concat_ws(' ', t.first_name, t.last_name)`,
        'order by t.position limit 1',
      )}`.as('leadTraveller'),
      sql<number>`${travellersOf('count(*)::integer')}`.as('travellerCount'),
    ])
    .$if(options.withTravellerNames === true, (q) =>
      q.select(
        sql<string | null>`${travellersOf(
          `string_agg(concat_ws(' ', t.first_name, t.last_name), '; ' order by t.position)`,
        )}`.as('travellerNames'),
      ),
    )
    .$if(cursor !== undefined, (q) =>
      q.where(
        (eb) =>
          sql<SqlBool>`(${eb.ref(spec.column)}, ${eb.ref('bookings.id')}) ${sql.raw(
            descending ? '<' : '>',
          )} (cast(${cursor?.key} as ${sql.raw(spec.cast)}), cast(${cursor?.id} as uuid))`,
      ),
    )
    .orderBy(spec.column, direction)
    .orderBy('bookings.id', direction)
    .limit(limit)
    .execute();
}

export type BookingRow = Awaited<ReturnType<typeof bookingRows>>[number];

/** The cursor that continues after `row` in `sort`. */
export function cursorAfter(row: BookingRow, sort: BookingSort): BookingCursor {
  return { sort, key: specOf(sort).spec.keyOf(row), id: row.id };
}

// --- the summary ----------------------------------------------------------------------------

export function customerNameOf(row: BookingRow): string {
  return displayNameOf({
    kind: row.customerKind,
    firstName: row.customerFirstName,
    lastName: row.customerLastName,
    companyName: row.customerCompanyName,
  });
}

/** A booking as a line of the list; costs and margins for staff only. */
export function presentSummary(row: BookingRow, staff: boolean) {
  const total = Number(row.total);
  const cost = row.cost === null ? null : Number(row.cost);
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    channel: row.channel,
    online: isOnline(row.channel),
    productKind: row.productKind,
    productId: row.productId,
    productName: row.productName,
    destination: row.destination,
    from: row.startDate,
    to: row.endDate,
    party: row.party,
    currency: row.currency,
    total,
    ...(staff ? { cost, margin: cost === null ? null : total - cost } : {}),
    customer: {
      id: row.customerId,
      kind: row.customerKind,
      name: customerNameOf(row),
      email: row.customerEmail,
    },
    leadTraveller: row.leadTraveller,
    travellerCount: Number(row.travellerCount),
    offerId: row.offerId,
    offerCode: row.offerCode,
    variantId: row.variantId,
    openActions: row.openActions,
    approval: row.approval,
    pendingApproval: row.pendingApproval,
    pnr: row.pnr,
    createdAt: new Date(row.createdAt).toISOString(),
  };
}

export type BookingSummary = ReturnType<typeof presentSummary>;

/** A page of the bookings the actor may see, filtered and sorted (default: newest first). */
export async function listBookings(
  ctx: Ctx,
  query: BookingListQuery,
): Promise<{ items: BookingSummary[]; nextCursor: string | null }> {
  const sort = query.sort ?? '-createdAt';
  const filter = parseFilter(query);
  const cursor = query.cursor === undefined ? undefined : decodeBookingCursor(query.cursor, sort);
  const rows = await bookingRows(ctx, filter, sort, cursor, query.limit + 1);
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  const staff = isStaff(ctx.actor.role);
  return {
    items: items.map((row) => presentSummary(row, staff)),
    nextCursor:
      rows.length > query.limit && last ? encodeBookingCursor(cursorAfter(last, sort)) : null,
  };
}
