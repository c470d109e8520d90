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
