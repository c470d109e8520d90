// The VAT rules of invoices: standard VAT per rate with totals that are sums of lines, and the
// travel agents' margin scheme (no VAT on the invoice, VAT owed on the margin).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ChargeLine,
  computeVat,
  marginScheme,
  splitProRata,
  spreadAdjustments,
  vatRateOf,
} from './vat.ts';

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

describe('adjustments take the VAT rates of the lines they change', () => {
  const adjustment = (gross: number, over: number[] = []) =>
    line(gross, '21', { description: 'First minute', spreadOver: over });
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

  it('taxes a discount of persons at 12 % at 12 %, not at the 21 % default', () => {
    const result = computeVat('standard', [line(11200_00, '12'), adjustment(-1120_00)], '21');
    // (11 200,00 − 1 120,00) / 1.12 = 9 000,00 net, 1 080,00 VAT; no 21 % row at all.
    expect(result.breakdown).toEqual([
      {
        category: 'S',
        rate: '12',
        taxable: 9000_00,
        vat: 1080_00,
        exemptionReason: null,
        exemptionReasonCode: null,
      },
    ]);
    expect(result.lines[1]).toMatchObject({ vatRate: '12', gross: -1120_00, net: -1000_00 });
  });

  it('gives a discount of zero-rated tickets no VAT (never a negative total)', () => {
    const tickets = line(1800_00, '0');
    const result = computeVat('standard', [tickets, adjustment(-150_00)], '21');
    expect(result).toMatchObject({ gross: 1650_00, vat: 0, net: 1650_00 });
    expect(result.breakdown.map((b) => [b.rate, b.taxable])).toEqual([['0', 1650_00]]);
  });

  it('spreads a discount pro rata over the rates, one line per rate', () => {
    const lines = [line(1000_00, '21'), line(500_00, '12'), line(500_00, '0'), adjustment(-200_00)];
    const spread = spreadAdjustments(lines);
    expect(spread.slice(3).map((l) => [l.description, l.rate, l.gross])).toEqual([
      ['First minute (VAT 21 %)', '21', -100_00],
      ['First minute (VAT 12 %)', '12', -50_00],
      ['First minute (VAT 0 %)', '0', -50_00],
    ]);
  });

  it('spreads over the lines it names only', () => {
    const lines = [line(1000_00, '21'), line(500_00, '12'), adjustment(-100_00, [1])];
    expect(
      spreadAdjustments(lines)
        .slice(2)
        .map((l) => [l.rate, l.gross]),
    ).toEqual([['12', -100_00]]);
  });

  it('rounds by the largest remainder so that the parts sum to the discount', () => {
    expect(splitProRata(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
    expect(splitProRata(2, [1, 2, 2])).toEqual([0, 1, 1]);
  });

  it('never makes VAT or a rate row negative when the discounts do not exceed the lines', () => {
    const rates = fc.constantFrom('0', '10', '12', '15', '21', '5.5');
    fc.assert(
      fc.property(
        fc.array(fc.record({ gross: fc.integer({ min: 1, max: 5_000_000 }), rate: rates }), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        (drafts, shares, named) => {
          const priced = drafts.map((d) => line(d.gross, d.rate));
          const total = sum(priced.map((l) => l.gross));
          // Discounts that together take at most the whole price (as pricing guarantees).
          const weight = sum(shares) || 1;
          const discounts = shares.map((s) => -Math.floor((total * s) / Math.max(weight, 1)));
          const over = named ? priced.map((_, i) => i).filter((i) => i % 2 === 0) : [];
          const basis = over.length > 0 ? sum(over.map((i) => priced[i]?.gross ?? 0)) : total;
          fc.pre(sum(discounts) + basis >= 0);
          const lines = [...priced, ...discounts.map((d) => adjustment(d, over))];
          const spread = spreadAdjustments(lines);
          // Each discount's parts sum exactly to it.
          expect(sum(spread.map((l) => l.gross))).toBe(sum(lines.map((l) => l.gross)));
          for (const d of discounts) {
            const parts = spread.filter((l) => l.description.startsWith('First minute'));
            expect(parts.length).toBeGreaterThanOrEqual(d === 0 ? 0 : 1);
          }
          const result = computeVat('standard', lines, '21');
          expect(result.vat).toBeGreaterThanOrEqual(0);
          for (const b of result.breakdown) {
            expect(b.taxable).toBeGreaterThanOrEqual(0);
            expect(b.vat).toBeGreaterThanOrEqual(0);
          }
          expect(result.gross).toBe(sum(lines.map((l) => l.gross)));
        },
      ),
    );
  });

  it('keeps the parts of each discount summing to it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000, max: 1_000_000 }),
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 10 }),
        (amount, weights) => {
          fc.pre(sum(weights) > 0);
          const parts = splitProRata(amount, weights);
          expect(sum(parts)).toBe(amount);
          parts.forEach((p, i) => {
            const exact = (amount * (weights[i] as number)) / sum(weights);
            expect(Math.abs(p - exact)).toBeLessThan(1);
          });
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
