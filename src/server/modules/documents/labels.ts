// Every word printed on Caravel's documents, in each customer language (D1). One table per
// language, all of the same shape, so a missing label is a type error, not a blank on paper.
import type { DocumentLocale } from './pdf.ts';

export interface DocumentLabels {
  voucher: string;
  contract: string;
  instructions: string;
  eticket: string;
  bookingNumber: string;
  product: string;
  dates: string;
  from: string;
  to: string;
  travellers: string;
  traveller: string;
  child: string;
  services: string;
  description: string;
  quantity: string;
  unitPrice: string;
  amount: string;
  total: string;
  offer: string;
  variant: string;
  requiredActions: string;
  /** The heading over where and when the travellers board each transport leg. */
  boarding: string;
  outbound: string;
  returnLeg: string;
  actionOpen: string;
  dueBy: (date: string) => string;
  doneOn: (date: string) => string;
  scanToOpen: string;
  agency: string;
  customer: string;
  parties: string;
  trip: string;
  price: string;
  cancellationPolicy: string;
  cancellationTier: (days: number, percent: string) => string;
  noCancellationTiers: string;
  nonRefundable: string;
  paymentTerms: string;
  paymentTermsText: (depositPercent: string, balanceDays: number) => string;
  contractDeclaration: string;
  signatureAgency: string;
  signatureCustomer: string;
  placeAndDate: string;
  meetingPoint: string;
  meetingPointUnknown: string;
  departure: string;
  return: string;
  whatToBring: string;
  whatToBringText: string;
  emergencyPhone: string;
  emergencyPhoneText: string;
  ticket: string;
  ticketOf: (n: number, count: number) => string;
  validOn: string;
  route: string;
  status: string;
  cancelled: string;
  noTickets: string;
  seat: string;
}

const en: DocumentLabels = {
  voucher: 'Voucher',
  contract: 'Travel contract',
  instructions: 'Departure instructions',
  eticket: 'E-ticket',
  bookingNumber: 'Booking number',
  product: 'Product',
  dates: 'Dates',
  from: 'From',
  to: 'To',
  travellers: 'Travellers',
  traveller: 'Traveller',
  child: 'child',
  services: 'Services',
  description: 'Description',
  quantity: 'Quantity',
  unitPrice: 'Unit price',
  amount: 'Amount',
  total: 'Total',
  offer: 'Offer',
  variant: 'Variant',
  requiredActions: 'Required actions',
  boarding: 'Boarding',
  outbound: 'Outbound',
  returnLeg: 'Return',
  actionOpen: 'Action required',
  dueBy: (date) => `Due by ${date}`,
  doneOn: (date) => `Done on ${date}`,
  scanToOpen: 'Scan the code or open this address to see your voucher:',
  agency: 'Travel agency',
  customer: 'Customer',
  parties: 'Parties',
  trip: 'Trip',
  price: 'Price',
  cancellationPolicy: 'Cancellation policy',
  cancellationTier: (days, percent) =>
    `Cancelled ${days} or more days before departure: ${percent} % of the price`,
  noCancellationTiers: 'Cancellation is free of charge until departure.',
  nonRefundable: 'Non-refundable: cancellation costs 100 % of the price.',
  paymentTerms: 'Payment terms',
  paymentTermsText: (deposit, days) =>
    `A deposit of ${deposit} % of the price is due on booking; the balance is due ${days} days before departure.`,
  contractDeclaration:
    'The customer confirms that they have read the terms and conditions of the travel agency and agree with them on behalf of all travellers.',
  signatureAgency: 'For the travel agency',
  signatureCustomer: 'Customer',
  placeAndDate: 'Place and date',
  meetingPoint: 'Meeting point',
  meetingPointUnknown: 'The meeting point will be sent to you before departure.',
  departure: 'Departure',
  return: 'Return',
  whatToBring: 'What to bring',
  whatToBringText:
    'A valid passport or identity card for every traveller, this document and your voucher, travel insurance card, medicines you need, and suitable clothing and footwear.',
  emergencyPhone: 'Emergency phone',
  emergencyPhoneText: 'During your trip you can reach us at any time on',
  ticket: 'Ticket',
  ticketOf: (n, count) => `Ticket ${n} of ${count}`,
  validOn: 'Valid on',
  route: 'Route',
  status: 'Status',
  cancelled: 'Cancelled',
  noTickets: 'This booking has no tickets.',
  seat: 'seat',
};

