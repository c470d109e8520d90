// The demo agency's catalog: what Vltava Tours sells in a real summer — hotels in Croatia and
// Italy with room types and allotments, a coach tour to Makarska every Saturday, a stay by
// days in Rimini, a charter flight to Split shared by two fly-and-stay tours, a train,
// attraction tickets and extra services. Everything goes through the catalog and inventory
// services, so the demo rows are exactly what the API would create. Dates are relative to
// today: the demo is loaded on first start at any time of year.
import { addDays, type CalendarDate, datesFromTo, isoWeekday, todayUtc } from '../calendar.ts';
import type { Ctx } from '../context.ts';
import type { LocalizedText } from '../db/schema.ts';
import {
  type AccommodationView,
  type CreateAccommodationInput,
  createAccommodation,
} from '../modules/catalog/accommodations-service.ts';
import {
  type CreateAttractionInput,
  createAttraction,
  setTicketCapacity,
} from '../modules/catalog/attractions-service.ts';
import {
  type CreateExtraServiceInput,
  createExtraService,
  setServiceCapacity,
} from '../modules/catalog/extra-services-service.ts';
import { type CreateSupplierInput, createSupplier } from '../modules/catalog/suppliers-service.ts';
import { createTour, type TourDepartureInput } from '../modules/catalog/tours-service.ts';
import {
  type CreateTransportInput,
  createTransport,
} from '../modules/catalog/transport-service.ts';
import { listUsers } from '../modules/identity/repo.ts';
import { createPool } from '../modules/inventory/pools-service.ts';
import {
  listResourcesOf,
  setCapacity,
  setRestrictions,
  updateResourceAlerts,
} from '../modules/inventory/service.ts';
import type { CapacitySettings } from '../modules/inventory/types.ts';
import { putLayout } from '../modules/seating/service.ts';
import { a320TwoClass, coach49, minibus19 } from '../modules/seating/vehicles.ts';

export interface DateRange {
  from: CalendarDate;
  to: CalendarDate;
}

/**
 * When the demo sells: `lastMinute` from two weeks ahead for up to 120 days (so the calendar
 * has dates right away, whatever the date), and `summer`, June to September of the next year
 * whose 1 June is at least 30 days ahead. The two never overlap: `lastMinute` stops the night
 * before the summer starts.
 */
export interface DemoSaleWindows {
  lastMinute: DateRange;
  summer: DateRange & { year: number };
}

export function demoSaleWindows(today: CalendarDate): DemoSaleWindows {
  let year = Number(today.slice(0, 4));
  if (`${year}-06-01` < addDays(today, 30)) year += 1;
  const summer = { from: `${year}-06-01`, to: `${year}-09-30`, year };
  const lastMinuteEnd = addDays(today, 120);
  return {
    lastMinute: {
      from: addDays(today, 14),
      to: lastMinuteEnd < summer.from ? lastMinuteEnd : addDays(summer.from, -1),
    },
    summer,
  };
}

export interface DemoCatalogSummary {
  windows: DemoSaleWindows;
  supplierIds: string[];
  accommodations: { id: string; name: string; country: string; roomTypeIds: string[] }[];
  transports: {
    busId: string;
    busReturnId: string;
    flightId: string;
    flightReturnId: string;
    trainId: string;
    /** The minibus from Split airport to Makarska on the charter's Saturdays. */
    shuttleId: string;
  };
  tours: {
    /** Fixed departures every Saturday, by coach to Makarska, 7 nights. */
    busTourId: string;
    /** Sold by days (3 to 14 nights, any arrival day) in Rimini. */
    byDaysTourId: string;
    /** The two fly-and-stay tours on the opening charter (members of the pool). */
    airTourIds: string[];
  };
  attractionIds: string[];
  extraServiceIds: string[];
  poolId: string;
  counts: {
    suppliers: number;
    accommodations: number;
    roomTypes: number;
    transports: number;
    transportDepartures: number;
    tours: number;
    tourDepartures: number;
    attractions: number;
    extraServices: number;
    pools: number;
  };
}

// --- content ------------------------------------------------------------------------------

const text = (en: string, cs: string, pl?: string): LocalizedText =>
  pl ? { en, cs, pl } : { en, cs };

