// Extra service use cases: transfers, board, local services and insurance sold beside a
// trip. A limited service has daily capacity in the inventory (a `service` resource).
import type { CalendarDate } from '../../calendar.ts';
import { type Ctx, inTransaction } from '../../context.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { newId } from '../../db/ids.ts';
import type { ExtraServiceKind, ExtraServiceUnit, LocalizedText } from '../../db/schema.ts';
import { Conflict, Invalid, NotFound } from '../../errors.ts';
import { decodeCursor, toPage } from '../../http/pagination.ts';
import { recordAudit } from '../identity/audit.ts';
import { availability, setCapacity } from '../inventory/service.ts';
import type { ResourceRef } from '../inventory/types.ts';
import { checkDateRange } from './attractions-service.ts';
import { type ArchivedFilter, lifecycle } from './common.ts';
import type { ExtraServiceRow } from './extra-services-repo.ts';
import * as repo from './extra-services-repo.ts';
import { firstText } from './labels.ts';
import { isSupplierOfAgency } from './lookup.ts';

export interface CreateExtraServiceInput {
  kind: ExtraServiceKind;
  code: string;
  name: LocalizedText;
  description?: LocalizedText;
  unit: ExtraServiceUnit;
  city?: string | null;
  country?: string | null;
  supplierId?: string | null;
  limited?: boolean;
}

export type UpdateExtraServiceInput = Partial<CreateExtraServiceInput>;

export interface ExtraServiceQuery {
  limit: number;
  cursor?: string;
  kind?: ExtraServiceKind;
  country?: string;
  q?: string;
  archived?: ArchivedFilter;
}

export interface ServiceCapacityInput {
  from: CalendarDate;
  to: CalendarDate;
  units: number;
  stopSale?: boolean;
}

export interface ServiceAvailability {
  date: CalendarDate;
  capacity: number;
  sold: number;
  held: number;
  available: number;
  stopSale: boolean;
}

function present(row: ExtraServiceRow) {
  return {
    id: row.id,
    kind: row.kind,
    code: row.code,
    name: row.name,
    description: row.description,
    unit: row.unit,
    city: row.city,
    country: row.country?.trim() ?? null,
    supplierId: row.supplierId,
    limited: row.limited,
    ...lifecycle(row),
  };
}

export type ExtraServiceView = ReturnType<typeof present>;

async function checkSupplier(ctx: Ctx, supplierId: string | null | undefined): Promise<void> {
  if (supplierId && !(await isSupplierOfAgency(ctx, supplierId))) {
    throw Invalid.field('/supplierId', 'is not a supplier of this agency');
  }
}

function duplicateCode(code: string): Conflict {
  return new Conflict(`an extra service with code ${code} already exists in this agency`, [
    { path: '/code', message: 'is already used by another extra service' },
  ]);
}

async function loadService(ctx: Ctx, id: string): Promise<ExtraServiceRow> {
  const row = await repo.findExtraService(ctx.db, ctx.agencyId, id);
  if (!row) throw new NotFound('extra service', id);
  return row;
}

const serviceRef = (id: string): ResourceRef => ({ kind: 'service', ownerId: id });

export async function listExtraServices(ctx: Ctx, query: ExtraServiceQuery) {
  const rows = await repo.listExtraServices(ctx.db, ctx.agencyId, {
    kind: query.kind,
    country: query.country,
    q: query.q,
    archived: query.archived ?? 'false',
    before: decodeCursor(query.cursor),
    limit: query.limit,
  });
  const page = toPage(rows, query.limit);
  return { items: page.items.map(present), nextCursor: page.nextCursor };
}

export async function getExtraService(ctx: Ctx, id: string): Promise<ExtraServiceView> {
  return present(await loadService(ctx, id));
}

