// What makes an offer well formed, checked before anything is written: unique variant and
// action codes, texts in English at least (the fallback for every other language), and a
// sensible deadline. Pure: the service adds the checks that need the database.
import { addDays, type CalendarDate } from '../../calendar.ts';
import type { FieldError } from '../../errors.ts';
import type { OfferInput, RequiredActionTemplate } from './types.ts';

function duplicates(codes: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const code of codes) (seen.has(code) ? twice : seen).add(code);
  return twice;
}

export function offerProblems(offer: OfferInput): FieldError[] {
  const problems: FieldError[] = [];
  const variants = offer.variants ?? [];
  const twiceVariants = duplicates(variants.map((v) => v.code));
  variants.forEach((variant, i) => {
    if (twiceVariants.has(variant.code)) {
      problems.push({ path: `/variants/${i}/code`, message: `${variant.code} is given twice` });
    }
  });
  const actions = offer.requiredActions ?? [];
  const twiceActions = duplicates(actions.map((a) => a.code));
  actions.forEach((action, i) => {
    if (twiceActions.has(action.code)) {
      problems.push({
        path: `/requiredActions/${i}/code`,
        message: `${action.code} is given twice`,
      });
    }
    for (const field of ['title', 'instructions'] as const) {
      if (!action[field].en) {
        problems.push({
          path: `/requiredActions/${i}/${field}/en`,
          message: 'is required: English is shown when the customer’s language is missing',
        });
      }
    }
  });
  const channels = offer.channels ?? [];
  const twiceChannels = duplicates(channels);
  channels.forEach((channel, i) => {
    if (twiceChannels.has(channel)) {
      problems.push({ path: `/channels/${i}`, message: `${channel} is given twice` });
    }
  });
  if (channels.length > 0 && !offer.productId) {
    problems.push({
      path: '/channels',
      message: 'an offer applies to a channel’s bookings only for its product: name productId',
    });
  }
  return problems;
}

/**
 * The date an action is due: so many days before departure, but never before the booking is
 * made (an action due "30 days before" on a booking made 10 days before is due today).
 */
export function dueDateOf(
  action: Pick<RequiredActionTemplate, 'dueDaysBeforeDeparture'>,
  departure: CalendarDate,
  today: CalendarDate,
): CalendarDate | null {
  if (action.dueDaysBeforeDeparture === null) return null;
  const due = addDays(departure, -action.dueDaysBeforeDeparture);
  return due < today ? today : due;
}
