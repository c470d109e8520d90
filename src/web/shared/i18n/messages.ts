// The shape every language file must have: English's keys, each holding a string.
import type { en } from './en.ts';

export type DeepStrings<T> = {
  [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]>;
};

export type Messages = DeepStrings<typeof en>;
