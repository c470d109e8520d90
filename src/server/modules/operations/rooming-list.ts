// The rooming list of a tour departure for its hotel (T3): rooms with their guests, type, beds,
// board, dates and requests, and anyone not yet in a room. Each send to the hotel is kept as
// a numbered version with the rooms it listed; `since` a version, the list says which rooms
// were added, changed or cancelled, and the next send carries those changes on top.
import { type Ctx, inTransaction } from '../../context.ts';
import { json } from '../../db/json.ts';
import { Conflict, Invalid } from '../../errors.ts';
import {
  createPdf,
  type DocumentLocale,
  drawTable,
  formatDate,
  heading,
  keyValues,
  paragraph,
  pdfToBuffer,
} from '../documents/pdf.ts';
import { documentTemplateOf } from '../documents/template-service.ts';
import { recordAudit } from '../identity/audit.ts';
import { queueEmail } from '../messaging/mailer.ts';
import type { ColumnDefinition, PreparedReport, ReportRow } from '../reporting/report-kit.ts';
import { type GuideList, loadTourDeparture, tourNameIn } from './guide-list.ts';
import { type ListLabels, labelOf, listLabels } from './labels.ts';
import { type RoomingChanges, type RoomingRoom, roomingChanges } from './rooming.ts';

export interface RoomingList extends GuideList {
  /** The versions sent so far, oldest first. */
  versions: Array<{ version: number; sentTo: string; sentAt: string; sentByName: string | null }>;
  /** The changes since the version asked for (`since`), when one was. */
  since: { version: number; changes: RoomingChanges } | null;
}

async function sentVersions(ctx: Ctx, departureId: string) {
  const rows = await ctx.db
    .selectFrom('roomingListVersions')
    .select(['version', 'sentTo', 'sentAt', 'sentByName'])
    .where('agencyId', '=', ctx.agencyId)
    .where('tourDepartureId', '=', departureId)
    .orderBy('version')
    .execute();
  return rows.map((r) => ({ ...r, sentAt: new Date(r.sentAt).toISOString() }));
}

async function snapshotOf(ctx: Ctx, departureId: string, version: number) {
  const row = await ctx.db
    .selectFrom('roomingListVersions')
    .select('snapshot')
    .where('agencyId', '=', ctx.agencyId)
    .where('tourDepartureId', '=', departureId)
    .where('version', '=', version)
    .executeTakeFirst();
  return row ? (row.snapshot as RoomingRoom[]) : undefined;
}

/** The list as it is now; with `since`, also what changed since that sent version (400 if none). */
export async function loadRoomingList(
  ctx: Ctx,
  departureId: string,
  since?: number,
): Promise<RoomingList> {
  const base = await loadTourDeparture(ctx, departureId);
  const versions = await sentVersions(ctx, departureId);
  if (since === undefined) return { ...base, versions, since: null };
  const before = await snapshotOf(ctx, departureId, since);
  if (!before) {
    throw Invalid.field(
      '/since',
      versions.length === 0
        ? 'no rooming list has been sent for this departure yet'
        : `version ${since} was never sent; sent: ${versions.map((v) => v.version).join(', ')}`,
    );
  }
  return {
    ...base,
    versions,
    since: { version: since, changes: roomingChanges(before, base.lists.rooms) },
  };
}

/** A room as stored in a version: the fields the hotel was told, without the list's numbering. */
function stored(room: RoomingRoom): RoomingRoom {
  return {
    key: room.key,
    bookingNumber: room.bookingNumber,
    roomTypeCode: room.roomTypeCode,
    roomTypeName: room.roomTypeName,
    bedding: room.bedding,
    board: room.board,
    arrival: room.arrival,
    departure: room.departure,
    guests: room.guests,
    requests: room.requests,
  };
}

export function roomingView(list: RoomingList) {
  const { info, lists } = list;
  return {
    tourDepartureId: info.id,
    tour: { id: info.tourId, code: info.tourCode, name: info.tourName },
    hotel: {
      id: info.hotel.id,
      name: info.hotel.name,
      city: info.hotel.city,
      country: info.hotel.country,
      email: info.hotel.email,
    },
    arrival: info.startDate,
    departure: info.endDate,
    board: info.boardType,
    rooms: lists.rooms,
    unassigned: lists.unassigned.map((g) => ({
      name: `${g.lastName}, ${g.firstName}`,
      bookingNumber: g.bookingNumber,
      travellerIndex: g.position,
    })),
    versions: list.versions,
    latestVersion: list.versions.at(-1)?.version ?? null,
    since: list.since
      ? {
          version: list.since.version,
          added: list.since.changes.added,
          changed: list.since.changes.changed,
          cancelled: list.since.changes.cancelled,
        }
      : null,
  };
}

