// The API of what changes a list price: discount and surcharge rules, promo codes (counted
// once per use, never past their limit, even under concurrent bookings), and channel fees.
import { expect, it } from 'vitest';
import { type ApiRequest, useApiTestBed } from '../../../../tests/helpers/api-test-bed.ts';
import { makeTour } from '../../../../tests/helpers/catalog-factories.ts';
import { describeEachDatabase, describeOnPostgres } from '../../../../tests/helpers/database.ts';
import { makeAgency } from '../../../../tests/helpers/factories.ts';
import { makeExtraService } from '../../../../tests/helpers/transport-factories.ts';
import { newId } from '../../db/ids.ts';
import { Conflict, Invalid } from '../../errors.ts';
import { problemFromError } from '../../http/problem.ts';
import { loadChannelFees } from './channel-fees-service.ts';
import { createPriceRule, loadRules } from './price-rules-service.ts';
import { createPromoCode, findPromoCode, redeemPromoCode } from './promo-codes-service.ts';

/** The error a promise rejects with (the test fails if it resolves). */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

describeEachDatabase('price rules, promo codes and channel fees API', (database) => {
  const bed = useApiTestBed(database);
  const { asAdmin, call } = bed;

  const earlyBooking = (extra: Record<string, unknown> = {}) => ({
    name: 'Early booking 2030',
    kind: 'early_booking',
    bookedTo: '2030-03-31',
    travelFrom: '2030-06-01',
    travelTo: '2030-09-30',
    minDaysBefore: 60,
    percent: '10',
    priority: 10,
    ...extra,
  });
  /** A rule as the API shows it: every field the request left out at its default. */
  const shown = (fields: Record<string, unknown>) => ({
    id: expect.any(String),
    productIds: [],
    bookedFrom: null,
    bookedTo: null,
    travelFrom: null,
    travelTo: null,
    minDaysBefore: null,
    maxDaysBefore: null,
    percent: null,
    amount: null,
    amountPer: null,
    currency: null,
    bundleServiceIds: [],
    bundleTransport: false,
    buy: null,
    get: null,
    priority: 0,
    stackable: false,
    archived: false,
    archivedAt: null,
    createdAt: expect.any(String),
    updatedAt: expect.any(String),
    ...fields,
  });

  it('creates rules of each kind, reads them back, and loads those a product may use', async () => {
    const { agency, cookie } = await bed.newAgency();
    const tour = await makeTour(agency);
    const otherTour = await makeTour(agency);
    const transfer = await makeExtraService(agency);
    const post = async (body: object) => {
      const response = await call(cookie, 'POST', '/api/v1/price-rules', body);
      expect(response.statusCode, response.body).toBe(201);
      return response.json();
    };
    const early = await post(earlyBooking({ percent: '12.50' }));
    expect(early).toEqual(shown({ ...earlyBooking(), percent: '12.5' }));
    expect((await call(cookie, 'GET', `/api/v1/price-rules/${early.id}`)).json()).toEqual(early);

    const lastMinute = await post({
      name: 'Last minute',
      kind: 'last_minute',
      productIds: [tour.id],
      maxDaysBefore: 14,
      amount: 5000,
      amountPer: 'person',
      currency: 'EUR',
      stackable: true,
    });
    const packaged = await post({
      name: 'Crete with transfer',
      kind: 'package',
      productIds: [tour.id],
      bundleServiceIds: [transfer.id],
      amount: 89900,
      amountPer: 'person',
      currency: 'EUR',
    });
    const bogo = await post({
      name: '3 for 2',
      kind: 'bogo',
      productIds: [otherTour.id],
      buy: 2,
      get: 1,
    });
    const minAdvance = await post({
      name: 'Book 3 days ahead',
      kind: 'min_advance',
      minDaysBefore: 3,
    });
    expect(bogo).toMatchObject({ buy: 2, get: 1, percent: null });

    const archived = await post({ name: 'Old', kind: 'discount', percent: '5' });
    await call(cookie, 'POST', `/api/v1/price-rules/${archived.id}/archive`);

    const ids = (rules: { id: string }[]) => rules.map((r) => r.id).sort();
    const strip = ({
      archived: _a,
      archivedAt: _b,
      createdAt: _c,
      updatedAt: _d,
      ...rule
    }: Record<string, unknown>) => rule;
    const forTour = await loadRules(agency.ctx, [tour.id]);
    expect(ids(forTour)).toEqual([early.id, lastMinute.id, packaged.id, minAdvance.id].sort());
    expect(forTour.find((r) => r.id === packaged.id)).toEqual(strip(packaged));
    expect(ids(await loadRules(agency.ctx, [otherTour.id, newId()]))).toEqual(
      [early.id, bogo.id, minAdvance.id].sort(),
    );
    expect(ids(await loadRules(agency.ctx, []))).toEqual([early.id, minAdvance.id].sort());
    expect(await loadRules(bed.other.ctx, [tour.id])).toEqual([]);

    const byProduct = await call(cookie, 'GET', `/api/v1/price-rules?productId=${tour.id}`);
    expect(ids(byProduct.json().items)).toEqual([lastMinute.id, packaged.id].sort());
    const byKind = await call(cookie, 'GET', '/api/v1/price-rules?kind=bogo');
    expect(ids(byKind.json().items)).toEqual([bogo.id]);
    const old = await call(cookie, 'GET', '/api/v1/price-rules?archived=true');
    expect(ids(old.json().items)).toEqual([archived.id]);
  });

  it('answers invalid rules with 400 naming the field', async () => {
    const tour = await makeTour(bed.agency);
    const cases: [object, string][] = [
      [earlyBooking({ minDaysBefore: null }), '/minDaysBefore'],
      [earlyBooking({ amount: 1000, amountPer: 'person', currency: 'EUR' }), '/amount'],
      [earlyBooking({ percent: null }), '/percent'],
      [earlyBooking({ percent: '150' }), '/percent'],
      [earlyBooking({ percent: '0' }), '/percent'],
      [earlyBooking({ percent: 'ten' }), '/percent'],
      [earlyBooking({ bookedFrom: '2030-04-01' }), '/bookedTo'],
      [earlyBooking({ travelTo: '2030-05-01' }), '/travelTo'],
      [earlyBooking({ maxDaysBefore: 30 }), '/maxDaysBefore'],
      [earlyBooking({ productIds: [newId()] }), '/productIds/0'],
      [earlyBooking({ productIds: [tour.id, tour.id] }), '/productIds/1'],
      [earlyBooking({ buy: 2 }), '/buy'],
      [earlyBooking({ currency: 'EUR' }), '/currency'],
      [{ name: 'x', kind: 'discount', amount: 500, amountPer: 'booking' }, '/currency'],
      [{ name: 'x', kind: 'discount', amount: 500, currency: 'EUR' }, '/amountPer'],
      [
        { name: 'x', kind: 'discount', amount: 500, amountPer: 'booking', currency: 'ABC' },
        '/currency',
      ],
      [{ name: 'x', kind: 'last_minute', percent: '5' }, '/maxDaysBefore'],
      [{ name: 'x', kind: 'bogo', get: 1 }, '/buy'],
      [{ name: 'x', kind: 'non_refundable' }, '/percent'],
      [{ name: 'x', kind: 'min_advance', minDaysBefore: 3, percent: '5' }, '/percent'],
      [
        { name: 'x', kind: 'package', amount: 100, amountPer: 'person', currency: 'EUR' },
        '/bundleServiceIds',
      ],
      [
        {
          name: 'x',
          kind: 'package',
          amount: 1,
          amountPer: 'person',
          currency: 'EUR',
          bundleServiceIds: [tour.id],
        },
        '/bundleServiceIds/0',
      ],
      [{ name: 'x', kind: 'rebate', percent: '5' }, '/kind'],
    ];
    for (const [payload, path] of cases) {
      const response = await asAdmin('POST', '/api/v1/price-rules', payload);
      expect(response.statusCode, `${path}: ${response.body}`).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().errors[0].path, response.body).toBe(path);
    }
    const rule = (await asAdmin('POST', '/api/v1/price-rules', earlyBooking())).json();
    const patched = await asAdmin('PATCH', `/api/v1/price-rules/${rule.id}`, { percent: '15' });
    expect(patched.json()).toMatchObject({ percent: '15', minDaysBefore: 60 });
    const broken = await asAdmin('PATCH', `/api/v1/price-rules/${rule.id}`, {
      minDaysBefore: null,
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().errors[0].path).toBe('/minDaysBefore');
    const kind = await asAdmin('PATCH', `/api/v1/price-rules/${rule.id}`, { kind: 'surcharge' });
    expect(kind.json().errors[0].path).toBe('/kind');
    expect(await bed.auditedActions(rule.id)).toEqual([
      'pricing.price_rule.created',
      'pricing.price_rule.updated',
    ]);
  });

  it('keeps promo codes upper-case, finds them in any case, and refuses them twice', async () => {
    const rule = (
      await asAdmin('POST', '/api/v1/price-rules', {
        name: 'Summer code',
        kind: 'promo_code',
        percent: '10',
      })
    ).json();
    const created = await asAdmin('POST', '/api/v1/promo-codes', {
      code: 'summer-30',
      ruleId: rule.id,
      validFrom: '2030-01-01',
      validTo: '2030-06-30',
      maxUses: 100,
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toEqual({
      id: expect.any(String),
      code: 'SUMMER-30',
      ruleId: rule.id,
      validFrom: '2030-01-01',
      validTo: '2030-06-30',
      maxUses: 100,
      used: 0,
      archived: false,
      archivedAt: null,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(await findPromoCode(bed.agency.ctx, 'Summer-30')).toEqual({
      code: 'SUMMER-30',
      ruleId: rule.id,
      validFrom: '2030-01-01',
      validTo: '2030-06-30',
      maxUses: 100,
      used: 0,
    });
    expect(await findPromoCode(bed.other.ctx, 'SUMMER-30')).toBeUndefined();
    expect((await asAdmin('GET', '/api/v1/promo-codes/summer-30')).json()).toEqual(created.json());

    const again = await asAdmin('POST', '/api/v1/promo-codes', {
      code: 'SUMMER-30',
      ruleId: rule.id,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors[0].path).toBe('/code');
    const early = (await asAdmin('POST', '/api/v1/price-rules', earlyBooking())).json();
    const wrongRule = await asAdmin('POST', '/api/v1/promo-codes', {
      code: 'X1',
      ruleId: early.id,
    });
    expect(wrongRule.statusCode).toBe(400);
    expect(wrongRule.json().errors[0].path).toBe('/ruleId');
    const backwards = await asAdmin('POST', '/api/v1/promo-codes', {
      code: 'X2',
      ruleId: rule.id,
      validFrom: '2030-02-01',
      validTo: '2030-01-01',
    });
    expect(backwards.json().errors[0].path).toBe('/validTo');

    const patched = await asAdmin('PATCH', '/api/v1/promo-codes/summer-30', { validTo: null });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ code: 'SUMMER-30', validTo: null, maxUses: 100 });
    const id = created.json().id;
    await asAdmin('POST', `/api/v1/promo-codes/${id}/archive`);
    expect(await findPromoCode(bed.agency.ctx, 'summer-30')).toBeUndefined();
    await asAdmin('POST', `/api/v1/promo-codes/${id}/restore`);
    expect(await findPromoCode(bed.agency.ctx, 'summer-30')).toMatchObject({ used: 0 });
  });

  it('counts each use of a promo code until it is used up, then refuses it with 409', async () => {
    const rule = await createPriceRule(bed.agency.ctx, {
      name: 'Three uses',
      kind: 'promo_code',
      amount: 1000,
      amountPer: 'booking',
      currency: 'EUR',
    });
    await createPromoCode(bed.agency.ctx, { code: 'three', ruleId: rule.id, maxUses: 3 });
    for (const used of [1, 2, 3]) {
      expect(await redeemPromoCode(bed.agency.ctx, 'Three')).toMatchObject({ used });
    }
    const error = await rejection(redeemPromoCode(bed.agency.ctx, 'THREE'));
    expect(error).toBeInstanceOf(Conflict);
    const problem = problemFromError(error);
    expect(problem.status).toBe(409);
    expect(problem.body.errors).toEqual([
      { path: '/promoCode', message: 'THREE has been used up (3 uses)' },
    ]);
    expect(await findPromoCode(bed.agency.ctx, 'three')).toMatchObject({ used: 3, maxUses: 3 });
    // Another agency's code is not this agency's.
    const unknown = await rejection(redeemPromoCode(bed.other.ctx, 'three'));
    expect(unknown).toBeInstanceOf(Invalid);
    expect(problemFromError(unknown).body.errors?.[0]?.path).toBe('/promoCode');

    const lowered = await asAdmin('PATCH', '/api/v1/promo-codes/three', { maxUses: 2 });
    expect(lowered.statusCode).toBe(409);
    expect(lowered.json().errors[0].path).toBe('/maxUses');
    const raised = await asAdmin('PATCH', '/api/v1/promo-codes/three', { maxUses: 4 });
    expect(raised.json()).toMatchObject({ used: 3, maxUses: 4 });
    expect(await redeemPromoCode(bed.agency.ctx, 'three')).toMatchObject({ used: 4 });
  });

  it('keeps channel fees and commissions, and loads the active ones of a channel', async () => {
    const { agency, cookie } = await bed.newAgency();
    const post = (body: object) => call(cookie, 'POST', '/api/v1/channel-fees', body);
    const phoneFee = await post({
      name: 'Phone booking fee',
      channel: 'phone',
      kind: 'fee',
      amount: 500,
      currency: 'EUR',
    });
    expect(phoneFee.statusCode, phoneFee.body).toBe(201);
    expect(phoneFee.json()).toEqual({
      id: expect.any(String),
      name: 'Phone booking fee',
      channel: 'phone',
      kind: 'fee',
      percent: null,
      amount: 500,
      currency: 'EUR',
      archived: false,
      archivedAt: null,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const commission = (
      await post({
        name: 'Marketplace',
        channel: 'marketplace',
        kind: 'commission',
        percent: '12.0',
      })
    ).json();
    expect(commission.percent).toBe('12');
    const old = (
      await post({ name: 'Old phone fee', channel: 'phone', kind: 'fee', percent: '2' })
    ).json();
    await call(cookie, 'POST', `/api/v1/channel-fees/${old.id}/archive`);

    expect(await loadChannelFees(agency.ctx, 'phone')).toEqual([
      {
        id: phoneFee.json().id,
        name: 'Phone booking fee',
        channel: 'phone',
        kind: 'fee',
        percent: null,
        amount: 500,
        currency: 'EUR',
      },
    ]);
    expect(await loadChannelFees(agency.ctx, 'marketplace')).toMatchObject([{ percent: '12' }]);
    expect(await loadChannelFees(agency.ctx, 'web')).toEqual([]);
    expect(await loadChannelFees(bed.other.ctx, 'phone')).toEqual([]);

    const cases: [object, string][] = [
      [{ name: 'x', channel: 'phone', kind: 'fee' }, '/percent'],
      [
        { name: 'x', channel: 'phone', kind: 'fee', percent: '1', amount: 1, currency: 'EUR' },
        '/amount',
      ],
      [{ name: 'x', channel: 'phone', kind: 'fee', amount: 100 }, '/currency'],
      [{ name: 'x', channel: 'phone', kind: 'fee', percent: '101' }, '/percent'],
      [{ name: 'x', channel: 'fax', kind: 'fee', percent: '1' }, '/channel'],
    ];
    for (const [payload, path] of cases) {
      const response = await post(payload);
      expect(response.statusCode, `${path}: ${response.body}`).toBe(400);
      expect(response.json().errors[0].path).toBe(path);
    }
    const toPercent = await call(cookie, 'PATCH', `/api/v1/channel-fees/${phoneFee.json().id}`, {
      percent: '1.5',
      amount: null,
      currency: null,
    });
    expect(toPercent.statusCode, toPercent.body).toBe(200);
    expect(toPercent.json()).toMatchObject({ percent: '1.5', amount: null, currency: null });
    const half = await call(cookie, 'PATCH', `/api/v1/channel-fees/${phoneFee.json().id}`, {
      amount: 100,
    });
    expect(half.json().errors[0].path).toBe('/amount');
    const listed = await call(cookie, 'GET', '/api/v1/channel-fees?channel=phone');
    expect(listed.json().items.map((f: { id: string }) => f.id)).toEqual([phoneFee.json().id]);
  });

  it("answers 404 for another agency's rules, codes and fees, and lets an accountant only read", async () => {
    const rule = (
      await asAdmin('POST', '/api/v1/price-rules', {
        name: 'Code',
        kind: 'promo_code',
        percent: '5',
      })
    ).json();
    const promo = (
      await asAdmin('POST', '/api/v1/promo-codes', { code: 'MINE', ruleId: rule.id })
    ).json();
    const fee = (
      await asAdmin('POST', '/api/v1/channel-fees', {
        name: 'Web',
        channel: 'web',
        kind: 'fee',
        percent: '1',
      })
    ).json();
    const probes: ApiRequest[] = [
      ['GET', `/api/v1/price-rules/${rule.id}`],
      ['PATCH', `/api/v1/price-rules/${rule.id}`, { name: 'hijacked' }],
      ['POST', `/api/v1/price-rules/${rule.id}/archive`],
      ['GET', '/api/v1/promo-codes/MINE'],
      ['PATCH', '/api/v1/promo-codes/MINE', { maxUses: 1 }],
      ['POST', `/api/v1/promo-codes/${promo.id}/archive`],
      ['GET', `/api/v1/channel-fees/${fee.id}`],
      ['PATCH', `/api/v1/channel-fees/${fee.id}`, { percent: '50' }],
      ['POST', `/api/v1/channel-fees/${fee.id}/archive`],
    ];
    await bed.expectEachAnswers(bed.otherCookie, probes, { status: 404, problemJson: true });
    const theirs = await call(bed.otherCookie, 'POST', '/api/v1/promo-codes', {
      code: 'MINE',
      ruleId: rule.id,
    });
    expect(theirs.statusCode).toBe(400);
    expect(theirs.json().errors[0].path).toBe('/ruleId');
    expect((await asAdmin('GET', `/api/v1/price-rules/${rule.id}`)).json()).toEqual(rule);
    expect((await asAdmin('GET', '/api/v1/promo-codes/MINE')).json()).toEqual(promo);
    expect((await asAdmin('GET', `/api/v1/channel-fees/${fee.id}`)).json()).toEqual(fee);

    for (const url of ['/api/v1/price-rules', '/api/v1/promo-codes', '/api/v1/channel-fees']) {
      const read = await call(bed.accountantCookie, 'GET', url);
      expect(read.statusCode, url).toBe(200);
    }
    const writes: ApiRequest[] = [
      ['POST', '/api/v1/price-rules', earlyBooking()],
      ['PATCH', `/api/v1/price-rules/${rule.id}`, { name: 'x' }],
      ['POST', '/api/v1/promo-codes', { code: 'ACC', ruleId: rule.id }],
      ['PATCH', '/api/v1/promo-codes/MINE', { maxUses: 1 }],
      ['POST', '/api/v1/channel-fees', { name: 'x', channel: 'web', kind: 'fee', percent: '1' }],
      ['POST', `/api/v1/channel-fees/${fee.id}/archive`],
    ];
    await bed.expectEachAnswers(bed.accountantCookie, writes, { status: 403 });
  });
});

describeOnPostgres('promo code redemption under concurrent bookings', (database) => {
  it('gives the last uses of a code to exactly as many bookings as it has uses', async () => {
    const agency = await makeAgency(database());
    const rule = await createPriceRule(agency.ctx, {
      name: 'Flash',
      kind: 'promo_code',
      percent: '20',
    });
    await createPromoCode(agency.ctx, { code: 'FLASH', ruleId: rule.id, maxUses: 5 });
    const attempts = await Promise.allSettled(
      Array.from({ length: 20 }, () => redeemPromoCode(agency.ctx, 'flash')),
    );
    const won = attempts.filter((a) => a.status === 'fulfilled');
    const refused = attempts.filter((a) => a.status === 'rejected');
    expect(won).toHaveLength(5);
    expect(refused).toHaveLength(15);
    for (const r of refused) expect((r as PromiseRejectedResult).reason).toBeInstanceOf(Conflict);
    expect(await findPromoCode(agency.ctx, 'FLASH')).toMatchObject({ used: 5 });
  });
});