export async function createExtraService(
  ctx: Ctx,
  input: CreateExtraServiceInput,
): Promise<ExtraServiceView> {
  return inTransaction(ctx, async (tx) => {
    await checkSupplier(tx, input.supplierId);
    const code = input.code.trim();
    const row = await repo
      .insertExtraService(tx.db, {
        id: newId(),
        agencyId: tx.agencyId,
        supplierId: input.supplierId ?? null,
        kind: input.kind,
        code,
        name: input.name,
        description: input.description ?? {},
        unit: input.unit,
        city: input.city?.trim() || null,
        country: input.country ?? null,
        limited: input.limited ?? false,
      })
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) throw duplicateCode(code);
        throw error;
      });
    const view = present(row);
    await recordAudit(tx, {
      action: 'catalog.extra_service.created',
      entityType: 'extra_service',
      entityId: row.id,
      after: view,
    });
    return view;
  });
}

export async function updateExtraService(
  ctx: Ctx,
  id: string,
  input: UpdateExtraServiceInput,
): Promise<ExtraServiceView> {
  return inTransaction(ctx, async (tx) => {
    const before = await loadService(tx, id);
    await checkSupplier(tx, input.supplierId);
    const code = input.code?.trim();
    const after = await repo
      .updateExtraService(tx.db, tx.agencyId, id, {
        ...input,
        code,
        city: input.city === undefined ? undefined : input.city?.trim() || null,
      })
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) throw duplicateCode(code ?? before.code);
        throw error;
      });
    await recordAudit(tx, {
      action: 'catalog.extra_service.updated',
      entityType: 'extra_service',
      entityId: id,
      before: present(before),
      after: present(after),
    });
    return present(after);
  });
}

/** Archives (true) or restores (false) an extra service; doing it twice changes nothing. */
export async function setExtraServiceArchived(
  ctx: Ctx,
  id: string,
  archived: boolean,
): Promise<ExtraServiceView> {
  return inTransaction(ctx, async (tx) => {
    const before = await loadService(tx, id);
    if ((before.archivedAt !== null) === archived) return present(before);
    const after = await repo.updateExtraService(tx.db, tx.agencyId, id, {
      archivedAt: archived ? new Date() : null,
    });
    await recordAudit(tx, {
      action: archived ? 'catalog.extra_service.archived' : 'catalog.extra_service.restored',
      entityType: 'extra_service',
      entityId: id,
      before: present(before),
      after: present(after),
    });
    return present(after);
  });
}

function notLimited(service: ExtraServiceRow): Invalid {
  return Invalid.field(
    '/units',
    `cannot be set: extra service ${service.code} is not limited (make it limited first)`,
  );
}

async function readAvailability(
  ctx: Ctx,
  id: string,
  from: CalendarDate,
  to: CalendarDate,
): Promise<ServiceAvailability[]> {
  const days = await availability(ctx, serviceRef(id), from, to);
  return days.map(({ date, capacity, sold, held, available, stopSale }) => ({
    date,
    capacity,
    sold,
    held,
    available,
    stopSale,
  }));
}

/**
 * Sets how many units of a limited service can be sold per day from `from` to `to`. The
 * inventory refuses fewer than are already sold or held (409).
 */
export async function setServiceCapacity(
  ctx: Ctx,
  id: string,
  input: ServiceCapacityInput,
): Promise<ServiceAvailability[]> {
  checkDateRange(input.from, input.to);
  return inTransaction(ctx, async (tx) => {
    const service = await loadService(tx, id);
    if (!service.limited) throw notLimited(service);
    await setCapacity(tx, serviceRef(id), `${service.code} ${firstText(service.name)}`, {
      from: input.from,
      to: input.to,
      kind: 'allotment',
      units: input.units,
      stopSale: input.stopSale ?? false,
    });
    await recordAudit(tx, {
      action: 'catalog.extra_service.capacity_set',
      entityType: 'extra_service',
      entityId: id,
      after: input,
    });
    return readAvailability(tx, id, input.from, input.to);
  });
}

/**
 * Units of a service per date. An unlimited service has no capacity to show: asking is a
 * 400, since any quantity can be sold.
 */
export async function serviceAvailability(
  ctx: Ctx,
  id: string,
  query: { from: CalendarDate; to: CalendarDate },
): Promise<ServiceAvailability[]> {
  checkDateRange(query.from, query.to);
  const service = await loadService(ctx, id);
  if (!service.limited) {
    throw new Invalid(`extra service ${service.code} is not limited: it has no daily capacity`);
  }
  return readAvailability(ctx, id, query.from, query.to);
}
