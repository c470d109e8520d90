// Card payment providers behind one interface, so a real one (Stripe, GoPay, PayU…) can be
// added without touching the payment rules. The built-in `testProvider` needs no network:
// the test card 4242 4242 4242 4242 succeeds, 4000 0000 0000 0002 is declined, and any other
// number is declined as unknown.
import { randomBytes } from 'node:crypto';

export interface CreatedPayment {
  providerReference: string;
  /** Where to send the customer to pay (redirect flows)… */
  redirectUrl?: string;
  /** …or what a card form on our own page confirms with (client-side flows). */
  clientSecret?: string;
}

export interface ProviderOutcome {
  status: 'succeeded' | 'failed';
  /** Why a payment failed, in the provider's words ('card_declined'). */
  declineReason?: string;
}

export interface PaymentProvider {
  id: string;
  createPayment(input: {
    bookingId: string;
    amount: number;
    currency: string;
    returnUrl: string;
  }): Promise<CreatedPayment>;
  /** Confirms (captures) the payment; a test provider takes the card number to simulate. */
  confirm(providerReference: string, simulatedCardNumber?: string): Promise<ProviderOutcome>;
}

export const testCards = {
  succeeds: '4242424242424242',
  declined: '4000000000000002',
} as const;

export const testProvider: PaymentProvider = {
  id: 'test',
  async createPayment() {
    const providerReference = `test_${randomBytes(12).toString('hex')}`;
    return {
      providerReference,
      clientSecret: `${providerReference}_secret_${randomBytes(12).toString('hex')}`,
    };
  },
  async confirm(_providerReference, simulatedCardNumber) {
    const digits = (simulatedCardNumber ?? '').replace(/[\s-]/g, '');
    if (digits === testCards.succeeds) return { status: 'succeeded' };
    if (digits === testCards.declined) return { status: 'failed', declineReason: 'card_declined' };
    return { status: 'failed', declineReason: 'unknown_test_card' };
  },
};

const providers = new Map<string, PaymentProvider>([[testProvider.id, testProvider]]);

/** The provider with this id (the ones built in: `test`). */
export function paymentProvider(id: string): PaymentProvider {
  const provider = providers.get(id);
  if (!provider) throw new Error(`no payment provider ${id}`);
  return provider;
}
