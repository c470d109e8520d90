// HTTP for payments (B7): staff record payments and refunds (idempotent), anyone who may read
// a booking reads its payments and plan, customers pay their own bookings by card through
// the provider (checkout, then confirm), staff list the overdue bookings, and the admin sets
// the agency's payment terms. Amounts are integers in the booking currency's minor unit.

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Database } from '../../db/connect.ts';
import type { Role } from '../../db/schema.ts';
import { contextOf } from '../../http/auth.ts';
import { idempotencyClaim, runIdempotent, sendIdempotent } from '../../http/idempotency.ts';
import { errorResponses, IdParams, nullable, Uuid } from '../../http/schemas.ts';
import { bookerRoles } from '../identity/roles.ts';
import { listOverdue } from './overdue.ts';
import { confirmPayment, listPayments, recordPayment, startCheckout } from './service.ts';
import { getPaymentTerms, setPaymentTerms } from './settings.ts';
import { paymentKinds, paymentMethods, paymentStatuses } from './types.ts';

/** Those who take money for the agency. */
const cashiers: readonly Role[] = ['admin', 'agent', 'customer_service', 'accountant'];

const Amount = Type.Integer({
  minimum: 1,
  maximum: 9_000_000_000_000,
  description: "Minor units of the booking's currency",
  examples: [35000],
});
const Currency = Type.String({
  pattern: '^[A-Z]{3}$',
  description: "ISO 4217; when given, it must be the booking's currency",
});

const PaymentSchema = Type.Object(
  {
    id: Type.Optional(Uuid),
    kind: Type.Enum([...paymentKinds]),
    amount: Type.Integer(),
    currency: Type.String(),
    method: Type.Enum([...paymentMethods]),
    status: Type.Optional(Type.Enum([...paymentStatuses])),
    reference: Type.Optional(nullable(Type.String())),
    provider: Type.Optional(nullable(Type.String())),
    providerReference: Type.Optional(nullable(Type.String())),
    receivedAt: nullable(Type.String({ format: 'date-time' })),
    recordedByName: Type.Optional(nullable(Type.String())),
    note: Type.Optional(nullable(Type.String())),
    createdAt: Type.Optional(Type.String({ format: 'date-time' })),
  },
  {
    additionalProperties: true,
    description:
      'Staff see every field and every status; customers see succeeded ones: kind, amount, method, date',
  },
);

const BookingMoneySchema = Type.Object(
  {
    id: Uuid,
    number: Type.String(),
    status: Type.String(),
    currency: Type.String(),
    total: Type.Integer(),
    paid: Type.Integer({ description: 'Succeeded payments less refunds' }),
    balance: Type.Integer({ description: 'Still to pay; negative when overpaid' }),
  },
  { additionalProperties: true },
);

const RecordedSchema = Type.Object({ payment: PaymentSchema, booking: BookingMoneySchema });

const InstalmentSchema = Type.Object({
  dueDate: Type.String({ format: 'date' }),
  amount: Type.Integer(),
  label: Type.String({
    description: 'deposit, balance or full; cancellation_fee once the booking is cancelled',
  }),
  paid: Type.Boolean({ description: 'The net payments cover it and every instalment before it' }),
  overdue: Type.Boolean(),
});

const PaymentsOfBookingSchema = Type.Object({
  currency: Type.String(),
  total: Type.Integer(),
  paid: Type.Integer(),
  balance: Type.Integer(),
  payments: Type.Array(PaymentSchema),
  instalments: Type.Array(InstalmentSchema),
});

const TermsSchema = Type.Object(
  {
    depositPercent: Type.String({
      pattern: '^\\d{1,3}(\\.\\d{1,2})?$',
      description: 'Deposit due when the booking is made, percent of the total (0–100)',
      examples: ['30'],
    }),
    balanceDaysBeforeDeparture: Type.Integer({
      minimum: 0,
      maximum: 365,
      description:
        'The balance is due this many days before departure; bookings made closer pay everything at once',
      examples: [30],
    }),
  },
  { additionalProperties: false },
);

const OverdueSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      bookingId: Uuid,
      number: Type.String(),
      status: Type.String(),
      departure: Type.String({ format: 'date' }),
      customer: Type.Object({
        id: Uuid,
        name: Type.String(),
        email: nullable(Type.String()),
      }),
      currency: Type.String(),
      total: Type.Integer(),
      paid: Type.Integer(),
      amountOverdue: Type.Integer(),
      oldestDueDate: Type.String({ format: 'date' }),
      daysOverdue: Type.Integer(),
    }),
  ),
  nextCursor: nullable(Type.String()),
});

