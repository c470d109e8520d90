// The customer's messages about money: what is left to pay is what the booking owes (once
// cancelled, its fee) less what was paid.
import { describe, expect, it } from 'vitest';
import { customerMail } from './customer-mail-texts.ts';

const facts = {
  locale: 'en' as const,
  agencyName: 'Karavana',
  customerName: 'Jan Dvořák',
  number: '2030-000001',
  productName: 'Crete for a week',
  startDate: '2030-07-06',
  endDate: '2030-07-13',
  currency: 'CZK',
  total: 39_580_00,
  paid: 1_000_00,
  withAttachments: false,
};

describe('customer mail balance', () => {
  it('is the total less the payments of a booking that stands', () => {
    const { text } = customerMail({ kind: 'payment', amount: 1_000_00 }, facts);
    expect(text).toMatch(/Left to pay: CZK\s38,580\.00/);
  });

  it('is the cancellation fee less the payments of a cancelled booking', () => {
    const { text } = customerMail(
      { kind: 'payment', amount: 1_000_00 },
      { ...facts, owed: 3_958_00 },
    );
    expect(text).toMatch(/Left to pay: CZK\s2,958\.00/);
  });
});
