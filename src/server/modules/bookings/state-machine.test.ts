import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allowedTransitions,
  type BookingFacts,
  type BookingStatus,
  bookingStatuses,
  decideTransition,
  initialStatus,
  type Mover,
} from './state-machine.ts';

const settled: BookingFacts = {
  status: 'web_reservation',
  pendingApproval: false,
  approvalRejected: false,
  unansweredOnRequest: 0,
  refusedLines: 0,
  balance: 0,
  departureDate: '2027-07-03',
  today: '2027-07-03',
};
const at = (status: BookingStatus, more: Partial<BookingFacts> = {}) => ({
  ...settled,
  status,
  ...more,
});

describe('booking life cycle', () => {
  // from, to, who, expected: 'ok' | 'forbidden' | 'conflict'
  const table: Array<[BookingStatus, BookingStatus, Mover, 'ok' | 'forbidden' | 'conflict']> = [
    ['web_reservation', 'checked', 'customer_service', 'ok'],
    ['internal_reservation', 'checked', 'agent', 'ok'],
    ['web_reservation', 'checked', 'customer', 'forbidden'],
    ['web_reservation', 'ordered', 'agent', 'conflict'],
    ['checked', 'ordered', 'agent', 'ok'],
    ['checked', 'ordered', 'customer_service', 'forbidden'],
    ['ordered', 'confirmed', 'agent', 'ok'],
    ['confirmed', 'paid', 'system', 'ok'],
    ['confirmed', 'paid', 'accountant', 'ok'],
    ['confirmed', 'paid', 'agent', 'forbidden'],
    ['paid', 'departed', 'system', 'ok'],
    ['confirmed', 'departed', 'agent', 'conflict'],
    ['departed', 'cancelled', 'admin', 'conflict'],
    ['cancelled', 'checked', 'admin', 'conflict'],
    ['paid', 'cancelled', 'agent', 'ok'],
    ['checked', 'cancelled', 'customer', 'ok'],
    ['ordered', 'cancelled', 'customer', 'forbidden'],
    ['ordered', 'cancelled', 'partner', 'forbidden'],
    ['checked', 'checked', 'admin', 'conflict'],
  ];
  it.each(table)('%s → %s by %s: %s', (from, to, who, expected) => {
    const decision = decideTransition(at(from), to, who);
    expect(decision.ok ? 'ok' : decision.kind).toBe(expected);
  });

  it('confirms only once every on-request line is answered and none stands refused', () => {
    expect(
      decideTransition(at('ordered', { unansweredOnRequest: 2 }), 'confirmed', 'agent'),
    ).toEqual({
      ok: false,
      kind: 'conflict',
      reason: "2 on-request line(s) still wait for the supplier's answer",
    });
    expect(decideTransition(at('ordered', { refusedLines: 1 }), 'confirmed', 'agent').ok).toBe(
      false,
    );
  });

  it('is paid only when payments settle it, and departs only on or after the first day', () => {
    expect(decideTransition(at('confirmed', { balance: 1 }), 'paid', 'system').ok).toBe(false);
    expect(decideTransition(at('confirmed', { balance: -500 }), 'paid', 'system').ok).toBe(true);
    expect(
      decideTransition(at('paid', { today: '2027-07-02' }), 'departed', 'system'),
    ).toMatchObject({
      ok: false,
      reason: 'the trip starts on 2027-07-03',
    });
  });

  it('lets a booking waiting for approval be cancelled, and nothing else', () => {
    const waiting = at('internal_reservation', { pendingApproval: true });
    expect(allowedTransitions(waiting, 'admin')).toEqual(['cancelled']);
  });

  it('lets a rejected booking only be cancelled', () => {
    const rejected = at('checked', { approvalRejected: true });
    expect(allowedTransitions(rejected, 'admin')).toEqual(['cancelled']);
    expect(decideTransition(rejected, 'ordered', 'agent')).toMatchObject({
      ok: false,
      kind: 'conflict',
    });
  });

  it('starts web bookings as web reservations and every other channel as internal ones', () => {
    expect(initialStatus('web')).toBe('web_reservation');
    for (const channel of ['phone', 'email', 'walk_in', 'marketplace', 'gds', 'api']) {
      expect(initialStatus(channel)).toBe('internal_reservation');
    }
  });

  it('never leaves departed or cancelled, and never moves backwards', () => {
    const order = (s: BookingStatus) =>
      Math.max(
        0,
        ['internal_reservation', 'checked', 'ordered', 'confirmed', 'paid', 'departed'].indexOf(s),
      );
    const movers: Mover[] = [
      'admin',
      'agent',
      'customer_service',
      'accountant',
      'partner',
      'approver',
      'customer',
      'system',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...bookingStatuses),
        fc.constantFrom(...movers),
        fc.boolean(),
        fc.integer({ min: -1000, max: 1000 }),
        (status, mover, pendingApproval, balance) => {
          const allowed = allowedTransitions(at(status, { pendingApproval, balance }), mover);
          if (status === 'departed' || status === 'cancelled') expect(allowed).toEqual([]);
          for (const to of allowed) {
            if (to !== 'cancelled') expect(order(to)).toBeGreaterThan(order(status));
          }
        },
      ),
    );
  });
});
