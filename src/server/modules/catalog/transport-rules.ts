// Pure rules for transport: what is wrong with a transport's classes and route, and with the
// departures and seats added to it. Plain data in, `FieldError`s out; nothing here does I/O.
import type { TransportClass, TransportKind, TransportStop } from '../../db/schema.ts';
import { type FieldError, Invalid } from '../../errors.ts';

export interface DepartureInput {
  date: string;
  /** Seats per class code. */
  seats?: Record<string, number>;
}

const minutesOf = (stop: TransportStop) => {
  const [hours = 0, minutes = 0] = stop.time.split(':').map(Number);
  return stop.dayOffset * 24 * 60 + hours * 60 + minutes;
};

/** What is wrong with a transport's kind, classes and route; empty when nothing. */
export function transportProblems(
  kind: TransportKind,
  classes: TransportClass[],
  stops: TransportStop[],
): FieldError[] {
  const problems: FieldError[] = [];
  const seen = new Set<string>();
  classes.forEach((travelClass, index) => {
    if (seen.has(travelClass.code)) {
      problems.push({
        path: `/classes/${index}/code`,
        message: `repeats class ${travelClass.code}`,
      });
    }
    seen.add(travelClass.code);
  });
  if (kind === 'flight') {
    if (stops.length !== 2) {
      problems.push({
        path: '/stops',
        message: `a flight has exactly 2 stops (the departure and the arrival airport), not ${stops.length}`,
      });
    }
    stops.forEach((stop, index) => {
      if (stop.code === undefined || !/^[A-Z]{3}$/.test(stop.code)) {
        problems.push({
          path: `/stops/${index}/code`,
          message: 'must be the 3-letter IATA airport code of a flight stop, e.g. PRG',
        });
      }
    });
  }
  for (let index = 1; index < stops.length; index += 1) {
    const previous = stops[index - 1] as TransportStop;
    const stop = stops[index] as TransportStop;
    if (stop.dayOffset < previous.dayOffset) {
      problems.push({
        path: `/stops/${index}/dayOffset`,
        message: `must not be before the previous stop's (${previous.dayOffset})`,
      });
    } else if (minutesOf(stop) < minutesOf(previous)) {
      problems.push({
        path: `/stops/${index}/time`,
        message: `goes backwards: ${stop.time} (day +${stop.dayOffset}) is before the previous stop's ${previous.time} (day +${previous.dayOffset})`,
      });
    }
  }
  return problems;
}

/** What is wrong with departures to add: repeated dates, seats of unknown classes. */
export function departureProblems(
  departures: DepartureInput[],
  classes: TransportClass[],
  prefix: string,
): FieldError[] {
  const problems: FieldError[] = [];
  const codes = new Set(classes.map((c) => c.code));
  const dates = new Set<string>();
  departures.forEach((departure, index) => {
    if (dates.has(departure.date)) {
      problems.push({
        path: `${prefix}/${index}/date`,
        message: `repeats ${departure.date}`,
      });
    }
    dates.add(departure.date);
    problems.push(...seatProblems(departure.seats ?? {}, codes, `${prefix}/${index}/seats`));
  });
  return problems;
}

/** Seats given for classes the transport does not have. */
export function seatProblems(
  seats: Record<string, number>,
  codes: Set<string>,
  prefix: string,
): FieldError[] {
  return Object.keys(seats)
    .filter((code) => !codes.has(code))
    .map((code) => ({
      path: `${prefix}/${code}`,
      message: `is not a class of this transport (classes: ${[...codes].join(', ')})`,
    }));
}

/** Throws `Invalid` listing every problem, if there is any. */
export function throwIfAny(problems: FieldError[]): void {
  if (problems.length === 0) return;
  throw new Invalid(problems.map((p) => `${p.path.slice(1)} ${p.message}`).join('; '), problems);
}
