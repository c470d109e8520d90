// The one place where an error becomes an HTTP response: RFC 9457 problem+json.
// Pure, so the error handler and the logger agree on what happened.
import { DomainError, type FieldError } from '../errors.ts';
import { nonBlankPattern } from './schemas.ts';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export interface ProblemResponse {
  status: number;
  body: Problem;
  headers: Record<string, string>;
  /**
   * 5xx are our fault and logged as errors; 4xx are the client's and logged at info, except a
   * value only the database refused (warn: a request schema should have refused it first).
   */
  logLevel: 'info' | 'warn' | 'error';
}

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function problem(
  status: number,
  detail: string,
  extra: Partial<Problem> = {},
  headers: Record<string, string> = {},
): ProblemResponse {
  const title = titles[status] ?? (status >= 500 ? 'Server Error' : 'Request Error');
  return {
    status,
    body: { type: 'about:blank', title, status, detail, ...extra },
    headers,
    logLevel: status >= 500 ? 'error' : 'info',
  };
}

/** Fastify's `maxParamLength` (left at its default): longer path parameters answer 414. */
export const maxPathParameterLength = 100;

interface AjvError {
  instancePath?: string;
  keyword?: string;
  message?: string;
  params?: Record<string, unknown>;
}

const locations: Record<string, string> = {
  body: 'body',
  querystring: 'query',
  params: 'path',
  headers: 'header',
};

/** Turns Ajv's errors into `{ path, message }` with a JSON Pointer to the offending field. */
export function fieldErrorsFromValidation(errors: AjvError[], context: string): FieldError[] {
  const location = locations[context] ?? context;
  return errors.map((error) => {
    let path = error.instancePath ?? '';
    let message = error.message ?? 'is invalid';
    const missing = error.params?.missingProperty;
    const extra = error.params?.additionalProperty;
    if (error.keyword === 'required' && typeof missing === 'string') {
      path = `${path}/${missing}`;
      message = 'is required';
    } else if (error.keyword === 'additionalProperties' && typeof extra === 'string') {
      path = `${path}/${extra}`;
      message = 'is not a known field';
    } else if (error.keyword === 'pattern' && error.params?.pattern === nonBlankPattern) {
      message = 'must not be blank';
    }
    return { path: path || '/', message, in: location } as FieldError;
  });
}

interface DatabaseErrorLike {
  code?: unknown;
  table?: unknown;
  constraint?: unknown;
}

/**
 * The field a CHECK constraint guards, when PostgreSQL named it `<table>_<column>_check` (as
 * it does for a column's own CHECK); null for a table's CHECK (`<table>_check1`).
 */
export function fieldOfCheck(table: string, constraint: string): string | null {
  const match = constraint.match(/^(.+)_check$/);
  if (!match || !constraint.startsWith(`${table}_`)) return null;
  const column = (match[1] as string).slice(table.length + 1);
  if (!/^[a-z][a-z0-9_]*$/.test(column)) return null;
  return `/${column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase())}`;
}

/**
 * A write the database refused by a CHECK: the request schema or the service should have
 * refused it first, but the client still gets a 4xx, never a 500. A column's CHECK names the
 * field (400); a table's CHECK guards state across columns or rows (stock within capacity),
 * which a concurrent change can break: 409. Both drivers report SQLSTATE in `code`.
 */
function refusedByDatabase(error: unknown): ProblemResponse | null {
  const e = (error ?? {}) as DatabaseErrorLike;
  if (e.code !== '23514') return null;
  const field =
    typeof e.table === 'string' && typeof e.constraint === 'string'
      ? fieldOfCheck(e.table, e.constraint)
      : null;
  const message = 'is not an accepted value';
  const response = field
    ? problem(400, `${field.slice(1)} ${message}`, { errors: [{ path: field, message }] })
    : problem(409, 'the request conflicts with the stored data; reload and try again');
  return { ...response, logLevel: 'warn' };
}

interface FastifyLikeError {
  statusCode?: number;
  code?: string;
  message?: string;
  validation?: AjvError[];
  validationContext?: string;
}

export function problemFromError(error: unknown): ProblemResponse {
  if (error instanceof DomainError) {
    switch (error.kind) {
      case 'not_found':
        return problem(404, error.message);
      case 'conflict': {
        const errors = (error as DomainError & { errors: FieldError[] }).errors;
        return problem(409, error.message, errors.length ? { errors } : {});
      }
      case 'invalid': {
        const errors = (error as DomainError & { errors: FieldError[] }).errors;
        return problem(400, error.message, errors.length ? { errors } : {});
      }
      case 'forbidden':
        return problem(403, error.message);
      case 'unauthorized':
        return problem(401, error.message);
      case 'too_many': {
        const seconds = (error as DomainError & { retryAfterSeconds: number }).retryAfterSeconds;
        return problem(429, error.message, {}, { 'retry-after': String(seconds) });
      }
      default:
        error.kind satisfies never;
    }
  }
  const fastifyError = (error ?? {}) as FastifyLikeError;
  if (Array.isArray(fastifyError.validation)) {
    const errors = fieldErrorsFromValidation(
      fastifyError.validation,
      fastifyError.validationContext ?? 'body',
    );
    const first = errors[0];
    const detail = first
      ? `${first.path === '/' ? 'the request' : first.path.slice(1)} ${first.message}` +
        (errors.length > 1 ? ` (and ${errors.length - 1} more)` : '')
      : 'the request is invalid';
    return problem(400, detail, { errors });
  }
  // The router's errors name the raw path in their message; say what is wrong instead.
  if (fastifyError.code === 'FST_ERR_BAD_URL') {
    const message = 'is not valid percent-encoded UTF-8';
    return problem(400, `the URL path ${message}`, {
      code: fastifyError.code,
      errors: [{ path: '/', message, in: 'path' } as FieldError],
    });
  }
  if (fastifyError.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    const message = `is longer than ${maxPathParameterLength} characters`;
    return problem(414, `a path parameter ${message}`, {
      code: fastifyError.code,
      errors: [{ path: '/', message, in: 'path' } as FieldError],
    });
  }
  const refused = refusedByDatabase(error);
  if (refused) return refused;
  const status = fastifyError.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    // Fastify's own client errors (malformed JSON, wrong content type, body too large):
    // their messages are written for clients and hold no internals.
    return problem(status, fastifyError.message ?? 'bad request', {
      code: fastifyError.code,
    });
  }
  return problem(500, 'An unexpected error occurred. It has been logged.');
}
