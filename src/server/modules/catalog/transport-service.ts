// Transport use cases: flights, trains and buses with their route, classes and dated
// departures. Seats are kept only in the inventory (one resource per departure and class),
// written with `setCapacity` and read back with `capacityOf`.
import { daysBetween } from '../../calendar.ts';
import { type Ctx, inTransaction } from '../../context.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { newId } from '../../db/ids.ts';
import type {
  DepartureStatus,
  TransportClass,
  TransportKind,
  TransportStop,
} from '../../db/schema.ts';
import { Conflict, type FieldError, Invalid, NotFound } from '../../errors.ts';
import { decodeCursor, toPage } from '../../http/pagination.ts';
import { recordAudit } from '../identity/audit.ts';
import { capacityOf, setCapacity } from '../inventory/service.ts';
import type { ResourceRef } from '../inventory/types.ts';
import { layoutOf, syncDepartureSeats } from '../seating/departure-seats.ts';
import { type ArchivedFilter, iso, lifecycle } from './common.ts';
import { isSupplierOfAgency } from './lookup.ts';
import type { DepartureRow, TransportRow } from './transport-repo.ts';
import * as repo from './transport-repo.ts';
import {
  type DepartureInput,
  departureProblems,
  seatProblems,
  throwIfAny,
  transportProblems,
} from './transport-rules.ts';

export type { DepartureInput } from './transport-rules.ts';

export interface CreateTransportInput {
  kind: TransportKind;
  code: string;
  name: string;
  carrier?: string | null;
  supplierId?: string | null;
  classes: TransportClass[];
  stops: TransportStop[];
  departures?: DepartureInput[];
}

export type UpdateTransportInput = Partial<Omit<CreateTransportInput, 'departures'>>;

export interface UpdateDepartureInput {
  status?: DepartureStatus;
  seats?: Record<string, number>;
}

export interface TransportQuery {
  limit: number;
  cursor?: string;
  kind?: TransportKind;
  from?: string;
  to?: string;
  date?: string;
  q?: string;
  archived?: ArchivedFilter;
}

export interface SeatsView {
  classCode: string;
  capacity: number;
  sold: number;
  held: number;
  available: number;
}

export interface DepartureView {
  id: string;
  transportId: string;
  date: string;
  status: DepartureStatus;
  seats: SeatsView[];
  createdAt: string;
  updatedAt: string;
}

// --- presenting ---------------------------------------------------------------------------

function transportFields(row: TransportRow) {
  return {
    id: row.id,
    kind: row.kind,
    code: row.code,
    name: row.name,
    carrier: row.carrier,
    supplierId: row.supplierId,
    classes: row.classes,
    stops: row.stops,
    ...lifecycle(row),
  };
}

const seatRef = (departureId: string, classCode: string): ResourceRef => ({
  kind: 'transport_seats',
  ownerId: departureId,
  classCode,
});

/**
 * Seats of every class of each departure, from the inventory. Departures are read in windows
 * of at most a year, the longest range `capacityOf` reads at once being two.
 */
async function seatsOf(
  ctx: Ctx,
  departures: DepartureRow[],
  classesOf: (departure: DepartureRow) => TransportClass[],
): Promise<Map<string, SeatsView[]>> {
  const sorted = [...departures].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const counters = new Map<
    string,
    { capacity: number; sold: number; held: number; available: number }
  >();
  let start = 0;
  while (start < sorted.length) {
    const first = (sorted[start] as DepartureRow).date;
    let end = start;
    while (
      end + 1 < sorted.length &&
      daysBetween(first, (sorted[end + 1] as DepartureRow).date) < 366
    ) {
      end += 1;
    }
    const window = sorted.slice(start, end + 1);
    const refs = window.flatMap((d) => classesOf(d).map((c) => seatRef(d.id, c.code)));
    if (refs.length > 0) {
      const rows = await capacityOf(ctx, refs, first, (sorted[end] as DepartureRow).date);
      for (const row of rows)
        counters.set(`${row.ref.ownerId}|${row.ref.classCode ?? ''}|${row.date}`, row);
    }
    start = end + 1;
  }
  return new Map(
    departures.map((d) => [
      d.id,
      classesOf(d).map((c) => {
        const counter = counters.get(`${d.id}|${c.code}|${d.date}`);
        return {
          classCode: c.code,
          capacity: counter?.capacity ?? 0,
          sold: counter?.sold ?? 0,
          held: counter?.held ?? 0,
          available: counter?.available ?? 0,
        };
      }),
    ]),
  );
}

