// Customer use cases (R1, R2): persons and companies the agency sells to, a person's
// employer, a company's travel policy, cost centres and approvers. Customers are archived,
// never deleted, since bookings, quotes and price lists point at them.
// Personal data stays out of logs and error messages: errors name fields and ids only.
import { todayUtc } from '../../calendar.ts';
import { type Ctx, inTransaction } from '../../context.ts';
import { newId } from '../../db/ids.ts';
import { json } from '../../db/json.ts';
import { Conflict, type FieldError, Invalid, NotFound } from '../../errors.ts';
import { decodeCursor, toPage } from '../../http/pagination.ts';
import { throwIfAny } from '../catalog/transport-rules.ts';
import { recordAudit } from '../identity/audit.ts';
import { findActiveUsers, findAgency } from '../identity/repo.ts';
import {
  type CustomerFields,
  customerProblems,
  normalizeCustomer,
  searchTerms,
  searchTextOf,
} from './customer-rules.ts';
import { type CustomerView, presentCustomer } from './present.ts';
import type { StoredCustomer } from './repo.ts';
import * as repo from './repo.ts';
import {
  type CreateCustomerInput,
  type CustomerLocale,
  type CustomerQuery,
  customerLocales,
  type UpdateCustomerInput,
} from './types.ts';

export type { CustomerView } from './present.ts';

// --- helpers ------------------------------------------------------------------------------

async function presentById(ctx: Ctx, id: string): Promise<CustomerView> {
  const row = await repo.findCustomer(ctx.db, ctx.agencyId, id);
  if (!row) throw new NotFound('customer', id);
  const approvers = await repo.approverIdsOf(ctx.db, ctx.agencyId, [id]);
  return presentCustomer(row, approvers.get(id) ?? []);
}

async function lockCustomer(ctx: Ctx, id: string): Promise<StoredCustomer> {
  const row = await repo.lockCustomer(ctx.db, ctx.agencyId, id);
  if (!row) throw new NotFound('customer', id);
  return row;
}

/** New customers speak the agency's language unless told otherwise. */
async function agencyLocale(ctx: Ctx): Promise<CustomerLocale> {
  const agency = await findAgency(ctx.db, ctx.agencyId);
  const locale = agency?.defaultLocale as CustomerLocale | undefined;
  return locale && customerLocales.includes(locale) ? locale : 'en';
}

/** The stored customer as a creation input, so a change is the stored one with the change. */
function inputOf(row: StoredCustomer): CreateCustomerInput {
  return {
    kind: row.kind,
    firstName: row.firstName,
    lastName: row.lastName,
    birthDate: row.birthDate,
    nationality: row.nationality?.trim() ?? null,
    companyId: row.companyId,
    companyName: row.companyName,
    vatId: row.vatId,
    registrationId: row.registrationId,
    email: row.email,
    phone: row.phone,
    address: row.address,
    locale: row.locale,
    notes: row.notes,
    tags: row.tags,
    travelPolicy: row.travelPolicy,
    costCentres: row.costCentres,
  };
}

/** The columns of the normal form, jsonb values sent as JSON text (none as SQL null). */
function columnsOf(fields: CustomerFields) {
  return {
    ...fields,
    address: fields.address ? json(fields.address) : null,
    tags: json(fields.tags),
    travelPolicy: fields.travelPolicy ? json(fields.travelPolicy) : null,
    costCentres: json(fields.costCentres),
    searchText: searchTextOf(fields),
  };
}

/**
 * A person's employer must be an active company customer of the agency. Checked when it is
 * set or changed, so a person whose company was archived later can still be edited.
 */
async function employerProblems(
  ctx: Ctx,
  fields: CustomerFields,
  before: StoredCustomer | null,
): Promise<FieldError[]> {
  if (fields.kind !== 'person' || fields.companyId === null) return [];
  if (before && before.companyId === fields.companyId) return [];
  const company = await repo.findCustomer(ctx.db, ctx.agencyId, fields.companyId);
  if (company?.kind !== 'company') {
    return [{ path: '/companyId', message: 'is not a company customer of this agency' }];
  }
  if (company.archivedAt !== null) {
    return [{ path: '/companyId', message: 'is an archived company; restore it first' }];
  }
  return [];
}

async function checked(ctx: Ctx, fields: CustomerFields, before: StoredCustomer | null) {
  throwIfAny([
    ...customerProblems(fields, todayUtc()),
    ...(await employerProblems(ctx, fields, before)),
  ]);
}

// --- use cases ----------------------------------------------------------------------------

/** Lists the agency's customers, newest first; `q` finds every word in name, e-mail or company. */
export async function listCustomers(ctx: Ctx, query: CustomerQuery) {
  const rows = await repo.listCustomers(ctx.db, ctx.agencyId, {
    terms: query.q ? searchTerms(query.q) : [],
    kind: query.kind,
    companyId: query.companyId,
    archived: query.archived ?? 'false',
    before: decodeCursor(query.cursor),
    limit: query.limit,
  });
  const page = toPage(rows, query.limit);
  const companies = page.items.filter((row) => row.kind === 'company').map((row) => row.id);
  const approvers = await repo.approverIdsOf(ctx.db, ctx.agencyId, companies);
  return {
    items: page.items.map((row) => presentCustomer(row, approvers.get(row.id) ?? [])),
    nextCursor: page.nextCursor,
  };
}

/** One customer of the agency; NotFound for any other id. */
export async function getCustomer(ctx: Ctx, id: string): Promise<CustomerView> {
  return presentById(ctx, id);
}

