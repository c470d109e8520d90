// The period's totals: credit notes count against invoices, currencies are never added
// together, and crediting in full takes only what is not credited yet.
import { describe, expect, it } from 'vitest';
import { type InvoiceAmounts, signedAmount, totalsByCurrency } from './period-totals.ts';

let sequence = 0;
/** What a credit note says of the invoice it credits. */
const creditOf = (invoice: InvoiceAmounts) => ({
  id: invoice.id,
  number: 'FV-2028-000001',
  issueDate: '2028-03-02',
});

function makeInvoice(overrides: Partial<InvoiceAmounts> = {}): InvoiceAmounts {
  sequence += 1;
  return {
    id: `00000000-0000-7000-8000-${String(sequence).padStart(12, '0')}`,
    kind: 'invoice',
    currency: 'CZK',
    gross: 0,
    vat: 0,
    creditedInvoice: null,
    ...overrides,
  };
}

describe('period totals', () => {
  it('subtracts credit notes from invoices, per currency', () => {
    const first = makeInvoice({ gross: 1210_00, vat: 210_00 });
    const totals = totalsByCurrency([
      first,
      makeInvoice({ gross: 605_00, vat: 105_00 }),
      makeInvoice({
        kind: 'credit_note',
        gross: 121_00,
        vat: 21_00,
        creditedInvoice: creditOf(first),
      }),
      makeInvoice({ currency: 'EUR', gross: 500_00, vat: 0 }),
    ]);
    expect(totals).toEqual([
      // 1 210,00 + 605,00 − 121,00 = 1 694,00; VAT 210,00 + 105,00 − 21,00 = 294,00.
      {
        currency: 'CZK',
        invoiceCount: 2,
        creditNoteCount: 1,
        invoiced: 1815_00,
        credited: 121_00,
        net: 1694_00,
        vat: 294_00,
      },
      {
        currency: 'EUR',
        invoiceCount: 1,
        creditNoteCount: 0,
        invoiced: 500_00,
        credited: 0,
        net: 500_00,
        vat: 0,
      },
    ]);
  });

  it('shows a credit note negative and an invoice as it is', () => {
    expect(signedAmount({ kind: 'credit_note' }, 100)).toBe(-100);
    expect(signedAmount({ kind: 'invoice' }, 100)).toBe(100);
    // Nothing credited is 0, not -0 (which would show as "-CZK 0.00").
    expect(Object.is(signedAmount({ kind: 'credit_note' }, 0), 0)).toBe(true);
  });
});
