// A company's travel policy against one booking (B9, R2): which of its limits the booking
// breaks. Pure: the service reads the facts (room type codes, the class of travel, the total
// converted into each cap's currency) and stores the answer; an approver reads the messages.

import type { PolicyBreach } from '../../db/schema.ts';
import type { TravelPolicy } from '../customers/types.ts';
import type { Money } from '../pricing/money.ts';
import { format } from '../pricing/money.ts';

export interface PolicyFacts {
  /** The booking's total converted into `currency`; null when no exchange rate is known. */
  totalIn: (currency: string) => number | null;
  nights: number;
  roomTypeCodes: readonly string[];
  transportClasses: readonly string[];
  /** Days from the booking date to departure. */
  daysInAdvance: number;
}

const shown = (value: Money) => format(value, 'en');

/** A cap in a currency nobody can convert into is an approver's call, not a silent pass. */
const unconvertible = (rule: string, cap: Money): PolicyBreach => ({
  rule,
  message: `no exchange rate into ${cap.currency} to compare with the ${shown(cap)} allowed`,
  params: { unconvertible: 1, allowed: cap.amount, currency: cap.currency },
});

export function policyBreaches(policy: TravelPolicy, facts: PolicyFacts): PolicyBreach[] {
  const breaches: PolicyBreach[] = [];
  const trip = policy.maxPricePerTrip;
  if (trip) {
    const total = facts.totalIn(trip.currency);
    if (total === null) breaches.push(unconvertible('maxPricePerTrip', trip));
    else if (total > trip.amount) {
      breaches.push({
        rule: 'maxPricePerTrip',
        message: `costs ${shown({ amount: total, currency: trip.currency })}, over the ${shown(trip)} allowed per trip`,
        params: { actual: total, allowed: trip.amount, currency: trip.currency },
      });
    }
  }
  const night = policy.maxPricePerNight;
  if (night && facts.nights > 0) {
    const total = facts.totalIn(night.currency);
    const perNight = total === null ? null : Math.ceil(total / facts.nights);
    if (perNight === null) breaches.push(unconvertible('maxPricePerNight', night));
    else if (perNight > night.amount) {
      breaches.push({
        rule: 'maxPricePerNight',
        message: `costs ${shown({ amount: perNight, currency: night.currency })} a night, over the ${shown(night)} allowed`,
        params: { actual: perNight, allowed: night.amount, currency: night.currency },
      });
    }
  }
  const rooms = policy.allowedRoomTypeCodes;
  if (rooms) {
    const outside = [...new Set(facts.roomTypeCodes.filter((code) => !rooms.includes(code)))];
    if (outside.length > 0) {
      breaches.push({
        rule: 'allowedRoomTypeCodes',
        message: `room ${outside.join(', ')} is not among those allowed (${rooms.join(', ') || 'none'})`,
        params: { codes: outside.join(', '), allowedCodes: rooms.join(', ') },
      });
    }
  }
  const classes = policy.allowedTransportClasses;
  if (classes) {
    const outside = [...new Set(facts.transportClasses.filter((code) => !classes.includes(code)))];
    if (outside.length > 0) {
      breaches.push({
        rule: 'allowedTransportClasses',
        message: `class ${outside.join(', ')} is not among those allowed (${classes.join(', ') || 'none'})`,
        params: { codes: outside.join(', '), allowedCodes: classes.join(', ') },
      });
    }
  }
  if (policy.minAdvanceDays !== null && facts.daysInAdvance < policy.minAdvanceDays) {
    breaches.push({
      rule: 'minAdvanceDays',
      message: `booked ${facts.daysInAdvance} days ahead, fewer than the ${policy.minAdvanceDays} required`,
      params: { days: facts.daysInAdvance, required: policy.minAdvanceDays },
    });
  }
  if (policy.requireApproval) {
    breaches.push({
      rule: 'requireApproval',
      message: 'every booking of the company is approved',
      params: {},
    });
  }
  return breaches;
}
