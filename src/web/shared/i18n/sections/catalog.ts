// Catalog and price editors, in every language. English is the reference: the others must have exactly its keys.
import type { DeepStrings } from '../messages.ts';

const en = {
  title: 'Catalog',
} as const;

type Strings = DeepStrings<typeof en>;

export const catalog: { en: typeof en; cs: Strings; pl: Strings; tr: Strings; zh: Strings } = {
  en,
  cs: { title: 'Catalog' },
  pl: { title: 'Catalog' },
  tr: { title: 'Catalog' },
  zh: { title: 'Catalog' },
};
