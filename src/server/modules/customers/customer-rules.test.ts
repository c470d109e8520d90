// The pure rules of a customer profile: folding for search, the shown name, each kind's
// fields, and the normal form of what a request gives.
import { describe, expect, it } from 'vitest';
import { foldForSearch } from '../catalog/text-search.ts';
import {
  customerProblems,
  displayNameOf,
  normalizeCustomer,
  searchTerms,
  searchTextOf,
} from './customer-rules.ts';

const today = '2027-03-01';

describe('search folding', () => {
  it('drops case and diacritics of the Czech, Polish and Turkish alphabets', () => {
    expect(foldForSearch('Dvořák')).toBe('dvorak');
    expect(foldForSearch('ŠŤASTNÁ Čeněk Ůžasný')).toBe('stastna cenek uzasny');
    expect(foldForSearch('Łukasz Żółkiewski, Łódź')).toBe('lukasz zolkiewski, lodz');
    expect(foldForSearch('Ayşe Yılmaz, İstanbul, Çağla Öztürk')).toBe(
      'ayse yilmaz, istanbul, cagla ozturk',
    );
    expect(foldForSearch('Straße Øresund')).toBe('strasse oresund');
  });

  it('keeps Chinese, unifies full-width forms and collapses spaces', () => {
    expect(foldForSearch('  王芳 \t 上海 ')).toBe('王芳 上海');
    expect(foldForSearch('ＡＢＣ１２３')).toBe('abc123');
  });

  it('splits a search into distinct folded words', () => {
    expect(searchTerms('  Dvořák   jan DVORAK ')).toEqual(['dvorak', 'jan']);
    expect(searchTerms('   ')).toEqual([]);
  });
});

describe('customer profile rules', () => {
  const person = normalizeCustomer(
    {
      kind: 'person',
      firstName: ' Jan ',
      lastName: 'Dvořák',
      email: ' ',
      tags: ['vip', 'vip ', ''],
      address: { city: ' ', country: 'CZ' },
    },
    'cs',
  );

  it('normalizes what a request gives: trimmed, blanks as null, lists without repeats', () => {
    expect(person).toMatchObject({
      firstName: 'Jan',
      email: null,
      tags: ['vip'],
      address: { country: 'CZ' },
      locale: 'cs',
      travelPolicy: null,
      costCentres: [],
    });
  });

  it('shows persons by given and family name, Chinese names family name first', () => {
    expect(displayNameOf(person)).toBe('Jan Dvořák');
    expect(
      displayNameOf({ kind: 'person', firstName: '芳', lastName: '王', companyName: null }),
    ).toBe('王芳');
    expect(
      displayNameOf({ kind: 'company', firstName: null, lastName: null, companyName: 'Globex' }),
    ).toBe('Globex');
    expect(searchTextOf(person)).toBe('jan dvorak');
  });

  it("requires each kind's name and refuses the other kind's fields", () => {
    expect(customerProblems(person, today)).toEqual([]);
    const nameless = normalizeCustomer({ kind: 'person', lastName: '  ' }, 'en');
    expect(customerProblems(nameless, today)).toEqual([
      { path: '/lastName', message: 'is required for a person' },
    ]);
    const mixed = normalizeCustomer(
      { kind: 'company', companyName: 'Globex', firstName: 'Jan', costCentres: ['A'] },
      'en',
    );
    expect(customerProblems(mixed, today)).toEqual([
      { path: '/firstName', message: 'is only for a person customer' },
    ]);
    const employeeWithPolicy = normalizeCustomer(
      { kind: 'person', lastName: 'Nowak', travelPolicy: {}, costCentres: ['A'] },
      'en',
    );
    expect(customerProblems(employeeWithPolicy, today).map((p) => p.path)).toEqual([
      '/travelPolicy',
      '/costCentres',
    ]);
  });

  it('refuses a birth date after today or before 1900', () => {
    const born = (birthDate: string) =>
      customerProblems(
        normalizeCustomer({ kind: 'person', lastName: 'X', birthDate }, 'en'),
        today,
      );
    expect(born(today)).toEqual([]);
    expect(born('2027-03-02')).toEqual([
      { path: '/birthDate', message: 'must not be after today (2027-03-01)' },
    ]);
    expect(born('1899-12-31').map((p) => p.path)).toEqual(['/birthDate']);
  });

  it('fills a travel policy: what is not given sets no limit', () => {
    const company = normalizeCustomer(
      { kind: 'company', companyName: 'Globex', travelPolicy: { minAdvanceDays: 7 } },
      'en',
    );
    expect(company.travelPolicy).toEqual({
      maxPricePerNight: null,
      maxPricePerTrip: null,
      allowedRoomTypeCodes: null,
      allowedTransportClasses: null,
      minAdvanceDays: 7,
      requireApproval: false,
    });
  });
});