const cs: DocumentLabels = {
  voucher: 'Voucher',
  contract: 'Cestovní smlouva',
  instructions: 'Pokyny k odjezdu',
  eticket: 'Elektronická vstupenka',
  bookingNumber: 'Číslo rezervace',
  product: 'Produkt',
  dates: 'Termín',
  from: 'Od',
  to: 'Do',
  travellers: 'Cestující',
  traveller: 'Cestující',
  child: 'dítě',
  services: 'Služby',
  description: 'Popis',
  quantity: 'Počet',
  unitPrice: 'Jednotková cena',
  amount: 'Částka',
  total: 'Celkem',
  offer: 'Nabídka',
  variant: 'Varianta',
  requiredActions: 'Požadované úkony',
  boarding: 'Nástup',
  outbound: 'Tam',
  returnLeg: 'Zpět',
  actionOpen: 'Vyžaduje vaši akci',
  dueBy: (date) => `Splňte do ${date}`,
  doneOn: (date) => `Splněno dne ${date}`,
  scanToOpen: 'Naskenujte kód nebo otevřete tuto adresu a uvidíte svůj voucher:',
  agency: 'Cestovní kancelář',
  customer: 'Zákazník',
  parties: 'Smluvní strany',
  trip: 'Zájezd',
  price: 'Cena',
  cancellationPolicy: 'Storno podmínky',
  cancellationTier: (days, percent) =>
    `Zrušení ${days} a více dní před odjezdem: ${percent} % z ceny`,
  noCancellationTiers: 'Zrušení je až do odjezdu bezplatné.',
  nonRefundable: 'Nevratné: zrušení stojí 100 % z ceny.',
  paymentTerms: 'Platební podmínky',
  paymentTermsText: (deposit, days) =>
    `Záloha ve výši ${deposit} % z ceny je splatná při rezervaci; doplatek je splatný ${days} dní před odjezdem.`,
  contractDeclaration:
    'Zákazník potvrzuje, že se seznámil se všeobecnými obchodními podmínkami cestovní kanceláře a souhlasí s nimi jménem všech cestujících.',
  signatureAgency: 'Za cestovní kancelář',
  signatureCustomer: 'Zákazník',
  placeAndDate: 'Místo a datum',
  meetingPoint: 'Místo srazu',
  meetingPointUnknown: 'Místo srazu vám zašleme před odjezdem.',
  departure: 'Odjezd',
  return: 'Návrat',
  whatToBring: 'Co s sebou',
  whatToBringText:
    'Platný cestovní pas nebo občanský průkaz každého cestujícího, tyto pokyny a voucher, kartu cestovního pojištění, potřebné léky a vhodné oblečení a obuv.',
  emergencyPhone: 'Nouzový telefon',
  emergencyPhoneText: 'Během zájezdu nás můžete kdykoli zastihnout na čísle',
  ticket: 'Vstupenka',
  ticketOf: (n, count) => `Vstupenka ${n} z ${count}`,
  validOn: 'Platí dne',
  route: 'Trasa',
  status: 'Stav',
  cancelled: 'Zrušeno',
  noTickets: 'Tato rezervace nemá žádné vstupenky.',
  seat: 'sedadlo',
};