const suppliers = {
  adriatic: {
    name: 'Adriatic Hotels d.o.o.',
    kind: 'hotel',
    currency: 'EUR',
    paymentTermsDays: 30,
    email: 'reservations@adriatic-makarska.example',
    phone: '+385 21 612 400',
    vatId: 'HR48213706119',
    address: {
      street: 'Obala kralja Tomislava 12',
      city: 'Makarska',
      postalCode: '21300',
      country: 'HR',
    },
    contacts: [
      { name: 'Ivana Perić', role: 'reservations', email: 'ivana.peric@adriatic-makarska.example' },
      { name: 'Marko Jurić', role: 'contracting', phone: '+385 98 114 2207' },
    ],
    notes: 'Allotment contract: release 14 days, payment 30 days after the guests leave.',
  },
  marina: {
    name: 'Villa Marina Split j.d.o.o.',
    kind: 'hotel',
    currency: 'EUR',
    paymentTermsDays: 14,
    email: 'booking@villamarina-split.example',
    phone: '+385 21 345 980',
    address: { street: 'Put Firula 7', city: 'Split', postalCode: '21000', country: 'HR' },
    contacts: [{ name: 'Ante Božić', role: 'owner', phone: '+385 91 455 7720' }],
    notes: 'Family-run apartments: September and last-minute stays are confirmed on request.',
  },
  bellaVista: {
    name: 'Bella Vista Hotels S.r.l.',
    kind: 'hotel',
    currency: 'EUR',
    paymentTermsDays: 30,
    email: 'booking@bellavista-rimini.example',
    phone: '+39 0541 372 118',
    vatId: 'IT03821740409',
    address: {
      street: 'Viale Regina Elena 88',
      city: 'Rimini',
      postalCode: '47921',
      country: 'IT',
    },
    contacts: [{ name: 'Giulia Ricci', role: 'sales', email: 'giulia@bellavista-rimini.example' }],
    notes: 'Ferragosto (mid-August): minimum stay 7 nights, no arrivals 14–16 August.',
  },
  coach: {
    name: 'Autobusy Horák s.r.o.',
    kind: 'carrier',
    currency: 'CZK',
    paymentTermsDays: 14,
    email: 'dispecink@autobusy-horak.example',
    phone: '+420 602 318 440',
    vatId: 'CZ27145921',
    address: { street: 'Průmyslová 1420', city: 'Praha 10', postalCode: '102 00', country: 'CZ' },
    notes: 'Two coaches of 49 seats, two drivers on the overnight legs.',
  },
  airline: {
    name: 'Smartwings, a.s.',
    kind: 'carrier',
    currency: 'CZK',
    paymentTermsDays: 7,
    email: 'charter@smartwings.example',
    address: { street: 'K Letišti 1068/30', city: 'Praha 6', postalCode: '160 08', country: 'CZ' },
    notes: 'Summer charter PRG–SPU on Saturdays, Airbus A320: 12 business and 168 economy seats.',
  },
  rail: {
    name: 'České dráhy, a.s.',
    kind: 'carrier',
    currency: 'CZK',
    paymentTermsDays: 14,
    email: 'skupiny@cd.example',
    address: {
      street: 'nábřeží L. Svobody 1222',
      city: 'Praha 1',
      postalCode: '110 15',
      country: 'CZ',
    },
    notes: 'Group contingent on the railjets to Vienna.',
  },
  transfers: {
    name: 'Dalmatia Transfers d.o.o.',
    kind: 'ground_handler',
    currency: 'EUR',
    paymentTermsDays: 14,
    email: 'ops@dalmatia-transfers.example',
    phone: '+385 21 203 555',
    address: { city: 'Split', postalCode: '21000', country: 'HR' },
  },
  diving: {
    name: 'Blue Lagoon Diving Makarska',
    kind: 'ground_handler',
    currency: 'EUR',
    paymentTermsDays: 7,
    email: 'dive@bluelagoon-makarska.example',
    phone: '+385 99 640 1188',
    address: { city: 'Makarska', postalCode: '21300', country: 'HR' },
  },
  split: {
    name: 'Turistička zajednica grada Splita',
    kind: 'attraction',
    currency: 'EUR',
    paymentTermsDays: 14,
    email: 'groups@visitsplit.example',
    address: { city: 'Split', country: 'HR' },
  },
  krka: {
    name: 'Javna ustanova Nacionalni park Krka',
    kind: 'attraction',
    currency: 'EUR',
    paymentTermsDays: 14,
    email: 'prodaja@npkrka.example',
    address: { city: 'Šibenik', postalCode: '22000', country: 'HR' },
  },
  miniatura: {
    name: 'Italia in Miniatura S.r.l.',
    kind: 'attraction',
    currency: 'EUR',
    paymentTermsDays: 30,
    email: 'gruppi@italiainminiatura.example',
    address: { city: 'Rimini', postalCode: '47922', country: 'IT' },
  },
  insurer: {
    name: 'Vltava Assistance pojišťovna a.s.',
    kind: 'insurer',
    currency: 'CZK',
    paymentTermsDays: 30,
    email: 'partneri@vltava-assistance.example',
    phone: '+420 221 500 500',
    address: { city: 'Praha 2', postalCode: '120 00', country: 'CZ' },
  },
} satisfies Record<string, CreateSupplierInput>;

type SupplierKey = keyof typeof suppliers;

