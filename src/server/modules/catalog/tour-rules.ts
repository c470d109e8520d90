// What a tour allows, decided on plain data (no I/O): whether a stay fits a by-days tour's
// seasons, which departure a start date means, whether a room fits a party, and what is
// wrong with a set of seasons. Inventory, pricing and booking call these too.
import { addDays, daysBetween, isCalendarDate, isoWeekday } from '../../calendar.ts';
import { type FieldError, Invalid } from '../../errors.ts';

/** The rules of one season of a by-days tour; `endDate` is its last night (inclusive). */
export interface SeasonRule {
  name?: string;
  startDate: string;
  endDate: string;
  minStay: number;
  maxStay: number | null;
  /** ISO weekdays (1 = Monday … 7 = Sunday) on which a stay may start. */
  arrivalWeekdays: readonly number[];
}

export type StayCheck<S extends SeasonRule = SeasonRule> =
  | {
      ok: true;
      nights: number;
      /** The season of the arrival night: its rules are the ones that applied. */
      season: S;
      /** Every season the stay has a night in, in date order. */
      seasons: S[];
    }
  | { ok: false; errors: FieldError[] };

const weekdayNames = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

function covering<S extends SeasonRule>(seasons: readonly S[], night: string): S | undefined {
  return seasons.find((season) => season.startDate <= night && night <= season.endDate);
}

/**
 * Checks a stay from `checkIn` to `checkOut` (the morning of departure) against a by-days
 * tour's seasons. Every night must lie in some season; a stay may cross from one season into
 * the next, and then the rules (arrival weekdays, minimum and maximum stay) of the season of
 * the arrival night apply. Errors name `/checkIn` or `/checkOut`.
 */
export function checkStay<S extends SeasonRule>(
  seasons: readonly S[],
  checkIn: string,
  checkOut: string,
): StayCheck<S> {
  const errors: FieldError[] = [];
  if (!isCalendarDate(checkIn))
    errors.push({ path: '/checkIn', message: 'is not a YYYY-MM-DD date' });
  if (!isCalendarDate(checkOut)) {
    errors.push({ path: '/checkOut', message: 'is not a YYYY-MM-DD date' });
  }
  if (errors.length > 0) return { ok: false, errors };
  const nights = daysBetween(checkIn, checkOut);
  if (nights < 1) {
    return {
      ok: false,
      errors: [{ path: '/checkOut', message: `must be after check-in (${checkIn})` }],
    };
  }
  const arrival = covering(seasons, checkIn);
  if (!arrival) {
    return {
      ok: false,
      errors: [
        {
          path: '/checkIn',
          message: `the night of ${checkIn} is in no season of this tour`,
        },
      ],
    };
  }

  // Walk season by season rather than night by night, so a long stay costs no more than
  // the number of seasons it crosses.
  const touched: S[] = [];
  let night = checkIn;
  while (night < checkOut) {
    const season = covering(seasons, night);
    if (!season) {
      errors.push({
        path: '/checkOut',
        message: `the night of ${night} is in no season of this tour; a stay arriving on ${checkIn} must end by ${night}`,
      });
      break;
    }
    if (!touched.includes(season)) touched.push(season);
    night = addDays(season.endDate, 1);
  }

  const weekday = isoWeekday(checkIn);
  if (!arrival.arrivalWeekdays.includes(weekday)) {
    const allowed = [...arrival.arrivalWeekdays]
      .sort((a, b) => a - b)
      .map((d) => weekdayNames[d] ?? String(d))
      .join(', ');
    errors.push({
      path: '/checkIn',
      message: `${checkIn} is a ${weekdayNames[weekday]}; arrivals${seasonLabel(arrival)} are on ${allowed}`,
    });
  }
  if (nights < arrival.minStay) {
    errors.push({
      path: '/checkOut',
      message: `stay of ${nights} ${nightWord(nights)} is shorter than the minimum of ${arrival.minStay} for arrivals on ${checkIn}`,
    });
  }
  if (arrival.maxStay !== null && nights > arrival.maxStay) {
    errors.push({
      path: '/checkOut',
      message: `stay of ${nights} ${nightWord(nights)} is longer than the maximum of ${arrival.maxStay} for arrivals on ${checkIn}`,
    });
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, nights, season: arrival, seasons: touched };
}

function seasonLabel(season: SeasonRule): string {
  return season.name ? ` in season ${season.name}` : '';
}

function nightWord(n: number): string {
  return n === 1 ? 'night' : 'nights';
}

export interface DepartureLike {
  startDate: string;
  nights: number;
  status: 'open' | 'closed' | 'cancelled';
}