const pl: DocumentLabels = {
  voucher: 'Voucher',
  contract: 'Umowa o udział w imprezie turystycznej',
  instructions: 'Informacje o wyjeździe',
  eticket: 'Bilet elektroniczny',
  bookingNumber: 'Numer rezerwacji',
  product: 'Produkt',
  dates: 'Termin',
  from: 'Od',
  to: 'Do',
  travellers: 'Uczestnicy',
  traveller: 'Uczestnik',
  child: 'dziecko',
  services: 'Świadczenia',
  description: 'Opis',
  quantity: 'Ilość',
  unitPrice: 'Cena jednostkowa',
  amount: 'Kwota',
  total: 'Razem',
  offer: 'Oferta',
  variant: 'Wariant',
  requiredActions: 'Wymagane działania',
  boarding: 'Miejsce wsiadania',
  outbound: 'Tam',
  returnLeg: 'Powrót',
  actionOpen: 'Wymagane działanie',
  dueBy: (date) => `Termin: ${date}`,
  doneOn: (date) => `Wykonano dnia ${date}`,
  scanToOpen: 'Zeskanuj kod lub otwórz ten adres, aby zobaczyć swój voucher:',
  agency: 'Biuro podróży',
  customer: 'Klient',
  parties: 'Strony umowy',
  trip: 'Wycieczka',
  price: 'Cena',
  cancellationPolicy: 'Warunki rezygnacji',
  cancellationTier: (days, percent) =>
    `Rezygnacja ${days} lub więcej dni przed wyjazdem: ${percent} % ceny`,
  noCancellationTiers: 'Rezygnacja jest bezpłatna aż do wyjazdu.',
  nonRefundable: 'Bezzwrotna: rezygnacja kosztuje 100 % ceny.',
  paymentTerms: 'Warunki płatności',
  paymentTermsText: (deposit, days) =>
    `Zaliczka w wysokości ${deposit} % ceny jest płatna przy rezerwacji; dopłata jest płatna ${days} dni przed wyjazdem.`,
  contractDeclaration:
    'Klient potwierdza, że zapoznał się z ogólnymi warunkami uczestnictwa biura podróży i akceptuje je w imieniu wszystkich uczestników.',
  signatureAgency: 'W imieniu biura podróży',
  signatureCustomer: 'Klient',
  placeAndDate: 'Miejsce i data',
  meetingPoint: 'Miejsce zbiórki',
  meetingPointUnknown: 'Miejsce zbiórki prześlemy przed wyjazdem.',
  departure: 'Wyjazd',
  return: 'Powrót',
  whatToBring: 'Co zabrać',
  whatToBringText:
    'Ważny paszport lub dowód osobisty każdego uczestnika, ten dokument i voucher, kartę ubezpieczenia podróżnego, potrzebne leki oraz odpowiednią odzież i obuwie.',
  emergencyPhone: 'Telefon alarmowy',
  emergencyPhoneText: 'W trakcie podróży możesz skontaktować się z nami o każdej porze pod numerem',
  ticket: 'Bilet',
  ticketOf: (n, count) => `Bilet ${n} z ${count}`,
  validOn: 'Ważny dnia',
  route: 'Trasa',
  status: 'Status',
  cancelled: 'Anulowano',
  noTickets: 'Ta rezerwacja nie ma biletów.',
  seat: 'miejsce',
};

const tr: DocumentLabels = {
  voucher: 'Voucher',
  contract: 'Seyahat sözleşmesi',
  instructions: 'Hareket bilgileri',
  eticket: 'Elektronik bilet',
  bookingNumber: 'Rezervasyon numarası',
  product: 'Ürün',
  dates: 'Tarihler',
  from: 'Başlangıç',
  to: 'Bitiş',
  travellers: 'Yolcular',
  traveller: 'Yolcu',
  child: 'çocuk',
  services: 'Hizmetler',
  description: 'Açıklama',
  quantity: 'Adet',
  unitPrice: 'Birim fiyat',
  amount: 'Tutar',
  total: 'Toplam',
  offer: 'Teklif',
  variant: 'Seçenek',
  requiredActions: 'Yapılması gereken işlemler',
  boarding: 'Biniş',
  outbound: 'Gidiş',
  returnLeg: 'Dönüş',
  actionOpen: 'İşlem gerekli',
  dueBy: (date) => `Son tarih: ${date}`,
  doneOn: (date) => `${date} tarihinde tamamlandı`,
  scanToOpen: 'Voucher’ınızı görmek için kodu tarayın veya bu adresi açın:',
  agency: 'Seyahat acentesi',
  customer: 'Müşteri',
  parties: 'Taraflar',
  trip: 'Tur',
  price: 'Fiyat',
  cancellationPolicy: 'İptal koşulları',
  cancellationTier: (days, percent) =>
    `Hareketten ${days} gün veya daha önce iptal: fiyatın %${percent} kadarı`,
  noCancellationTiers: 'Hareket gününe kadar iptal ücretsizdir.',
  nonRefundable: 'İade edilmez: iptal ücreti fiyatın %100’üdür.',
  paymentTerms: 'Ödeme koşulları',
  paymentTermsText: (deposit, days) =>
    `Fiyatın %${deposit} oranındaki ön ödeme rezervasyonda, kalan tutar hareketten ${days} gün önce ödenir.`,
  contractDeclaration:
    'Müşteri, seyahat acentesinin genel şartlarını okuduğunu ve tüm yolcular adına kabul ettiğini onaylar.',
  signatureAgency: 'Seyahat acentesi adına',
  signatureCustomer: 'Müşteri',
  placeAndDate: 'Yer ve tarih',
  meetingPoint: 'Buluşma noktası',
  meetingPointUnknown: 'Buluşma noktası hareketten önce size bildirilecektir.',
  departure: 'Gidiş',
  return: 'Dönüş',
  whatToBring: 'Yanınıza alacaklarınız',
  whatToBringText:
    'Her yolcu için geçerli pasaport veya kimlik kartı, bu belge ve voucher, seyahat sigortası kartı, ihtiyaç duyduğunuz ilaçlar, uygun giysi ve ayakkabı.',
  emergencyPhone: 'Acil durum telefonu',
  emergencyPhoneText: 'Seyahatiniz boyunca bize her zaman şu numaradan ulaşabilirsiniz:',
  ticket: 'Bilet',
  ticketOf: (n, count) => `Bilet ${n} / ${count}`,
  validOn: 'Geçerlilik tarihi',
  route: 'Güzergâh',
  status: 'Durum',
  cancelled: 'İptal edildi',
  noTickets: 'Bu rezervasyonda bilet yok.',
  seat: 'koltuk',
};