const hotels = {
  adriatic: (supplierId: string): CreateAccommodationInput => ({
    supplierId,
    name: 'Hotel Adriatic Makarska',
    kind: 'hotel',
    street: 'Obala kralja Tomislava 12',
    city: 'Makarska',
    postalCode: '21300',
    country: 'HR',
    latitude: 43.2937,
    longitude: 17.0179,
    stars: 4,
    boardTypes: ['BB', 'HB'],
    description: text(
      'A four-star hotel on the promenade of Makarska, 50 m from the pebble beach, with an outdoor pool, a wellness area and a restaurant serving Dalmatian cuisine. Half board: buffet breakfast and dinner.',
      'Čtyřhvězdičkový hotel na promenádě v Makarské, 50 m od oblázkové pláže, s venkovním bazénem, wellness a restaurací s dalmatskou kuchyní. Polopenze: snídaně a večeře formou bufetu.',
      'Czterogwiazdkowy hotel na promenadzie w Makarskiej, 50 m od żwirowej plaży, z basenem odkrytym, strefą wellness i restauracją z kuchnią dalmatyńską. HB: śniadania i obiadokolacje w formie bufetu.',
    ),
    roomTypes: [
      {
        code: 'DBL',
        name: text(
          'Double room with balcony, sea view',
          'Dvoulůžkový pokoj s balkonem, výhled na moře',
          'Pokój dwuosobowy z balkonem, widok na morze',
        ),
        maxAdults: 2,
        maxChildren: 1,
        standardBeds: 2,
        extraBeds: 1,
      },
      {
        code: 'FAM',
        name: text(
          'Family room (2 adults + 2 children, two extra beds)',
          'Rodinný pokoj (2 dospělí + 2 děti, dvě přistýlky)',
          'Pokój rodzinny (2 dorosłych + 2 dzieci, dwie dostawki)',
        ),
        maxAdults: 2,
        maxChildren: 2,
        standardBeds: 2,
        extraBeds: 2,
      },
      {
        code: 'SGL',
        name: text(
          'Single room, park view',
          'Jednolůžkový pokoj, výhled do parku',
          'Pokój jednoosobowy, widok na park',
        ),
        maxAdults: 1,
        standardBeds: 1,
      },
    ],
  }),
  marina: (supplierId: string): CreateAccommodationInput => ({
    supplierId,
    name: 'Villa Marina Split',
    kind: 'apartment',
    street: 'Put Firula 7',
    city: 'Split',
    postalCode: '21000',
    country: 'HR',
    latitude: 43.5016,
    longitude: 16.4549,
    stars: 3,
    boardTypes: ['RO', 'BB'],
    description: text(
      'A family-run villa with studios and apartments a short walk from Firule beach and 20 minutes on foot from Diocletian’s Palace. Breakfast is served on the terrace; half board can be added in the tavern next door.',
      'Rodinná vila se studii a apartmány kousek od pláže Firule a 20 minut pěšky od Diokleciánova paláce. Snídaně se podávají na terase, polopenzi lze přikoupit v konobě vedle.',
      'Rodzinna willa ze studiami i apartamentami niedaleko plaży Firule, 20 minut pieszo od Pałacu Dioklecjana. Śniadania podawane na tarasie, obiadokolację można dokupić w sąsiedniej konobie.',
    ),
    roomTypes: [
      {
        code: 'STU',
        name: text('Studio for 2', 'Studio pro 2 osoby', 'Studio dla 2 osób'),
        maxAdults: 2,
        standardBeds: 2,
      },
      {
        code: 'APP2',
        name: text(
          'Apartment 2+2 (bedroom and sofa bed)',
          'Apartmán 2+2 (ložnice a rozkládací gauč)',
          'Apartament 2+2 (sypialnia i rozkładana sofa)',
        ),
        maxAdults: 2,
        maxChildren: 2,
        standardBeds: 2,
        extraBeds: 2,
      },
      {
        code: 'APP4',
        name: text(
          'Apartment 4+1 with two bedrooms',
          'Apartmán 4+1 se dvěma ložnicemi',
          'Apartament 4+1 z dwiema sypialniami',
        ),
        maxAdults: 4,
        maxChildren: 1,
        standardBeds: 4,
        extraBeds: 1,
      },
    ],
  }),
  bellaVista: (supplierId: string): CreateAccommodationInput => ({
    supplierId,
    name: 'Hotel Bella Vista Rimini',
    kind: 'hotel',
    street: 'Viale Regina Elena 88',
    city: 'Rimini',
    postalCode: '47921',
    country: 'IT',
    latitude: 44.0479,
    longitude: 12.5916,
    stars: 3,
    boardTypes: ['HB', 'FB'],
    description: text(
      'A friendly three-star hotel in Marina Centro, across the road from the beach, with beach service (umbrella and two sunbeds per room) included. Full board with a choice of menus and a salad buffet.',
      'Přátelský tříhvězdičkový hotel v Marina Centro, přes ulici od pláže, se zahrnutým plážovým servisem (slunečník a dvě lehátka na pokoj). Plná penze s výběrem menu a salátovým bufetem.',
      'Przyjazny trzygwiazdkowy hotel w Marina Centro, po drugiej stronie ulicy od plaży, z serwisem plażowym w cenie (parasol i dwa leżaki na pokój). Pełne wyżywienie z wyborem menu i bufetem sałatkowym.',
    ),
    roomTypes: [
      {
        code: 'DBL',
        name: text(
          'Double room with balcony',
          'Dvoulůžkový pokoj s balkonem',
          'Pokój dwuosobowy z balkonem',
        ),
        maxAdults: 2,
        maxChildren: 1,
        standardBeds: 2,
        extraBeds: 1,
      },
      {
        code: 'TRP',
        name: text('Triple room', 'Třílůžkový pokoj', 'Pokój trzyosobowy'),
        maxAdults: 3,
        standardBeds: 3,
      },
      {
        code: 'SGL',
        name: text('Single room', 'Jednolůžkový pokoj', 'Pokój jednoosobowy'),
        maxAdults: 1,
        standardBeds: 1,
      },
    ],
  }),
};

// Rooms per night the agency holds, per room type code.
const adriaticRooms = {
  summer: { DBL: 20, FAM: 6, SGL: 4 },
  lastMinute: { DBL: 8, FAM: 3, SGL: 2 },
};
const marinaRooms = {
  allotment: { STU: 2, APP2: 4, APP4: 3 },
  onRequest: { STU: 1, APP2: 2, APP4: 2 },
};
const bellaVistaRooms = {
  summer: { DBL: 15, TRP: 5, SGL: 3 },
  lastMinute: { DBL: 6, TRP: 2, SGL: 2 },
};

const coachStops = [
  { name: 'Praha, ÚAN Florenc', city: 'Praha', country: 'CZ', time: '16:30', dayOffset: 0 },
  {
    name: 'Brno, Hotel Grand (Benešova)',
    city: 'Brno',
    country: 'CZ',
    time: '19:15',
    dayOffset: 0,
  },
  { name: 'Bratislava, AS Nivy', city: 'Bratislava', country: 'SK', time: '21:00', dayOffset: 0 },
  {
    name: 'Makarska, autobusni kolodvor',
    city: 'Makarska',
    country: 'HR',
    time: '09:30',
    dayOffset: 1,
  },
];

const coachReturnStops = [
  {
    name: 'Makarska, autobusni kolodvor',
    city: 'Makarska',
    country: 'HR',
    time: '18:00',
    dayOffset: 0,
  },
  { name: 'Bratislava, AS Nivy', city: 'Bratislava', country: 'SK', time: '06:15', dayOffset: 1 },
  {
    name: 'Brno, Hotel Grand (Benešova)',
    city: 'Brno',
    country: 'CZ',
    time: '08:00',
    dayOffset: 1,
  },
  { name: 'Praha, ÚAN Florenc', city: 'Praha', country: 'CZ', time: '10:45', dayOffset: 1 },
];

