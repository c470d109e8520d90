import { describe, expect, it } from 'vitest';
import {
  type CreditRow,
  creditRequestLines,
  creditRowsOf,
  creditTotal,
  rowErrors,
  signedMinor,
} from './credit-plan.ts';
import type { Invoice } from './finance-types.ts';

type Line = Invoice['lines'][number];

function line(position: number, gross: number, creditable: number | null): Line {
  return {
    position,
    description: `Line ${position}`,
    quantity: 1,
    unitPrice: gross,
    net: gross,
    vatCategory: 'S',
    vatRate: '21',
    vat: 0,
    gross,
    bookingLinePosition: position,
    creditedLinePosition: null,
    creditable,
  };
}

const invoice = {
  lines: [line(0, 1500_00, 1400_00), line(1, 300_00, 0), line(2, -50_00, -50_00)],
} as Invoice;

describe('credit plan', () => {
  it('offers each line with something left, chosen, for all that is left, without a sign', () => {
    const rows = creditRowsOf(invoice, 2);
    expect(rows.map((r) => [r.position, r.left, r.amount, r.chosen])).toEqual([
      [0, 1400_00, 1400, true],
      [2, -50_00, 50, true],
    ]);
    // A discount line credits a negative amount: the total is the lines less the discount.
    expect(creditTotal(rows, 2)).toBe(1350_00);
    expect(creditRequestLines(rows, 2).lines).toEqual([
      { position: 0, amount: 1400_00 },
      { position: 2, amount: -50_00 },
    ]);
  });

  it('counts only the chosen rows and valid amounts, and sends only those', () => {
    const rows: CreditRow[] = creditRowsOf(invoice, 2).map((row) =>
      row.position === 0 ? { ...row, amount: '100.5' } : { ...row, chosen: false },
    );
    expect(creditTotal(rows, 2)).toBe(100_50);
    expect(creditRequestLines(rows, 2)).toEqual({
      lines: [{ position: 0, amount: 100_50 }],
      rowOfLine: [0],
    });
  });

  it('refuses nothing, less than nothing and more than is left', () => {
    const [row] = creditRowsOf(invoice, 2) as [CreditRow];
    expect(signedMinor({ ...row, amount: '' }, 2)).toBeNull();
    expect(signedMinor({ ...row, amount: 0 }, 2)).toBeNull();
    expect(signedMinor({ ...row, amount: -5 }, 2)).toBeNull();
    expect(signedMinor({ ...row, amount: 1400.01 }, 2)).toBeNull();
    expect(signedMinor({ ...row, amount: 1400 }, 2)).toBe(1400_00);
    // Currencies without minor units (JPY): whole amounts.
    expect(signedMinor({ ...row, left: 5000, amount: 5000 }, 0)).toBe(5000);
  });

  it("shows the API's errors at the row they are about", () => {
    expect(rowErrors({ 'lines.1.amount': 'at most 100', reason: 'is required' }, [0, 2])).toEqual({
      'rows.2.amount': 'at most 100',
      reason: 'is required',
    });
  });
});
