// What the customer is told by e-mail when their booking is made, paid, changed, cancelled or
// its documents are sent again, in their language. Pure: the facts come in, subject and text
// go out; nothing here reads the database or a clock.
import { type DocumentLocale, formatDate, formatMoney } from '../documents/pdf.ts';

export type CustomerMailEvent =
  | { kind: 'booked' }
  | { kind: 'payment'; amount: number }
  | { kind: 'refund'; amount: number }
  | { kind: 'changed' }
  | { kind: 'cancelled'; fee: number }
  | { kind: 'documents' };

export interface CustomerMailFacts {
  locale: DocumentLocale;
  agencyName: string;
  customerName: string;
  number: string;
  productName: string;
  startDate: string;
  endDate: string;
  currency: string;
  total: number;
  /** What the booking owes when not its total: a cancelled booking's fee. */
  owed?: number;
  paid: number;
  /** Whether documents go with the message (the closing line says so). */
  withAttachments: boolean;
}

interface Words {
  dear: (name: string) => string;
  booking: string;
  trip: string;
  total: string;
  paid: string;
  balance: string;
  fee: string;
  attached: string;
  regards: string;
  booked: { subject: (n: string) => string; intro: (agency: string) => string };
  payment: { subject: (n: string) => string; intro: (amount: string) => string };
  refund: { subject: (n: string) => string; intro: (amount: string) => string };
  changed: { subject: (n: string) => string; intro: string };
  cancelled: { subject: (n: string) => string; intro: string };
  documents: { subject: (n: string) => string; intro: string };
}

const words: Record<DocumentLocale, Words> = {
  en: {
    dear: (name) => `Dear ${name},`,
    booking: 'Booking',
    trip: 'Trip',
    total: 'Total price',
    paid: 'Paid',
    balance: 'Left to pay',
    fee: 'Cancellation fee',
    attached: 'The documents are attached to this e-mail.',
    regards: 'Kind regards,',
    booked: {
      subject: (n) => `Your booking ${n}`,
      intro: (agency) => `thank you for booking with ${agency}. Here is what you booked:`,
    },
    payment: {
      subject: (n) => `Booking ${n}: payment received`,
      intro: (amount) => `we have received your payment of ${amount}. Thank you.`,
    },
    refund: {
      subject: (n) => `Booking ${n}: refund`,
      intro: (amount) => `we have refunded ${amount} to you.`,
    },
    changed: {
      subject: (n) => `Booking ${n} has been changed`,
      intro: 'your booking has been changed. This is how it stands now:',
    },
    cancelled: {
      subject: (n) => `Booking ${n} has been cancelled`,
      intro: 'your booking has been cancelled.',
    },
    documents: {
      subject: (n) => `Booking ${n}: your documents`,
      intro: 'as requested, here are the documents of your booking.',
    },
  },
  cs: {
    dear: (name) => `Dobrý den, ${name},`,
    booking: 'Rezervace',
    trip: 'Zájezd',
    total: 'Celková cena',
    paid: 'Zaplaceno',
    balance: 'Zbývá doplatit',
    fee: 'Storno poplatek',
    attached: 'Dokumenty najdete v příloze tohoto e-mailu.',
    regards: 'S pozdravem',
    booked: {
      subject: (n) => `Vaše rezervace ${n}`,
      intro: (agency) => `děkujeme za rezervaci u ${agency}. Zde je, co jste si objednali:`,
    },
    payment: {
      subject: (n) => `Rezervace ${n}: platba přijata`,
      intro: (amount) => `přijali jsme vaši platbu ${amount}. Děkujeme.`,
    },
    refund: {
      subject: (n) => `Rezervace ${n}: vrácení peněz`,
      intro: (amount) => `vrátili jsme vám ${amount}.`,
    },
    changed: {
      subject: (n) => `Rezervace ${n} byla změněna`,
      intro: 'vaše rezervace byla změněna. Nyní vypadá takto:',
    },
    cancelled: {
      subject: (n) => `Rezervace ${n} byla zrušena`,
      intro: 'vaše rezervace byla zrušena.',
    },
    documents: {
      subject: (n) => `Rezervace ${n}: vaše dokumenty`,
      intro: 'podle vaší žádosti zasíláme dokumenty k rezervaci.',
    },
  },
  pl: {
    dear: (name) => `Szanowni Państwo (${name}),`,
    booking: 'Rezerwacja',
    trip: 'Wyjazd',
    total: 'Cena całkowita',
    paid: 'Zapłacono',
    balance: 'Pozostało do zapłaty',
    fee: 'Opłata za anulowanie',
    attached: 'Dokumenty znajdują się w załączniku.',
    regards: 'Z poważaniem',
    booked: {
      subject: (n) => `Państwa rezerwacja ${n}`,
      intro: (agency) => `dziękujemy za rezerwację w ${agency}. Oto szczegóły:`,
    },
    payment: {
      subject: (n) => `Rezerwacja ${n}: płatność otrzymana`,
      intro: (amount) => `otrzymaliśmy Państwa płatność w wysokości ${amount}. Dziękujemy.`,
    },
    refund: {
      subject: (n) => `Rezerwacja ${n}: zwrot`,
      intro: (amount) => `zwróciliśmy Państwu ${amount}.`,
    },
    changed: {
      subject: (n) => `Rezerwacja ${n} została zmieniona`,
      intro: 'Państwa rezerwacja została zmieniona. Obecnie wygląda tak:',
    },
    cancelled: {
      subject: (n) => `Rezerwacja ${n} została anulowana`,
      intro: 'Państwa rezerwacja została anulowana.',
    },
    documents: {
      subject: (n) => `Rezerwacja ${n}: dokumenty`,
      intro: 'zgodnie z prośbą przesyłamy dokumenty rezerwacji.',
    },
  },
  tr: {
    dear: (name) => `Sayın ${name},`,
    booking: 'Rezervasyon',
    trip: 'Seyahat',
    total: 'Toplam fiyat',
    paid: 'Ödenen',
    balance: 'Kalan ödeme',
    fee: 'İptal ücreti',
    attached: 'Belgeler bu e-postanın ekindedir.',
    regards: 'Saygılarımızla,',
    booked: {
      subject: (n) => `Rezervasyonunuz ${n}`,
      intro: (agency) => `${agency} ile rezervasyon yaptığınız için teşekkür ederiz. Ayrıntılar:`,
    },
    payment: {
      subject: (n) => `Rezervasyon ${n}: ödeme alındı`,
      intro: (amount) => `${amount} tutarındaki ödemenizi aldık. Teşekkür ederiz.`,
    },
    refund: {
      subject: (n) => `Rezervasyon ${n}: iade`,
      intro: (amount) => `size ${amount} iade ettik.`,
    },
    changed: {
      subject: (n) => `Rezervasyon ${n} değiştirildi`,
      intro: 'rezervasyonunuz değiştirildi. Güncel hâli:',
    },
    cancelled: {
      subject: (n) => `Rezervasyon ${n} iptal edildi`,
      intro: 'rezervasyonunuz iptal edildi.',
    },
    documents: {
      subject: (n) => `Rezervasyon ${n}: belgeleriniz`,
      intro: 'isteğiniz üzerine rezervasyon belgelerinizi gönderiyoruz.',
    },
  },
  zh: {
    dear: (name) => `尊敬的 ${name}：`,
    booking: '预订号',
    trip: '行程',
    total: '总价',
    paid: '已付',
    balance: '待付',
    fee: '取消费',
    attached: '相关文件见本邮件附件。',
    regards: '此致敬礼',
    booked: {
      subject: (n) => `您的预订 ${n}`,
      intro: (agency) => `感谢您在 ${agency} 预订。您的预订如下：`,
    },
    payment: {
      subject: (n) => `预订 ${n}：已收到付款`,
      intro: (amount) => `我们已收到您支付的 ${amount}，谢谢。`,
    },
    refund: {
      subject: (n) => `预订 ${n}：退款`,
      intro: (amount) => `我们已向您退款 ${amount}。`,
    },
    changed: {
      subject: (n) => `预订 ${n} 已更改`,
      intro: '您的预订已更改，现在的情况如下：',
    },
    cancelled: {
      subject: (n) => `预订 ${n} 已取消`,
      intro: '您的预订已取消。',
    },
    documents: {
      subject: (n) => `预订 ${n}：您的文件`,
      intro: '按您的要求，现将预订文件发送给您。',
    },
  },
};

