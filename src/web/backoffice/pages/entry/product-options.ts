// Which of the products at hand answer what is typed in the product box, decided in the
// browser at once: the server's search runs after a pause, and until its answer for the typed
// text arrives the list must not offer products of an older text (a fast "Rimini ↓ Enter"
// would pick one of them).
import type { ProductHit } from './entry-queries.ts';

/** Lower case without accents: "Kraków" → "krakow". */
function folded(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Whether every word typed is in the product's names (any language), code or place. */
export function matchesTyped(hit: ProductHit, typed: string): boolean {
  const words = folded(typed).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const names = typeof hit.name === 'string' ? [hit.name] : Object.values(hit.name);
  const place =
    hit.kind === 'tour'
      ? [hit.code, hit.accommodation.name, hit.accommodation.city, hit.accommodation.country]
      : [hit.city, hit.country];
  const text = folded([...names, ...place].join(' '));
  return words.every((word) => text.includes(word));
}

/**
 * The products to offer for `typed`: the server's answer when it is for this very text,
 * otherwise those of an earlier answer that match the text as typed.
 */
export function productsFor(
  items: readonly ProductHit[],
  typed: string,
  answeredFor: string | null,
): ProductHit[] {
  if (answeredFor !== null && answeredFor.trim() === typed.trim()) return [...items];
  return items.filter((hit) => matchesTyped(hit, typed));
}
