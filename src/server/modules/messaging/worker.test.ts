import { expect, it } from 'vitest';
import { describeEachDatabase, describeOnPostgres } from '../../../../tests/helpers/database.ts';
import { makeAgency } from '../../../../tests/helpers/factories.ts';
import { inTransaction } from '../../context.ts';
import type { OutboxJob } from '../../db/schema.ts';
import { enqueue } from './outbox.ts';
import { OutboxWorker } from './worker.ts';

describeEachDatabase('outbox worker', (database) => {
  it('runs a job only after its transaction commits, and never one whose transaction rolled back', async () => {
    const agency = await makeAgency(database());
    const seen: unknown[] = [];
    const worker = new OutboxWorker(database().db, {
      handlers: { 'test.record': async (job) => void seen.push(job.payload) },
    });
    await inTransaction(agency.ctx, (tx) =>
      enqueue(tx, { kind: 'test.record', payload: { n: 1 } }),
    );
    await expect(
      inTransaction(agency.ctx, async (tx) => {
        await enqueue(tx, { kind: 'test.record', payload: { n: 2 } });
        throw new Error('the booking failed');
      }),
    ).rejects.toThrow('the booking failed');

    const summary = await worker.drain();
    expect(summary).toMatchObject({ claimed: 1, done: 1 });
    expect(seen).toEqual([{ n: 1 }]);
    expect(await worker.drain()).toMatchObject({ claimed: 0 });
  });

  it('retries a failing job later with backoff, then gives up and marks it dead', async () => {
    const agency = await makeAgency(database());
    let calls = 0;
    const worker = new OutboxWorker(database().db, {
      handlers: {
        'test.flaky': async () => {
          calls += 1;
          throw new Error(`SMTP 451 try again (${calls})`);
        },
      },
      backoff: { baseMs: 60_000, maxMs: 600_000 },
      random: () => 0,
    });
    const id = await inTransaction(agency.ctx, (tx) =>
      enqueue(tx, { kind: 'test.flaky', payload: {}, maxAttempts: 2 }),
    );

    const before = Date.now();
    expect(await worker.runOnce()).toMatchObject({ claimed: 1, failed: 1 });
    const afterFirst = await database()
      .db.selectFrom('outbox')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(afterFirst).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: 'SMTP 451 try again (1)',
    });
    expect(new Date(afterFirst.runAt).getTime()).toBeGreaterThanOrEqual(before + 59_000);
    // Not due yet: nothing runs.
    expect(await worker.runOnce()).toMatchObject({ claimed: 0 });

    await database()
      .db.updateTable('outbox')
      .set({ runAt: new Date(Date.now() - 1000) })
      .where('id', '=', id)
      .execute();
    expect(await worker.runOnce()).toMatchObject({ claimed: 1, dead: 1 });
    const dead = await database()
      .db.selectFrom('outbox')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(dead).toMatchObject({ status: 'dead', attempts: 2 });
    expect(calls).toBe(2);
  });

  it('fails a job of an unknown kind instead of dropping it silently', async () => {
    const agency = await makeAgency(database());
    const id = await inTransaction(agency.ctx, (tx) =>
      enqueue(tx, { kind: 'test.nobody', payload: {} }),
    );
    const worker = new OutboxWorker(database().db, { handlers: {} });
    await worker.drain();
    const job = await database()
      .db.selectFrom('outbox')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(job.status).toBe('pending');
    expect(job.lastError).toContain('no handler');
  });

  it('takes a job whose lease expired (its worker died) again', async () => {
    const agency = await makeAgency(database());
    const id = await inTransaction(agency.ctx, (tx) =>
      enqueue(tx, { kind: 'test.lease', payload: {} }),
    );
    await database()
      .db.updateTable('outbox')
      .set({ lockedUntil: new Date(Date.now() + 60_000) })
      .where('id', '=', id)
      .execute();
    const worker = new OutboxWorker(database().db, { handlers: { 'test.lease': async () => {} } });
    expect((await worker.drain()).claimed).toBe(0);
    await database()
      .db.updateTable('outbox')
      .set({ lockedUntil: new Date(Date.now() - 1) })
      .where('id', '=', id)
      .execute();
    expect((await worker.drain()).done).toBe(1);
  });
});

describeOnPostgres('outbox worker concurrency', (database) => {
  it('four workers run each of 300 jobs exactly once (FOR UPDATE SKIP LOCKED)', async () => {
    const agency = await makeAgency(database());
    await inTransaction(agency.ctx, async (tx) => {
      for (let n = 0; n < 300; n++) await enqueue(tx, { kind: 'test.count', payload: { n } });
    });
    const runs = new Map<number, number>();
    const handler = async (job: OutboxJob) => {
      const n = (job.payload as { n: number }).n;
      runs.set(n, (runs.get(n) ?? 0) + 1);
      await new Promise((resolve) => setTimeout(resolve, 1));
    };
    const workers = Array.from(
      { length: 4 },
      () => new OutboxWorker(database().db, { handlers: { 'test.count': handler }, batchSize: 7 }),
    );
    const summaries = await Promise.all(workers.map((w) => w.drain()));
    expect(runs.size).toBe(300);
    expect([...runs.values()].every((count) => count === 1)).toBe(true);
    // The work was really shared, not done by one worker while the others idled.
    expect(summaries.filter((s) => s.done > 0).length).toBeGreaterThan(1);
  });
});
