// Schemas shared by many routes: ids, problem bodies, common responses.
import { type Static, type TSchema, Type } from 'typebox';

export const Uuid = Type.String({ format: 'uuid', description: 'Identifier (UUID)' });

export const IdParams = Type.Object({ id: Uuid });

/** At least one character that is not white space: what `String#trim` leaves non-empty. */
export const nonBlankPattern = '\\S';

/**
 * Text that must not be blank after trimming, as the database's `length(btrim(x)) > 0`
 * CHECKs require (a blank value answers 400 "must not be blank", not a 500 from the CHECK).
 */
export function NonBlank(options: { maxLength: number; description?: string }) {
  return Type.String({ minLength: 1, ...options, pattern: nonBlankPattern });
}

export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    errors: Type.Optional(
      Type.Array(
        Type.Object({
          path: Type.String({ description: 'JSON Pointer to the field, e.g. /email' }),
          message: Type.String(),
          in: Type.Optional(Type.String({ description: 'body, query, path or header' })),
        }),
      ),
    ),
  },
  { $id: 'Problem', description: 'RFC 9457 problem details', additionalProperties: true },
);

const problemRef = Type.Ref('Problem');

/** The error responses a route can give, for its OpenAPI entry. */
export function errorResponses(...codes: number[]) {
  return Object.fromEntries(
    codes.map((code) => [code, { ...problemRef, description: `Problem (${code})` }]),
  );
}

/**
 * `T` or null, as one JSON Schema type list (`type: ["number", "null"]`, or `null` among an
 * enum's values). Not `anyOf [T, null]`: with Ajv's type coercion the first branch would
 * turn a null into "" or 0 before the second is tried.
 */
export function nullable<T extends TSchema>(schema: T, options: { description?: string } = {}) {
  const raw = schema as TSchema & { type?: unknown; enum?: unknown[] };
  if (Array.isArray(raw.enum)) {
    return Type.Unsafe<Static<T> | null>({ ...raw, ...options, enum: [...raw.enum, null] });
  }
  return Type.Unsafe<Static<T> | null>({ ...raw, ...options, type: [raw.type, 'null'] });
}
