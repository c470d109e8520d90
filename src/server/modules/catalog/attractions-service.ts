// Attraction use cases: the attraction and its rules (dated or open tickets, time slots),
// its ticket types, and ticket capacity per day and slot, which lives in the inventory
// (`ticket_slot` resources, class code = the slot, '' without slots).
import { type CalendarDate, datesFromTo, daysBetween } from '../../calendar.ts';
import { type Ctx, inTransaction } from '../../context.ts';
import { newId } from '../../db/ids.ts';
import type { LocalizedText, TicketCategory } from '../../db/schema.ts';
import { type FieldError, Invalid, NotFound } from '../../errors.ts';
import { decodeCursor, toPage } from '../../http/pagination.ts';
import { recordAudit } from '../identity/audit.ts';
import { availability, setCapacity } from '../inventory/service.ts';
import type { ResourceRef } from '../inventory/types.ts';
import type { AttractionRow, TicketTypeRow } from './attractions-repo.ts';
import * as repo from './attractions-repo.ts';
import { type ArchivedFilter, lifecycle } from './common.ts';
import { firstText } from './labels.ts';
import { isSupplierOfAgency } from './lookup.ts';

export interface TicketTypeInput {
  category: TicketCategory;
  name: LocalizedText;
  minAge?: number | null;
  maxAge?: number | null;
}

export interface CreateAttractionInput {
  name: LocalizedText;
  description?: LocalizedText;
  city: string;
  country: string;
  address?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  photos?: string[];
  supplierId?: string | null;
  advanceBookingDays?: number;
  dated?: boolean;
  validityDays?: number | null;
  timeSlots?: string[];
  entrances?: string[];
  includedItems?: LocalizedText[];
  ticketTypes?: TicketTypeInput[];
}

export type UpdateAttractionInput = Partial<Omit<CreateAttractionInput, 'ticketTypes'>>;

export interface AttractionQuery {
  limit: number;
  cursor?: string;
  city?: string;
  country?: string;
  supplierId?: string;
  q?: string;
  archived?: ArchivedFilter;
}

export interface TicketCapacityInput {
  from: CalendarDate;
  to: CalendarDate;
  timeSlot?: string;
  units: number;
  stopSale?: boolean;
}

export interface TicketAvailability {
  date: CalendarDate;
  timeSlot: string | null;
  capacity: number;
  sold: number;
  held: number;
  available: number;
  stopSale: boolean;
}

/** The longest range of dates one capacity or availability call covers. */
export const maxRangeDays = 366;

// --- rules (pure) -------------------------------------------------------------------------

/** `to` on or after `from`, and at most `maxRangeDays` dates in all. */
export function checkDateRange(from: CalendarDate, to: CalendarDate): void {
  if (to < from) throw Invalid.field('/to', `must be on or after from (${from})`);
  if (daysBetween(from, to) >= maxRangeDays) {
    throw Invalid.field('/to', `must be within ${maxRangeDays} days of from (${from})`);
  }
}

/** What is wrong with an attraction's ticket rules; empty when nothing. */
export function attractionProblems(rules: {
  dated: boolean;
  validityDays: number | null;
  timeSlots: string[];
}): FieldError[] {
  const problems: FieldError[] = [];
  if (!rules.dated && rules.validityDays === null) {
    problems.push({ path: '/validityDays', message: 'is required for open (undated) tickets' });
  }
  if (rules.dated && rules.validityDays !== null) {
    problems.push({
      path: '/validityDays',
      message: 'applies only to open tickets (dated: false); a dated ticket is valid on its day',
    });
  }
  if (!rules.dated && rules.timeSlots.length > 0) {
    problems.push({ path: '/timeSlots', message: 'must be empty for open (undated) tickets' });
  }
  const seen = new Set<string>();
  rules.timeSlots.forEach((slot, index) => {
    if (seen.has(slot)) problems.push({ path: `/timeSlots/${index}`, message: `repeats ${slot}` });
    seen.add(slot);
  });
  return problems;
}

export function ticketTypeProblems(
  ticketType: { minAge?: number | null; maxAge?: number | null },
  prefix: string,
): FieldError[] {
  const { minAge, maxAge } = ticketType;
  if (minAge != null && maxAge != null && maxAge < minAge) {
    return [{ path: `${prefix}/maxAge`, message: `must be at least minAge (${minAge})` }];
  }
  return [];
}

