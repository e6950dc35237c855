const NON_ASCII = /[^\x00-\x7f]/;

/**
 * Canonical form for duplicate detection only (never for counting lengths): NFKC folds full-width
 * and compatibility forms, case is folded, and whitespace runs collapse, so copies that differ only
 * in formatting hash alike.
 */
export function normalizeForDedup(text: string): string {
  // ASCII is NFKC-invariant; skipping the normaliser matters on large English corpora.
  const folded = NON_ASCII.test(text) ? text.normalize('NFKC') : text;
  return folded.toLowerCase().replace(/\s+/g, ' ').trim();
}