type ChangeKind = 'added' | 'changed' | 'cancelled';
const changeLabel = (l: ListLabels, kind: ChangeKind) => l[kind];

/** The rows of the files: every room (and the unassigned), or only the changes `since`. */
export function roomingReport(list: RoomingList, locale: DocumentLocale): PreparedReport {
  const l = listLabels(locale);
  const columns: ColumnDefinition[] = [
    ...(list.since
      ? ([
          {
            key: 'change',
            type: 'text',
            label: labelOf((x) => x.changesSince(list.since?.version ?? 0)),
          },
        ] satisfies ColumnDefinition[])
      : []),
    { key: 'room', type: 'text', label: labelOf((x) => x.room) },
    { key: 'roomType', type: 'text', label: labelOf((x) => x.roomType) },
    { key: 'bedding', type: 'text', label: labelOf((x) => x.bedding) },
    { key: 'board', type: 'text', label: labelOf((x) => x.board) },
    { key: 'arrival', type: 'date', label: labelOf((x) => x.arrival) },
    { key: 'departure', type: 'date', label: labelOf((x) => x.departure) },
    { key: 'guests', type: 'text', label: labelOf((x) => x.guests) },
    { key: 'guestCount', type: 'integer', label: labelOf((x) => `${x.guests} (#)`) },
    { key: 'requests', type: 'text', label: labelOf((x) => x.requests) },
    { key: 'booking', type: 'text', label: labelOf((x) => x.booking) },
  ];
  const refOf = new Map(list.lists.rooms.map((r) => [r.key, r.ref]));
  const row = (room: RoomingRoom, change?: ChangeKind): ReportRow => ({
    ...(change ? { change: changeLabel(l, change) } : {}),
    room: refOf.get(room.key) ?? null,
    roomType: `${room.roomTypeCode} ${room.roomTypeName}`,
    bedding: l.beddings[room.bedding],
    board: room.board,
    arrival: room.arrival,
    departure: room.departure,
    guests: room.guests.join(' / '),
    guestCount: room.guests.length,
    requests: room.requests,
    booking: room.bookingNumber,
  });
  const rows: ReportRow[] = list.since
    ? [
        ...list.since.changes.added.map((r) => row(r, 'added')),
        ...list.since.changes.changed.map((c) => row(c.room, 'changed')),
        ...list.since.changes.cancelled.map((r) => row(r, 'cancelled')),
      ]
    : [
        ...list.lists.rooms.map((r) => row(r)),
        ...list.lists.unassigned.map((g) => ({
          room: l.unassigned,
          guests: `${g.lastName}, ${g.firstName}`,
          guestCount: 1,
          arrival: g.arrival,
          departure: g.departure,
          booking: g.bookingNumber,
        })),
      ];
  const guests = rows.reduce((n, r) => n + Number(r.guestCount ?? 0), 0);
  return { columns, rows, totals: { guestCount: guests }, currency: null };
}

const roomCells = (
  room: RoomingRoom,
  ref: string | null,
  l: ListLabels,
  locale: DocumentLocale,
) => [
  ref ?? '',
  `${room.roomTypeCode} ${room.roomTypeName}`,
  l.beddings[room.bedding],
  room.board ?? '',
  `${formatDate(room.arrival, locale)} – ${formatDate(room.departure, locale)}`,
  room.guests.join('\n'),
  room.requests ?? '',
  room.bookingNumber,
];

