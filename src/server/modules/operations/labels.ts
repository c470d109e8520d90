// Every word printed on the operational lists, in each document language. One table per
// language, all of the same shape, so a missing word is a type error, not a blank on paper.
import type { DocumentLocale } from '../documents/pdf.ts';
import type { Bedding } from './rooming.ts';

export interface ListLabels {
  manifest: string;
  guideList: string;
  roomingList: string;
  transport: string;
  carrier: string;
  date: string;
  tour: string;
  hotel: string;
  stop: string;
  time: string;
  seat: string;
  seatOut: string;
  seatBack: string;
  name: string;
  phone: string;
  booking: string;
  balance: string;
  getsOn: string;
  getsOff: string;
  tick: string;
  boarding: string;
  alighting: string;
  onBoard: string;
  legs: string;
  passengers: string;
  noPassengers: string;
  room: string;
  roomType: string;
  bedding: string;
  beddings: Record<Bedding, string>;
  board: string;
  arrival: string;
  departure: string;
  guests: string;
  requests: string;
  unassigned: string;
  ageGroup: string;
  adult: string;
  child: (age: number) => string;
  infant: (age: number) => string;
  nationality: string;
  document: string;
  expiry: string;
  diet: string;
  medicalNotes: string;
  emergencyContact: string;
  version: (n: number) => string;
  changesSince: (n: number) => string;
  added: string;
  changed: string;
  cancelled: string;
  noChanges: string;
  was: string;
  rooms: string;
  mailText: (hotel: string, arrival: string, version: number) => string;
}

const en: ListLabels = {
  manifest: 'Driver list',
  guideList: 'Tour leader list',
  roomingList: 'Rooming list',
  transport: 'Transport',
  carrier: 'Carrier',
  date: 'Date',
  tour: 'Tour',
  hotel: 'Hotel',
  stop: 'Stop',
  time: 'Time',
  seat: 'Seat',
  seatOut: 'Seat out',
  seatBack: 'Seat back',
  name: 'Name',
  phone: 'Phone',
  booking: 'Booking',
  balance: 'To collect',
  getsOn: 'Gets on at',
  getsOff: 'Gets off at',
  tick: 'Present',
  boarding: 'Getting on',
  alighting: 'Getting off',
  onBoard: 'On board',
  legs: 'Load per leg',
  passengers: 'Passengers',
  noPassengers: 'Nobody is booked yet.',
  room: 'Room',
  roomType: 'Room type',
  bedding: 'Beds',
  beddings: { single: 'single', double: 'double', twin: 'twin', family: 'family' },
  board: 'Board',
  arrival: 'Arrival',
  departure: 'Departure',
  guests: 'Guests',
  requests: 'Special requests',
  unassigned: 'Not yet in a room',
  ageGroup: 'Age group',
  adult: 'adult',
  child: (age) => `child (${age})`,
  infant: (age) => `infant (${age})`,
  nationality: 'Nationality',
  document: 'Document',
  expiry: 'Valid until',
  diet: 'Diet',
  medicalNotes: 'Medical notes',
  emergencyContact: 'Emergency contact',
  version: (n) => `Version ${n}`,
  changesSince: (n) => `Changes since version ${n}`,
  added: 'Added',
  changed: 'Changed',
  cancelled: 'Cancelled',
  noChanges: 'No changes.',
  was: 'was',
  rooms: 'Rooms',
  mailText: (hotel, arrival, version) =>
    `Dear colleagues at ${hotel},\n\nplease find attached our rooming list (version ${version}) for the arrival of ${arrival}.\n\nKind regards`,
};

