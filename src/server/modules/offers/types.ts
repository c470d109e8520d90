// Offers (B8, G3): the ways a product is sold. A marketplace promotion (a voucher deal, known
// by its promotion id and sold in variants) or the agency's own portal offer; each carries
// the required actions its bookings must complete before departure.
import type { OfferVariant, RequiredActionTemplate } from '../../db/schema.ts';
import type { Channel } from '../pricing/types.ts';

export type { OfferVariant, RequiredActionTemplate } from '../../db/schema.ts';

export const requiredActionKinds = [
  'sign_contract',
  'traveller_details',
  'documents',
  'other',
] as const;

export interface OfferInput {
  code: string;
  name: string;
  partner?: string | null;
  partnerUserId?: string | null;
  productId?: string | null;
  channels?: Channel[];
  variants?: OfferVariant[];
  requiredActions?: RequiredActionTemplate[];
}

export type OfferChange = Partial<OfferInput>;

export interface OfferQuery {
  limit: number;
  cursor?: string;
  productId?: string;
  archived?: 'false' | 'true' | 'all';
}
