// The demo's bookings: one list fed by every channel (portal, phone, e-mail, walk-in, a
// marketplace deal, GDS, API), at every step of the life cycle the demo can reach, some with
// their required actions done and some not, and one waiting for Globex's approver. They are
// made through the same services as real bookings (quote → booking → transitions), so what
// the back office shows is exactly what the code produces.
import { addDays } from '../calendar.ts';
import type { Ctx } from '../context.ts';
import type { RequiredActionTemplate } from '../db/schema.ts';
import { cancelBooking } from '../modules/bookings/cancel-booking.ts';
import { createBooking } from '../modules/bookings/create-booking.ts';
import { setActionDone } from '../modules/bookings/required-actions.ts';
import type { BookingStatus } from '../modules/bookings/state-machine.ts';
import { answerLine } from '../modules/bookings/supplier-answers.ts';
import { moveBooking } from '../modules/bookings/transitions.ts';
import type { TravellerInput } from '../modules/bookings/travellers.ts';
import { findUserByEmail } from '../modules/identity/repo.ts';
import { createOffer } from '../modules/offers/service.ts';
import { instalmentsOf } from '../modules/payments/repo.ts';
import { recordPayment } from '../modules/payments/service.ts';
import type { PaymentMethod } from '../modules/payments/types.ts';
import { createQuote } from '../modules/pricing/quotes-service.ts';
import type { Channel } from '../modules/pricing/types.ts';
import type { DemoCatalogSummary } from './catalog.ts';
import type { DemoCustomersSummary } from './customers.ts';

export interface DemoBookingsSummary {
  offerIds: { marketplace: string; portal: string };
  bookingIds: string[];
  pendingApprovalId: string;
}

const agentEmail = 'jana.novakova@vltava-tours.example';
const partnerEmail = 'partner@dealhub.example';

const contract: RequiredActionTemplate = {
  code: 'CONTRACT',
  kind: 'sign_contract',
  title: {
    en: 'Sign the travel contract',
    cs: 'Podepište cestovní smlouvu',
    pl: 'Podpisz umowę o udział w imprezie',
    tr: 'Seyahat sözleşmesini imzalayın',
    zh: '签署旅游合同',
  },
  instructions: {
    en: 'Download the contract from your voucher, sign it and send it to info@vltava-tours.example.',
    cs: 'Stáhněte si smlouvu z voucheru, podepište ji a pošlete na info@vltava-tours.example.',
    pl: 'Pobierz umowę z vouchera, podpisz ją i wyślij na info@vltava-tours.example.',
    tr: 'Sözleşmeyi kuponunuzdan indirin, imzalayın ve info@vltava-tours.example adresine gönderin.',
    zh: '从您的凭证下载合同，签字后发送至 info@vltava-tours.example。',
  },
  dueDaysBeforeDeparture: 30,
};

const travellerDetails: RequiredActionTemplate = {
  code: 'TRAVELLERS',
  kind: 'traveller_details',
  title: {
    en: 'Send the travellers’ names and birth dates',
    cs: 'Pošlete jména a data narození cestujících',
    pl: 'Prześlij imiona i daty urodzenia podróżnych',
    tr: 'Yolcuların adlarını ve doğum tarihlerini gönderin',
    zh: '发送旅客姓名和出生日期',
  },
  instructions: {
    en: 'Reply to your booking e-mail with the full name and birth date of every traveller.',
    cs: 'Odpovězte na e-mail s rezervací a uveďte celé jméno a datum narození každého cestujícího.',
    pl: 'Odpowiedz na e-mail z rezerwacją, podając imię, nazwisko i datę urodzenia każdego podróżnego.',
    tr: 'Rezervasyon e-postanıza her yolcunun tam adı ve doğum tarihiyle yanıt verin.',
    zh: '请回复预订邮件，提供每位旅客的全名和出生日期。',
  },
  dueDaysBeforeDeparture: 14,
};

