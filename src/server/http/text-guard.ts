// Hostile request text is refused up front, before anything walks or stores it:
// - JSON nested deeper than `maxJsonDepth` is refused by the JSON body parser, which counts
//   the brackets without recursion before JSON.parse runs (a body of `[`×200,000 would
//   otherwise overflow the stack of any recursive walk: Ajv's, ours, a serializer's);
// - PostgreSQL cannot store U+0000 in text or jsonb, and refuses an unpaired UTF-16 surrogate
//   in jsonb (text columns turn it into U+FFFD), so a string carrying either would fail deep
//   in a write with a 500 or be silently altered. The hook below answers 400 naming the field
//   (body, query string or path parameter; header values are Latin-1 and hold neither).
// The size of a body is bounded by Fastify's `bodyLimit` (413), checked while it is read.
import type { FastifyInstance } from 'fastify';
import { type FieldError, Invalid } from '../errors.ts';

/** How deep `[` and `{` may nest in a JSON body. Our own bodies need fewer than ten. */
export const maxJsonDepth = 64;

/**
 * Whether a JSON text nests arrays and objects deeper than `limit`, found by one pass over
 * its characters (brackets inside strings do not count). Not a validator: JSON.parse is.
 */
export function jsonNestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i += 1; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth += 1;
      if (depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth -= 1;
  }
  return false;
}

const loneSurrogate = /\p{Surrogate}/u;

/** Why a string cannot be stored as given, or null when it can. */
export function unstorableText(text: string): string | null {
  if (text.includes('\u0000')) return 'must not contain the NUL character (U+0000)';
  // With the u flag, a paired surrogate is one code point and only a lone one matches.
  if (loneSurrogate.test(text)) return 'must not contain an unpaired UTF-16 surrogate';
  return null;
}

function pointerToken(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * The JSON Pointer of the first string (or key) that cannot be stored, with the reason, or
 * null. Walks with its own stack, so no depth of nesting can overflow the call stack.
 */
export function findUnstorableText(value: unknown): { path: string; message: string } | null {
  const stack: { value: unknown; path: string }[] = [{ value, path: '' }];
  while (stack.length > 0) {
    const { value: item, path } = stack.pop() as { value: unknown; path: string };
    if (typeof item === 'string') {
      const message = unstorableText(item);
      if (message) return { path: path || '/', message };
    } else if (Array.isArray(item)) {
      for (let index = item.length - 1; index >= 0; index -= 1) {
        stack.push({ value: item[index], path: `${path}/${index}` });
      }
    } else if (item !== null && typeof item === 'object') {
      const entries = Object.entries(item);
      for (let index = entries.length - 1; index >= 0; index -= 1) {
        const [key, child] = entries[index] as [string, unknown];
        const pointer = `${path}/${pointerToken(key)}`;
        stack.push({ value: child, path: pointer });
        // A key is checked before its value (pushed last, popped first).
        stack.push({ value: key, path: pointer });
      }
    }
  }
  return null;
}

/** The JSON Pointer of the first string (or key) containing U+0000, or null. */
export function findNulCharacter(value: unknown): string | null {
  const found = findUnstorableText(value);
  return found?.message.includes('U+0000') ? found.path : null;
}

function invalidIn(location: 'body' | 'query' | 'path', path: string, message: string): Invalid {
  const { message: detail } = Invalid.field(path, message);
  return new Invalid(detail, [{ path, message, in: location } as FieldError]);
}

export function registerTextGuard(app: FastifyInstance): void {
  // Fastify's own JSON parser (with its prototype-poisoning checks), behind a depth check.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (jsonNestsDeeperThan(body as string, maxJsonDepth)) {
      done(invalidIn('body', '/', `nests arrays or objects deeper than ${maxJsonDepth} levels`));
      return;
    }
    // The default parser answers through `done`; it returns nothing to wait for.
    void parseJson(request, body as string, done);
  });

  app.addHook('preValidation', async (request) => {
    const parts = [
      ['body', request.body],
      ['query', request.query],
      ['path', request.params],
    ] as const;
    for (const [location, value] of parts) {
      const found = findUnstorableText(value);
      if (found) throw invalidIn(location, found.path, found.message);
    }
  });
}
