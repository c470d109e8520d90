import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/helpers/database.ts';
import { makeAgency } from '../../../../tests/helpers/factories.ts';
import { inTransaction } from '../../context.ts';
import { listAudit, recordAudit } from './audit.ts';

describeEachDatabase('audit log', (database) => {
  it('is append-only: the database refuses to change or delete an entry', async () => {
    const agency = await makeAgency(database());
    await inTransaction(agency.ctx, (tx) =>
      recordAudit(tx, {
        action: 'booking.cancelled',
        entityType: 'booking',
        entityId: 'b-1',
        reason: 'customer asked',
      }),
    );
    await expect(
      sql`update audit_log set reason = 'nothing happened'`.execute(database().db),
    ).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(database().db)).rejects.toThrow(/append-only/);
    const entries = await listAudit(agency.ctx, { entityId: 'b-1', limit: 10 });
    expect(entries.map((e) => e.reason)).toEqual(['customer asked']);
  });

  it('rolls back with the change it records', async () => {
    const agency = await makeAgency(database());
    await expect(
      inTransaction(agency.ctx, async (tx) => {
        await recordAudit(tx, {
          action: 'booking.created',
          entityType: 'booking',
          entityId: 'b-2',
        });
        throw new Error('inventory is gone');
      }),
    ).rejects.toThrow('inventory is gone');
    expect(await listAudit(agency.ctx, { entityId: 'b-2', limit: 10 })).toEqual([]);
  });
});
