// The tour leader's list of a tour departure (T3): every traveller with their seats, hotel
// room, age group, diet and medical notes, whom to call in an emergency, and — where the trip
// crosses a border or flies — nationality and travel document. From the same records as the
// driver's and the hotel's lists.
import type { Ctx } from '../../context.ts';
import { ageOn } from '../bookings/travellers.ts';
import {
  createPdf,
  type DocumentLocale,
  drawTable,
  formatDate,
  keyValues,
  paragraph,
  pdfToBuffer,
  type TableColumn,
} from '../documents/pdf.ts';
import { documentTemplateOf } from '../documents/template-service.ts';
import type { ColumnDefinition, PreparedReport, ReportRow } from '../reporting/report-kit.ts';
import { type ListLabels, labelOf, listLabels } from './labels.ts';
import {
  type Guest,
  type TourDepartureInfo,
  type TourDepartureLists,
  tourDepartureInfo,
  tourDepartureLists,
} from './passengers.ts';

export interface GuideList {
  info: TourDepartureInfo;
  lists: TourDepartureLists;
}

export async function loadTourDeparture(ctx: Ctx, departureId: string): Promise<GuideList> {
  const info = await tourDepartureInfo(ctx, departureId);
  return { info, lists: await tourDepartureLists(ctx, info) };
}

/** Adult, child or infant (under 2), by age on the first day. */
export function ageGroup(guest: Guest, labels: ListLabels): string {
  const age = ageOn(guest.birthDate, guest.arrival);
  if (age < 2) return labels.infant(age);
  return guest.isChild ? labels.child(age) : labels.adult;
}

/** The tour's name in the reader's language (English, then any, when missing). */
export function tourNameIn(info: TourDepartureInfo, locale: DocumentLocale): string {
  return info.tourName[locale] ?? info.tourName.en ?? Object.values(info.tourName)[0] ?? '';
}

const documentOf = (g: Guest) =>
  g.documentNumber ? `${g.documentType === 'id_card' ? 'ID' : 'P'} ${g.documentNumber}` : null;

export function guideReport({ info, lists }: GuideList, locale: DocumentLocale): PreparedReport {
  const l = listLabels(locale);
  const columns: ColumnDefinition[] = [
    { key: 'name', type: 'text', label: labelOf((x) => x.name) },
    { key: 'ageGroup', type: 'text', label: labelOf((x) => x.ageGroup) },
    { key: 'seatOut', type: 'text', label: labelOf((x) => x.seatOut) },
    { key: 'seatBack', type: 'text', label: labelOf((x) => x.seatBack) },
    { key: 'hotel', type: 'text', label: labelOf((x) => x.hotel) },
    { key: 'room', type: 'text', label: labelOf((x) => x.room) },
    { key: 'roomType', type: 'text', label: labelOf((x) => x.roomType) },
    { key: 'booking', type: 'text', label: labelOf((x) => x.booking) },
    { key: 'phone', type: 'text', label: labelOf((x) => x.phone) },
    ...(info.needsDocuments
      ? ([
          { key: 'nationality', type: 'text', label: labelOf((x) => x.nationality) },
          { key: 'document', type: 'text', label: labelOf((x) => x.document) },
          { key: 'documentExpiry', type: 'date', label: labelOf((x) => x.expiry) },
        ] satisfies ColumnDefinition[])
      : []),
    { key: 'diet', type: 'text', label: labelOf((x) => x.diet) },
    { key: 'medicalNotes', type: 'text', label: labelOf((x) => x.medicalNotes) },
    { key: 'emergencyContact', type: 'text', label: labelOf((x) => x.emergencyContact) },
  ];
  const rows: ReportRow[] = lists.guests.map((g) => ({
    name: `${g.lastName}, ${g.firstName}`,
    ageGroup: ageGroup(g, l),
    seatOut: g.seatOut,
    seatBack: g.seatBack,
    hotel: info.hotel.name,
    room: g.room ?? l.unassigned,
    roomType: g.roomType,
    booking: g.bookingNumber,
    phone: g.phone,
    nationality: g.nationality,
    document: documentOf(g),
    documentExpiry: g.documentExpiry,
    diet: g.diet,
    medicalNotes: g.medicalNotes,
    emergencyContact: g.emergencyContact,
  }));
  return {
    columns,
    rows,
    totals: { name: `${l.passengers}: ${lists.guests.length}` },
    currency: null,
  };
}

export async function guidePdf(
  ctx: Ctx,
  { info, lists }: GuideList,
  locale: DocumentLocale,
): Promise<Buffer> {
  const l = listLabels(locale);
  const template = await documentTemplateOf(ctx);
  const doc = createPdf({ locale, title: l.guideList, template, layout: 'landscape' });
  keyValues(doc, [
    [l.tour, `${info.tourCode} ${tourNameIn(info, locale)}`],
    [l.date, `${formatDate(info.startDate, locale)} – ${formatDate(info.endDate, locale)}`],
    [l.hotel, `${info.hotel.name}, ${info.hotel.city}`],
    [l.passengers, String(lists.guests.length)],
  ]);
  if (lists.guests.length === 0) {
    paragraph(doc, l.noPassengers);
    return pdfToBuffer(doc);
  }
  const columns: TableColumn[] = [
    { header: '#', weight: 0.5, align: 'right' },
    { header: l.name, weight: 2.4 },
    { header: l.ageGroup, weight: 1.3 },
    { header: l.seat, weight: 1 },
    { header: l.room, weight: 1.1 },
    ...(info.needsDocuments
      ? [
          { header: l.nationality, weight: 0.9 },
          { header: `${l.document} (${l.expiry})`, weight: 2 },
        ]
      : []),
    { header: l.diet, weight: 1.5 },
    { header: l.medicalNotes, weight: 2 },
    { header: l.emergencyContact, weight: 2.2 },
    { header: l.phone, weight: 1.6 },
  ];
  drawTable(
    doc,
    columns,
    lists.guests.map((g, i) => [
      String(i + 1),
      `${g.lastName}, ${g.firstName}\n${g.bookingNumber}`,
      ageGroup(g, l),
      [g.seatOut, g.seatBack].filter(Boolean).join(' / ') || '–',
      g.room ? `${g.room} ${g.roomType ?? ''}`.trim() : l.unassigned,
      ...(info.needsDocuments
        ? [
            g.nationality ?? '',
            documentOf(g)
              ? `${documentOf(g)}${g.documentExpiry ? ` (${formatDate(g.documentExpiry, locale)})` : ''}`
              : '',
          ]
        : []),
      g.diet ?? '',
      g.medicalNotes ?? '',
      g.emergencyContact ?? '',
      g.phone ?? '',
    ]),
  );
  return pdfToBuffer(doc);
}
