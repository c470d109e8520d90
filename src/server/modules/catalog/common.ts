// Schemas and helpers every catalog entity shares: multilingual text, dates, codes, the
// archive filter, and who may read or edit the catalog.
import { type Static, Type } from 'typebox';
import type { Role } from '../../db/schema.ts';
import { staffRoles } from '../identity/roles.ts';

export const contentLocales = ['en', 'cs', 'pl', 'tr', 'zh'] as const;

/** Text shown to customers, per language; at least one language must be given. */
export const LocalizedTextSchema = Type.Object(
  {
    en: Type.Optional(Type.String({ minLength: 1, maxLength: 20_000 })),
    cs: Type.Optional(Type.String({ minLength: 1, maxLength: 20_000 })),
    pl: Type.Optional(Type.String({ minLength: 1, maxLength: 20_000 })),
    tr: Type.Optional(Type.String({ minLength: 1, maxLength: 20_000 })),
    zh: Type.Optional(Type.String({ minLength: 1, maxLength: 20_000 })),
  },
  {
    additionalProperties: false,
    minProperties: 1,
    description: 'Text per language (en, cs, pl, tr, zh); at least one',
  },
);
export type LocalizedTextInput = Static<typeof LocalizedTextSchema>;

export const CalendarDateSchema = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
export const CountryCodeSchema = Type.String({
  pattern: '^[A-Z]{2}$',
  description: 'ISO 3166-1 alpha-2, e.g. CZ',
});
export const CurrencyCodeSchema = Type.String({
  pattern: '^[A-Z]{3}$',
  description: 'ISO 4217, e.g. EUR',
});
export const PhotoUrlsSchema = Type.Array(Type.String({ format: 'uri', maxLength: 2000 }), {
  maxItems: 50,
});
export const TimestampSchema = Type.String({ format: 'date-time' });
export const NullableTimestamp = Type.Union([TimestampSchema, Type.Null()]);

/** `?archived=` on lists: `false` (default) hides archived rows, `true` shows only them. */
export const ArchivedQuery = Type.Optional(
  Type.Enum(['false', 'true', 'all'], {
    default: 'false',
    description: 'false: active only (default); true: archived only; all: both',
  }),
);
export type ArchivedFilter = 'false' | 'true' | 'all';

/** Everyone in the back office reads the catalog; partners see it to sell their offers. */
export const catalogReaders: readonly Role[] = [...staffRoles, 'partner'];
/** Product managers: admins and agents build and price products. */
export const catalogEditors: readonly Role[] = ['admin', 'agent'];

export function iso(value: Date | string): string {
  return new Date(value).toISOString();
}

export function isoOrNull(value: Date | string | null): string | null {
  return value === null ? null : iso(value);
}

/** The archive fields of a row, as the API shows them. */
export function lifecycle(row: {
  archivedAt: Date | string | null;
  createdAt: Date | string;
  updatedAt: Date | string;
}) {
  return {
    archived: row.archivedAt !== null,
    archivedAt: isoOrNull(row.archivedAt),
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

export const LifecycleSchema = {
  archived: Type.Boolean(),
  archivedAt: NullableTimestamp,
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
};