/**
 * The departure of a fixed-departure tour that starts on `startDate` (and lasts `nights`,
 * when given): an open one when there is one, else any; `undefined` when none starts then.
 */
export function departureFor<D extends DepartureLike>(
  departures: readonly D[],
  startDate: string,
  nights?: number,
): D | undefined {
  const candidates = departures.filter(
    (d) => d.startDate === startDate && (nights === undefined || d.nights === nights),
  );
  return candidates.find((d) => d.status === 'open') ?? candidates[0];
}

export interface RoomCapacity {
  maxAdults: number;
  maxChildren: number;
  standardBeds: number;
  extraBeds: number;
}

export interface Party {
  adults: number;
  childAges: readonly number[];
}

/**
 * True when the whole party sleeps in one room of this type: no more adults than the room
 * takes, no more people than beds (standard and extra), and no more children than the
 * child places plus the adult places the party leaves free (a child may take an adult's).
 */
export function roomFitsParty(room: RoomCapacity, party: Party): boolean {
  const children = party.childAges.length;
  return (
    party.adults <= room.maxAdults &&
    party.adults + children <= room.standardBeds + room.extraBeds &&
    children <= room.maxChildren + (room.maxAdults - party.adults)
  );
}

/**
 * What is wrong with a room type's occupancy: more guests than beds. Names `maxChildren`
 * (or `maxAdults` when the adults alone do not fit) under `prefix`.
 */
export function roomTypeProblems(room: RoomCapacity, prefix = ''): FieldError[] {
  const beds = room.standardBeds + room.extraBeds;
  if (room.maxAdults > beds) {
    return [
      {
        path: `${prefix}/maxAdults`,
        message: `${room.maxAdults} adults do not fit in ${beds} beds (standard and extra)`,
      },
    ];
  }
  if (room.maxAdults + room.maxChildren > beds) {
    return [
      {
        path: `${prefix}/maxChildren`,
        message: `${room.maxAdults} adults and ${room.maxChildren} children make more guests than the ${beds} beds (standard and extra); at most ${beds - room.maxAdults} children`,
      },
    ];
  }
  return [];
}

/** A season as written, with where its fields are in the request (`/seasons/0`, or ''). */
export interface SeasonAt extends SeasonRule {
  path: string;
}

/**
 * What is wrong with one season on its own: end before start, maximum below minimum,
 * repeated arrival weekdays.
 */
export function seasonProblems(season: SeasonAt): FieldError[] {
  const problems: FieldError[] = [];
  if (season.endDate < season.startDate) {
    problems.push({
      path: `${season.path}/endDate`,
      message: `must not be before the start date (${season.startDate}); it is the last night of the season`,
    });
  }
  if (season.maxStay !== null && season.maxStay < season.minStay) {
    problems.push({
      path: `${season.path}/maxStay`,
      message: `must not be below the minimum stay (${season.minStay})`,
    });
  }
  if (new Set(season.arrivalWeekdays).size !== season.arrivalWeekdays.length) {
    problems.push({ path: `${season.path}/arrivalWeekdays`, message: 'repeats a weekday' });
  }
  return problems;
}

/**
 * Seasons of one tour must not overlap: a night belongs to one season, whose rules apply.
 * `fixed` are the seasons already stored (not reported), `added` the ones being written;
 * a clash names the `startDate` of the added season.
 */
export function overlapProblems(fixed: readonly SeasonRule[], added: readonly SeasonAt[]) {
  const problems: FieldError[] = [];
  const seen: SeasonRule[] = [...fixed];
  for (const season of added) {
    if (season.endDate < season.startDate) continue;
    const clash = seen.find(
      (other) => other.startDate <= season.endDate && season.startDate <= other.endDate,
    );
    if (clash) {
      problems.push({
        path: `${season.path}/startDate`,
        message: `overlaps season ${clash.name ? `${clash.name} ` : ''}(${clash.startDate} to ${clash.endDate}); seasons of a tour must not share a night`,
      });
    } else {
      seen.push(season);
    }
  }
  return problems;
}

/** The start dates of a series: `count` departures, one every `every` days from `firstStart`. */
export function seriesStartDates(firstStart: string, every: number, count: number): string[] {
  return Array.from({ length: count }, (_, index) => addDays(firstStart, index * every));
}

// --- requests that write departures and seasons -------------------------------------------

export interface TourDepartureInput {
  startDate: string;
  nights: number;
  transportDepartureId?: string | null;
  returnTransportDepartureId?: string | null;
  status?: 'open' | 'closed' | 'cancelled';
}