const cs: ListLabels = {
  manifest: 'Seznam pro řidiče',
  guideList: 'Seznam pro delegáta',
  roomingList: 'Rooming list',
  transport: 'Doprava',
  carrier: 'Dopravce',
  date: 'Datum',
  tour: 'Zájezd',
  hotel: 'Hotel',
  stop: 'Zastávka',
  time: 'Čas',
  seat: 'Sedadlo',
  seatOut: 'Sedadlo tam',
  seatBack: 'Sedadlo zpět',
  name: 'Jméno',
  phone: 'Telefon',
  booking: 'Rezervace',
  balance: 'Vybrat',
  getsOn: 'Nastupuje',
  getsOff: 'Vystupuje',
  tick: 'Přítomen',
  boarding: 'Nastupují',
  alighting: 'Vystupují',
  onBoard: 'Ve voze',
  legs: 'Obsazenost úseků',
  passengers: 'Cestující',
  noPassengers: 'Zatím nikdo není objednán.',
  room: 'Pokoj',
  roomType: 'Typ pokoje',
  bedding: 'Lůžka',
  beddings: {
    single: 'jednolůžko',
    double: 'manželská postel',
    twin: 'oddělená lůžka',
    family: 'rodinný',
  },
  board: 'Strava',
  arrival: 'Příjezd',
  departure: 'Odjezd',
  guests: 'Hosté',
  requests: 'Zvláštní přání',
  unassigned: 'Zatím bez pokoje',
  ageGroup: 'Věková skupina',
  adult: 'dospělý',
  child: (age) => `dítě (${age})`,
  infant: (age) => `batole (${age})`,
  nationality: 'Státní příslušnost',
  document: 'Doklad',
  expiry: 'Platnost do',
  diet: 'Dieta',
  medicalNotes: 'Zdravotní poznámky',
  emergencyContact: 'Kontakt v nouzi',
  version: (n) => `Verze ${n}`,
  changesSince: (n) => `Změny od verze ${n}`,
  added: 'Přidáno',
  changed: 'Změněno',
  cancelled: 'Zrušeno',
  noChanges: 'Beze změn.',
  was: 'bylo',
  rooms: 'Pokoje',
  mailText: (hotel, arrival, version) =>
    `Vážení kolegové z ${hotel},\n\nv příloze posíláme rooming list (verze ${version}) pro příjezd ${arrival}.\n\nS pozdravem`,
};

const pl: ListLabels = {
  manifest: 'Lista dla kierowcy',
  guideList: 'Lista dla pilota',
  roomingList: 'Rooming lista',
  transport: 'Transport',
  carrier: 'Przewoźnik',
  date: 'Data',
  tour: 'Wycieczka',
  hotel: 'Hotel',
  stop: 'Przystanek',
  time: 'Godzina',
  seat: 'Miejsce',
  seatOut: 'Miejsce tam',
  seatBack: 'Miejsce powrót',
  name: 'Imię i nazwisko',
  phone: 'Telefon',
  booking: 'Rezerwacja',
  balance: 'Do pobrania',
  getsOn: 'Wsiada',
  getsOff: 'Wysiada',
  tick: 'Obecny',
  boarding: 'Wsiadają',
  alighting: 'Wysiadają',
  onBoard: 'W pojeździe',
  legs: 'Obłożenie odcinków',
  passengers: 'Pasażerowie',
  noPassengers: 'Nikt jeszcze nie zarezerwował.',
  room: 'Pokój',
  roomType: 'Typ pokoju',
  bedding: 'Łóżka',
  beddings: {
    single: 'jednoosobowy',
    double: 'małżeńskie',
    twin: 'osobne łóżka',
    family: 'rodzinny',
  },
  board: 'Wyżywienie',
  arrival: 'Przyjazd',
  departure: 'Wyjazd',
  guests: 'Goście',
  requests: 'Życzenia specjalne',
  unassigned: 'Jeszcze bez pokoju',
  ageGroup: 'Grupa wiekowa',
  adult: 'dorosły',
  child: (age) => `dziecko (${age})`,
  infant: (age) => `niemowlę (${age})`,
  nationality: 'Obywatelstwo',
  document: 'Dokument',
  expiry: 'Ważny do',
  diet: 'Dieta',
  medicalNotes: 'Uwagi zdrowotne',
  emergencyContact: 'Kontakt alarmowy',
  version: (n) => `Wersja ${n}`,
  changesSince: (n) => `Zmiany od wersji ${n}`,
  added: 'Dodane',
  changed: 'Zmienione',
  cancelled: 'Anulowane',
  noChanges: 'Bez zmian.',
  was: 'było',
  rooms: 'Pokoje',
  mailText: (hotel, arrival, version) =>
    `Szanowni Państwo (${hotel}),\n\nw załączniku przesyłamy rooming listę (wersja ${version}) na przyjazd ${arrival}.\n\nZ poważaniem`,
};