const attractions = {
  palace: (supplierId: string): CreateAttractionInput => ({
    supplierId,
    name: text(
      'Diocletian’s Palace and Cathedral of St. Domnius – guided tour',
      'Diokleciánův palác a katedrála sv. Dujma – prohlídka s průvodcem',
      'Pałac Dioklecjana i katedra św. Domniusa – zwiedzanie z przewodnikiem',
    ),
    description: text(
      'A two-hour walk through the Roman emperor’s palace: the Peristyle, the substructures, the cathedral, the treasury and the bell tower with its view over Split.',
      'Dvouhodinová procházka palácem římského císaře: Peristyl, podzemní sály, katedrála, klenotnice a zvonice s výhledem na Split.',
      'Dwugodzinny spacer po pałacu rzymskiego cesarza: Perystyl, podziemia, katedra, skarbiec i dzwonnica z widokiem na Split.',
    ),
    city: 'Split',
    country: 'HR',
    address: 'Peristil, 21000 Split',
    latitude: 43.5081,
    longitude: 16.4402,
    advanceBookingDays: 1,
    dated: true,
    timeSlots: ['09:00', '11:00', '14:00'],
    entrances: ['Brončana vrata (Bronze Gate)', 'Zlatna vrata (Golden Gate)'],
    includedItems: [
      text(
        'Cathedral, crypt and treasury',
        'Katedrála, krypta a klenotnice',
        'Katedra, krypta i skarbiec',
      ),
      text('Bell tower', 'Zvonice', 'Dzwonnica'),
      text(
        'Licensed guide (English or Czech)',
        'Licencovaný průvodce (česky nebo anglicky)',
        'Licencjonowany przewodnik (po angielsku lub czesku)',
      ),
    ],
    ticketTypes: [
      { category: 'adult', name: text('Adult', 'Dospělý', 'Dorosły'), minAge: 18, maxAge: 64 },
      {
        category: 'child',
        name: text('Child 7–17', 'Dítě 7–17 let', 'Dziecko 7–17 lat'),
        minAge: 7,
        maxAge: 17,
      },
      {
        category: 'student',
        name: text('Student (ISIC)', 'Student (ISIC)', 'Student (ISIC)'),
        minAge: 18,
        maxAge: 26,
      },
      { category: 'senior', name: text('Senior 65+', 'Senior 65+', 'Senior 65+'), minAge: 65 },
    ],
  }),
  krka: (supplierId: string): CreateAttractionInput => ({
    supplierId,
    name: text(
      'Krka National Park – entrance ticket',
      'Národní park Krka – vstupenka',
      'Park Narodowy Krka – bilet wstępu',
    ),
    description: text(
      'Open ticket for one visit to Skradinski buk and the boat to Visovac, valid for 90 days from purchase. Entrances Lozovac and Skradin.',
      'Otevřená vstupenka na jednu návštěvu Skradinského buku včetně lodi na Visovac, platná 90 dní od nákupu. Vstupy Lozovac a Skradin.',
      'Bilet otwarty na jedno zwiedzanie Skradinskiego buku z rejsem na Visovac, ważny 90 dni od zakupu. Wejścia Lozovac i Skradin.',
    ),
    city: 'Skradin',
    country: 'HR',
    address: 'Trg Ivana Pavla II. 5, 22222 Skradin',
    latitude: 43.8043,
    longitude: 15.9622,
    dated: false,
    validityDays: 90,
    entrances: ['Lozovac', 'Skradin'],
    includedItems: [
      text(
        'Boat Skradin – Skradinski buk',
        'Loď Skradin – Skradinski buk',
        'Łódź Skradin – Skradinski buk',
      ),
    ],
    ticketTypes: [
      { category: 'adult', name: text('Adult', 'Dospělý', 'Dorosły'), minAge: 18 },
      {
        category: 'child',
        name: text('Child 7–17', 'Dítě 7–17 let', 'Dziecko 7–17 lat'),
        minAge: 7,
        maxAge: 17,
      },
      {
        category: 'student',
        name: text('Student (ISIC)', 'Student (ISIC)', 'Student (ISIC)'),
        minAge: 18,
        maxAge: 26,
      },
    ],
  }),
  miniatura: (supplierId: string): CreateAttractionInput => ({
    supplierId,
    name: text(
      'Italia in Miniatura, Rimini',
      'Italia in Miniatura, Rimini',
      'Italia in Miniatura, Rimini',
    ),
    description: text(
      'Theme park with some 270 miniatures of Italian and European landmarks, Venice with gondolas and rides for children.',
      'Zábavní park s asi 270 miniaturami italských a evropských památek, Benátkami s gondolami a atrakcemi pro děti.',
      'Park rozrywki z około 270 miniaturami zabytków Włoch i Europy, Wenecją z gondolami i atrakcjami dla dzieci.',
    ),
    city: 'Rimini',
    country: 'IT',
    address: 'Via Popilia 239, 47922 Viserba di Rimini',
    latitude: 44.0882,
    longitude: 12.5379,
    dated: true,
    ticketTypes: [
      { category: 'adult', name: text('Adult', 'Dospělý', 'Dorosły'), minAge: 12 },
      {
        category: 'child',
        name: text('Child 3–11', 'Dítě 3–11 let', 'Dziecko 3–11 lat'),
        minAge: 3,
        maxAge: 11,
      },
      { category: 'senior', name: text('Senior 65+', 'Senior 65+', 'Senior 65+'), minAge: 65 },
      {
        category: 'family',
        name: text(
          'Family (2 adults + 2 children)',
          'Rodinná (2 dospělí + 2 děti)',
          'Rodzinny (2 dorosłych + 2 dzieci)',
        ),
      },
    ],
  }),
};

