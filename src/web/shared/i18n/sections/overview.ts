// The dashboard: today, what waits for staff, stock alerts, bookings per day, in every language. English is the reference: the others must have exactly its keys.
import type { DeepStrings } from '../messages.ts';

const en = {
  title: 'Overview',
} as const;

type Strings = DeepStrings<typeof en>;

export const overview: { en: typeof en; cs: Strings; pl: Strings; tr: Strings; zh: Strings } = {
  en,
  cs: { title: 'Overview' },
  pl: { title: 'Overview' },
  tr: { title: 'Overview' },
  zh: { title: 'Overview' },
};
