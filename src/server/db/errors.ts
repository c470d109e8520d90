// Recognising database errors that are the client's doing, the same on pg and PGlite
// (both report PostgreSQL's SQLSTATE in `code`).

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: unknown; constraint?: unknown } | null;
  return e?.code === '23505' && (constraint === undefined || e.constraint === constraint);
}