export interface TourSeasonInput {
  name: string;
  startDate: string;
  /** The last night of the season (inclusive). */
  endDate: string;
  minStay?: number;
  maxStay?: number | null;
  arrivalWeekdays?: number[];
}

/** One departure, a batch, or a series generated every `every` days: exactly one form. */
export interface AddDeparturesInput extends Partial<TourDepartureInput> {
  departures?: TourDepartureInput[];
  series?: { firstStart: string; every: number; count: number; nights: number };
}

/**
 * A departure being written and where it is in the request: `path` prefixes its fields,
 * `startPath` names its start date (`/series/firstStart` for a generated one).
 */
export type DepartureAt<T = TourDepartureInput> = T & { path: string; startPath: string };

export function departureAt<T extends Partial<TourDepartureInput>>(departure: T, path: string) {
  return { ...departure, path, startPath: `${path}/startDate` };
}

/** A season as written, with the defaults: minimum 1 night, no maximum, any weekday. */
export function seasonWithDefaults(season: TourSeasonInput, path: string): SeasonAt {
  return {
    path,
    name: season.name,
    startDate: season.startDate,
    endDate: season.endDate,
    minStay: season.minStay ?? 1,
    maxStay: season.maxStay ?? null,
    arrivalWeekdays: season.arrivalWeekdays ?? [1, 2, 3, 4, 5, 6, 7],
  };
}

/** A fixed-departure tour has departures, a tour sold by days seasons: never the other. */
export function modeProblems(
  mode: 'fixed_departures' | 'by_days',
  input: { departures?: unknown[]; seasons?: unknown[] },
): FieldError[] {
  if (mode === 'fixed_departures' && (input.seasons?.length ?? 0) > 0) {
    return [
      {
        path: '/seasons',
        message: 'are for tours sold by days; a fixed-departure tour has departures',
      },
    ];
  }
  if (mode === 'by_days' && (input.departures?.length ?? 0) > 0) {
    return [
      {
        path: '/departures',
        message: 'are for fixed-departure tours; a tour sold by days has seasons',
      },
    ];
  }
  return [];
}

/** Departures written together must not repeat a start date with the same nights. */
export function repeatedDepartureProblems(
  departures: DepartureAt<Partial<TourDepartureInput>>[],
): FieldError[] {
  const problems: FieldError[] = [];
  const seen = new Set<string>();
  for (const departure of departures) {
    if (departure.startDate === undefined || departure.nights === undefined) continue;
    const key = `${departure.startDate}/${departure.nights}`;
    if (seen.has(key)) {
      problems.push({
        path: departure.startPath,
        message: `repeats the departure of ${departure.startDate} for ${departure.nights} nights`,
      });
    }
    seen.add(key);
  }
  return problems;
}

/**
 * The departures an "add departures" request means, with their request paths: the one
 * departure given, the batch, or the generated series. Anything else is `Invalid`.
 */
export function departuresOfRequest(input: AddDeparturesInput): DepartureAt[] {
  const single =
    input.startDate !== undefined ||
    input.nights !== undefined ||
    input.transportDepartureId !== undefined ||
    input.returnTransportDepartureId !== undefined ||
    input.status !== undefined;
  const forms = [single, input.departures !== undefined, input.series !== undefined];
  if (forms.filter(Boolean).length !== 1) {
    throw Invalid.field(
      input.series !== undefined ? '/series' : '/departures',
      'give exactly one of: a departure (startDate and nights), departures[], or series',
    );
  }
  if (input.departures) return input.departures.map((d, i) => departureAt(d, `/departures/${i}`));
  if (input.series) {
    const { firstStart, every, count, nights } = input.series;
    const starts = seriesStartDates(firstStart, every, count);
    // Past 9999 a date has no YYYY-MM-DD form (Temporal writes +010000-01-01).
    if (!/^\d{4}-/.test(starts.at(-1) ?? '')) {
      throw Invalid.field('/series/count', 'runs the series past the year 9999');
    }
    return starts.map((startDate) => ({
      startDate,
      nights,
      path: '/series',
      startPath: '/series/firstStart',
    }));
  }
  const missing: FieldError[] = [];
  if (input.startDate === undefined) missing.push({ path: '/startDate', message: 'is required' });
  if (input.nights === undefined) missing.push({ path: '/nights', message: 'is required' });
  if (missing.length > 0) {
    throw new Invalid(missing.map((p) => `${p.path.slice(1)} ${p.message}`).join('; '), missing);
  }
  return [departureAt(input as TourDepartureInput, '')];
}
