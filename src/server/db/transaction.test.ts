// The guard against a query sent on the database from inside one of its transactions: on
// PGlite that query would wait for ever (the transaction holds the only connection). The guard
// refuses it on PostgreSQL (see transaction.ts for why not on PGlite); the transaction's own
// queries and everybody else's go on as before on both.
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDatabase, describeOnPostgres } from '../../../tests/helpers/database.ts';
import { makeAgency } from '../../../tests/helpers/factories.ts';
import { inTransaction } from '../context.ts';
import { QueryOutsideTransactionError, withTransaction } from './transaction.ts';

describeOnPostgres('the guard on queries outside the open transaction', (database) => {
  it('refuses a query on the database from inside its transaction, and rolls back', async () => {
    const { db } = database();
    const agency = await makeAgency(database());
    const attempt = withTransaction(db, async (trx) => {
      await trx
        .updateTable('agencies')
        .set({ name: 'Renamed' })
        .where('id', '=', agency.agencyId)
        .execute();
      // The mistake: `db` where `trx` was meant.
      await db.selectFrom('agencies').select('name').where('id', '=', agency.agencyId).execute();
    });
    await expect(attempt).rejects.toBeInstanceOf(QueryOutsideTransactionError);
    const row = await db
      .selectFrom('agencies')
      .select('name')
      .where('id', '=', agency.agencyId)
      .executeTakeFirstOrThrow();
    expect(row.name).not.toBe('Renamed');
  });

  it('catches the mistake deep in a service, through inTransaction and awaited helpers', async () => {
    const agency = await makeAgency(database());
    const helper = async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      return sql`select 1`.execute(agency.ctx.db);
    };
    await expect(inTransaction(agency.ctx, async () => helper())).rejects.toBeInstanceOf(
      QueryOutsideTransactionError,
    );
  });
});

describeEachDatabase('transactions', (database) => {
  it("lets the transaction's own queries and other callers' queries through", async () => {
    const { db } = database();
    const agency = await makeAgency(database());
    let releaseBody: () => void = () => {};
    const bodyMayEnd = new Promise<void>((resolve) => {
      releaseBody = resolve;
    });
    const inside = withTransaction(db, async (trx) => {
      await trx
        .updateTable('agencies')
        .set({ name: 'Inside' })
        .where('id', '=', agency.agencyId)
        .execute();
      await bodyMayEnd;
      return trx
        .selectFrom('agencies')
        .select('name')
        .where('id', '=', agency.agencyId)
        .executeTakeFirstOrThrow();
    });
    // Another caller, not inside the transaction: it waits its turn (PGlite) or runs beside it
    // (PostgreSQL), and is not refused.
    const outside = sql<{ one: number }>`select 1 as one`.execute(db);
    releaseBody();
    expect((await inside).name).toBe('Inside');
    expect((await outside).rows[0]?.one).toBe(1);
  });

  it('leaves the guard behind when the transaction ends', async () => {
    const { db } = database();
    await withTransaction(db, async (trx) => sql`select 1`.execute(trx));
    await expect(sql`select 1 as one`.execute(db)).resolves.toBeDefined();
  });
});
