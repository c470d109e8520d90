// Text search in the catalog's SQL: the one place that turns what a user typed into an
// `ilike` pattern, so a `%` or `_` in the text matches itself and not any character.
import { sql } from 'kysely';

/** The text for ilike with its wildcards (and the escape character) escaped: matches it whole. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, '\\$&');
}

/** `%text%` for ilike, with the wildcards of the text itself escaped. */
export function containsPattern(text: string): string {
  return `%${escapeLike(text)}%`;
}

/**
 * True when some language of a jsonb `{ en, cs, … }` column contains the pattern — the
 * values only, so a search for "en" does not match every row by its language keys.
 */
export function localizedContains(column: string, pattern: string) {
  return sql<boolean>`exists (select 1 from jsonb_each_text(${sql.ref(column)}) as t(lang, text) where t.text ilike ${pattern})`;
}

// Letters that carry their difference in the letter itself, not in a combining mark, so
// Unicode decomposition leaves them as they are: Polish ł, Turkish ı, Nordic ø, German ß…
const foldedLetters: Record<string, string> = {
  ł: 'l',
  ı: 'i',
  đ: 'd',
  ð: 'd',
  ø: 'o',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
};

/**
 * Text as search compares it: lower case, without diacritics ("Dvořák", "DVORAK" and
 * "dvořak" all become "dvorak"; "Łódź" "lodz"; "Yılmaz" "yilmaz"), compatibility forms
 * unified (full-width letters and digits), spaces collapsed. Chinese stays as it is.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[łıđðøßæœþ]/g, (letter) => foldedLetters[letter] ?? letter)
    .replace(/\s+/g, ' ')
    .trim();
}
