// What a credit note of an invoice will credit, line by line: each line not credited in full
// can be chosen, with an amount typed in major units, at most what is left of it. Amounts are
// typed without a sign; a line's sign (a discount line is negative) is the API's business.
import type { Invoice } from './finance-types.ts';

export interface CreditRow {
  position: number;
  description: string;
  /** Gross not credited yet, minor units, with the line's sign. */
  left: number;
  chosen: boolean;
  /** Typed in major units, without a sign; '' when cleared. */
  amount: number | string;
}

/** The invoice's lines with something left to credit, all chosen, each for all that is left. */
export function creditRowsOf(invoice: Invoice, digits: number): CreditRow[] {
  return invoice.lines
    .filter((line) => (line.creditable ?? 0) !== 0)
    .map((line) => {
      const left = line.creditable ?? 0;
      return {
        position: line.position,
        description: line.description,
        left,
        chosen: true,
        amount: Math.abs(left) / 10 ** digits,
      };
    });
}

/** A row's amount in minor units, with the line's sign; null when it is not a valid amount. */
export function signedMinor(row: CreditRow, digits: number): number | null {
  if (row.amount === '' || !Number.isFinite(Number(row.amount))) return null;
  const minor = Math.round(Number(row.amount) * 10 ** digits);
  if (minor <= 0 || minor > Math.abs(row.left)) return null;
  return Math.sign(row.left) * minor;
}

/** What the chosen rows credit in all, minor units (invalid rows count as nothing). */
export function creditTotal(rows: readonly CreditRow[], digits: number): number {
  return rows.reduce((sum, row) => sum + (row.chosen ? (signedMinor(row, digits) ?? 0) : 0), 0);
}

/**
 * The body's `lines` for the chosen rows, and which row each of them came from, so that an
 * error the API reports at `/lines/{i}/amount` can be shown at its row.
 */
export function creditRequestLines(
  rows: readonly CreditRow[],
  digits: number,
): { lines: { position: number; amount: number }[]; rowOfLine: number[] } {
  const lines: { position: number; amount: number }[] = [];
  const rowOfLine: number[] = [];
  rows.forEach((row, index) => {
    const amount = row.chosen ? signedMinor(row, digits) : null;
    if (amount === null) return;
    lines.push({ position: row.position, amount });
    rowOfLine.push(index);
  });
  return { lines, rowOfLine };
}

/** The API's field errors (`lines.0.amount`) moved to the form's rows (`rows.3.amount`). */
export function rowErrors(
  errors: Record<string, string>,
  rowOfLine: readonly number[],
): Record<string, string> {
  const moved: Record<string, string> = {};
  for (const [field, message] of Object.entries(errors)) {
    const match = /^lines\.(\d+)\.(amount|position)$/.exec(field);
    const row = match ? rowOfLine[Number(match[1])] : undefined;
    moved[row === undefined ? field : `rows.${row}.amount`] = message;
  }
  return moved;
}
