import { sql } from 'kysely';
import { expect, it } from 'vitest';
import {
  describeEachDatabase,
  describeOnPostgres,
  testDatabaseUrl,
} from '../../tests/helpers/database.ts';
import { loadConfig } from './config.ts';
import { openDatabase } from './db/connect.ts';
import { demoAgency, demoStaff } from './demo/seed.ts';
import { verifyPassword } from './modules/identity/passwords.ts';
import { bootstrapFirstStart, firstStartBanner } from './runtime.ts';

describeEachDatabase('first start', (database) => {
  it('creates the demo agency with its admin (generated password) and staff, once', async () => {
    const config = loadConfig({ CARAVEL_ADMIN_EMAIL: 'owner@vltava-tours.example' });
    const report = await bootstrapFirstStart(database(), config);
    expect(report).toMatchObject({ adminEmail: 'owner@vltava-tours.example', demo: true });
    const password = report?.generatedPassword as string;
    expect(password).toHaveLength(16);
    expect(firstStartBanner(report as NonNullable<typeof report>)).toContain(password);

    const agency = await database().db.selectFrom('agencies').selectAll().executeTakeFirstOrThrow();
    expect(agency).toMatchObject({ name: demoAgency.name, slug: demoAgency.slug });
    const users = await database()
      .db.selectFrom('users')
      .selectAll()
      .where('agencyId', '=', agency.id)
      .execute();
    expect(users.map((u) => u.role).sort()).toEqual(
      ['admin', ...demoStaff.map((s) => s.role)].sort(),
    );
    const admin = users.find((u) => u.role === 'admin');
    expect(await verifyPassword(password, admin?.passwordHash ?? '')).toBe(true);

    // A second start finds users and changes nothing.
    expect(await bootstrapFirstStart(database(), config)).toBeNull();
    const count = await database()
      .db.selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(users.length);
  });
});

describeEachDatabase('first start without demo data', (database) => {
  it('creates an empty agency whose admin uses the given password', async () => {
    const config = loadConfig({ CARAVEL_DEMO: '0', CARAVEL_ADMIN_PASSWORD: 'given password 1' });
    const report = await bootstrapFirstStart(database(), config);
    expect(report).toMatchObject({
      adminEmail: 'admin@example.com',
      generatedPassword: null,
      demo: false,
    });
    const users = await database().db.selectFrom('users').selectAll().execute();
    expect(users).toHaveLength(1);
    expect(await verifyPassword('given password 1', users[0]?.passwordHash ?? '')).toBe(true);
  });
});

describeOnPostgres('first start of two processes at once', (database) => {
  it('seeds once: the second waits for the first and finds its agency', async () => {
    // The second process has its own connection pool on the same database.
    const name = (
      await sql<{ name: string }>`select current_database() as name`.execute(database().db)
    ).rows[0]?.name;
    const url = new URL(testDatabaseUrl() as string);
    url.pathname = `/${name}`;
    const other = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 2 });
    try {
      const config = loadConfig({ CARAVEL_DEMO: '0', CARAVEL_ADMIN_PASSWORD: 'given password 1' });
      const reports = await Promise.all([
        bootstrapFirstStart(database(), config),
        bootstrapFirstStart(other, config),
      ]);
      expect(reports.filter((report) => report !== null)).toHaveLength(1);
      const agencies = await database().db.selectFrom('agencies').select('slug').execute();
      expect(agencies).toEqual([{ slug: 'main' }]);
      const users = await database().db.selectFrom('users').select('email').execute();
      expect(users).toEqual([{ email: 'admin@example.com' }]);
    } finally {
      await other.close();
    }
  });
});
