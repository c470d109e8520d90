// Row ids are UUIDv7: unique without a round trip and ordered by creation time,
// which keeps cursor pagination on `id` stable and index inserts append-only.
import { v7 } from 'uuid';

export function newId(): string {
  return v7();
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return uuidPattern.test(value);
}
