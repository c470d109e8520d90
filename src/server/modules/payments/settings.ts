// The agency's payment terms (B7): the deposit and when the balance falls due. New bookings
// are planned with the terms of the day; plans made before keep their instalments.
import Decimal from 'decimal.js';
import { type Ctx, inTransaction } from '../../context.ts';
import { Invalid } from '../../errors.ts';
import { recordAudit } from '../identity/audit.ts';
import { termsOf, writeTerms } from './repo.ts';
import type { PaymentTerms } from './types.ts';

export function getPaymentTerms(ctx: Ctx): Promise<PaymentTerms> {
  return termsOf(ctx);
}

/** Replaces the agency's payment terms (audited); 400 for a deposit outside 0–100 %. */
export async function setPaymentTerms(ctx: Ctx, input: PaymentTerms): Promise<PaymentTerms> {
  let percent: Decimal;
  try {
    percent = new Decimal(input.depositPercent);
  } catch {
    throw Invalid.field('/depositPercent', 'must be a decimal number such as "30" or "12.5"');
  }
  if (percent.lt(0) || percent.gt(100) || percent.decimalPlaces() > 2) {
    throw Invalid.field(
      '/depositPercent',
      `must be 0 to 100 with at most two decimals; ${input.depositPercent} given`,
    );
  }
  const terms: PaymentTerms = {
    depositPercent: percent.toString(),
    balanceDaysBeforeDeparture: input.balanceDaysBeforeDeparture,
  };
  return inTransaction(ctx, async (tx) => {
    const before = await termsOf(tx);
    await writeTerms(tx, terms);
    await recordAudit(tx, {
      action: 'agency.payment_terms_changed',
      entityType: 'agency',
      entityId: tx.agencyId,
      before,
      after: terms,
    });
    return terms;
  });
}
