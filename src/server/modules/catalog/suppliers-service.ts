// Supplier use cases: the hotels, carriers, ground handlers and others the agency buys from.
// Suppliers are archived, never deleted, since products and bookings point at them.
import { type Ctx, inTransaction } from '../../context.ts';
import { newId } from '../../db/ids.ts';
import { json } from '../../db/json.ts';
import type { SupplierContact } from '../../db/schema.ts';
import { NotFound } from '../../errors.ts';
import { decodeCursor, toPage } from '../../http/pagination.ts';
import { recordAudit } from '../identity/audit.ts';
import { type ArchivedFilter, lifecycle } from './common.ts';
import type { SupplierKind, SupplierRow } from './suppliers-repo.ts';
import * as repo from './suppliers-repo.ts';

export type { SupplierKind } from './suppliers-repo.ts';

export const supplierKinds = [
  'hotel',
  'carrier',
  'ground_handler',
  'attraction',
  'insurer',
  'other',
] as const satisfies readonly SupplierKind[];

export interface SupplierAddress {
  street?: string;
  city?: string;
  postalCode?: string;
  country?: string;
}

export interface CreateSupplierInput {
  name: string;
  kind: SupplierKind;
  currency: string;
  paymentTermsDays?: number;
  email?: string | null;
  phone?: string | null;
  vatId?: string | null;
  address?: SupplierAddress | null;
  contacts?: SupplierContact[];
  notes?: string | null;
}

export type UpdateSupplierInput = Partial<CreateSupplierInput>;

export interface SupplierQuery {
  limit: number;
  cursor?: string;
  kind?: SupplierKind;
  q?: string;
  archived?: ArchivedFilter;
}

export function presentSupplier(row: SupplierRow) {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    currency: row.currency.trim(),
    paymentTermsDays: row.paymentTermsDays,
    email: row.email,
    phone: row.phone,
    vatId: row.vatId,
    address: (row.address ?? null) as SupplierAddress | null,
    contacts: row.contacts ?? [],
    notes: row.notes,
    ...lifecycle(row),
  };
}
export type SupplierView = ReturnType<typeof presentSupplier>;

async function loadSupplier(ctx: Ctx, id: string): Promise<SupplierRow> {
  const row = await repo.findSupplier(ctx.db, ctx.agencyId, id);
  if (!row) throw new NotFound('supplier', id);
  return row;
}

/** Trims text and turns blanks into null, so "" never stands for "no e-mail". */
function optionalText(value: string | null | undefined): string | null | undefined {
  if (value === undefined || value === null) return value;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** Lists the agency's suppliers, newest first. */
export async function listSuppliers(ctx: Ctx, query: SupplierQuery) {
  const rows = await repo.listSuppliers(ctx.db, ctx.agencyId, {
    kind: query.kind,
    q: query.q,
    archived: query.archived ?? 'false',
    before: decodeCursor(query.cursor),
    limit: query.limit,
  });
  const page = toPage(rows, query.limit);
  return { items: page.items.map(presentSupplier), nextCursor: page.nextCursor };
}

/** One supplier of the agency; NotFound for any other id. */
export async function getSupplier(ctx: Ctx, id: string): Promise<SupplierView> {
  return presentSupplier(await loadSupplier(ctx, id));
}

/** Creates a supplier. */
export async function createSupplier(ctx: Ctx, input: CreateSupplierInput): Promise<SupplierView> {
  return inTransaction(ctx, async (tx) => {
    const row = await repo.insertSupplier(tx.db, {
      id: newId(),
      agencyId: tx.agencyId,
      name: input.name.trim(),
      kind: input.kind,
      currency: input.currency,
      paymentTermsDays: input.paymentTermsDays ?? 14,
      email: optionalText(input.email) ?? null,
      phone: optionalText(input.phone) ?? null,
      vatId: optionalText(input.vatId) ?? null,
      address: input.address ? json(input.address) : null,
      contacts: json(input.contacts ?? []),
      notes: optionalText(input.notes) ?? null,
      archivedAt: null,
      updatedAt: new Date(),
    });
    const after = presentSupplier(row);
    await recordAudit(tx, {
      action: 'catalog.supplier.created',
      entityType: 'supplier',
      entityId: row.id,
      after,
    });
    return after;
  });
}

/** Changes the fields given; `null` clears an optional one. */
export async function updateSupplier(
  ctx: Ctx,
  id: string,
  input: UpdateSupplierInput,
): Promise<SupplierView> {
  return inTransaction(ctx, async (tx) => {
    const before = await loadSupplier(tx, id);
    const row = await repo.updateSupplier(tx.db, tx.agencyId, id, {
      name: input.name?.trim(),
      kind: input.kind,
      currency: input.currency,
      paymentTermsDays: input.paymentTermsDays,
      email: optionalText(input.email),
      phone: optionalText(input.phone),
      vatId: optionalText(input.vatId),
      address: input.address === undefined ? undefined : input.address ? json(input.address) : null,
      contacts: input.contacts === undefined ? undefined : json(input.contacts),
      notes: optionalText(input.notes),
    });
    const after = presentSupplier(row);
    await recordAudit(tx, {
      action: 'catalog.supplier.updated',
      entityType: 'supplier',
      entityId: id,
      before: presentSupplier(before),
      after,
    });
    return after;
  });
}

/** Archives (hides from lists and new products) or restores a supplier. */
export async function setSupplierArchived(
  ctx: Ctx,
  id: string,
  archived: boolean,
): Promise<SupplierView> {
  return inTransaction(ctx, async (tx) => {
    const before = await loadSupplier(tx, id);
    if ((before.archivedAt !== null) === archived) return presentSupplier(before);
    const row = await repo.updateSupplier(tx.db, tx.agencyId, id, {
      archivedAt: archived ? new Date() : null,
    });
    const after = presentSupplier(row);
    await recordAudit(tx, {
      action: archived ? 'catalog.supplier.archived' : 'catalog.supplier.restored',
      entityType: 'supplier',
      entityId: id,
      before: presentSupplier(before),
      after,
    });
    return after;
  });
}
