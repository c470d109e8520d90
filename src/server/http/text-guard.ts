// PostgreSQL cannot store U+0000 in text or jsonb, so a JSON body carrying one would fail
// deep in a write with a 500. This hook rejects it up front as a 400 naming the field.
import type { FastifyInstance } from 'fastify';
import { Invalid } from '../errors.ts';

/** The JSON Pointer of the first string (or key) containing U+0000, or null. */
export function findNulCharacter(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path || '/' : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findNulCharacter(item, `${path}/${index}`);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const pointer = `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if (key.includes('\u0000')) return pointer;
      const found = findNulCharacter(item, pointer);
      if (found) return found;
    }
  }
  return null;
}

export function registerTextGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const found = findNulCharacter(request.body) ?? findNulCharacter(request.query);
    if (found) throw Invalid.field(found, 'must not contain the NUL character (U+0000)');
  });
}
