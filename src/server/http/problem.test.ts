import { describe, expect, it } from 'vitest';
import {
  Conflict,
  Forbidden,
  Invalid,
  NotFound,
  TooManyRequests,
  Unauthorized,
} from '../errors.ts';
import { problemFromError } from './problem.ts';

describe('problemFromError', () => {
  it('maps each domain error to its status', () => {
    expect(problemFromError(new NotFound('booking', 'b1')).status).toBe(404);
    expect(problemFromError(new Conflict('taken')).status).toBe(409);
    expect(problemFromError(new Forbidden('no')).status).toBe(403);
    expect(problemFromError(new Unauthorized('who?')).status).toBe(401);
    expect(problemFromError(Invalid.field('/to', 'is before from')).status).toBe(400);
  });

  it('names the field of an Invalid error', () => {
    const response = problemFromError(Invalid.field('/to', 'must be on or after from'));
    expect(response.body.errors).toEqual([{ path: '/to', message: 'must be on or after from' }]);
    expect(response.body.detail).toBe('to must be on or after from');
  });

  it('gives 429 a Retry-After header', () => {
    const response = problemFromError(new TooManyRequests('slow down', 120));
    expect(response.status).toBe(429);
    expect(response.headers['retry-after']).toBe('120');
  });

  it('turns Ajv errors into JSON Pointers, naming missing and unknown fields', () => {
    const error = Object.assign(new Error('body/email must match format "email"'), {
      statusCode: 400,
      validationContext: 'body',
      validation: [
        {
          instancePath: '/email',
          keyword: 'format',
          message: 'must match format "email"',
          params: {},
        },
        {
          instancePath: '',
          keyword: 'required',
          message: "must have required property 'password'",
          params: { missingProperty: 'password' },
        },
        {
          instancePath: '',
          keyword: 'additionalProperties',
          message: 'must NOT have additional properties',
          params: { additionalProperty: 'pasword' },
        },
      ],
    });
    const response = problemFromError(error);
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      { path: '/email', message: 'must match format "email"', in: 'body' },
      { path: '/password', message: 'is required', in: 'body' },
      { path: '/pasword', message: 'is not a known field', in: 'body' },
    ]);
    expect(response.body.detail).toBe('email must match format "email" (and 2 more)');
  });

  it('says a blank value (failing the non-blank pattern) "must not be blank"', () => {
    const error = Object.assign(new Error('body/name must match pattern'), {
      statusCode: 400,
      validationContext: 'body',
      validation: [
        {
          instancePath: '/name',
          keyword: 'pattern',
          message: 'must match pattern "\\S"',
          params: { pattern: '\\S' },
        },
      ],
    });
    expect(problemFromError(error).body.errors).toEqual([
      { path: '/name', message: 'must not be blank', in: 'body' },
    ]);
  });

  it("maps a table's CHECK violation (no field to name) to 409, logged at warn", () => {
    const error = Object.assign(new Error('new row violates check constraint "pools_check"'), {
      code: '23514',
      table: 'pools',
      constraint: 'pools_check',
    });
    const response = problemFromError(error);
    expect(response.status).toBe(409);
    expect(response.body.detail).not.toContain('pools_check');
    expect(response.logLevel).toBe('warn');
  });

  it('hides the message of an unexpected error behind a generic 500', () => {
    const response = problemFromError(new Error('relation "users" does not exist at character 15'));
    expect(response.status).toBe(500);
    expect(response.body.detail).not.toContain('relation');
    expect(response.logLevel).toBe('error');
  });

  it("keeps Fastify's own client errors (malformed JSON) as 4xx", () => {
    const error = Object.assign(
      new Error("Body is not valid JSON but content-type is set to 'application/json'"),
      {
        statusCode: 400,
        code: 'FST_ERR_CTP_INVALID_JSON_BODY',
      },
    );
    const response = problemFromError(error);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('FST_ERR_CTP_INVALID_JSON_BODY');
    expect(response.logLevel).toBe('info');
  });
});

describe('text guard', () => {
  it('finds U+0000 anywhere in a body and names its JSON Pointer', async () => {
    const { findNulCharacter } = await import('./text-guard.ts');
    expect(findNulCharacter({ name: { en: 'ok', cs: 'a\u0000b' } })).toBe('/name/cs');
    expect(findNulCharacter({ items: ['x', { 'a/b': '\u0000' }] })).toBe('/items/1/a~1b');
    expect(findNulCharacter({ name: 'fine', n: 3 })).toBeNull();
  });
});
