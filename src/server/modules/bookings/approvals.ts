// Approvals (B9, R2): a booking of a company customer (or of one of its employees) that breaks
// the company's travel policy, or of a company that approves everything, waits with
// `approval = 'pending'` until one of the company's approvers approves or rejects it with a
// reason. The status does not change meanwhile; the state machine's guards hold it.
import { daysBetween, nightsOfStay, todayUtc } from '../../calendar.ts';
import { type Ctx, inTransaction } from '../../context.ts';
import { json } from '../../db/json.ts';
import type { ApprovalState, PolicyBreach } from '../../db/schema.ts';
import { Conflict, Forbidden, NotFound } from '../../errors.ts';
import { displayNameOf } from '../customers/customer-rules.ts';
import { governingPolicyOf } from '../customers/service.ts';
import { recordAudit } from '../identity/audit.ts';
import { notify } from '../messaging/notifications.ts';
import { convert, money } from '../pricing/money.ts';
import { rateOn } from '../pricing/rates.ts';
import { policyBreaches } from './policy.ts';
import { maySeeBooking } from './visibility.ts';

export interface ApprovalAsk {
  customerId: string;
  total: number;
  currency: string;
  startDate: string;
  endDate: string;
  roomTypeIds: readonly string[];
  transportClasses: readonly string[];
}

/** The total in another currency at today's rate; null when no rate is known. */
async function convertedTotal(
  tx: Ctx,
  ask: ApprovalAsk,
  currency: string,
  today: string,
): Promise<number | null> {
  try {
    const { rate } = await rateOn(tx, ask.currency, currency, today);
    return convert(money(ask.total, ask.currency), currency, rate).amount;
  } catch (error) {
    if (error instanceof Conflict) return null;
    throw error;
  }
}

/** Whether a new booking must wait for an approver, and why. */
export async function approvalFor(
  tx: Ctx,
  ask: ApprovalAsk,
  now: Date,
): Promise<{
  approval: ApprovalState;
  breaches: PolicyBreach[];
  approverIds: string[];
  companyName: string | null;
}> {
  const governing = await governingPolicyOf(tx, ask.customerId);
  if (!governing) return { approval: 'none', breaches: [], approverIds: [], companyName: null };
  const today = todayUtc(now);
  const converted = new Map<string, number | null>([[ask.currency, ask.total]]);
  for (const cap of [governing.policy.maxPricePerTrip, governing.policy.maxPricePerNight]) {
    if (cap && !converted.has(cap.currency)) {
      converted.set(cap.currency, await convertedTotal(tx, ask, cap.currency, today));
    }
  }
  const roomTypeCodes =
    ask.roomTypeIds.length === 0
      ? []
      : (
          await tx.db
            .selectFrom('roomTypes')
            .select(['id', 'code'])
            .where('agencyId', '=', tx.agencyId)
            .where('id', 'in', [...ask.roomTypeIds])
            .execute()
        ).map((r) => r.code);
  const breaches = policyBreaches(governing.policy, {
    totalIn: (currency) => converted.get(currency) ?? null,
    nights: ask.endDate > ask.startDate ? nightsOfStay(ask.startDate, ask.endDate).length : 0,
    roomTypeCodes,
    transportClasses: ask.transportClasses,
    daysInAdvance: daysBetween(today, ask.startDate),
  });
  return {
    approval: breaches.length > 0 ? 'pending' : 'none',
    breaches,
    approverIds: governing.approverIds,
    companyName: governing.companyName,
  };
}

/**
 * After a change of dates, rooms or party: a booking that now breaks its company's policy
 * waits for the approvers again, even if they approved the earlier version. One that no
 * longer breaks it keeps its state (a pending approval stays for the approver to close).
 */
export async function recheckApproval(
  tx: Ctx,
  booking: { id: string; number: string; approval: ApprovalState },
  ask: ApprovalAsk,
  now: Date,
): Promise<void> {
  const result = await approvalFor(tx, ask, now);
  if (result.approval !== 'pending' || booking.approval === 'pending') return;
  await tx.db
    .updateTable('bookings')
    .set({
      approval: 'pending',
      pendingApproval: true,
      approvalBreaches: json(result.breaches),
      approvalDecidedBy: null,
      approvalDecidedByName: null,
      approvalDecidedAt: null,
      approvalReason: null,
    })
    .where('agencyId', '=', tx.agencyId)
    .where('id', '=', booking.id)
    .execute();
  await recordAudit(tx, {
    action: 'booking.approval_requested',
    entityType: 'booking',
    entityId: booking.id,
    before: { approval: booking.approval },
    after: { approval: 'pending', reasons: result.breaches },
  });
  await askApprovers(tx, booking, result.approverIds, result.breaches);
}

