// Who travels, checked against what was quoted (B2): as many adults and children as the
// party; each child's age on the first day of travel equal to an age the quote was priced
// for; documents valid beyond the last day. Pure: the booking service calls it before
// writing anything, and the portal shows the same messages.
import { daysBetween, isCalendarDate } from '../../calendar.ts';
import type { FieldError } from '../../errors.ts';

export interface TravellerInput {
  firstName: string;
  lastName: string;
  birthDate: string;
  nationality?: string | null;
  documentType?: 'passport' | 'id_card' | null;
  documentNumber?: string | null;
  documentExpiry?: string | null;
  email?: string | null;
  phone?: string | null;
  /** For the tour leader (T3). Left out: whatever is recorded stays. */
  diet?: string | null;
  medicalNotes?: string | null;
  emergencyContact?: string | null;
}

/** A traveller booked as an adult is at least this old on the first day (an adult fare). */
export const minimumAdultAge = 12;

/** Age in whole years on `date` (a birthday on `date` counts; 29 February turns on 1 March). */
export function ageOn(birthDate: string, date: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** Each quoted child age matched to a traveller of exactly that age (under 18). */
function matchChildren(childAges: readonly number[], ages: readonly number[]) {
  const unmatched = [...childAges];
  const isChild = ages.map((age) => {
    const k = unmatched.indexOf(age);
    if (k < 0 || age >= 18) return false;
    unmatched.splice(k, 1);
    return true;
  });
  return { isChild, unmatched };
}

/** Which travellers travel as the quote's children (call after travellerProblems is empty). */
export function childTravellers(
  party: { childAges: readonly number[] },
  travellers: readonly TravellerInput[],
  start: string,
): boolean[] {
  return matchChildren(
    party.childAges,
    travellers.map((t) => ageOn(t.birthDate, start)),
  ).isChild;
}

export interface PartyShape {
  adults: number;
  childAges: readonly number[];
}

/**
 * What is wrong with the travellers of a booking for `party`, travelling from `start` to
 * `end`. Children are matched to the quoted ages by their age on `start`; everyone else
 * travels as an adult. Errors name `/travellers` or `/travellers/i/field`.
 */
export function travellerProblems(
  party: PartyShape,
  travellers: readonly TravellerInput[],
  start: string,
  end: string,
): FieldError[] {
  const problems: FieldError[] = [];
  const size = party.adults + party.childAges.length;
  if (travellers.length !== size) {
    return [
      {
        path: '/travellers',
        message: `the quote is for ${size} traveller${size === 1 ? '' : 's'}; ${travellers.length} given`,
      },
    ];
  }
  const ages: Array<number | null> = travellers.map((t, i) => {
    const at = `/travellers/${i}`;
    if (!isCalendarDate(t.birthDate)) {
      problems.push({ path: `${at}/birthDate`, message: 'is not a YYYY-MM-DD date' });
      return null;
    }
    if (t.birthDate > start) {
      problems.push({
        path: `${at}/birthDate`,
        message: `is after the first day of travel (${start})`,
      });
      return null;
    }
    if (t.documentExpiry) {
      if (!isCalendarDate(t.documentExpiry)) {
        problems.push({ path: `${at}/documentExpiry`, message: 'is not a YYYY-MM-DD date' });
      } else if (daysBetween(t.documentExpiry, end) >= 0) {
        problems.push({
          path: `${at}/documentExpiry`,
          message: `the document expires on ${t.documentExpiry}; it must be valid after the trip ends (${end})`,
        });
      }
    }
    if (t.documentNumber && !t.documentType) {
      problems.push({ path: `${at}/documentType`, message: 'is required with a document number' });
    }
    return ageOn(t.birthDate, start);
  });
  if (problems.length > 0) return problems;

  const { isChild, unmatched } = matchChildren(party.childAges, ages as number[]);
  if (unmatched.length > 0) {
    problems.push({
      path: '/travellers',
      message: `the quote has children aged ${unmatched.join(', ')} on ${start}; no traveller is that age then (ages come from birth dates)`,
    });
  }
  ages.forEach((age, i) => {
    if (!isChild[i] && (age as number) < minimumAdultAge) {
      problems.push({
        path: `/travellers/${i}/birthDate`,
        message: `is ${age} on ${start}: too young to travel as an adult; quote them as a child`,
      });
    }
  });
  return problems;
}