/**
 * Creates a person or a company. `options.id` keeps an id known beforehand (the demo's
 * Globex, imports); the API always lets the server choose.
 */
export async function createCustomer(
  ctx: Ctx,
  input: CreateCustomerInput,
  options: { id?: string } = {},
): Promise<CustomerView> {
  return inTransaction(ctx, async (tx) => {
    const fields = normalizeCustomer(input, input.locale ?? (await agencyLocale(tx)));
    await checked(tx, fields, null);
    const id = options.id ?? newId();
    const now = new Date();
    await repo.insertCustomer(tx.db, {
      id,
      agencyId: tx.agencyId,
      ...columnsOf(fields),
      marketingConsent: input.marketingConsent ?? false,
      // A consent answer given (yes or no) is recorded with its time; none given: never asked.
      consentAt: input.marketingConsent === undefined ? null : now,
      archivedAt: null,
      updatedAt: now,
    });
    const after = await presentById(tx, id);
    await recordAudit(tx, {
      action: 'customers.customer.created',
      entityType: 'customer',
      entityId: id,
      after,
    });
    return after;
  });
}

/** Changes the fields given; `null` clears an optional one. A person stays a person. */
export async function updateCustomer(
  ctx: Ctx,
  id: string,
  input: UpdateCustomerInput,
): Promise<CustomerView> {
  return inTransaction(ctx, async (tx) => {
    const stored = await lockCustomer(tx, id);
    const before = await presentById(tx, id);
    const given = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    const fields = normalizeCustomer({ ...inputOf(stored), ...given }, stored.locale);
    await checked(tx, fields, stored);
    const consentChanged =
      input.marketingConsent !== undefined && input.marketingConsent !== stored.marketingConsent;
    await repo.updateCustomer(tx.db, tx.agencyId, id, {
      ...columnsOf(fields),
      ...(consentChanged
        ? { marketingConsent: input.marketingConsent, consentAt: new Date() }
        : {}),
    });
    const after = await presentById(tx, id);
    await recordAudit(tx, {
      action: 'customers.customer.updated',
      entityType: 'customer',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

/** Archives (hides from lists and new bookings) or restores a customer. */
export async function setCustomerArchived(
  ctx: Ctx,
  id: string,
  archived: boolean,
): Promise<CustomerView> {
  return inTransaction(ctx, async (tx) => {
    const stored = await lockCustomer(tx, id);
    const before = await presentById(tx, id);
    if ((stored.archivedAt !== null) === archived) return before;
    await repo.updateCustomer(tx.db, tx.agencyId, id, {
      archivedAt: archived ? new Date() : null,
    });
    const after = await presentById(tx, id);
    await recordAudit(tx, {
      action: archived ? 'customers.customer.archived' : 'customers.customer.restored',
      entityType: 'customer',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

/**
 * Sets who approves a company's bookings under its travel policy (B9): active users of the
 * agency with the approver role; an empty list removes them all.
 */
export async function setApprovers(ctx: Ctx, id: string, userIds: string[]): Promise<CustomerView> {
  return inTransaction(ctx, async (tx) => {
    const stored = await lockCustomer(tx, id);
    if (stored.kind !== 'company') {
      throw new Conflict(`customer ${id} is a person: approvers belong to company customers`);
    }
    const users = new Map(
      (await findActiveUsers(tx.db, tx.agencyId, [...new Set(userIds)])).map((u) => [u.id, u]),
    );
    throwIfAny(
      userIds.flatMap((userId, index): FieldError[] => {
        const user = users.get(userId);
        const path = `/userIds/${index}`;
        if (!user) return [{ path, message: 'is not an active user of this agency' }];
        if (user.role !== 'approver') {
          return [{ path, message: `has the role ${user.role}; only approvers approve bookings` }];
        }
        return [];
      }),
    );
    const before = await presentById(tx, id);
    await repo.replaceApprovers(tx.db, tx.agencyId, id, [...new Set(userIds)].sort());
    await repo.updateCustomer(tx.db, tx.agencyId, id, {}); // the customer changed: updatedAt
    const after = await presentById(tx, id);
    await recordAudit(tx, {
      action: 'customers.customer.approvers_set',
      entityType: 'customer',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

/**
 * For other modules (corporate price lists): `customerId` must be an active company customer
 * of the agency; otherwise a 400 naming `path`.
 */
export async function requireActiveCompany(
  ctx: Ctx,
  customerId: string,
  path = '/customerId',
): Promise<void> {
  const company = await repo.findCustomer(ctx.db, ctx.agencyId, customerId);
  if (company?.kind !== 'company') {
    throw Invalid.field(path, 'is not a company customer of this agency');
  }
  if (company.archivedAt !== null) {
    throw Invalid.field(path, 'is an archived customer; restore it first');
  }
}

/**
 * The company whose travel policy governs a customer's bookings (B9): the customer itself
 * when it is a company, else the company that employs the person; with its approvers.
 * Null when neither has a policy.
 */
export async function governingPolicyOf(ctx: Ctx, customerId: string) {
  const customer = await repo.findCustomer(ctx.db, ctx.agencyId, customerId);
  if (!customer) return null;
  const companyId = customer.kind === 'company' ? customer.id : customer.companyId;
  if (!companyId) return null;
  const company =
    companyId === customer.id ? customer : await repo.findCustomer(ctx.db, ctx.agencyId, companyId);
  if (!company?.travelPolicy) return null;
  const approvers = await repo.approverIdsOf(ctx.db, ctx.agencyId, [companyId]);
  return {
    companyId,
    companyName: company.companyName ?? '',
    policy: company.travelPolicy,
    approverIds: approvers.get(companyId) ?? [],
  };
}