export async function roomingPdf(
  ctx: Ctx,
  list: RoomingList,
  locale: DocumentLocale,
  version: number | null = null,
): Promise<Buffer> {
  const { info, lists } = list;
  const l = listLabels(locale);
  const template = await documentTemplateOf(ctx);
  const title = version ? `${l.roomingList} · ${l.version(version)}` : l.roomingList;
  const doc = createPdf({ locale, title, template, layout: 'landscape' });
  keyValues(doc, [
    [l.hotel, `${info.hotel.name}, ${info.hotel.city}`],
    [l.arrival, formatDate(info.startDate, locale)],
    [l.departure, formatDate(info.endDate, locale)],
    [l.tour, `${info.tourCode} ${tourNameIn(info, locale)}`],
    ...(info.boardType ? ([[l.board, info.boardType]] as Array<[string, string]>) : []),
    [l.rooms, String(lists.rooms.length)],
    [l.guests, String(lists.guests.length)],
  ]);
  const columns = [
    { header: l.room, weight: 0.7 },
    { header: l.roomType, weight: 2 },
    { header: l.bedding, weight: 1.3 },
    { header: l.board, weight: 0.7 },
    { header: `${l.arrival} – ${l.departure}`, weight: 2.4 },
    { header: l.guests, weight: 2.6 },
    { header: l.requests, weight: 2.2 },
    { header: l.booking, weight: 1.4 },
  ];
  const refOf = new Map(lists.rooms.map((r) => [r.key, r.ref]));
  if (list.since) {
    const { changes } = list.since;
    heading(doc, l.changesSince(list.since.version));
    if (changes.added.length + changes.changed.length + changes.cancelled.length === 0) {
      paragraph(doc, l.noChanges);
    }
    const parts: Array<[string, RoomingRoom[]]> = [
      [l.added, changes.added],
      [l.changed, changes.changed.map((c) => c.room)],
      [l.cancelled, changes.cancelled],
    ];
    for (const [name, rooms] of parts) {
      if (rooms.length === 0) continue;
      paragraph(doc, `${name}: ${rooms.length}`, { bold: true });
      drawTable(
        doc,
        columns,
        rooms.map((r) => {
          const cells = roomCells(r, refOf.get(r.key) ?? null, l, locale);
          const change = changes.changed.find((c) => c.room.key === r.key);
          if (change) {
            // What the hotel had before, under the new value of each changed field.
            const was = change.fields.map((f) => {
              const value = change.before[f];
              return `${l.was}: ${Array.isArray(value) ? value.join(', ') : (value ?? '–')}`;
            });
            cells[6] = [cells[6], ...was].filter(Boolean).join('\n');
          }
          return cells;
        }),
      );
    }
  }
  heading(doc, l.rooms);
  if (lists.rooms.length === 0) paragraph(doc, l.noPassengers);
  else
    drawTable(
      doc,
      columns,
      lists.rooms.map((r) => roomCells(r, r.ref, l, locale)),
    );
  if (lists.unassigned.length > 0) {
    heading(doc, l.unassigned);
    for (const g of lists.unassigned) {
      paragraph(doc, `${g.lastName}, ${g.firstName} (${g.bookingNumber})`);
    }
  }
  return pdfToBuffer(doc);
}

/**
 * Sends the rooming list to the hotel: the next version (the changes since the last one on
 * top), as a PDF attached to an e-mail that leaves through the outbox after the commit, to
 * the hotel supplier's address unless `to` is given. The version and its rooms are kept.
 */
export async function sendRoomingList(
  ctx: Ctx,
  departureId: string,
  input: { to?: string | null },
  locale: DocumentLocale,
) {
  return inTransaction(ctx, async (tx) => {
    // One sender at a time per departure: the version numbers stay a gapless series.
    await tx.db
      .selectFrom('tourDepartures')
      .select('id')
      .where('agencyId', '=', tx.agencyId)
      .where('id', '=', departureId)
      .forUpdate()
      .executeTakeFirst();
    const current = await loadRoomingList(tx, departureId);
    const last = current.versions.at(-1)?.version;
    const list = last === undefined ? current : await loadRoomingList(tx, departureId, last);
    const to = input.to ?? current.info.hotel.email;
    if (!to) {
      throw new Conflict(
        `${current.info.hotel.name} has no e-mail address (its supplier's or a contact's): give "to"`,
        [{ path: '/to', message: 'the hotel has no e-mail address on record' }],
      );
    }
    const version = (last ?? 0) + 1;
    const pdf = await roomingPdf(tx, list, locale, version);
    const l = listLabels(locale);
    const arrival = formatDate(current.info.startDate, locale);
    await tx.db
      .insertInto('roomingListVersions')
      .values({
        agencyId: tx.agencyId,
        tourDepartureId: departureId,
        version,
        sentTo: to,
        sentByName: tx.actor.name,
        snapshot: json(current.lists.rooms.map(stored)),
      })
      .execute();
    await queueEmail(tx, {
      to,
      subject: `${l.roomingList} · ${l.version(version)} · ${current.info.hotel.name} · ${arrival}`,
      text: l.mailText(current.info.hotel.name, arrival, version),
      attachments: [
        {
          filename: `rooming-list-${current.info.tourCode}-${current.info.startDate}-v${version}.pdf`,
          contentType: 'application/pdf',
          contentBase64: pdf.toString('base64'),
        },
      ],
    });
    const changes = list.since?.changes;
    await recordAudit(tx, {
      action: 'rooming_list.sent',
      entityType: 'tour_departure',
      entityId: departureId,
      after: {
        version,
        to,
        rooms: current.lists.rooms.length,
        ...(changes
          ? {
              since: last,
              added: changes.added.length,
              changed: changes.changed.length,
              cancelled: changes.cancelled.length,
            }
          : {}),
      },
    });
    return {
      version,
      sentTo: to,
      rooms: current.lists.rooms.length,
      since: changes
        ? {
            version: last as number,
            added: changes.added.length,
            changed: changes.changed.length,
            cancelled: changes.cancelled.length,
          }
        : null,
    };
  });
}
