// The e-invoice's lines: each line's net is exactly quantity × item net price ÷ base quantity
// (Peppol BIS R120), whatever the rounding of the VAT left in the net.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breakdownOf, type InvoiceView } from './present.ts';
import { linePrice, toUbl } from './ubl.ts';
import { type ChargeLine, computeVat } from './vat.ts';

const party = {
  name: 'Cestovní kancelář Karavana s.r.o.',
  vatId: 'CZ87654321',
  registrationId: '87654321',
  street: 'Václavské náměstí 1',
  city: 'Praha',
  postalCode: '110 00',
  country: 'CZ',
  email: 'fakturace@karavana.example',
};

/** An invoice view of `lines` as the service would store and present it. */
function invoiceOf(lines: ChargeLine[], currency = 'CZK'): InvoiceView {
  const vat = computeVat('standard', lines, '21');
  const viewLines = vat.lines.map((l) => ({ ...l, creditable: l.gross }));
  return {
    id: 'inv-1',
    kind: 'invoice',
    number: 'FV-2030-000001',
    series: 'FV',
    bookingId: 'b-1',
    bookingNumber: 'B-2030-0001',
    issueDate: '2030-01-15',
    dueDate: '2030-01-29',
    currency,
    supplier: { ...party, iban: 'CZ6508000000192000145399', bic: 'GIBACZPX' },
    customer: { ...party, name: 'Alena Svobodová', vatId: null, registrationId: null },
    vatScheme: 'standard',
    net: vat.net,
    vat: vat.vat,
    gross: vat.gross,
    marginVat: null,
    taxCurrency: null,
    taxRate: null,
    vatInTaxCurrency: null,
    creditedInvoice: null,
    creditable: vat.gross,
    reason: null,
    note: null,
    breakdown: breakdownOf('standard', viewLines),
    lines: viewLines,
    createdByName: 'Test',
    createdAt: '2030-01-15T10:00:00.000Z',
  };
}

/** Each line of the XML: [quantity, line net, price, base quantity]. */
function linesOf(xml: string): Array<[string, string, string, string]> {
  const blocks = xml.split('<cac:InvoiceLine>').slice(1);
  return blocks.map((block) => {
    const tag = (name: string) => block.match(new RegExp(`<cbc:${name}[^>]*>([^<]*)<`))?.[1] ?? '';
    return [
      tag('InvoicedQuantity'),
      tag('LineExtensionAmount'),
      tag('PriceAmount'),
      tag('BaseQuantity') || '1',
    ];
  });
}

const line = (gross: number, quantity: number, rate = '12'): ChargeLine => ({
  description: `${quantity} nights`,
  quantity,
  gross,
  rate,
});

describe('UBL line prices', () => {
  it('states a price whose product with the quantity is the line net (10 × 1 294,643)', () => {
    // 14 500,00 / 1.12 = 12 946,43 net for 10 units: not 10 × 1 294,64 = 12 946,40.
    const xml = toUbl(invoiceOf([line(14500_00, 10)]));
    expect(linesOf(xml)).toEqual([['10', '12946.43', '1294.643', '1']]);
  });

  it('states the price of the whole quantity when one unit has no finite decimal price', () => {
    // 336,00 / 1.12 = 300,00 net for 7 nights: 42,857142… a night.
    expect(linePrice(30000, 7, 'CZK')).toEqual({ price: '300.00', baseQuantity: '7' });
    expect(linePrice(-17500, -1, 'EUR')).toEqual({ price: '175.00', baseQuantity: null });
    expect(linePrice(1050, 2, 'JPY')).toEqual({ price: '525', baseQuantity: null });
  });

  it('makes every line net exactly quantity × price ÷ base quantity', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            gross: fc.integer({ min: -500_000, max: 50_000_000 }),
            quantity: fc.integer({ min: 1, max: 40 }),
            rate: fc.constantFrom('0', '12', '21', '5.5'),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        (drafts) => {
          const xml = toUbl(invoiceOf(drafts.map((d) => line(d.gross, d.quantity, d.rate))));
          for (const [quantity, net, price, base] of linesOf(xml)) {
            expect(new Decimal(quantity).mul(price).div(base).toFixed(2)).toBe(net);
            expect(new Decimal(quantity).mul(price).div(base).equals(net)).toBe(true);
            expect(new Decimal(price).isNegative()).toBe(false);
          }
        },
      ),
    );
  });

  it('passes the Peppol line rules (R120) in the shared validator', async () => {
    const validator = resolve(process.cwd(), '../shared/validators/validate-einvoice');
    expect(existsSync(validator), `the validator must be at ${validator}`).toBe(true);
    const dir = await mkdtemp(join(tmpdir(), 'caravel-ubl-'));
    try {
      const file = join(dir, 'lines.xml');
      const invoice = invoiceOf([line(14500_00, 10), line(336_00, 7), line(121_00, 3, '21')]);
      await writeFile(file, toUbl(invoice));
      const output = await new Promise<string>((done) => {
        execFile(validator, ['--peppol', file], { timeout: 120_000 }, (_error, stdout, stderr) =>
          done(`${stdout}${stderr}`),
        );
      });
      expect(output).toMatch(/lines\.xml/);
      expect(output).not.toMatch(/R120|R121|BR-CO-10|BR-S-08|BR-CO-17/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 150_000);
});