function presentDeparture(row: DepartureRow, seats: SeatsView[]): DepartureView {
  return {
    id: row.id,
    transportId: row.transportId,
    date: row.date,
    status: row.status,
    seats,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

/** Transports as the API shows them, each with its departures and their seats. */
async function presentTransports(ctx: Ctx, rows: TransportRow[]) {
  const departures = await repo.listDepartures(
    ctx.db,
    ctx.agencyId,
    rows.map((r) => r.id),
  );
  const classes = new Map(rows.map((r) => [r.id, r.classes]));
  const seats = await seatsOf(ctx, departures, (d) => classes.get(d.transportId) ?? []);
  return rows.map((row) => ({
    ...transportFields(row),
    departures: departures
      .filter((d) => d.transportId === row.id)
      .map((d) => presentDeparture(d, seats.get(d.id) ?? [])),
  }));
}

async function presentTransport(ctx: Ctx, row: TransportRow) {
  const [view] = await presentTransports(ctx, [row]);
  return view as NonNullable<typeof view>;
}

async function presentDepartureRow(ctx: Ctx, row: DepartureRow, classes: TransportClass[]) {
  const seats = await seatsOf(ctx, [row], () => classes);
  return presentDeparture(row, seats.get(row.id) ?? []);
}

// --- helpers ------------------------------------------------------------------------------

async function checkSupplier(ctx: Ctx, supplierId: string | null | undefined): Promise<void> {
  if (supplierId && !(await isSupplierOfAgency(ctx, supplierId))) {
    throw Invalid.field('/supplierId', 'is not a supplier of this agency');
  }
}

function duplicateCode(kind: TransportKind, code: string): Conflict {
  return new Conflict(`a ${kind} with code ${code} already exists in this agency`, [
    { path: '/code', message: 'is already used by another transport of this kind' },
  ]);
}

async function loadTransport(ctx: Ctx, id: string): Promise<TransportRow> {
  const row = await repo.findTransport(ctx.db, ctx.agencyId, id);
  if (!row) throw new NotFound('transport', id);
  return row;
}

/** Gives each departure its seats; the `Conflict` of a cut below sold and held names the class. */
async function writeSeats(
  ctx: Ctx,
  transport: TransportRow,
  departure: DepartureRow,
  seats: Record<string, number>,
  pathOf: (classCode: string) => string,
): Promise<void> {
  for (const [classCode, units] of Object.entries(seats)) {
    const label = `${transport.code} ${departure.date} ${classCode}`;
    try {
      await setCapacity(ctx, seatRef(departure.id, classCode), label, {
        from: departure.date,
        to: departure.date,
        kind: 'allotment',
        units,
      });
    } catch (error) {
      if (error instanceof Conflict) {
        throw new Conflict(`seats of class ${classCode} on ${departure.date}: ${error.message}`, [
          { path: pathOf(classCode), message: 'is below the seats already sold or held' },
        ]);
      }
      throw error;
    }
  }
}

/**
 * Seats per class a departure may not sell with its transport's seat layout: more than the
 * layout has for sale in the class (a change of seats), or other than that when it is added.
 */
function layoutSeatProblems(
  seats: Record<string, number>,
  counts: ReadonlyMap<string, number>,
  pathOf: (classCode: string) => string,
  rule: 'equal' | 'at most',
): FieldError[] {
  return Object.entries(seats)
    .filter(([code, units]) => {
      const inLayout = counts.get(code) ?? 0;
      return rule === 'equal' ? units !== inLayout : units > inLayout;
    })
    .map(([code, units]) => ({
      path: pathOf(code),
      message: `the seat layout has ${counts.get(code) ?? 0} seats for sale in class ${code}, not ${units}; change the layout first`,
    }));
}

async function insertDepartures(
  ctx: Ctx,
  transport: TransportRow,
  inputs: DepartureInput[],
  prefix: string,
): Promise<DepartureRow[]> {
  const existing = await repo.findDepartureDates(
    ctx.db,
    ctx.agencyId,
    transport.id,
    inputs.map((d) => d.date),
  );
  if (existing.length > 0) {
    throw new Conflict(
      `${transport.code} already departs on ${existing.join(', ')}`,
      inputs
        .map((d, index) => ({ date: d.date, index }))
        .filter((d) => existing.includes(d.date))
        .map((d) => ({ path: `${prefix}/${d.index}/date`, message: 'already has a departure' })),
    );
  }
  const rows = await repo
    .insertDepartures(
      ctx.db,
      inputs.map((d) => ({
        id: newId(),
        agencyId: ctx.agencyId,
        transportId: transport.id,
        date: d.date,
      })),
    )
    .catch((error: unknown) => {
      if (isUniqueViolation(error))
        throw new Conflict(`${transport.code} already departs on one of these dates`);
      throw error;
    });
  const byDate = new Map(rows.map((row) => [row.date, row]));
  // With a seat layout, a departure sells the layout's seats per class (the default), and
  // gets its seat map drawn from it.
  const seatMap = await layoutOf(ctx, transport.id);
  for (const [index, input] of inputs.entries()) {
    const row = byDate.get(input.date) as DepartureRow;
    const seats = input.seats ?? (seatMap ? Object.fromEntries(seatMap.counts) : {});
    if (seatMap) {
      throwIfAny(
        layoutSeatProblems(
          seats,
          seatMap.counts,
          (code) => `${prefix}/${index}/seats/${code}`,
          'equal',
        ),
      );
    }
    await writeSeats(ctx, transport, row, seats, (code) => `${prefix}/${index}/seats/${code}`);
    if (seatMap) await syncDepartureSeats(ctx, row, seatMap.layout);
  }
  return inputs.map((input) => byDate.get(input.date) as DepartureRow);
}

// --- use cases ----------------------------------------------------------------------------

/** Lists transports newest first, with their departures and seats. */
export async function listTransports(ctx: Ctx, query: TransportQuery) {
  const rows = await repo.listTransports(ctx.db, ctx.agencyId, {
    kind: query.kind,
    from: query.from,
    to: query.to,
    date: query.date,
    q: query.q,
    archived: query.archived ?? 'false',
    before: decodeCursor(query.cursor),
    limit: query.limit,
  });
  const page = toPage(rows, query.limit);
  return { items: await presentTransports(ctx, page.items), nextCursor: page.nextCursor };
}

export async function getTransport(ctx: Ctx, id: string) {
  return presentTransport(ctx, await loadTransport(ctx, id));
}

/** Creates a transport with its first departures and their seats, in one transaction. */
export async function createTransport(ctx: Ctx, input: CreateTransportInput) {
  const departures = input.departures ?? [];
  throwIfAny([
    ...transportProblems(input.kind, input.classes, input.stops),
    ...departureProblems(departures, input.classes, '/departures'),
  ]);
  return inTransaction(ctx, async (tx) => {
    await checkSupplier(tx, input.supplierId);
    const transport = await repo
      .insertTransport(tx.db, {
        id: newId(),
        agencyId: tx.agencyId,
        supplierId: input.supplierId ?? null,
        kind: input.kind,
        code: input.code.trim(),
        name: input.name.trim(),
        carrier: input.carrier?.trim() || null,
        classes: input.classes,
        stops: input.stops,
      })
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) throw duplicateCode(input.kind, input.code.trim());
        throw error;
      });
    await insertDepartures(tx, transport, departures, '/departures');
    const view = await presentTransport(tx, transport);
    await recordAudit(tx, {
      action: 'catalog.transport.created',
      entityType: 'transport',
      entityId: transport.id,
      after: view,
    });
    return view;
  });
}

