import { describe, expect, it } from 'vitest';
import { compactMoney } from './MonthCalendar.tsx';

describe("a calendar day's price", () => {
  it('may break between the number and the currency, never inside the number', () => {
    const cs = compactMoney(1_806_000, 'CZK', 'cs');
    expect(cs).toMatch(/^18\s060 Kč$/u);
    // The one ordinary space is the one before the currency; the group separator does not break.
    expect(cs.split(' ')).toEqual([expect.stringMatching(/^18[\u00a0\u202f]060$/u), 'Kč']);
    expect(compactMoney(86_800, 'EUR', 'en')).toBe('€868');
    expect(compactMoney(86_800, 'EUR', 'de').split(' ')).toEqual(['868', '€']);
  });
});
