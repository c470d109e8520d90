// Priced pieces ("segments") become quote lines: pieces that differ only in who they are
// for merge into one line (two adults at the same price for the same nights), so a quote
// reads like an operator's calculation sheet, not a list of every night.
import type { CalendarDate } from '../../calendar.ts';
import type { LineKind, QuoteLine } from './engine-types.ts';
import type { ProductKind } from './types.ts';

/** A priced piece: `unitPrice` per unit, `units` per head (nights, days, a count), heads. */
export interface Segment {
  kind: LineKind;
  productKind: ProductKind;
  productId: string;
  /** Pieces merge only within the same group (same room type, charge and band). */
  group: string;
  label: string;
  travellers: number[];
  room: number | null;
  from: CalendarDate | null;
  to: CalendarDate | null;
  nights: number | null;
  period: string | null;
  childBand: string | null;
  unitPrice: number;
  unitCost: number | null;
  units: number;
  heads: number;
}

export function mergeSegments(segments: readonly Segment[]): Segment[] {
  const merged = new Map<string, Segment>();
  for (const s of segments) {
    const key = [
      s.group,
      s.unitPrice,
      s.unitCost,
      s.period,
      s.from,
      s.to,
      s.units,
      s.childBand,
    ].join('|');
    const current = merged.get(key);
    if (!current) {
      merged.set(key, { ...s, travellers: [...s.travellers] });
      continue;
    }
    current.heads += s.heads;
    for (const t of s.travellers) if (!current.travellers.includes(t)) current.travellers.push(t);
    if (current.room !== s.room) current.room = null;
  }
  return [...merged.values()].map((s) => ({
    ...s,
    travellers: [...s.travellers].sort((a, b) => a - b),
  }));
}

export function segmentLine(s: Segment): QuoteLine {
  const quantity = s.units * s.heads;
  const amount = s.unitPrice * quantity;
  const cost = s.unitCost === null ? null : s.unitCost * quantity;
  return {
    kind: s.kind,
    productKind: s.productKind,
    productId: s.productId,
    label: s.label,
    travellers: s.travellers,
    room: s.room,
    from: s.from,
    to: s.to,
    nights: s.nights,
    period: s.period,
    childBand: s.childBand,
    unitPrice: s.unitPrice,
    quantity,
    amount,
    cost,
    margin: cost === null ? null : amount - cost,
    rule: null,
  };
}

/**
 * Consecutive nights at the same price become one piece: `nights` holds each night's piece
 * (same group and head), in date order.
 */
export function runsOfNights<
  T extends { date: CalendarDate; unitPrice: number; unitCost: number | null; period: string },
>(
  nights: readonly T[],
  addDay: (date: CalendarDate) => CalendarDate,
): Array<{ first: T; from: CalendarDate; to: CalendarDate; count: number }> {
  const runs: Array<{ first: T; from: CalendarDate; to: CalendarDate; count: number }> = [];
  for (const night of nights) {
    const last = runs[runs.length - 1];
    if (
      last &&
      last.to === night.date &&
      last.first.unitPrice === night.unitPrice &&
      last.first.unitCost === night.unitCost &&
      last.first.period === night.period
    ) {
      last.to = addDay(night.date);
      last.count += 1;
    } else {
      runs.push({ first: night, from: night.date, to: addDay(night.date), count: 1 });
    }
  }
  return runs;
}
