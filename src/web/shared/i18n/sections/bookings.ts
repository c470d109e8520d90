// The bookings list and the booking detail, in every language. English is the reference: the others must have exactly its keys.
import type { DeepStrings } from '../messages.ts';

const en = {
  title: 'Bookings',
} as const;

type Strings = DeepStrings<typeof en>;

export const bookings: { en: typeof en; cs: Strings; pl: Strings; tr: Strings; zh: Strings } = {
  en,
  cs: { title: 'Bookings' },
  pl: { title: 'Bookings' },
  tr: { title: 'Bookings' },
  zh: { title: 'Bookings' },
};
