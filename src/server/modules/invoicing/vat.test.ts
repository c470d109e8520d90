// The VAT rules of invoices: standard VAT per rate with totals that are sums of lines, and the
// travel agents' margin scheme (no VAT on the invoice, VAT owed on the margin).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ChargeLine, computeVat, marginScheme, vatRateOf } from './vat.ts';

const line = (gross: number, rate: string, more: Partial<ChargeLine> = {}): ChargeLine => ({
  description: `line ${gross}`,
  quantity: 1,
  gross,
  rate,
  ...more,
});

describe('vatRateOf', () => {
  const policy = { scheme: 'standard' as const, defaultRate: '21', ratesByKind: { room: '12.0' } };
  it.each([
    ['room', '12'],
    ['person', '21'],
    ['service', '21'],
  ])('gives a %s line the rate %s', (kind, rate) => {
    expect(vatRateOf(policy, kind)).toBe(rate);
  });
});

describe('standard VAT', () => {
  it.each([
    {
      name: 'accommodation at 12 % and a service at 21 %',
      lines: [line(1120_00, '12'), line(121_00, '21'), line(560_00, '12')],
      // 1 680,00 / 1.12 = 1 500,00 net (1 000,00 + 500,00); 121,00 / 1.21 = 100,00 net.
      nets: [1000_00, 100_00, 500_00],
      breakdown: [
        { category: 'S', rate: '12', taxable: 1500_00, vat: 180_00 },
        { category: 'S', rate: '21', taxable: 100_00, vat: 21_00 },
      ],
      totals: { net: 1600_00, vat: 201_00, gross: 1801_00 },
    },
    {
      name: 'three lines whose rounded nets miss the rate total by one cent',
      lines: [line(10_00, '21'), line(10_00, '21'), line(10_00, '21')],
      // 30,00 / 1.21 = 24,7934 → 24,79; each 10,00 / 1.21 = 8,2645 → 8,26 (sum 24,78): the
      // first (largest) line takes the missing cent.
      nets: [8_27, 8_26, 8_26],
      breakdown: [{ category: 'S', rate: '21', taxable: 24_79, vat: 5_21 }],
      totals: { net: 24_79, vat: 5_21, gross: 30_00 },
    },
    {
      name: 'a discount line and a zero-rated transport line',
      lines: [line(1210_00, '21'), line(-121_00, '21'), line(300_00, '0')],
      // (1 210,00 − 121,00) / 1.21 = 900,00 net: 1 000,00 and −100,00.
      nets: [1000_00, -100_00, 300_00],
      breakdown: [
        { category: 'S', rate: '21', taxable: 900_00, vat: 189_00 },
        { category: 'Z', rate: '0', taxable: 300_00, vat: 0 },
      ],
      totals: { net: 1200_00, vat: 189_00, gross: 1389_00 },
    },
  ])('$name', ({ lines, nets, breakdown, totals }) => {
    const result = computeVat('standard', lines, '21');
    expect(result.lines.map((l) => l.net)).toEqual(nets);
    expect(result.breakdown).toEqual(
      breakdown.map((b) => ({ ...b, exemptionReason: null, exemptionReasonCode: null })),
    );
    expect({ net: result.net, vat: result.vat, gross: result.gross }).toEqual(totals);
    expect(result.marginVat).toBeNull();
  });

  it('keeps a discount line price positive with a negative quantity (BR-27)', () => {
    const [, discount] = computeVat(
      'standard',
      [line(1210_00, '21'), line(-121_00, '21')],
      '21',
    ).lines;
    expect(discount).toMatchObject({ quantity: -1, unitPrice: 100_00, net: -100_00, vat: -21_00 });
  });

  it('gives the unit net price of a line of several units', () => {
    const [room] = computeVat('standard', [line(2240_00, '12', { quantity: 2 })], '21').lines;
    // 2 240,00 / 1.12 = 2 000,00 for 2 units: 1 000,00 each.
    expect(room).toMatchObject({ quantity: 2, unitPrice: 1000_00, net: 2000_00 });
  });

  it('makes every total the sum of its lines, and the gross what the customer pays', () => {
    const rates = fc.constantFrom('0', '10', '12', '15', '20', '21', '23', '5.5');
    fc.assert(
      fc.property(
        fc.array(fc.record({ gross: fc.integer({ min: -50_000, max: 5_000_000 }), rate: rates }), {
          minLength: 1,
          maxLength: 12,
        }),
        (drafts) => {
          const lines = drafts.map((d) => line(d.gross, d.rate));
          const result = computeVat('standard', lines, '21');
          const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
          expect(result.gross).toBe(sum(lines.map((l) => l.gross)));
          expect(result.net).toBe(sum(result.lines.map((l) => l.net)));
          expect(result.vat).toBe(sum(result.lines.map((l) => l.vat)));
          expect(result.net).toBe(sum(result.breakdown.map((b) => b.taxable)));
          expect(result.vat).toBe(sum(result.breakdown.map((b) => b.vat)));
          for (const b of result.breakdown) {
            // BR-CO-17: VAT = taxable × rate, within a minor unit of rounding.
            const exact = (b.taxable * Number(b.rate)) / 100;
            expect(Math.abs(b.vat - exact)).toBeLessThanOrEqual(1);
          }
          for (const l of result.lines) expect(l.unitPrice).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});

describe('margin scheme for travel agents', () => {
  it.each([
    {
      name: 'VAT on the margin, VAT included',
      lines: [line(1500_00, '12', { cost: 1200_00 }), line(250_00, '21', { cost: 200_00 })],
      // Margin 1 750,00 − 1 400,00 = 350,00; 350,00 × 21 / 121 = 60,7438 → 60,74.
      marginVat: 60_74,
    },
    {
      name: 'no VAT on a loss',
      lines: [line(1000_00, '21', { cost: 1100_00 })],
      marginVat: 0,
    },
    {
      name: 'unknown when a cost is unknown',
      lines: [line(1000_00, '21', { cost: 800_00 }), line(100_00, '21', { cost: null })],
      marginVat: null,
    },
  ])('$name', ({ lines, marginVat }) => {
    const result = computeVat('margin', lines, '21');
    const gross = lines.reduce((a, l) => a + l.gross, 0);
    expect(result.marginVat).toBe(marginVat);
    expect({ net: result.net, vat: result.vat, gross: result.gross }).toEqual({
      net: gross,
      vat: 0,
      gross,
    });
    expect(result.breakdown).toEqual([
      {
        category: 'E',
        rate: '0',
        taxable: gross,
        vat: 0,
        exemptionReason: 'Margin scheme - Travel agents',
        exemptionReasonCode: 'VATEX-EU-309',
      },
    ]);
    expect(result.lines.every((l) => l.vatCategory === 'E' && l.vat === 0)).toBe(true);
  });

  it('carries the note the law asks for, in English and Czech', () => {
    expect(marginScheme.note).toContain('Margin scheme — Travel agents');
    expect(marginScheme.note).toContain('Zvláštní režim – cestovní služby');
  });
});
