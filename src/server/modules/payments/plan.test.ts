// The payment plan rules without a database: deposit and balance dates, one instalment when
// the booking is made close to departure, exact sums after rounding, re-splitting after a
// change, and which instalments the payments cover.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../calendar.ts';
import { paymentRefusal, refundable } from './payment-rules.ts';
import { balanceOf, instalmentStates, overdueOf, paidOf, paymentPlan, replan } from './plan.ts';

const terms = { depositPercent: '30', balanceDaysBeforeDeparture: 30 };

describe('paymentPlan', () => {
  it.each([
    {
      name: 'a deposit today and the balance 30 days before departure',
      total: 1750_00,
      booked: '2030-03-01',
      departure: '2030-07-06',
      expected: [
        // 30 % of 1 750,00 = 525,00; the rest 1 225,00 on 6 July − 30 days = 6 June.
        { position: 0, dueDate: '2030-03-01', amount: 525_00, label: 'deposit' },
        { position: 1, dueDate: '2030-06-06', amount: 1225_00, label: 'balance' },
      ],
    },
    {
      name: 'everything at once when booked within 30 days of departure',
      total: 1750_00,
      booked: '2030-06-20',
      departure: '2030-07-06',
      expected: [{ position: 0, dueDate: '2030-06-20', amount: 1750_00, label: 'full' }],
    },
    {
      name: 'everything at once when the balance date would be the booking date',
      total: 1000_00,
      booked: '2030-06-06',
      departure: '2030-07-06',
      expected: [{ position: 0, dueDate: '2030-06-06', amount: 1000_00, label: 'full' }],
    },
    {
      name: 'a deposit rounded half away from zero, the balance taking the rest',
      // 30 % of 0,05 = 0,015 → 0,02; the balance 0,03.
      total: 5,
      booked: '2030-03-01',
      departure: '2030-07-06',
      expected: [
        { position: 0, dueDate: '2030-03-01', amount: 2, label: 'deposit' },
        { position: 1, dueDate: '2030-06-06', amount: 3, label: 'balance' },
      ],
    },
    {
      name: 'whole units in a currency without a minor unit',
      // 30 % of 12 345 JPY = 3 703,5 → 3 704.
      total: 12345,
      currency: 'JPY',
      booked: '2030-03-01',
      departure: '2030-07-06',
      expected: [
        { position: 0, dueDate: '2030-03-01', amount: 3704, label: 'deposit' },
        { position: 1, dueDate: '2030-06-06', amount: 8641, label: 'balance' },
      ],
    },
    {
      name: 'nothing for a free booking',
      total: 0,
      booked: '2030-03-01',
      departure: '2030-07-06',
      expected: [],
    },
  ])('plans $name', ({ total, currency, booked, departure, expected }) => {
    expect(paymentPlan(total, currency ?? 'EUR', booked, departure, terms)).toEqual(expected);
  });

  it('takes the whole total at once when the deposit is 0 % or 100 %', () => {
    for (const depositPercent of ['0', '100']) {
      expect(
        paymentPlan(500_00, 'EUR', '2030-03-01', '2030-07-06', {
          depositPercent,
          balanceDaysBeforeDeparture: 30,
        }),
      ).toEqual([{ position: 0, dueDate: '2030-03-01', amount: 500_00, label: 'full' }]);
    }
  });

  it('keeps its promises for any total, dates and terms', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_00 }),
        fc.constantFrom('EUR', 'CZK', 'JPY', 'BHD'),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: -5, max: 400 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 120 }),
        (total, currency, bookedOffset, lead, percentHundredths, days) => {
          const booked = addDays('2030-01-01', bookedOffset);
          const departure = addDays(booked, lead);
          const plan = paymentPlan(total, currency, booked, departure, {
            depositPercent: (percentHundredths / 100).toString(),
            balanceDaysBeforeDeparture: days,
          });
          expect(plan.reduce((sum, i) => sum + i.amount, 0)).toBe(total);
          for (const [index, instalment] of plan.entries()) {
            expect(instalment.amount).toBeGreaterThanOrEqual(0);
            expect(Number.isInteger(instalment.amount)).toBe(true);
            expect(instalment.dueDate <= departure).toBe(true);
            expect(instalment.position).toBe(index);
            const next = plan[index + 1];
            if (next) expect(instalment.dueDate < next.dueDate).toBe(true);
          }
        },
      ),
    );
  });
});

