import { describe, expect, it } from 'vitest';
import { dayjsLocaleOf, localDateFormatter, pickedDate } from './date-input.ts';

const format = (type: 'default' | 'range', date: unknown, locale: string) =>
  localDateFormatter({
    type,
    date: date as never,
    locale,
    format: 'MMMM D, YYYY',
    labelSeparator: '–',
  });

describe('picked dates in the language’s own pattern', () => {
  it('writes Czech as Czech, not an English pattern with Czech months', () => {
    expect(format('default', '2027-08-08', 'cs')).toBe('8. 8. 2027');
    expect(format('default', '2027-08-08', 'cs')).not.toMatch(/srpen|čvn/);
    expect(format('range', ['2027-06-19', '2027-06-26'], 'cs')).toBe('19. 6. 2027 – 26. 6. 2027');
  });

  it('writes each language its way, whatever the pattern Mantine was given', () => {
    expect(format('default', '2027-08-08', 'en')).toBe('Aug 8, 2027');
    expect(format('default', '2027-08-08', 'pl')).toBe('8 sie 2027');
    expect(format('default', '2027-08-08', dayjsLocaleOf('zh'))).toBe('2027年8月8日');
    expect(pickedDate(new Date('2027-08-08T00:00:00Z'), 'tr')).toBe('8 Ağu 2027');
  });

  it('writes an unfinished range and no date', () => {
    expect(format('range', ['2027-06-19', null], 'en')).toBe('Jun 19, 2027 – ');
    expect(format('range', [null, null], 'en')).toBe('');
    expect(format('default', null, 'en')).toBe('');
  });
});
