// The customers API: persons and companies written and read back, each kind's own fields,
// a company's travel policy and approvers, search that ignores case and accents, archive and
// restore, who may write, and nothing of one agency reachable from another.
import { expect, it } from 'vitest';
import { useApiTestBed } from '../../../../tests/helpers/api-test-bed.ts';
import { makeCompany, makePerson } from '../../../../tests/helpers/customer-factories.ts';
import { describeEachDatabase } from '../../../../tests/helpers/database.ts';
import {
  makeAgency,
  signIn,
  uniqueSuffix,
  userByEmail,
} from '../../../../tests/helpers/factories.ts';
import { addDays, todayUtc } from '../../calendar.ts';
import { newId } from '../../db/ids.ts';

describeEachDatabase('customers API', (database) => {
  const bed = useApiTestBed(database);
  const { call, asAgent } = bed;

  const person = (extra: Record<string, unknown> = {}) => ({
    kind: 'person',
    firstName: 'Kateřina',
    lastName: 'Šťastná',
    birthDate: '1988-11-02',
    nationality: 'CZ',
    email: 'katerina.stastna@example.test',
    phone: '+420 731 550 912',
    address: { street: 'Křižíkova 34', city: 'Praha 8', postalCode: '186 00', country: 'CZ' },
    locale: 'cs',
    marketingConsent: true,
    notes: 'Prefers a quiet room',
    tags: ['vip', ' vip ', 'family'],
    ...extra,
  });
  const company = (extra: Record<string, unknown> = {}) => ({
    kind: 'company',
    companyName: 'Globex s.r.o.',
    vatId: 'CZ27654321',
    registrationId: '27654321',
    email: 'travel@globex.example',
    travelPolicy: {
      maxPricePerNight: { amount: 350_000, currency: 'CZK' },
      allowedTransportClasses: ['Y', '2'],
      minAdvanceDays: 7,
    },
    costCentres: ['Sales', 'R&D', 'Sales'],
    ...extra,
  });
  const create = (body: object, cookie = bed.agentCookie) =>
    call(cookie, 'POST', '/api/v1/customers', body);
  const errorPaths = (response: { json(): { errors?: { path: string }[] } }) =>
    (response.json().errors ?? []).map((e) => e.path);

  /** An agency of its own with an approver, a second approver, an agent and customer service. */
  async function agencyWithApprovers() {
    const suffix = uniqueSuffix();
    const emails = {
      approver: `approver-${suffix}@example.test`,
      secondApprover: `approver2-${suffix}@example.test`,
      agent: `agent-${suffix}@example.test`,
      service: `service-${suffix}@example.test`,
    };
    const agency = await makeAgency(database(), {
      users: [
        { role: 'approver', email: emails.approver },
        { role: 'approver', email: emails.secondApprover },
        { role: 'agent', email: emails.agent },
        { role: 'customer_service', email: emails.service },
      ],
    });
    const idOf = async (email: string) =>
      (await userByEmail(database(), agency.agencyId, email)).id;
    return {
      agency,
      approverId: await idOf(emails.approver),
      secondApproverId: await idOf(emails.secondApprover),
      agentId: await idOf(emails.agent),
      serviceCookie: (await signIn(bed.app, emails.service)).cookie,
      adminCookie: (await signIn(bed.app, agency.adminEmail)).cookie,
    };
  }

  it('creates a person, reads it back and records the audit entry', async () => {
    const created = await create(person());
    expect(created.statusCode, created.body).toBe(201);
    const customer = created.json();
    expect(customer).toEqual({
      id: expect.any(String),
      kind: 'person',
      name: 'Kateřina Šťastná',
      firstName: 'Kateřina',
      lastName: 'Šťastná',
      birthDate: '1988-11-02',
      nationality: 'CZ',
      companyId: null,
      employerName: null,
      companyName: null,
      vatId: null,
      registrationId: null,
      email: 'katerina.stastna@example.test',
      phone: '+420 731 550 912',
      address: { street: 'Křižíkova 34', city: 'Praha 8', postalCode: '186 00', country: 'CZ' },
      locale: 'cs',
      marketingConsent: true,
      consentAt: expect.any(String),
      notes: 'Prefers a quiet room',
      tags: ['vip', 'family'],
      travelPolicy: null,
      costCentres: [],
      approverIds: [],
      archived: false,
      archivedAt: null,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const got = await asAgent('GET', `/api/v1/customers/${customer.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.json()).toEqual(customer);

    const audit = await database()
      .db.selectFrom('auditLog')
      .select(['action', 'actorType', 'after'])
      .where('agencyId', '=', bed.agency.agencyId)
      .where('entityId', '=', customer.id)
      .execute();
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'customers.customer.created',
        actorType: 'user',
        after: expect.objectContaining({ lastName: 'Šťastná' }),
      }),
    ]);
  });

  it("gives a new customer the agency's language and no consent answer unless told", async () => {
    const bare = await create({ kind: 'person', lastName: 'Nowak' });
    expect(bare.statusCode, bare.body).toBe(201);
    expect(bare.json()).toMatchObject({
      name: 'Nowak',
      firstName: null,
      locale: 'en',
      marketingConsent: false,
      consentAt: null,
      tags: [],
      address: null,
    });
    const refused = await create({ kind: 'person', lastName: 'Nowak', marketingConsent: false });
    expect(refused.json()).toMatchObject({
      marketingConsent: false,
      consentAt: expect.any(String),
    });
  });

  it('shows a Chinese name family name first, as it is read', async () => {
    const created = await create({ kind: 'person', firstName: '芳', lastName: '王', locale: 'zh' });
    expect(created.json()).toMatchObject({ name: '王芳', firstName: '芳', lastName: '王' });
  });

  it('creates a company with its travel policy and cost centres', async () => {
    const created = await create(company());
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      kind: 'company',
      name: 'Globex s.r.o.',
      companyName: 'Globex s.r.o.',
      firstName: null,
      lastName: null,
      companyId: null,
      vatId: 'CZ27654321',
      registrationId: '27654321',
      // Parts of the policy not given set no limit.
      travelPolicy: {
        maxPricePerNight: { amount: 350_000, currency: 'CZK' },
        maxPricePerTrip: null,
        allowedRoomTypeCodes: null,
        allowedTransportClasses: ['Y', '2'],
        minAdvanceDays: 7,
        requireApproval: false,
      },
      costCentres: ['Sales', 'R&D'],
      approverIds: [],
    });
  });

  it("links a person to the company they work for and lists a company's employees", async () => {
    const { agency, cookie } = await bed.newAgency();
    const globex = await makeCompany(agency, { companyName: 'Globex s.r.o.' });
    const employee = await create(person({ companyId: globex.id }), cookie);
    expect(employee.statusCode, employee.body).toBe(201);
    expect(employee.json()).toMatchObject({ companyId: globex.id, employerName: 'Globex s.r.o.' });
    const outsider = await makePerson(agency);

    const staff = await bed.listedIds(cookie, `/api/v1/customers?companyId=${globex.id}`);
    expect(staff).toEqual([employee.json().id]);
    const persons = await bed.listedIds(cookie, '/api/v1/customers?kind=person');
    expect(persons).toEqual([outsider.id, employee.json().id]);
    const companies = await bed.listedIds(cookie, '/api/v1/customers?kind=company');
    expect(companies).toEqual([globex.id]);

    const left = await call(cookie, 'PATCH', `/api/v1/customers/${employee.json().id}`, {
      companyId: null,
    });
    expect(left.json()).toMatchObject({ companyId: null, employerName: null });
    expect(await bed.listedIds(cookie, `/api/v1/customers?companyId=${globex.id}`)).toEqual([]);
  });

  it('changes only the fields given; null clears an optional one; consent changes are timed', async () => {
    const customer = (await create(person({ marketingConsent: false }))).json();
    const patched = await asAgent('PATCH', `/api/v1/customers/${customer.id}`, {
      lastName: 'Šťastná-Dvořáková',
      phone: null,
      address: null,
      marketingConsent: true,
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const after = patched.json();
    expect(after).toMatchObject({
      name: 'Kateřina Šťastná-Dvořáková',
      firstName: 'Kateřina',
      email: 'katerina.stastna@example.test',
      phone: null,
      address: null,
      marketingConsent: true,
    });
    expect(after.consentAt > customer.consentAt).toBe(true);
    const audit = await bed.auditedChange(customer.id, 'customers.customer.updated');
    expect(audit.before).toMatchObject({ lastName: 'Šťastná', marketingConsent: false });
    expect(audit.after).toMatchObject({ lastName: 'Šťastná-Dvořáková', marketingConsent: true });

    // The same answer again is no new answer: its time stays.
    const again = await asAgent('PATCH', `/api/v1/customers/${customer.id}`, {
      marketingConsent: true,
    });
    expect(again.json().consentAt).toBe(after.consentAt);

    const kind = await asAgent('PATCH', `/api/v1/customers/${customer.id}`, { kind: 'company' });
    expect(kind.statusCode).toBe(400);
    expect(errorPaths(kind)).toEqual(['/kind']);
    const noName = await asAgent('PATCH', `/api/v1/customers/${customer.id}`, { lastName: ' ' });
    expect(noName.statusCode).toBe(400);
    expect(errorPaths(noName)).toEqual(['/lastName']);
  });

  it("replaces a company's travel policy whole, and clears it with null", async () => {
    const globex = (await create(company())).json();
    const stricter = await asAgent('PATCH', `/api/v1/customers/${globex.id}`, {
      travelPolicy: {
        maxPricePerTrip: { amount: 4_000_000, currency: 'CZK' },
        requireApproval: true,
      },
      costCentres: [],
    });
    expect(stricter.statusCode, stricter.body).toBe(200);
    expect(stricter.json()).toMatchObject({
      travelPolicy: {
        maxPricePerNight: null,
        maxPricePerTrip: { amount: 4_000_000, currency: 'CZK' },
        allowedTransportClasses: null,
        minAdvanceDays: null,
        requireApproval: true,
      },
      costCentres: [],
    });
    const cleared = await asAgent('PATCH', `/api/v1/customers/${globex.id}`, {
      travelPolicy: null,
    });
    expect(cleared.json().travelPolicy).toBeNull();
  });

  it('names the invalid field with 400 problem+json', async () => {
    const otherPerson = await makePerson(bed.agency);
    const theirCompany = await makeCompany(bed.other);
    const cases: [object, string[]][] = [
      [{ kind: 'person', firstName: 'Jan' }, ['/lastName']],
      [person({ lastName: '' }), ['/lastName']],
      [{ kind: 'company', vatId: 'CZ1' }, ['/companyName']],
      [person({ email: 'not-an-email' }), ['/email']],
      [person({ companyId: newId() }), ['/companyId']],
      [person({ companyId: otherPerson.id }), ['/companyId']],
      [person({ companyId: theirCompany.id }), ['/companyId']],
      [person({ birthDate: addDays(todayUtc(), 1) }), ['/birthDate']],
      [person({ nationality: 'cz' }), ['/nationality']],
      [person({ locale: 'de' }), ['/locale']],
      [person({ travelPolicy: { requireApproval: true } }), ['/travelPolicy']],
      [person({ companyName: 'Acme' }), ['/companyName']],
      [company({ lastName: 'Novák' }), ['/lastName']],
      [company({ companyId: newId() }), ['/companyId']],
      [
        company({ travelPolicy: { maxPricePerNight: { amount: 100, currency: 'ABC' } } }),
        ['/travelPolicy/maxPricePerNight/currency'],
      ],
      [
        company({ travelPolicy: { maxPricePerNight: { amount: 0, currency: 'CZK' } } }),
        ['/travelPolicy/maxPricePerNight/amount'],
      ],
      [
        company({ travelPolicy: { allowedRoomTypeCodes: [] } }),
        ['/travelPolicy/allowedRoomTypeCodes'],
      ],
      [{ kind: 'robot', lastName: 'X' }, ['/kind']],
    ];
    for (const [body, paths] of cases) {
      const response = await create(body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(errorPaths(response), JSON.stringify(body)).toEqual(paths);
    }
  });

  it('refuses an archived company as a new employer', async () => {
    const globex = await makeCompany(bed.agency);
    await asAgent('POST', `/api/v1/customers/${globex.id}/archive`);
    const response = await create(person({ companyId: globex.id }));
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([
      { path: '/companyId', message: 'is an archived company; restore it first' },
    ]);
  });

  it('finds customers by any word of name, e-mail or company, whatever the case and accents', async () => {
    const { agency, cookie } = await bed.newAgency();
    const globex = await makeCompany(agency, { companyName: 'Globex s.r.o.', email: null });
    const dvorak = await makePerson(agency, {
      firstName: 'Antonín',
      lastName: 'Dvořák',
      email: 'antonin@hudba.example',
      companyId: globex.id,
    });
    const lukasz = await makePerson(agency, {
      firstName: 'Łukasz',
      lastName: 'Żółkiewski',
      email: 'lz@poczta.example',
    });
    const ayse = await makePerson(agency, {
      firstName: 'Ayşe',
      lastName: 'Yılmaz',
      email: 'ayse@eposta.example',
    });
    const wang = await makePerson(agency, { firstName: '芳', lastName: '王', email: null });
    const percent = await makePerson(agency, { lastName: '100% Novák', email: null });
    const found = (q: string) =>
      bed.listedIds(cookie, `/api/v1/customers?q=${encodeURIComponent(q)}`);

    expect(await found('dvorak')).toEqual([dvorak.id]);
    expect(await found('DVOŘÁK')).toEqual([dvorak.id]);
    expect(await found('dvořak antonin')).toEqual([dvorak.id]);
    expect(await found('Antonin Dvorak')).toEqual([dvorak.id]);
    expect(await found('zolkiewski')).toEqual([lukasz.id]);
    expect(await found('łukasz')).toEqual([lukasz.id]);
    expect(await found('yilmaz')).toEqual([ayse.id]);
    expect(await found('AYSE')).toEqual([ayse.id]);
    expect(await found('王')).toEqual([wang.id]);
    expect(await found('王芳')).toEqual([wang.id]);
    expect(await found('hudba.example')).toEqual([dvorak.id]);
    // What finds a company (its name, e-mail, ids) finds the people who work for it too.
    expect(await found('globex')).toEqual([dvorak.id, globex.id]);
    expect(await found('cz12345678')).toEqual([dvorak.id, globex.id]);
    expect(await found('globex dvorak')).toEqual([dvorak.id]);
    // A % or _ typed is that character, not a wildcard.
    expect(await found('100%')).toEqual([percent.id]);
    expect(await found('%')).toEqual([percent.id]);
    expect(await found('_')).toEqual([]);
    expect(await found('nobody')).toEqual([]);
  });

  it('lists newest first and pages with the cursor', async () => {
    const { agency, cookie } = await bed.newAgency();
    const first = await makePerson(agency);
    const second = await makeCompany(agency);
    const third = await makePerson(agency);
    const page1 = await call(cookie, 'GET', '/api/v1/customers?limit=2');
    expect(page1.json().items.map((c: { id: string }) => c.id)).toEqual([third.id, second.id]);
    const page2 = await call(
      cookie,
      'GET',
      `/api/v1/customers?limit=2&cursor=${page1.json().nextCursor}`,
    );
    expect(page2.json()).toEqual({
      items: [expect.objectContaining({ id: first.id })],
      nextCursor: null,
    });
  });

  it('archives a person and a company: hidden from the default list, then restored', async () => {
    for (const make of [makePerson, makeCompany]) {
      const { agency, cookie } = await bed.newAgency();
      const customer = await make(agency);
      const { archived, restored } = await bed.expectArchiveAndRestore(
        cookie,
        '/api/v1/customers',
        customer.id,
        {
          whileArchived: async () => {
            const got = await call(cookie, 'GET', `/api/v1/customers/${customer.id}`);
            expect(got.json()).toMatchObject({ archived: true });
          },
        },
      );
      expect(archived.statusCode).toBe(200);
      expect(restored.statusCode).toBe(200);
      expect(await bed.listedIds(cookie, '/api/v1/customers')).toEqual([customer.id]);
      expect(await bed.auditedActions(customer.id)).toEqual([
        'customers.customer.created',
        'customers.customer.archived',
        'customers.customer.restored',
      ]);
    }
  });

  it("sets a company's approvers: approvers of the same agency only", async () => {
    const { agency, approverId, secondApproverId, agentId, adminCookie } =
      await agencyWithApprovers();
    const globex = await makeCompany(agency);
    const url = `/api/v1/customers/${globex.id}/approvers`;

    const set = await call(adminCookie, 'PUT', url, {
      userIds: [secondApproverId, approverId, secondApproverId],
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().approverIds).toEqual([approverId, secondApproverId].sort());
    const got = await call(adminCookie, 'GET', `/api/v1/customers/${globex.id}`);
    expect(got.json().approverIds).toEqual([approverId, secondApproverId].sort());
    const listed = await call(adminCookie, 'GET', '/api/v1/customers?kind=company');
    expect(listed.json().items[0].approverIds).toEqual([approverId, secondApproverId].sort());

    const agentToo = await call(adminCookie, 'PUT', url, { userIds: [approverId, agentId] });
    expect(agentToo.statusCode).toBe(400);
    expect(agentToo.json().errors).toEqual([
      { path: '/userIds/1', message: 'has the role agent; only approvers approve bookings' },
    ]);
    const theirs = await userByEmail(database(), bed.other.agencyId, bed.other.adminEmail);
    const foreign = await call(adminCookie, 'PUT', url, { userIds: [theirs.id, newId()] });
    expect(foreign.statusCode).toBe(400);
    expect(errorPaths(foreign)).toEqual(['/userIds/0', '/userIds/1']);
    expect((await call(adminCookie, 'GET', `/api/v1/customers/${globex.id}`)).json()).toMatchObject(
      { approverIds: [approverId, secondApproverId].sort() },
    );

    const person = await makePerson(agency);
    const onPerson = await call(adminCookie, 'PUT', `/api/v1/customers/${person.id}/approvers`, {
      userIds: [approverId],
    });
    expect(onPerson.statusCode).toBe(409);
    expect(onPerson.headers['content-type']).toContain('application/problem+json');

    const none = await call(adminCookie, 'PUT', url, { userIds: [] });
    expect(none.json().approverIds).toEqual([]);
    expect(await bed.auditedActions(globex.id)).toEqual([
      'customers.customer.created',
      'customers.customer.approvers_set',
      'customers.customer.approvers_set',
    ]);
  });

  it('lets customer service write, an accountant only read (403 for writes)', async () => {
    const { serviceCookie } = await agencyWithApprovers();
    const byService = await create(person(), serviceCookie);
    expect(byService.statusCode, byService.body).toBe(201);

    const customer = await makeCompany(bed.agency);
    const read = await call(bed.accountantCookie, 'GET', `/api/v1/customers/${customer.id}`);
    expect(read.statusCode).toBe(200);
    expect(
      (await call(bed.accountantCookie, 'GET', '/api/v1/customers?q=initech')).statusCode,
    ).toBe(200);
    await bed.expectEachAnswers(
      bed.accountantCookie,
      [
        ['POST', '/api/v1/customers', person()],
        ['PATCH', `/api/v1/customers/${customer.id}`, { companyName: 'Nope' }],
        ['POST', `/api/v1/customers/${customer.id}/archive`],
        ['POST', `/api/v1/customers/${customer.id}/restore`],
        ['PUT', `/api/v1/customers/${customer.id}/approvers`, { userIds: [] }],
      ],
      { status: 403, problemJson: true },
    );
    expect((await asAgent('GET', `/api/v1/customers/${customer.id}`)).json().name).toBe(
      customer.name,
    );
  });

  it("answers 404 for another agency's customer and changes nothing", async () => {
    const theirs = await makeCompany(bed.other, { companyName: 'Theirs a.s.' });
    await bed.expectEachAnswers(
      bed.agentCookie,
      [
        ['GET', `/api/v1/customers/${theirs.id}`],
        ['PATCH', `/api/v1/customers/${theirs.id}`, { companyName: 'Hijacked' }],
        ['POST', `/api/v1/customers/${theirs.id}/archive`],
        ['POST', `/api/v1/customers/${theirs.id}/restore`],
        ['PUT', `/api/v1/customers/${theirs.id}/approvers`, { userIds: [] }],
        ['GET', `/api/v1/customers/${newId()}`],
      ],
      { status: 404, problemJson: true },
    );
    const still = await call(bed.otherCookie, 'GET', `/api/v1/customers/${theirs.id}`);
    expect(still.json()).toMatchObject({ name: 'Theirs a.s.', archived: false });
    const mine = await asAgent('GET', '/api/v1/customers?limit=200&q=theirs');
    expect(mine.json().items).toEqual([]);
    const employees = await asAgent('GET', `/api/v1/customers?companyId=${theirs.id}`);
    expect(employees.json().items).toEqual([]);
  });
});
