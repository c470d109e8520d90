import { describe, expect, it } from 'vitest';
import { newId } from '../db/ids.ts';
import { Invalid } from '../errors.ts';
import { decodeCursor, encodeCursor, toPage } from './pagination.ts';

describe('cursor pagination', () => {
  it('decodes the cursors it encodes', () => {
    const id = newId();
    expect(decodeCursor(encodeCursor(id))).toBe(id);
  });

  it('refuses a cursor it did not issue, naming the cursor field', () => {
    for (const bad of ['nope', Buffer.from('{"id":"1; drop table"}').toString('base64url'), '']) {
      expect(() => decodeCursor(bad)).toThrow(Invalid);
      try {
        decodeCursor(bad);
      } catch (error) {
        expect((error as Invalid).errors[0]?.path).toBe('/cursor');
      }
    }
  });

  it('gives a next cursor only when there is a further row', () => {
    const rows = [newId(), newId(), newId()].map((id) => ({ id }));
    const full = toPage(rows, 2);
    expect(full.items).toHaveLength(2);
    expect(full.nextCursor && decodeCursor(full.nextCursor)).toBe(rows[1]?.id);
    const last = toPage(rows.slice(0, 2), 2);
    expect(last.nextCursor).toBeNull();
  });
});
