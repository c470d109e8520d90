// Percentages as Caravel shows them: canonical decimal strings, "12.5" whether it came in as
// "12.50" or out of a numeric(7,4) column as "12.5000", so equal values compare equal.
import Decimal from 'decimal.js';

export function canonicalDecimal(value: string): string {
  return new Decimal(value).toString();
}

export function canonicalDecimalOrNull(value: string | null | undefined): string | null {
  return value === null || value === undefined ? null : canonicalDecimal(value);
}