const extraServices = (s: Record<SupplierKey, string>): CreateExtraServiceInput[] => [
  {
    kind: 'insurance',
    code: 'INS-KOMPLET',
    name: text(
      'Travel insurance Komplet',
      'Cestovní pojištění Komplet',
      'Ubezpieczenie podróżne Komplet',
    ),
    description: text(
      'Medical expenses abroad up to CZK 5 million, injury, luggage, liability and cancellation up to 80 % of the price.',
      'Léčebné výlohy v zahraničí do 5 mil. Kč, úraz, zavazadla, odpovědnost a storno zájezdu do 80 % ceny.',
      'Koszty leczenia za granicą do 5 mln CZK, NNW, bagaż, OC i rezygnacja do 80 % ceny.',
    ),
    unit: 'per_person',
    supplierId: s.insurer,
  },
  {
    kind: 'transport',
    code: 'TRF-SPU-MAK',
    name: text(
      'Transfer Split airport – hotel in Makarska',
      'Transfer letiště Split – hotel v Makarské',
      'Transfer lotnisko Split – hotel w Makarskiej',
    ),
    description: text(
      'Private minivan for up to 8 people, meet & greet in the arrivals hall, about 75 minutes.',
      'Soukromý minibus až pro 8 osob, řidič čeká v příletové hale, jízda asi 75 minut.',
      'Prywatny minibus do 8 osób, kierowca czeka w hali przylotów, około 75 minut.',
    ),
    unit: 'per_booking',
    city: 'Split',
    country: 'HR',
    supplierId: s.transfers,
  },
  {
    kind: 'transport',
    code: 'TRF-SPU-SPL',
    name: text(
      'Transfer Split airport – Split city',
      'Transfer letiště Split – Split město',
      'Transfer lotnisko Split – centrum Splitu',
    ),
    unit: 'per_booking',
    city: 'Split',
    country: 'HR',
    supplierId: s.transfers,
  },
  {
    kind: 'board',
    code: 'HB-SUPP-SPLIT',
    name: text(
      'Half-board supplement (dinner in Konoba Firule)',
      'Příplatek za polopenzi (večeře v konobě Firule)',
      'Dopłata do HB (obiadokolacja w konobie Firule)',
    ),
    description: text(
      'Three-course dinner with a glass of house wine, next door to Villa Marina.',
      'Tříchodová večeře se sklenkou domácího vína, hned vedle Villy Marina.',
      'Trzydaniowa kolacja z kieliszkiem domowego wina, tuż obok Willi Marina.',
    ),
    unit: 'per_person_per_night',
    city: 'Split',
    country: 'HR',
    supplierId: s.marina,
  },
  {
    kind: 'local_service',
    code: 'DIVE-DISCOVER',
    name: text(
      'Diving course for beginners (Discover Scuba)',
      'Potápěčský kurz pro začátečníky (Discover Scuba)',
      'Kurs nurkowania dla początkujących (Discover Scuba)',
    ),
    description: text(
      'Theory, a pool session and an open-water dive to 12 m with an instructor; equipment included. Ages 10 and up, at most 6 people a day.',
      'Teorie, lekce v bazénu a ponor v moři do 12 m s instruktorem, výstroj v ceně. Od 10 let, nejvýše 6 osob denně.',
      'Teoria, zajęcia na basenie i nurkowanie w morzu do 12 m z instruktorem, sprzęt w cenie. Od 10 lat, maksymalnie 6 osób dziennie.',
    ),
    unit: 'per_person',
    city: 'Makarska',
    country: 'HR',
    supplierId: s.diving,
    limited: true,
  },
  {
    kind: 'local_service',
    code: 'BOAT-BRAC-HVAR',
    name: text(
      'Boat trip to Brač and Hvar with fish picnic',
      'Výlet lodí na Brač a Hvar s rybím piknikem',
      'Rejs na Brač i Hvar z piknikiem rybnym',
    ),
    unit: 'per_person',
    city: 'Makarska',
    country: 'HR',
    supplierId: s.transfers,
  },
];

// --- dates --------------------------------------------------------------------------------

const saturday = 6;

function covers(ranges: DateRange[], date: CalendarDate): boolean {
  return ranges.some((r) => r.from <= date && date <= r.to);
}

/** Saturdays in the ranges whose 7 nights all fall in the ranges too. */
function weekStartSaturdays(ranges: DateRange[]): CalendarDate[] {
  return ranges
    .flatMap((r) => datesFromTo(r.from, r.to))
    .filter((date) => isoWeekday(date) === saturday)
    .filter((date) => datesFromTo(date, addDays(date, 6)).every((night) => covers(ranges, night)));
}

// --- seeding ------------------------------------------------------------------------------

async function setRoomCapacity(
  ctx: Ctx,
  accommodation: AccommodationView,
  units: Record<string, number>,
  settings: Omit<CapacitySettings, 'units'>,
): Promise<void> {
  for (const roomType of accommodation.roomTypes) {
    const count = units[roomType.code];
    if (count === undefined) continue;
    await setCapacity(
      ctx,
      { kind: 'room_type', ownerId: roomType.id },
      `${accommodation.name} ${roomType.code}`,
      { ...settings, units: count },
    );
  }
}

async function restrictRooms(
  ctx: Ctx,
  accommodation: AccommodationView,
  settings: {
    from: CalendarDate;
    to: CalendarDate;
    stopSale?: boolean;
    minStay?: number;
    closedToArrival?: boolean;
  },
): Promise<void> {
  for (const roomType of accommodation.roomTypes) {
    await setRestrictions(ctx, { kind: 'room_type', ownerId: roomType.id }, settings);
  }
}

const roomTypeId = (accommodation: AccommodationView, code: string): string => {
  const roomType = accommodation.roomTypes.find((r) => r.code === code);
  if (!roomType) throw new Error(`demo: ${accommodation.name} has no room type ${code}`);
  return roomType.id;
};

