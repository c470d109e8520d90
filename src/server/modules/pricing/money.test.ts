import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  add,
  allocate,
  convert,
  format,
  fromMajor,
  minorUnitDigits,
  money,
  multiply,
  sum,
  toMajor,
} from './money.ts';

describe('money', () => {
  it('knows each currency minor unit from ISO 4217', () => {
    expect(minorUnitDigits('EUR')).toBe(2);
    expect(minorUnitDigits('CZK')).toBe(2);
    expect(minorUnitDigits('JPY')).toBe(0);
    expect(minorUnitDigits('BHD')).toBe(3);
    expect(() => minorUnitDigits('EURO')).toThrow(/unknown currency/);
    expect(() => money(1.5, 'EUR')).toThrow(/integers/);
  });

  it('rounds half away from zero, once, to the minor unit', () => {
    expect(fromMajor('10.005', 'EUR')).toEqual({ amount: 1001, currency: 'EUR' });
    expect(fromMajor('-10.005', 'EUR')).toEqual({ amount: -1001, currency: 'EUR' });
    expect(fromMajor('1234.5', 'JPY')).toEqual({ amount: 1235, currency: 'JPY' });
    expect(fromMajor('1.0005', 'BHD')).toEqual({ amount: 1001, currency: 'BHD' });
    // 0.1 + 0.2 in floats is 0.30000000000000004; in decimals it is 0.3.
    expect(multiply(money(10, 'EUR'), new Decimal('0.1').plus('0.2'))).toEqual(money(3, 'EUR'));
    expect(multiply(money(333, 'EUR'), '0.15')).toEqual(money(50, 'EUR'));
  });

  it('converts at a recorded rate into the target minor unit', () => {
    // ECB style: 1 EUR = 25.305 CZK, 1 EUR = 161.23 JPY.
    expect(convert(money(10000, 'EUR'), 'CZK', '25.305')).toEqual(money(253050, 'CZK'));
    expect(convert(money(1999, 'EUR'), 'JPY', '161.23')).toEqual(money(3223, 'JPY'));
    // The inverse of a rate, as when converting CZK back into EUR.
    expect(convert(money(253050, 'CZK'), 'EUR', new Decimal(1).div('25.305'))).toEqual(
      money(10000, 'EUR'),
    );
    expect(() => convert(money(1, 'EUR'), 'CZK', 0)).toThrow(/positive/);
  });

  it('never adds different currencies', () => {
    expect(() => add(money(1, 'EUR'), money(1, 'CZK'))).toThrow(/without a conversion/);
    expect(sum([money(1, 'EUR'), money(2, 'EUR')], 'EUR')).toEqual(money(3, 'EUR'));
  });

  it('allocates an amount into parts that sum to it exactly', () => {
    expect(allocate(money(100, 'EUR'), [1, 1, 1]).map((m) => m.amount)).toEqual([34, 33, 33]);
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000, max: 1_000_000 }),
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 8 }),
        (amount, weights) => {
          const parts = allocate(money(amount, 'EUR'), weights);
          expect(parts.reduce((a, p) => a + p.amount, 0)).toBe(amount);
          expect(parts.every((p) => Number.isInteger(p.amount))).toBe(true);
        },
      ),
    );
  });

  it('round-trips minor → major → minor for every currency digit count', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.constantFrom('EUR', 'JPY', 'BHD'),
        (amount, currency) => {
          expect(fromMajor(toMajor(money(amount, currency)), currency).amount).toBe(amount);
        },
      ),
    );
  });

  it('formats for people in their language', () => {
    expect(format(money(123450, 'EUR'), 'en')).toBe('€1,234.50');
    expect(format(money(123450, 'CZK'), 'cs')).toMatch(/^1\s234,50\sKč$/);
    expect(format(money(1235, 'JPY'), 'en')).toBe('¥1,235');
  });
});
