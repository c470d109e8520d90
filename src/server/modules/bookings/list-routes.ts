// HTTP for the back-office bookings list (B10): GET /api/v1/bookings (filters, sort, keyset
// cursor) and the same selection as a CSV file, GET /api/v1/bookings/export.csv.
// Amounts in the list are integers in the minor unit of the booking's currency; the CSV has
// them as decimals in major units (1750.00).
import type { Readable } from 'node:stream';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { type Static, Type } from 'typebox';
import { todayUtc } from '../../calendar.ts';
import type { Database } from '../../db/connect.ts';
import { contextOf } from '../../http/auth.ts';
import { Page, PageQuery } from '../../http/pagination.ts';
import { errorResponses, nullable, Uuid } from '../../http/schemas.ts';
import { CalendarDateSchema, TimestampSchema } from '../catalog/common.ts';
import { channels, onlineChannels } from '../pricing/types.ts';
import { exportBookingsCsv } from './export-bookings.ts';
import { listBookings } from './list-bookings.ts';
import { approvalStates, bookingSorts, maxExportIds } from './list-filters.ts';
import { bookingStatuses } from './state-machine.ts';

const ApprovalSchema = Type.Enum([...approvalStates], {
  description: "Where the booking stands with its company's approvers (B9)",
});

const filterProperties = {
  status: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 300,
      description: `One or more statuses, comma-separated: ${bookingStatuses.join(', ')}`,
      examples: ['confirmed,paid'],
    }),
  ),
  channel: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 300,
      description: `One or more channels, comma-separated: ${channels.join(', ')}`,
      examples: ['phone,email'],
    }),
  ),
  online: Type.Optional(
    Type.Boolean({
      description: `true: channels ${onlineChannels.join(', ')}; false: the others (typed by staff)`,
    }),
  ),
  offerId: Type.Optional({ ...Uuid, description: 'Booked under this offer' }),
  variantId: Type.Optional(
    Type.String({ minLength: 1, maxLength: 100, description: "The offer's variant" }),
  ),
  customerId: Type.Optional({
    ...Uuid,
    description: 'The customer; for a company, also the bookings of its employees',
  }),
  actionDone: Type.Optional(
    Type.Boolean({
      description:
        'true: the booking has required actions and every one is done; false: some are still open on a booking not cancelled',
    }),
  ),
  approval: Type.Optional(ApprovalSchema),
  from: Type.Optional({ ...CalendarDateSchema, description: 'Departing on or after' }),
  to: Type.Optional({ ...CalendarDateSchema, description: 'Departing on or before' }),
  createdFrom: Type.Optional({
    ...CalendarDateSchema,
    description: 'Made on or after this day (UTC)',
  }),
  createdTo: Type.Optional({
    ...CalendarDateSchema,
    description: 'Made on or before this day (UTC)',
  }),
  destination: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'Text in the destination; case and accents do not matter (kreta finds Kréta)',
    }),
  ),
  q: Type.Optional(
    Type.String({
      maxLength: 200,
      description:
        "Words found in the order number, PNR, travellers' names and e-mails, or the " +
        "customer's name and e-mail; every word must be found; case and accents do not " +
        'matter (novakova finds Nováková)',
    }),
  ),
  sort: Type.Enum([...bookingSorts], {
    default: '-createdAt',
    description: 'Sort order; `-` for descending. Default: newest first',
  }),
};

const ListQuery = Type.Object(
  { ...PageQuery.properties, ...filterProperties },
  { additionalProperties: false },
);

const ExportQuery = Type.Object(
  {
    ...filterProperties,
    ids: Type.Optional(
      Type.String({
        minLength: 1,
        // A UUID and its comma each.
        maxLength: maxExportIds * 37,
        description: `Only these bookings: up to ${maxExportIds} ids, comma-separated`,
      }),
    ),
  },
  { additionalProperties: false },
);

const BookingSummarySchema = Type.Object(
  {
    id: Uuid,
    number: Type.String({ description: 'Gapless per agency and year, e.g. 2027-000123' }),
    status: Type.Enum([...bookingStatuses]),
    channel: Type.Enum([...channels]),
    online: Type.Boolean({ description: 'Arrived without staff typing it (web, marketplace…)' }),
    productKind: Type.String(),
    productId: Uuid,
    productName: Type.String(),
    destination: nullable(Type.String({ description: 'The product\'s place, e.g. "Chania, GR"' })),
    from: CalendarDateSchema,
    to: CalendarDateSchema,
    party: Type.Object({
      adults: Type.Integer(),
      childAges: Type.Array(Type.Integer()),
    }),
    currency: Type.String(),
    total: Type.Integer({ description: 'Minor units' }),
    cost: Type.Optional(nullable(Type.Integer({ description: 'Staff only; minor units' }))),
    margin: Type.Optional(
      nullable(Type.Integer({ description: 'Staff only: total − cost, minor units' })),
    ),
    customer: Type.Object({
      id: Uuid,
      kind: Type.Enum(['person', 'company']),
      name: Type.String(),
      email: nullable(Type.String()),
    }),
    leadTraveller: nullable(Type.String({ description: 'The first traveller, by name' })),
    travellerCount: Type.Integer(),
    offerId: nullable(Uuid),
    offerCode: nullable(Type.String()),
    variantId: nullable(Type.String()),
    openActions: Type.Integer({ description: 'Required actions not done yet' }),
    approval: ApprovalSchema,
    pendingApproval: Type.Boolean(),
    pnr: nullable(Type.String()),
    createdAt: TimestampSchema,
  },
  { $id: 'BookingSummary', additionalProperties: false },
);

export async function bookingListRoutes(
  base: FastifyInstance,
  { database }: { database: Database },
) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  app.addSchema(BookingSummarySchema);

  app.get(
    '/api/v1/bookings',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['bookings'],
        summary:
          'Bookings, filtered and sorted (staff: all; a partner: its offers; a customer: own)',
        querystring: ListQuery,
        response: { 200: Page(Type.Ref('BookingSummary')), ...errorResponses(400, 401) },
      },
    },
    async (request) => listBookings(contextOf(request, database), request.query),
  );

  const csvResponse = {
    200: {
      description: 'One row per booking; costs and margins for staff only',
      // Sent as a stream of that text: the type says so, the document says a string.
      content: { 'text/csv': { schema: Type.Unsafe<Readable>({ type: 'string' }) } },
    },
    ...errorResponses(400, 401),
  };
  const sendCsv = async (
    request: Parameters<typeof contextOf>[0],
    reply: FastifyReply,
    query: Static<typeof ExportQuery>,
  ) => {
    const csv = await exportBookingsCsv(contextOf(request, database), query);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="bookings-${todayUtc()}.csv"`)
      .send(csv);
  };

  app.get(
    '/api/v1/bookings/export.csv',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['bookings'],
        summary:
          'The bookings of the list (or those named by `ids`) as CSV: UTF-8 with BOM, a header row',
        querystring: ExportQuery,
        response: csvResponse,
      },
    },
    (request, reply) => sendCsv(request, reply, request.query),
  );

  // A selection of thousands of ids does not fit in a URL (Node caps the request line and
  // headers at 16 KB): the same export takes them in a body too.
  app.post(
    '/api/v1/bookings/export.csv',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['bookings'],
        summary: 'The same CSV export, its filters or `ids` sent as a JSON body (large selections)',
        body: ExportQuery,
        response: csvResponse,
      },
    },
    (request, reply) => sendCsv(request, reply, request.body),
  );
}
