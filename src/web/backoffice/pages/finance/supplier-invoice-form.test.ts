// The supplier invoice forms → API bodies: major units to minor ones in the currency's digits,
// blanks left to the API's defaults, a decimal comma read as a point, the rest of an invoice
// sent as no amount, and a match's target errors placed on the form's one target field.
import { describe, expect, it } from 'vitest';
import {
  emptySupplierInvoice,
  placeMatchErrors,
  toMatchBody,
  toMinor,
  toSupplierInvoiceBody,
  toToleranceBody,
  toToleranceValues,
} from './supplier-invoice-form.ts';

const supplierId = '0190a3b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b';
const lineId = '0190a3b2-7c4d-7e8f-9a0b-ffffffffffff';

describe('supplier invoice form', () => {
  it('turns major units into minor ones without binary rounding errors', () => {
    // 1234.56 × 100 = 123455.99999999999 in floating point; rounded: 123456.
    expect(toMinor(1234.56, 2)).toBe(123_456);
    expect(toMinor('0,1', 2)).toBe(10);
    // JPY has no minor unit, BHD three digits.
    expect(toMinor(1500, 0)).toBe(1500);
    expect(toMinor('1.234', 3)).toBe(1234);
    expect(toMinor('', 2)).toBeNull();
    expect(toMinor('abc', 2)).toBeNull();
  });

  it('sends what is typed and leaves blanks to the API (due date, currency, VAT, rate, note)', () => {
    const body = toSupplierInvoiceBody(
      {
        ...emptySupplierInvoice('2028-03-15'),
        supplierId,
        number: '  HB-2028/0042 ',
        amount: 12_100.5,
      },
      2,
    );
    expect(body).toEqual({
      supplierId,
      number: 'HB-2028/0042',
      invoiceDate: '2028-03-15',
      // 12 100.50 × 100
      amount: 1_210_050,
    });
  });

  it('sends every field filled in: currency in capitals, a rate with a decimal comma', () => {
    const body = toSupplierInvoiceBody(
      {
        supplierId,
        number: 'INV-7',
        invoiceDate: '2028-03-15',
        dueDate: '2028-04-14',
        currency: ' eur',
        amount: '1210',
        vat: 210,
        rate: ' 24,55 ',
        note: ' room block March ',
      },
      2,
    );
    expect(body).toEqual({
      supplierId,
      number: 'INV-7',
      invoiceDate: '2028-03-15',
      dueDate: '2028-04-14',
      currency: 'EUR',
      amount: 121_000,
      vat: 21_000,
      rate: '24.55',
      note: 'room block March',
    });
  });

  it('matches the rest as no amount, and a part as its amount', () => {
    // 1 000.00 EUR left: matching all of it sends no amount (the API's "all not matched yet").
    expect(toMatchBody({ kind: 'line', targetId: lineId, amount: 1000 }, 2, 100_000)).toEqual({
      bookingLineId: lineId,
    });
    expect(toMatchBody({ kind: 'line', targetId: lineId, amount: '400,25' }, 2, 100_000)).toEqual({
      bookingLineId: lineId,
      amount: 40_025,
    });
    expect(
      toMatchBody({ kind: 'tourDeparture', targetId: lineId, amount: '' }, 2, 100_000),
    ).toEqual({ tourDepartureId: lineId });
  });

  it("places a match's target errors on the target field, the amount's on the amount", () => {
    expect(
      placeMatchErrors({
        bookingLineId: "is not supplied by the invoice's supplier",
        amount: 'must not exceed what is left to match (5000)',
      }),
    ).toEqual({
      targetId: "is not supplied by the invoice's supplier",
      amount: 'must not exceed what is left to match (5000)',
    });
    // Two target fields named: the first message wins.
    expect(placeMatchErrors({ poolId: 'first', tourDepartureId: 'second' })).toEqual({
      targetId: 'first',
    });
  });

  it('reads the tolerance in major units and writes it back in minor ones', () => {
    // 10.00 CZK is 1000 minor units.
    const values = toToleranceValues({ percent: '2', amount: 1000 }, 2);
    expect(values).toEqual({ percent: '2', amount: 10 });
    expect(toToleranceBody({ percent: '2,5', amount: 12.5 }, 2)).toEqual({
      percent: '2.5',
      amount: 1250,
    });
    expect(toToleranceBody(values, 2)).toEqual({ percent: '2', amount: 1000 });
  });
});
