// Where to go after signing in. Only paths of this site are followed, so a crafted link
// cannot bounce a fresh session to another origin.

export function loginPathFor(location: { pathname: string; search: string; hash: string }): string {
  const next = `${location.pathname}${location.search}${location.hash}`;
  return `/login?next=${encodeURIComponent(next)}`;
}

export function safeNextPath(next: string | null): string {
  if (!next?.startsWith('/')) return '/';
  // `//host` and `/\host` are read by browsers as other origins.
  if (next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next === '/login' || next.startsWith('/login?') || next.startsWith('/login/')) return '/';
  return next;
}