/** Tells a company's approvers that a booking waits for them (in-app and e-mail, after commit). */
export async function askApprovers(
  tx: Ctx,
  booking: { id: string; number: string },
  approverIds: readonly string[],
  breaches: readonly PolicyBreach[],
): Promise<void> {
  await notify(tx, {
    userIds: [...approverIds],
    kind: 'booking.approval_requested',
    title: `Booking ${booking.number} waits for your approval`,
    body: breaches.map((b) => `• ${b.message}`).join('\n'),
    data: { bookingId: booking.id, number: booking.number },
  });
}

async function approversOfBooking(tx: Ctx, customerId: string): Promise<string[]> {
  return (await governingPolicyOf(tx, customerId))?.approverIds ?? [];
}

/**
 * An approver's decision. Only the company's approvers (and admins) decide; a booking decided
 * already, or that never needed approval, is a 409. A rejection leaves the booking rejected
 * for staff to cancel with the customer; nothing moves until then.
 */
export async function decideApproval(
  ctx: Ctx,
  bookingId: string,
  decision: { decision: 'approve' | 'reject'; reason?: string | null },
  now: Date = new Date(),
) {
  return inTransaction(ctx, async (tx) => {
    const booking = await tx.db
      .selectFrom('bookings')
      .select(['id', 'number', 'customerId', 'approval', 'createdBy'])
      .where('agencyId', '=', tx.agencyId)
      .where('id', '=', bookingId)
      .forUpdate()
      .executeTakeFirst();
    if (!booking) throw new NotFound('booking', bookingId);
    const approvers = await approversOfBooking(tx, booking.customerId);
    const mayDecide =
      tx.actor.role === 'admin' ||
      (tx.actor.userId !== null && approvers.includes(tx.actor.userId));
    if (!mayDecide) {
      throw new Forbidden(`you are not an approver of booking ${booking.number}'s company`);
    }
    if (booking.approval !== 'pending') {
      throw new Conflict(
        booking.approval === 'none'
          ? `booking ${booking.number} does not need approval`
          : `booking ${booking.number} was ${booking.approval} already`,
      );
    }
    const approval: ApprovalState = decision.decision === 'approve' ? 'approved' : 'rejected';
    await tx.db
      .updateTable('bookings')
      .set({
        approval,
        pendingApproval: false,
        approvalDecidedBy: tx.actor.userId,
        approvalDecidedByName: tx.actor.name,
        approvalDecidedAt: now,
        approvalReason: decision.reason ?? null,
        updatedAt: now,
      })
      .where('agencyId', '=', tx.agencyId)
      .where('id', '=', bookingId)
      .execute();
    await recordAudit(tx, {
      action: approval === 'approved' ? 'booking.approved' : 'booking.rejected',
      entityType: 'booking',
      entityId: bookingId,
      before: { approval: 'pending' },
      after: { approval, reason: decision.reason ?? null },
      reason: decision.reason ?? null,
    });
    if (booking.createdBy) {
      await notify(tx, {
        userIds: [booking.createdBy],
        kind: `booking.${approval}`,
        title: `Booking ${booking.number} was ${approval}`,
        body: decision.reason ?? '',
        data: { bookingId, number: booking.number },
      });
    }
  });
}

/**
 * The approver's queue: bookings waiting for approval of the companies they approve for
 * (an admin sees every one), oldest first, with the reasons.
 */
export async function approvalQueue(ctx: Ctx) {
  let query = ctx.db
    .selectFrom('bookings')
    .innerJoin('customers', (join) =>
      join
        .onRef('customers.agencyId', '=', 'bookings.agencyId')
        .onRef('customers.id', '=', 'bookings.customerId'),
    )
    .select([
      'bookings.id',
      'bookings.number',
      'bookings.status',
      'bookings.productName',
      'bookings.startDate',
      'bookings.endDate',
      'bookings.total',
      'bookings.currency',
      'bookings.approvalBreaches',
      'bookings.createdAt',
      'customers.kind',
      'customers.firstName',
      'customers.lastName',
      'customers.companyName',
    ])
    .where('bookings.agencyId', '=', ctx.agencyId)
    .where('bookings.approval', '=', 'pending')
    .orderBy('bookings.createdAt')
    .orderBy('bookings.id')
    .limit(500);
  // An admin sees every booking waiting; an approver those of its companies (visibility.ts).
  if (ctx.actor.role !== 'admin') query = query.where(maySeeBooking(ctx));
  const rows = await query.execute();
  return rows.map((row) => ({
    id: row.id,
    number: row.number,
    status: row.status,
    productName: row.productName,
    from: row.startDate,
    to: row.endDate,
    total: Number(row.total),
    currency: row.currency,
    reasons: row.approvalBreaches,
    customer: displayNameOf(row),
    createdAt: new Date(row.createdAt).toISOString(),
  }));
}
