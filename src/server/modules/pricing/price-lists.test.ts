// The price list API: a list written whole and read back equal, rows upserted by cell or
// replaced whole, one active list per product, currency and customer, what rows still use
// kept, and nothing of one agency reachable from another. Refusals of invalid lists are in
// price-list-validation.test.ts.
import { expect, it } from 'vitest';
import { type ApiRequest, useApiTestBed } from '../../../../tests/helpers/api-test-bed.ts';
import { makeCompany, makePerson } from '../../../../tests/helpers/customer-factories.ts';
import { describeEachDatabase } from '../../../../tests/helpers/database.ts';
import { makeAgency, signIn } from '../../../../tests/helpers/factories.ts';
import {
  makeTourWithRooms,
  priceChildBands,
  pricePeriods,
  priceRow,
  tourPriceList,
} from '../../../../tests/helpers/price-list-factories.ts';
import { newId } from '../../db/ids.ts';
import { loadPriceLists } from './price-lists-service.ts';

describeEachDatabase('price lists API', (database) => {
  const bed = useApiTestBed(database);
  const { asAdmin, call } = bed;

  const create = (payload: object, cookie = bed.adminCookie) =>
    call(cookie, 'POST', '/api/v1/price-lists', payload);

  it('creates a list with its matrix and reads it back equal, for the API and the engine', async () => {
    const { tour, double } = await makeTourWithRooms(bed.agency);
    const payload = tourPriceList(tour.id, double);
    const created = await create(payload);
    expect(created.statusCode, created.body).toBe(201);
    const list = created.json();
    expect(list).toEqual({
      id: expect.any(String),
      ...payload,
      customerId: null,
      archived: false,
      archivedAt: null,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect((await asAdmin('GET', `/api/v1/price-lists/${list.id}`)).json()).toEqual(list);

    const { archived: _a, archivedAt: _b, createdAt: _c, updatedAt: _d, ...priceList } = list;
    expect(await loadPriceLists(bed.agency.ctx, [tour.id])).toEqual([priceList]);
    expect(await loadPriceLists(bed.other.ctx, [tour.id])).toEqual([]);
    expect(await bed.auditedActions(list.id)).toEqual(['pricing.price_list.created']);
  });

  it('upserts rows by cell with PATCH and replaces the whole matrix with PUT', async () => {
    const { tour, double, family } = await makeTourWithRooms(bed.agency);
    const list = (await create(tourPriceList(tour.id, double))).json();
    const [single, twin, peak, child, infant, booking] = list.rows;

    const patched = await asAdmin('PATCH', `/api/v1/price-lists/${list.id}/rows`, {
      rows: [
        // The same cell as `twin` (omitted attributes are null): its price is replaced.
        {
          period: 'summer',
          charge: 'room',
          basis: 'night',
          roomTypeId: double,
          occupancy: 2,
          amount: 12500,
          cost: 9100,
        },
        { period: 'summer', charge: 'room', basis: 'night', roomTypeId: family, amount: 20000 },
      ],
      remove: [{ period: 'summer', charge: 'booking', basis: 'stay' }],
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().rows).toEqual([
      single,
      { ...twin, amount: 12500, cost: 9100 },
      peak,
      child,
      infant,
      priceRow({
        period: 'summer',
        charge: 'room',
        basis: 'night',
        roomTypeId: family,
        amount: 20000,
      }),
    ]);
    expect(patched.json().rows).not.toContainEqual(booking);
    expect((await asAdmin('GET', `/api/v1/price-lists/${list.id}`)).json()).toEqual(patched.json());

    const twice = await asAdmin('PATCH', `/api/v1/price-lists/${list.id}/rows`, {
      rows: [
        { period: 'peak', charge: 'room', basis: 'night', roomTypeId: double, amount: 1 },
        { period: 'peak', charge: 'room', basis: 'night', roomTypeId: double, amount: 2 },
      ],
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().errors[0].path).toBe('/rows/1');
    const missing = await asAdmin('PATCH', `/api/v1/price-lists/${list.id}/rows`, {
      rows: [],
      remove: [{ period: 'summer', charge: 'booking', basis: 'stay' }],
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].path).toBe('/remove/0');

    const replaced = await asAdmin('PUT', `/api/v1/price-lists/${list.id}/rows`, {
      rows: [{ period: 'peak', charge: 'person', basis: 'night', amount: 8000 }],
    });
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect(replaced.json().rows).toEqual([
      priceRow({ period: 'peak', charge: 'person', basis: 'night', amount: 8000 }),
    ]);
    const refused = await asAdmin('PUT', `/api/v1/price-lists/${list.id}/rows`, {
      rows: [{ period: 'autumn', charge: 'person', basis: 'night', amount: 1 }],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].path).toBe('/rows/0/period');
    expect((await asAdmin('GET', `/api/v1/price-lists/${list.id}`)).json().rows).toHaveLength(1);
    expect(await bed.auditedActions(list.id)).toEqual([
      'pricing.price_list.created',
      'pricing.price_list.rows_upserted',
      'pricing.price_list.rows_replaced',
    ]);
  });

  it("sets, changes and clears a list's change fee, and the engine reads it", async () => {
    const { tour, double } = await makeTourWithRooms(bed.agency);
    const list = (await create(tourPriceList(tour.id, double))).json();
    expect(list.changeFee).toEqual({ amount: 3000, freeDaysBefore: 60 });
    const url = `/api/v1/price-lists/${list.id}`;
    const changed = await asAdmin('PATCH', url, { changeFee: { amount: 4500 } });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().changeFee).toEqual({ amount: 4500, freeDaysBefore: null });
    const [loaded] = await loadPriceLists(bed.agency.ctx, [tour.id]);
    expect(loaded?.changeFee).toEqual({ amount: 4500, freeDaysBefore: null });
    // Other changes leave it alone; null clears it (changes become free).
    expect((await asAdmin('PATCH', url, { name: 'Renamed' })).json().changeFee).toEqual({
      amount: 4500,
      freeDaysBefore: null,
    });
    const cleared = await asAdmin('PATCH', url, { changeFee: null });
    expect(cleared.json().changeFee).toBeNull();
    const [after] = await loadPriceLists(bed.agency.ctx, [tour.id]);
    expect(after?.changeFee).toBeNull();
  });

  it('refuses a second active list for a product, currency and customer with 409', async () => {
    const { tour, double } = await makeTourWithRooms(bed.agency);
    const first = (await create(tourPriceList(tour.id, double))).json();
    const twin = await create(tourPriceList(tour.id, double, { name: 'Twin' }));
    expect(twin.statusCode).toBe(409);
    expect(twin.headers['content-type']).toContain('application/problem+json');
    expect(twin.json().errors[0].path).toBe('/currency');

    expect(
      (await create(tourPriceList(tour.id, double, { currency: 'CZK', rows: [] }))).statusCode,
    ).toBe(201);
    const customerId = (await makeCompany(bed.agency)).id;
    const corporate = await create(tourPriceList(tour.id, double, { customerId }));
    expect(corporate.statusCode, corporate.body).toBe(201);
    expect(corporate.json().customerId).toBe(customerId);
    expect((await create(tourPriceList(tour.id, double, { customerId }))).statusCode).toBe(409);
    const moved = await asAdmin('PATCH', `/api/v1/price-lists/${corporate.json().id}`, {
      customerId: null,
    });
    expect(moved.statusCode).toBe(409);

    await asAdmin('POST', `/api/v1/price-lists/${first.id}/archive`);
    const second = await create(tourPriceList(tour.id, double, { name: 'Second' }));
    expect(second.statusCode, second.body).toBe(201);
    const restore = await asAdmin('POST', `/api/v1/price-lists/${first.id}/restore`);
    expect(restore.statusCode).toBe(409);
    const lists = await loadPriceLists(bed.agency.ctx, [tour.id]);
    const shown = lists.map((l) => [l.currency, l.customerId, l.name]);
    expect(shown).toHaveLength(3);
    expect(shown).toEqual(
      expect.arrayContaining([
        ['CZK', null, 'Crete 2030'],
        ['EUR', customerId, 'Crete 2030'],
        ['EUR', null, 'Second'],
      ]),
    );
  });

  it('keys a corporate list only to an active company customer of the agency (400)', async () => {
    const { tour, double } = await makeTourWithRooms(bed.agency);
    const archived = await makeCompany(bed.agency);
    await asAdmin('POST', `/api/v1/customers/${archived.id}/archive`);
    for (const customerId of [
      newId(),
      (await makePerson(bed.agency)).id,
      (await makeCompany(bed.other)).id,
      archived.id,
    ]) {
      const refused = await create(tourPriceList(tour.id, double, { customerId }));
      expect(refused.statusCode, refused.body).toBe(400);
      expect(refused.json().errors[0].path).toBe('/customerId');
    }
    const list = (await create(tourPriceList(tour.id, double))).json();
    const moved = await asAdmin('PATCH', `/api/v1/price-lists/${list.id}`, {
      customerId: (await makePerson(bed.agency)).id,
    });
    expect(moved.statusCode).toBe(400);
    expect(moved.json().errors[0].path).toBe('/customerId');
  });

  it('refuses to take a period, band or currency from under the rows with 409', async () => {
    const { tour, double } = await makeTourWithRooms(bed.agency);
    const list = (await create(tourPriceList(tour.id, double))).json();
    const patch = (body: object) => asAdmin('PATCH', `/api/v1/price-lists/${list.id}`, body);
    const cases: [object, string][] = [
      [{ periods: [pricePeriods[0]] }, '/periods'],
      [{ childBands: [priceChildBands[0]] }, '/childBands'],
      [{ currency: 'CZK' }, '/currency'],
      [{ costCurrency: 'CZK' }, '/costCurrency'],
    ];
    for (const [body, path] of cases) {
      const response = await patch(body);
      expect(response.statusCode, `${path}: ${response.body}`).toBe(409);
      expect(response.json().errors[0].path).toBe(path);
    }
    const invalid = await patch({
      periods: [pricePeriods[0], { ...pricePeriods[1], to: '2030-01-01' }],
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().errors[0].path).toBe('/periods/1/to');

    await asAdmin('PUT', `/api/v1/price-lists/${list.id}/rows`, {
      rows: [{ period: 'summer', charge: 'person', basis: 'night', amount: 7000 }],
    });
    const renamed = await patch({
      name: 'Crete 2030 (v2)',
      periods: [{ ...pricePeriods[0], to: '2030-09-15' }],
      childBands: [],
      dynamic: null,
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({
      name: 'Crete 2030 (v2)',
      periods: [{ code: 'summer', to: '2030-09-15' }],
      childBands: [],
      dynamic: null,
      cancellation: tourPriceList(tour.id, double).cancellation,
    });
    const change = await bed.auditedChange(list.id, 'pricing.price_list.updated');
    expect(change.before).toMatchObject({ name: 'Crete 2030', periods: pricePeriods });
    expect(change.after).toMatchObject({ name: 'Crete 2030 (v2)' });
  });

  it('lists lists without rows, by product, customer and currency, page by page', async () => {
    const { agency, cookie } = await bed.newAgency();
    const { tour, double } = await makeTourWithRooms(agency);
    const other = await makeTourWithRooms(agency);
    const customerId = (await makeCompany(agency)).id;
    const ids: string[] = [];
    for (const payload of [
      tourPriceList(tour.id, double),
      tourPriceList(tour.id, double, { currency: 'PLN', rows: [], costCurrency: null }),
      tourPriceList(tour.id, double, { customerId }),
      tourPriceList(other.tour.id, other.double),
    ]) {
      const response = await create(payload, cookie);
      expect(response.statusCode, response.body).toBe(201);
      ids.push(response.json().id);
    }
    const [eur, pln, corporate, otherList] = ids;
    const listed = async (query: string) => {
      const response = await call(cookie, 'GET', `/api/v1/price-lists?${query}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json();
    };
    const all = await listed('');
    expect(all.items.map((l: { id: string }) => l.id)).toEqual([otherList, corporate, pln, eur]);
    expect(all.items[3]).toMatchObject({ rowCount: 6, currency: 'EUR', customerId: null });
    expect(all.items[3]).not.toHaveProperty('rows');
    expect((await listed(`productId=${tour.id}`)).items).toHaveLength(3);
    expect(
      (await listed(`customerId=${customerId}`)).items.map((l: { id: string }) => l.id),
    ).toEqual([corporate]);
    expect((await listed('currency=PLN')).items.map((l: { id: string }) => l.id)).toEqual([pln]);
    const first = await listed('limit=3');
    expect(first.items).toHaveLength(3);
    const second = await listed(`limit=3&cursor=${first.nextCursor}`);
    expect(second.items.map((l: { id: string }) => l.id)).toEqual([eur]);
    expect(second.nextCursor).toBeNull();
  });

  it('archives and restores a list; archived lists do not price quotes', async () => {
    const { agency, cookie } = await bed.newAgency();
    const { tour, double } = await makeTourWithRooms(agency);
    const list = (await create(tourPriceList(tour.id, double), cookie)).json();
    await bed.expectArchiveAndRestore(cookie, '/api/v1/price-lists', list.id, {
      whileArchived: async () => {
        expect(await loadPriceLists(agency.ctx, [tour.id])).toEqual([]);
      },
    });
    expect(await loadPriceLists(agency.ctx, [tour.id])).toHaveLength(1);
    expect(await bed.auditedActions(list.id)).toEqual([
      'pricing.price_list.created',
      'pricing.price_list.archived',
      'pricing.price_list.restored',
    ]);
  });

  it("answers 404 for another agency's list, and changes nothing", async () => {
    const { tour, double } = await makeTourWithRooms(bed.agency);
    const list = (await create(tourPriceList(tour.id, double))).json();
    const rows = { rows: [{ period: 'summer', charge: 'person', basis: 'night', amount: 1 }] };
    const probes: ApiRequest[] = [
      ['GET', `/api/v1/price-lists/${list.id}`],
      ['PATCH', `/api/v1/price-lists/${list.id}`, { name: 'hijacked' }],
      ['PUT', `/api/v1/price-lists/${list.id}/rows`, rows],
      ['PATCH', `/api/v1/price-lists/${list.id}/rows`, rows],
      ['POST', `/api/v1/price-lists/${list.id}/archive`],
      ['POST', `/api/v1/price-lists/${list.id}/restore`],
      ['GET', `/api/v1/price-lists/${newId()}`],
    ];
    await bed.expectEachAnswers(bed.otherCookie, probes, { status: 404, problemJson: true });
    expect((await asAdmin('GET', `/api/v1/price-lists/${list.id}`)).json()).toEqual(list);
    const theirs = await create(tourPriceList(tour.id, double), bed.otherCookie);
    expect(theirs.statusCode).toBe(400);
    expect(theirs.json().errors[0].path).toBe('/productId');
    const listed = await call(bed.otherCookie, 'GET', `/api/v1/price-lists?productId=${tour.id}`);
    expect(listed.json().items).toEqual([]);
  });

  it('lets an accountant read but not write, and hides prices and costs from partners', async () => {
    const { tour, double } = await makeTourWithRooms(bed.agency);
    const list = (await create(tourPriceList(tour.id, double))).json();
    const read = await call(bed.accountantCookie, 'GET', `/api/v1/price-lists/${list.id}`);
    expect(read.statusCode).toBe(200);
    const writes: ApiRequest[] = [
      ['POST', '/api/v1/price-lists', tourPriceList(tour.id, double, { currency: 'USD' })],
      ['PATCH', `/api/v1/price-lists/${list.id}`, { name: 'x' }],
      ['PUT', `/api/v1/price-lists/${list.id}/rows`, { rows: [] }],
      ['POST', `/api/v1/price-lists/${list.id}/archive`],
    ];
    await bed.expectEachAnswers(bed.accountantCookie, writes, { status: 403 });

    const partnerEmail = `partner-${newId()}@example.test`;
    await makeAgency(database(), { users: [{ role: 'partner', email: partnerEmail }] });
    const partner = (await signIn(bed.app, partnerEmail)).cookie;
    await bed.expectEachAnswers(
      partner,
      [
        ['GET', '/api/v1/price-lists'],
        ['GET', `/api/v1/price-lists/${list.id}`],
      ],
      { status: 403 },
    );
    expect((await asAdmin('GET', `/api/v1/price-lists/${list.id}`)).json()).toEqual(list);
  });
});
