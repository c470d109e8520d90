// The customer portal, in every language. English is the reference: the others must have exactly its keys.
import type { DeepStrings } from '../messages.ts';

const en = {
  title: 'Portal',
} as const;

type Strings = DeepStrings<typeof en>;

export const portal: { en: typeof en; cs: Strings; pl: Strings; tr: Strings; zh: Strings } = {
  en,
  cs: { title: 'Portal' },
  pl: { title: 'Portal' },
  tr: { title: 'Portal' },
  zh: { title: 'Portal' },
};
