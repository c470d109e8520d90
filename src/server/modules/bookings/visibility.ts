// Which bookings an actor may see (S1), written once as a SQL condition on `bookings` so the
// list, the export, a single booking and the approval queue cannot disagree:
// - staff: every booking of the agency;
// - a marketplace partner: the bookings of offers that are its own (G3);
// - an approver: the bookings of the companies it approves for (B9), and of their employees;
// - a customer (and anyone else): the bookings they made themselves.
// Outside roles never see costs, margins or commissions either; `isStaff` decides that.
import { type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Ctx } from '../../context.ts';
import type { DB } from '../../db/schema.ts';
import { isStaff } from '../identity/roles.ts';

type BookingsEb = ExpressionBuilder<DB & { bookings: DB['bookings'] }, 'bookings'>;

/** The condition a booking row (`bookings`) meets when `ctx`'s actor may see it. */
export function maySeeBooking(ctx: Ctx) {
  const role = ctx.actor.role;
  const userId = ctx.actor.userId;
  return (eb: BookingsEb) => {
    if (isStaff(role)) return sql<SqlBool>`true`;
    if (userId === null) return sql<SqlBool>`false`;
    if (role === 'partner') {
      return eb.exists(
        eb
          .selectFrom('offers')
          .select('offers.id')
          .whereRef('offers.agencyId', '=', 'bookings.agencyId')
          .whereRef('offers.id', '=', 'bookings.offerId')
          .where('offers.partnerUserId', '=', userId),
      );
    }
    if (role === 'approver') {
      return eb.exists(
        eb
          .selectFrom('customers as bookedFor')
          .innerJoin('customerApprovers as ca', (join) =>
            join.onRef('ca.agencyId', '=', 'bookedFor.agencyId'),
          )
          .select('ca.userId')
          .whereRef('bookedFor.agencyId', '=', 'bookings.agencyId')
          .whereRef('bookedFor.id', '=', 'bookings.customerId')
          .where('ca.userId', '=', userId)
          .where((inner) =>
            inner.or([
              inner('ca.customerId', '=', inner.ref('bookedFor.id')),
              inner('ca.customerId', '=', inner.ref('bookedFor.companyId')),
            ]),
          ),
      );
    }
    return eb('bookings.createdBy', '=', userId);
  };
}

/** Whether `ctx`'s actor may see the booking `bookingId` (false for one that does not exist). */
export async function maySeeBookingId(ctx: Ctx, bookingId: string): Promise<boolean> {
  if (isStaff(ctx.actor.role)) return true;
  const row = await ctx.db
    .selectFrom('bookings')
    .select('bookings.id')
    .where('bookings.agencyId', '=', ctx.agencyId)
    .where('bookings.id', '=', bookingId)
    .where(maySeeBooking(ctx))
    .executeTakeFirst();
  return row !== undefined;
}
