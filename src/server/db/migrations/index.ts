// The list of migrations, in order. Files are frozen once they land: add a new one instead.
import type { Migration } from 'kysely/migration';
import * as identity from './2026-11-23-01-identity.ts';
import * as outbox from './2026-11-23-02-outbox.ts';
import * as idempotency from './2026-11-23-03-idempotency.ts';

export const migrations: Record<string, Migration> = {
  '2026-11-23-01-identity': identity,
  '2026-11-23-02-outbox': outbox,
  '2026-11-23-03-idempotency': idempotency,
};
