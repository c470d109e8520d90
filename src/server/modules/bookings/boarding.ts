// Where and when the travellers board each transport leg of a booking, for the voucher and the
// booking's page: outbound at the stop chosen when it was priced (`boardingPoint`, the first
// stop of the route when none was chosen), and coming back at the return's first stop (the
// chosen stop is where they get off then). The time is the stop's, on the leg's date moved by
// the stop's day offset.
import { addDays, type CalendarDate } from '../../calendar.ts';
import type { Ctx } from '../../context.ts';
import type { TransportClass, TransportStop } from '../../db/schema.ts';

export interface Boarding {
  direction: 'outbound' | 'return';
  transportId: string;
  /** "BUS-MAK Praha – Makarska" */
  transport: string;
  classCode: string | null;
  className: string | null;
  /** The stop's name: "Brno, Hotel Grand (Benešova)". */
  place: string;
  date: CalendarDate;
  /** Local time at the stop, HH:MM. */
  time: string;
  /** The departure's date (from its first stop): the leg's transport line's date. */
  legDate: CalendarDate;
}

interface LegLine {
  kind: string;
  productId: string;
  fromDate: string | null;
}

interface TransportRow {
  id: string;
  code: string;
  name: string;
  classes: TransportClass[];
  stops: TransportStop[];
}

/** The boarding of each leg; pure, from rows already loaded. */
export function boardingsOf(
  request: { boardingPoint?: string | null; classCode?: string | null },
  lines: readonly LegLine[],
  transports: readonly TransportRow[],
): Boarding[] {
  const legs = new Map<string, { transportId: string; date: CalendarDate }>();
  for (const line of lines) {
    if (line.kind !== 'transport' || !line.fromDate) continue;
    legs.set(`${line.productId}:${line.fromDate}`, {
      transportId: line.productId,
      date: line.fromDate as CalendarDate,
    });
  }
  const result: Boarding[] = [];
  const ordered = [...legs.values()].sort((a, b) => a.date.localeCompare(b.date));
  for (const [index, leg] of ordered.entries()) {
    const transport = transports.find((t) => t.id === leg.transportId);
    const first = transport?.stops[0];
    if (!transport || !first) continue;
    // The first leg goes out (a night coach may leave the day before the stay starts); any
    // later one comes back.
    const direction = index === 0 ? 'outbound' : 'return';
    const chosen =
      direction === 'outbound' && request.boardingPoint
        ? transport.stops.find(
            (s) => s.code === request.boardingPoint || s.name === request.boardingPoint,
          )
        : undefined;
    const stop = chosen ?? first;
    const cls = transport.classes.find((c) => c.code === request.classCode) ?? transport.classes[0];
    result.push({
      direction,
      transportId: transport.id,
      transport: `${transport.code} ${transport.name}`,
      classCode: cls?.code ?? null,
      className: cls?.name ?? null,
      place: stop.name,
      // The leg's date is its departure from the first stop; a later stop may be a day on.
      date: addDays(leg.date, stop.dayOffset - first.dayOffset),
      time: stop.time,
      legDate: leg.date,
    });
  }
  return result;
}

/** The boardings of a booking from its quote's request and its current transport lines. */
export async function loadBoardings(
  ctx: Ctx,
  booking: { quoteId: string },
  lines: readonly LegLine[],
): Promise<Boarding[]> {
  const ids = [...new Set(lines.filter((l) => l.kind === 'transport').map((l) => l.productId))];
  if (ids.length === 0) return [];
  const [quote, transports] = await Promise.all([
    ctx.db
      .selectFrom('quotes')
      .select('request')
      .where('agencyId', '=', ctx.agencyId)
      .where('id', '=', booking.quoteId)
      .executeTakeFirst(),
    ctx.db
      .selectFrom('transports')
      .select(['id', 'code', 'name', 'classes', 'stops'])
      .where('agencyId', '=', ctx.agencyId)
      .where('id', 'in', ids)
      .execute(),
  ]);
  const request = (quote?.request ?? {}) as {
    boardingPoint?: string | null;
    classCode?: string | null;
  };
  return boardingsOf(request, lines, transports);
}
