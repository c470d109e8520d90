// The occupancy report's arithmetic, pure: a stored day counter and what the inventory, the
// bookings and the sales ledger say about it become one row (allotment, sold, held, released,
// on request, occupancy, ADR, RevPAR), and a room line's revenue is spread over its nights.
// The report (occupancy.ts) reads the rows; these functions only count.
import { type CalendarDate, daysBetween, nightsOfStay } from '../../../calendar.ts';
import type { DocumentLocale } from '../../documents/pdf.ts';

/** A heading in each document language. */
export type Label = Record<DocumentLocale, string>;
export const label = (en: string, cs: string, pl: string, tr: string, zh: string): Label => ({
  en,
  cs,
  pl,
  tr,
  zh,
});

/** The text in the asked language, else English, else any. */
export function textIn(
  text: Partial<Record<DocumentLocale, string>> | null | undefined,
  language: DocumentLocale,
): string {
  if (!text) return '';
  return text[language] ?? text.en ?? text.cs ?? text.pl ?? text.tr ?? text.zh ?? '';
}

/** A share as a fraction; null when there is nothing to divide by. */
export function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** An amount per unit in whole minor units (half away from zero); null without units. */
export function perUnit(amount: number, units: number): number | null {
  if (units <= 0) return null;
  const value = amount / units;
  return Math.sign(value) * Math.round(Math.abs(value)) || 0;
}

/**
 * An allotment night whose release period has begun gave its unsold units back to the hotel
 * (the inventory's own rule, rules.ts `isReleased`): those units are "released".
 */
export function releasedUnits(
  day: {
    kind: string;
    date: CalendarDate;
    capacity: number;
    sold: number;
    releaseDays: number | null;
  },
  held: number,
  today: CalendarDate,
): number {
  const released =
    day.kind === 'allotment' &&
    day.releaseDays !== null &&
    daysBetween(today, day.date) < day.releaseDays;
  return released ? Math.max(0, day.capacity - day.sold - held) : 0;
}

/** A line of a room's stay with what the ledger holds for it, in the base currency. */
export interface RoomRevenueLine {
  roomTypeId: string;
  from: CalendarDate;
  to: CalendarDate;
  revenue: number;
}

/**
 * Room revenue per room type and night: each line's revenue spread evenly over its nights
 * (a 700,00 line of 7 nights is 100,00 a night), only the nights from `from` to `to` kept.
 * Not rounded: the caller rounds each figure it shows.
 */
export function revenueByNight(
  lines: readonly RoomRevenueLine[],
  from: CalendarDate,
  to: CalendarDate,
): Map<string, number> {
  const byNight = new Map<string, number>();
  for (const line of lines) {
    const nights = nightsOfStay(line.from, line.to);
    if (nights.length === 0) continue;
    const share = line.revenue / nights.length;
    for (const night of nights) {
      if (night < from || night > to) continue;
      const key = `${line.roomTypeId}|${night}`;
      byNight.set(key, (byNight.get(key) ?? 0) + share);
    }
  }
  return byNight;
}

/** One room type's night, as the hotels view shows it. */
export interface HotelNight {
  allotment: number;
  sold: number;
  held: number;
  released: number;
  onRequest: number;
  occupancy: number | null;
  adr: number | null;
  revpar: number | null;
}

/**
 * occupancy = sold / allotment; ADR = room revenue / rooms sold; RevPAR = room revenue /
 * rooms available (the allotment).
 */
export function hotelNight(
  counts: Pick<HotelNight, 'allotment' | 'sold' | 'held' | 'released' | 'onRequest'>,
  revenue: number,
): HotelNight {
  return {
    ...counts,
    occupancy: ratio(counts.sold, counts.allotment),
    adr: perUnit(revenue, counts.sold),
    revpar: perUnit(revenue, counts.allotment),
  };
}

/** What the ledger says of the bookings staying in the hotels: made, cancelled, nights. */
export interface StayFacts {
  /** Bookings made (events `created` and a line-less `override`). */
  made: number;
  /** Bookings cancelled (taken back by a `cancelled` event). */
  cancelled: number;
  /** Bookings and nights still sold (every event summed). */
  liveBookings: number;
  liveNights: number;
}

export function averageStay(facts: StayFacts): number | null {
  return facts.liveBookings > 0 ? facts.liveNights / facts.liveBookings : null;
}

export function cancellationRate(facts: StayFacts): number | null {
  return ratio(facts.cancelled, facts.made);
}

/** A departure's or a pool's load: free never below zero, load factor = sold / capacity. */
export function load(capacity: number | null, sold: number, held: number) {
  return {
    capacity,
    sold,
    held,
    free: capacity === null ? null : Math.max(0, capacity - sold - held),
    loadFactor: capacity === null ? null : ratio(sold, capacity),
  };
}