describe('replan after a change', () => {
  const plan = paymentPlan(1000_00, 'EUR', '2030-03-01', '2030-07-06', terms);
  const base = {
    currency: 'EUR',
    bookingDate: '2030-03-01',
    departure: '2030-07-06',
    today: '2030-04-01',
  };

  it('plans afresh from the booking date when nothing is covered yet', () => {
    expect(replan({ ...base, total: 1200_00, paidNet: 100_00 }, plan, terms)).toEqual(
      paymentPlan(1200_00, 'EUR', '2030-03-01', '2030-07-06', terms),
    );
  });

  it('keeps the paid deposit and puts the rest due 30 days before the new departure', () => {
    expect(
      replan({ ...base, departure: '2030-08-10', total: 1500_00, paidNet: 300_00 }, plan, terms),
    ).toEqual([
      { position: 0, dueDate: '2030-03-01', amount: 300_00, label: 'deposit' },
      // 1 500,00 − 300,00, due 10 August − 30 days.
      { position: 1, dueDate: '2030-07-11', amount: 1200_00, label: 'balance' },
    ]);
  });

  it('puts the rest due today when its date has passed', () => {
    expect(
      replan({ ...base, today: '2030-06-20', total: 1100_00, paidNet: 300_00 }, plan, terms),
    ).toEqual([
      { position: 0, dueDate: '2030-03-01', amount: 300_00, label: 'deposit' },
      { position: 1, dueDate: '2030-06-20', amount: 800_00, label: 'balance' },
    ]);
  });

  it('cuts the paid instalments to a total that went below them', () => {
    expect(replan({ ...base, total: 200_00, paidNet: 300_00 }, plan, terms)).toEqual([
      { position: 0, dueDate: '2030-03-01', amount: 200_00, label: 'deposit' },
    ]);
  });

  it('always sums to the new total', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5000_00 }),
        fc.integer({ min: 0, max: 5000_00 }),
        fc.integer({ min: 0, max: 200 }),
        (total, paidNet, todayOffset) => {
          const next = replan(
            { ...base, today: addDays('2030-03-01', todayOffset), total, paidNet },
            plan,
            terms,
          );
          expect(next.reduce((sum, i) => sum + i.amount, 0)).toBe(total);
          for (const instalment of next) {
            expect(instalment.amount).toBeGreaterThanOrEqual(0);
            expect(instalment.dueDate <= base.departure).toBe(true);
          }
        },
      ),
    );
  });
});

describe('balances and coverage', () => {
  const payments = [
    { kind: 'payment' as const, amount: 500_00, status: 'succeeded' },
    { kind: 'payment' as const, amount: 200_00, status: 'pending' },
    { kind: 'payment' as const, amount: 900_00, status: 'failed' },
    { kind: 'refund' as const, amount: 50_00, status: 'succeeded' },
  ];

  it('counts succeeded payments less refunds, never pending or failed ones', () => {
    expect(paidOf(payments)).toBe(450_00);
    expect(balanceOf(1000_00, payments)).toBe(550_00);
  });

  it('marks instalments paid by cumulative cover and overdue once due before today', () => {
    const plan = [
      { position: 0, dueDate: '2030-03-01', amount: 300_00, label: 'deposit' },
      { position: 1, dueDate: '2030-06-06', amount: 700_00, label: 'balance' },
    ];
    expect(instalmentStates(plan, 450_00, '2030-06-07')).toEqual([
      { dueDate: '2030-03-01', amount: 300_00, label: 'deposit', paid: true, overdue: false },
      { dueDate: '2030-06-06', amount: 700_00, label: 'balance', paid: false, overdue: true },
    ]);
    // 300 + 700 due, 450 paid: 550 overdue for one day.
    expect(overdueOf(plan, 450_00, '2030-06-07')).toEqual({
      amount: 550_00,
      oldestDueDate: '2030-06-06',
      daysOverdue: 1,
    });
    expect(overdueOf(plan, 450_00, '2030-06-06')).toBeNull();
  });
});

describe('payment rules', () => {
  const facts = {
    status: 'confirmed',
    total: 1000_00,
    currency: 'EUR',
    cancellationFee: null,
    paidNet: 400_00,
  };

  it('refuses a payment above the balance, naming /amount', () => {
    expect(paymentRefusal(facts, { kind: 'payment', amount: 600_01 })).toMatchObject({
      kind: 'conflict',
      path: '/amount',
    });
    expect(paymentRefusal(facts, { kind: 'payment', amount: 600_00 })).toBeNull();
  });

  it('refuses another currency as invalid', () => {
    expect(paymentRefusal(facts, { kind: 'payment', amount: 1, currency: 'CZK' })).toMatchObject({
      kind: 'invalid',
      path: '/currency',
    });
  });

  it('refunds a cancelled booking up to what was paid less the fee', () => {
    const cancelled = { ...facts, status: 'cancelled', cancellationFee: 150_00 };
    expect(refundable(cancelled)).toBe(250_00);
    expect(paymentRefusal(cancelled, { kind: 'payment', amount: 1 })).toMatchObject({
      kind: 'conflict',
    });
    expect(paymentRefusal(cancelled, { kind: 'refund', amount: 250_01 })).toMatchObject({
      path: '/amount',
    });
    expect(paymentRefusal(cancelled, { kind: 'refund', amount: 250_00 })).toBeNull();
  });

  it('refunds a paid booking only what was paid above its total', () => {
    expect(refundable({ ...facts, status: 'paid', paidNet: 1000_00 })).toBe(0);
    expect(refundable({ ...facts, status: 'paid', paidNet: 1100_00 })).toBe(100_00);
    expect(refundable(facts)).toBe(400_00);
  });
});