/**
 * Creates the demo catalog in the agency of `ctx` (call it inside a transaction: it writes
 * a few thousand rows through the services). `now` fixes "today" for tests.
 */
export async function seedDemoCatalog(
  ctx: Ctx,
  now: Date = new Date(),
): Promise<DemoCatalogSummary> {
  const today = todayUtc(now);
  const windows = demoSaleWindows(today);
  const { lastMinute, summer } = windows;
  const periods = [lastMinute, summer];
  const agents = (await listUsers(ctx.db, ctx.agencyId, { role: 'agent', limit: 20 }))
    .filter((user) => user.disabledAt === null)
    .map((user) => user.id);

  // Suppliers: one per hotel and carrier, plus the ground handlers, attractions and insurer.
  const supplierIds = {} as Record<SupplierKey, string>;
  for (const [key, input] of Object.entries(suppliers) as [SupplierKey, CreateSupplierInput][]) {
    supplierIds[key] = (await createSupplier(ctx, input)).id;
  }

  // Hotels with their room types.
  const adriatic = await createAccommodation(ctx, hotels.adriatic(supplierIds.adriatic));
  const marina = await createAccommodation(ctx, hotels.marina(supplierIds.marina));
  const bellaVista = await createAccommodation(ctx, hotels.bellaVista(supplierIds.bellaVista));

  // Allotments. Hotel Adriatic: released 14 days before each night.
  await setRoomCapacity(ctx, adriatic, adriaticRooms.lastMinute, {
    ...lastMinute,
    kind: 'allotment',
    releaseDays: 14,
  });
  await setRoomCapacity(ctx, adriatic, adriaticRooms.summer, {
    ...summer,
    kind: 'allotment',
    releaseDays: 14,
  });
  // Villa Marina: an allotment in June to August; September and last minute on request.
  await setRoomCapacity(ctx, marina, marinaRooms.onRequest, { ...lastMinute, kind: 'on_request' });
  await setRoomCapacity(ctx, marina, marinaRooms.allotment, {
    from: summer.from,
    to: `${summer.year}-08-31`,
    kind: 'allotment',
    releaseDays: 21,
  });
  await setRoomCapacity(ctx, marina, marinaRooms.onRequest, {
    from: `${summer.year}-09-01`,
    to: summer.to,
    kind: 'on_request',
  });
  // Bella Vista: allotment released 7 days ahead; Ferragosto rules and a stop-sale night.
  for (const period of periods) {
    await setRoomCapacity(
      ctx,
      bellaVista,
      period === summer ? bellaVistaRooms.summer : bellaVistaRooms.lastMinute,
      { ...period, kind: 'allotment', releaseDays: 7 },
    );
  }
  await restrictRooms(ctx, bellaVista, {
    from: `${summer.year}-08-08`,
    to: `${summer.year}-08-21`,
    minStay: 7,
  });
  await restrictRooms(ctx, bellaVista, {
    from: `${summer.year}-08-14`,
    to: `${summer.year}-08-16`,
    closedToArrival: true,
  });
  const stopSaleNight = [addDays(lastMinute.from, 21), lastMinute.to].sort()[0] as CalendarDate;
  await restrictRooms(ctx, bellaVista, { from: stopSaleNight, to: stopSaleNight, stopSale: true });

  // Low stock on Hotel Adriatic's doubles: the agents hear of it.
  const [doubles] = await listResourcesOf(ctx, roomTypeId(adriatic, 'DBL'));
  if (doubles) {
    await updateResourceAlerts(ctx, doubles.id, { lowStockThreshold: 3, alertUserIds: agents });
  }

  // Transport. The coach leaves Prague on Friday afternoon and reaches Makarska on Saturday
  // morning, the first day of the stay; it goes back on the Saturday a week later.
  const tourSaturdays = weekStartSaturdays(periods);
  const allSaturdays = periods
    .flatMap((r) => datesFromTo(r.from, r.to))
    .filter((date) => isoWeekday(date) === saturday);
  const carrierFields = (key: SupplierKey, carrier: string) => ({
    supplierId: supplierIds[key],
    carrier,
  });
  const bus = await createTransport(ctx, {
    kind: 'bus',
    code: 'VT 801',
    name: 'Praha – Brno – Bratislava – Makarska',
    ...carrierFields('coach', 'Autobusy Horák'),
    classes: [{ code: 'STD', name: 'Standard seat' }],
    stops: coachStops,
    departures: tourSaturdays.map((date) => ({ date: addDays(date, -1), seats: { STD: 49 } })),
  });
  const busReturn = await createTransport(ctx, {
    kind: 'bus',
    code: 'VT 802',
    name: 'Makarska – Bratislava – Brno – Praha',
    ...carrierFields('coach', 'Autobusy Horák'),
    classes: [{ code: 'STD', name: 'Standard seat' }],
    stops: coachReturnStops,
    departures: tourSaturdays.map((date) => ({ date: addDays(date, 7), seats: { STD: 49 } })),
  });
  const flightFields = (code: string, stops: CreateTransportInput['stops']) => ({
    kind: 'flight' as const,
    code,
    ...carrierFields('airline', 'Smartwings'),
    classes: [
      { code: 'Y', name: 'Economy' },
      { code: 'J', name: 'Business' },
    ],
    stops,
  });
  const flight = await createTransport(ctx, {
    ...flightFields('QS 1234', [
      {
        name: 'Václav Havel Airport Prague',
        code: 'PRG',
        city: 'Praha',
        country: 'CZ',
        time: '06:05',
        dayOffset: 0,
      },
      {
        name: 'Split Airport',
        code: 'SPU',
        city: 'Split',
        country: 'HR',
        time: '07:40',
        dayOffset: 0,
      },
    ]),
    name: 'Praha – Split (charter)',
    departures: allSaturdays.map((date) => ({ date, seats: { Y: 168, J: 12 } })),
  });
  const flightReturn = await createTransport(ctx, {
    ...flightFields('QS 1235', [
      {
        name: 'Split Airport',
        code: 'SPU',
        city: 'Split',
        country: 'HR',
        time: '08:40',
        dayOffset: 0,
      },
      {
        name: 'Václav Havel Airport Prague',
        code: 'PRG',
        city: 'Praha',
        country: 'CZ',
        time: '10:15',
        dayOffset: 0,
      },
    ]),
    name: 'Split – Praha (charter)',
    departures: allSaturdays.map((date) => ({ date, seats: { Y: 168, J: 12 } })),
  });
  const train = await createTransport(ctx, {
    kind: 'train',
    code: 'RJ 73',
    name: 'Praha hl.n. – Brno hl.n. – Wien Hbf',
    ...carrierFields('rail', 'České dráhy / ÖBB'),
    classes: [
      { code: '1', name: '1st class' },
      { code: '2', name: '2nd class' },
    ],
    stops: [
      { name: 'Praha hl.n.', city: 'Praha', country: 'CZ', time: '08:49', dayOffset: 0 },
      { name: 'Pardubice hl.n.', city: 'Pardubice', country: 'CZ', time: '09:52', dayOffset: 0 },
      { name: 'Brno hl.n.', city: 'Brno', country: 'CZ', time: '11:28', dayOffset: 0 },
      { name: 'Břeclav', city: 'Břeclav', country: 'CZ', time: '12:03', dayOffset: 0 },
      { name: 'Wien Hbf', city: 'Wien', country: 'AT', time: '13:10', dayOffset: 0 },
    ],
    // The group contingent, every day of the next four weeks.
    departures: datesFromTo(addDays(today, 1), addDays(today, 28)).map((date) => ({
      date,
      seats: { '1': 10, '2': 40 },
    })),
  });
  // The airport shuttle: a minibus from Split airport to Makarska after the charter lands.
  const shuttle = await createTransport(ctx, {
    kind: 'bus',
    code: 'DT 15',
    name: 'Split Airport – Makarska (shuttle)',
    ...carrierFields('transfers', 'Dalmatia Transfers'),
    classes: [{ code: 'STD', name: 'Standard seat' }],
    stops: [
      {
        name: 'Split Airport',
        code: 'SPU',
        city: 'Split',
        country: 'HR',
        time: '08:30',
        dayOffset: 0,
      },
      {
        name: 'Makarska, Hotel Adriatic',
        city: 'Makarska',
        country: 'HR',
        time: '10:00',
        dayOffset: 0,
      },
    ],
    departures: allSaturdays.map((date) => ({ date, seats: { STD: 19 } })),
  });
  // Seat maps: the coach (driver and guide seats blocked), the A320 with business and
  // economy, the minibus. Put before any booking, so the demo's bookings are seated.
  for (const [transport, layout] of [
    [bus, coach49('STD', 'Setra S 516 HD, 49 seats')],
    [busReturn, coach49('STD', 'Setra S 516 HD, 49 seats')],
    [flight, a320TwoClass('Y', 'J', 'Airbus A320, 12 business + 168 economy')],
    [flightReturn, a320TwoClass('Y', 'J', 'Airbus A320, 12 business + 168 economy')],
    [shuttle, minibus19('STD', 'Mercedes-Benz Sprinter, 19 seats')],
  ] as const) {
    await putLayout(ctx, transport.id, { layout });
  }

  const departureOn = (transport: typeof bus, date: CalendarDate): string => {
    const departure = transport.departures.find((d) => d.date === date);
    if (!departure) throw new Error(`demo: ${transport.code} does not depart on ${date}`);
    return departure.id;
  };

  // Tours. The coach tour: every Saturday, 7 nights in Makarska with half board.
  const busTour = await createTour(ctx, {
    accommodationId: adriatic.id,
    transportId: bus.id,
    code: 'MAK-BUS-7',
    name: text(
      'Makarska by coach – 7 nights, half board',
      'Makarská autobusem – 7 nocí s polopenzí',
      'Makarska autokarem – 7 nocy z HB',
    ),
    description: text(
      'Overnight coach from Prague, Brno or Bratislava on Friday, a week at Hotel Adriatic on the Makarska Riviera, and the coach home on the following Saturday evening.',
      'Noční autobus z Prahy, Brna nebo Bratislavy v pátek, týden v hotelu Adriatic na Makarské riviéře a návrat autobusem následující sobotu večer.',
      'Nocny autokar z Pragi, Brna lub Bratysławy w piątek, tydzień w hotelu Adriatic na Riwierze Makarskiej i powrót autokarem w następną sobotę wieczorem.',
    ),
    mode: 'fixed_departures',
    boardType: 'HB',
    departures: tourSaturdays.map(
      (date): TourDepartureInput => ({
        startDate: date,
        nights: 7,
        transportDepartureId: departureOn(bus, addDays(date, -1)),
        returnTransportDepartureId: departureOn(busReturn, addDays(date, 7)),
      }),
    ),
  });

  // The stay by days in Rimini: any arrival day, 3 to 14 nights.
  const byDaysTour = await createTour(ctx, {
    accommodationId: bellaVista.id,
    code: 'RIM-FB',
    name: text(
      'Rimini – your own dates, full board',
      'Rimini – pobyt v termínu dle výběru, plná penze',
      'Rimini – pobyt w dowolnym terminie, pełne wyżywienie',
    ),
    description: text(
      'Arrive any day and stay 3 to 14 nights at Hotel Bella Vista, by the beach in Marina Centro. Own transport; parking on request.',
      'Přijeďte kterýkoli den a zůstaňte 3 až 14 nocí v hotelu Bella Vista u pláže v Marina Centro. Vlastní doprava, parkování na vyžádání.',
      'Przyjazd w dowolny dzień, pobyt od 3 do 14 nocy w hotelu Bella Vista przy plaży w Marina Centro. Dojazd własny, parking na życzenie.',
    ),
    mode: 'by_days',
    boardType: 'FB',
    seasons: [
      { name: 'Last minute', range: lastMinute },
      { name: `Léto ${summer.year}`, range: summer },
    ].map(({ name, range }) => ({
      name,
      startDate: range.from,
      endDate: range.to,
      minStay: 3,
      maxStay: 14,
      arrivalWeekdays: [1, 2, 3, 4, 5, 6, 7],
    })),
  });

  // The season-opening charter: the first summer Saturday, sold seat-only and in two
  // fly-and-stay tours (7 or 14 nights) that share its seats through one pool.
  const charterDate = allSaturdays.find((date) => date >= summer.from) as CalendarDate;
  const airDepartures = [7, 14].map(
    (nights): TourDepartureInput => ({
      startDate: charterDate,
      nights,
      transportDepartureId: departureOn(flight, charterDate),
      returnTransportDepartureId: departureOn(flightReturn, addDays(charterDate, nights)),
    }),
  );
  const airMakarska = await createTour(ctx, {
    accommodationId: adriatic.id,
    transportId: flight.id,
    code: 'MAK-AIR-OPEN',
    name: text(
      'Makarska by air – season opening',
      'Makarská letecky – zahájení sezóny',
      'Makarska samolotem – otwarcie sezonu',
    ),
    description: text(
      'Charter flight Prague – Split, transfer to Hotel Adriatic and 7 or 14 nights with half board.',
      'Charterový let Praha – Split, transfer do hotelu Adriatic a 7 nebo 14 nocí s polopenzí.',
      'Lot czarterowy Praga – Split, transfer do hotelu Adriatic i 7 lub 14 nocy z HB.',
    ),
    mode: 'fixed_departures',
    boardType: 'HB',
    departures: airDepartures,
  });
  const airSplit = await createTour(ctx, {
    accommodationId: marina.id,
    transportId: flight.id,
    code: 'SPL-AIR-OPEN',
    name: text(
      'Split by air – season opening',
      'Split letecky – zahájení sezóny',
      'Split samolotem – otwarcie sezonu',
    ),
    description: text(
      'Charter flight Prague – Split and 7 or 14 nights in a studio or apartment at Villa Marina, with breakfast.',
      'Charterový let Praha – Split a 7 nebo 14 nocí ve studiu či apartmánu ve Ville Marina se snídaní.',
      'Lot czarterowy Praga – Split i 7 lub 14 nocy w studiu lub apartamencie w Willi Marina ze śniadaniem.',
    ),
    mode: 'fixed_departures',
    boardType: 'BB',
    departures: airDepartures,
  });
  const pool = await createPool(ctx, {
    name: `Charter QS 1234 PRG–SPU ${charterDate}`,
    capacity: 180,
    lowStockThreshold: 20,
    alertUserIds: agents,
    members: [
      { kind: 'transport_departure', id: departureOn(flight, charterDate) },
      { kind: 'tour', id: airMakarska.id },
      { kind: 'tour', id: airSplit.id },
    ],
  });

  // Attractions: tickets per day (and slot) over both sale periods.
  const palace = await createAttraction(ctx, attractions.palace(supplierIds.split));
  const krka = await createAttraction(ctx, attractions.krka(supplierIds.krka));
  const miniatura = await createAttraction(ctx, attractions.miniatura(supplierIds.miniatura));
  for (const period of periods) {
    for (const timeSlot of palace.timeSlots) {
      await setTicketCapacity(ctx, palace.id, { ...period, timeSlot, units: 25 });
    }
    // Open tickets: how many the agency may sell a day.
    await setTicketCapacity(ctx, krka.id, { ...period, units: 100 });
    await setTicketCapacity(ctx, miniatura.id, { ...period, units: 60 });
  }

  // Extra services; the diving course takes six people a day.
  const services = [];
  for (const input of extraServices(supplierIds)) {
    const service = await createExtraService(ctx, input);
    if (service.limited) {
      for (const period of periods)
        await setServiceCapacity(ctx, service.id, { ...period, units: 6 });
    }
    services.push(service);
  }

  const accommodations = [adriatic, marina, bellaVista];
  const transports = [bus, busReturn, flight, flightReturn, train, shuttle];
  const tours = [busTour, byDaysTour, airMakarska, airSplit];
  const attractionViews = [palace, krka, miniatura];
  return {
    windows,
    supplierIds: Object.values(supplierIds),
    accommodations: accommodations.map((a) => ({
      id: a.id,
      name: a.name,
      country: a.country,
      roomTypeIds: a.roomTypes.map((r) => r.id),
    })),
    transports: {
      busId: bus.id,
      busReturnId: busReturn.id,
      flightId: flight.id,
      flightReturnId: flightReturn.id,
      trainId: train.id,
      shuttleId: shuttle.id,
    },
    tours: {
      busTourId: busTour.id,
      byDaysTourId: byDaysTour.id,
      airTourIds: [airMakarska.id, airSplit.id],
    },
    attractionIds: attractionViews.map((a) => a.id),
    extraServiceIds: services.map((s) => s.id),
    poolId: pool.id,
    counts: {
      suppliers: Object.keys(supplierIds).length,
      accommodations: accommodations.length,
      roomTypes: accommodations.reduce((n, a) => n + a.roomTypes.length, 0),
      transports: transports.length,
      transportDepartures: transports.reduce((n, t) => n + t.departures.length, 0),
      tours: tours.length,
      tourDepartures: tours.reduce((n, t) => n + t.departures.length, 0),
      attractions: attractionViews.length,
      extraServices: services.length,
      pools: 1,
    },
  };
}