function throwIfAny(problems: FieldError[]): void {
  if (problems.length === 0) return;
  throw new Invalid(problems.map((p) => `${p.path.slice(1)} ${p.message}`).join('; '), problems);
}

// --- presenting ---------------------------------------------------------------------------

export function presentTicketType(row: TicketTypeRow) {
  return {
    id: row.id,
    attractionId: row.attractionId,
    category: row.category,
    name: row.name,
    minAge: row.minAge,
    maxAge: row.maxAge,
    ...lifecycle(row),
  };
}

function attractionFields(row: AttractionRow) {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    city: row.city,
    country: row.country.trim(),
    address: row.address,
    latitude: row.latitude,
    longitude: row.longitude,
    photos: row.photos,
    supplierId: row.supplierId,
    advanceBookingDays: row.advanceBookingDays,
    dated: row.dated,
    validityDays: row.validityDays,
    timeSlots: row.timeSlots,
    entrances: row.entrances,
    includedItems: row.includedItems,
    ...lifecycle(row),
  };
}

async function presentAttractions(ctx: Ctx, rows: AttractionRow[]) {
  const ticketTypes = await repo.listTicketTypes(
    ctx.db,
    ctx.agencyId,
    rows.map((r) => r.id),
  );
  return rows.map((row) => ({
    ...attractionFields(row),
    ticketTypes: ticketTypes.filter((t) => t.attractionId === row.id).map(presentTicketType),
  }));
}

async function presentAttraction(ctx: Ctx, row: AttractionRow) {
  const [view] = await presentAttractions(ctx, [row]);
  return view as NonNullable<typeof view>;
}

// --- helpers ------------------------------------------------------------------------------

async function checkSupplier(ctx: Ctx, supplierId: string | null | undefined): Promise<void> {
  if (supplierId && !(await isSupplierOfAgency(ctx, supplierId))) {
    throw Invalid.field('/supplierId', 'is not a supplier of this agency');
  }
}

async function loadAttraction(ctx: Ctx, id: string): Promise<AttractionRow> {
  const row = await repo.findAttraction(ctx.db, ctx.agencyId, id);
  if (!row) throw new NotFound('attraction', id);
  return row;
}

async function loadTicketType(ctx: Ctx, id: string): Promise<TicketTypeRow> {
  const row = await repo.findTicketType(ctx.db, ctx.agencyId, id);
  if (!row) throw new NotFound('ticket type', id);
  return row;
}

const sortedSlots = (slots: string[]) => [...slots].sort();

// --- attractions --------------------------------------------------------------------------

export async function listAttractions(ctx: Ctx, query: AttractionQuery) {
  const rows = await repo.listAttractions(ctx.db, ctx.agencyId, {
    city: query.city,
    country: query.country,
    supplierId: query.supplierId,
    q: query.q,
    archived: query.archived ?? 'false',
    before: decodeCursor(query.cursor),
    limit: query.limit,
  });
  const page = toPage(rows, query.limit);
  return { items: await presentAttractions(ctx, page.items), nextCursor: page.nextCursor };
}

export async function getAttraction(ctx: Ctx, id: string) {
  return presentAttraction(ctx, await loadAttraction(ctx, id));
}

/** Creates an attraction with its ticket types. Time slots are kept sorted. */
export async function createAttraction(ctx: Ctx, input: CreateAttractionInput) {
  const dated = input.dated ?? true;
  const validityDays = input.validityDays ?? null;
  const timeSlots = input.timeSlots ?? [];
  const ticketTypes = input.ticketTypes ?? [];
  throwIfAny([
    ...attractionProblems({ dated, validityDays, timeSlots }),
    ...ticketTypes.flatMap((t, index) => ticketTypeProblems(t, `/ticketTypes/${index}`)),
  ]);
  return inTransaction(ctx, async (tx) => {
    await checkSupplier(tx, input.supplierId);
    const row = await repo.insertAttraction(tx.db, {
      id: newId(),
      agencyId: tx.agencyId,
      supplierId: input.supplierId ?? null,
      name: input.name,
      description: input.description ?? {},
      city: input.city.trim(),
      country: input.country,
      address: input.address?.trim() || null,
      latitude: input.latitude ?? null,
      longitude: input.longitude ?? null,
      photos: input.photos ?? [],
      advanceBookingDays: input.advanceBookingDays ?? 0,
      dated,
      validityDays,
      timeSlots: sortedSlots(timeSlots),
      entrances: input.entrances ?? [],
      includedItems: input.includedItems ?? [],
    });
    await repo.insertTicketTypes(
      tx.db,
      ticketTypes.map((t) => ({
        id: newId(),
        agencyId: tx.agencyId,
        attractionId: row.id,
        category: t.category,
        name: t.name,
        minAge: t.minAge ?? null,
        maxAge: t.maxAge ?? null,
      })),
    );
    const view = await presentAttraction(tx, row);
    await recordAudit(tx, {
      action: 'catalog.attraction.created',
      entityType: 'attraction',
      entityId: row.id,
      after: view,
    });
    return view;
  });
}

