// Text search in the catalog's SQL: the one place that turns what a user typed into an
// `ilike` pattern, so a `%` or `_` in the text matches itself and not any character.

/** The text for ilike with its wildcards (and the escape character) escaped: matches it whole. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, '\\$&');
}

/** `%text%` for ilike, with the wildcards of the text itself escaped. */
export function containsPattern(text: string): string {
  return `%${escapeLike(text)}%`;
}
