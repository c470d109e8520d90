// Links into a report from elsewhere (the dashboard's tiles): the report's address with its
// filters, as the report page reads them.
import type { ReportName } from './report-catalog.ts';
import type { ReportValues } from './report-params.ts';

export function reportLink(name: ReportName, values: ReportValues): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value) params.set(key, value);
  const query = params.toString();
  return query ? `/reports/${name}?${query}` : `/reports/${name}`;
}

/** The occupancy a low-stock alert is about: a shared pool's, rooms' (hotels) or seats'. */
export function occupancyKindOf(kind: string | undefined): 'pools' | 'hotels' | 'departures' {
  if (kind === 'pool') return 'pools';
  if (kind === 'room_type') return 'hotels';
  return 'departures';
}
