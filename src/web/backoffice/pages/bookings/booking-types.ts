// The bookings API's answers as the back office reads them (list-routes.ts, read-booking.ts,
// change-routes.ts, documents and invoicing routes). Amounts are integers in minor units.
import type { BookingStatus } from '../../../../server/modules/bookings/state-machine.ts';
import type { Channel } from '../../../../server/modules/pricing/types.ts';

export { bookingStatuses } from '../../../../server/modules/bookings/state-machine.ts';
export { paymentMethods } from '../../../../server/modules/payments/types.ts';
export { channels, onlineChannels } from '../../../../server/modules/pricing/types.ts';
export type { BookingStatus, Channel };

export const approvalStates = ['none', 'pending', 'approved', 'rejected'] as const;
export type ApprovalState = (typeof approvalStates)[number];

export interface Party {
  adults: number;
  childAges: number[];
}

/** One row of GET /api/v1/bookings. */
export interface BookingSummary {
  id: string;
  number: string;
  status: BookingStatus;
  channel: Channel;
  online: boolean;
  productKind: string;
  productName: string;
  destination: string | null;
  from: string;
  to: string;
  party: Party;
  currency: string;
  total: number;
  /** Staff only. */
  cost?: number | null;
  margin?: number | null;
  customer: { id: string; kind: 'person' | 'company'; name: string; email: string | null };
  leadTraveller: string | null;
  travellerCount: number;
  offerId: string | null;
  offerCode: string | null;
  variantId: string | null;
  openActions: number;
  approval: ApprovalState;
  pendingApproval: boolean;
  pnr: string | null;
  createdAt: string;
}

export interface RequiredAction {
  id: string;
  code: string;
  kind: string;
  /** In the customer's language: what they were asked. */
  title: string;
  instructions: string;
  dueDate: string | null;
  overdue: boolean;
  done: { at: string; by: string | null; note: string | null } | null;
}

export interface BookingLine {
  position: number;
  kind: string;
  label: string;
  travellers: number[];
  from: string | null;
  to: string | null;
  unitPrice: number;
  quantity: number;
  amount: number;
  /** Staff only. */
  cost?: number | null;
  supplierStatus: string;
}

export interface Traveller {
  position: number;
  firstName: string;
  lastName: string;
  birthDate: string;
  nationality: string | null;
  documentType: 'passport' | 'id_card' | null;
  documentNumber: string | null;
  documentExpiry: string | null;
  email: string | null;
  phone: string | null;
  child: boolean;
}

export interface Payment {
  id?: string;
  kind: 'payment' | 'refund';
  amount: number;
  currency: string;
  method: string;
  status?: 'pending' | 'succeeded' | 'failed';
  reference?: string | null;
  receivedAt: string | null;
  recordedByName?: string | null;
  note?: string | null;
}

export interface Instalment {
  dueDate: string;
  amount: number;
  label: 'deposit' | 'balance' | 'full' | 'cancellation_fee';
  paid: boolean;
  overdue: boolean;
}

export interface HistoryEntry {
  action: string;
  by: string | null;
  at: string;
  detail: Record<string, unknown> | null;
  reason: string | null;
}

/** GET /api/v1/bookings/{id}. */
export interface BookingView {
  id: string;
  number: string;
  status: BookingStatus;
  channel: Channel;
  online: boolean;
  /** The statuses the reader may move it to now. */
  transitions: BookingStatus[];
  productKind: string;
  productName: string;
  from: string;
  to: string;
  party: Party;
  currency: string;
  total: number;
  paid: number;
  balance: number;
  payments: Payment[];
  instalments: Instalment[];
  listTotal?: number;
  cost?: number | null;
  margin?: number | null;
  priceOverride?: { total: number; reason: string } | null;
  cancellationPolicy: { nonRefundable: boolean } | null;
  promoCode: string | null;
  revision: number;
  cancellation: { at: string; by: string | null; reason: string | null; fee: number | null } | null;
  customer: {
    id: string;
    kind: 'person' | 'company';
    name: string;
    email: string | null;
    phone: string | null;
    locale: string;
  };
  pendingApproval: boolean;
  approval: {
    state: ApprovalState;
    reasons: PolicyBreach[];
    decidedBy: string | null;
    decidedAt: string | null;
    reason: string | null;
  };
  offerId: string | null;
  offer: { code: string; name: string; partner: string | null } | null;
  variantId: string | null;
  variantName: string | null;
  requiredActions: RequiredAction[];
  actionsDone: boolean;
  notes: string | null;
  lines: BookingLine[];
  travellers: Traveller[];
  history: HistoryEntry[];
  createdAt: string;
}

/** GET /api/v1/bookings/{id}/cancellation. */
export interface CancellationPreview {
  fee: number;
  refundableAmount: number;
  total: number;
  daysBefore: number;
  percent: string;
  tier: { daysBefore: number; percent: string } | null;
  currency: string;
  nonRefundable: boolean;
}

export interface QuoteLine {
  kind: string;
  label: string;
  unitPrice: number;
  quantity: number;
  amount: number;
}

/** POST /api/v1/bookings/{id}/changes/preview. */
export interface ChangePreview {
  quote: {
    id: string;
    from: string;
    to: string;
    party: Party;
    lines: QuoteLine[];
    total: number;
    currency: string;
    onRequest: boolean;
    expiresAt: string;
  };
  changeFee: number;
  newTotal: number;
  difference: number;
  currentTotal: number;
  currency: string;
  promoCodeDropped: string | null;
}

export interface BookingDocument {
  kind: string;
  title: string;
  url: string;
  lines?: Array<{ position: number; label: string; url: string }>;
}

export interface Invoice {
  id: string;
  kind: 'invoice' | 'credit_note';
  number: string;
  issueDate: string;
  currency: string;
  gross: number;
}

/** An offer (promotion) as GET /api/v1/promotions lists it. */
export interface Offer {
  id: string;
  code: string;
  name: string;
  partner: string | null;
  variants: Array<{ code: string; name: string }>;
}

export interface CustomerOption {
  id: string;
  kind: 'person' | 'company';
  name: string;
  email: string | null;
  employerName: string | null;
}

/** A travel-policy limit a booking breaks, as the API sends it (bookings/policy.ts). */
export interface PolicyBreach {
  rule: string;
  message: string;
  params?: Record<string, string | number>;
}
