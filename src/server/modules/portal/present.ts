// A booking as its customer sees it on the portal: what they bought, what they paid and still
// owe, what they must still do (in their language), and where their documents are. Never a
// cost, a margin, a note for staff or the booking's history.
import type { BookingView } from '../bookings/read-booking.ts';
import { inLanguage } from '../bookings/required-actions.ts';

export function presentPortalBooking(
  booking: BookingView,
  locale: string,
  voucherCode: string | null,
) {
  const documents = `/api/v1/bookings/${booking.id}/documents`;
  return {
    id: booking.id,
    number: booking.number,
    status: booking.status,
    channel: booking.channel,
    productId: booking.productId,
    productName: booking.productName,
    from: booking.from,
    to: booking.to,
    party: booking.party as { adults: number; childAges: number[] },
    currency: booking.currency,
    total: booking.total,
    paid: booking.paid,
    balance: booking.balance,
    instalments: booking.instalments,
    cancellationPolicy: booking.cancellationPolicy,
    cancelled: booking.cancellation !== null,
    lines: booking.lines.map((line) => ({
      kind: line.kind,
      label: line.label,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      amount: line.amount,
    })),
    travellers: booking.travellers.map((t) => ({
      firstName: t.firstName,
      lastName: t.lastName,
      birthDate: t.birthDate,
      nationality: t.nationality ?? null,
      documentType: t.documentType ?? null,
      documentNumber: t.documentNumber ?? null,
      documentExpiry: t.documentExpiry ?? null,
      email: t.email ?? null,
      phone: t.phone ?? null,
      child: t.child,
    })),
    requiredActions: booking.requiredActions.map((action) => ({
      id: action.id,
      code: action.code,
      kind: action.kind,
      title: inLanguage(action.texts.title as Record<string, string | undefined>, locale),
      instructions: inLanguage(
        action.texts.instructions as Record<string, string | undefined>,
        locale,
      ),
      dueDate: action.dueDate,
      overdue: action.overdue,
      done: action.done ? { at: action.done.at } : null,
    })),
    actionsDone: booking.actionsDone,
    voucherCode,
    documents: [
      { kind: 'voucher', url: `${documents}/voucher.pdf?locale=${locale}` },
      { kind: 'contract', url: `${documents}/contract.pdf?locale=${locale}` },
      { kind: 'instructions', url: `${documents}/instructions.pdf?locale=${locale}` },
    ],
    createdAt: booking.createdAt,
  };
}

export type PortalBooking = ReturnType<typeof presentPortalBooking>;
