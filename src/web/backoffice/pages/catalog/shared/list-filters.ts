// A list's filters live in the URL (?q=&archived=), so a filtered list can be shared,
// reloaded and left with the back button.
import { useSearchParams } from 'react-router';
import type { ArchivedFilter } from './catalog-types.ts';

const archivedValues: readonly ArchivedFilter[] = ['false', 'true', 'all'];

function parseArchived(value: string | null): ArchivedFilter {
  return archivedValues.find((candidate) => candidate === value) ?? 'false';
}

export function useListFilters() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const archived = parseArchived(params.get('archived'));
  function update(key: string, value: string, fallback: string) {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value === fallback) next.delete(key);
        else next.set(key, value);
        return next;
      },
      { replace: true },
    );
  }
  return {
    q,
    archived,
    setQ: (value: string) => update('q', value, ''),
    setArchived: (value: ArchivedFilter) => update('archived', value, 'false'),
  };
}