const tr: ListLabels = {
  manifest: 'Şoför listesi',
  guideList: 'Rehber listesi',
  roomingList: 'Oda listesi',
  transport: 'Ulaşım',
  carrier: 'Taşıyıcı',
  date: 'Tarih',
  tour: 'Tur',
  hotel: 'Otel',
  stop: 'Durak',
  time: 'Saat',
  seat: 'Koltuk',
  seatOut: 'Gidiş koltuğu',
  seatBack: 'Dönüş koltuğu',
  name: 'Ad soyad',
  phone: 'Telefon',
  booking: 'Rezervasyon',
  balance: 'Tahsil edilecek',
  getsOn: 'Biniş',
  getsOff: 'İniş',
  tick: 'Var',
  boarding: 'Binenler',
  alighting: 'İnenler',
  onBoard: 'Araçta',
  legs: 'Bölüm doluluğu',
  passengers: 'Yolcular',
  noPassengers: 'Henüz rezervasyon yok.',
  room: 'Oda',
  roomType: 'Oda tipi',
  bedding: 'Yataklar',
  beddings: {
    single: 'tek kişilik',
    double: 'çift kişilik yatak',
    twin: 'iki ayrı yatak',
    family: 'aile',
  },
  board: 'Pansiyon',
  arrival: 'Giriş',
  departure: 'Çıkış',
  guests: 'Misafirler',
  requests: 'Özel istekler',
  unassigned: 'Henüz odası yok',
  ageGroup: 'Yaş grubu',
  adult: 'yetişkin',
  child: (age) => `çocuk (${age})`,
  infant: (age) => `bebek (${age})`,
  nationality: 'Uyruk',
  document: 'Belge',
  expiry: 'Geçerlilik',
  diet: 'Diyet',
  medicalNotes: 'Sağlık notları',
  emergencyContact: 'Acil durum kişisi',
  version: (n) => `Sürüm ${n}`,
  changesSince: (n) => `Sürüm ${n} sonrası değişiklikler`,
  added: 'Eklenen',
  changed: 'Değişen',
  cancelled: 'İptal edilen',
  noChanges: 'Değişiklik yok.',
  was: 'önceki',
  rooms: 'Odalar',
  mailText: (hotel, arrival, version) =>
    `Sayın ${hotel} ekibi,\n\n${arrival} girişi için oda listemizi (sürüm ${version}) ekte bulabilirsiniz.\n\nSaygılarımızla`,
};

const zh: ListLabels = {
  manifest: '司机名单',
  guideList: '领队名单',
  roomingList: '分房名单',
  transport: '交通',
  carrier: '承运人',
  date: '日期',
  tour: '线路',
  hotel: '酒店',
  stop: '站点',
  time: '时间',
  seat: '座位',
  seatOut: '去程座位',
  seatBack: '返程座位',
  name: '姓名',
  phone: '电话',
  booking: '预订',
  balance: '待收款',
  getsOn: '上车站',
  getsOff: '下车站',
  tick: '到场',
  boarding: '上车',
  alighting: '下车',
  onBoard: '车上人数',
  legs: '各段载客',
  passengers: '乘客',
  noPassengers: '尚无预订。',
  room: '房间',
  roomType: '房型',
  bedding: '床型',
  beddings: { single: '单人', double: '大床', twin: '双床', family: '家庭' },
  board: '餐食',
  arrival: '入住',
  departure: '离店',
  guests: '客人',
  requests: '特殊要求',
  unassigned: '尚未分房',
  ageGroup: '年龄组',
  adult: '成人',
  child: (age) => `儿童（${age}）`,
  infant: (age) => `婴儿（${age}）`,
  nationality: '国籍',
  document: '证件',
  expiry: '有效期至',
  diet: '饮食',
  medicalNotes: '健康备注',
  emergencyContact: '紧急联系人',
  version: (n) => `第 ${n} 版`,
  changesSince: (n) => `自第 ${n} 版以来的变更`,
  added: '新增',
  changed: '变更',
  cancelled: '取消',
  noChanges: '无变更。',
  was: '原为',
  rooms: '房间',
  mailText: (hotel, arrival, version) =>
    `${hotel} 的同事们好：\n\n附件是 ${arrival} 入住的分房名单（第 ${version} 版）。\n\n此致敬礼`,
};

const tables: Record<DocumentLocale, ListLabels> = { en, cs, pl, tr, zh };

export function listLabels(locale: DocumentLocale): ListLabels {
  return tables[locale];
}

/** A column label in every language, as the CSV and XLSX writers take it. */
export function labelOf(pick: (labels: ListLabels) => string): Record<DocumentLocale, string> {
  return { en: pick(en), cs: pick(cs), pl: pick(pl), tr: pick(tr), zh: pick(zh) };
}