/**
 * Changes an attraction; its ticket rules are checked as a whole after the change. Turning
 * an open ticket into a dated one drops its validity unless a new one is given.
 */
export async function updateAttraction(ctx: Ctx, id: string, input: UpdateAttractionInput) {
  return inTransaction(ctx, async (tx) => {
    const before = await loadAttraction(tx, id);
    const dated = input.dated ?? before.dated;
    const validityDays =
      input.validityDays !== undefined
        ? input.validityDays
        : input.dated === true
          ? null
          : before.validityDays;
    const timeSlots = input.timeSlots ?? before.timeSlots;
    throwIfAny(attractionProblems({ dated, validityDays, timeSlots }));
    await checkSupplier(tx, input.supplierId);
    const after = await repo.updateAttraction(tx.db, tx.agencyId, id, {
      ...input,
      city: input.city?.trim(),
      address: input.address === undefined ? undefined : input.address?.trim() || null,
      validityDays,
      timeSlots: input.timeSlots === undefined ? undefined : sortedSlots(input.timeSlots),
    });
    await recordAudit(tx, {
      action: 'catalog.attraction.updated',
      entityType: 'attraction',
      entityId: id,
      before: attractionFields(before),
      after: attractionFields(after),
    });
    return presentAttraction(tx, after);
  });
}

/** Archives (true) or restores (false) an attraction; doing it twice changes nothing. */
export async function setAttractionArchived(ctx: Ctx, id: string, archived: boolean) {
  return inTransaction(ctx, async (tx) => {
    const before = await loadAttraction(tx, id);
    if ((before.archivedAt !== null) === archived) return presentAttraction(tx, before);
    const after = await repo.updateAttraction(tx.db, tx.agencyId, id, {
      archivedAt: archived ? new Date() : null,
    });
    await recordAudit(tx, {
      action: archived ? 'catalog.attraction.archived' : 'catalog.attraction.restored',
      entityType: 'attraction',
      entityId: id,
      before: attractionFields(before),
      after: attractionFields(after),
    });
    return presentAttraction(tx, after);
  });
}

// --- ticket types -------------------------------------------------------------------------

export async function getTicketType(ctx: Ctx, id: string) {
  return presentTicketType(await loadTicketType(ctx, id));
}

export async function addTicketType(ctx: Ctx, attractionId: string, input: TicketTypeInput) {
  throwIfAny(ticketTypeProblems(input, ''));
  return inTransaction(ctx, async (tx) => {
    await loadAttraction(tx, attractionId);
    const [row] = await repo.insertTicketTypes(tx.db, [
      {
        id: newId(),
        agencyId: tx.agencyId,
        attractionId,
        category: input.category,
        name: input.name,
        minAge: input.minAge ?? null,
        maxAge: input.maxAge ?? null,
      },
    ]);
    const view = presentTicketType(row as TicketTypeRow);
    await recordAudit(tx, {
      action: 'catalog.ticket_type.created',
      entityType: 'ticket_type',
      entityId: view.id,
      after: view,
    });
    return view;
  });
}

export async function updateTicketType(ctx: Ctx, id: string, input: Partial<TicketTypeInput>) {
  return inTransaction(ctx, async (tx) => {
    const before = await loadTicketType(tx, id);
    throwIfAny(
      ticketTypeProblems(
        {
          minAge: input.minAge !== undefined ? input.minAge : before.minAge,
          maxAge: input.maxAge !== undefined ? input.maxAge : before.maxAge,
        },
        '',
      ),
    );
    const after = await repo.updateTicketType(tx.db, tx.agencyId, id, input);
    await recordAudit(tx, {
      action: 'catalog.ticket_type.updated',
      entityType: 'ticket_type',
      entityId: id,
      before: presentTicketType(before),
      after: presentTicketType(after),
    });
    return presentTicketType(after);
  });
}

