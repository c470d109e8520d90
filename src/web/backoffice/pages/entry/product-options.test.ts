import { describe, expect, it } from 'vitest';
import type { ProductHit } from './entry-queries.ts';
import { matchesTyped, productsFor } from './product-options.ts';

const tour = (code: string, name: string, city: string, country: string): ProductHit => ({
  kind: 'tour',
  id: code,
  code,
  name: { en: name, cs: name },
  mode: 'fixed_departures',
  accommodation: { id: `${code}-hotel`, name: `Hotel ${city}`, city, country },
  departures: [],
  roomTypes: [],
  boarding: null,
});

const split = tour('SPL', 'Split letecky', 'Split', 'HR');
const rimini = tour('RIM', 'Rimini autobusem', 'Rimini', 'IT');
const krakow = tour('KRK', 'Víkend v Krakově', 'Kraków', 'PL');
const all = [split, rimini, krakow];

describe('product options while the search catches up', () => {
  it('never offers an option of an older text: typed "Rimini", the list of "" is filtered', () => {
    // The server has answered only the empty text so far.
    const offered = productsFor(all, 'Rimini', '');
    expect(offered.map((hit) => hit.id)).toEqual(['RIM']);
    expect(offered[0]).toBe(rimini);
  });

  it('offers nothing rather than a stale option when nothing at hand matches', () => {
    expect(productsFor([split, krakow], 'Rimini', 'R')).toEqual([]);
  });

  it("takes the server's answer as it is once it is for the typed text", () => {
    // The server matches places it knows and we may not (a region): its answer stands.
    expect(productsFor([split], 'Dalmatia', 'Dalmatia')).toEqual([split]);
    expect(productsFor(all, ' Rimini ', 'Rimini')).toEqual(all);
  });

  it('matches any word of the name, code or place, without case or accents', () => {
    expect(matchesTyped(krakow, 'krakow')).toBe(true);
    expect(matchesTyped(krakow, 'VÍKEND pl')).toBe(true);
    expect(matchesTyped(split, 'spl')).toBe(true);
    expect(matchesTyped(split, 'split rimini')).toBe(false);
    expect(matchesTyped(split, '  ')).toBe(true);
  });
});