/**
 * Changes a transport. The route and classes are checked as a whole after the change; a
 * class cannot be dropped while a departure still has seats of it.
 */
export async function updateTransport(ctx: Ctx, id: string, input: UpdateTransportInput) {
  return inTransaction(ctx, async (tx) => {
    const before = await loadTransport(tx, id);
    const kind = input.kind ?? before.kind;
    const classes = input.classes ?? before.classes;
    const stops = input.stops ?? before.stops;
    throwIfAny(transportProblems(kind, classes, stops));
    await checkSupplier(tx, input.supplierId);
    const kept = new Set(classes.map((c) => c.code));
    const dropped = before.classes.filter((c) => !kept.has(c.code));
    if (dropped.length > 0) {
      const departures = await repo.listDepartures(tx.db, tx.agencyId, [id]);
      const seats = await seatsOf(tx, departures, () => dropped);
      const inUse = [...seats.values()]
        .flat()
        .filter((s) => s.capacity > 0 || s.sold > 0 || s.held > 0);
      if (inUse.length > 0) {
        throw new Conflict(
          `classes ${[...new Set(inUse.map((s) => s.classCode))].join(', ')} still have seats on departures; set them to 0 first`,
          [{ path: '/classes', message: 'drops a class that still has seats' }],
        );
      }
    }
    const after = await repo
      .updateTransport(tx.db, tx.agencyId, id, {
        kind: input.kind,
        code: input.code?.trim(),
        name: input.name?.trim(),
        carrier: input.carrier === undefined ? undefined : input.carrier?.trim() || null,
        supplierId: input.supplierId,
        classes: input.classes,
        stops: input.stops,
      })
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) throw duplicateCode(kind, input.code?.trim() ?? before.code);
        throw error;
      });
    await recordAudit(tx, {
      action: 'catalog.transport.updated',
      entityType: 'transport',
      entityId: id,
      before: transportFields(before),
      after: transportFields(after),
    });
    return presentTransport(tx, after);
  });
}

