// The back-office bookings list (B10) over HTTP: every filter alone and combined, each sort
// order paged through its cursors with no duplicate and no gap, 400s naming the field, and
// who sees which bookings. Expected results are computed from the stored rows, so each filter
// is checked against the data rather than against itself.
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bookThroughApi,
  insertBookings,
  insertOffer,
  makeBookableTour,
} from '../../../../tests/helpers/booking-factories.ts';
import { makeCompany, makePerson } from '../../../../tests/helpers/customer-factories.ts';
import { describeEachDatabase } from '../../../../tests/helpers/database.ts';
import {
  makeAgency,
  makeTestApp,
  signIn,
  type TestAgency,
  uniqueSuffix,
  userByEmail,
} from '../../../../tests/helpers/factories.ts';
import { newId } from '../../db/ids.ts';
import { json } from '../../db/json.ts';
import { isOnline } from '../pricing/types.ts';
import { bookingSorts } from './list-filters.ts';

interface Stored {
  id: string;
  number: string;
  status: string;
  channel: string;
  customerId: string;
  startDate: string;
  createdAtKey: string;
  total: number;
  openActions: number;
  /** Required actions, open or done. */
  actions: number;
  approval: string;
  offerId: string | null;
  variantId: string | null;
  createdBy: string | null;
  destination: string | null;
}

interface Item {
  id: string;
  number: string;
  cost?: number | null;
  margin?: number | null;
  [field: string]: unknown;
}

const statuses = [
  'web_reservation',
  'internal_reservation',
  'checked',
  'ordered',
  'confirmed',
  'paid',
  'departed',
  'cancelled',
];
const channels = ['web', 'phone', 'email', 'walk_in', 'marketplace', 'gds', 'api'];
const names = [
  { firstName: 'Zuzana', lastName: 'Horáková' },
  { firstName: 'Łukasz', lastName: 'Wiśniewski' },
  { firstName: 'Ayşe', lastName: 'Yılmaz' },
  { firstName: 'Marie', lastName: 'Černá' },
];

