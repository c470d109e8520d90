// The life cycle of a booking (B3), decided on plain facts: which status may follow which,
// who may move it there, and what must be true first. The booking service asks before every
// change and records the answer's transition in the audit log; the back office shows the
// allowed ones as buttons.
//
//   web_reservation ─┐
//                    ├─► checked ─► ordered ─► confirmed ─► paid ─► departed
//   internal_reservation ┘
//   … and cancelled from any status before departed.
import type { Role } from '../../db/schema.ts';

export const bookingStatuses = [
  'web_reservation',
  'internal_reservation',
  'checked',
  'ordered',
  'confirmed',
  'paid',
  'departed',
  'cancelled',
] as const;
export type BookingStatus = (typeof bookingStatuses)[number];

/** Who acts: a user's role, or the system itself (payments settling, the departure job). */
export type Mover = Role | 'system';

/** What the guards look at, read by the service in the transition's transaction. */
export interface BookingFacts {
  status: BookingStatus;
  /** Waiting for a corporate approver: nothing moves but a cancellation. */
  pendingApproval: boolean;
  /** The approver said no: the booking can only be cancelled now. */
  approvalRejected: boolean;
  /** Lines on request whose supplier answer has not been recorded. */
  unansweredOnRequest: number;
  /** Lines the supplier refused and nobody has replaced or cancelled. */
  refusedLines: number;
  /** What is still to pay, in minor units (zero or less: settled). */
  balance: number;
  /** The first day of travel, and today, as YYYY-MM-DD. */
  departureDate: string;
  today: string;
}

interface Edge {
  from: readonly BookingStatus[];
  to: BookingStatus;
  movers: readonly Mover[];
}

const frontOffice: readonly Mover[] = ['admin', 'agent', 'customer_service'];
const productTeam: readonly Mover[] = ['admin', 'agent'];
const beforeDeparture = bookingStatuses.filter((s) => s !== 'departed' && s !== 'cancelled');

const edges: readonly Edge[] = [
  { from: ['web_reservation', 'internal_reservation'], to: 'checked', movers: frontOffice },
  { from: ['checked'], to: 'ordered', movers: productTeam },
  { from: ['ordered'], to: 'confirmed', movers: productTeam },
  // Paid follows from settled payments; an accountant may record it for money paid outside.
  { from: ['confirmed'], to: 'paid', movers: ['system', 'admin', 'accountant'] },
  { from: ['paid'], to: 'departed', movers: ['system', 'admin', 'agent'] },
  { from: beforeDeparture, to: 'cancelled', movers: [...frontOffice, 'system'] },
];

/** A customer may cancel their own booking only until the agency has ordered it. */
const customerMayCancel: readonly BookingStatus[] = [
  'web_reservation',
  'internal_reservation',
  'checked',
];

export type TransitionDecision =
  | { ok: true }
  | { ok: false; kind: 'forbidden' | 'conflict'; reason: string };

function guard(facts: BookingFacts, to: BookingStatus): string | null {
  if (facts.pendingApproval && to !== 'cancelled') {
    return 'the booking waits for a corporate approver';
  }
  if (facts.approvalRejected && to !== 'cancelled') {
    return "the company's approver rejected the booking: it can only be cancelled";
  }
  if (to === 'confirmed') {
    if (facts.unansweredOnRequest > 0) {
      return `${facts.unansweredOnRequest} on-request line(s) still wait for the supplier's answer`;
    }
    if (facts.refusedLines > 0) {
      return `${facts.refusedLines} line(s) were refused by the supplier: replace or cancel them first`;
    }
  }
  if (to === 'paid' && facts.balance > 0) return 'payments do not yet settle the booking';
  if (to === 'departed' && facts.departureDate > facts.today) {
    return `the trip starts on ${facts.departureDate}`;
  }
  return null;
}

/** May `mover` move a booking with these facts to `to`? And if not, why not. */
export function decideTransition(
  facts: BookingFacts,
  to: BookingStatus,
  mover: Mover,
): TransitionDecision {
  const edge = edges.find((e) => e.to === to && e.from.includes(facts.status));
  if (!edge) {
    return { ok: false, kind: 'conflict', reason: `a ${facts.status} booking cannot become ${to}` };
  }
  const customerCancel = mover === 'customer' && to === 'cancelled';
  if (customerCancel ? !customerMayCancel.includes(facts.status) : !edge.movers.includes(mover)) {
    return {
      ok: false,
      kind: 'forbidden',
      reason: customerCancel
        ? 'the agency has ordered this booking already: ask them to cancel it'
        : `a ${mover} cannot move a booking to ${to}`,
    };
  }
  const blocked = guard(facts, to);
  return blocked ? { ok: false, kind: 'conflict', reason: blocked } : { ok: true };
}

/** The statuses `mover` could move the booking to now: the back office's buttons. */
export function allowedTransitions(facts: BookingFacts, mover: Mover): BookingStatus[] {
  return bookingStatuses.filter((to) => decideTransition(facts, to, mover).ok);
}

/** The status a new booking starts in: the portal's own, or staff's. */
export function initialStatus(channel: string): BookingStatus {
  return channel === 'web' ? 'web_reservation' : 'internal_reservation';
}
