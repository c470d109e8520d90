// SQL for customers and the approvers of company customers. Every query names its agency.
import type { ExpressionBuilder, Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { CustomersTable, DB } from '../../db/schema.ts';
import { containsPattern } from '../catalog/text-search.ts';
import type { CustomerKind } from './types.ts';

type Db = Kysely<DB>;
export type StoredCustomer = Selectable<CustomersTable>;
/** A customer with the name of the company a person works for (null for the rest). */
export type CustomerRow = StoredCustomer & { employerName: string | null };

/** Customers of the agency, each with its employer joined (a person's company, if any). */
function customersWithEmployer(db: Db, agencyId: string) {
  return db
    .selectFrom('customers')
    .leftJoin('customers as employer', (join) =>
      join
        .onRef('employer.agencyId', '=', 'customers.agencyId')
        .onRef('employer.id', '=', 'customers.companyId'),
    )
    .selectAll('customers')
    .select('employer.companyName as employerName')
    .where('customers.agencyId', '=', agencyId);
}

type WithEmployer = ExpressionBuilder<DB & { employer: CustomersTable }, 'customers' | 'employer'>;

/** One word of a search: in the customer's own search text, or in its employer's. */
function containsTerm(eb: WithEmployer, term: string) {
  const pattern = containsPattern(term);
  return eb.or([
    eb('customers.searchText', 'like', pattern),
    eb('employer.searchText', 'like', pattern),
  ]);
}

export function findCustomer(db: Db, agencyId: string, id: string) {
  return customersWithEmployer(db, agencyId)
    .where('customers.id', '=', id)
    .executeTakeFirst() as Promise<CustomerRow | undefined>;
}

/** The customer's row, locked for the rest of the transaction (read-modify-write). */
export function lockCustomer(db: Db, agencyId: string, id: string) {
  return db
    .selectFrom('customers')
    .selectAll()
    .where('agencyId', '=', agencyId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export function listCustomers(
  db: Db,
  agencyId: string,
  filter: {
    /** Folded search words; every one must be found. */
    terms: string[];
    kind?: CustomerKind;
    companyId?: string;
    archived: 'false' | 'true' | 'all';
    before?: string;
    limit: number;
  },
) {
  return customersWithEmployer(db, agencyId)
    .$if(filter.archived === 'false', (qb) => qb.where('customers.archivedAt', 'is', null))
    .$if(filter.archived === 'true', (qb) => qb.where('customers.archivedAt', 'is not', null))
    .$if(filter.kind !== undefined, (qb) =>
      qb.where('customers.kind', '=', filter.kind as CustomerKind),
    )
    .$if(filter.companyId !== undefined, (qb) =>
      qb.where('customers.companyId', '=', filter.companyId as string),
    )
    .$if(filter.terms.length > 0, (qb) =>
      qb.where((eb) => eb.and(filter.terms.map((term) => containsTerm(eb, term)))),
    )
    .$if(filter.before !== undefined, (qb) =>
      qb.where('customers.id', '<', filter.before as string),
    )
    .orderBy('customers.id', 'desc')
    .limit(filter.limit + 1)
    .execute() as Promise<CustomerRow[]>;
}

export async function insertCustomer(db: Db, customer: Insertable<CustomersTable>) {
  await db.insertInto('customers').values(customer).execute();
}

export async function updateCustomer(
  db: Db,
  agencyId: string,
  id: string,
  change: Updateable<CustomersTable>,
) {
  await db
    .updateTable('customers')
    .set({ ...change, updatedAt: new Date() })
    .where('agencyId', '=', agencyId)
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

/** The approver user ids of each of the customers (by id: the order users were created). */
export async function approverIdsOf(
  db: Db,
  agencyId: string,
  customerIds: string[],
): Promise<Map<string, string[]>> {
  const byCustomer = new Map(customerIds.map((id) => [id, [] as string[]]));
  if (customerIds.length === 0) return byCustomer;
  const rows = await db
    .selectFrom('customerApprovers')
    .select(['customerId', 'userId'])
    .where('agencyId', '=', agencyId)
    .where('customerId', 'in', customerIds)
    .orderBy('userId')
    .execute();
  for (const row of rows) byCustomer.get(row.customerId)?.push(row.userId);
  return byCustomer;
}

/** Replaces the approvers of a company with `userIds`. */
export async function replaceApprovers(
  db: Db,
  agencyId: string,
  customerId: string,
  userIds: string[],
) {
  await db
    .deleteFrom('customerApprovers')
    .where('agencyId', '=', agencyId)
    .where('customerId', '=', customerId)
    .execute();
  if (userIds.length === 0) return;
  await db
    .insertInto('customerApprovers')
    .values(userIds.map((userId) => ({ agencyId, customerId, userId })))
    .execute();
}
