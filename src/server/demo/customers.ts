// The demo agency's customers: the company Globex (with its own price list in pricing.ts, a
// travel policy, cost centres and Ayşe Yılmaz as its approver) and travellers from the
// markets Vltava Tours sells to — Czech, Polish, Turkish and Chinese — two of them Globex
// employees, and a couple who share one family e-mail. Created through the customers
// service, so the demo rows pass the same checks as the API's.
import type { Ctx } from '../context.ts';
import { createCustomer, setApprovers } from '../modules/customers/service.ts';
import type { CreateCustomerInput } from '../modules/customers/types.ts';
import { findUserByEmail } from '../modules/identity/repo.ts';
import { demoCorporateCustomerId } from './pricing.ts';

/** The user (role approver) who approves Globex's bookings. */
export const demoGlobexApproverEmail = 'ayse.yilmaz@globex.example';

const persons = {
  janDvorak: {
    kind: 'person',
    firstName: 'Jan',
    lastName: 'Dvořák',
    birthDate: '1979-03-14',
    nationality: 'CZ',
    email: 'jan.dvorak@globex.example',
    phone: '+420 602 318 447',
    locale: 'cs',
    tags: ['firemní'],
    notes: 'Obchodní cesty do Splitu; preferuje pokoj v tichém patře.',
  },
  katerinaStastna: {
    kind: 'person',
    firstName: 'Kateřina',
    lastName: 'Šťastná',
    birthDate: '1988-11-02',
    nationality: 'CZ',
    email: 'katerina.stastna@globex.example',
    phone: '+420 731 550 912',
    locale: 'cs',
    tags: ['firemní'],
  },
  petrCerny: {
    kind: 'person',
    firstName: 'Petr',
    lastName: 'Černý',
    birthDate: '1975-07-21',
    nationality: 'CZ',
    email: 'cerni.rodina@posta.example',
    phone: '+420 777 204 381',
    address: { street: 'Křižíkova 148/34', city: 'Praha 8', postalCode: '186 00', country: 'CZ' },
    locale: 'cs',
    marketingConsent: true,
    tags: ['rodina', 'stálý zákazník'],
    notes: 'Jezdí každé léto s dětmi k moři (Makarská).',
  },
  lucieCerna: {
    kind: 'person',
    firstName: 'Lucie',
    lastName: 'Černá',
    birthDate: '1978-01-09',
    nationality: 'CZ',
    // The family's one address, shared with her husband: e-mails are not unique.
    email: 'cerni.rodina@posta.example',
    locale: 'cs',
    tags: ['rodina'],
  },
  malgorzataWisniewska: {
    kind: 'person',
    firstName: 'Małgorzata',
    lastName: 'Wiśniewska',
    birthDate: '1984-09-30',
    nationality: 'PL',
    email: 'm.wisniewska@poczta.example',
    phone: '+48 601 222 874',
    address: { street: 'ul. Długa 17/4', city: 'Kraków', postalCode: '31-147', country: 'PL' },
    locale: 'pl',
    marketingConsent: true,
  },
  lukaszZolkiewski: {
    kind: 'person',
    firstName: 'Łukasz',
    lastName: 'Żółkiewski',
    birthDate: '1992-04-18',
    nationality: 'PL',
    email: 'lukasz.zolkiewski@poczta.example',
    phone: '+48 512 730 045',
    locale: 'pl',
    marketingConsent: false,
    tags: ['potápění'],
  },
  mehmetOzturk: {
    kind: 'person',
    firstName: 'Mehmet',
    lastName: 'Öztürk',
    birthDate: '1983-12-05',
    nationality: 'TR',
    email: 'mehmet.ozturk@eposta.example',
    phone: '+90 532 418 27 60',
    address: { street: 'Bağdat Caddesi 212', city: 'İstanbul', postalCode: '34728', country: 'TR' },
    locale: 'tr',
  },
  caglaYildirim: {
    kind: 'person',
    firstName: 'Çağla',
    lastName: 'Yıldırım',
    birthDate: '1996-06-23',
    nationality: 'TR',
    email: 'cagla.yildirim@eposta.example',
    locale: 'tr',
    marketingConsent: true,
  },
  wangFang: {
    kind: 'person',
    firstName: '芳',
    lastName: '王',
    birthDate: '1990-02-11',
    nationality: 'CN',
    email: 'wang.fang@youxiang.example',
    phone: '+86 138 0013 8000',
    address: { city: '上海', country: 'CN' },
    locale: 'zh',
    notes: '第一次来欧洲旅行，需要中文导游。',
  },
} satisfies Record<string, CreateCustomerInput>;

type PersonKey = keyof typeof persons;
const globexEmployees: readonly PersonKey[] = ['janDvorak', 'katerinaStastna'];

export interface DemoCustomersSummary {
  globexId: string;
  approverUserIds: string[];
  personIds: Record<PersonKey, string>;
  globexEmployeeIds: string[];
}

/** Creates the demo's customers; before the prices, whose Globex list points at Globex. */
export async function seedDemoCustomers(ctx: Ctx): Promise<DemoCustomersSummary> {
  const globex = await createCustomer(
    ctx,
    {
      kind: 'company',
      companyName: 'Globex s.r.o.',
      vatId: 'CZ27654321',
      registrationId: '27654321',
      email: 'travel@globex.example',
      phone: '+420 222 333 444',
      address: { street: 'Na Příkopě 15', city: 'Praha 1', postalCode: '110 00', country: 'CZ' },
      locale: 'cs',
      notes: 'Firemní ceník na Makarskou letecky; faktury na nákladové středisko.',
      tags: ['firemní klient'],
      travelPolicy: {
        maxPricePerNight: { amount: 350_000, currency: 'CZK' },
        maxPricePerTrip: null,
        allowedRoomTypeCodes: null,
        // Economy seats, second class, standard coach seats: no first class.
        allowedTransportClasses: ['Y', '2', 'STD'],
        minAdvanceDays: 7,
        requireApproval: false,
      },
      costCentres: ['Obchod', 'Vývoj', 'Marketing'],
    },
    { id: demoCorporateCustomerId },
  );
  const approver = await findUserByEmail(ctx.db, ctx.agencyId, demoGlobexApproverEmail);
  if (!approver) throw new Error(`the demo approver ${demoGlobexApproverEmail} is missing`);
  await setApprovers(ctx, globex.id, [approver.id]);

  const personIds = {} as Record<PersonKey, string>;
  for (const [key, person] of Object.entries(persons) as [PersonKey, CreateCustomerInput][]) {
    const companyId = globexEmployees.includes(key) ? globex.id : null;
    personIds[key] = (await createCustomer(ctx, { ...person, companyId })).id;
  }
  return {
    globexId: globex.id,
    approverUserIds: [approver.id],
    personIds,
    globexEmployeeIds: globexEmployees.map((key) => personIds[key]),
  };
}
