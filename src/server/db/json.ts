// jsonb values are sent as text and cast, so `pg` never turns a JS array into a PG array
// and both drivers store exactly what JSON.stringify produced.
import { type RawBuilder, sql } from 'kysely';

export function json<T>(value: T): RawBuilder<T> {
  return sql<T>`${JSON.stringify(value)}::jsonb`;
}
