// The driver's list of a transport departure (T3) and its run sheet (T1): the route's stops in
// order with their date and time, who gets on at each (seat, name, phone, booking, money to
// collect, a box to tick), who gets off, and the load on each leg. One set of rows feeds the
// JSON, the PDF and the CSV/XLSX files.
import { addDays } from '../../calendar.ts';
import type { Ctx } from '../../context.ts';
import type { TransportStop } from '../../db/schema.ts';
import { labelsFor } from '../documents/labels.ts';
import {
  createPdf,
  type DocumentLocale,
  drawTable,
  ensureSpace,
  formatDate,
  formatMoney,
  heading,
  keyValues,
  paragraph,
  pdfToBuffer,
} from '../documents/pdf.ts';
import { documentTemplateOf } from '../documents/template-service.ts';
import type { ColumnDefinition, PreparedReport, ReportRow } from '../reporting/report-kit.ts';
import { labelOf, listLabels } from './labels.ts';
import {
  type Passenger,
  passengersOf,
  type TransportDepartureInfo,
  transportDepartureInfo,
} from './passengers.ts';
import { type RunSheet, runSheet } from './run-sheet.ts';

export interface Manifest {
  info: TransportDepartureInfo;
  passengers: Passenger[];
  sheet: RunSheet<Passenger>;
}

export async function loadManifest(ctx: Ctx, departureId: string): Promise<Manifest> {
  const info = await transportDepartureInfo(ctx, departureId);
  const passengers = await passengersOf(ctx, info);
  return { info, passengers, sheet: runSheet(info.transport.stops, passengers) };
}

/** The calendar date a stop is reached: the departure's date moved by the stop's day offset. */
export function stopDate(info: TransportDepartureInfo, stop: TransportStop): string {
  const first = info.transport.stops[0]?.dayOffset ?? 0;
  return addDays(info.date, stop.dayOffset - first);
}

