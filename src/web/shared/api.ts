// Talks JSON to the Caravel API over the same origin, so the session cookie rides along.
// Failures arrive as RFC 9457 problems and leave here as ApiError, whatever went wrong.

export interface ProblemFieldError {
  /** JSON Pointer to the field, e.g. `/email`. */
  path: string;
  message: string;
  in?: string;
}

export interface Problem {
  status: number;
  title: string;
  detail: string;
  errors?: ProblemFieldError[];
}

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail || problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }

  /** No answer from the server at all (offline, server down, request blocked). */
  get unreachable(): boolean {
    return this.status === 0;
  }
}

export interface ApiRequestInit extends Omit<RequestInit, 'body'> {
  /** Sent as JSON. */
  body?: unknown;
}

export async function apiFetch<T>(path: string, init: ApiRequestInit = {}): Promise<T> {
  const { body, headers, ...rest } = init;
  const requestHeaders = new Headers(headers);
  requestHeaders.set('accept', 'application/json, application/problem+json');
  // A JSON content type with an empty body is a 400 for Fastify, so only when there is a body.
  if (body !== undefined) requestHeaders.set('content-type', 'application/json');

  let response: Response;
  try {
    response = await fetch(path, {
      credentials: 'same-origin',
      ...rest,
      headers: requestHeaders,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (cause) {
    throw new ApiError({
      status: 0,
      title: 'Network error',
      detail: cause instanceof Error ? cause.message : String(cause),
    });
  }

  const payload = await readJson(response);
  if (!response.ok) throw new ApiError(toProblem(response, payload));
  return payload as T;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    // A proxy's HTML error page, say; the status still tells what happened.
    return undefined;
  }
}

function toProblem(response: Response, payload: unknown): Problem {
  const given = isRecord(payload) ? payload : {};
  const errors = Array.isArray(given.errors) ? given.errors.filter(isFieldError) : undefined;
  return {
    status: typeof given.status === 'number' ? given.status : response.status,
    title: typeof given.title === 'string' ? given.title : response.statusText,
    detail: typeof given.detail === 'string' ? given.detail : '',
    ...(errors?.length ? { errors } : {}),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isFieldError(value: unknown): value is ProblemFieldError {
  return isRecord(value) && typeof value.path === 'string' && typeof value.message === 'string';
}

/**
 * The problem's field errors keyed by field name (`/email` → `email`, `/address/city` →
 * `address.city`), the shape Mantine's `form.setErrors` takes. The first message per field wins.
 */
export function fieldErrors(error: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  if (!(error instanceof ApiError)) return result;
  for (const { path, message } of error.problem.errors ?? []) {
    const field = path
      .replace(/^\//, '')
      .split('/')
      .map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'))
      .join('.');
    if (field && !(field in result)) result[field] = message;
  }
  return result;
}
