// The words of payments (B7): what a payment row is, how it was paid, and the agency's terms
// that make a booking's payment plan.

export const paymentKinds = ['payment', 'refund'] as const;
export type PaymentKind = (typeof paymentKinds)[number];

export const paymentMethods = ['card', 'bank_transfer', 'cash', 'voucher', 'marketplace'] as const;
export type PaymentMethod = (typeof paymentMethods)[number];

/** Only `succeeded` counts toward a booking's balance. */
export const paymentStatuses = ['pending', 'succeeded', 'failed'] as const;
export type PaymentStatus = (typeof paymentStatuses)[number];

/**
 * How an agency's bookings are paid: `depositPercent` of the total when the booking is made
 * (a decimal string, '0' to '100'), the rest `balanceDaysBeforeDeparture` days before
 * departure; a booking made closer to departure than that pays everything at once.
 */
export interface PaymentTerms {
  depositPercent: string;
  balanceDaysBeforeDeparture: number;
}

export const defaultPaymentTerms: PaymentTerms = {
  depositPercent: '30',
  balanceDaysBeforeDeparture: 30,
};

/** `cancellation_fee`: the one instalment of a cancelled booking, its fee. */
export type InstalmentLabel = 'deposit' | 'balance' | 'full' | 'cancellation_fee';

export interface Instalment {
  position: number;
  dueDate: string;
  amount: number;
  label: InstalmentLabel;
}
