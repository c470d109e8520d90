import { describe, expect, it } from 'vitest';
import { redactSearchText } from './log-serializers.ts';

describe('request log values', () => {
  it('blank the search text of a URL and keep everything else', () => {
    expect(redactSearchText('/api/v1/customers?q=Dvo%C5%99%C3%A1k&limit=20')).toBe(
      '/api/v1/customers?q=[redacted]&limit=20',
    );
    expect(redactSearchText('/api/v1/customers?kind=person&q=jan%40example.test')).toBe(
      '/api/v1/customers?kind=person&q=[redacted]',
    );
    expect(redactSearchText('/api/v1/suppliers?q')).toBe('/api/v1/suppliers?q=[redacted]');
  });

  it('leave URLs without a search as they are', () => {
    expect(redactSearchText('/api/v1/customers')).toBe('/api/v1/customers');
    expect(redactSearchText('/api/v1/customers?quick=1&kind=person')).toBe(
      '/api/v1/customers?quick=1&kind=person',
    );
  });
});
