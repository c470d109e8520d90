// Quick manual entry of a phone or e-mail booking, in every language. English is the reference: the others must have exactly its keys.
import type { DeepStrings } from '../messages.ts';

const en = {
  title: 'Entry',
} as const;

type Strings = DeepStrings<typeof en>;

export const entry: { en: typeof en; cs: Strings; pl: Strings; tr: Strings; zh: Strings } = {
  en,
  cs: { title: 'Entry' },
  pl: { title: 'Entry' },
  tr: { title: 'Entry' },
  zh: { title: 'Entry' },
};
