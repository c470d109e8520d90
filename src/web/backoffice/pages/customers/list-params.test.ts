import { describe, expect, it } from 'vitest';
import { customerFilterParams, parseCustomerFilters } from './list-params.ts';

describe('the customers list address', () => {
  it('reads the search, the kind and the archived filter', () => {
    expect(
      parseCustomerFilters(new URLSearchParams('q=+dvorak+&kind=company&archived=all')),
    ).toEqual({ q: 'dvorak', kind: 'company', archived: 'all' });
  });

  it('drops what a hand-edited link got wrong', () => {
    expect(parseCustomerFilters(new URLSearchParams('q=%20&kind=robot&archived=maybe'))).toEqual({
      q: undefined,
      kind: undefined,
      archived: 'false',
    });
  });

  it('leaves the defaults out of the address', () => {
    expect(customerFilterParams({ archived: 'false' }).toString()).toBe('');
    expect(customerFilterParams({ q: 'Šťastná', archived: 'true' }).toString()).toBe(
      'q=%C5%A0%C5%A5astn%C3%A1&archived=true',
    );
  });
});