export async function setTicketTypeArchived(ctx: Ctx, id: string, archived: boolean) {
  return inTransaction(ctx, async (tx) => {
    const before = await loadTicketType(tx, id);
    if ((before.archivedAt !== null) === archived) return presentTicketType(before);
    const after = await repo.updateTicketType(tx.db, tx.agencyId, id, {
      archivedAt: archived ? new Date() : null,
    });
    await recordAudit(tx, {
      action: archived ? 'catalog.ticket_type.archived' : 'catalog.ticket_type.restored',
      entityType: 'ticket_type',
      entityId: id,
      before: presentTicketType(before),
      after: presentTicketType(after),
    });
    return presentTicketType(after);
  });
}

// --- capacity -----------------------------------------------------------------------------

/** The slots a request is about: the one named, every slot, or '' for an attraction without. */
function slotsFor(attraction: AttractionRow, timeSlot: string | undefined, required: boolean) {
  if (attraction.timeSlots.length === 0) {
    if (timeSlot !== undefined) {
      throw Invalid.field('/timeSlot', 'must not be given: this attraction has no time slots');
    }
    return [''];
  }
  if (timeSlot === undefined) {
    if (required) {
      throw Invalid.field('/timeSlot', `is required: one of ${attraction.timeSlots.join(', ')}`);
    }
    return attraction.timeSlots;
  }
  if (!attraction.timeSlots.includes(timeSlot)) {
    throw Invalid.field('/timeSlot', `must be one of ${attraction.timeSlots.join(', ')}`);
  }
  return [timeSlot];
}

const ticketRef = (attractionId: string, slot: string): ResourceRef => ({
  kind: 'ticket_slot',
  ownerId: attractionId,
  classCode: slot,
});

async function readAvailability(
  ctx: Ctx,
  attraction: AttractionRow,
  slots: string[],
  from: CalendarDate,
  to: CalendarDate,
): Promise<TicketAvailability[]> {
  // Every date of every slot, limited by a shared pool when the attraction is in one.
  const perSlot = await Promise.all(
    slots.map((slot) => availability(ctx, ticketRef(attraction.id, slot), from, to)),
  );
  return datesFromTo(from, to).flatMap((date, index) =>
    slots.map((slot, slotIndex) => {
      const day = perSlot[slotIndex]?.[index];
      return {
        date,
        timeSlot: slot === '' ? null : slot,
        capacity: day?.capacity ?? 0,
        sold: day?.sold ?? 0,
        held: day?.held ?? 0,
        available: day?.available ?? 0,
        stopSale: day?.stopSale ?? false,
      };
    }),
  );
}

/**
 * Sets how many tickets can be sold per day (and slot) from `from` to `to`. The inventory
 * refuses fewer than are already sold or held (409).
 */
export async function setTicketCapacity(
  ctx: Ctx,
  attractionId: string,
  input: TicketCapacityInput,
) {
  checkDateRange(input.from, input.to);
  return inTransaction(ctx, async (tx) => {
    const attraction = await loadAttraction(tx, attractionId);
    const [slot = ''] = slotsFor(attraction, input.timeSlot, true);
    await setCapacity(
      tx,
      ticketRef(attraction.id, slot),
      `${firstText(attraction.name)}${slot ? ` ${slot}` : ''}`,
      {
        from: input.from,
        to: input.to,
        kind: 'allotment',
        units: input.units,
        stopSale: input.stopSale ?? false,
      },
    );
    await recordAudit(tx, {
      action: 'catalog.attraction.capacity_set',
      entityType: 'attraction',
      entityId: attraction.id,
      after: { ...input, timeSlot: slot === '' ? null : slot },
    });
    return readAvailability(tx, attraction, [slot], input.from, input.to);
  });
}

/** Tickets per date and slot (every slot unless one is named), from the inventory. */
export async function ticketAvailability(
  ctx: Ctx,
  attractionId: string,
  query: { from: CalendarDate; to: CalendarDate; timeSlot?: string },
): Promise<TicketAvailability[]> {
  checkDateRange(query.from, query.to);
  const attraction = await loadAttraction(ctx, attractionId);
  const slots = slotsFor(attraction, query.timeSlot, false);
  return readAvailability(ctx, attraction, slots, query.from, query.to);
}
