// Which required actions a customer completes by entering the travellers on the portal (B8).
// The rule, by the action's kind: `traveller_details` is done once every traveller has a name
// and a birth date (a booking cannot hold less, so saving them does it); `documents` once
// every traveller has a passport or ID card with its number and expiry. Other kinds (signing
// the contract…) are confirmed by staff. Pure: plain data in, the ids to mark done out.
import type { RequiredActionKind } from '../../db/schema.ts';
import type { TravellerInput } from '../bookings/travellers.ts';

export interface OpenAction {
  id: string;
  kind: RequiredActionKind;
  done: boolean;
}

const hasDetails = (t: TravellerInput) =>
  t.firstName.trim() !== '' && t.lastName.trim() !== '' && t.birthDate !== '';

const hasDocument = (t: TravellerInput) =>
  Boolean(t.documentType && t.documentNumber?.trim() && t.documentExpiry);

/** The open actions these travellers' details complete. */
export function actionsCompletedBy(
  travellers: readonly TravellerInput[],
  actions: readonly OpenAction[],
): string[] {
  if (travellers.length === 0) return [];
  return actions
    .filter((action) => !action.done)
    .filter((action) => {
      switch (action.kind) {
        case 'traveller_details':
          return travellers.every(hasDetails);
        case 'documents':
          return travellers.every((t) => hasDetails(t) && hasDocument(t));
        case 'sign_contract':
        case 'other':
          return false;
        default:
          return action.kind satisfies never;
      }
    })
    .map((action) => action.id);
}
