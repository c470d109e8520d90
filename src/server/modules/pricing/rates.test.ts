import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/helpers/database.ts';
import { makeAgency, type TestAgency } from '../../../../tests/helpers/factories.ts';
import { Conflict } from '../../errors.ts';
import { parseEcbRates } from '../integrations/ecb-rates.ts';
import { convert, money } from './money.ts';
import { importEcbRates, rateOn } from './rates.ts';

const fixture = fs.readFileSync(
  path.join(import.meta.dirname, '../../../../tests/fixtures/eurofxref-hist-90d.xml'),
  'utf8',
);

describe('ECB reference rates file', () => {
  it('reads every day of a real-shaped file, newest first, rates as exact decimals', () => {
    const days = parseEcbRates(fixture);
    expect(days.map((d) => d.date)).toEqual(['2026-11-20', '2026-11-19']);
    expect(days[0]?.rates).toContainEqual({ currency: 'CZK', rate: '25.305' });
    expect(days[0]?.rates).toContainEqual({ currency: 'PLN', rate: '4.271' });
    expect(days[0]?.rates).toHaveLength(8);
  });

  it('refuses a file that is not the ECB shape, or has a bad value, as a whole', () => {
    expect(() => parseEcbRates('<html><body>Service unavailable</body></html>')).toThrow(
      /not an ECB/,
    );
    expect(() => parseEcbRates('not xml at all <')).toThrow();
    expect(() => parseEcbRates(fixture.replace("rate='25.305'", "rate='-1'"))).toThrow(
      /CZK: the rate must be positive/,
    );
    expect(() => parseEcbRates(fixture.replace("currency='CZK'", "currency='XYZW'"))).toThrow(
      /not a currency code/,
    );
    expect(() => parseEcbRates(fixture.replace("time='2026-11-20'", "time='2026-11-31'"))).toThrow(
      /not a date/,
    );
  });
});

describeEachDatabase('exchange rates', (database) => {
  let agency: TestAgency;

  beforeAll(async () => {
    agency = await makeAgency(database());
    expect(await importEcbRates(agency.ctx, parseEcbRates(fixture))).toEqual({
      days: 2,
      rates: 16,
    });
  });

  it('converts with the latest rate on or before the date, direct, inverse or through the euro', async () => {
    expect(await rateOn(agency.ctx, 'EUR', 'CZK', '2026-11-23')).toEqual({
      rate: '25.305',
      date: '2026-11-20',
      source: 'ECB',
    });
    expect((await rateOn(agency.ctx, 'EUR', 'CZK', '2026-11-19')).rate).toBe('25.29');
    const back = await rateOn(agency.ctx, 'CZK', 'EUR', '2026-11-20');
    expect(convert(money(2530500, 'CZK'), 'EUR', back.rate)).toEqual(money(100000, 'EUR'));
    // CZK → PLN through the euro: 4.2710 / 25.305.
    const cross = await rateOn(agency.ctx, 'CZK', 'PLN', '2026-11-20');
    expect(convert(money(2530500, 'CZK'), 'PLN', cross.rate)).toEqual(money(427100, 'PLN'));
  });

  it('has no rate before the first imported day, and re-importing replaces instead of duplicating', async () => {
    await expect(rateOn(agency.ctx, 'EUR', 'CZK', '2026-11-01')).rejects.toThrow(Conflict);
    await importEcbRates(
      agency.ctx,
      parseEcbRates(fixture.replace("rate='25.305'", "rate='25.400'")),
    );
    expect((await rateOn(agency.ctx, 'EUR', 'CZK', '2026-11-20')).rate).toBe('25.4');
    const other = await makeAgency(database());
    await expect(rateOn(other.ctx, 'EUR', 'CZK', '2026-11-20')).rejects.toThrow(Conflict);
  });
});
