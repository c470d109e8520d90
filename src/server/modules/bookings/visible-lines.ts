// Which of a booking's lines a customer may see. A commission is what the agency pays its
// sales channel (a marketplace's cut): a cost of the agency, not something the customer buys,
// so it never reaches the customer's view of the booking, a document (contract, voucher,
// e-tickets, instructions, an e-mail's attachments) or an invoice. Every such reader filters
// through here, so a new kind of agency-only line is hidden everywhere at once.

/** Line kinds only the agency's staff see. */
const agencyOnlyKinds: ReadonlySet<string> = new Set(['commission']);

export function isCustomerVisible(line: { kind: string }): boolean {
  return !agencyOnlyKinds.has(line.kind);
}

/** The lines of `lines` a customer may see, in their order. */
export function customerVisibleLines<T extends { kind: string }>(lines: readonly T[]): T[] {
  return lines.filter(isCustomerVisible);
}
