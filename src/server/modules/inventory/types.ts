// Inventory domain types: what has capacity (resources and pools), what a booking takes
// (components), and what a take recorded (items).
import type { CalendarDate } from '../../calendar.ts';
import type { CapacityKind, PoolMemberKind, ResourceKind, TakeStatus } from '../../db/schema.ts';

export type { CapacityKind, PoolMemberKind, ResourceKind, TakeStatus };

/**
 * Names one resource: a room type; one class of a transport departure; one time slot of an
 * attraction ('' for tickets without slots); a limited extra service.
 */
export interface ResourceRef {
  kind: ResourceKind;
  ownerId: string;
  classCode?: string;
}

export interface CapacitySettings {
  from: CalendarDate;
  to: CalendarDate;
  kind: CapacityKind;
  units: number;
  releaseDays?: number | null;
  stopSale?: boolean;
  minStay?: number | null;
  closedToArrival?: boolean;
}

export interface RestrictionSettings {
  from: CalendarDate;
  to: CalendarDate;
  stopSale?: boolean;
  minStay?: number | null;
  closedToArrival?: boolean;
  releaseDays?: number | null;
}

/** One counter of one resource on one date, as stored. */
export interface DayCounter {
  resourceId: string;
  date: CalendarDate;
  kind: CapacityKind;
  capacity: number;
  sold: number;
  held: number;
  releaseDays: number | null;
  stopSale: boolean;
  minStay: number | null;
  closedToArrival: boolean;
}

export interface PoolCounter {
  id: string;
  name: string;
  capacity: number;
  sold: number;
  held: number;
  lowStockThreshold: number | null;
  alertUserIds: string[];
}

/** The alert settings of a resource: its threshold and the staff to tell. */
export interface ResourceAlertSettings {
  id: string;
  label: string;
  lowStockThreshold: number | null;
  alertUserIds: string[];
}

/** What a booking asks of the inventory, one entry per part of the trip. */
export type Component =
  | {
      type: 'room';
      roomTypeId: string;
      checkIn: CalendarDate;
      checkOut: CalendarDate;
      quantity: number;
    }
  | { type: 'seats'; departureId: string; classCode: string; quantity: number }
  | {
      type: 'tickets';
      attractionId: string;
      date: CalendarDate;
      timeSlot?: string;
      quantity: number;
    }
  | { type: 'service'; serviceId: string; date: CalendarDate; quantity: number }
  | { type: 'tour'; tourId: string; quantity: number };

export interface TakeItem {
  component: number;
  resourceId: string | null;
  date: CalendarDate | null;
  poolId: string | null;
  quantity: number;
  onRequest: boolean;
}

export interface Take {
  id: string;
  status: TakeStatus;
  reference: string | null;
  expiresAt: string | null;
  createdAt: string;
  /** Per component: true when any of its nights is on request (the line stays `requested`). */
  onRequest: boolean[];
  items: TakeItem[];
}
