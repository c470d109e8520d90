// Typed domain errors. Services and rules throw these; http/problem.ts maps them to
// RFC 9457 responses in one place, so domain code never knows about HTTP.

export interface FieldError {
  /** JSON Pointer into the request part, e.g. `/travellers/0/birthDate`. */
  path: string;
  message: string;
}

export abstract class DomainError extends Error {
  abstract readonly kind:
    | 'not_found'
    | 'conflict'
    | 'invalid'
    | 'forbidden'
    | 'unauthorized'
    | 'too_many';
}

export class NotFound extends DomainError {
  readonly kind = 'not_found';
  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super(`${entity} ${id} was not found`);
  }
}

/** The request is valid but the state does not allow it; `errors` may name the parts. */
export class Conflict extends DomainError {
  readonly kind = 'conflict';
  constructor(
    message: string,
    readonly errors: FieldError[] = [],
  ) {
    super(message);
  }
}

export class Invalid extends DomainError {
  readonly kind = 'invalid';
  constructor(
    message: string,
    readonly errors: FieldError[] = [],
  ) {
    super(message);
  }

  /** One invalid field: `Invalid.field('/to', 'must be on or after from (2027-07-01)')`. */
  static field(path: string, message: string): Invalid {
    return new Invalid(`${path.replace(/^\//, '') || 'request'} ${message}`, [{ path, message }]);
  }
}

export class Forbidden extends DomainError {
  readonly kind = 'forbidden';
}

export class Unauthorized extends DomainError {
  readonly kind = 'unauthorized';
}

export class TooManyRequests extends DomainError {
  readonly kind = 'too_many';
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}