/** Archives (true) or restores (false) a transport; doing it twice changes nothing. */
export async function setTransportArchived(ctx: Ctx, id: string, archived: boolean) {
  return inTransaction(ctx, async (tx) => {
    const before = await loadTransport(tx, id);
    if ((before.archivedAt !== null) === archived) return presentTransport(tx, before);
    const after = await repo.updateTransport(tx.db, tx.agencyId, id, {
      archivedAt: archived ? new Date() : null,
    });
    await recordAudit(tx, {
      action: archived ? 'catalog.transport.archived' : 'catalog.transport.restored',
      entityType: 'transport',
      entityId: id,
      before: transportFields(before),
      after: transportFields(after),
    });
    return presentTransport(tx, after);
  });
}

/** Adds one or more dated departures, with their seats, to a transport. */
export async function addDepartures(ctx: Ctx, transportId: string, inputs: DepartureInput[]) {
  return inTransaction(ctx, async (tx) => {
    const transport = await loadTransport(tx, transportId);
    if (transport.archivedAt !== null) {
      throw new Conflict(`transport ${transport.code} is archived; restore it to add departures`);
    }
    throwIfAny(departureProblems(inputs, transport.classes, '/departures'));
    const rows = await insertDepartures(tx, transport, inputs, '/departures');
    const seats = await seatsOf(tx, rows, () => transport.classes);
    const views = rows.map((row) => presentDeparture(row, seats.get(row.id) ?? []));
    for (const view of views) {
      await recordAudit(tx, {
        action: 'catalog.transport_departure.created',
        entityType: 'transport_departure',
        entityId: view.id,
        after: view,
      });
    }
    return views;
  });
}

async function loadDeparture(ctx: Ctx, id: string) {
  const departure = await repo.findDeparture(ctx.db, ctx.agencyId, id);
  if (!departure) throw new NotFound('transport departure', id);
  const transport = await loadTransport(ctx, departure.transportId);
  return { departure, transport };
}

export async function getDeparture(ctx: Ctx, id: string): Promise<DepartureView> {
  const { departure, transport } = await loadDeparture(ctx, id);
  return presentDepartureRow(ctx, departure, transport.classes);
}

/**
 * Changes a departure's status or seats. Seats go to the inventory, which refuses fewer
 * seats than are already sold or held (409 naming the class).
 */
export async function updateDeparture(
  ctx: Ctx,
  id: string,
  input: UpdateDepartureInput,
): Promise<DepartureView> {
  return inTransaction(ctx, async (tx) => {
    const { departure, transport } = await loadDeparture(tx, id);
    throwIfAny(
      seatProblems(input.seats ?? {}, new Set(transport.classes.map((c) => c.code)), '/seats'),
    );
    const seatMap = input.seats ? await layoutOf(tx, transport.id) : undefined;
    if (seatMap) {
      throwIfAny(
        layoutSeatProblems(
          input.seats ?? {},
          seatMap.counts,
          (code) => `/seats/${code}`,
          'at most',
        ),
      );
    }
    const before = await presentDepartureRow(tx, departure, transport.classes);
    const row =
      input.status === undefined || input.status === departure.status
        ? departure
        : await repo.updateDeparture(tx.db, tx.agencyId, id, { status: input.status });
    await writeSeats(tx, transport, row, input.seats ?? {}, (code) => `/seats/${code}`);
    const after = await presentDepartureRow(tx, row, transport.classes);
    await recordAudit(tx, {
      action: 'catalog.transport_departure.updated',
      entityType: 'transport_departure',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}