const passports: RequiredActionTemplate = {
  code: 'PASSPORTS',
  kind: 'documents',
  title: {
    en: 'Enter passport or ID card details',
    cs: 'Zadejte údaje z pasu nebo občanského průkazu',
    pl: 'Podaj dane paszportu lub dowodu osobistego',
    tr: 'Pasaport veya kimlik kartı bilgilerini girin',
    zh: '填写护照或身份证信息',
  },
  instructions: {
    en: 'The coach crosses borders: every traveller needs a valid passport or ID card, entered in My bookings.',
    cs: 'Autobus přejíždí hranice: každý cestující potřebuje platný pas nebo občanský průkaz, zadejte je v Mých rezervacích.',
    pl: 'Autokar przekracza granice: każdy podróżny potrzebuje ważnego paszportu lub dowodu, wpisz je w Moich rezerwacjach.',
    tr: 'Otobüs sınır geçiyor: her yolcunun geçerli pasaportu veya kimliği olmalı; Rezervasyonlarım sayfasına girin.',
    zh: '大巴需要过境：每位旅客都需要有效的护照或身份证，请在"我的预订"中填写。',
  },
  dueDaysBeforeDeparture: 7,
};

/** Travellers by family, adults first, with birth dates that fit the children's ages. */
function family(
  surname: string,
  adults: string[],
  children: Array<[string, number]>,
  year: number,
) {
  const grown: TravellerInput[] = adults.map((first, i) => ({
    firstName: first,
    lastName: surname,
    birthDate: `${year - 38 - i * 2}-0${(i % 9) + 1}-12`,
    nationality: 'CZ',
  }));
  const kids: TravellerInput[] = children.map(([first, age]) => ({
    firstName: first,
    lastName: surname,
    // Born in mid-December: `age` all through the summer's departures.
    birthDate: `${year - age - 1}-12-15`,
  }));
  return { travellers: [...grown, ...kids], childAges: children.map(([, age]) => age) };
}

interface DemoBooking {
  cancel?: string;
  channel: Channel;
  customer: string;
  ask: Record<string, unknown>;
  travellers: TravellerInput[];
  offer?: 'marketplace' | 'portal';
  variant?: string;
  moveTo?: BookingStatus[];
  actionsDone?: number;
  pnr?: string;
  notes?: string;
  /** Money received once it has moved: the deposit (first instalment) or everything. */
  pay?: { what: 'deposit' | 'full'; method: PaymentMethod };
  /** Made this many days before the demo's day, so its deposit is overdue now. */
  bookedDaysAgo?: number;
}