describeEachDatabase('bookings list', (database) => {
  let app: FastifyInstance;
  let agency: TestAgency;
  const cookies: Record<'agent' | 'customer' | 'partner' | 'otherPartner', string> = {
    agent: '',
    customer: '',
    partner: '',
    otherPartner: '',
  };
  const people: Record<'jana' | 'dvorak' | 'company' | 'employee', string> = {
    jana: '',
    dvorak: '',
    company: '',
    employee: '',
  };
  let employeeEmail = '';
  let customerUserId = '';
  let partnerOffer = '';
  let ownOffer = '';
  let viaApi: { id: string; number: string };
  let viaPortal: { id: string; number: string };
  let stored: Stored[] = [];

  const get = async (url: string, who: keyof typeof cookies = 'agent') =>
    app.inject({ method: 'GET', url, headers: { cookie: cookies[who] } });
  const list = async (query: string, who: keyof typeof cookies = 'agent') => {
    const response = await get(`/api/v1/bookings?limit=200&${query}`, who);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json() as { items: Item[]; nextCursor: string | null };
    expect(body.nextCursor).toBeNull();
    return body.items;
  };
  const ids = (items: Array<{ id: string }>) => items.map((item) => item.id).sort();
  /** The stored bookings `pred` selects: never none and never all, so a test can fail. */
  const expected = (pred: (row: Stored) => boolean) => {
    const chosen = stored.filter(pred);
    expect(chosen.length).toBeGreaterThan(0);
    expect(chosen.length).toBeLessThan(stored.length);
    return ids(chosen);
  };

  beforeAll(async () => {
    app = await makeTestApp(database());
    const s = uniqueSuffix();
    const emails = {
      agent: `agent-${s}@list.test`,
      customer: `customer-${s}@list.test`,
      partner: `partner-${s}@list.test`,
      otherPartner: `partner2-${s}@list.test`,
    };
    agency = await makeAgency(database(), {
      users: [
        { role: 'agent', email: emails.agent },
        { role: 'customer', email: emails.customer },
        { role: 'partner', email: emails.partner },
        { role: 'partner', email: emails.otherPartner },
      ],
    });
    for (const who of Object.keys(emails) as Array<keyof typeof emails>) {
      cookies[who] = (await signIn(app, emails[who])).cookie;
    }
    const agentUserId = (await userByEmail(database(), agency.agencyId, emails.agent)).id;
    customerUserId = (await userByEmail(database(), agency.agencyId, emails.customer)).id;
    const partnerUserId = (await userByEmail(database(), agency.agencyId, emails.partner)).id;

    const crete = await makeBookableTour(agency);
    const krakow = await makeBookableTour(agency, { city: 'Kraków', country: 'PL' });
    people.jana = (
      await makePerson(agency, {
        firstName: 'Jana',
        lastName: 'Nováková',
        // The customer user's own record: a customer books only for themselves.
        email: emails.customer,
      })
    ).id;
    people.dvorak = (await makePerson(agency)).id;
    people.company = (await makeCompany(agency)).id;
    employeeEmail = `petr.svoboda.${s}@initech.example`;
    people.employee = (
      await makePerson(agency, {
        firstName: 'Petr',
        lastName: 'Svoboda',
        email: employeeEmail,
        companyId: people.company,
      })
    ).id;
    partnerOffer = await insertOffer(database(), agency, {
      code: `SLEVO-${s}`,
      partnerUserId,
      variants: ['2N', '3N'],
    });
    ownOffer = await insertOffer(database(), agency, { code: `OWN-${s}` });

    // Three through the API: the Novák family (with a PNR), a portal booking, an offer's.
    viaApi = await bookThroughApi(app, cookies.agent, {
      ...crete,
      customerId: people.dvorak,
      travellers: [
        { firstName: 'Jana', lastName: 'Nováková', birthDate: '1985-03-12', email: 'jn@x.test' },
        { firstName: 'Petr', lastName: 'Novák', birthDate: '1984-01-30' },
        { firstName: 'Eliška', lastName: 'Nováková', birthDate: '2023-09-01' },
      ],
      more: { pnr: 'GDS9ZX' },
    });
    viaPortal = await bookThroughApi(app, cookies.customer, {
      ...crete,
      channel: 'web',
      customerId: people.jana,
      travellers: [
        { firstName: 'Tomáš', lastName: 'Dvořák', birthDate: '1985-03-12' },
        { firstName: 'Lucie', lastName: 'Dvořáková', birthDate: '1984-01-30' },
        { firstName: 'Adam', lastName: 'Dvořák', birthDate: '2023-09-01' },
      ],
    });
    await bookThroughApi(app, cookies.agent, {
      ...crete,
      customerId: people.employee,
      travellers: [
        { firstName: 'Petr', lastName: 'Svoboda', birthDate: '1985-03-12' },
        { firstName: 'Hana', lastName: 'Svobodová', birthDate: '1984-01-30' },
        { firstName: 'Ema', lastName: 'Svobodová', birthDate: '2023-09-01' },
      ],
      more: { offerId: partnerOffer, variantId: '2N' },
    });

    // 24 more, written directly, in every status and channel; totals, departures and
    // creation days repeat, so each sort has ties for the id to break.
    const customers = [people.jana, people.dvorak, people.company, people.employee];
    const fixtures = Array.from({ length: 24 }, (_, i) => ({
      number: `2029-9${String(i).padStart(5, '0')}`,
      status: statuses[i % 8],
      channel: channels[i % 7],
      productId: i % 3 === 0 ? krakow.tourId : crete.tourId,
      customerId: customers[i % 4] as string,
      total: ((i % 5) + 3) * 100_00,
      cost: i % 2 === 0 ? ((i % 5) + 2) * 100_00 : null,
      startDate: `2030-08-0${1 + (i % 6)}`,
      endDate: '2030-08-20',
      createdAt: `2029-03-${String(1 + (i % 12)).padStart(2, '0')}T10:00:00.000000Z`,
      openActions: i % 4 === 1 ? 2 : i === 7 ? 1 : 0,
      approval: (['none', 'none', 'pending', 'none', 'none', 'approved'] as const)[i % 6],
      offerId: i % 5 === 0 ? partnerOffer : i % 5 === 3 ? ownOffer : null,
      variantId: i % 10 === 0 ? '3N' : null,
      createdBy: i % 7 === 4 ? customerUserId : agentUserId,
      travellers: [{ ...names[i % 4], email: `t${i}@example.test` }] as Array<{
        firstName: string;
        lastName: string;
        email: string;
      }>,
    }));
    // Creation instants at the edges of a UTC day, and two within one millisecond.
    for (const [i, createdAt] of [
      [24, '2029-03-05T23:59:59.999999Z'],
      [25, '2029-03-06T00:00:00.000000Z'],
      [26, '2029-03-07T10:00:00.123456Z'],
      [27, '2029-03-07T10:00:00.123789Z'],
    ] as const) {
      fixtures.push({
        ...(fixtures[i - 24] as (typeof fixtures)[number]),
        number: `2029-9${String(i).padStart(5, '0')}`,
        createdAt,
      });
    }
    await insertBookings(database(), agency, fixtures);
    // Required actions as the booking service writes them: two open on every fourth booking
    // from the second, one open on a cancelled one (2029-900007), one done on the others of
    // every fourth from the fourth; the rest have none at all.
    const numbered = await database()
      .db.selectFrom('bookings')
      .select(['id', 'number'])
      .where('agencyId', '=', agency.agencyId)
      .where('number', 'like', '2029-9%')
      .execute();
    const actionRows = numbered.flatMap((b) => {
      const i = Number(b.number.slice(-5));
      const open = i % 4 === 1 ? 2 : i === 7 ? 1 : 0;
      const done = i % 4 === 3 && i !== 7 ? 1 : 0;
      return Array.from({ length: open + done }, (_, position) => ({
        id: newId(),
        agencyId: agency.agencyId,
        bookingId: b.id,
        position,
        code: `A${position}`,
        kind: 'documents' as const,
        title: json({ en: 'Passport copy' }),
        instructions: json({ en: 'Send it' }),
        doneAt: position < open ? null : new Date('2029-04-01T10:00:00Z'),
        doneByName: position < open ? null : 'Agent',
      }));
    });
    await database().db.insertInto('bookingRequiredActions').values(actionRows).execute();

    stored = (await database()
      .db.selectFrom('bookings')
      .select([
        'id',
        'number',
        'status',
        'channel',
        'customerId',
        'startDate',
        'total',
        'openActions',
        sql<number>`(select count(*) from booking_required_actions a
          where a.agency_id = bookings.agency_id and a.booking_id = bookings.id)::int`.as(
          'actions',
        ),
        'approval',
        'offerId',
        'variantId',
        'createdBy',
        'destination',
        sql<string>`to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as(
          'createdAtKey',
        ),
      ])
      .where('agencyId', '=', agency.agencyId)
      .execute()) as Stored[];
    expect(stored).toHaveLength(31);
  });
  afterAll(() => app.close());

  it('lists every booking of the agency to staff, newest first, with costs and margins', async () => {
    const items = await list('');
    expect(ids(items)).toEqual(ids(stored));
    const api = items.find((item) => item.id === viaApi.id);
    // 2 adults × 7 nights × 100,00 + the child's 7 × 50,00 = 1 750,00; cost 2 × 7 × 70,00.
    expect(api).toMatchObject({
      number: viaApi.number,
      status: 'internal_reservation',
      channel: 'phone',
      online: false,
      productKind: 'tour',
      destination: 'Hersonissos, GR',
      from: '2030-07-06',
      to: '2030-07-13',
      party: { adults: 2, childAges: [6] },
      currency: 'EUR',
      total: 1750_00,
      customer: { id: people.dvorak, kind: 'person', name: 'Jan Dvořák' },
      leadTraveller: 'Jana Nováková',
      travellerCount: 3,
      pnr: 'GDS9ZX',
      approval: 'none',
      openActions: 0,
    });
    expect(api?.cost).toEqual(expect.any(Number));
    expect(api?.margin).toBe(1750_00 - (api?.cost as number));
    const company = items.find((item) => item.number === '2029-900002');
    expect(company).toMatchObject({
      customer: { id: people.company, kind: 'company' },
      destination: 'Hersonissos, GR',
      leadTraveller: 'Ayşe Yılmaz',
      total: 500_00,
      cost: 400_00,
      margin: 100_00,
    });
    const withOffer = items.find((item) => item.number === '2029-900000');
    expect(withOffer).toMatchObject({
      offerId: partnerOffer,
      offerCode: expect.stringMatching(/^SLEVO-/),
      variantId: '3N',
      destination: 'Kraków, PL',
      cost: 200_00,
    });
  });

  describe('filters', () => {
    it('by one status, or several comma-separated', async () => {
      expect(ids(await list('status=confirmed'))).toEqual(
        expected((r) => r.status === 'confirmed'),
      );
      expect(ids(await list('status=confirmed,paid,web_reservation'))).toEqual(
        expected((r) => ['confirmed', 'paid', 'web_reservation'].includes(r.status)),
      );
    });

    it('by channel, comma lists, and online or typed by staff', async () => {
      expect(ids(await list('channel=phone'))).toEqual(expected((r) => r.channel === 'phone'));
      expect(ids(await list('channel=email,walk_in'))).toEqual(
        expected((r) => r.channel === 'email' || r.channel === 'walk_in'),
      );
      expect(ids(await list('online=true'))).toEqual(expected((r) => isOnline(r.channel)));
      const offline = expected((r) => !isOnline(r.channel));
      expect(ids(await list('online=false'))).toEqual(offline);
      expect(offline.length).toBeGreaterThan(0);
      // Both given: the channels that are both.
      expect(await list('channel=web&online=false')).toEqual([]);
      expect(ids(await list('channel=web,phone&online=true'))).toEqual(
        expected((r) => r.channel === 'web'),
      );
    });

    it('by offer and variant', async () => {
      expect(ids(await list(`offerId=${partnerOffer}`))).toEqual(
        expected((r) => r.offerId === partnerOffer),
      );
      expect(ids(await list(`offerId=${partnerOffer}&variantId=2N`))).toEqual(
        expected((r) => r.offerId === partnerOffer && r.variantId === '2N'),
      );
      expect(ids(await list('variantId=3N'))).toEqual(expected((r) => r.variantId === '3N'));
    });

    it("by customer: a company's own bookings and its employees'", async () => {
      expect(ids(await list(`customerId=${people.company}`))).toEqual(
        expected((r) => r.customerId === people.company || r.customerId === people.employee),
      );
      expect(ids(await list(`customerId=${people.employee}`))).toEqual(
        expected((r) => r.customerId === people.employee),
      );
      expect(ids(await list(`customerId=${people.jana}`))).toEqual(
        expected((r) => r.customerId === people.jana),
      );
    });

    it('by required actions done or open, and by approval', async () => {
      // Done: every action done, and there were some; a booking without any is neither.
      expect(ids(await list('actionDone=true'))).toEqual(
        expected((r) => r.actions > 0 && r.openActions === 0),
      );
      // Not done: open actions on a booking that still travels (not the cancelled one).
      expect(stored.some((r) => r.status === 'cancelled' && r.openActions > 0)).toBe(true);
      expect(ids(await list('actionDone=false'))).toEqual(
        expected((r) => r.openActions > 0 && r.status !== 'cancelled'),
      );
      expect(ids(await list('approval=pending'))).toEqual(
        expected((r) => r.approval === 'pending'),
      );
      expect(ids(await list('approval=approved'))).toEqual(
        expected((r) => r.approval === 'approved'),
      );
    });

    it('by departure between from and to, both inclusive', async () => {
      expect(ids(await list('from=2030-08-02&to=2030-08-04'))).toEqual(
        expected((r) => r.startDate >= '2030-08-02' && r.startDate <= '2030-08-04'),
      );
      expect(ids(await list('to=2030-07-31'))).toEqual(
        expected((r) => r.startDate <= '2030-07-31'),
      );
      expect(ids(await list('from=2030-08-06'))).toEqual(
        expected((r) => r.startDate >= '2030-08-06'),
      );
    });

    it('by creation day (UTC), both ends inclusive to the last microsecond', async () => {
      const day = (r: Stored) => r.createdAtKey.slice(0, 10);
      const march3to5 = expected((r) => day(r) >= '2029-03-03' && day(r) <= '2029-03-05');
      expect(ids(await list('createdFrom=2029-03-03&createdTo=2029-03-05'))).toEqual(march3to5);
      const lastMoment = stored.find((r) => r.createdAtKey === '2029-03-05T23:59:59.999999Z');
      const nextDay = stored.find((r) => r.createdAtKey === '2029-03-06T00:00:00.000000Z');
      expect(march3to5).toContain(lastMoment?.id);
      expect(march3to5).not.toContain(nextDay?.id);
      expect(ids(await list('createdFrom=2029-03-06&createdTo=2029-03-06'))).toEqual(
        expected((r) => day(r) === '2029-03-06'),
      );
    });

    it('by destination, whatever the case and accents', async () => {
      const krakow = expected((r) => r.destination === 'Kraków, PL');
      expect(ids(await list('destination=krakow'))).toEqual(krakow);
      expect(ids(await list(`destination=${encodeURIComponent('KRAKÓW')}`))).toEqual(krakow);
      expect(ids(await list('destination=hersonissos,%20gr'))).toEqual(
        expected((r) => r.destination === 'Hersonissos, GR'),
      );
      expect(await list('destination=berlin')).toEqual([]);
    });

    it('by q: number, PNR, traveller names without diacritics, customer name and e-mail', async () => {
      expect(ids(await list(`q=${viaApi.number}`))).toEqual([viaApi.id]);
      expect(ids(await list('q=gds9zx'))).toEqual([viaApi.id]);
      // "novakova": the Nováková travellers of the API booking, and customer Jana Nováková's.
      expect(ids(await list('q=novakova'))).toEqual(
        expected((r) => r.id === viaApi.id || r.customerId === people.jana),
      );
      expect(ids(await list('q=WISNIEWSKI'))).toEqual(
        expected((r) => r.number >= '2029-9' && Number(r.number.slice(-2)) % 4 === 1),
      );
      expect(ids(await list('q=yilmaz'))).toEqual(
        expected((r) => r.number >= '2029-9' && Number(r.number.slice(-2)) % 4 === 2),
      );
      expect(ids(await list(`q=${encodeURIComponent(employeeEmail)}`))).toEqual(
        expected((r) => r.customerId === people.employee),
      );
      expect(ids(await list('q=t7@example.test'))).toEqual(
        expected((r) => r.number === '2029-900007'),
      );
      // Every word must be found, each in the booking's text or the customer's.
      expect(ids(await list('q=novakova%20gds9zx'))).toEqual([viaApi.id]);
      // Traveller Jana with customer Jan Dvořák; customer Jana with travellers Dvořák.
      expect(ids(await list('q=jana%20dvorak'))).toEqual([viaApi.id, viaPortal.id].sort());
      expect(await list('q=nobody-by-this-name')).toEqual([]);
      // % and _ are text, not wildcards.
      expect(await list('q=%25')).toEqual([]);
    });

    it('combines filters', async () => {
      expect(
        ids(await list(`online=false&actionDone=true&customerId=${people.company}&to=2030-08-04`)),
      ).toEqual(
        expected(
          (r) =>
            !isOnline(r.channel) &&
            r.actions > 0 &&
            r.openActions === 0 &&
            (r.customerId === people.company || r.customerId === people.employee) &&
            r.startDate <= '2030-08-04',
        ),
      );
      expect(
        ids(await list('status=confirmed,paid,checked,ordered&destination=krakow&q=horakova')),
      ).toEqual(
        expected(
          (r) =>
            ['confirmed', 'paid', 'checked', 'ordered'].includes(r.status) &&
            r.destination === 'Kraków, PL' &&
            r.number >= '2029-9' &&
            Number(r.number.slice(-2)) % 4 === 0,
        ),
      );
    });
  });

  describe('sorting and paging', () => {
    const keyOf: Record<string, (r: Stored) => string | number> = {
      createdAt: (r) => r.createdAtKey,
      from: (r) => r.startDate,
      number: (r) => r.number,
      total: (r) => Number(r.total),
    };
    for (const sort of bookingSorts) {
      it(`pages through sort=${sort} with cursors, in order, no duplicate and no gap`, async () => {
        const descending = sort.startsWith('-');
        const key = keyOf[sort.replace('-', '')] as (r: Stored) => string | number;
        const order = [...stored].sort((a, b) => {
          const [ka, kb] = [key(a), key(b)];
          const byKey = ka < kb ? -1 : ka > kb ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
          return descending ? -byKey : byKey;
        });
        const seen: string[] = [];
        let cursor: string | null = null;
        let pages = 0;
        do {
          const url: string = `/api/v1/bookings?sort=${sort}&limit=4${cursor ? `&cursor=${cursor}` : ''}`;
          const response = await get(url);
          expect(response.statusCode, response.body).toBe(200);
          const page = response.json() as { items: Item[]; nextCursor: string | null };
          expect(page.items.length).toBeLessThanOrEqual(4);
          seen.push(...page.items.map((item) => item.id));
          cursor = page.nextCursor;
          pages += 1;
        } while (cursor !== null && pages < 20);
        expect(pages).toBe(Math.ceil(stored.length / 4));
        expect(new Set(seen).size).toBe(seen.length);
        expect(seen).toEqual(order.map((r) => r.id));
      });
    }

    it('sorts newest first by default', async () => {
      const items = await list('');
      const keys = items.map((item) => stored.find((r) => r.id === item.id)?.createdAtKey ?? '');
      expect(keys).toEqual([...keys].sort().reverse());
      // The two made within one millisecond come in their microsecond order.
      const within = items
        .map((item) => item.number)
        .filter((n) => n === '2029-900026' || n === '2029-900027');
      expect(within).toEqual(['2029-900027', '2029-900026']);
    });

    it('keeps the filters while paging', async () => {
      const first = (await get('/api/v1/bookings?status=confirmed,paid&limit=2')).json();
      expect(first.items).toHaveLength(2);
      const second = (
        await get(`/api/v1/bookings?status=confirmed,paid&limit=200&cursor=${first.nextCursor}`)
      ).json();
      expect(ids([...first.items, ...second.items])).toEqual(
        expected((r) => r.status === 'confirmed' || r.status === 'paid'),
      );
    });
  });

  describe('refusals', () => {
    const refused = async (query: string, path: string) => {
      const response = await get(`/api/v1/bookings?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    };

    it('answers unknown statuses, channels and sorts with 400 naming the field', async () => {
      await refused('status=confirmed,bogus', '/status');
      await refused('channel=fax', '/channel');
      await refused('sort=price', '/sort');
      await refused('approval=maybe', '/approval');
      await refused('online=perhaps', '/online');
      await refused('actionDone=2', '/actionDone');
      await refused('customerId=42', '/customerId');
      await refused('offerId=SLEVO', '/offerId');
      await refused('from=2030-02-30', '/from');
      await refused('limit=0', '/limit');
      await refused('limit=201', '/limit');
      await refused('colour=red', '/colour');
    });

    it('refuses ranges that end before they start', async () => {
      await refused('from=2030-08-05&to=2030-08-01', '/to');
      await refused('createdFrom=2029-03-05&createdTo=2029-03-01', '/createdTo');
    });

    it('refuses a cursor it did not issue, or one of another sort order', async () => {
      await refused('cursor=garbage', '/cursor');
      const forged = Buffer.from(JSON.stringify({ s: 'total', k: 'x', id: stored[0]?.id }));
      await refused(`cursor=${forged.toString('base64url')}`, '/cursor');
      const page = (await get('/api/v1/bookings?sort=-createdAt&limit=2')).json();
      expect(page.nextCursor).toEqual(expect.any(String));
      await refused(`sort=total&cursor=${page.nextCursor}`, '/cursor');
      await refused(`sort=createdAt&cursor=${page.nextCursor}`, '/cursor');
    });

    it('refuses forged cursor keys the database could not read, instead of failing', async () => {
      const id = stored[0]?.id;
      for (const [sort, key] of [
        ['-createdAt', '2029-02-30T10:00:00.000000Z'],
        ['-createdAt', '2029-03-01T24:00:00.000000Z'],
        ['-createdAt', '2029-03-01T10:00:00.000Z'],
        ['from', '0000-01-01'],
        ['from', '2030-13-01'],
        ['number', 'a\u0000b'],
        ['total', 1.5],
        ['total', '100'],
      ] as const) {
        const cursor = Buffer.from(JSON.stringify({ s: sort, k: key, id })).toString('base64url');
        await refused(`sort=${sort}&cursor=${cursor}`, '/cursor');
      }
    });
  });

  it('never answers any mix of filters, sorts and forged cursors with a 5xx', async () => {
    const text = fc.oneof(
      fc.string(),
      fc.constantFrom('confirmed,paid', 'phone,', ',', 'true', '2030-08-01', '2029-02-30'),
      fc.constantFrom('%_\\', 'Kraków', '-1', '1e3', 'null', '9'.repeat(30), ' '),
    );
    const forgedCursor = fc
      .record({
        s: fc.constantFrom(...bookingSorts, 'x'),
        k: fc.oneof(fc.string(), fc.integer(), fc.double(), fc.constant(null), fc.date()),
        id: fc.oneof(fc.uuid(), fc.string()),
      })
      .map((c) => Buffer.from(JSON.stringify(c)).toString('base64url'));
    const params = fc.dictionary(
      fc.constantFrom(
        'status',
        'channel',
        'online',
        'offerId',
        'variantId',
        'customerId',
        'actionDone',
        'approval',
        'from',
        'to',
        'createdFrom',
        'createdTo',
        'destination',
        'q',
        'sort',
        'limit',
        'ids',
      ),
      text,
    );
    await fc.assert(
      fc.asyncProperty(
        params,
        fc.option(forgedCursor),
        fc.boolean(),
        async (query, cursor, csv) => {
          const search = new URLSearchParams(query);
          if (cursor !== null) search.set('cursor', cursor);
          if (csv) search.delete('limit');
          const response = await get(
            `/api/v1/bookings${csv ? '/export.csv' : ''}?${search.toString()}`,
          );
          expect(response.statusCode, `${search}`).toBeLessThan(500);
        },
      ),
      { numRuns: 200 },
    );
  });

  describe('visibility', () => {
    it('shows a customer only the bookings they made, without costs', async () => {
      const items = await list('', 'customer');
      expect(ids(items)).toEqual(expected((r) => r.createdBy === customerUserId));
      for (const item of items) {
        expect(item).not.toHaveProperty('cost');
        expect(item).not.toHaveProperty('margin');
      }
      // Filters narrow what they may see; they never widen it.
      expect(ids(await list(`customerId=${people.jana}`, 'customer'))).toEqual(
        expected((r) => r.createdBy === customerUserId && r.customerId === people.jana),
      );
    });

    it("shows a partner only its own offers' bookings, without costs", async () => {
      const items = await list('', 'partner');
      expect(ids(items)).toEqual(expected((r) => r.offerId === partnerOffer));
      expect(items.every((item) => !('cost' in item) && !('margin' in item))).toBe(true);
      expect(await list(`offerId=${ownOffer}`, 'partner')).toEqual([]);
      expect(await list('', 'otherPartner')).toEqual([]);
      expect(await list(`q=${viaApi.number}`, 'otherPartner')).toEqual([]);
    });

    it("never shows another agency's bookings", async () => {
      const other = await makeAgency(database());
      const { cookie } = await signIn(app, other.adminEmail);
      const response = await app.inject({
        method: 'GET',
        url: `/api/v1/bookings?limit=200&customerId=${people.jana}`,
        headers: { cookie },
      });
      expect(response.json().items).toEqual([]);
      const all = await app.inject({ method: 'GET', url: '/api/v1/bookings', headers: { cookie } });
      expect(all.json()).toEqual({ items: [], nextCursor: null });
    });

    it('needs a signed-in user', async () => {
      const response = await app.inject({ method: 'GET', url: '/api/v1/bookings' });
      expect(response.statusCode).toBe(401);
    });
  });
});
