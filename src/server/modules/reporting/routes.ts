// HTTP for reports: the back office's dashboard (GET /api/v1/dashboard). Amounts are integers
// in the minor unit of their currency; dates are the agency's calendar dates.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { type TSchema, Type } from 'typebox';
import type { Database } from '../../db/connect.ts';
import { contextOf } from '../../http/auth.ts';
import { errorResponses, nullable, Uuid } from '../../http/schemas.ts';
import { staffRoles } from '../identity/roles.ts';
import { channels } from '../pricing/types.ts';
import { getDashboard } from './dashboard-service.ts';
import { registerReport } from './report-kit.ts';
import { reports } from './reports/index.ts';

const bookingBrief = {
  id: Uuid,
  number: Type.String(),
  status: Type.String(),
  channel: Type.String(),
  customer: Type.String({ description: "The customer's shown name" }),
  productName: Type.String(),
  from: Type.String({ format: 'date' }),
  to: Type.String({ format: 'date' }),
  travellers: Type.Integer(),
};

const block = (description: string, extra: Record<string, TSchema> = {}) =>
  Type.Object(
    {
      count: Type.Integer({ description: 'How many in all' }),
      items: Type.Array(Type.Object({ ...bookingBrief, ...extra }), {
        description: 'The first few',
      }),
    },
    { description },
  );

const DashboardSchema = Type.Object({
  today: Type.String({ format: 'date', description: "The agency's today" }),
  timeZone: Type.String({ description: 'The zone "today" is counted in' }),
  departures: block('Trips starting today (not cancelled): a departure is a trip’s start'),
  returns: block('Trips ending today (not cancelled)'),
  onRequest: block('Bookings with lines waiting for the supplier’s answer', {
    lines: Type.Integer({ description: 'Lines waiting' }),
  }),
  approvals: block('Bookings waiting for a corporate approver'),
  actionsDue: Type.Object(
    {
      withinDays: Type.Integer(),
      count: Type.Integer(),
      items: Type.Array(
        Type.Object({
          ...bookingBrief,
          dueDate: Type.String({ format: 'date', description: 'The earliest open one' }),
          openActions: Type.Integer({ description: 'Open actions due by then' }),
        }),
      ),
    },
    { description: 'Bookings with required actions not done, due within `withinDays` or overdue' },
  ),
  overdue: Type.Object(
    {
      count: Type.Integer(),
      items: Type.Array(
        Type.Object({
          id: Uuid,
          number: Type.String(),
          status: Type.String(),
          customer: Type.String(),
          from: Type.String({ format: 'date' }),
          currency: Type.String(),
          amountOverdue: Type.Integer({ description: 'Minor units' }),
          oldestDueDate: Type.String({ format: 'date' }),
          daysOverdue: Type.Integer(),
        }),
      ),
    },
    { description: 'Bookings with instalments due before today and not paid' },
  ),
  lowStock: Type.Object(
    {
      days: Type.Integer({ description: 'Dates looked at, from today' }),
      count: Type.Integer(),
      items: Type.Array(
        Type.Object({
          kind: Type.String({
            description: 'pool, room_type, transport_seats, ticket_slot, service',
          }),
          id: Uuid,
          label: Type.String(),
          date: nullable(Type.String({ format: 'date', description: 'The first low date' })),
          days: nullable(Type.Integer({ description: 'Low dates in the window' })),
          available: Type.Integer({ description: 'The fewest free units' }),
          capacity: Type.Integer(),
          threshold: Type.Integer(),
        }),
      ),
    },
    { description: 'Inventory at or under its low-stock threshold' },
  ),
  bookingsPerDay: Type.Object({
    days: Type.Array(Type.String({ format: 'date' })),
    series: Type.Array(
      Type.Object({
        channel: Type.Enum([...channels]),
        counts: Type.Array(Type.Integer(), { description: 'One per day of `days`' }),
      }),
    ),
  }),
});

export async function reportRoutes(base: FastifyInstance, { database }: { database: Database }) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/v1/dashboard',
    {
      config: { access: staffRoles },
      schema: {
        tags: ['reports'],
        summary:
          'Today’s departures and returns, bookings waiting for action, low stock, and bookings per day by channel',
        response: { 200: DashboardSchema, ...errorResponses(401, 403) },
      },
    },
    async (request) => getDashboard(contextOf(request, database)),
  );

  for (const report of reports) registerReport(base, database, report);
}