const fullName = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`;

/** The run sheet as JSON: per stop who gets on and off, and the load of every leg. */
export function runSheetView({ info, passengers, sheet }: Manifest) {
  const who = (p: Passenger) => ({
    name: fullName(p),
    seat: p.seat,
    bookingNumber: p.bookingNumber,
    bookingId: p.bookingId,
    travellerIndex: p.position,
    child: p.isChild,
  });
  return {
    departureId: info.id,
    date: info.date,
    status: info.status,
    transport: {
      id: info.transport.id,
      kind: info.transport.kind,
      code: info.transport.code,
      name: info.transport.name,
      carrier: info.transport.carrier,
    },
    passengers: passengers.length,
    stops: sheet.stops.map((s) => ({
      index: s.index,
      name: s.stop.name,
      code: s.stop.code ?? null,
      city: s.stop.city ?? null,
      country: s.stop.country ?? null,
      date: stopDate(info, s.stop),
      time: s.stop.time,
      boarding: { count: s.boarding.length, passengers: s.boarding.map(who) },
      alighting: { count: s.alighting.length, passengers: s.alighting.map(who) },
      onBoard: s.onBoard,
    })),
    legs: sheet.legs.map((leg) => ({
      from: sheet.stops[leg.from]?.stop.name ?? '',
      to: sheet.stops[leg.to]?.stop.name ?? '',
      load: leg.load,
    })),
  };
}

/** One currency for the balance column when every booking has it; else the amounts as text. */
function balanceCurrency(passengers: readonly Passenger[]): string | null {
  const currencies = new Set(passengers.map((p) => p.currency));
  return currencies.size === 1 ? ([...currencies][0] as string) : null;
}

/** The manifest's file rows: one a passenger, in route order, and the totals. */
export function manifestReport(manifest: Manifest, locale: DocumentLocale): PreparedReport {
  const { info, passengers } = manifest;
  const stops = info.transport.stops;
  const currency = balanceCurrency(passengers);
  const l = listLabels(locale);
  const columns: ColumnDefinition[] = [
    { key: 'stopOrder', type: 'integer', label: labelOf(() => '#') },
    { key: 'stop', type: 'text', label: labelOf((x) => x.getsOn) },
    { key: 'date', type: 'date', label: labelOf((x) => x.date) },
    { key: 'time', type: 'text', label: labelOf((x) => x.time) },
    { key: 'seat', type: 'text', label: labelOf((x) => x.seat) },
    { key: 'name', type: 'text', label: labelOf((x) => x.name) },
    { key: 'phone', type: 'text', label: labelOf((x) => x.phone) },
    { key: 'booking', type: 'text', label: labelOf((x) => x.booking) },
    currency
      ? { key: 'balance', type: 'money', currency, label: labelOf((x) => x.balance) }
      : { key: 'balance', type: 'text', label: labelOf((x) => x.balance) },
    { key: 'getsOff', type: 'text', label: labelOf((x) => x.getsOff) },
    { key: 'present', type: 'text', label: labelOf((x) => x.tick) },
  ];
  const rows: ReportRow[] = passengers.map((p) => {
    const stop = stops[p.board] as TransportStop;
    return {
      stopOrder: p.board + 1,
      stop: stop.name,
      date: stopDate(info, stop),
      time: stop.time,
      seat: p.seat,
      name: fullName(p),
      phone: p.phone,
      booking: p.bookingNumber,
      balance:
        p.balance === null || p.balance <= 0
          ? null
          : currency
            ? p.balance
            : formatMoney(p.balance, p.currency, locale),
      getsOff: stops[p.alight]?.name ?? null,
      present: null,
    };
  });
  const owed = passengers.reduce((sum, p) => sum + Math.max(0, p.balance ?? 0), 0);
  return {
    columns,
    rows,
    totals: {
      name: `${l.passengers}: ${passengers.length}`,
      ...(currency ? { balance: owed } : {}),
    },
    currency,
  };
}

export async function manifestPdf(
  ctx: Ctx,
  manifest: Manifest,
  locale: DocumentLocale,
): Promise<Buffer> {
  const { info, passengers, sheet } = manifest;
  const l = listLabels(locale);
  const template = await documentTemplateOf(ctx);
  const doc = createPdf({ locale, title: l.manifest, template, layout: 'landscape' });
  keyValues(doc, [
    [l.transport, `${info.transport.code} ${info.transport.name}`],
    ...(info.transport.carrier
      ? ([[l.carrier, info.transport.carrier]] as Array<[string, string]>)
      : []),
    [l.date, formatDate(info.date, locale)],
    [l.passengers, String(passengers.length)],
  ]);
  if (passengers.length === 0) paragraph(doc, l.noPassengers);
  const stops = info.transport.stops;
  for (const s of sheet.stops) {
    // A stop's heading, counts and first passengers stay on one page.
    ensureSpace(doc, 120);
    heading(
      doc,
      `${s.index + 1}. ${s.stop.name} · ${formatDate(stopDate(info, s.stop), locale)} ${s.stop.time}`,
    );
    paragraph(
      doc,
      `${l.boarding}: ${s.boarding.length} · ${l.alighting}: ${s.alighting.length} · ${l.onBoard}: ${s.onBoard}`,
      { bold: true, size: 9 },
    );
    if (s.boarding.length > 0) {
      drawTable(
        doc,
        [
          { header: l.tick, weight: 1.2, align: 'center' },
          { header: l.seat, weight: 0.8 },
          { header: l.name, weight: 3 },
          { header: l.phone, weight: 2 },
          { header: l.booking, weight: 1.6 },
          { header: l.balance, weight: 1.6, align: 'right' },
          { header: l.getsOff, weight: 3 },
        ],
        s.boarding.map((p) => [
          '☐',
          p.seat ?? '–',
          fullName(p),
          p.phone ?? '',
          p.bookingNumber,
          p.balance !== null && p.balance > 0 ? formatMoney(p.balance, p.currency, locale) : '',
          stops[p.alight]?.name ?? '',
        ]),
      );
    }
    if (s.alighting.length > 0) {
      paragraph(
        doc,
        `${l.alighting}: ${s.alighting.map((p) => `${fullName(p)}${p.seat ? ` (${p.seat})` : ''}`).join(', ')}`,
        { size: 9 },
      );
    }
  }
  if (sheet.legs.length > 0) {
    heading(doc, l.legs);
    drawTable(
      doc,
      [
        { header: labelsFor(locale).from, weight: 3 },
        { header: labelsFor(locale).to, weight: 3 },
        { header: l.onBoard, weight: 1, align: 'right' },
      ],
      sheet.legs.map((leg) => [
        stops[leg.from]?.name ?? '',
        stops[leg.to]?.name ?? '',
        String(leg.load),
      ]),
    );
  }
  return pdfToBuffer(doc);
}