export async function seedDemoBookings(
  ctx: Ctx,
  catalog: DemoCatalogSummary,
  customers: DemoCustomersSummary,
  now: Date,
): Promise<DemoBookingsSummary> {
  const agent = await findUserByEmail(ctx.db, ctx.agencyId, agentEmail);
  const partner = await findUserByEmail(ctx.db, ctx.agencyId, partnerEmail);
  if (!agent || !partner) throw new Error('the demo agent and partner must exist first');
  const asAgent: Ctx = {
    ...ctx,
    actor: { type: 'user', id: agent.id, userId: agent.id, name: agent.name, role: 'agent' },
  };
  const { byDaysTourId, busTourId } = catalog.tours;
  const year = catalog.windows.summer.year;

  const marketplace = await createOffer(asAgent, {
    code: 'DH-48213',
    name: 'Rimini s plnou penzí – DealHub',
    partner: 'DealHub',
    partnerUserId: partner.id,
    productId: byDaysTourId,
    variants: [
      { code: '7N', name: '7 nocí, plná penze' },
      { code: '10N', name: '10 nocí, plná penze' },
    ],
    requiredActions: [contract, travellerDetails],
  });
  const portal = await createOffer(asAgent, {
    code: 'WEB-MAKARSKA',
    name: 'Makarská autobusem – portál',
    productId: busTourId,
    channels: ['web', 'phone', 'email', 'walk_in'],
    requiredActions: [passports],
  });

  const roomTypes = await ctx.db
    .selectFrom('roomTypes')
    .innerJoin('accommodations', 'accommodations.id', 'roomTypes.accommodationId')
    .select(['roomTypes.id', 'roomTypes.code', 'accommodations.city'])
    .where('roomTypes.agencyId', '=', ctx.agencyId)
    .execute();
  const room = (city: string, code: string) => {
    const found = roomTypes.find((r) => r.city === city && r.code === code);
    if (!found) throw new Error(`no ${code} room in ${city}`);
    return found.id;
  };
  const departures = await ctx.db
    .selectFrom('tourDepartures')
    .select(['id', 'startDate'])
    .where('agencyId', '=', ctx.agencyId)
    .where('tourId', '=', busTourId)
    .where('startDate', '>=', `${year}-06-01`)
    .orderBy('startDate')
    .execute();
  const departure = (n: number) => {
    const found = departures[n];
    if (!found) throw new Error(`the coach tour has no departure #${n}`);
    return found.id;
  };
  const rimini = (from: string, nights: number, childAges: number[], code = 'DBL') => ({
    productId: byDaysTourId,
    from,
    to: addDays(from, nights),
    party: { adults: 2, childAges },
    rooms: [{ roomTypeId: room('Rimini', code), adults: 2, childAges }],
  });
  const coach = (n: number, childAges: number[], stop = 'Praha, ÚAN Florenc') => ({
    productId: busTourId,
    departureId: departure(n),
    party: { adults: 2, childAges },
    rooms: [{ roomTypeId: room('Makarska', 'DBL'), adults: 2, childAges }],
    boardingPoint: stop,
  });

  // The season-opening charter's 7-night fly-and-stay departure at Hotel Adriatic.
  const [airMakarskaId] = catalog.tours.airTourIds as [string];
  const charter = await ctx.db
    .selectFrom('tourDepartures')
    .select('id')
    .where('agencyId', '=', ctx.agencyId)
    .where('tourId', '=', airMakarskaId)
    .where('nights', '=', 7)
    .orderBy('startDate')
    .executeTakeFirstOrThrow();
  const fly = (adults: number, childAges: number[], code = 'DBL') => ({
    productId: airMakarskaId,
    departureId: charter.id,
    party: { adults, childAges },
    rooms: [{ roomTypeId: room('Makarska', code), adults, childAges }],
    classCode: 'Y',
  });
  /** Travel documents valid well after the summer, as a flight abroad needs. */
  const documented = (travellers: TravellerInput[], prefix: string) =>
    travellers.map((t, i) => ({
      ...t,
      documentType: 'passport' as const,
      documentNumber: `${prefix}${4817203 + i * 1111}`,
      documentExpiry: `${year + 4}-03-31`,
    }));

  const novak = family('Novák', ['Martin', 'Lenka'], [['Tereza', 8]], year);
  const wisniewska = family('Wiśniewska', ['Małgorzata', 'Piotr'], [], year);
  const ozturk = family('Öztürk', ['Mehmet', 'Elif'], [['Deniz', 10]], year);
  const cerny = family('Černý', ['Petr', 'Lucie'], [], year);
  const wang = family('Wang', ['Fang', 'Wei'], [], year);
  const dvorak = family('Dvořák', ['Jan', 'Kateřina'], [], year);
  const zolkiewski = family('Żółkiewski', ['Łukasz', 'Anna'], [['Zofia', 5]], year);
  const yildirim = family('Yıldırım', ['Çağla', 'Emre'], [], year);
  const p = customers.personIds;

  const plan: DemoBooking[] = [
    {
      channel: 'web',
      customer: p.petrCerny,
      ask: coach(1, []),
      travellers: cerny.travellers,
      offer: 'portal',
      notes: 'Booked on the portal at night.',
    },
    {
      channel: 'phone',
      customer: p.lucieCerna,
      ask: coach(2, novak.childAges, 'Brno, Hotel Grand (Benešova)'),
      travellers: novak.travellers,
      moveTo: ['checked'],
      actionsDone: 1,
      notes: 'Called about a seat near the front; promised row 3 if free.',
    },
    {
      channel: 'marketplace',
      customer: p.malgorzataWisniewska,
      ask: rimini(`${year}-06-20`, 7, []),
      travellers: wisniewska.travellers,
      offer: 'marketplace',
      variant: '7N',
      moveTo: ['checked', 'ordered'],
      pay: { what: 'deposit', method: 'marketplace' },
      actionsDone: 2,
    },
    {
      channel: 'marketplace',
      customer: p.lukaszZolkiewski,
      ask: rimini(`${year}-07-04`, 10, zolkiewski.childAges, 'TRP'),
      travellers: zolkiewski.travellers,
      offer: 'marketplace',
      variant: '10N',
      actionsDone: 1,
    },
    {
      channel: 'marketplace',
      customer: p.caglaYildirim,
      ask: rimini(`${year}-09-05`, 7, []),
      travellers: yildirim.travellers,
      offer: 'marketplace',
      variant: '7N',
    },
    {
      channel: 'email',
      customer: p.mehmetOzturk,
      ask: rimini(`${year}-06-13`, 7, ozturk.childAges, 'TRP'),
      travellers: ozturk.travellers,
      moveTo: ['checked', 'ordered', 'confirmed'],
      // Paid in full once confirmed: the payment moves it on to paid.
      pay: { what: 'full', method: 'bank_transfer' },
      notes: 'Asked by e-mail for a family room with a sea view.',
    },
    {
      channel: 'walk_in',
      customer: p.petrCerny,
      ask: coach(3, []),
      travellers: dvorak.travellers,
      moveTo: ['checked', 'ordered', 'confirmed'],
      pay: { what: 'deposit', method: 'cash' },
      actionsDone: 1,
    },
    {
      channel: 'gds',
      customer: p.wangFang,
      ask: rimini(`${year}-07-18`, 7, []),
      travellers: wang.travellers,
      pnr: 'K7QZ2M',
      moveTo: ['checked'],
    },
    {
      channel: 'phone',
      customer: p.mehmetOzturk,
      ask: coach(4, []),
      travellers: family('Öztürk', ['Mehmet', 'Elif'], [], year).travellers,
      moveTo: ['checked'],
      cancel: 'The customer broke his leg; travel insurance claim to follow.',
    },
    {
      channel: 'api',
      customer: p.wangFang,
      ask: rimini(`${year}-09-12`, 5, []),
      travellers: family('Li', ['Na', 'Qiang'], [], year).travellers,
      moveTo: ['checked', 'ordered'],
      // Booked 12 days ago and nothing paid: its deposit is overdue.
      bookedDaysAgo: 12,
    },
  ];

  // The coach departure of the Černý couple fills up from every stop, with what the tour
  // leader must know (a diet, a medical note, whom to call) and a balance for the driver to
  // collect; the charter has two documented parties. Their lists are the demo's T3 example.
  const kovac = family('Kováč', ['Juraj', 'Zuzana'], [['Ema', 7]], year);
  plan.push(
    {
      channel: 'phone',
      customer: p.lucieCerna,
      ask: coach(1, kovac.childAges, 'Bratislava, AS Nivy'),
      travellers: documented(
        kovac.travellers.map((t) => ({
          ...t,
          nationality: 'SK',
          ...(t.firstName === 'Juraj' ? { phone: '+421 903 418 227' } : {}),
          ...(t.firstName === 'Ema' ? { diet: 'Gluten-free (coeliac)' } : {}),
          emergencyContact: 'Mária Kováčová (grandmother) +421 905 123 456',
        })),
        'SK',
      ),
      moveTo: ['checked', 'ordered', 'confirmed'],
      pay: { what: 'deposit', method: 'bank_transfer' },
      notes: 'Boards in Bratislava; travelling with a coeliac child.',
    },
    {
      channel: 'email',
      customer: p.petrCerny,
      ask: coach(1, [], 'Brno, Hotel Grand (Benešova)'),
      travellers: documented(
        [
          {
            firstName: 'Marie',
            lastName: 'Svobodová',
            birthDate: `${year - 61}-04-02`,
            nationality: 'CZ',
            phone: '+420 731 224 118',
            medicalNotes: 'Type 1 diabetes: carries insulin in her hand luggage.',
            emergencyContact: 'Pavel Svoboda (son) +420 604 889 120',
          },
          {
            firstName: 'Jana',
            lastName: 'Procházková',
            birthDate: `${year - 59}-11-23`,
            nationality: 'CZ',
            diet: 'Vegetarian',
            emergencyContact: 'Tomáš Procházka (husband) +420 605 447 301',
          },
        ],
        'CZ',
      ),
      moveTo: ['checked', 'ordered', 'confirmed'],
      pay: { what: 'full', method: 'card' },
      notes: 'Two friends sharing a twin room.',
    },
    {
      channel: 'web',
      customer: p.mehmetOzturk,
      ask: fly(2, []),
      travellers: documented(
        family('Marek', ['Tomáš', 'Hana'], [], year).travellers.map((t) => ({
          ...t,
          emergencyContact: 'Jiří Marek +420 602 555 019',
        })),
        'CZ',
      ),
      moveTo: ['checked', 'ordered', 'confirmed'],
      pay: { what: 'deposit', method: 'card' },
    },
    {
      channel: 'phone',
      customer: p.lukaszZolkiewski,
      ask: fly(2, [4], 'FAM'),
      travellers: documented(
        family('Kowalski', ['Adam', 'Ewa'], [['Julia', 4]], year).travellers.map((t) => ({
          ...t,
          nationality: 'PL',
          ...(t.firstName === 'Julia' ? { diet: 'Lactose-free' } : {}),
        })),
        'PL',
      ),
      moveTo: ['checked'],
    },
  );

  const bookingIds: string[] = [];
  for (const item of plan) {
    // Only the booking is dated back: its quote is priced today, with today's exchange rates.
    const bookedAt = new Date(now.getTime() - (item.bookedDaysAgo ?? 0) * 86_400_000);
    const quote = await createQuote(
      asAgent,
      { ...(item.ask as object), channel: item.channel, customerId: item.customer } as Parameters<
        typeof createQuote
      >[1],
      now,
    );
    const booking = await createBooking(
      asAgent,
      {
        quoteId: quote.id,
        customerId: item.customer,
        travellers: item.travellers,
        offerId: item.offer === 'marketplace' ? marketplace.id : null,
        variantId: item.variant ?? null,
        pnr: item.pnr ?? null,
        notes: item.notes ?? null,
      },
      bookedAt,
    );
    bookingIds.push(booking.id);
    const lines = await ctx.db
      .selectFrom('bookingLines')
      .select(['position'])
      .where('agencyId', '=', ctx.agencyId)
      .where('bookingId', '=', booking.id)
      .where('supplierStatus', '=', 'requested')
      .execute();
    for (const line of lines) {
      await answerLine(asAgent, booking.id, line.position, { answer: 'confirmed' }, now);
    }
    for (const to of item.moveTo ?? []) await moveBooking(asAgent, booking.id, { to }, now);
    if (item.pay) {
      const [deposit] = await instalmentsOf(ctx, booking.id);
      const { total } = await ctx.db
        .selectFrom('bookings')
        .select('total')
        .where('agencyId', '=', ctx.agencyId)
        .where('id', '=', booking.id)
        .executeTakeFirstOrThrow();
      const amount = item.pay.what === 'full' ? Number(total) : (deposit?.amount ?? 0);
      const reference = `DEMO-${booking.number}`;
      await recordPayment(asAgent, booking.id, { amount, method: item.pay.method, reference }, now);
    }
    if (item.cancel) await cancelBooking(asAgent, booking.id, { reason: item.cancel }, now);
    const actions = await ctx.db
      .selectFrom('bookingRequiredActions')
      .select('id')
      .where('agencyId', '=', ctx.agencyId)
      .where('bookingId', '=', booking.id)
      .orderBy('position')
      .limit(item.actionsDone ?? 0)
      .execute();
    for (const action of actions) {
      await setActionDone(asAgent, booking.id, action.id, { done: true }, now);
    }
  }

  // Kateřina works for Globex, whose policy caps the night at 3 500 Kč: a triple room in
  // Rimini for three colleagues costs more, so the booking waits for Globex's approver.
  const globexTrip = await createQuote(
    asAgent,
    {
      productId: byDaysTourId,
      from: `${year}-08-01`,
      to: `${year}-08-08`,
      party: { adults: 3, childAges: [] },
      rooms: [{ roomTypeId: room('Rimini', 'TRP'), adults: 3, childAges: [] }],
      channel: 'email',
      customerId: customers.globexId,
    } as Parameters<typeof createQuote>[1],
    now,
  );
  const pending = await createBooking(
    asAgent,
    {
      quoteId: globexTrip.id,
      customerId: customers.globexEmployeeIds[1] ?? customers.globexId,
      travellers: [
        ...family('Šťastná', ['Kateřina'], [], year).travellers,
        ...family('Dvořák', ['Jan'], [], year).travellers,
        ...family('Horák', ['Pavel'], [], year).travellers,
      ],
      notes: 'Sales conference in Rimini; cost centre Obchod.',
    },
    now,
  );
  bookingIds.push(pending.id);
  return {
    offerIds: { marketplace: marketplace.id, portal: portal.id },
    bookingIds,
    pendingApprovalId: pending.id,
  };
}
