// Cursor pagination: `{ items, nextCursor }`, with keyset cursors so pages stay fast and
// stable while rows are being added. Ids are UUIDv7, so `id desc` is newest first.
import { type Static, type TSchema, Type } from 'typebox';
import { isUuid } from '../db/ids.ts';
import { Invalid } from '../errors.ts';

export const PageQuery = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: 200, default: 50, description: 'Page size' }),
  cursor: Type.Optional(
    Type.String({ description: 'The `nextCursor` of the previous page', maxLength: 200 }),
  ),
});
export type PageQuery = Static<typeof PageQuery>;

export function Page<T extends TSchema>(item: T) {
  return Type.Object({
    items: Type.Array(item),
    nextCursor: Type.Union([Type.String(), Type.Null()], {
      description: 'Pass as `cursor` for the next page; null on the last page',
    }),
  });
}

export function encodeCursor(id: string): string {
  return Buffer.from(JSON.stringify({ id }), 'utf8').toString('base64url');
}

/** Decodes a cursor from a client; anything we did not issue is a 400 naming `cursor`. */
export function decodeCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as {
      id?: unknown;
    };
    if (typeof parsed.id === 'string' && isUuid(parsed.id)) return parsed.id;
  } catch {
    // fall through to the error below
  }
  throw Invalid.field('/cursor', 'is not a cursor returned by this list');
}

/** Takes `limit + 1` rows fetched in page order and splits off the cursor of the next page. */
export function toPage<T extends { id: string }>(
  rows: T[],
  limit: number,
): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.id) : null };
}