const zh: DocumentLabels = {
  voucher: '旅游凭证',
  contract: '旅游合同',
  instructions: '出发须知',
  eticket: '电子票',
  bookingNumber: '预订号',
  product: '产品',
  dates: '日期',
  from: '开始',
  to: '结束',
  travellers: '旅客',
  traveller: '旅客',
  child: '儿童',
  services: '服务项目',
  description: '说明',
  quantity: '数量',
  unitPrice: '单价',
  amount: '金额',
  total: '总计',
  offer: '优惠',
  variant: '选项',
  requiredActions: '待办事项',
  boarding: '上车地点',
  outbound: '去程',
  returnLeg: '返程',
  actionOpen: '需要您处理',
  dueBy: (date) => `截止日期：${date}`,
  doneOn: (date) => `已于${date}完成`,
  scanToOpen: '扫描二维码或打开以下网址查看您的凭证：',
  agency: '旅行社',
  customer: '客户',
  parties: '合同双方',
  trip: '行程',
  price: '价格',
  cancellationPolicy: '取消政策',
  cancellationTier: (days, percent) => `出发前${days}天或更早取消：收取价格的${percent}%`,
  noCancellationTiers: '出发前取消免费。',
  nonRefundable: '不可退款：取消需支付全部价格。',
  paymentTerms: '付款条件',
  paymentTermsText: (deposit, days) =>
    `预订时支付价格的${deposit}%作为定金；余款须在出发前${days}天付清。`,
  contractDeclaration: '客户确认已阅读旅行社的一般条款，并代表全体旅客同意这些条款。',
  signatureAgency: '旅行社代表',
  signatureCustomer: '客户',
  placeAndDate: '地点和日期',
  meetingPoint: '集合地点',
  meetingPointUnknown: '集合地点将在出发前通知您。',
  departure: '出发',
  return: '返回',
  whatToBring: '携带物品',
  whatToBringText:
    '每位旅客的有效护照或身份证、本须知和旅游凭证、旅游保险卡、所需药品以及合适的衣物和鞋子。',
  emergencyPhone: '紧急电话',
  emergencyPhoneText: '旅途中您可以随时拨打以下电话联系我们：',
  ticket: '票',
  ticketOf: (n, count) => `第${n}张，共${count}张`,
  validOn: '有效日期',
  route: '路线',
  status: '状态',
  cancelled: '已取消',
  noTickets: '此预订没有票。',
  seat: '座位',
};

const all: Record<DocumentLocale, DocumentLabels> = { en, cs, pl, tr, zh };

export function labelsFor(locale: DocumentLocale): DocumentLabels {
  return all[locale];
}
