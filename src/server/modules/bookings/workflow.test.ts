// After the sale, through the API: offers (promotions) and the required actions their
// bookings get, marked done and reopened; a company's travel policy sending a booking to its
// approvers, who approve or reject; the supplier's answers to on-request lines; a new
// customer entered with the booking; a partner seeing only its own offers' bookings.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  makeAccommodation,
  makeSeason,
  makeTour,
} from '../../../../tests/helpers/catalog-factories.ts';
import { makeCompany, makePerson } from '../../../../tests/helpers/customer-factories.ts';
import { describeEachDatabase } from '../../../../tests/helpers/database.ts';
import {
  makeAgency,
  makeTestApp,
  signIn,
  type TestAgency,
} from '../../../../tests/helpers/factories.ts';
import { setCapacity } from '../inventory/service.ts';
import { createPriceList } from '../pricing/price-lists-service.ts';
import { remindDueActions } from './action-reminders.ts';

describeEachDatabase('booking workflow', (database) => {
  let app: FastifyInstance;
  let agency: TestAgency;
  let agent: string;
  let admin: string;
  let approver: { cookie: string; id: string };
  let partner: { cookie: string; id: string };
  let otherApprover: string;
  let tourId: string;
  let double: string;
  let personId: string;

  type Method = 'GET' | 'POST' | 'PUT' | 'PATCH';
  const call = (cookie: string, method: Method, url: string, payload?: object) =>
    app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const travellers = [
    { firstName: 'Jana', lastName: 'Nováková', birthDate: '1985-03-12' },
    { firstName: 'Petr', lastName: 'Novák', birthDate: '1984-01-30' },
  ];
  const book = async (more: object = {}, quoteMore: object = {}) => {
    const quote = await call(agent, 'POST', '/api/v1/quotes', {
      productId: tourId,
      from: '2030-07-06',
      to: '2030-07-13',
      party: { adults: 2, childAges: [] },
      rooms: [{ roomTypeId: double, adults: 2, childAges: [] }],
      channel: 'marketplace',
      ...quoteMore,
    });
    expect(quote.statusCode, quote.body).toBe(201);
    return call(agent, 'POST', '/api/v1/bookings', {
      quoteId: quote.json().id,
      customerId: personId,
      travellers,
      ...more,
    });
  };
  const contract = {
    code: 'CONTRACT',
    kind: 'sign_contract',
    title: { en: 'Sign the travel contract', cs: 'Podepište cestovní smlouvu' },
    instructions: {
      en: 'Print, sign and send the contract to the agency.',
      cs: 'Smlouvu vytiskněte, podepište a pošlete cestovní kanceláři.',
    },
    dueDaysBeforeDeparture: 30,
  };
  const passports = {
    code: 'PASSPORTS',
    kind: 'traveller_details',
    title: { en: 'Send passport details' },
    instructions: { en: 'Send the number and expiry of every passport.' },
    dueDaysBeforeDeparture: null,
  };

  beforeAll(async () => {
    app = await makeTestApp(database());
    const stamp = Date.now();
    const emails = {
      agent: `agent-${stamp}@workflow.test`,
      approver: `approver-${stamp}@workflow.test`,
      other: `approver2-${stamp}@workflow.test`,
      partner: `partner-${stamp}@workflow.test`,
    };
    agency = await makeAgency(database(), {
      users: [
        { role: 'agent', email: emails.agent },
        { role: 'approver', email: emails.approver },
        { role: 'approver', email: emails.other },
        { role: 'partner', email: emails.partner, name: 'Slevomat' },
      ],
    });
    agent = (await signIn(app, emails.agent)).cookie;
    admin = (await signIn(app, agency.adminEmail)).cookie;
    const a = await signIn(app, emails.approver);
    approver = { cookie: a.cookie, id: a.user.id };
    otherApprover = (await signIn(app, emails.other)).cookie;
    const p = await signIn(app, emails.partner);
    partner = { cookie: p.cookie, id: p.user.id };
    const hotel = await makeAccommodation(agency);
    double = hotel.roomTypes[0]?.id ?? '';
    tourId = (
      await makeTour(agency, {
        accommodationId: hotel.id,
        mode: 'by_days',
        seasons: [makeSeason()],
      })
    ).id;
    await setCapacity(agency.ctx, { kind: 'room_type', ownerId: double }, 'DBL', {
      from: '2030-07-01',
      to: '2030-07-24',
      kind: 'allotment',
      units: 40,
    });
    await setCapacity(agency.ctx, { kind: 'room_type', ownerId: double }, 'DBL', {
      from: '2030-07-25',
      to: '2030-07-31',
      kind: 'on_request',
      units: 5,
    });
    await createPriceList(agency.ctx, {
      name: 'July',
      productKind: 'tour',
      productId: tourId,
      currency: 'EUR',
      periods: [{ code: 'july', name: 'July', from: '2030-07-01', to: '2030-07-31' }],
      childBands: [],
      rows: [{ period: 'july', charge: 'person', basis: 'night', amount: 100_00 }],
    } as unknown as Parameters<typeof createPriceList>[1]);
    personId = (await makePerson(agency)).id;
  });
  afterAll(() => app.close());

  it('keeps offers with variants and required actions; validates codes, texts and partners', async () => {
    const created = await call(agent, 'POST', '/api/v1/promotions', {
      code: 'SLV-742315',
      name: 'Crete for two, 7 nights',
      partner: 'Slevomat',
      partnerUserId: partner.id,
      productId: tourId,
      variants: [
        { code: 'A', name: 'July' },
        { code: 'B', name: 'July, sea view' },
      ],
      requiredActions: [contract, passports],
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ productKind: 'tour', archived: false });

    const twice = await call(agent, 'POST', '/api/v1/promotions', {
      code: 'SLV-742315',
      name: 'Again',
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().errors[0].path).toBe('/code');

    const bad = await call(agent, 'POST', '/api/v1/promotions', {
      code: 'X1',
      name: 'Bad',
      partnerUserId: approver.id,
      variants: [
        { code: 'A', name: 'a' },
        { code: 'A', name: 'b' },
      ],
    });
    expect(bad.statusCode).toBe(400);
    const noEnglish = await call(agent, 'POST', '/api/v1/promotions', {
      code: 'X2',
      name: 'No English',
      requiredActions: [{ ...passports, title: { cs: 'Pasy' } }],
    });
    expect(noEnglish.statusCode).toBe(400);
    expect(noEnglish.json().errors[0].path).toBe('/requiredActions/0/title/en');
    const notPartner = await call(agent, 'POST', '/api/v1/promotions', {
      code: 'X3',
      name: 'Approver is no partner',
      partnerUserId: approver.id,
    });
    expect(notPartner.statusCode).toBe(400);
    expect(notPartner.json().errors[0].path).toBe('/partnerUserId');

    const changed = await call(agent, 'PATCH', `/api/v1/promotions/${created.json().id}`, {
      name: 'Crete for two, 7 nights, half board',
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().requiredActions).toHaveLength(2);
    const listed = await call(agent, 'GET', `/api/v1/promotions?productId=${tourId}`);
    expect(listed.json().items.map((o: { code: string }) => o.code)).toEqual(['SLV-742315']);
    expect((await call(partner.cookie, 'GET', '/api/v1/promotions')).statusCode).toBe(403);
  });

  it("gives a booking its offer's required actions; staff mark them done, once", async () => {
    const offer = (await call(agent, 'GET', '/api/v1/promotions')).json().items[0];
    const made = await book({ offerId: offer.id, variantId: 'B' });
    expect(made.statusCode, made.body).toBe(201);
    const booking = made.json();
    expect(booking.offer).toMatchObject({ code: 'SLV-742315', partner: 'Slevomat' });
    expect(booking.variantName).toBe('July, sea view');
    // The customer speaks Czech: the texts come in Czech where the offer has them.
    expect(booking.requiredActions.map((a: { title: string }) => a.title)).toEqual([
      'Podepište cestovní smlouvu',
      'Send passport details',
    ]);
    expect(booking.requiredActions[0].dueDate).toBe('2030-06-06');
    expect(booking.actionsDone).toBe(false);
    expect(booking.missingActions).toEqual(['CONTRACT', 'PASSPORTS']);

    const [first, second] = booking.requiredActions;
    const url = (id: string, verb = 'done') =>
      `/api/v1/bookings/${booking.id}/required-actions/${id}/${verb}`;
    const done = await call(agent, 'POST', url(first.id), { note: 'signed copy by e-mail' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().requiredActions[0].done).toMatchObject({ note: 'signed copy by e-mail' });
    expect(done.json().missingActions).toEqual(['PASSPORTS']);
    expect((await call(agent, 'POST', url(first.id))).statusCode).toBe(409);
    expect((await call(partner.cookie, 'POST', url(second.id))).statusCode).toBe(403);
    expect((await call(agent, 'POST', url(booking.id))).statusCode).toBe(404);

    const all = await call(agent, 'POST', url(second.id));
    expect(all.json().actionsDone).toBe(true);
    const reopened = await call(agent, 'POST', url(second.id, 'reopen'));
    expect(reopened.json()).toMatchObject({ actionsDone: false, missingActions: ['PASSPORTS'] });
    const row = await database()
      .db.selectFrom('bookings')
      .select('openActions')
      .where('id', '=', booking.id)
      .executeTakeFirstOrThrow();
    expect(row.openActions).toBe(1);
    expect(reopened.json().history.map((h: { action: string }) => h.action)).toEqual([
      'booking.created',
      'booking.action_done',
      'booking.action_done',
      'booking.action_reopened',
    ]);

    // A variant the offer does not have, or an archived offer, is refused.
    const wrongVariant = await book({ offerId: offer.id, variantId: 'Z' });
    expect(wrongVariant.statusCode).toBe(400);
    expect(wrongVariant.json().errors[0].path).toBe('/variantId');
  });

  it('reminds customers of open actions coming due, in their language, not too often', async () => {
    const emails = async () =>
      (
        await database()
          .db.selectFrom('outbox')
          .select('payload')
          .where('kind', '=', 'booking.mail')
          .execute()
      )
        .map(
          (row) =>
            row.payload as { to: string; subject: string; text: string; documents: string[] },
        )
        .filter(
          (mail) =>
            mail.subject.startsWith('Rezervace') &&
            mail.documents.includes('voucher') &&
            mail.text.includes('•'),
        );
    const offer = (await call(agent, 'GET', '/api/v1/promotions')).json().items[0];
    expect((await book({ offerId: offer.id })).statusCode).toBe(201);
    // Far from the deadlines (the contract is due 2030-06-06): nothing to remind.
    expect(await remindDueActions(database().db, new Date('2030-05-01T08:00:00Z'))).toBe(0);
    const before = (await emails()).length;
    const open = await database()
      .db.selectFrom('bookingRequiredActions')
      .select('bookingId')
      .distinct()
      .where('agencyId', '=', agency.agencyId)
      .where('code', '=', 'CONTRACT')
      .where('doneAt', 'is', null)
      .execute();
    expect(open.length).toBeGreaterThan(0);
    const soon = new Date('2030-06-04T08:00:00Z');
    expect(await remindDueActions(database().db, soon)).toBe(open.length);
    const sent = (await emails()).slice(before);
    expect(sent).toHaveLength(open.length);
    expect(sent[0]?.text).toContain('Podepište cestovní smlouvu (do 2030-06-06)');
    expect(sent[0]?.text).not.toContain('Send passport details');
    // Not again the next day; again three days later while still not done.
    expect(await remindDueActions(database().db, new Date('2030-06-05T08:00:00Z'))).toBe(0);
    expect(await remindDueActions(database().db, new Date('2030-06-07T09:00:00Z'))).toBe(
      open.length,
    );
  });

  it('moves the deadlines of open actions with the departure when the dates change', async () => {
    const offer = (await call(agent, 'GET', '/api/v1/promotions')).json().items[0];
    const booking = (await book({ offerId: offer.id })).json();
    const [contractAction] = booking.requiredActions;
    expect(contractAction.dueDate).toBe('2030-06-06');
    const preview = await call(agent, 'POST', `/api/v1/bookings/${booking.id}/changes/preview`, {
      from: '2030-07-13',
      to: '2030-07-20',
    });
    expect(preview.statusCode, preview.body).toBe(201);
    const applied = await call(agent, 'POST', `/api/v1/bookings/${booking.id}/changes`, {
      quoteId: preview.json().quote.id,
    });
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json().requiredActions[0].dueDate).toBe('2030-06-13');
    expect(applied.json().requiredActions[1].dueDate).toBeNull();
  });

  it("lets a partner read its own offers' bookings and no others", async () => {
    const offer = (await call(agent, 'GET', '/api/v1/promotions')).json().items[0];
    const theirs = (await book({ offerId: offer.id })).json();
    const notTheirs = (await book()).json();
    const seen = await call(partner.cookie, 'GET', `/api/v1/bookings/${theirs.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().cost).toBeUndefined();
    expect((await call(partner.cookie, 'GET', `/api/v1/bookings/${notTheirs.id}`)).statusCode).toBe(
      404,
    );
  });

  it('applies an offer for the channel without naming it', async () => {
    const portal = await call(agent, 'POST', '/api/v1/promotions', {
      code: 'PORTAL-CRETE',
      name: 'Crete on our portal',
      productId: tourId,
      channels: ['phone'],
      requiredActions: [passports],
    });
    expect(portal.statusCode, portal.body).toBe(201);
    const made = await book({}, { channel: 'phone' });
    expect(made.json().offer.code).toBe('PORTAL-CRETE');
    expect(made.json().missingActions).toEqual(['PASSPORTS']);
    await call(agent, 'POST', `/api/v1/promotions/${portal.json().id}/archive`);
    expect((await book({}, { channel: 'phone' })).json().offer).toBeNull();
  });

  it("sends a booking that breaks the company's policy to its approvers, who decide", async () => {
    const company = await makeCompany(agency, {
      travelPolicy: {
        maxPricePerTrip: { amount: 1_000_00, currency: 'EUR' },
        allowedRoomTypeCodes: ['SGL'],
        requireApproval: false,
      },
    });
    const setApprovers = await call(admin, 'PUT', `/api/v1/customers/${company.id}/approvers`, {
      userIds: [approver.id],
    });
    expect(setApprovers.statusCode, setApprovers.body).toBe(200);
    const employee = await makePerson(agency, { companyId: company.id });
    const made = await book({ customerId: employee.id });
    expect(made.statusCode, made.body).toBe(201);
    const booking = made.json();
    expect(booking.pendingApproval).toBe(true);
    expect(booking.approval.state).toBe('pending');
    expect(booking.approval.reasons.map((r: { rule: string }) => r.rule)).toEqual([
      'maxPricePerTrip',
      'allowedRoomTypeCodes',
    ]);
    expect(booking.transitions).toEqual(['cancelled']);

    const queue = await call(approver.cookie, 'GET', '/api/v1/approvals');
    expect(queue.json().items.map((b: { id: string }) => b.id)).toContain(booking.id);
    const notifications = await call(approver.cookie, 'GET', '/api/v1/notifications');
    expect(JSON.stringify(notifications.json())).toContain(booking.number);
    expect((await call(otherApprover, 'GET', '/api/v1/approvals')).json().items).toEqual([]);

    const url = `/api/v1/bookings/${booking.id}/approval`;
    const stranger = await call(otherApprover, 'POST', url, { decision: 'approve' });
    expect(stranger.statusCode).toBe(403);
    expect((await call(agent, 'POST', url, { decision: 'approve' })).statusCode).toBe(403);
    const approved = await call(approver.cookie, 'POST', url, {
      decision: 'approve',
      reason: 'Client meeting in Heraklion',
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().approval).toMatchObject({
      state: 'approved',
      reason: 'Client meeting in Heraklion',
    });
    const asAgent = await call(agent, 'GET', `/api/v1/bookings/${booking.id}`);
    expect(asAgent.json().transitions).toContain('checked');
    expect((await call(approver.cookie, 'POST', url, { decision: 'reject' })).statusCode).toBe(409);
    expect((await call(approver.cookie, 'GET', '/api/v1/approvals')).json().items).toEqual([]);
    // Changed after approval and still over the cap: it waits for the approver again.
    const preview = await call(agent, 'POST', `/api/v1/bookings/${booking.id}/changes/preview`, {
      from: '2030-07-14',
      to: '2030-07-21',
    });
    const changed = await call(agent, 'POST', `/api/v1/bookings/${booking.id}/changes`, {
      quoteId: preview.json().quote.id,
    });
    expect(changed.json().approval.state, changed.body).toBe('pending');
    const again = await call(approver.cookie, 'GET', '/api/v1/approvals');
    expect(again.json().items.map((b: { id: string }) => b.id)).toEqual([booking.id]);
    await call(approver.cookie, 'POST', url, { decision: 'approve', reason: 'Still fine' });

    const second = (await book({ customerId: employee.id })).json();
    const rejected = await call(admin, 'POST', `/api/v1/bookings/${second.id}/approval`, {
      decision: 'reject',
      reason: 'Over budget',
    });
    expect(rejected.json().approval.state).toBe('rejected');
    const rejectedAsAgent = await call(agent, 'GET', `/api/v1/bookings/${second.id}`);
    expect(rejectedAsAgent.json().transitions).toEqual(['cancelled']);

    // Within the policy: no approval at all.
    const relaxed = await makeCompany(agency, { travelPolicy: { requireApproval: false } });
    const ok = await book({ customerId: relaxed.id });
    expect(ok.json().approval.state).toBe('none');
  });

  it('records the supplier’s answers to on-request lines', async () => {
    const made = await book({}, { from: '2030-07-25', to: '2030-07-28' });
    const booking = made.json();
    expect(booking.lines[0].supplierStatus).toBe('requested');
    const url = `/api/v1/bookings/${booking.id}/lines/0/supplier-answer`;
    expect((await call(agent, 'POST', url, { answer: 'cancelled' })).statusCode).toBe(409);
    const refused = await call(agent, 'POST', url, { answer: 'refused', note: 'hotel full' });
    expect(refused.json().lines[0].supplierStatus).toBe('refused');
    for (const to of ['checked', 'ordered']) {
      await call(agent, 'POST', `/api/v1/bookings/${booking.id}/transitions`, { to });
    }
    const blocked = await call(agent, 'POST', `/api/v1/bookings/${booking.id}/transitions`, {
      to: 'confirmed',
    });
    expect(blocked.json().detail).toMatch(/refused by the supplier/);
    const dropped = await call(agent, 'POST', url, { answer: 'cancelled' });
    expect(dropped.json().total).toBe(booking.total - booking.lines[0].amount);
    // The sales ledger takes the dropped line back: the booking's rows sum to its new total.
    const ledger = await database()
      .db.selectFrom('salesLedger')
      .select(['event', 'sale', 'bookings'])
      .where('bookingId', '=', booking.id)
      .execute();
    expect(ledger.reduce((sum, r) => sum + Number(r.sale), 0)).toBe(dropped.json().total);
    expect(ledger.reduce((sum, r) => sum + Number(r.bookings), 0)).toBe(1);
    expect(ledger.filter((r) => r.event === 'dropped').map((r) => Number(r.sale))).toEqual([
      -booking.lines[0].amount,
    ]);
    expect(
      (await call(agent, 'POST', `/api/v1/bookings/${booking.id}/transitions`, { to: 'confirmed' }))
        .statusCode,
    ).toBe(200);

    const other = (await book({}, { from: '2030-07-25', to: '2030-07-28' })).json();
    const confirmed = await call(
      agent,
      'POST',
      `/api/v1/bookings/${other.id}/lines/0/supplier-answer`,
      { answer: 'confirmed', reference: 'HTL-5521' },
    );
    expect(confirmed.json().lines[0].supplierStatus).toBe('confirmed');
    expect(confirmed.json().history.at(-1)).toMatchObject({
      action: 'booking.line_confirmed',
      detail: { reference: 'HTL-5521' },
    });
  });

  it('creates a new customer with the booking, or neither when the customer is invalid', async () => {
    const made = await book({
      customerId: undefined,
      customer: {
        kind: 'person',
        firstName: 'Zeynep',
        lastName: 'Yılmaz',
        email: 'zeynep@example.test',
        locale: 'tr',
      },
    });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json().customer).toMatchObject({ name: 'Zeynep Yılmaz', locale: 'tr' });

    const count = async () =>
      (
        await database()
          .db.selectFrom('bookings')
          .select('id')
          .where('agencyId', '=', agency.agencyId)
          .execute()
      ).length;
    const before = await count();
    const bad = await book({ customerId: undefined, customer: { kind: 'company', locale: 'en' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toMatch(/^\/customer/);
    const both = await book({ customer: { kind: 'person', lastName: 'Both', locale: 'en' } });
    expect(both.statusCode).toBe(400);
    const neither = await book({ customerId: undefined });
    expect(neither.statusCode).toBe(400);
    expect(neither.json().errors[0].path).toBe('/customerId');
    expect(await count()).toBe(before);
  });
});