/** The subject and plain text of the message about `event`. */
export function customerMail(
  event: CustomerMailEvent,
  facts: CustomerMailFacts,
): { subject: string; text: string } {
  const w = words[facts.locale];
  const money = (minor: number) => formatMoney(minor, facts.currency, facts.locale);
  const dates = `${formatDate(facts.startDate, facts.locale)} – ${formatDate(facts.endDate, facts.locale)}`;
  const summary = [
    `${w.booking}: ${facts.number}`,
    `${w.trip}: ${facts.productName}, ${dates}`,
    `${w.total}: ${money(facts.total)}`,
  ];
  const balance = [
    `${w.paid}: ${money(facts.paid)}`,
    `${w.balance}: ${money((facts.owed ?? facts.total) - facts.paid)}`,
  ];
  let subject: string;
  let body: string[];
  switch (event.kind) {
    case 'booked':
      subject = w.booked.subject(facts.number);
      body = [w.booked.intro(facts.agencyName), '', ...summary, ...balance];
      break;
    case 'payment':
      subject = w.payment.subject(facts.number);
      body = [w.payment.intro(money(event.amount)), '', ...summary, ...balance];
      break;
    case 'refund':
      subject = w.refund.subject(facts.number);
      body = [
        w.refund.intro(money(event.amount)),
        '',
        ...summary,
        `${w.paid}: ${money(facts.paid)}`,
      ];
      break;
    case 'changed':
      subject = w.changed.subject(facts.number);
      body = [w.changed.intro, '', ...summary, ...balance];
      break;
    case 'cancelled':
      subject = w.cancelled.subject(facts.number);
      body = [
        w.cancelled.intro,
        '',
        `${w.booking}: ${facts.number}`,
        `${w.trip}: ${facts.productName}, ${dates}`,
        `${w.fee}: ${money(event.fee)}`,
        `${w.paid}: ${money(facts.paid)}`,
      ];
      break;
    case 'documents':
      subject = w.documents.subject(facts.number);
      body = [w.documents.intro, '', ...summary];
      break;
    default:
      throw new Error(`unknown mail event ${(event satisfies never as { kind: string }).kind}`);
  }
  const text = [
    w.dear(facts.customerName),
    '',
    ...body,
    ...(facts.withAttachments ? ['', w.attached] : []),
    '',
    w.regards,
    facts.agencyName,
    '',
  ].join('\n');
  return { subject, text };
}