export async function paymentRoutes(base: FastifyInstance, { database }: { database: Database }) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/api/v1/bookings/:id/payments',
    {
      config: { access: cashiers },
      schema: {
        tags: ['payments'],
        summary:
          'Records a payment received or a refund given (Idempotency-Key); 409 naming /amount when it would overpay or refund too much',
        params: IdParams,
        body: Type.Object(
          {
            amount: Amount,
            currency: Type.Optional(Currency),
            method: Type.Enum([...paymentMethods]),
            reference: Type.Optional(nullable(Type.String({ minLength: 1, maxLength: 200 }))),
            note: Type.Optional(nullable(Type.String({ minLength: 1, maxLength: 1000 }))),
            kind: Type.Optional(Type.Enum([...paymentKinds], { default: 'payment' })),
          },
          { additionalProperties: false },
        ),
        response: { 201: RecordedSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const result = await runIdempotent(
        contextOf(request, database),
        idempotencyClaim(request),
        async (ctx) => ({
          statusCode: 201,
          body: await recordPayment(ctx, request.params.id, request.body),
        }),
      );
      return sendIdempotent(reply, result);
    },
  );

  app.get(
    '/api/v1/bookings/:id/payments',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['payments'],
        summary: "A booking's payments, what is paid and still due, and its payment plan",
        params: IdParams,
        response: { 200: PaymentsOfBookingSchema, ...errorResponses(401, 404) },
      },
    },
    async (request) => listPayments(contextOf(request, database), request.params.id),
  );

  app.post(
    '/api/v1/bookings/:id/payments/checkout',
    {
      config: { access: bookerRoles },
      schema: {
        tags: ['payments'],
        summary:
          'Starts a card payment with the payment provider (customers: their own bookings); it counts once confirmed',
        params: IdParams,
        body: Type.Object(
          {
            amount: Amount,
            currency: Type.Optional(Currency),
            returnUrl: Type.Optional(nullable(Type.String({ minLength: 1, maxLength: 2000 }))),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({
            id: Uuid,
            bookingId: Uuid,
            status: Type.Literal('pending'),
            amount: Type.Integer(),
            currency: Type.String(),
            provider: Type.String(),
            providerReference: Type.String(),
            redirectUrl: nullable(Type.String()),
            clientSecret: nullable(Type.String()),
          }),
          ...errorResponses(400, 401, 404, 409),
        },
      },
    },
    async (request, reply) => {
      const started = await startCheckout(
        contextOf(request, database),
        request.params.id,
        request.body,
      );
      return reply.code(201).send(started);
    },
  );

  app.post(
    '/api/v1/payments/:id/confirm',
    {
      config: { access: bookerRoles },
      schema: {
        tags: ['payments'],
        summary:
          'Confirms a pending card payment. Test provider: 4242 4242 4242 4242 succeeds; 4000 0000 0000 0002 is declined (409 naming /cardNumber, the payment marked failed)',
        params: IdParams,
        body: Type.Object(
          {
            cardNumber: Type.Optional(
              nullable(
                Type.String({ minLength: 1, maxLength: 30, examples: ['4242 4242 4242 4242'] }),
              ),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: RecordedSchema, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request) =>
      confirmPayment(contextOf(request, database), request.params.id, request.body),
  );

  app.get(
    '/api/v1/payments/overdue',
    {
      config: { access: cashiers },
      schema: {
        tags: ['payments'],
        summary:
          'Bookings with instalments due before today that the payments do not cover, the longest overdue first',
        response: { 200: OverdueSchema, ...errorResponses(401, 403) },
      },
    },
    async (request) => listOverdue(contextOf(request, database)),
  );

  app.get(
    '/api/v1/settings/payment-terms',
    {
      config: { access: ['admin', 'accountant'] },
      schema: {
        tags: ['settings'],
        summary: "The agency's payment terms: deposit and when the balance falls due",
        response: { 200: TermsSchema, ...errorResponses(401, 403) },
      },
    },
    async (request) => getPaymentTerms(contextOf(request, database)),
  );

  app.put(
    '/api/v1/settings/payment-terms',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['settings'],
        summary:
          'Sets the payment terms of new bookings (plans made before keep their instalments)',
        body: TermsSchema,
        response: { 200: TermsSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => setPaymentTerms(contextOf(request, database), request.body),
  );
}
