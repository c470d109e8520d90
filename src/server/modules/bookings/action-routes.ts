// HTTP for the work done on a booking after it is made: its required actions marked done,
// an approver's decision (and the approver's queue), the supplier's answer to a line.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Database } from '../../db/connect.ts';
import type { Role } from '../../db/schema.ts';
import { contextOf } from '../../http/auth.ts';
import { errorResponses, nullable, Uuid } from '../../http/schemas.ts';
import { approvalQueue, decideApproval } from './approvals.ts';
import { getBooking } from './read-booking.ts';
import { setActionDone } from './required-actions.ts';
import { answerLine } from './supplier-answers.ts';

/** Those who look after bookings after the sale. */
const bookingKeepers: readonly Role[] = ['admin', 'agent', 'customer_service'];
const approvers: readonly Role[] = ['admin', 'approver'];

const ActionParams = Type.Object({ id: Uuid, actionId: Uuid });
const Note = Type.Optional(nullable(Type.String({ minLength: 1, maxLength: 1000 })));

export async function bookingActionRoutes(
  base: FastifyInstance,
  { database }: { database: Database },
) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const booking = Type.Ref('Booking');

  for (const [verb, done] of [
    ['done', true],
    ['reopen', false],
  ] as const) {
    app.post(
      `/api/v1/bookings/:id/required-actions/:actionId/${verb}`,
      {
        config: { access: bookingKeepers },
        // A click sends no body at all: read that as no note.
        preValidation: async (request) => {
          request.body ??= {};
        },
        schema: {
          tags: ['bookings'],
          summary: done
            ? 'Marks a required action done (who and when are recorded); 409 if it was already'
            : 'Opens a required action marked done by mistake',
          params: ActionParams,
          body: Type.Object({ note: Note }, { additionalProperties: false }),
          response: { 200: booking, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => {
        const ctx = contextOf(request, database);
        await setActionDone(ctx, request.params.id, request.params.actionId, {
          done,
          note: request.body.note ?? null,
        });
        return getBooking(ctx, request.params.id);
      },
    );
  }

  app.post(
    '/api/v1/bookings/:id/approval',
    {
      config: { access: approvers },
      schema: {
        tags: ['approvals'],
        summary: "An approver's decision on a booking waiting under its company's travel policy",
        params: Type.Object({ id: Uuid }),
        body: Type.Object(
          {
            decision: Type.Enum(['approve', 'reject']),
            reason: Type.Optional(nullable(Type.String({ minLength: 1, maxLength: 1000 }))),
          },
          { additionalProperties: false },
        ),
        response: { 200: booking, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const ctx = contextOf(request, database);
      await decideApproval(ctx, request.params.id, request.body);
      return getBooking(ctx, request.params.id);
    },
  );

  app.get(
    '/api/v1/approvals',
    {
      config: { access: approvers },
      schema: {
        tags: ['approvals'],
        summary:
          'Bookings waiting for your approval (an admin sees all), oldest first, with the ' +
          'policy limits each one breaks',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Uuid,
                number: Type.String(),
                status: Type.String(),
                productName: Type.String(),
                from: Type.String(),
                to: Type.String(),
                total: Type.Integer(),
                currency: Type.String(),
                customer: Type.String(),
                reasons: Type.Array(
                  Type.Object({
                    rule: Type.String(),
                    message: Type.String(),
                    params: Type.Optional(
                      Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()])),
                    ),
                  }),
                ),
                createdAt: Type.String({ format: 'date-time' }),
              }),
            ),
          }),
          ...errorResponses(401, 403),
        },
      },
    },
    async (request) => ({ items: await approvalQueue(contextOf(request, database)) }),
  );

  app.post(
    '/api/v1/bookings/:id/lines/:position/supplier-answer',
    {
      config: { access: bookingKeepers },
      schema: {
        tags: ['bookings'],
        summary:
          "Records the supplier's answer to an on-request line: confirmed or refused; a " +
          'refused line may then be cancelled (its amount leaves the total)',
        params: Type.Object({ id: Uuid, position: Type.Integer({ minimum: 0, maximum: 10_000 }) }),
        body: Type.Object(
          {
            answer: Type.Enum(['confirmed', 'refused', 'cancelled']),
            reference: Type.Optional(nullable(Type.String({ minLength: 1, maxLength: 100 }))),
            note: Note,
          },
          { additionalProperties: false },
        ),
        response: { 200: booking, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const ctx = contextOf(request, database);
      await answerLine(ctx, request.params.id, request.params.position, request.body);
      return getBooking(ctx, request.params.id);
    },
  );
}
