// Booking numbers: sequential per agency and year, and gapless under concurrency even when
// some bookings roll back (PostgreSQL: PGlite has one session, so it cannot race).
import { describe, expect, it } from 'vitest';
import { describeEachDatabase, describeOnPostgres } from '../../../../tests/helpers/database.ts';
import { makeAgency } from '../../../../tests/helpers/factories.ts';
import { inTransaction } from '../../context.ts';
import { allocateBookingNumber, formatBookingNumber } from './numbers.ts';

describe('booking number format', () => {
  it('pads the sequence to six digits after the year', () => {
    expect(formatBookingNumber(2027, 123)).toBe('2027-000123');
    expect(formatBookingNumber(2027, 1_234_567)).toBe('2027-1234567');
  });
});

describeEachDatabase('booking numbers', (database) => {
  it('counts per agency and per year, from 1', async () => {
    const a = await makeAgency(database());
    const b = await makeAgency(database());
    const next = (ctx: typeof a.ctx, year: number) =>
      inTransaction(ctx, (tx) => allocateBookingNumber(tx, year));
    expect(await next(a.ctx, 2027)).toBe('2027-000001');
    expect(await next(a.ctx, 2027)).toBe('2027-000002');
    expect(await next(b.ctx, 2027)).toBe('2027-000001');
    expect(await next(a.ctx, 2028)).toBe('2028-000001');
  });

  it('refuses to allocate outside a transaction', async () => {
    const a = await makeAgency(database());
    await expect(allocateBookingNumber(a.ctx, 2027)).rejects.toThrow(
      /inside the booking transaction/,
    );
  });
});

describeOnPostgres(
  'booking numbers under concurrency',
  (database) => {
    it('stays gapless when 60 bookings race and every fifth rolls back', async () => {
      const agency = await makeAgency(database());
      const attempts = Array.from({ length: 60 }, (_, i) => i);
      const results = await Promise.allSettled(
        attempts.map((i) =>
          inTransaction(agency.ctx, async (tx) => {
            const number = await allocateBookingNumber(tx, 2027);
            // Something later in the booking fails: its number must not be lost.
            if (i % 5 === 4) throw new Error('booking failed after numbering');
            return number;
          }),
        ),
      );
      const committed = results
        .filter((r): r is PromiseFulfilledResult<string> => r.status === 'fulfilled')
        .map((r) => r.value)
        .sort();
      expect(committed).toHaveLength(48);
      expect(committed).toEqual(
        Array.from({ length: 48 }, (_, i) => formatBookingNumber(2027, i + 1)),
      );
    });
  },
  { poolSize: 20 },
);
