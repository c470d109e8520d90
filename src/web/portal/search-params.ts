// A trip search as the URL carries it (`?destination=&from=&to=&adults=&children=4,9`), read
// with checks rather than trusted: a hand-edited or stale link falls back to sensible values.

export interface TripSearch {
  destination: string;
  from: string | null;
  to: string | null;
  adults: number;
  /** Each child's age at the start of travel. */
  childAges: number[];
}

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

function intIn(value: string | null, min: number, max: number, fallback: number): number {
  const parsed = value === null ? Number.NaN : Number(value);
  return Number.isInteger(parsed) && parsed >= min && parsed <= max ? parsed : fallback;
}

export function readTripSearch(params: URLSearchParams): TripSearch {
  const from = params.get('from');
  const to = params.get('to');
  const datesOk = from !== null && to !== null && datePattern.test(from) && datePattern.test(to);
  const childAges = (params.get('children') ?? '')
    .split(',')
    .filter((age) => age !== '')
    .map(Number)
    .filter((age) => Number.isInteger(age) && age >= 0 && age <= 17)
    .slice(0, 8);
  return {
    destination: (params.get('destination') ?? '').slice(0, 200),
    from: datesOk && from <= to ? from : null,
    to: datesOk && from <= to ? to : null,
    adults: intIn(params.get('adults'), 1, 12, 2),
    childAges,
  };
}

export function tripSearchParams(search: TripSearch): URLSearchParams {
  const params = new URLSearchParams();
  if (search.destination) params.set('destination', search.destination);
  if (search.from && search.to) {
    params.set('from', search.from);
    params.set('to', search.to);
  }
  params.set('adults', String(search.adults));
  if (search.childAges.length > 0) params.set('children', search.childAges.join(','));
  return params;
}

/** The API's party query: adults and each child's age. */
export function partyQuery(search: Pick<TripSearch, 'adults' | 'childAges'>): URLSearchParams {
  const params = new URLSearchParams({ adults: String(search.adults) });
  if (search.childAges.length > 0) params.set('childAges', search.childAges.join(','));
  return params;
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function nightsBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
