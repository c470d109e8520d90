import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import { cs } from '../../../shared/i18n/cs.ts';
import { en } from '../../../shared/i18n/en.ts';
import { tr } from '../../../shared/i18n/tr.ts';
import { breachText } from './breach-text.ts';

const i18n = createInstance();
await i18n.init({
  resources: { en: { translation: en }, cs: { translation: cs }, tr: { translation: tr } },
  lng: 'cs',
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
});
const money = (minor: number, currency: string) => `${(minor / 100).toFixed(2)} ${currency}`;

describe('breachText', () => {
  it('words a breach in the reader’s language from its params, amounts formatted', () => {
    const breach = {
      rule: 'maxPricePerNight',
      message: 'costs CZK 4,760.72 a night, over the CZK 3,500.00 allowed',
      params: { actual: 476072, allowed: 350000, currency: 'CZK' },
    };
    const text = breachText(breach, i18n.getFixedT('cs'), { money });
    expect(text).toBe('stojí 4760.72 CZK za noc, víc než povolených 3500.00 CZK');
    expect(breachText(breach, i18n.getFixedT('tr'), { money })).toContain('4760.72 CZK');
    expect(breachText(breach, i18n.getFixedT('tr'), { money })).not.toContain('allowed');
  });

  it('says a cap in a currency it cannot convert into is not comparable', () => {
    const text = breachText(
      {
        rule: 'maxPricePerTrip',
        message: 'no exchange rate…',
        params: { unconvertible: 1, allowed: 100000, currency: 'USD' },
      },
      i18n.getFixedT('en'),
      { money },
    );
    expect(text).toBe('no exchange rate into USD to compare with the 1000.00 USD allowed');
  });

  it('keeps the server’s message for a breach stored without params or of an unknown rule', () => {
    const t = i18n.getFixedT('cs');
    expect(breachText({ rule: 'minAdvanceDays', message: 'old text' }, t, { money })).toBe(
      'old text',
    );
    expect(breachText({ rule: 'newRule', message: 'new text', params: {} }, t, { money })).toBe(
      'new text',
    );
  });
});
